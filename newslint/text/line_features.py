"""Shallow features of each body paragraph, for telling story from page furniture.

In the tradition of boilerpipe (Kohlschütter et al., "Boilerplate Detection using Shallow Text
Features", WSDM 2010) and jusText: no HTML is left in a scraped article, but the text still
shows what a line is. Story paragraphs are long, made of sentences, full of function words, and
share their vocabulary with the rest of the story; furniture is short, title-like, capitalised,
addressed to the reader ("your inbox"), full of links and handles, unrelated to the story's
words, and sits in blocks before or after the story. Each feature is a small pure function of
the paragraph and its document, named so a weight file can refer to it.

Everything here is language-independent or uses the paragraph's own language's function words
(:mod:`newslint.text.language`); scripts without spaces are measured by characters.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat

import regex

from newslint.text import language
from newslint.text.patterns import lazy_regex

# Words are what whitespace separates, without the punctuation around them: two C-speed
# string calls per paragraph instead of a Unicode regular expression, since every paragraph
# of every document is measured.
_EDGES = "\"'“”‘’«»„‚()[]{}<>.,;:!?¡¿…–—-/\\|*•·#@%&+=~^_`$€£¥"
_URL = lazy_regex(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|co|tv)\b(?:/\S*)?",
                  regex.IGNORECASE)
_EMAIL = lazy_regex(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = lazy_regex(r"(?<![\w@])@\w{2,}")
_HASHTAG = lazy_regex(r"(?<![\w&])#\w*\p{L}\w*")
_BULLET = lazy_regex(r"^[\-–—•·►▶»|*>+]")
_QUOTE = lazy_regex("[\"“”«»„]")
_BRACKETS = lazy_regex(r"[\[\]|]")
_SENTENCE_END = lazy_regex(r"[.!?。！？](?=\s|$)")
_DIGIT = lazy_regex(r"\d")
_SYMBOL = lazy_regex(r"[^\w\s]|_")
_CLOSERS = " \u200b\xa0\"”’')]»"
_FINAL = ".!?。！？"
# Second-person pronouns and possessives of the languages most scraped news is in: a closed
# class of words (not phrases), as in boilerpipe's and jusText's cue lists. Furniture talks to
# the reader ("your inbox", "vous pouvez", "Ihre"); story rarely does.
_SECOND_PERSON = frozenset("""
    you your yours yourself yourselves
    vous votre vos tu ton ta tes toi te
    sie ihr ihre ihren ihrem ihrer du dein deine deinen dich dir euch euer
    usted ustedes tú tu tus su sus vosotros os
    você vocês seu sua seus suas teu tua
    voi tuo tua tuoi vostro vostra
    jij je jouw uw
    вы вас вам ваш ваша ваше ваши ты тебя тебе твой твоя
    """.split())
# A list item's mark: a dash, a bullet, or a number with a stop or a bracket, then a space (the
# zoning's lists; the closing titles read a line without it).
LIST_MARK = lazy_regex(r"^\s*([-–—•·►▶»*▪■◦]|\d{1,3}[.)])\s+")
PROSE_MIN_WORDS = 12  # a paragraph of at least this many words, ending a sentence, reads as story
PROSE_MIN_FUNCTION = 0.2


@dataclass(frozen=True, slots=True)
class Measure:
    """What every paragraph gets measured, at C speed (whitespace words, lower-cased, with their
    punctuation): enough to tell prose, which the model does not judge, from the rest."""

    words: float  # word count; a script without spaces counts two characters as a word
    function_words: float  # share of words that are the language's function words (-1: not measured)
    ends_sentence: bool
    prose: bool


@dataclass(frozen=True, slots=True)
class Shape:
    """What one paragraph looks like on its own, measured for every paragraph of an article
    with a paragraph to judge, since its neighbours' features read it."""

    measure: Measure
    tokens: tuple[str, ...]  # lower-cased word tokens without punctuation
    capitalised: float  # share of cased words that start with a capital

    @property
    def prose(self) -> bool:
        return self.measure.prose


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's final punctuation, closing quotes and brackets
    after it allowed."""
    return text.rstrip(_CLOSERS)[-1:] in _FINAL


def measure(text: str, lowered: Sequence[str], function_words: frozenset[str]) -> Measure:
    """Length, function-word share and sentence end of one paragraph (``lowered``: its
    lower-cased whitespace words), and whether it reads as prose."""
    unspaced = len(language.UNSPACED_LETTER.findall(text)) if language.may_be_unspaced(text) else 0
    words = len(lowered) + unspaced / 2 if unspaced else float(len(lowered))
    if unspaced * 2 > len(text) or not function_words or not lowered:
        share = -1.0
    else:
        share = sum(map(function_words.__contains__, lowered)) / len(lowered)
    ends = ends_sentence(text)
    prose = ends and words >= PROSE_MIN_WORDS and (share < 0 or share >= PROSE_MIN_FUNCTION)
    return Measure(words, share, ends, prose)


def shape(m: Measure, raw: Sequence[str], intern: Callable[[str, str], str] | None = None) -> Shape:
    """The rest of a paragraph's shape (``raw`` its words as written, ``words_of``); ``intern``
    (a dict's ``setdefault``) makes equal tokens one string: a long text repeats its words."""
    initials = "".join([w[0] for w in raw])
    upper = sum(map(str.isupper, initials))
    cased = upper + sum(map(str.islower, initials))
    tokens = map(str.lower, raw)
    if intern is not None:
        tokens = (intern(t, t) for t in tokens)
    return Shape(m, tuple(tokens), upper / cased if cased else 0.0)


def words_of(text: str) -> list[str]:
    """The words of a paragraph as written, without the punctuation around them."""
    return [w for w in map(str.strip, text.split(), repeat(_EDGES)) if w]


def word_count(row: dict[str, float]) -> float:
    """The paragraph's word count, back from its ``words`` feature."""
    return math.expm1(row["words"])


def _share(count: float, total: float) -> float:
    return count / total if total else 0.0


def measure_features(m: Measure) -> dict[str, float]:
    """The features of a paragraph's measure: all an article that is all prose gets."""
    return {"words": math.log1p(m.words), "function_words": m.function_words,
            "ends_sentence": float(m.ends_sentence), "prose": float(m.prose)}


def shape_features(text: str, s: Shape) -> dict[str, float]:
    """The features every paragraph of an article with a paragraph to judge gets (its
    neighbours read them)."""
    row = measure_features(s.measure)
    row["ends_colon"] = float(text.rstrip(_CLOSERS).endswith(":"))
    row["capitalised"] = s.capitalised
    return row


def local_features(text: str, raw: Sequence[str], s: Shape) -> dict[str, float]:
    """Features of the paragraph on its own (see the module docstring), for the paragraphs the
    model judges."""
    row = shape_features(text, s)
    stripped = text.rstrip(_CLOSERS)
    row.update({
        "chars": math.log1p(len(text)),
        "ends_ellipsis": float(stripped.endswith(("...", "…"))),
        "sentences": math.log1p(len(_SENTENCE_END.findall(text))),
        "all_caps": _share(sum(1 for w in raw if len(w) > 1 and w.isupper()), len(raw)),
        "digits": _share(len(_DIGIT.findall(text)), len(text)),
        "symbols": _share(len(_SYMBOL.findall(text)), len(text)),
        "url": float(_URL.search(text) is not None),
        "email": float("@" in text and _EMAIL.search(text) is not None),
        "handle": float("@" in text and _HANDLE.search(text) is not None),
        "hashtag": float("#" in text and _HASHTAG.search(text) is not None),
        "bullet": float(_BULLET.match(text) is not None),
        "quote": float(_QUOTE.search(text) is not None),
        "brackets": float(_BRACKETS.search(text) is not None),
        "second_person": _share(sum(1 for t in s.tokens if t in _SECOND_PERSON), len(s.tokens)),
    })
    return row


NEIGHBOUR_FEATURES = ("words", "function_words", "ends_sentence", "capitalised", "prose", "ends_colon",
                      "cohesion")


def paragraph_features(paragraphs: Sequence[str], headline: str = "", lang: str | None = None
                       ) -> list[dict[str, float]]:
    """Every paragraph's features, in order: its own, its place in the article, how much it
    shares with the story and the headline, and its neighbours'. Prose paragraphs, which the
    model does not judge (``judged``), get only the features their neighbours read; an article
    that is all prose (most edited articles) gets nothing more."""
    # Only what is needed later is kept of each paragraph's words (its first, lower-cased, and
    # its tokens, each distinct token one string): a text of tens of megabytes held three lists
    # of word objects at once, 2 GB.
    function_words = language.stopwords(language.of_paragraphs(paragraphs) if lang is None else lang)
    measures, firsts = [], []
    for p in paragraphs:
        lowered = p.lower().split()
        measures.append(measure(p, lowered, function_words))
        firsts.append(lowered[0] if lowered else "")
    if all(m.prose for m in measures):
        return [measure_features(m) for m in measures]
    intern: dict[str, str] = {}
    shapes = [shape(m, words_of(p), intern.setdefault) for p, m in zip(paragraphs, measures)]
    rows = [shape_features(p, s) for p, s in zip(paragraphs, shapes)]
    judge = judged(rows)
    for i, needed in enumerate(judge):
        if needed:
            rows[i] = local_features(paragraphs[i], words_of(paragraphs[i]), shapes[i])
    _add_context(rows, shapes, firsts, headline, function_words)
    return rows


def _add_context(rows: list[dict[str, float]], shapes: Sequence[Shape], firsts: Sequence[str],
                 headline: str, function_words: frozenset[str]) -> None:
    """``firsts``: each paragraph's first whitespace word, lower-cased ("" for none)."""
    n = len(rows)
    prose = [i for i, s in enumerate(shapes) if s.prose]
    first, last = (prose[0], prose[-1]) if prose else (n, -1)
    story_words: Counter[str] = Counter()
    for i in prose:
        story_words.update(set(shapes[i].tokens))
    headline_words = {t.lower() for t in words_of(headline)}
    copies = Counter(s.tokens for s in shapes)  # (the tuples are shared: no copy of the text)
    runs = non_prose_runs([s.prose for s in shapes])
    # How many lines that are not prose open with the same word as written: furniture repeats
    # its label before a different text each time ("Related: ...", "Photo: ...", "- " items).
    openings = Counter(first for first, s in zip(firsts, shapes) if first and not s.prose)
    prose_before = 0
    for i, (row, s) in enumerate(zip(rows, shapes)):
        own = 1 if s.prose else 0
        content = [t for t in s.tokens if t not in function_words and len(t) > 2 and not t.isdigit()]
        if content:
            row["cohesion"] = sum(1 for t in content if story_words[t] - own > 0) / len(content)
            row["headline_overlap"] = sum(1 for t in content if t in headline_words) / len(content)
        else:
            row["cohesion"] = row["headline_overlap"] = -1.0
        row["position"] = i / max(n - 1, 1)
        row["from_start"] = math.log1p(i)
        row["from_end"] = math.log1p(n - 1 - i)
        row["before_story"] = float(i < first)
        row["after_story"] = float(i > last)
        row["prose_before"] = math.log1p(prose_before)
        row["prose_after"] = math.log1p(len(prose) - prose_before - own)
        prose_before += own
        length, offset = runs[i]
        row["run_length"] = math.log1p(length)
        row["run_position"] = offset / length if length else 0.0
        row["repeated"] = float(bool(s.tokens) and copies[s.tokens] > 1)
        row["story_paragraphs"] = math.log1p(len(prose))
        repeats = openings[firsts[i]] - 1 if firsts[i] and not s.prose else 0
        row["opening_repeated"] = math.log1p(repeats)
    _add_block_means(rows, runs)
    for i, row in enumerate(rows):
        for name in NEIGHBOUR_FEATURES:
            row["previous_" + name] = rows[i - 1][name] if i > 0 else -2.0
            row["next_" + name] = rows[i + 1][name] if i + 1 < n else -2.0


BLOCK_FEATURES = ("words", "ends_sentence", "capitalised", "cohesion")


def _add_block_means(rows: list[dict[str, float]], runs: Sequence[tuple[int, int]]) -> None:
    """Give each paragraph of a run of non-prose paragraphs the run's mean of the
    ``BLOCK_FEATURES`` (``block_words``...): a list of other stories' titles is a block of
    short, unpunctuated lines that share little with the story, whatever one title looks like.
    A value below 0 (not measured: a line without content words has no cohesion) is left out;
    -1 when no line of the run has one."""
    i = 0
    while i < len(rows):
        length = runs[i][0]
        if not length:
            i += 1
            continue
        block = rows[i:i + length]
        for name in BLOCK_FEATURES:
            values = [row[name] for row in block if row[name] >= 0]
            mean = sum(values) / len(values) if values else -1.0
            for row in block:
                row["block_" + name] = mean
        i += length


def judged(rows: Sequence[dict[str, float]]) -> list[bool]:
    """The paragraphs the line model judges: those that do not read as prose (a sentence of at
    least ``PROSE_MIN_WORDS`` words with the language's share of function words). Prose is
    story without asking: on the real scraped pages of the development corpus 13% of the
    furniture lines read as prose and 63% of the story lines; in edited articles 97% of the
    paragraphs do, so the model costs nothing there (a gate for precision and for speed)."""
    return [not row["prose"] for row in rows]


def non_prose_runs(prose: Sequence[bool]) -> list[tuple[int, int]]:
    """For each paragraph (``prose``: whether each reads as prose), the length of the run of
    non-prose paragraphs it is in (0 for prose) and its offset in that run."""
    runs = [(0, 0)] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        for k in range(i, j):
            runs[k] = (j - i, k - i)
        i = j
    return runs
