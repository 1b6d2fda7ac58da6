#!/usr/bin/env python3
"""Build newslint/data/player_strings.txt: the interface text of the Video.js web player (its
buttons, menus, time displays and error messages: "Play Video", "Remaining Time", "No compatible
source was found for this media.", "Beginning of dialog window. ..."), in every language and
every wording it has shipped, for the zoning's video-player test (``newslint.text.player_chrome``).

Scrapers keep that text when a page embeds a video: a run of lines such as "Loaded: 0%",
"Progress: 0%", "Remaining Time -0:00", "This is a modal window.", or all of it glued into one
line. The player's own translation files are the source of the strings, not examples of them:
every version of ``lang/*.json`` in the project's history (the keys, English, and the values,
translations), so old wordings ("No compatible source was found for this video.") count too.
Video.js is Apache-2.0 licensed (Copyright 2010-present Video.js contributors); the strings are
reproduced under that licence.

    python training/build_player_strings.py /work/.mirror/videojs+video.js/repo

Each output line is a string reduced to its letters, lower-cased (how the test compares them,
so that text glued without spaces still matches), a tab, and its number of words.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newslint" / "data" / "player_strings.txt"
_PLACEHOLDER = re.compile(r"\{\d+\}")
MIN_LETTERS = 3  # shorter strings ("OK", "X") say too little even in a block of them


def git(git_dir: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, text=True,
                          check=True).stdout


def letters(text: str) -> str:
    """The string as the test compares it: its letters only, lower-cased."""
    return "".join(c for c in text.lower() if c.isalpha())


def strings(git_dir: Path) -> tuple[str, dict[str, int]]:
    """The head commit, and every string (keys and values of every version of every language
    file) by its letters, with its largest word count."""
    head = git(git_dir, "rev-parse", "HEAD").strip()
    found: dict[str, int] = {}
    files = [line.split("\t")[1] for line in git(git_dir, "ls-tree", "HEAD", "lang/").splitlines()
             if line.endswith(".json")]
    for path in files:
        for commit in git(git_dir, "log", "--format=%H", head, "--", path).split():
            try:
                data = json.loads(git(git_dir, "show", f"{commit}:{path}"))
            except (subprocess.CalledProcessError, json.JSONDecodeError):
                continue  # a version that did not parse (or a rename's first commit)
            for text in (t for pair in data.items() for t in pair if isinstance(t, str)):
                text = _PLACEHOLDER.sub(" ", text)
                key = letters(text)
                if len(key) >= MIN_LETTERS:
                    found[key] = max(found.get(key, 0), len(text.split()))
    return head, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", type=Path, help="a clone (or bare mirror) of videojs/video.js")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    head, found = strings(args.git_dir)
    lines = [f"# Video.js interface strings (lang/*.json, every version up to {head}); Apache-2.0,",
             "# Copyright 2010-present Video.js contributors. Built by training/build_player_strings.py.",
             *(f"{key}\t{words}" for key, words in sorted(found.items()))]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} strings from {head} -> {args.out}")


if __name__ == "__main__":
    main()
