"""How much of one passage repeats another: normalised words, n-gram shingles, containment.

Duplication rules compare passages of different lengths (a quotation against a paragraph, a
paragraph against another), and the damage they look for is rarely exact: a word changed, a
word dropped at the end, the case or the apostrophes different. So the measures here work on
*normalised words* (case-folded, apostrophes and dashes unified) and on word *shingles* (runs
of ``n`` consecutive words), and say what fraction of one passage is found in another:

- ``containment(a, b)``: the share of ``a``'s shingles that also occur in ``b`` (asymmetric: a
  short passage quoted inside a long one is fully contained in it, not the reverse);
- ``coverage(words, shingles)``: the share of the *words* of a passage that sit inside at least
  one shingle also found elsewhere. One changed word in the middle of a twelve-word passage
  loses three of its ten trigrams but only one of its twelve words, so coverage is the measure
  that tolerates near-verbatim copies;
- ``ShingleIndex``: passages added under a key (a paragraph, a quotation), then asked which
  earlier passage covers a new one best.
"""
from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from newslint.document import Span
from newslint.text.memo import short_text_cache
from newslint.text.marks import WORD_PIECE
from newslint.text.patterns import lazy_re

Shingle = tuple[str, ...]
# A run of words held by more passages than this does not vote in ``ShingleIndex.best_match``
# (see there): without a cap, a document of thousands of near-identical passages costs time
# quadratic in its length.
MAX_OWNERS = 16

# Letters and digits, keeping inner apostrophes ("don't") and hyphens ("long-term") in the word.
_WORD = lazy_re(rf"{WORD_PIECE}(?:'{WORD_PIECE})*(?:-{WORD_PIECE}(?:'{WORD_PIECE})*)*")
# The same words in lower-case ASCII text, where letters and digits are [a-z0-9] and a run of
# apostrophes and hyphens in any order is what the pattern above allows: a third faster.
_ASCII_WORD = lazy_re(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
# Typographic variants that must not make two copies of a passage look different.
_UNIFY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "‒": "-"})


def normalise_words(text: str, cached: bool = True) -> tuple[str, ...]:
    """The words of ``text``, case-folded, with Unicode compatibility forms and apostrophe and
    hyphen variants unified (so "Don’t" and "don't" are the same word). Cached for passages up
    to 10,000 characters long: several duplication rules read the same paragraphs, and a cache
    of huge ones would hold a copy of the document's words. ``cached=False`` for text no other
    rule reads (a caller keeping its own answers): thousands of them would only churn the cache."""
    return _words_of(text) if cached else _words_of.uncached(text)


@short_text_cache(max_chars=10_000, maxsize=1024)
def _words_of(text: str) -> tuple[str, ...]:
    if text.isascii():  # the usual case: nothing to normalise or unify
        return tuple(_ASCII_WORD.findall(text.lower()))
    text = unicodedata.normalize("NFKC", text).translate(_UNIFY).casefold()
    return tuple(_WORD.findall(text))


def common_affixes(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, int]:
    """How many items ``a`` and ``b`` share at their start, and then at their end (the end's
    run never reaching back into the start's): what lies between is where they differ."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def shingles(words: Sequence[str], n: int = 3) -> set[Shingle]:
    """The runs of ``n`` consecutive words; a passage shorter than ``n`` is one shingle."""
    if n < 1:
        raise ValueError("shingle size must be at least 1")
    if len(words) < n:
        return {tuple(words)} if words else set()
    return set(runs(words, n))


def runs(words: Sequence[str], n: int = 3) -> Iterator[Shingle]:
    """The runs of ``n`` consecutive words, in order, repeats kept (none if fewer words)."""
    if n == 3:  # every rule's size, spelt out: the general form costs a generator per call
        return zip(words, words[1:], words[2:])
    return zip(*(words[i:] for i in range(n)))


def run_counts(passages: Iterable[Sequence[str]], n: int = 3) -> Counter[Shingle]:
    """How often each run of ``n`` words occurs in the passages, within and across them: a
    count of two or more is a cheap sign that something may be repeated."""
    counts: Counter[Shingle] = Counter()
    for words in passages:
        counts.update(runs(words, n))
    return counts


def repeated_hashes(grams: Iterable[Hashable], size: int) -> set[int]:
    """The hashes of the ``grams`` that occur more than once. Exact (up to hash collisions) for
    the first ``EXACT_GRAMS`` grams; past them a bit filter of ``size`` bytes takes over, which
    lets a few grams seen once in as well: memory stays bounded (a ``Counter`` of every run held
    the text several times over). ``size`` is best about the number of grams."""
    grams = iter(grams)
    counts = Counter(map(hash, itertools.islice(grams, EXACT_GRAMS)))  # counted in C
    repeated = {code for code, count in counts.items() if count > 1}
    if sum(counts.values()) < EXACT_GRAMS:
        return repeated
    bits = bytearray(max(size, EXACT_GRAMS))
    width = len(bits) * 8
    for code in counts:
        bits[(code % width) >> 3] |= 1 << (code % width & 7)
    del counts
    for gram in grams:
        code = hash(gram)
        slot = code % width
        if bits[slot >> 3] & (1 << (slot & 7)):
            repeated.add(code)
        else:
            bits[slot >> 3] |= 1 << (slot & 7)
    return repeated


EXACT_GRAMS = 1_000_000  # grams counted exactly (at most about 100 MB), before the bit filter


SEGMENT_CHARS = 1_000_000  # how much text duplication rules compare at once


def segments(spans: Sequence[Span]) -> Iterator[range]:
    """The indexes of ``spans`` (in order) in runs covering about ``SEGMENT_CHARS`` of text
    each: one run for any article. A document of many megabytes is compared run by run, so
    what the duplication rules keep stays bounded; a copy a megabyte or more from its original
    is not compared with it."""
    first = 0
    for index, span in enumerate(spans):
        if index > first and span.end - spans[first].start > SEGMENT_CHARS:
            yield range(first, index)
            first = index
    if spans:
        yield range(first, len(spans))


def containment(a: AbstractSet[Shingle], b: AbstractSet[Shingle]) -> float:
    """The share of ``a`` found in ``b`` (0.0 when ``a`` is empty)."""
    return len(a & b) / len(a) if a else 0.0


def jaccard(a: AbstractSet[Shingle], b: AbstractSet[Shingle]) -> float:
    """Shared shingles over all shingles of the two sets (0.0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def covered_words(words: Sequence[str], other: AbstractSet[Shingle], n: int = 3) -> list[bool]:
    """For each word, whether it lies inside some ``n``-word run that ``other`` also holds."""
    if len(words) < n:
        return [bool(words) and tuple(words) in other] * len(words)
    covered = [False] * len(words)
    for i, gram in enumerate(runs(words, n)):
        if gram in other:
            covered[i:i + n] = [True] * n
    return covered


def coverage(words: Sequence[str], other: AbstractSet[Shingle], n: int = 3) -> float:
    """The share of ``words`` covered by ``n``-word runs also found in ``other`` (0.0 if empty):
    what ``covered_words`` flags, counted without building the flags (duplication rules ask
    this once per pair of passages compared)."""
    if len(words) < n:
        return float(tuple(words) in other) if words else 0.0
    covered = reach = 0  # reach: the words before it are counted already
    for start, found in enumerate(map(other.__contains__, runs(words, n))):
        if found:
            covered += start + n - max(start, reach)
            reach = start + n
    return covered / len(words)


@dataclass(frozen=True, slots=True)
class Match:
    """The passage of a ``ShingleIndex`` that best covers a probe: its key, the share of the
    probe's words it covers, and how many words that is."""

    key: Hashable
    coverage: float
    words: int


@dataclass
class ShingleIndex:
    """Passages added one by one under a key, to ask which earlier one covers a new passage."""

    n: int = 3
    _owners: dict[Shingle, list[Hashable]] = field(default_factory=dict)
    _passages: dict[Hashable, set[Shingle]] = field(default_factory=dict)

    def add(self, key: Hashable, words: Sequence[str], keep: Callable[[Shingle], bool] | None = None,
            grams: set[Shingle] | None = None) -> None:
        """Index the passage ``words`` (or its runs ``grams``, when the caller has them) under
        ``key`` (adding to a key extends its passage), only the runs ``keep`` accepts when
        given: runs no probe will hold change no answer, and leaving them out keeps the index
        as small as what can match."""
        grams = shingles(words, self.n) if grams is None else grams
        if keep is not None:
            grams = {gram for gram in grams if keep(gram)}
        passage = self._passages.get(key)
        if passage is None:  # the usual case: a new passage
            self._passages[key] = grams
            owners = self._owners
            for gram in grams:
                if gram in owners:
                    owners[gram].append(key)
                else:
                    owners[gram] = [key]
            return
        for gram in grams - passage:
            self._owners.setdefault(gram, []).append(key)
        passage |= grams

    def __contains__(self, key: Hashable) -> bool:
        """Whether a passage was indexed under ``key``."""
        return key in self._passages

    def best_match(self, words: Sequence[str], exclude: Iterable[Hashable] = (),
                   grams: set[Shingle] | None = None) -> Match | None:
        """The one indexed passage (other than ``exclude``) that covers most of ``words``.
        A run of words held by more than ``MAX_OWNERS`` passages (in one article, only text
        pasted in hundreds of times) does not vote, unless no other run of the probe does;
        then it votes for the first ``MAX_OWNERS`` of them."""
        skip = exclude if isinstance(exclude, (range, set, frozenset)) else set(exclude)
        grams = shingles(words, self.n) if grams is None else grams  # ``shingles(words)``, given
        owners = self._owners
        holders = [keys for gram in grams if (keys := owners.get(gram)) is not None]
        if not holders:
            return None  # no run of the probe is indexed (the usual case): nothing covers it
        votes = Counter(k for keys in holders if len(keys) <= MAX_OWNERS for k in keys if k not in skip)
        if not votes:
            votes = Counter(k for keys in holders for k in keys[:MAX_OWNERS] if k not in skip)
        best: Match | None = None
        # Only the passages that share the most shingles can cover the most words.
        for key, _ in votes.most_common(3):
            flags = covered_words(words, self._passages[key], self.n)
            if best is None or sum(flags) > best.words:
                best = Match(key, sum(flags) / len(flags), sum(flags))
        return best
