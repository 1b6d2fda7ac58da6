"""Build newslint/data/english_zipf.txt: wordfreq's English Zipf figures as a compact table.

The rules ask how common an English word is thousands of times a run, and a run on one file
(a pre-commit hook) used to spend about 0.2 CPU-seconds importing wordfreq and unpacking its
321,000-word English list. The table holds every word of that list that wordfreq reads as one
token and that is made of lower-case ASCII letters and inner apostrophes ("don't"), or of
lower-case ASCII letters and digits as wordfreq stores them ("00m", "1st"), or of Latin letters
with accents ("café"), sorted, in
lines of BLOCK words (a run splits only the lines it looks into), followed by one line of
their figures: `wordfreq.zipf_frequency` in hundredths, as 16-bit numbers in hexadecimal,
plus 0x8000 for the words of wordfreq's small list. Other words, and every other language,
are still asked of wordfreq (see `newslint/text/zipf_table.py`). Run from the repository root:

    python training/build_english_zipf.py

It records the wordfreq version it was built with in the first line;
`tests/test_zipf_table.py` checks the table against the installed wordfreq.
"""
from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import regex
import wordfreq

OUT = Path(__file__).resolve().parent.parent / "newslint" / "data" / "english_zipf.txt"
PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*")  # the words the table may hold (zipf_table.PLAIN)
# ... and entries with digits (zipf_table.NUMBERED), as wordfreq stores them: every run of two or
# more digits written as zeros ("00m" stands for "70m"), figured from them by zipf_table.
NUMBERED = re.compile(r"[a-z0-9]*[0-9][a-z0-9]*")
# ... and words of Latin letters with accents, as wordfreq writes them (NFC, case-folded: "café").
ACCENTED = regex.compile(r"\p{Latin}+")
BLOCK = 256
SMALL = 0x8000


def main() -> None:
    best = wordfreq.get_frequency_dict("en", "best")
    small = wordfreq.get_frequency_dict("en", "small")
    figures: dict[str, int] = {}
    for word in best:
        if not (PLAIN.fullmatch(word) or NUMBERED.fullmatch(word) or ACCENTED.fullmatch(word)) \
                or wordfreq.tokenize(word, "en") != [word]:
            continue
        hundredths = round(wordfreq.zipf_frequency(word, "en", "best") * 100)
        # zipf_table works a numbered word's frequency out from its entry's centibel bucket,
        # 900 - hundredths (wordfreq.cB_to_freq): check that the figure gives it back exactly.
        assert best[word] == wordfreq.cB_to_freq(hundredths - 900), word
        if word in small:
            assert round(wordfreq.zipf_frequency(word, "en", "small") * 100) == hundredths
            hundredths |= SMALL
        figures[word] = hundredths
    words = sorted(figures)
    lines = [f"# wordfreq {importlib.metadata.version('wordfreq')} English (best and small lists), "
             f"{len(words)} words in lines of {BLOCK}, then their zipf_frequency x 100 (+{SMALL:#x}: small list)"]
    lines += [" ".join(words[i:i + BLOCK]) for i in range(0, len(words), BLOCK)]
    lines.append("".join(f"{figures[w]:04x}" for w in words))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(words)} words, {OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
