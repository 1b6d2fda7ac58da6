#!/usr/bin/env python3
"""Check that a change leaves newslint's findings exactly as they were.

Runs ``newslint check --no-cache --output-format json --extend-select ALL-OFF-RULES`` (every
rule, default and off) over each folder of ../shared/corpus and the seeds, and writes the
JSON to a folder; with ``--against`` it compares with a folder written before the change and
prints every difference (nothing is ignored).

    python benchmarks/same_findings.py --write /tmp/before          # before the change
    python benchmarks/same_findings.py --write /tmp/after --against /tmp/before
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent.parent / "shared" / "corpus"  # the worktrees live in /work/wt/<branch>


def folders(corpus: Path) -> dict[str, Path]:
    """The folders to check, by a short name."""
    found = {"seeds": ROOT / "seeds"}
    if corpus.is_dir():
        found.update({p.name: p for p in sorted(corpus.iterdir()) if p.is_dir()})
    return found


def findings(folder: Path, select: str | None, python: str) -> str:
    """newslint's JSON report for one folder."""
    command = [python, "-m", "newslint", "check", "--no-cache", "--output-format", "json", "--exit-zero"]
    if select:
        command += ["--extend-select", select]
    run = subprocess.run(command + [str(folder)], capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        sys.exit(f"newslint failed on {folder}: {run.stderr[-2000:]}")
    return run.stdout


def differences(before: str, after: str) -> list[str]:
    """Findings (as JSON lines) present in one report and not the other."""
    def key(report: str) -> list[str]:
        data = json.loads(report)
        items = data["findings"] if isinstance(data, dict) else data
        return sorted(json.dumps(item, sort_keys=True) for item in items)
    old, new = key(before), key(after)
    lost = [f"- {x}" for x in sorted(set(old) - set(new))]
    gained = [f"+ {x}" for x in sorted(set(new) - set(old))]
    return lost + gained + ([] if len(old) == len(new) else [f"count {len(old)} -> {len(new)}"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, required=True, help="folder for the JSON reports")
    parser.add_argument("--against", type=Path, help="folder written before the change")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--select", default="NL203,NL304,NL403,NL501", help="rules off by default to add")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    args.write.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, folder in folders(args.corpus).items():
        report = findings(folder, args.select, args.python)
        (args.write / f"{name}.json").write_text(report, encoding="utf-8")
        if args.against:
            diff = differences((args.against / f"{name}.json").read_text(encoding="utf-8"), report)
            changed += bool(diff)
            print(f"{name}: {'identical' if not diff else f'{len(diff)} differences'}")
            print("\n".join(diff[:40]))
        else:
            print(f"{name}: written")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
