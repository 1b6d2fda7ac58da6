#!/usr/bin/env python3
"""The zoning's shape tests (``newslint.text.promo_lines``: closing lists of titles, promo lines
in capitals) on labelled scraped pages they were not designed on.

Reads folders in the development corpus's format (article files and a labels.json whose
`expect` lines are page furniture and `allow` lines are left open; unlabelled lines are story):
`shared/corpus/pages` or, held out, the line model's labelled training corpus that
`training/build_lines.py` rebuilds (one folder per source). Counts every line each test zones
as furniture as furniture, open or story, per source, and prints the lines.

    python benchmarks/zoning_shapes.py /work/data/lines            # every source folder in it
    python benchmarks/zoning_shapes.py ../shared/corpus/pages --examples 10
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newslint.document import Document  # noqa: E402
from newslint.text.zoning import Why  # noqa: E402

TESTS = {"titles": Why.TITLES, "shouted": Why.SHOUTED}  # the shape tests, by the reason they zone with


def label_folders(root: Path) -> list[Path]:
    """``root`` itself when it holds labels.json, else its subfolders that do."""
    if (root / "labels.json").exists():
        return [root]
    return sorted(path.parent for path in root.glob("*/labels.json"))


def zoned_lines(folder: Path) -> list[tuple[str, str, str, int, str]]:
    """(test, class, file, line, text) of each line a shape test zones as furniture."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["files"]
    found = []
    for name, entry in sorted(labels.items()):
        path = folder / name
        if not path.exists():
            continue
        furniture = {e["line"] for e in entry["expect"]}
        left_open = {e["line"] for e in entry["allow"]}
        doc = Document(path.read_text(encoding="utf-8", errors="replace"), str(path))
        for paragraph, zoned in zip(doc.paragraphs, doc.zones):
            for test, why in TESTS.items():
                if zoned.why is why:
                    line = doc.line_of(paragraph.start)
                    kind = "furniture" if line in furniture else "open" if line in left_open else "story"
                    found.append((test, kind, name, line, paragraph.text(doc)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--examples", type=int, default=40, help="lines shown per test and class")
    args = parser.parse_args()
    totals: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], list[str]] = {}
    print("| source | test | furniture | open | story |\n|---|---|---|---|---|")
    for folder in label_folders(args.root):
        lines = zoned_lines(folder)
        counts = Counter((test, kind) for test, kind, *_ in lines)
        totals.update(counts)
        for test in TESTS:
            if any(counts[test, kind] for kind in ("furniture", "open", "story")):
                print(f"| {folder.name} | {test} | {counts[test, 'furniture']} | {counts[test, 'open']} | "
                      f"{counts[test, 'story']} |")
        for test, kind, name, line, text in lines:
            shown.setdefault((test, kind), []).append(f"{folder.name}/{name}:{line} {text[:90]}")
    for test in TESTS:
        print(f"| all | {test} | {totals[test, 'furniture']} | {totals[test, 'open']} | {totals[test, 'story']} |")
    for (test, kind), rows in sorted(shown.items()):
        print(f"\n{test}, {kind} ({len(rows)}):")
        for row in rows[:args.examples]:
            print("   ", row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
