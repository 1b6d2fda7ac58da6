"""A web video player's interface text left in the article: "Loaded: 0%", "Progress: 0%",
"Remaining Time -0:00", "This is a modal window.", "No compatible source was found for this
video.", or all of it glued into one line ("Video Player is loading.Play VideoPauseLoaded:
0.00%0:00Remaining Time -10:03MuteFullscreen..."), which scrapers keep where a page embeds a
video.

The strings are the Video.js player's own, from its translation files in every language and
every version (``newslint/data/player_strings.txt``, built by
``training/build_player_strings.py``): the player's vocabulary, not examples of its text.
Compared by their letters only, lower-cased, so that text glued without spaces, times,
percentages and punctuation between them all match: a line is player text when its letters can
be cut wholly into such strings. Many are ordinary words alone ("Play", "Black", "None",
"Chapters"), so a line counts only inside a run of such lines (or lines with no letter at all,
"00:52", "|") holding a strong one: a string of four words or more, or strings of four words
in all, one of them two words long ("Play Video", "Remaining Time"); or holding three lines
that are each strings of two words or more (the controls' labels one a line, "Play Video",
"Current Time 0:00", "Duration Time 0:00": added on 2026-12-05 after a held-out source of pages
as Mozilla Readability extracts them, 8 lines there; nothing else changed on the sources, the
line model's training pages or ../shared/corpus).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from newslint.document import more_words_than
from newslint.text.patterns import lazy_re

DATA = Path(__file__).resolve().parent.parent / "data" / "player_strings.txt"
MAX_WORDS = 25  # a longer paragraph is no player text (its longest message is 20 words)
# Nor is a longer line: a player's whole interface glued into one line is a few hundred
# characters, and the cut's cost grows with the line (a line of 80,000 letters, 8 s uncapped).
MAX_CHARS = 1000
STRONG_WORDS = 4
_PREFIX = 3  # letters a line must open with that some string opens with (a quick test first)
_PRUNE = 8  # letters of a string's opening kept as prefixes: a cut stops where no string opens so


@lru_cache(maxsize=1)
def _strings() -> tuple[dict[str, int], frozenset[str], int]:
    """Each string's letters and word count, the strings' openings (up to ``_PRUNE`` letters),
    the longest."""
    words: dict[str, int] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, count = line.split("\t")
            words[key] = int(count)
    openings = frozenset(key[:size] for key in words for size in range(1, min(len(key), _PRUNE) + 1))
    return words, openings, max(map(len, words))


def _letters(text: str) -> str:
    if text.isascii():  # the usual case: one pass in C (an ASCII letter is [a-z] once lowered)
        return _NOT_ASCII_LETTER.sub("", text.lower())
    return "".join(c for c in text.lower() if c.isalpha())


_NOT_ASCII_LETTER = lazy_re(r"[^a-z]+")


def _segment(letters: str) -> tuple[int, int] | None:
    """How ``letters`` is cut wholly into strings, as (words in all, words of the longest
    string), the cut with the most words; None if it cannot be. Only the positions a string
    reaches are tried from, so a line that is no player text fails within its first words."""
    words, openings, longest = _strings()
    if letters[:_PREFIX] not in openings and letters not in words:
        return None
    size = len(letters)
    best: dict[int, tuple[int, int]] = {0: (0, 0)}
    for start in range(size):
        before = best.get(start)
        if before is None:
            if start > max(best) + longest:
                return None  # no string reaches past here
            continue
        for end in range(start + 1, min(size, start + longest) + 1):
            piece = letters[start:end]
            if end - start <= _PRUNE and piece not in openings:
                break  # no string opens so: none is longer either
            count = words.get(piece)
            if count is not None:
                candidate = (before[0] + count, max(before[1], count))
                if candidate > best.get(end, (-1, -1)):
                    best[end] = candidate
    return best.get(size)


# What a line is (``_kind``): no player text; a weak line of it (a few of its words, or no
# letter at all); a weak one that is a string of two words or more ("Play Video"); a strong one.
NONE, WEAK, PAIRED, STRONG = 0, 1, 2, 3
# A run of lines each a few of the player's words, none strong alone, is player text when this
# many of them are strings of two words or more: its controls' labels one a line ("Play Video",
# "Current Time 0:00", "Duration Time 0:00", "Remaining Time -0:00"), as Readability keeps them.
PAIRED_LINES = 3


def _kind(text: str) -> int:
    """What ``text`` is as player text: NONE, WEAK, PAIRED or STRONG (above)."""
    if len(text) > MAX_CHARS or more_words_than(text, MAX_WORDS):
        return NONE
    letters = _letters(text)
    if not letters:
        return WEAK if text.strip() else NONE
    cut = _segment(letters)
    if cut is None:
        return NONE
    total, longest = cut
    if longest >= STRONG_WORDS or (total >= STRONG_WORDS and longest >= 2):
        return STRONG
    return PAIRED if longest >= 2 else WEAK


def player_paragraphs(paragraphs: Sequence[str]) -> frozenset[int]:
    """The paragraphs (by number) that are a video player's interface text: the runs of player
    lines, or lines with no letter, that hold a strong one, or PAIRED_LINES lines of strings of
    two words or more."""
    kinds = [_kind(text) for text in paragraphs]
    if STRONG not in kinds and kinds.count(PAIRED) < PAIRED_LINES:
        return frozenset()
    found: set[int] = set()
    start = 0
    while start < len(kinds):
        if kinds[start] == NONE:
            start += 1
            continue
        end = start
        while end < len(kinds) and kinds[end] != NONE:
            end += 1
        run = kinds[start:end]
        if STRONG in run or run.count(PAIRED) >= PAIRED_LINES:
            found.update(range(start, end))
        start = end
    return frozenset(found)
