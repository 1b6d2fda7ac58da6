"""The Census given names and surnames, and the people an article calls by first name only."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.text.person_names import DATA_FILE, first_name_only, is_given_name, is_surname

TABLE = Path(__file__).parent.parent / "newslint" / DATA_FILE


def test_the_table_records_its_source_and_lists_each_section_sorted() -> None:
    lines = TABLE.read_text(encoding="ascii").splitlines()
    assert lines[0].startswith("# US Census 1990")
    given, surnames = lines[lines.index("[given]") + 1:lines.index("[surname]")], lines[lines.index("[surname]") + 1:]
    assert given == sorted(given) and surnames == sorted(surnames)
    assert 1_000 < len(given) < 3_000 and 10_000 < len(surnames) < 30_000
    assert all(name.isalpha() and name.islower() for name in given + surnames)


@pytest.mark.parametrize(("word", "given", "surname"), [
    ("Paula", True, False), ("Radcliffe", False, True), ("James", True, True), ("Radcliffe's", False, False),
    ("Kai", False, False),  # a rare given name in 1990's US: below the table's share
])
def test_given_names_and_surnames(word: str, given: bool, surname: bool) -> None:
    assert (is_given_name(word), is_surname(word)) == (given, surname)


def test_a_person_called_by_first_name_only() -> None:
    text = "Paula ran well. It was Paula's day, and the crowd cheered as Paula crossed the line."
    assert first_name_only(text) == {"Paula"}


@pytest.mark.parametrize("text", [
    "Paula ran well. It was Paula's day.",  # used twice only
    "Paula Radcliffe ran well. It was Paula's day, and Paula won.",  # given a surname once
    "A good day for Coach Paula. It was Paula's day, and Paula won.",  # a title before it: "Pope Francis"
    "Carroll ran well. It was Carroll's day, and Carroll won.",  # a surname used alone
    "It rained in China. China's exports fell, and China said so.",  # an ordinary word or a place first
])
def test_no_person_called_by_first_name_only(text: str) -> None:
    assert first_name_only(text) == frozenset()


def test_a_sentence_opening_word_before_the_name_does_not_make_it_a_full_name() -> None:
    text = "The race was hard. Then Paula ran away. Paula won, and Paula smiled."
    assert first_name_only(text) == {"Paula"}
