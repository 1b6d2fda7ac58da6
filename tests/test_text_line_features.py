"""Shallow line features: each one measured on real-shaped story and furniture lines."""
from __future__ import annotations

from newslint.text.line_features import judged, measure, paragraph_features, word_count, words_of
from newslint.text import language

STORY = [
    "The council approved the budget on Tuesday after a long debate about spending on roads.",
    "Councillors said taxes would rise next year, though not by as much as residents had feared.",
    "The budget includes money for two new schools and a library in the north of the city.",
    "Sign up for our newsletter",
    "Get the latest updates right in your inbox.",
    "Most read",
    "Five things to know about the new budget",
    "Five things to know about the new budget",
]


def _shape(text: str):
    return measure(text, text.lower().split(), language.stopwords("en"))


def test_prose_is_long_punctuated_and_made_of_function_words() -> None:
    assert _shape(STORY[0]).prose
    assert not _shape("Most read").prose
    assert not _shape("Five things to know about the new budget").prose  # no full stop


def test_the_model_judges_only_what_is_not_prose() -> None:
    rows = paragraph_features(STORY, "Council backs budget with tax rise")
    assert judged(rows) == [False, False, False, True, True, True, True, True]
    assert "url" not in rows[1] and "url" in rows[3]  # prose gets only what the neighbours read


def test_an_article_that_is_all_prose_is_only_measured() -> None:
    rows = paragraph_features(STORY[:3], "Council backs budget with tax rise")
    assert not any(judged(rows))
    assert set(rows[0]) == {"words", "function_words", "ends_sentence", "prose"}


def test_words_are_what_whitespace_separates_without_punctuation() -> None:
    assert words_of("“Yes,” she said — (again).") == ["Yes", "she", "said", "again"]


def test_features_of_story_and_furniture_lines_differ_as_expected() -> None:
    rows = paragraph_features(STORY, "Council backs budget with tax rise")
    story, inbox, most_read, title = rows[0], rows[4], rows[5], rows[6]
    assert story["prose"] == 1.0 and "second_person" not in story
    assert story["function_words"] > 0.3 and story["ends_sentence"] == 1.0
    assert inbox["second_person"] > 0 and most_read["second_person"] == 0
    assert most_read["capitalised"] == 0.5 and most_read["ends_sentence"] == 0.0
    assert title["after_story"] == 1.0 and story["after_story"] == 0.0
    assert title["repeated"] == 1.0 and story["repeated"] == 0.0
    # the title shares "new" and "budget" with the story's prose; the prompts share nothing
    assert round(title["cohesion"], 2) == 0.33 and inbox["cohesion"] == most_read["cohesion"] == 0.0
    assert round(word_count(story)) == 15
    assert rows[1]["previous_prose"] == 1.0 and rows[0]["previous_prose"] == -2.0


def test_scripts_without_spaces_count_characters_as_words() -> None:
    rows = paragraph_features(["政府は来年、税金を上げないと発表した。"])
    assert word_count(rows[0]) >= 8
    assert rows[0]["function_words"] == -1.0  # not measured by whole words


def test_a_dump_of_more_lines_than_any_article_is_zoned_by_shape_alone(monkeypatch) -> None:
    from newslint.text import line_model, zoning

    def no_model(*args, **kwargs):
        raise AssertionError("the line model ran on a text of more paragraphs than any article")

    monkeypatch.setattr(line_model.LineModel, "probabilities", no_model)
    paragraphs = ["Sign up for our newsletter"] + [f"line {n}" for n in range(zoning.MODEL_MAX_PARAGRAPHS)]
    zoned = zoning.zone_paragraphs(paragraphs, "A headline")
    assert len(zoned) == len(paragraphs) and all(z.furniture == 0.0 for z in zoned)


def test_context_scores_are_the_running_maxima_around_each_row() -> None:
    from newslint.text.line_model import add_context_scores

    scores = [0.2, 0.9, 0.1, 0.4, 0.3]
    rows = [{"prose": 0.0} for _ in scores]
    add_context_scores(rows, scores)
    assert [r["before_score"] for r in rows] == [-1.0, 0.2, 0.9, 0.9, 0.9]
    assert [r["after_score"] for r in rows] == [0.9, 0.4, 0.4, 0.3, -1.0]


def test_a_run_of_lines_that_are_not_prose_is_scored_as_a_block() -> None:
    from newslint.text.line_model import add_context_scores

    scores = [0.0, 0.2, 0.6, 0.7, 0.0, 0.5]
    rows = [{"prose": p} for p in (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)]
    add_context_scores(rows, scores)
    assert [round(r["block_score"], 2) for r in rows] == [-1.0, 0.5, 0.5, 0.5, -1.0, 0.5]
    assert [r["block_min_score"] for r in rows] == [-1.0, 0.2, 0.2, 0.2, -1.0, 0.5]


TEASERS = [*STORY[:3], "More:", "Five things to know about the new budget",
           "Why the mayor wants a second term", "Rain expected across the region this weekend",
           "Related: Police close the high street", "Related: School opens a new library"]


def test_a_block_of_titles_shares_its_means_and_a_repeated_label_is_counted() -> None:
    rows = paragraph_features(TEASERS, "Council backs budget with tax rise")
    block = rows[3:]
    assert len({r["block_words"] for r in block}) == 1 and "block_words" not in rows[0]
    assert block[0]["block_ends_sentence"] == 0.0 and 0.0 < block[0]["block_cohesion"] < 0.3
    assert rows[7]["opening_repeated"] == rows[8]["opening_repeated"] > 0
    assert rows[4]["opening_repeated"] == 0.0 and rows[0]["prose"] == 1.0


def test_a_long_text_of_repeated_words_is_measured_without_a_copy_of_each_word() -> None:
    import tracemalloc

    # 200 paragraphs of 2,000 words (1.6 MB), not prose, so every paragraph is judged: the
    # features hold each distinct token once (three lists of word objects took 46 times the text).
    paragraphs = [" ".join(["Sign", "up", "now"] * 667) for _ in range(200)]
    size = sum(map(len, paragraphs))
    tracemalloc.start()
    try:
        rows = paragraph_features(paragraphs, "Council backs budget")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(rows) == 200 and rows[0]["repeated"] == 1.0
    assert peak < 5 * size
