"""training/labelling.py: how extracted lines are labelled against a page's ground truth.

Hand-written pages only (no fetched data): a story, the furniture a scraper leaves around it,
and the debatable lines that must be allow, not expect.
"""

import importlib.util
import sys
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "training_labelling", Path(__file__).resolve().parent.parent / "training" / "labelling.py")
labelling = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = labelling  # dataclasses look their module up there
_SPEC.loader.exec_module(labelling)

TRUTH = labelling.Truth([
    "The city council voted on Tuesday to close the old bridge to traffic for repairs.",
    "Engineers found cracks in two of the supports last month, the mayor said.",
    "Work is expected to take six weeks and cost about 2 million dollars.",
])
META = labelling.PageMeta(headlines=["Council closes old bridge for repairs"],
                          descriptions=["The bridge will be shut for six weeks while engineers fix cracks."])


def _labels(lines, title="Council closes old bridge for repairs", truth=TRUTH, meta=META):
    expect, allow = labelling.label_lines(title, lines, truth, meta)
    by_line = {}
    for kind, group in (("expect", expect), ("allow", allow)):
        for label in group:
            if label["family"] == "injected":
                by_line[(label["line"] - 3) // 2] = (kind, label["kind"])
    return by_line, expect, allow


def test_story_lines_get_no_label_and_furniture_is_expected():
    lines = [
        "The city council voted on Tuesday to close the old bridge to traffic for repairs.",
        "Sign up for our morning newsletter to get the top stories in your inbox.",
        "Engineers found cracks in two of the supports last month, the mayor said.",
    ]
    by_line, _, _ = _labels(lines)
    assert 0 not in by_line and 2 not in by_line
    assert by_line[1] == ("expect", "not-in-ground-truth")


def test_debatable_lines_are_allow_not_expect():
    lines = [
        "Council closes old bridge for repairs",
        "By Jane Smith",
        "The bridge will be shut for six weeks while engineers fix cracks.",
        "Work is expected to take six weeks and cost about 2 million dollars.",
    ]
    by_line, _, allow = _labels(lines)
    assert by_line[0] == ("allow", "headline-repeated")
    assert by_line[1] == ("allow", "byline-or-date")
    assert by_line[2] == ("allow", "standfirst")
    assert 3 not in by_line
    assert {"line": 1, "family": "structure", "kind": "headline-repeated-as-first-paragraph"} in allow


def test_a_line_half_in_the_truth_is_allow_partly():
    lines = ["Engineers found cracks in two of the supports last month, readers can comment below now."]
    by_line, _, _ = _labels(lines)
    assert by_line[0] == ("allow", "partly-in-ground-truth")


def test_unmistakable_furniture_is_expect_even_when_its_words_are_in_the_truth():
    truth = labelling.Truth(["Advertisement", "The vote was close."])
    by_line, _, _ = _labels(["Advertisement", "The vote was close."], truth=truth)
    assert by_line[0] == ("expect", "not-in-ground-truth")
    assert 1 not in by_line


def test_cjk_is_compared_by_character():
    truth = labelling.Truth(["今年上半年我国城市的排位已经正式出炉。"])
    assert labelling.words("排位出炉") == ["排", "位", "出", "炉"]
    by_line, _, _ = _labels(["今年上半年我国城市的排位已经正式出炉。", "点击这里订阅我们的新闻"], truth=truth)
    assert 0 not in by_line
    assert by_line[1] == ("expect", "not-in-ground-truth")


def test_a_one_word_line_found_only_inside_a_paragraph_is_not_story():
    by_line, _, _ = _labels(["mayor", "Photos"])
    assert by_line[0] == ("allow", "partly-in-ground-truth")
    assert by_line[1] == ("expect", "not-in-ground-truth")


def test_list_items_are_not_signatures_but_dashed_names_are():
    meta = labelling.PageMeta([], [])
    assert labelling.debatable_kind("- God Eater", labelling.words("- God Eater"), 0.0, meta) is None
    assert labelling.debatable_kind("--Scott Ferguson", labelling.words("--Scott Ferguson"), 0.0,
                                    meta) == "byline-or-date"


def test_missing_title_and_low_coverage_get_structure_labels():
    lines = ["Sign up for our morning newsletter to get the top stories in your inbox."]
    _, expect, allow = _labels(lines, title="")
    assert {"line": 1, "family": "structure", "kind": "missing-headline"} in expect
    assert {"line": 3, "family": "structure", "kind": "truncated-extraction"} in allow
    assert {"line": 3, "family": "structure", "kind": "non-story-last-line"} in allow


def test_partial_labels_from_must_and_must_not_snippets():
    partial = {"with": ["close the old bridge"], "without": ["Impressum", "Twitter"]}
    lines = ["The council voted to close the old bridge.", "Impressum",
             "The mayor wrote on Twitter that the closure was overdue and costly.", "Other text here."]
    expect, allow = labelling.label_lines("Bridge", lines, None, labelling.PageMeta([], []), partial)
    kinds = {(label["line"] - 3) // 2: label["kind"] for label in expect + allow}
    assert 0 not in kinds
    assert kinds[1] == "must-not-snippet" and any(label["line"] == 5 for label in expect)
    assert kinds[2] == "contains-must-not-snippet"
    assert kinds[3] == "not-judged"


def test_a_caption_or_credit_the_truth_kept_is_allow_not_story():
    truth = labelling.Truth(["A crowd waits outside the town hall on Monday. (AP Photo)", "(Credit: Getty)",
                             "52 comments"])
    by_line, _, _ = _labels(["A crowd waits outside the town hall on Monday. (AP Photo)", "(Credit: Getty)",
                             "52 comments"], truth=truth)
    assert by_line[0] == ("allow", "credit-in-ground-truth")
    assert by_line[1] == ("allow", "credit-in-ground-truth")
    assert by_line[2] == ("expect", "not-in-ground-truth")


def test_a_prompt_the_truth_kept_is_allow_but_a_story_line_about_twitter_is_story():
    lines = ["Follow Marcas on Twitter @MarcasG", "You might also like",
             "The mayor wrote on Twitter that the bridge would reopen in the spring."]
    by_line, _, _ = _labels(lines, truth=labelling.Truth(lines))
    assert by_line[0] == ("allow", "furniture-in-ground-truth")
    assert by_line[1] == ("allow", "furniture-in-ground-truth")
    assert 2 not in by_line
