"""wordfreq's English word frequencies without loading wordfreq: a compact table in the package.

`training/build_english_zipf.py` writes `newslint/data/english_zipf.txt` from wordfreq (its
version is recorded in the file): the words of wordfreq's English list that wordfreq reads as
one token of lower-case ASCII letters and inner apostrophes, sorted, in lines of a few hundred
words, and one line with the figure of each (`zipf_frequency` in hundredths, with a flag for
the small list). Loading it takes a few milliseconds (it is stored
uncompressed: unpacking 3.8 MB took 25 ms), where importing wordfreq and unpacking
its list took about 0.2 CPU-seconds; a line of words is split only when a look-up falls in it.
`lookup` answers exactly as `wordfreq.zipf_frequency` for the words it holds and for words of
ASCII letters it does not (0: wordfreq has no figure for them); for words of lower-case letters
and digits ("70m", "1990s"), from the entries wordfreq keeps for them ("00m"); for words that
wordfreq cuts at an elision ("o'hara": "o", "hara"), from their pieces; and for words of Latin
letters with accents as wordfreq writes them ("café"), all by wordfreq's own arithmetic.
Anything else (capitals, other scripts, hyphens, curly apostrophes) returns None, and the
caller asks wordfreq.
"""
from __future__ import annotations

import binascii
import math
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from newslint.text.patterns import lazy_re, lazy_regex

TABLE = Path(__file__).resolve().parent.parent / "data" / "english_zipf.txt"
PLAIN = lazy_re(r"[a-z]+(?:'[a-z]+)*")  # the words the table may hold (see the build script)
NUMBERED = lazy_re(r"[a-z0-9]*[0-9][a-z0-9]*")  # letters and digits: one token to wordfreq
ACCENTED = lazy_regex(r"\p{Latin}+")  # letters with accents ("café"): one token to wordfreq
# One or two letters, an apostrophe, then a vowel or "h": wordfreq makes the letters a token.
_ELIDED = lazy_re(r"([a-z]{1,2})'(?=[aehiouy])")
SMALL = 0x8000  # the flag of a word in wordfreq's small list


class ZipfTable:
    """Sorted lines of words, the first word of each, and every word's figure."""

    def __init__(self, raw: bytes):
        # Kept as the file's bytes and where each line starts; a line is decoded when a look-up
        # falls in it (decoding and splitting the whole 3.8 MB took two thirds of the load).
        self.raw = raw
        first = raw.index(b"\n")
        self.source = raw[:first].decode("utf-8").lstrip("# ")
        figures = raw.rindex(b"\n", 0, len(raw) - 1) + 1  # the last line, before the final newline
        self.starts: list[int] = []
        at = first + 1
        while at < figures:
            self.starts.append(at)
            at = raw.index(b"\n", at) + 1
        self.starts.append(figures)  # where the last line of words ends, plus one
        self.figures = binascii.unhexlify(memoryview(raw)[figures:len(raw) - 1])  # two bytes a word, big-endian
        self.firsts = [raw[start:self._word_end(start)].decode("utf-8") for start in self.starts[:-1]]
        self.block = raw.count(b" ", self.starts[0], self.starts[1]) + 1
        self._split: dict[int, list[str]] = {}

    def _word_end(self, start: int) -> int:
        """Where the first word of the line starting at ``start`` ends."""
        end = self.raw.index(b"\n", start)
        space = self.raw.find(b" ", start, end)
        return space if space >= 0 else end

    def figure(self, word: str) -> int | None:
        """The word's stored figure (with the small-list flag), None when not in the table."""
        row = bisect_right(self.firsts, word) - 1
        if row < 0:
            return None
        words = self._split.get(row)
        if words is None:
            words = self._split[row] = self.raw[self.starts[row]:self.starts[row + 1] - 1].decode("utf-8").split(" ")
        index = bisect_right(words, word) - 1
        if index < 0 or words[index] != word:
            return None
        at = 2 * (row * self.block + index)
        return int.from_bytes(self.figures[at:at + 2], "big")


@lru_cache(maxsize=1)
def table() -> ZipfTable:
    """The shipped table, read on first use."""
    return ZipfTable(TABLE.read_bytes())


def lookup(word: str, wordlist: str) -> float | None:
    """wordfreq's English Zipf figure of ``word`` in ``wordlist`` ("best" or "small"), or
    None when the table cannot say: a word wordfreq would rewrite or cut by rules the table
    does not copy (capitals, other scripts, hyphens, curly apostrophes, a leading or trailing
    apostrophe)."""
    if wordlist not in ("best", "small"):
        return None
    if NUMBERED.fullmatch(word):
        return _numbered(word, wordlist)
    if PLAIN.fullmatch(word):
        return _plain(word, wordlist)
    if not word.isascii() and ACCENTED.fullmatch(word) and unicodedata.normalize("NFC", word).casefold() == word:
        return _figure(table().figure(word), wordlist)  # letters only: one token to wordfreq
    return None


def _figure(found: int | None, wordlist: str) -> float:
    """A stored figure as wordfreq gives it (0 for a word the list lacks)."""
    if found is None or (wordlist == "small" and not found & SMALL):
        return 0.0
    return (found & ~SMALL) / 100


def _plain(word: str, wordlist: str) -> float:
    """The figure of a word of letters and apostrophes. One that wordfreq cuts in two, as French
    elisions ("l'heure", "o'hara": one or two letters, an apostrophe, a vowel or "h";
    wordfreq/tokens.py, TOKEN_RE), is worked out from its pieces as wordfreq does."""
    found = table().figure(word)
    if found is not None:
        return _figure(found, wordlist)
    pieces = []
    rest = word
    while (elided := _ELIDED.match(rest)) is not None:
        pieces.append(elided[1])
        rest = rest[elided.end():]
    if not pieces:
        return 0.0  # one token, which wordfreq's list does not hold
    figures = [table().figure(piece) for piece in (*pieces, rest)]
    if any(_figure(found, wordlist) == 0.0 for found in figures):
        return 0.0  # wordfreq gives the floor when a piece is unknown
    return _combined([_bucket_frequency(found) for found in figures])  # type: ignore[arg-type]


def _bucket_frequency(found: int) -> float:
    """The frequency of an entry's centibel bucket (wordfreq.cB_to_freq)."""
    return 10 ** (((found & ~SMALL) - 900) / 100)


def _combined(frequencies: list[float]) -> float:
    """The Zipf figure of a word whose tokens have ``frequencies``, as wordfreq works it out
    (``_word_frequency``: 1 / f = 1 / f1 + 1 / f2 + ..., three significant digits, a floor)."""
    one_over_result = 0.0
    for freq in frequencies:
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, 10**0.0 / 1e9)  # the floor: wordfreq.zipf_to_freq(0.0)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


def _numbered(word: str, wordlist: str) -> float:
    """wordfreq's figure of a word of letters and digits ("70m", "1990s", "280bn"), worked out as
    wordfreq does (wordfreq/__init__.py, ``_word_frequency``; 3.1): the word is one token; its
    runs of two or more digits are looked up as zeros ("00m"), and the entry's frequency is
    scaled by how often those digits come (wordfreq.numbers, ``digit_freq``); the result is
    rounded to three significant digits and put on the Zipf scale. The same operations in the
    same order, so the same floating-point result (tests/test_zipf_table.py compares them)."""
    smashed = _MULTI_DIGIT.sub(lambda run: _DIGIT.sub("0", run.group(0)), word)
    found = table().figure(smashed)
    if _figure(found, wordlist) == 0.0:
        return 0.0
    freq = _bucket_frequency(found)  # type: ignore[arg-type]
    if smashed != word:
        freq *= _digit_freq(word)
    return _combined([freq])


# wordfreq.numbers (3.1): how often a run of digits comes, by Benford's law, and for four digits
# by how far the year they may be lies from 2019.
_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK, _NOT_YEAR_PROB, _REFERENCE_YEAR, _PLATEAU_WIDTH = -1.9185, 0.1, 2019, 20
_DIGIT = lazy_re(r"\d")
_MULTI_DIGIT = lazy_re(r"\d[\d.,]+")
_PURE_DIGIT = lazy_re(r"\d+")


def _benford_freq(text: str) -> float:
    return _DIGIT_FREQS[int(text[0])] / 10 ** (len(text) - 1)


def _year_freq(text: str) -> float:
    year = int(text)
    if year <= _REFERENCE_YEAR:
        year_log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif _REFERENCE_YEAR < year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        year_log_freq = _YEAR_LOG_PEAK
    else:
        year_log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return 10.0**year_log_freq + _NOT_YEAR_PROB * _benford_freq(text)


def _digit_freq(text: str) -> float:
    freq = 1.0
    for match in _MULTI_DIGIT.findall(text):
        for run in _PURE_DIGIT.findall(match):
            freq *= _year_freq(run) if len(run) == 4 else _benford_freq(run)
    return freq
