#!/usr/bin/env python3
"""Injected-family recall and precision on labelled scraped pages, English and not English apart.

The folder is in the development corpus's format (`shared/corpus/pages`: article files and a
labels.json whose injected `expect` lines are page furniture; unlabelled body lines are story).
Each file's language is told by newslint's own detector (function words, or the script) from
its text. A finding of an NL3xx rule on an `expect` line is a hit, on an `allow` line neither,
on any other body line a false alarm.

    python benchmarks/pages_by_language.py ../shared/corpus/pages
    python benchmarks/pages_by_language.py ../shared/corpus/pages --newslint ".venv/bin/newslint"
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.text import language  # noqa: E402

FAMILY = "injected"
CODE_PREFIX = "NL3"


def file_language(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    words = [w.lower() for w in regex.findall(r"\p{L}+", text[:4000])]
    return language.detect(words, text)


def findings(command: str, folder: Path) -> dict[str, set[int]]:
    """The lines of each file that an NL3xx rule reports."""
    run = subprocess.run([*shlex.split(command), "check", "--no-cache", "--output-format", "json", str(folder)],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"newslint failed ({run.returncode}): {run.stderr[-2000:]}")
    found: dict[str, set[int]] = {}
    for item in json.loads(run.stdout):
        if item["code"].startswith(CODE_PREFIX):
            found.setdefault(Path(item["path"]).name, set()).add(item["line"])
    return found


def story_lines(path: Path, labelled: set[int]) -> set[int]:
    """The body lines (after the headline and its blank line) that are not labelled."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return {n for n, line in enumerate(lines, 1) if n > 2 and line.strip() and n not in labelled}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--newslint", default=f"{shlex.quote(sys.executable)} -m newslint")
    args = parser.parse_args()
    labels = json.loads((args.folder / "labels.json").read_text(encoding="utf-8"))["files"]
    found = findings(args.newslint, args.folder)
    tally: dict[str, Counter[str]] = {}
    for path in sorted(args.folder.glob("*.txt")):
        entry = labels.get(path.name, {})
        expect = {e["line"] for e in entry.get("expect", []) if e["family"] == FAMILY}
        allow = {e["line"] for e in (*entry.get("allow", []), *entry.get("expect", []))}
        story = story_lines(path, allow)
        reported = found.get(path.name, set())
        group = "English" if file_language(path) in ("en", language.UNDETERMINED) else "not English"
        for name in (group, "all"):
            t = tally.setdefault(name, Counter())
            t["files"] += 1
            t["furniture"] += len(expect)
            t["story"] += len(story)
            t["hits"] += len(reported & expect)
            t["false"] += len(reported & story)
    print("| pages | files | furniture lines | story lines | found | false alarms | precision | recall | "
          "false alarms per 1,000 story lines |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in ("English", "not English", "all"):
        t = tally.get(name, Counter())
        reported = t["hits"] + t["false"]
        precision = f"{t['hits'] / reported:.3f}" if reported else "-"
        recall = f"{t['hits'] / t['furniture']:.3f}" if t["furniture"] else "-"
        per_1000 = f"{1000 * t['false'] / t['story']:.1f}" if t["story"] else "-"
        print(f"| {name} | {t['files']} | {t['furniture']} | {t['story']} | {t['hits']} | {t['false']} | "
              f"{precision} | {recall} | {per_1000} |")


if __name__ == "__main__":
    main()
