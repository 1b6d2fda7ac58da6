"""benchmarks/sources.py scores findings against a source's labels; convert_sources.py parses wire copy.

The inputs are written here by hand: no article from the datasets the benchmark reads.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import convert_sources  # noqa: E402
import sources  # noqa: E402

PARAGRAPH = ("The council voted on Tuesday to close the old library on Mill Street after a survey "
             "found its roof unsafe, and the books will move to the town hall annexe.")


def _source(tmp_path: Path, labels: dict) -> Path:
    folder = tmp_path / "town"
    folder.mkdir()
    story = ["Council votes to close Mill Street library", PARAGRAPH,
             "Readers can borrow books from the annexe from next month, a spokeswoman said.",
             PARAGRAPH]
    (folder / "0001.txt").write_text("\n\n".join(story) + "\n", encoding="utf-8")
    (folder / "labels.json").write_text(json.dumps({"score_families": [], "files": labels}),
                                        encoding="utf-8")
    return folder


def test_a_labelled_repeat_is_a_true_positive(tmp_path):
    folder = _source(tmp_path, {"0001.txt": {"expect": [
        {"line": 7, "family": "duplication", "kind": "repeated-paragraph", "code": "NL402"}]}})
    findings = sources.lint_source(folder, ["NL402"], [sys.executable, "-m", "newslint"], None)
    articles, tallies = sources.score_source(folder, ["NL402"], findings)
    assert articles == 1
    assert (tallies["NL402"].tp, tallies["NL402"].fp) == (1, 0)
    assert (tallies["NL402"].expected, tallies["NL402"].found) == (1, 1)


def test_the_same_finding_unlabelled_is_a_false_alarm(tmp_path):
    folder = _source(tmp_path, {})
    findings = sources.lint_source(folder, ["NL402"], [sys.executable, "-m", "newslint"], None)
    _, tallies = sources.score_source(folder, ["NL402"], findings)
    assert (tallies["NL402"].tp, tallies["NL402"].fp) == (0, 1)
    assert tallies["NL402"].false_alarms[0]["file"] == "0001.txt"


def test_a_defect_labelled_by_family_counts_once_for_the_family(tmp_path):
    folder = _source(tmp_path, {"0001.txt": {"expect": [
        {"line": 7, "family": "duplication", "kind": "repeated-paragraph"}]}})
    findings = sources.lint_source(folder, ["NL401", "NL402"], [sys.executable, "-m", "newslint"], None)
    _, tallies = sources.score_source(folder, ["NL401", "NL402"], findings)
    assert (tallies["duplication"].expected, tallies["duplication"].found) == (1, 1)
    assert tallies["NL401"].expected == tallies["NL402"].expected == 0


def test_saved_findings_are_reused(tmp_path):
    folder = _source(tmp_path, {})
    saved = tmp_path / "town.json"
    saved.write_text(json.dumps([]), encoding="utf-8")
    assert sources.lint_source(folder, ["NL402"], ["no-such-command"], None, saved) == []


def test_a_label_naming_another_rule_does_not_cover_a_finding():
    label = {"line": 7, "family": "duplication", "code": "NL401"}
    assert not sources.covers(label, "NL402", 7)
    assert sources.covers({"line": 7, "family": "duplication"}, "NL402", 7)


def test_wire_body_paragraphs_start_at_indented_lines():
    body = ("Acme Corp said it would\nbuy a plant.\n    The deal is worth\nfive mln dlrs.\n"
            " Reuter\n\x03")
    paragraphs = convert_sources._reuters_body(body, "    LONDON, March 9 - ")
    assert paragraphs == ["LONDON, March 9 - Acme Corp said it would buy a plant.",
                          "The deal is worth five mln dlrs."]


def test_a_table_of_results_is_not_taken_as_a_story():
    table = ["Shr 10 cts vs 5 cts", "Net 1.2 mln vs 800,000", "Revs 12.5 mln vs 9.8 mln"] * 20
    assert not convert_sources._prose(table)
    story = [" ".join(["The company said demand for its products rose in the quarter."] * 8)] * 3
    assert convert_sources._prose(story)
