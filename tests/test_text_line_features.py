"""Shallow line features: each one measured on real-shaped story and furniture lines."""
from __future__ import annotations

from newslint.text.line_features import paragraph_features, settled_story, shape, word_count
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
    return shape(text, text.replace(".", " ").split(), language.stopwords("en"))


def test_prose_is_long_punctuated_and_made_of_function_words() -> None:
    assert _shape(STORY[0]).prose
    assert not _shape("Most read").prose
    assert not _shape("Five things to know about the new budget").prose  # no full stop


def test_the_settled_middle_of_the_story_is_prose_between_prose() -> None:
    rows = paragraph_features(STORY, "Council backs budget with tax rise")
    assert settled_story(rows) == [False, True, False, False, False, False, False, False]
    assert "url" not in rows[1] and "url" in rows[0]  # only what the neighbours read


def test_features_of_story_and_furniture_lines_differ_as_expected() -> None:
    rows = paragraph_features(STORY, "Council backs budget with tax rise")
    story, inbox, most_read, title = rows[0], rows[4], rows[5], rows[6]
    assert story["function_words"] > 0.3 and story["ends_sentence"] == 1.0
    assert inbox["second_person"] > 0 and story["second_person"] == 0
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
