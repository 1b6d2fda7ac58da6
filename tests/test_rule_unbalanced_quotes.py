"""NL501 unbalanced-quotes: real imbalances, and the news conventions it must allow."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import findings

HEAD = "Mayors reject threat\n\n"
CLEAN = sorted((Path(__file__).parent / "fixtures" / "clean").glob("*.txt"))


def report(body: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in findings(HEAD + body + "\n", "NL501")]


def test_clean_articles_are_silent() -> None:
    assert CLEAN
    assert [(p.name, d.line) for p in CLEAN for d in findings(p.read_bytes(), "NL501")] == []


def test_unclosed_quotation_points_at_its_opening_mark() -> None:
    got = report('He arrived. "We will not be bullied, the mayor said.')
    assert [(line, col) for line, col, _ in got] == [(3, 13)]
    assert "never closed" in got[0][2]


def test_closing_mark_without_opening() -> None:
    got = report("The mayor said it was over.” She left.")
    assert [(line, col) for line, col, _ in got] == [(3, 28)]
    assert "no quotation open" in got[0][2]


def test_quotation_may_run_over_paragraphs_when_each_reopens() -> None:
    assert report('"We will win.\n\n"We will not be bullied," she said.') == []


def test_quotation_that_is_not_continued_is_reported_at_the_paragraph_end() -> None:
    # The second paragraph does not open with a mark, so the first one's quotation is lost.
    assert [line for line, _, _ in report('"We will win.\n\nShe left the room.')] == [3]


def test_a_quotation_left_open_in_the_last_paragraph_is_reported() -> None:
    assert [line for line, _, _ in report('She said.\n\n"We will win.')] == [5]


@pytest.mark.parametrize("body", [
    'The 12" pizza and the 15" screen.',
    "The players' union and rock 'n' roll.",
    "'Single quotes are never judged.",
    '"It was the "deal of the century"," he said.',
    "“Curly quotes pair,” she said.",
])
def test_conventions_are_allowed(body: str) -> None:
    assert report(body) == []


def test_german_low_quotation_marks_balance() -> None:
    # „...“: the high mark closes what the low one opened; English “ still opens.
    assert report("„Wir kommen morgen“, sagte sie. „Ja“, antwortete er.") == []
    assert report("Sie sagte: „Wir kommen morgen.“") == []
    assert report("Sie sagte: „Wir kommen morgen.") != []
    assert report("He said “we will come tomorrow and stay.") != []
