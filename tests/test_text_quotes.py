"""newslint.text.quotes: reading double quotation marks by context and finding imbalances."""
from __future__ import annotations

import pytest

from newslint.document import Document, Span
from newslint.text.quotes import Mark, classify, imbalances, quoted_share, starts_with_opening_mark


def kinds(paragraph: str, continued: bool = False) -> list[tuple[str, str]]:
    """Each imbalance as (kind, the text from its mark on, 12 characters)."""
    return [(i.kind, paragraph[i.offset:i.offset + 12]) for i in imbalances(paragraph, 0, len(paragraph), continued)]


@pytest.mark.parametrize("text, index, expected", [
    ('He said "no" today', 8, Mark.OPEN),
    ('He said "no" today', 11, Mark.CLOSE),
    ("a 12\" screen", 4, Mark.INCH),
    ("“no”", 0, Mark.OPEN),
    ("“no”", 3, Mark.CLOSE),
    ('a"b', 1, Mark.EITHER),
])
def test_classify(text: str, index: int, expected: Mark) -> None:
    assert classify(text, index, 0, len(text)) is expected


def test_a_mark_after_a_digit_closes_an_open_quotation() -> None:
    text = 'the "State of Markets 2004" report'
    assert classify(text, text.index('" '), 0, len(text), inside=True) is Mark.CLOSE
    assert kinds(text) == []


@pytest.mark.parametrize("paragraph", [
    '"We will win," she said.',
    "“We will win,” she said.",
    'He bought a 12" screen and a 15" one.',
    '"It is over. "We start again now," she said.',  # merged multi-paragraph quotation
    '"He called it "silly"," she said.',  # nested double quotes
    "The players' union said rock 'n' roll was 'fine'.",  # single quotes ignored
])
def test_balanced_paragraphs(paragraph: str) -> None:
    assert kinds(paragraph) == []


def test_unclosed_quotation_is_reported_unless_the_next_paragraph_continues_it() -> None:
    paragraph = '"We will not be bullied, the mayor said.'
    assert kinds(paragraph) == [("unclosed", '"We will not')]
    assert kinds(paragraph, continued=True) == []


def test_closing_mark_with_nothing_open() -> None:
    assert kinds('The mayor said it was over." She left.') == [("unopened", '" She left.')]
    assert kinds("It was over” she said.") == [("unopened", "” she said.")]


def test_starts_with_opening_mark() -> None:
    assert starts_with_opening_mark('"Next part."', 0, 12)
    assert starts_with_opening_mark("“Next part.”", 0, 12)
    assert not starts_with_opening_mark("Next part.", 0, 10)
    assert not starts_with_opening_mark("” he said.", 0, 10)


QUOTED = Document('H\n\nHe said "we will win" and “they will lose”. Then” more "open to the end\n\n'
                  'Plain text here. "A" "" "BC" end."\n')


@pytest.mark.parametrize("start, end", [(s, e) for s in range(0, 120, 7) for e in range(s, 125, 11)])
def test_quoted_share_counts_each_quotation_s_characters_in_the_span(start: int, end: int) -> None:
    # The sums it keeps must give what counting every quotation's overlap gives (overlapping
    # quotations count twice: a stray closing mark is read as a quotation from the paragraph start).
    expected = sum(max(0, min(q.inner.end, end) - max(q.inner.start, start)) for q in QUOTED.quotations)
    assert quoted_share(QUOTED, Span(start, end)) == expected / max(end - start, 1)
