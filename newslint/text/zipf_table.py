"""wordfreq's English word frequencies without loading wordfreq: a compact table in the package.

`training/build_english_zipf.py` writes `newslint/data/english_zipf.txt` from wordfreq (its
version is recorded in the file): the words of wordfreq's English list that wordfreq reads as
one token of lower-case ASCII letters and inner apostrophes, sorted, in lines of a few hundred
words, and one line with the figure of each (`zipf_frequency` in hundredths, with a flag for
the small list). Loading it takes a few milliseconds (it is stored
uncompressed: unpacking 3.8 MB took 25 ms), where importing wordfreq and unpacking
its list took about 0.2 CPU-seconds; a line of words is split only when a look-up falls in it.
`lookup` answers exactly as `wordfreq.zipf_frequency` for the words it holds and for words of
ASCII letters it does not (0: wordfreq has no figure for them); anything else returns None,
and the caller asks wordfreq.
"""
from __future__ import annotations

import binascii
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from newslint.text.patterns import lazy_re

TABLE = Path(__file__).resolve().parent.parent / "data" / "english_zipf.txt"
PLAIN = lazy_re(r"[a-z]+(?:'[a-z]+)*")  # the words the table may hold (see the build script)
SMALL = 0x8000  # the flag of a word in wordfreq's small list


class ZipfTable:
    """Sorted lines of words, the first word of each, and every word's figure."""

    def __init__(self, raw: bytes):
        # Kept as the file's bytes and where each line starts; a line is decoded when a look-up
        # falls in it (decoding and splitting the whole 3.8 MB took two thirds of the load).
        self.raw = raw
        first = raw.index(b"\n")
        self.source = raw[:first].decode("ascii").lstrip("# ")
        figures = raw.rindex(b"\n", 0, len(raw) - 1) + 1  # the last line, before the final newline
        self.starts: list[int] = []
        at = first + 1
        while at < figures:
            self.starts.append(at)
            at = raw.index(b"\n", at) + 1
        self.starts.append(figures)  # where the last line of words ends, plus one
        self.figures = binascii.unhexlify(memoryview(raw)[figures:len(raw) - 1])  # two bytes a word, big-endian
        self.firsts = [raw[start:self._word_end(start)].decode("ascii") for start in self.starts[:-1]]
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
            words = self._split[row] = self.raw[self.starts[row]:self.starts[row + 1] - 1].decode("ascii").split(" ")
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
    None when the table cannot say (the word is not plain ASCII, or is not in the table and
    has an apostrophe, which wordfreq may split)."""
    if wordlist not in ("best", "small") or not PLAIN.fullmatch(word):
        return None
    found = table().figure(word)
    if found is None:
        return 0.0 if word.isalpha() else None
    if wordlist == "small" and not found & SMALL:
        return 0.0
    return (found & ~SMALL) / 100
