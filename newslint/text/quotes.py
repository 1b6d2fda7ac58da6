"""Double quotation marks read by their context: opening, closing, or an inch mark.

``Document.quotations`` pairs marks for rules that want the quoted words. Checking whether the
marks of a paragraph *balance* needs a little more care, because real news text has:

- multi-paragraph quotations: a paragraph ends inside a quotation and the next one opens again
  with a quotation mark (the mark that continues it), the quotation closing only at its end;
- paragraphs that a scraper merged, so that convention shows up *inside* one line:
  ``"First part. "Second part," she said.`` (an opening mark after a sentence end while a
  quotation is already open continues it);
- inch and seconds marks (``a 12" screen``) and single quotes or apostrophes, which are ignored.
"""
from __future__ import annotations

import bisect
import enum
import itertools
import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.document import Document, Quotation, Span
from newslint.text.patterns import lazy_re

STRAIGHT = '"'
CURLY_OPEN = "“"
CURLY_CLOSE = "”"
DOUBLE_MARKS = frozenset(STRAIGHT + CURLY_OPEN + CURLY_CLOSE + "„")
_DOUBLE_MARK = lazy_re(f"[{''.join(sorted(DOUBLE_MARKS))}]")
# Characters after which a straight mark opens a quotation rather than closing one.
_OPENS_AFTER = "([{—–-/"
# Characters that may follow a closing mark.
_AFTER_CLOSE = ".,;:!?)]}…—–-'’"
_SENTENCE_END = ".!?:…"


class Mark(str, enum.Enum):
    """What a double quotation mark does where it stands."""

    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"  # no clue from the characters around it: decided by the state
    INCH = "inch"  # a measurement (12" screen), not a quotation mark


@dataclass(frozen=True, slots=True)
class Imbalance:
    """A mark that leaves a paragraph unbalanced: ``kind`` is "unclosed" (the paragraph ends
    inside a quotation that the next paragraph does not continue) or "unopened" (a closing
    mark with no quotation open)."""

    offset: int
    kind: str


def classify(text: str, index: int, start: int, end: int, inside: bool = False) -> Mark:
    """What the double quotation mark at ``text[index]`` does, within ``text[start:end]``;
    ``inside`` says whether a quotation is open there (then a mark after a digit closes it)."""
    char = text[index]
    if char == CURLY_OPEN and inside and index > start and not text[index - 1].isspace() \
            and (index + 1 >= end or text[index + 1].isspace() or text[index + 1] in _AFTER_CLOSE):
        return Mark.CLOSE  # German and Czech close with it what „ opened: „Ja“, sagte sie.
    if char in (CURLY_OPEN, "„"):
        return Mark.OPEN
    if char == CURLY_CLOSE:
        return Mark.CLOSE
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < end else " "
    if not inside and before.isdigit() and (after.isspace() or after.isalpha() or after in "-,;)x×"):
        return Mark.INCH
    space_before = before.isspace() or before in _OPENS_AFTER
    space_after = after.isspace() or after in _AFTER_CLOSE
    if space_before and not space_after:
        return Mark.OPEN
    if space_after and not space_before:
        return Mark.CLOSE
    return Mark.EITHER


def _after_sentence_end(text: str, index: int, start: int) -> bool:
    """Whether the mark at ``index`` follows a sentence end (``... end. "Next``)."""
    at = index - 1
    while at >= start and text[at].isspace():
        at -= 1
    return at >= start and text[at] in _SENTENCE_END


def starts_with_opening_mark(text: str, start: int, end: int) -> bool:
    """Whether the paragraph ``text[start:end]`` begins with a double quotation mark."""
    return start < end and text[start] in DOUBLE_MARKS and classify(text, start, start, end) is not Mark.CLOSE


def imbalances(text: str, start: int, end: int, continued: bool) -> list[Imbalance]:
    """The marks that unbalance the paragraph ``text[start:end]``. ``continued`` tells whether
    the next paragraph opens with a quotation mark (so ending inside a quotation is allowed)."""
    found: list[Imbalance] = []
    depth, opened_at = 0, -1
    for found_mark in _DOUBLE_MARK.finditer(text, start, end):
        index = found_mark.start()
        mark = classify(text, index, start, end, inside=depth > 0)
        if mark is Mark.INCH:
            continue
        if mark is Mark.EITHER:
            mark = Mark.CLOSE if depth else Mark.OPEN
        if mark is Mark.OPEN:
            # An opening mark after a sentence end while a quotation is open continues it
            # (a merged multi-paragraph quotation); otherwise it nests.
            if depth and _after_sentence_end(text, index, start):
                continue
            depth += 1
            if depth == 1:
                opened_at = index
        elif depth:
            depth -= 1
        else:
            found.append(Imbalance(index, "unopened"))
    if depth and not continued:
        found.append(Imbalance(opened_at, "unclosed"))
    return found


def quoted_share(doc: Document, span: Span) -> float:
    """The share of ``span``'s characters that lie inside the document's quotations (a
    character inside two quotations counts twice)."""
    coverage = _COVERAGE.get(doc)
    if coverage is None:
        coverage = _COVERAGE[doc] = _QuotedCharacters(doc.quotations)
    return (coverage.before(span.end) - coverage.before(span.start)) / max(span.end - span.start, 1)


class _QuotedCharacters:
    """How many quoted characters lie before any offset, in logarithmic time: sums over the
    quotations' starts and ends, each sorted (asked once per sentence, a scan of every
    quotation made a document of many quotations cost time quadratic in its length)."""

    def __init__(self, quotations: Sequence[Quotation]):
        inner = [q.inner for q in quotations]
        self.starts = sorted(s.start for s in inner)
        self.ends = sorted(s.end for s in inner)
        self.start_sums = list(itertools.accumulate(self.starts, initial=0))
        self.end_sums = list(itertools.accumulate(self.ends, initial=0))

    def before(self, offset: int) -> int:
        """The quoted characters before ``offset``: every quotation that ended by then counts
        whole, every one still open counts up to ``offset``."""
        started = bisect.bisect_left(self.starts, offset)
        ended = bisect.bisect_right(self.ends, offset)
        return self.end_sums[ended] + offset * (started - ended) - self.start_sums[started]


_COVERAGE: weakref.WeakKeyDictionary[Document, _QuotedCharacters] = weakref.WeakKeyDictionary()


# A quotation mark or a speech verb: the marks of story text, which page furniture, a caption
# or a paywall notice never has.
_SPEECH = lazy_re(r"[\"“”]|\b(?:said|says|told|according\s+to)\b", re.IGNORECASE)


def reports_speech(text: str) -> bool:
    """Whether ``text`` quotes someone or reports what they said."""
    return _SPEECH.search(text) is not None
