#!/usr/bin/env python3
"""Fit and check the confidence calibration: how often each rule's findings are real, by score.

Labelled sets (the development corpus's labels.json format, shared/corpus/README.md): a file
not listed is clean; `expect` lists real defects (1-based line, family, optionally the rule's
`code`), `allow` findings that are acceptable but not required. Three kinds of input:

  --corpus DIR    a labelled folder, or a folder of them (development data: what the rules were
                  built on), e.g. shared/corpus (clean, injected, pages, fnc-train)
  --sources DIR   the same, for articles from publishers the rules were not tuned on, e.g.
                  /work/data/clean (one folder per source): the false-alarm budget is measured
                  on these
  --inject DIR    clean articles to damage with benchmarks/quality.py's injectors (one known
                  defect per copy, labelled with its rule), plus copies with invalid UTF-8

Every rule, those off by default too, runs once over each set (`--findings-dir` keeps the
findings, so a re-run only fits). A finding is real when an `expect` of its family (and code,
when the label names one) is on its line, neither when an `allow` is, false otherwise; findings
of families a set does not score are left out.

Files are split in two halves by a hash of their set and name. On the **fit** half, each rule's
raw scores are mapped to observed precision by isotonic regression (pool-adjacent-violators
over bins of at least MIN_BIN findings; each block's precision smoothed as (real + 1) / (n + 2),
so 40 real of 40 reads 0.98, not 1), and each default rule's `min-confidence` is the lowest that
keeps it at or under BUDGET false alarms per 1,000 articles of the other publishers. The
**held-out** half then shows predicted against observed precision, and what each threshold
gives. Only the fit half decides the table, so the held-out figures are honest.

    python benchmarks/calibration.py --corpus ../shared/corpus --sources /work/data/clean \\
        --inject ../shared/corpus/clean --findings-dir /tmp/findings            # report
    python benchmarks/calibration.py ... --write                # and write newslint/data/calibration.json
"""
from __future__ import annotations

import argparse
import collections
import datetime
import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from newslint.confidence import TABLE, Curve, curve_to_json  # noqa: E402

FAMILY_OF_PREFIX = {"NL1": "headline", "NL2": "encoding", "NL3": "injected",
                    "NL4": "duplication", "NL5": "structure"}
MIN_BIN = 8  # findings per bin before pooling: fewer give a noisy precision
BUDGET = 2.0  # false alarms per 1,000 articles of other publishers a default rule may make
UNMEASURED = 0.5  # the confidence of a rule with no judged finding to fit on: (0 + 1) / (0 + 2)
MAX_RECALL_COST = 0.1  # the share of a rule's real findings a default threshold may give up
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)  # confidence bins of the calibration table
THRESHOLDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95)


@dataclass
class LabelledSet:
    """A folder of articles with labels, and whether its publishers are new to the rules."""

    name: str
    folder: Path
    labels: dict
    other_publisher: bool
    origin: str = ""  # where the articles came from, when not from ``folder`` as they are

    @property
    def families(self) -> list[str]:
        return self.labels.get("score_families", list(FAMILY_OF_PREFIX.values()))

    @property
    def files(self) -> list[str]:
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*.txt"))


@dataclass(frozen=True)
class Judged:
    """One finding with its raw score and whether it was real."""

    set: str
    file: str
    code: str
    score: float | None
    real: bool


@dataclass
class Data:
    """Judged findings and how many articles of other publishers there were, for one half."""

    findings: list[Judged] = field(default_factory=list)
    other_articles: int = 0
    other_sets: set[str] = field(default_factory=set)


def family(code: str) -> str:
    return FAMILY_OF_PREFIX.get(code[:3], "other")


def covers(label: dict, code: str, line: int) -> bool:
    return label["line"] == line and label["family"] == family(code) and label.get("code", code) == code


def half(set_name: str, file: str) -> str:
    """"fit" or "test", by a stable hash of the file's set and name."""
    return "fit" if hashlib.sha1(f"{set_name}/{file}".encode()).digest()[0] % 2 == 0 else "test"


# -- the labelled sets ---------------------------------------------------------------------
def labelled_folders(root: Path) -> list[Path]:
    """``root`` when it has labels.json, else its sub-folders that have one."""
    return [root] if (root / "labels.json").exists() else sorted(p.parent for p in root.glob("*/labels.json"))


def load_sets(corpora: Sequence[Path], sources: Sequence[Path]) -> list[LabelledSet]:
    sets = []
    for roots, other in ((corpora, False), (sources, True)):
        for root in roots:
            for folder in labelled_folders(root):
                labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
                sets.append(LabelledSet(folder.name, folder, labels, other))
    return sets


def injected_set(name: str, clean: Path, out: Path, seed: int) -> LabelledSet:
    """Damaged copies of ``clean``'s articles (quality.py's injectors, one defect each), and
    copies saved in Windows-1252 (invalid UTF-8, NL200), with their labels."""
    import quality

    labels = json.loads((clean / "labels.json").read_text(encoding="utf-8")) if (clean / "labels.json").exists() else {}
    defective = {f for f, entry in labels.get("files", {}).items() if entry.get("expect")}
    files = [p for p in sorted(clean.glob("*.txt")) if p.name not in defective]
    built = quality.build(files, out, seed)
    entries = {}
    for rel, items in built.items():
        expect = [{"line": line, "family": family(code), "code": code} for code, line in items]
        allow = [{"line": line, "family": family(code)} for code, line in items]  # a sibling rule
        entries[Path(rel).name] = {"expect": expect, "allow": allow}
    rng = random.Random(seed)
    for index, path in enumerate(rng.sample(files, min(len(files) // 15, len(files)))):
        lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
        body = [i for i, line in enumerate(lines) if i >= 2 and line.strip()]
        if not body:
            continue
        at = next((i for i, line in enumerate(lines) if not line.isascii()), None)
        if at is None or not all(c.encode("cp1252", "ignore") for c in lines[at] if not c.isascii()):
            at = rng.choice(body)
            lines[at] += " Caf\u00e9 owners said so."
        copy = f"{index:05}-invalid-utf8.txt"
        (out / "damaged" / copy).write_bytes("\n".join(lines).encode("cp1252", "replace") + b"\n")
        entries[copy] = {"expect": [{"line": at + 1, "family": "encoding", "code": "NL200"}], "allow": []}
    return LabelledSet(name, out / "damaged", {"files": entries}, False,
                       f"{clean}, damaged by benchmarks/quality.py's injectors (seed {seed})")


# -- linting and judging -------------------------------------------------------------------
def lint(folder: Path, saved: Path | None) -> list[dict]:
    """Every rule's findings in ``folder`` (all of them: min-confidence 0), with raw scores."""
    if saved is not None and saved.exists():
        return json.loads(saved.read_text(encoding="utf-8"))
    from newslint.config import Config
    from newslint.registry import load_rules
    from newslint.runner import lint_paths, prepare

    codes = [rule.code for rule in load_rules(plugins=False).rules]
    linter = prepare([], config=Config(), select=codes, min_confidence=0.0)
    result = lint_paths([str(folder)], jobs=None, linter=linter)
    found = [{"file": Path(d.path).relative_to(folder).as_posix(), "line": d.line, "code": d.code,
              "score": d.score, "message": d.message} for d in result.diagnostics]
    if saved is not None:
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(found), encoding="utf-8")
    return found


def judge(labelled: LabelledSet, found: Iterable[dict], halves: dict[str, Data]) -> None:
    """Sort ``found`` into real and false findings of each half (allowed ones are left out)."""
    entries = labelled.labels.get("files", {})
    for f in found:
        if family(f["code"]) not in labelled.families:
            continue
        entry = entries.get(f["file"], {})
        real = any(covers(e, f["code"], f["line"]) for e in entry.get("expect", []))
        if not real and any(covers(a, f["code"], f["line"]) for a in entry.get("allow", [])):
            continue
        halves[half(labelled.name, f["file"])].findings.append(
            Judged(labelled.name, f["file"], f["code"], f["score"], real))
    if labelled.other_publisher:
        for file in labelled.files:
            data = halves[half(labelled.name, file)]
            data.other_articles += 1
            data.other_sets.add(labelled.name)


# -- fitting -------------------------------------------------------------------------------
def smoothed(real: float, n: float) -> float:
    return (real + 1) / (n + 2)


def pav(blocks: list[list[float]]) -> list[list[float]]:
    """Pool adjacent violators: blocks of [lowest score, highest score, real, n], in rising
    score order, merged until real / n never falls."""
    out: list[list[float]] = []
    for block in blocks:
        out.append(list(block))
        while len(out) > 1 and out[-2][2] / out[-2][3] >= out[-1][2] / out[-1][3]:
            last = out.pop()
            out[-1] = [out[-1][0], last[1], out[-1][2] + last[2], out[-1][3] + last[3]]
    return out


def fit_curve(findings: Sequence[Judged]) -> Curve:
    """A rule's curve: isotonic precision over its raw scores, and for unscored findings."""
    scored = sorted((j.score, j.real) for j in findings if j.score is not None)
    unscored = [j.real for j in findings if j.score is None]
    bins: list[list[float]] = []
    for score, real in scored:  # bins of MIN_BIN or more; equal scores never split
        if not bins or (bins[-1][3] >= MIN_BIN and score != bins[-1][1]):
            bins.append([score, score, 0, 0])
        bins[-1][1:] = [score, bins[-1][2] + real, bins[-1][3] + 1]
    if len(bins) > 1 and bins[-1][3] < MIN_BIN:  # a short last bin joins the one before
        last = bins.pop()
        bins[-1] = [bins[-1][0], last[1], bins[-1][2] + last[2], bins[-1][3] + last[3]]
    # Smoothing can reorder blocks of very different sizes: pool again on smoothed values.
    blocks = pav([[lo, hi, smoothed(real, n) * n, n] for lo, hi, real, n in pav(bins)])
    every = [real for _, real in scored] + unscored
    # Few unscored findings say little on their own: they get the rule's overall precision.
    base = unscored if len(unscored) >= MIN_BIN else every
    return Curve(tuple((lo, hi, p / n) for lo, hi, p, n in blocks),
                 smoothed(sum(base), len(base)) if base else 0.5)


def shown(curve: Curve, score: float | None) -> float:
    """The confidence newslint reports (and filters on) for a raw score: rounded as it is."""
    return round(curve(score), 3)


def false_alarms_per_1000(findings: Sequence[Judged], data: Data, threshold: float, curve: Curve) -> float:
    """False alarms on other publishers' articles per 1,000 of them, at ``threshold``."""
    count = sum(not j.real and j.set in data.other_sets and shown(curve, j.score) >= threshold for j in findings)
    return 1000 * count / data.other_articles if data.other_articles else 0.0


def default_threshold(findings: Sequence[Judged], data: Data, curve: Curve) -> float:
    """The lowest confidence that keeps the rule within BUDGET on other publishers (0 when it
    already is); one that would drop more than MAX_RECALL_COST of its real findings is not taken
    (0, and the report shows what the budget would cost): that is a change to the rule to decide
    on its own, not a threshold."""
    levels = sorted({0.0, *(shown(curve, j.score) for j in findings)})
    real = sum(j.real for j in findings)
    for level in levels:
        if false_alarms_per_1000(findings, data, level, curve) <= BUDGET:
            kept = sum(j.real and shown(curve, j.score) >= level for j in findings)
            return level if kept >= (1 - MAX_RECALL_COST) * real else 0.0
    return 0.0


def fit(data: Data, default_codes: set[str]) -> dict[str, Curve]:
    by_rule = collections.defaultdict(list)
    for j in data.findings:
        by_rule[j.code].append(j)
    curves = {}
    for code, findings in sorted(by_rule.items()):
        curve = fit_curve(findings)
        if code in default_codes:
            curve = Curve(curve.blocks, curve.unscored, default_threshold(findings, data, curve))
        curves[code] = curve
    return curves


# -- reporting -----------------------------------------------------------------------------
def report(data: Data, curves: dict[str, Curve]) -> str:
    """Held-out calibration (predicted vs observed per confidence bin) and each threshold's
    precision, share of real findings kept and false alarms per 1,000 other articles."""
    by_rule = collections.defaultdict(list)
    for j in data.findings:
        by_rule[j.code].append(j)
    lines = [f"Held-out half: {len(data.findings)} judged findings; {data.other_articles} articles "
             f"of other publishers.\n", "Calibration (predicted confidence against observed precision):\n",
             "| rule | findings | real | " + " | ".join(f"{lo:.2f}-{min(hi, 1):.2f}" for lo, hi in zip(BINS, BINS[1:]))
             + " | mean predicted | observed |",
             "|---|---|---|" + "---|" * (len(BINS) + 1)]
    for code, findings in sorted(by_rule.items()):
        curve = curves.get(code)
        if curve is None:
            continue
        cells = []
        for lo, hi in zip(BINS, BINS[1:]):
            inside = [j for j in findings if lo <= shown(curve, j.score) < hi]
            cells.append(f"{sum(j.real for j in inside) / len(inside):.2f} ({len(inside)})" if inside else "")
        predicted = sum(shown(curve, j.score) for j in findings) / len(findings)
        observed = sum(j.real for j in findings) / len(findings)
        lines.append(f"| {code} | {len(findings)} | {sum(j.real for j in findings)} | " + " | ".join(cells)
                     + f" | {predicted:.3f} | {observed:.3f} |")
    lines += ["\nEach bin: observed precision (findings).\n",
              "Thresholds: precision / share of real findings kept / false alarms per 1,000 other articles:\n",
              "| rule | default | " + " | ".join(f">= {t:.2f}" for t in THRESHOLDS) + " |",
              "|---|---|" + "---|" * len(THRESHOLDS)]
    for code, findings in sorted(by_rule.items()):
        curve = curves.get(code)
        if curve is None:
            continue
        real = sum(j.real for j in findings)
        cells = []
        for t in (curve.min_confidence, *THRESHOLDS):
            kept = [j for j in findings if shown(curve, j.score) >= t]
            hits = sum(j.real for j in kept)
            precision = f"{hits / len(kept):.2f}" if kept else "-"
            share = f"{hits / real:.2f}" if real else "-"
            cells.append(f"{precision} / {share} / {false_alarms_per_1000(findings, data, t, curve):.1f}")
        lines.append(f"| {code} | {curve.min_confidence:.2f}: {cells[0]} | " + " | ".join(cells[1:]) + " |")
    return "\n".join(lines) + "\n"


def table_json(curves: dict[str, Curve], sets: Sequence[LabelledSet], fit_data: Data, argv: Sequence[str]) -> dict:
    counts = collections.Counter(j.set for j in fit_data.findings)
    return {
        "newslint-calibration": 1,
        "fitted": datetime.date.today().isoformat(),
        "command": "python benchmarks/calibration.py " + " ".join(_without_findings_dir(argv)),
        "method": f"isotonic regression of real (1) / false (0) on each rule's raw score, bins of "
                  f">= {MIN_BIN}, precision (real + 1) / (n + 2); min-confidence: lowest keeping a default "
                  f"rule at <= {BUDGET} false alarms per 1,000 articles of other publishers",
        "fitted-on": "the half of each set's files whose sha1(set/file) starts with an even byte",
        "sets": {s.name: {"articles": s.origin or str(s.folder), "files": len(s.files),
                          "other-publisher": s.other_publisher,
                          "judged-findings-fit": counts.get(s.name, 0)} for s in sets},
        "rules": {code: curve_to_json(curve) for code, curve in sorted(curves.items())},
    }


def _without_findings_dir(argv: Sequence[str]) -> list[str]:
    """The arguments that decide the table (where findings are kept does not)."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip or arg == "--findings-dir" or arg.startswith("--findings-dir="):
            skip = arg == "--findings-dir"
            continue
        out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--sources", type=Path, action="append", default=[])
    parser.add_argument("--inject", type=Path, action="append", default=[])
    parser.add_argument("--findings-dir", type=Path, help="keep (and reuse) each set's findings here")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", action="store_true", help=f"write the fitted table to {TABLE}")
    parser.add_argument("--shipped", action="store_true",
                        help="report the shipped table on the held-out half instead of fitting one")
    args = parser.parse_args(argv)
    for folder in (*args.corpus, *args.sources, *args.inject):
        if not folder.is_dir() or not (labelled_folders(folder) or list(folder.glob("*.txt"))):
            parser.error(f"{folder}: not a folder of articles or of labelled sets")
    from newslint.confidence import curves as shipped_curves
    from newslint.registry import load_rules

    builtin = load_rules(plugins=False).rules
    default_codes = {rule.code for rule in builtin if rule.default_enabled}
    sets = load_sets(args.corpus, args.sources)
    halves = {"fit": Data(), "test": Data()}
    with tempfile.TemporaryDirectory() as tmp:
        for n, clean in enumerate(args.inject):
            sets.append(injected_set(f"injected-into-{clean.name}", clean, Path(tmp) / str(n), args.seed + n))
        for labelled in sets:
            saved = args.findings_dir / f"{labelled.name}.json" if args.findings_dir else None
            judge(labelled, lint(labelled.folder, saved), halves)
        curves = dict(shipped_curves()) if args.shipped else fit(halves["fit"], default_codes)
        for rule in builtin:  # no judged finding in the data (NL307 needs sites): not measured
            curves.setdefault(rule.code, Curve((), UNMEASURED))
        print(report(halves["test"], curves))
        if args.write:  # while the damaged copies still exist, to count them
            table = table_json(curves, sets, halves["fit"], argv or sys.argv[1:])
            TABLE.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
