#!/usr/bin/env python3
"""Where a run's time goes: CPU milliseconds per article of each rule, and of the document
model's shared parts (paragraphs, sentences, zones), in one process (``-j 1``).

The shared parts are computed first for each article, so a rule's figure is its own work, not
the zoning or sentence splitting that whichever rule asked first would otherwise be charged
for. Times are CPU time of the thread (a busy machine slows the clock less than the wall),
still within a few per cent from run to run: compare two versions by alternating runs
(``speed.py`` for whole runs), not by one figure each.

    python benchmarks/rule_costs.py ../shared/corpus/clean
    python benchmarks/rule_costs.py FOLDER --config nomodel.toml --limit 2000
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newslint import runner  # noqa: E402
from newslint.document import Document  # noqa: E402
from newslint.sources import Problem  # noqa: E402
from newslint.runner import Linter, prepare, tune_collector  # noqa: E402

SHARED_PARTS = ("paragraphs", "sentences", "zones")  # Document properties several rules read


def timed_linter(linter: Linter, spent: Counter[str]) -> None:
    """Make ``linter`` add each rule's CPU time (and the shared parts') to ``spent``."""
    check, collect, lint_document = Linter._check, Linter._collect, Linter.lint_document

    def timed_check(self, rule, doc, result, record):  # type: ignore[no-untyped-def]
        start = time.thread_time()
        check(self, rule, doc, result, record)
        spent[rule.code] += time.thread_time() - start

    def timed_collect(self, rule, doc, result):  # type: ignore[no-untyped-def]
        start = time.thread_time()
        collect(self, rule, doc, result)
        spent[f"{rule.code} (corpus pass, per article)"] += time.thread_time() - start

    def timed_lint(self, doc: Document, source=None, corpus=True):  # type: ignore[no-untyped-def]
        for part in SHARED_PARTS:
            start = time.thread_time()
            getattr(doc, part)
            spent[f"document: {part}"] += time.thread_time() - start
        return lint_document(self, doc, source, corpus)

    linter._check = timed_check.__get__(linter)  # type: ignore[method-assign]
    linter._collect = timed_collect.__get__(linter)  # type: ignore[method-assign]
    linter.lint_document = timed_lint.__get__(linter)  # type: ignore[method-assign]


def costs(paths: list[Path], config: Path | None = None, limit: int = 0
          ) -> tuple[int, float, Counter[str], list[Any]]:
    """Lint the articles under ``paths`` (the first ``limit``) in this process; return how
    many, their CPU seconds in all, the seconds of each part, and the findings made."""
    linter = prepare([str(p) for p in paths], config=str(config) if config else None)
    spent: Counter[str] = Counter()
    timed_linter(linter, spent)
    sources = [s for s in runner.sources_of(linter, [str(p) for p in paths]) if not isinstance(s, Problem)]
    if limit:
        sources = sources[:limit]
    findings = []
    start = time.thread_time()
    for source in sources:
        findings.extend(linter.lint_source(source, corpus=True, use_cache=False).diagnostics)
    return len(sources), time.thread_time() - start, spent, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--config", type=Path, help="a newslint config (e.g. one that turns the sentence model off)")
    parser.add_argument("--limit", type=int, default=0, help="read at most this many articles")
    args = parser.parse_args()

    tune_collector()  # as in a process newslint owns
    articles, total, spent, _ = costs(args.paths, args.config, args.limit)
    count = max(articles, 1)
    print(f"{articles:,} articles, {1000 * total / count:.2f} CPU ms an article in all "
          f"({count / max(total, 1e-9):,.0f} articles/s in one process)\n")
    print("| part | CPU ms/article | share |")
    print("|---|---|---|")
    for part, seconds in spent.most_common():
        print(f"| {part} | {1000 * seconds / count:.3f} | {100 * seconds / total:.1f}% |")
    rest = total - sum(spent.values())
    print(f"| reading, locating findings, the rest | {1000 * rest / count:.3f} | {100 * rest / total:.1f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
