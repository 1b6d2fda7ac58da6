"""Which language a text is in, told by its function words, and how much of a line they make.

Function words ("the", "of", "que", "и", "の") are the part of a language that every kind of
sentence uses and no headline, menu or caption needs: jusText (Pomikálek, 2011) tells story
paragraphs from boilerplate largely by their share. The lists are the 100 commonest words of
each of wordfreq's 42 languages (``newslint/data/stopwords.json``, built by
``training/build_stopwords.py``), loaded once on first use.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from functools import lru_cache
from pathlib import Path

import regex

from newslint.text.patterns import lazy_re, lazy_regex

UNDETERMINED = "und"
MIN_HITS = 3  # fewer function words than this say nothing about the language
# Scripts written without spaces between words: their "words" are runs of letters, so their
# function words are counted as characters and short runs inside them.
UNSPACED_LETTER = lazy_regex(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Myanmar}\p{Khmer}]")
_HANGUL = lazy_regex(r"\p{Hangul}")
# A quick, C-speed test that a text may hold any of those scripts or Hangul (a superset of their
# code point blocks): most text holds none, and then the Unicode-property searches are skipped.
_MAYBE_UNSPACED = lazy_re("[\u0e00-\u0eff\u1000-\u11ff\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af"
                          "\uf900-\ufaff\uff00-\uffef\U0001b000-\U0003ffff]")


def may_be_unspaced(text: str) -> bool:
    """Whether ``text`` may hold letters of a script without spaces (or Hangul); when False,
    it surely holds none."""
    return not text.isascii() and _MAYBE_UNSPACED.search(text) is not None


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    raw = (Path(__file__).resolve().parent.parent / "data" / "stopwords.json").read_text(encoding="utf-8")
    return {lang: frozenset(words) for lang, words in json.loads(raw)["languages"].items()}


@lru_cache(maxsize=1)
def _owners() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages whose list holds it, for telling a language. Digits
    are left out: wordfreq's commonest tokens include "1", "2", "3" in 32 of the languages (in
    Korean eight digits), which no more tell a language than a date does, and made a Sinhala
    article with a few figures Korean and an English sentence with none of them Catalan."""
    owners: dict[str, list[str]] = {}
    for lang, words in _table().items():
        for word in words:
            if any(c.isalpha() for c in word):
                owners.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in owners.items()}


def stopwords(language: str) -> frozenset[str]:
    """The function words of ``language`` (empty for an unknown or undetermined one)."""
    return _table().get(language, frozenset())


ARTICLE_SAMPLE = 120  # words read from the start of an article to tell its language


def of_paragraphs(paragraphs: Sequence[str]) -> str:
    """An article's language, told from its first ``ARTICLE_SAMPLE`` words (and, for scripts
    without spaces, its first five paragraphs' characters)."""
    sample: list[str] = []
    for paragraph in paragraphs:
        sample.extend(paragraph.lower().split()[:ARTICLE_SAMPLE - len(sample)])
        if len(sample) >= ARTICLE_SAMPLE:
            break
    return detect(sample, " ".join(paragraphs[:5]))


def detect(words: Iterable[str], text: str = "") -> str:
    """The language whose function words cover most of ``words`` (lower-cased tokens); for
    text mostly in a script without spaces, Chinese or Japanese by its characters."""
    hits = Counter(chain.from_iterable(filter(None, map(_owners().get, words))))
    sample = text[:2000] if may_be_unspaced(text) else ""
    if sample and len(UNSPACED_LETTER.findall(sample)) * 2 > len(sample):
        return "ja" if regex.search(r"[\p{Hiragana}\p{Katakana}]", sample) else "zh"
    if sample and len(_HANGUL.findall(sample)) * 2 > len(sample):
        return "ko"  # Korean attaches its particles to words, so whole-word lists miss them
    if not hits:
        return UNDETERMINED
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    return best if hits[best] >= MIN_HITS else UNDETERMINED


def is_unspaced(text: str) -> bool:
    """Whether most letters of ``text`` are in a script written without spaces."""
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and len(UNSPACED_LETTER.findall(text)) * 2 > letters
