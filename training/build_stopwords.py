"""Build newslint/data/stopwords.json: the most common words of each language wordfreq knows.

The line model and the zoning read "how much of this line is function words" (jusText's
stop-word density) in the paragraph's own language. Shipping the lists as a small JSON file
keeps wordfreq out of the hot path and makes the table reviewable. Run from the repository root:

    python training/build_stopwords.py

It records the wordfreq version it was built with.
"""
from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

import wordfreq

TOP = 100  # words per language: function words and the commonest verbs, few topic words
OUT = Path(__file__).resolve().parent.parent / "newslint" / "data" / "stopwords.json"


def main() -> None:
    languages = sorted(wordfreq.available_languages(wordlist="best"))
    table = {lang: wordfreq.top_n_list(lang, TOP) for lang in languages}
    data = {"source": f"wordfreq {importlib.metadata.version('wordfreq')}, top_n_list(lang, {TOP})",
            "languages": table}
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(table)} languages)")


if __name__ == "__main__":
    main()
