"""The line model's pure-Python evaluator: hashed lexical keys, the shipped weight format, and
the gate that leaves prose to the story."""
from __future__ import annotations

import base64
import math
from array import array

from newslint.testing import findings
from newslint.text import line_features, line_model, zoning

STORY = ("The council approved the budget on Tuesday after a long debate about spending on roads and schools.",
         "Councillors said taxes would rise next year, though not by as much as residents had feared.",
         "The budget includes money for two new schools and a library in the north of the city.")


def test_lexical_keys_are_stable_fold_digits_and_fit_the_buckets() -> None:
    keys = line_model.lexical_keys("Updated 12 May", 1024)
    assert keys == line_model.lexical_keys("updated 34 may", 1024)
    assert all(0 <= k < 1024 for k in keys)
    assert len(keys) == 3 + 2 + len(" updated 00 may ") - 3  # words, pairs, character 4-grams


def _model(weights: array, threshold: float = 0.5) -> line_model.LineModel:
    stage = {"features": ["lexical"], "bias": 0.0,
             "trees": [{"feature": [0], "threshold": [0.0], "left": [-1], "right": [-2], "leaves": [-2.0, 2.0]}]}
    return line_model.from_json({"local": stage, "threshold": threshold, "lexical": {
        "weights": base64.b64encode(weights.tobytes()).decode(), "scale": 0.5, "bias": -1.0}})


def test_the_lexical_weights_are_signed_bytes_times_the_scale() -> None:
    weights = array("b", [0] * 1024)
    for key in line_model.lexical_keys("Newsletter", 1024):
        weights[key] = 100
    model = _model(weights)
    keys = line_model.lexical_keys("Newsletter", 1024)
    assert math.isclose(model.lexical.logit("Newsletter"), -1.0 + 0.5 * 100 * len(keys) / math.sqrt(len(keys)))
    weights[keys[0]] = -100
    assert _model(weights).lexical.logit("Newsletter") < model.lexical.logit("Newsletter")


def test_only_paragraphs_that_are_not_prose_are_judged() -> None:
    weights = array("b", [0] * 1024)
    for key in line_model.lexical_keys("Newsletter", 1024):
        weights[key] = 120
    model = _model(weights)
    paragraphs = [*STORY, "Newsletter"]
    rows = line_features.paragraph_features(paragraphs, "Council backs budget")
    scores = model.probabilities(rows, paragraphs)
    assert scores[:3] == [0.0, 0.0, 0.0]
    assert math.isclose(scores[3], 1 / (1 + math.exp(-2.0)))
    zoned = zoning.zone_paragraphs(paragraphs, "Council backs budget", model)
    assert [z.zone for z in zoned] == [zoning.Zone.STORY] * 3 + [zoning.Zone.FURNITURE]
    assert zoned[3].place is zoning.Place.AFTER


def test_an_article_of_prose_is_story_without_the_model() -> None:
    zoned = zoning.zone_paragraphs(list(STORY), "Council backs budget")
    assert all(z.is_story and z.furniture == 0.0 for z in zoned)


def test_items_of_a_list_with_furniture_in_it_are_furniture() -> None:
    # "- Related: ..." is a link line (known furniture); its list's other items read as titles
    # the model alone may not be sure of: they are zoned with it, and NL306 reports them.
    paragraphs = [*STORY, "- Related: Mayor quits after row over parking fines",
                  "- Storm damage closes the seafront road for a week", "- School wins national chess prize"]
    zoned = zoning.zone_paragraphs(paragraphs, "Council backs budget")
    assert [z.zone for z in zoned[3:]] == [zoning.Zone.FURNITURE] * 3
    assert zoned[3].why is None and zoned[4].why is zoning.Why.LISTED
    assert zoned[4].confidence == zoning.LISTED_CONFIDENCE
    text = "Council backs budget\n\n" + "\n\n".join(paragraphs) + "\n"
    reported = [(d.line, d.message.endswith("(an item of a list of furniture)"))
                for d in findings(text, "NL306", min_confidence=0)]
    assert (11, True) in reported and 9 not in [line for line, _ in reported]  # line 9 is NL301's


def test_a_story_list_without_furniture_stays_story() -> None:
    paragraphs = [*STORY, "- Road repairs will take the largest share of the money",
                  "- Schools will get new classrooms and heating", "- Libraries will open on Sundays"]
    zoned = zoning.zone_paragraphs(paragraphs, "Council backs budget")
    assert not any(z.why is zoning.Why.LISTED for z in zoned)
    assert all(z.zone is zoning.Zone.STORY for z in zoned)


def _edges(furniture: list[float], prose: list[bool], threshold: float = 0.95) -> tuple[list[zoning.Zone], frozenset[int]]:
    zones = [(zoning.Zone.FURNITURE if p >= threshold else zoning.Zone.STORY, p) for p in furniture]
    rows = [{"prose": float(flag)} for flag in prose]
    grown = zoning._extend_edges(["text"] * len(furniture), rows, zones, furniture, threshold, frozenset())
    return [zone for zone, _ in zones], grown


def test_lines_the_model_leans_furniture_on_join_the_furniture_they_border_after_the_story() -> None:
    # prose, prose, then "Thanks for signing up!" (0.44), "Sorry!" (0.86), then a line the
    # model is sure of: the two story-zoned lines border it, outside the prose.
    zones, grown = _edges([0.0, 0.0, 0.44, 0.86, 0.97], [True, True, False, False, False])
    assert grown == frozenset({2, 3}) and zones[2:] == [zoning.Zone.FURNITURE] * 3


def test_the_spread_stops_at_prose_at_a_line_the_model_calls_story_and_inside_the_story() -> None:
    # a line under EDGE_FURNITURE stops it, and what lies beyond stays story
    assert _edges([0.0, 0.3, 0.86, 0.97], [True, False, False, False])[1] == frozenset({2})
    # prose is never furniture: a short prose line between stops it
    assert _edges([0.0, 0.86, 0.0, 0.97], [True, False, True, False])[1] == frozenset()
    # furniture inside the story (prose after it) does not spread
    assert _edges([0.0, 0.86, 0.97, 0.0], [True, False, False, True])[1] == frozenset()


def test_before_the_story_the_spread_runs_down_to_the_first_prose() -> None:
    zones, grown = _edges([0.97, 0.6, 0.0, 0.0], [False, False, True, True])
    assert grown == frozenset({1})


def test_contributor_credits_are_bylines() -> None:
    for line in ("AFP contributed to this report.", "Contributing: Jim Michaels",
                 "With files from The Canadian Press", "Associated Press writer Jill Colvin contributed to this report."):
        assert zoning.is_byline(line, len(line.split())), line
    assert not zoning.is_byline("Residents contributed to the fund for the new library.", 9)


def _tables(furniture: list[float], prose: list[bool], words: float = 1.0,
            threshold: float = 0.95, texts: list[str] | None = None) -> list[zoning.Zone]:
    zones = [(zoning.Zone.FURNITURE if p >= threshold else zoning.Zone.STORY, p) for p in furniture]
    rows = [{"prose": float(flag), "words": math.log1p(words)} for flag in prose]
    zoning._keep_story_tables(texts or ["cell"] * len(furniture), rows, zones, furniture, threshold)
    return [zone for zone, _ in zones]


def test_a_list_the_story_introduces_with_a_label_is_the_story_s_whatever_the_model_says() -> None:
    # nb-vg: "For:" over the countries that voted for a resolution, one a line, between prose;
    # the model calls the names menu entries nearly throughout
    names = ["For:", "Andorra", "Armenia", "Belgia", "Frankrike", "Irland", "Sverige", "Mot:", "Ungarn", "Østerrike"]
    before, after = ["The minister spoke."] * 4, ["The resolution passed."] * 4
    furniture = [0.0] * 4 + [0.97] * len(names) + [0.0] * 4
    prose = [True] * 4 + [False] * len(names) + [True] * 4
    assert _tables(furniture, prose, texts=[*before, *names, *after]) == [zoning.Zone.STORY] * len(furniture)
    # a link's header ("Related:") introduces furniture: the list stays the model's
    related = ["Related:", *names[1:]]
    assert _tables(furniture, prose, texts=[*before, *related, *after])[5] is zoning.Zone.FURNITURE


def test_the_story_own_table_between_prose_keeps_the_cells_the_model_calls_furniture() -> None:
    # a specification table flattened into ten short lines between two paragraphs: two of its
    # cells ("-", "1140") look like menu entries to the model; the table is the story's
    cells = [0.6, 0.96, 0.7, 0.5, 0.97, 0.8, 0.6, 0.7, 0.5, 0.6]
    zones = _tables([0.0, *cells, 0.0], [True, *[False] * 10, True])
    assert zones == [zoning.Zone.STORY] * 12
    # a block the model calls furniture nearly throughout stays furniture
    mostly = [0.96, 0.97, 0.98, 0.96, 0.5, 0.97, 0.96, 0.98, 0.6, 0.97]
    assert _tables([0.0, *mostly, 0.0], [True, *[False] * 10, True])[1] is zoning.Zone.FURNITURE
    # and a short run, or a run at the article's end, is not judged a table
    assert _tables([0.0, 0.5, 0.96, 0.5, 0.0], [True, False, False, False, True])[2] is zoning.Zone.FURNITURE
    assert _tables([0.0, 0.0, *cells], [True, True, *[False] * 10])[3] is zoning.Zone.FURNITURE


def test_a_long_run_of_names_at_the_end_is_the_story_list_but_long_lines_are_not() -> None:
    # an award's nominees, one or two words a line, closing the article: the few names the model
    # calls furniture are the list's like the rest; twenty titles of ten words are another matter
    names = [0.96 if k % 5 == 0 else 0.9 for k in range(24)]
    zones = _tables([0.0, 0.0, *names], [True, True, *[False] * 24], words=2)
    assert zones == [zoning.Zone.STORY] * 26
    titles = _tables([0.0, 0.0, *names], [True, True, *[False] * 24], words=10)
    assert titles[2] is zoning.Zone.FURNITURE


def _closing(furniture: list[float], prose: list[bool], texts: list[str] | None = None) -> tuple[list[zoning.Zone], frozenset[int]]:
    zones = [(zoning.Zone.FURNITURE if p >= 0.95 else zoning.Zone.STORY, p) for p in furniture]
    rows = [{"prose": float(flag)} for flag in prose]
    closing = zoning._closing_line(texts or ["text"] * len(furniture), rows, zones, furniture)
    return [zone for zone, _ in zones], closing


def test_the_last_line_the_model_leans_furniture_on_after_the_prose_closes_the_text_as_furniture() -> None:
    # "Read or Share this story: https://..." (0.9) under the story's last paragraph
    zones, closing = _closing([0.0, 0.0, 0.9], [True, True, False])
    assert closing == frozenset({2}) and zones[2] is zoning.Zone.FURNITURE
    # under furniture too ("Advertisement", then "Follow us on Twitter")
    assert _closing([0.0, 0.97, 0.7], [True, False, False])[1] == frozenset({2})


def test_the_last_line_of_a_list_prose_or_a_line_the_model_doubts_stays_story() -> None:
    assert _closing([0.0, 0.0, 0.5], [True, True, False])[1] == frozenset()  # under CLOSING_FURNITURE
    assert _closing([0.0, 0.4, 0.8], [True, False, False])[1] == frozenset()  # a list's last item
    assert _closing([0.0, 0.0, 0.0], [True, True, True])[1] == frozenset()  # prose
    assert _closing([0.7, 0.8], [False, False])[1] == frozenset()  # no prose: no story to close
    assert _closing([0.0, 0.9], [True, False], ["text", "___"])[1] == frozenset()  # a rule line


def test_a_rule_line_sets_the_last_line_apart_and_less_is_needed() -> None:
    # "___" then "Follow AP's full coverage of Brexit at https://..." (0.6)
    texts = ["story", "___", "Follow AP's full coverage"]
    assert _closing([0.0, 0.8, 0.6], [True, False, False], texts)[1] == frozenset({2})
    assert _closing([0.0, 0.8, 0.3], [True, False, False], texts)[1] == frozenset()


def test_wire_and_editing_credits_are_bylines() -> None:
    for line in ("With Post wires", "Compiled by Vickie Kavanagh", "Edited by Steve Wilson",
                 "Additional reporting by agencies", "— With assistance by Leslie Patton",
                 "Fonseca reported from Flagstaff, Arizona.",
                 "Associated Press writers Alan Fram, Zeke Miller, Laurie Kellman, Colleen Long, Eric Tucker, "
                 "Lolita Baldor and Jill Colvin contributed to this report."):
        assert zoning.is_byline(line, len(line.split())), line
