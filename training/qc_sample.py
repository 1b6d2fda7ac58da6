"""Print a seeded random sample of labelled lines per source, for reading by hand.

    python training/qc_sample.py /work/data/lines [--per 40] [--seed 13]

For each source: expect lines, injected allow lines, and story lines of <= 6 words, each with its
kind, share and text, so that wrong labels (a headline, standfirst or byline called furniture, a
caption called story, CJK text scored as words...) can be spotted and the rules in labelling.py
fixed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def body_lines(path: Path) -> dict[int, str]:
    parts = path.read_text(encoding="utf-8").split("\n\n")
    return {1 + 2 * i: part for i, part in enumerate(parts) if i > 0 and part}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--per", type=int, default=40)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--only")
    args = parser.parse_args()
    for labels_path in sorted(args.root.glob("*/labels.json")):
        source = labels_path.parent.name
        if args.only and source not in args.only.split(","):
            continue
        files = json.loads(labels_path.read_text(encoding="utf-8"))["files"]
        expect, allow, short_story = [], [], []
        for name, entry in files.items():
            lines = body_lines(labels_path.parent / name)
            labelled = set()
            for group, bucket in ((entry["expect"], expect), (entry["allow"], allow)):
                for label in group:
                    if label["family"] == "injected":
                        labelled.add(label["line"])
                        bucket.append((name, label["kind"], label.get("share"), lines.get(label["line"], "")))
            for number, text in lines.items():
                if number not in labelled and len(text.split()) <= 6:
                    short_story.append((name, "story", None, text))
        rng = random.Random(args.seed)
        for title, bucket in (("EXPECT", expect), ("ALLOW", allow), ("SHORT STORY", short_story)):
            print(f"===== {source} {title} ({len(bucket)})")
            for name, kind, share, text in rng.sample(bucket, min(args.per, len(bucket))):
                print(f"{name:16} {kind[:24]:24} {share if share is not None else '':<6} | {text[:110]}")


if __name__ == "__main__":
    main()
