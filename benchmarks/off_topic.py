#!/usr/bin/env python3
"""NL304 off-topic-paragraph on clean articles and on copies with another story's paragraph.

For every source folder (clean articles, one per file; e.g. the development corpus's `clean/`
and the folders `benchmarks/convert_sources.py` writes), each article gets one damaged copy: a
paragraph of at least 30 words from another article of the same source, inserted at a random
place in the body (after the first paragraph, or at the end). NL304 runs over the clean
articles (every finding is a false alarm) and over the copies (a finding on the inserted
paragraph is a hit), with its default options and on words alone (`semantic = false`), at
min-confidence 0.

    python benchmarks/off_topic.py ../shared/corpus/clean /work/data/clean/*
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

MIN_WORDS = 30


def damage(source: Path, into: Path, rng: random.Random) -> dict[str, int]:
    """Write one damaged copy per article of ``source`` into ``into``; return file -> line.
    Not quality.py's off-topic injector: that one never inserts after the last paragraph,
    where content farms most often splice another story's (as in seed 000), and damages one
    article in fifteen, where this measures every article of a source."""
    files = sorted(source.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    labels = {}
    for k, (path, text) in enumerate(zip(files, texts)):
        lines = text.rstrip("\n").split("\n")
        body = [n for n in range(2, len(lines)) if lines[n].strip()]
        other = texts[(k + 1 + rng.randrange(len(texts) - 1)) % len(texts)].rstrip("\n").split("\n")
        candidates = [line for line in other[2:] if len(line.split()) >= MIN_WORDS]
        if len(body) < 3 or not candidates:
            continue
        at = rng.choice(body[1:] + [len(lines)])
        inserted = rng.choice(candidates)
        copy = lines[:at] + ["", inserted] if at == len(lines) else lines[:at] + [inserted, ""] + lines[at:]
        (into / path.name).write_text("\n".join(copy) + "\n", encoding="utf-8")
        labels[path.name] = copy.index(inserted) + 1
    return labels


def nl304(folder: Path, config: Path | None) -> list[dict]:
    cmd = [sys.executable, "-m", "newslint", "check", "--no-cache", "--select", "NL304", "--min-confidence", "0",
           "--format", "json", str(folder)]
    if config is not None:
        cmd[4:4] = ["--config", str(config)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"newslint failed on {folder}: {done.stderr[-400:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+", type=Path, help="folders of clean articles, one source each")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        words_alone = Path(tmp) / "words.toml"
        words_alone.write_text("[rules.off-topic-paragraph]\nsemantic = false\n", encoding="utf-8")
        damaged = {}
        for source in args.sources:
            into = Path(tmp) / source.name
            into.mkdir()
            damaged[source] = (into, damage(source, into, rng))
        for title, config in (("default (meaning confirms)", None), ("words alone (semantic = false)", words_alone)):
            print(f"\n{title}\n\n| source | clean | false alarms | per 1,000 | copies | found | recall |")
            print("|---|---|---|---|---|---|---|")
            totals = [0, 0, 0, 0]
            for source in args.sources:
                into, labels = damaged[source]
                clean = len(list(source.glob("*.txt")))
                alarms = len(nl304(source, config))
                found = sum(labels.get(Path(f["path"]).name) == f["line"] for f in nl304(into, config))
                totals = [a + b for a, b in zip(totals, (clean, alarms, len(labels), found))]
                print(f"| {source.name} | {clean:,} | {alarms} | {1000 * alarms / clean:.1f} | {len(labels):,} | "
                      f"{found} | {found / len(labels) if labels else 0:.3f} |")
            clean, alarms, copies, found = totals
            print(f"| all | {clean:,} | {alarms} | {1000 * alarms / clean:.1f} | {copies:,} | {found} | "
                  f"{found / copies if copies else 0:.3f} |")


if __name__ == "__main__":
    main()
