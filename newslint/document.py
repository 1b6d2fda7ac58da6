"""The article, parsed once: lines, headline, paragraphs, sentences, quotations, words.

Every span is a pair of character offsets into ``Document.text``, which is the decoded file
with a leading UTF-8 BOM removed and nothing else changed (CRLF stays CRLF), so a fix that
edits spans of ``text`` writes back exactly the bytes it did not touch.
"""
from __future__ import annotations

import bisect
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslint.text.marks import WORD_PIECE
from newslint.text.patterns import lazy_re

if TYPE_CHECKING:
    from newslint.text.zoning import Zoned

BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the document text."""

    start: int
    end: int

    def text(self, doc: Document) -> str:
        """The characters this span covers in ``doc``."""
        return doc.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: ``span`` covers the marks, ``inner`` the quoted words. News style lets a
    quotation run over several paragraphs with no closing mark until the last: ``closed`` is
    False when the paragraph ends before a closing mark, ``opened`` is False when the paragraph
    closes a quotation it never opened (it continues one from an earlier paragraph)."""

    span: Span
    inner: Span
    closed: bool
    opened: bool = True


@dataclass(frozen=True, slots=True)
class DecodeProblem:
    """Why the raw bytes were not valid UTF-8, and where (a byte offset into the file)."""

    byte_offset: int
    reason: str


_LINE_BREAK = lazy_re(r"\r\n|\n|\r")
_WORD = lazy_re(rf"{WORD_PIECE}(?:['’]{WORD_PIECE})*(?:-{WORD_PIECE}(?:['’]{WORD_PIECE})*)*")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt gov gen col lt sgt capt cmdr adm rep sen rev hon pres supt"
    " insp det no nos vs v etc inc ltd co corp bros dept est approx fig jan feb mar apr jun jul"
    " aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m rs".split()
)
# A run of ".!?" is only tried from its first mark: tried from every mark, a long run of dots
# that ends no sentence cost time quadratic in its length (the match fails the same way from each).
_SENTENCE_END = lazy_re(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_OPEN_QUOTES = {'"': '"', "“": "”"}
_QUOTE_MARK = lazy_re('["“”]')


def more_words_than(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` whitespace-separated words: ``len(text.split()) >
    limit``, without cutting a long paragraph into all its words to count past the limit."""
    return len(text.split(None, limit)) > limit


class Document:
    """One article. Cheap to create; each property is computed on first use and kept."""

    def __init__(self, text: str, path: str = "<text>", decode_problem: DecodeProblem | None = None,
                 site: str | None = None):
        self.had_bom = text.startswith(BOM)
        self.text = text[1:] if self.had_bom else text
        self.path = path
        self.decode_problem = decode_problem
        # The site the article comes from, as the input says (a JSON Lines record's domain or
        # url host), else the folder holding it (a folder per site): corpus rules group by it.
        self.site = site if site is not None else os.path.dirname(path)

    @classmethod
    def from_bytes(cls, data: bytes, path: str = "<bytes>", site: str | None = None) -> Document:
        """Decode UTF-8 bytes; undecodable bytes become U+FFFD and ``decode_problem`` says where."""
        try:
            return cls(data.decode("utf-8"), path, site=site)
        except UnicodeDecodeError as exc:
            reason = f"invalid UTF-8 byte 0x{data[exc.start]:02x} ({exc.reason})"
            return cls(data.decode("utf-8", errors="replace"), path, DecodeProblem(exc.start, reason), site)

    # -- lines and positions -------------------------------------------------------------
    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Every line's span, line terminators excluded; an empty text has no lines."""
        spans, start = [], 0
        for match in _LINE_BREAK.finditer(self.text):
            spans.append(Span(start, match.start()))
            start = match.end()
        if start < len(self.text):
            spans.append(Span(start, len(self.text)))
        return tuple(spans)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines] or [0]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset; columns count characters."""
        index = max(bisect.bisect_right(self._line_starts, offset) - 1, 0)
        return index + 1, offset - self._line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based (line, column): the inverse of ``position``."""
        starts = self._line_starts
        return starts[min(max(line, 1), len(starts)) - 1] + column - 1

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding ``offset``."""
        return self.position(offset)[0]

    def line_text(self, number: int) -> str:
        """The text of 1-based line ``number`` (empty when out of range)."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].text(self)
        return ""

    # -- article structure -----------------------------------------------------------------
    @cached_property
    def headline(self) -> Span | None:
        """Line 1, stripped, when it is followed by a blank line or stands alone."""
        lines = self.lines
        if not lines or not lines[0].text(self).strip():
            return None
        if len(lines) > 1 and lines[1].text(self).strip():
            return None
        return _strip(self, lines[0])

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Every non-blank line of the body (after the headline), stripped of outer spaces."""
        first = 1 if self.headline is not None else 0
        return tuple(_strip(self, line) for line in self.lines[first:] if line.text(self).strip())

    @cached_property
    def body(self) -> str:
        """The paragraphs joined by newlines: the article without its headline."""
        return "\n".join(p.text(self) for p in self.paragraphs)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences of the body, never crossing a paragraph boundary."""
        return tuple(s for p in self.paragraphs for s in split_sentences(self.text, p))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_in(self, paragraph: Span) -> tuple[Span, ...]:
        """The sentences of one paragraph."""
        starts = self._sentence_starts  # in order: a bisection, not a scan of every sentence
        first = bisect.bisect_left(starts, paragraph.start)
        return self.sentences[first:bisect.bisect_left(starts, paragraph.end, first)]

    @cached_property
    def quotations(self) -> tuple[Quotation, ...]:
        """Double-quoted passages of the body, paired within each paragraph."""
        return tuple(q for p in self.paragraphs for q in find_quotations(self.text, p))

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """Word tokens (letters and digits, with inner apostrophes and hyphens) of the whole text."""
        return tuple(Span(m.start(), m.end()) for m in _WORD.finditer(self.text))

    def words_in(self, span: Span) -> list[str]:
        """The word tokens inside ``span``, as strings."""
        return _WORD.findall(self.text, span.start, span.end)

    def paragraph_index(self, offset: int) -> int:
        """The number of the paragraph holding ``offset`` (or the last one starting before it)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_word_count(self, number: int) -> int:
        """How many words paragraph ``number`` holds, as the duplication rules count them
        (``newslint.text.similarity.normalise_words``), counted once: they ask for each copy
        they weigh, and re-counting a huge paragraph per copy cost time quadratic in its length."""
        counts = self._paragraph_word_counts
        if number not in counts:
            from newslint.text.similarity import normalise_words

            counts[number] = len(normalise_words(self.paragraphs[number].text(self)))
        return counts[number]

    @cached_property
    def _paragraph_word_counts(self) -> dict[int, int]:
        return {}

    @cached_property
    def language(self) -> str:
        """The body's language (an ISO 639-1 code, or ``und``), told by its function words
        (``newslint.text.language``): once per document, for every rule that asks."""
        from newslint.text.language import of_paragraphs

        return of_paragraphs(self.paragraph_texts)

    @cached_property
    def zones(self) -> tuple[Zoned, ...]:
        """Each body paragraph's zone (headline repeated, standfirst, byline, story, caption,
        furniture), its place before, inside or after the story, and the line model's
        furniture probability: see ``newslint.text.zoning``. Aligned with ``paragraphs``."""
        from newslint.text.zoning import zone_paragraphs

        headline = self.headline.text(self) if self.headline is not None else ""
        return zone_paragraphs(self.paragraph_texts, headline, lang=self.language)

    @property
    def paragraph_texts(self) -> Sequence[str]:
        """The body paragraphs' texts, each cut out of the text when read (a list of them all
        was as large again as a file of a million short lines)."""
        return _ParagraphTexts(self)

    @cached_property
    def story_paragraphs(self) -> tuple[Span, ...]:
        """The paragraphs zoned as story, in order."""
        return tuple(p for p, z in zip(self.paragraphs, self.zones) if z.is_story)


class _ParagraphTexts(Sequence[str]):
    """``Document.paragraph_texts``."""

    def __init__(self, doc: Document):
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc.paragraphs)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [p.text(self._doc) for p in self._doc.paragraphs[index]]
        return self._doc.paragraphs[index].text(self._doc)

    def __iter__(self) -> Iterator[str]:
        return (p.text(self._doc) for p in self._doc.paragraphs)


def _strip(doc: Document, span: Span) -> Span:
    raw = doc.text[span.start:span.end]
    left = len(raw) - len(raw.lstrip())
    right = len(raw.rstrip())
    if not left and right == len(raw):
        return span  # the line's own span (a file of a million lines: a span per line fewer)
    return Span(span.start + left, span.start + right)


def split_sentences(text: str, span: Span) -> list[Span]:
    """Split ``text[span]`` into sentence spans, not breaking after common abbreviations,
    initials ("John C. Bienvenu") or inside numbers."""
    spans, start = [], span.start
    for match in _SENTENCE_END.finditer(text, span.start, span.end):
        if match.group().startswith(".") and _is_abbreviation(text, start, match.start()):
            continue
        spans.append(Span(start, match.end()))
        start = match.end()
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        # A paragraph of one sentence is its own span, not an equal one (a file of a million
        # one-sentence lines: a span per line fewer).
        spans.append(span if not spans and start == span.start else Span(start, span.end))
    return spans


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    word_start = dot
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("\"'“‘(").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def find_quotations(text: str, span: Span) -> list[Quotation]:
    """Pair straight and curly double quotation marks inside one paragraph. A pair with nothing
    between the marks quotes nothing and is left out (a run of thousands of marks would
    otherwise cost every rule that reads quotations an object per pair)."""
    found, open_at, closer = [], -1, ""
    for mark in _QUOTE_MARK.finditer(text, span.start, span.end):
        index = mark.start()
        char = text[index]
        if open_at >= 0:
            if char == closer:
                if index > open_at + 1:
                    found.append(Quotation(Span(open_at, index + 1), Span(open_at + 1, index), True))
                open_at = -1
        elif char == "”" or (char == '"' and _looks_closing(text, index, span)):
            found.append(Quotation(Span(span.start, index + 1), Span(span.start, index), True, False))
        elif char in _OPEN_QUOTES:
            open_at, closer = index, _OPEN_QUOTES[char]
    if open_at >= 0:
        found.append(Quotation(Span(open_at, span.end), Span(open_at + 1, span.end), False))
    return found


def _looks_closing(text: str, index: int, span: Span) -> bool:
    """A straight quote right after a word or punctuation and before a space or the end."""
    before = text[index - 1] if index > span.start else " "
    after = text[index + 1] if index + 1 < span.end else " "
    return not before.isspace() and before not in "([{—-" and (after.isspace() or after in ".,;:!?)")
