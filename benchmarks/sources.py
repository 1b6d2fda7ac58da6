#!/usr/bin/env python3
"""False alarms per source and per rule, on real articles from many publishers and languages.

A sources root holds one folder per source (`bbc-sport/`, `fakedes-es/`, ...), each a set of
articles in newslint's format with a `labels.json` in the development corpus's format
(shared/corpus/README.md): a file not listed is clean; `expect` lists the real defects a rule
should report (1-based line, family, kind, optionally the rule's `code`); `allow` lists findings
that are acceptable but not required. benchmarks/convert_sources.py builds such a root from
public datasets (benchmarks/SOURCES.md).

Every rule runs, the ones off by default too, over each source on its own. A finding on a line
that an `expect` of the same family (and code, when the label names one) covers is a true
positive, one that an `allow` covers is neither, any other is a false alarm.

    python benchmarks/sources.py                        # /work/data/clean
    python benchmarks/sources.py ROOT --config no-semantic.toml --false-positives fp.tsv

Prints two Markdown tables: false alarms per 1,000 articles (rule x source), then precision and
recall for every rule and source that has labelled defects.
"""
from __future__ import annotations

import argparse
import collections
import json
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

FAMILY_OF_PREFIX = {"NL1": "headline", "NL2": "encoding", "NL3": "injected",
                    "NL4": "duplication", "NL5": "structure"}


@dataclass
class Tally:
    """One rule on one source."""

    findings: int = 0
    tp: int = 0
    fp: int = 0
    expected: int = 0
    found: int = 0  # expected defects this rule reported
    false_alarms: list[dict] = field(default_factory=list)


def newslint_json(cmd: list[str], *args: str) -> object:
    proc = subprocess.run([*cmd, *args], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{shlex.join(cmd + list(args))} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return json.loads(proc.stdout)


def family(code: str) -> str:
    return FAMILY_OF_PREFIX.get(code[:3], "other")


def covers(label: dict, code: str, line: int) -> bool:
    return (label["line"] == line and label["family"] == family(code)
            and label.get("code", code) == code)


def lint_source(folder: Path, codes: list[str], cmd: list[str], config: Path | None,
                saved: Path | None = None) -> list[dict]:
    """newslint's findings on one source; kept in ``saved`` (and read from it when it exists),
    so that labels can be revised and rescored without linting again."""
    if saved and saved.exists():
        return json.loads(saved.read_text(encoding="utf-8"))
    args = ["check", "--format", "json", "--no-cache", "--select", ",".join(codes)]
    findings = newslint_json(cmd, *args, *(["--config", str(config)] if config else []), str(folder))
    if saved:
        saved.write_text(json.dumps(findings), encoding="utf-8")
    return findings


def score_source(folder: Path, codes: list[str], findings: list[dict]) -> tuple[int, dict[str, Tally]]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8")).get("files", {})
    articles = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt"))
    tallies = {code: Tally() for code in codes}
    reported = collections.defaultdict(set)  # (file, code) -> lines
    for f in findings:
        name = Path(f["path"]).resolve().relative_to(folder.resolve()).as_posix()
        tally = tallies.setdefault(f["code"], Tally())
        tally.findings += 1
        reported[(name, f["code"])].add(f["line"])
        entry = labels.get(name, {})
        if any(covers(e, f["code"], f["line"]) for e in entry.get("expect", [])):
            tally.tp += 1
        elif not any(covers(a, f["code"], f["line"]) for a in entry.get("allow", [])):
            tally.fp += 1
            tally.false_alarms.append({**f, "file": name})
    for name, entry in labels.items():
        for e in entry.get("expect", []):
            # A defect labelled with a rule counts for that rule; one labelled with a family
            # only, for the family (found when any of its rules reports the line).
            key = e.get("code") or e["family"]
            tally = tallies.setdefault(key, Tally())
            tally.expected += 1
            tally.found += any(e["line"] in reported[(name, code)] for code in codes
                               if code == key or (key == e["family"] and family(code) == key))
    return len(articles), tallies


def line_text(folder: Path, name: str, line: int, width: int = 160) -> str:
    lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return " ".join(text.split())[:width]


def print_tables(results: dict[str, tuple[int, dict[str, Tally]]], codes: list[str]) -> None:
    names = list(results)
    total_articles = sum(n for n, _ in results.values())
    print("False alarms per 1,000 articles (findings not covered by a label), per rule and source:\n")
    print("| rule | " + " | ".join(names) + " | all |")
    print("|---|" + "---|" * (len(names) + 1))
    print("| articles | " + " | ".join(str(results[s][0]) for s in names) + f" | {total_articles} |")
    for code in codes:
        cells = [1000 * results[s][1][code].fp / results[s][0] for s in names]
        total = 1000 * sum(results[s][1][code].fp for s in names) / total_articles
        print(f"| {code} | " + " | ".join(f"{c:.1f}" for c in cells) + f" | {total:.1f} |")
    for prefix, fam in FAMILY_OF_PREFIX.items():
        fam_codes = [c for c in codes if c.startswith(prefix)]
        cells = [1000 * sum(results[s][1][c].fp for c in fam_codes) / results[s][0] for s in names]
        total = 1000 * sum(results[s][1][c].fp for s in names for c in fam_codes) / total_articles
        print(f"| **{fam}** | " + " | ".join(f"{c:.1f}" for c in cells) + f" | {total:.1f} |")
    print("\nPrecision and recall where a source has labelled defects (TP / FP / missed):\n")
    print("| source | rule | precision | recall | TP | FP | missed |")
    print("|---|---|---|---|---|---|---|")
    for s in names:
        for code in [*codes, *FAMILY_OF_PREFIX.values()]:
            t = results[s][1].get(code, Tally())
            if not t.expected and not t.tp:
                continue
            precision = f"{t.tp / (t.tp + t.fp):.2f}" if t.tp + t.fp else "-"
            recall = f"{t.found / t.expected:.2f}" if t.expected else "-"
            print(f"| {s} | {code} | {precision} | {recall} | {t.tp} | {t.fp} | {t.expected - t.found} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, nargs="?", default=Path("/work/data/clean"),
                        help="a folder of sources, each a folder of articles with labels.json")
    parser.add_argument("--newslint", default=f"{shlex.quote(sys.executable)} -m newslint",
                        help="the command that runs newslint (default: this Python's)")
    parser.add_argument("--config", type=Path, help="a newslint config file (e.g. rule options)")
    parser.add_argument("--only", action="append", help="score only these sources")
    parser.add_argument("--false-positives", type=Path,
                        help="write every false alarm here (tab-separated: source, file, line, "
                             "code, message, the line's text)")
    parser.add_argument("--findings-dir", type=Path,
                        help="keep each source's findings here as SOURCE.json and reuse them when "
                             "present (rescore revised labels without linting again)")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    cmd = shlex.split(args.newslint)
    codes = [r["code"] for r in newslint_json(cmd, "rules", "--format", "json")]
    folders = [p for p in sorted(args.root.iterdir()) if (p / "labels.json").is_file()
               and (not args.only or p.name in args.only)]
    if not folders:
        raise SystemExit(f"no source folder with a labels.json under {args.root}")
    if args.findings_dir:
        args.findings_dir.mkdir(parents=True, exist_ok=True)
    results = {p.name: score_source(p, codes, lint_source(
        p, codes, cmd, args.config, args.findings_dir and args.findings_dir / f"{p.name}.json"))
        for p in folders}
    print_tables(results, codes)
    if args.false_positives:
        with args.false_positives.open("w", encoding="utf-8") as out:
            for folder in folders:
                for code, tally in results[folder.name][1].items():
                    for f in tally.false_alarms:
                        text = line_text(folder, f["file"], f["line"])
                        out.write("\t".join([folder.name, f["file"], str(f["line"]), code,
                                             f["message"].replace("\t", " "), text]) + "\n")
    if args.json_out:
        args.json_out.write_text(json.dumps({s: {"articles": n, "rules": {
            c: {k: v for k, v in vars(t).items() if k != "false_alarms"} for c, t in tallies.items()}}
            for s, (n, tallies) in results.items()}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
