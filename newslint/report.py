"""A corpus report: what newslint finds across a corpus, gathered while the articles stream by.

``build`` lints the sources and keeps only counts and a bounded set of examples, never the
findings themselves: findings per rule, family and source (the JSON Lines record's site, or
the folder holding the file), the articles with the most findings, how many findings articles
have, and a few flagged spans per rule to show in context. Memory grows with the number of
rules and sources, and with the articles that have findings (one small count each), not with the
findings. ``newslint.reporters.html`` turns it into one self-contained page.
"""
from __future__ import annotations

import heapq
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newslint.rule import Rule, Scope
from newslint.runner import Diagnostic, FileResult, Linter, RunResult, gather, lint_each
from newslint.sources import Problem, Source

EXAMPLES = 3        # flagged spans kept per rule
WORST = 20          # articles listed by number of findings
CONTEXT = 90        # characters of the flagged line kept on each side of the span
BUCKETS = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, None))  # findings per article


def site_of(path: str, record: int | None = None, record_id: str | None = None,
            site: str | None = None) -> str:
    """Where an article comes from: the site its source names (a JSON Lines record's domain or
    url, as ``Source.site`` gives it when known), else the host of a record id that is a URL,
    else the JSON Lines file; for a file, the folder holding it."""
    if site:
        return site
    if record is not None:
        if record_id and "://" in record_id:
            host = urlsplit(record_id).hostname
            if host:
                return host.removeprefix("www.")
        return _shown_path(path)
    folder = os.path.dirname(path)
    return _shown_path(folder) if folder else "."


def _shown_path(path: str) -> str:
    from newslint.baseline import normal_path

    return normal_path(path) if path else "."


@dataclass
class Example:
    """One flagged span, with the text around it on its line."""

    article: str
    line: int
    column: int
    message: str
    before: str
    flagged: str
    after: str


@dataclass
class RuleTally:
    """What one rule found."""

    findings: int = 0
    articles: int = 0
    examples: list[Example] = field(default_factory=list)


@dataclass
class SiteTally:
    """What was found in the articles of one source."""

    articles: int = 0
    affected: int = 0
    findings: int = 0
    rules: Counter = field(default_factory=Counter)


@dataclass
class CorpusReport:
    """Everything the HTML page shows; small whatever the size of the corpus."""

    rules: Sequence[Rule]
    articles: int = 0
    findings: int = 0
    per_rule: dict[str, RuleTally] = field(default_factory=dict)
    per_site: dict[str, SiteTally] = field(default_factory=dict)
    histogram: list[tuple[str, int]] = field(default_factory=list)
    worst: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    crashes: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def affected(self) -> int:
        """Articles with at least one finding."""
        return self.articles - (self.histogram[0][1] if self.histogram else self.articles)

    def summary(self) -> dict[str, Any]:
        """The figures another report compares itself with (kept in the page as JSON)."""
        return {"articles": self.articles, "findings": self.findings, "affected": self.affected,
                "rules": {code: {"findings": t.findings, "articles": t.articles} for code, t in self.per_rule.items()},
                "sites": {site: {"articles": t.articles, "findings": t.findings}
                          for site, t in sorted(self.per_site.items())}}


def _name(path: str, record: int | None, record_id: str | None) -> str:
    shown = _shown_path(path)
    if record is None:
        return shown
    return f"{shown}[{record}]" + (f" ({record_id})" if record_id else "")


def example(d: Diagnostic) -> Example:
    """A finding as an example: its span and a window of its line around it."""
    line = d.context
    start = min(d.column - 1, len(line))
    end = min(d.end_column - 1, len(line)) if d.end_line == d.line else len(line)
    end = max(end, start)
    before = line[max(0, start - CONTEXT):start]
    after = line[end:end + CONTEXT]
    return Example(_name(d.path, d.record, d.record_id), d.line, d.column, d.message,
                   ("…" if start > CONTEXT else "") + before, line[start:end],
                   after + ("…" if end + CONTEXT < len(line) else ""))


class Aggregator:
    """Counts findings as each article's results arrive; keeps no finding once counted."""

    def __init__(self, rules: Sequence[Rule], examples: int = EXAMPLES):
        self.report = CorpusReport(rules, per_rule={r.code: RuleTally() for r in rules})
        self.examples = examples
        self.counts: dict[tuple[str, int | None], int] = {}  # articles with findings
        self.keep_sites = any(r.scope is Scope.CORPUS for r in rules)  # their findings come later
        self.sites: dict[tuple[str, int | None], str] = {}

    def add(self, source: Source, result: FileResult, diagnostics: Sequence[Diagnostic]) -> None:
        """One article's results (``diagnostics``: its findings that are reported)."""
        if not result.checked:
            return
        site = site_of(source.path, source.record, source.record_id, getattr(source, "site", None))
        tally = self.report.per_site.setdefault(site, SiteTally())
        tally.articles += 1
        self.report.articles += 1
        key = (source.path, source.record)
        if self.keep_sites:
            self.sites[key] = site
        self._count(key, site, diagnostics)

    def add_corpus(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Findings of corpus rules, made once every article was read."""
        by_article: dict[tuple[str, int | None], list[Diagnostic]] = {}
        for d in diagnostics:
            by_article.setdefault((d.path, d.record), []).append(d)
        for key, found in by_article.items():
            site = self.sites.get(key) or site_of(key[0], key[1], found[0].record_id)
            self._count(key, site, found)

    def _count(self, key: tuple[str, int | None], site: str, diagnostics: Sequence[Diagnostic]) -> None:
        if not diagnostics:
            return
        tally = self.report.per_site.setdefault(site, SiteTally())
        tally.affected += key not in self.counts
        tally.findings += len(diagnostics)
        self.counts[key] = self.counts.get(key, 0) + len(diagnostics)
        self.report.findings += len(diagnostics)
        for code in {d.code for d in diagnostics}:
            self.report.per_rule.setdefault(code, RuleTally()).articles += 1
        for d in diagnostics:
            rule = self.report.per_rule.setdefault(d.code, RuleTally())
            rule.findings += 1
            tally.rules[d.code] += 1
            if len(rule.examples) < self.examples and d.context:
                rule.examples.append(example(d))

    def finish(self, result: RunResult, notes: Sequence[str] = ()) -> CorpusReport:
        """The report, with the counts per article turned into a histogram and a top list."""
        report = self.report
        report.problems, report.crashes, report.notes = list(result.problems), list(result.crashes), list(notes)
        per_article = Counter(self.counts.values())
        per_article[0] = report.articles - len(self.counts)
        report.histogram = [(_bucket(low, high), sum(n for k, n in per_article.items()
                                                     if k >= low and (high is None or k <= high)))
                            for low, high in BUCKETS]
        worst = heapq.nlargest(WORST, self.counts.items(), key=lambda item: (item[1], item[0][0]))
        report.worst = [(count, _name(path, record, None)) for (path, record), count in worst]
        return report


def _bucket(low: int, high: int | None) -> str:
    return str(low) if high == low else (f"{low}+" if high is None else f"{low}–{high}")


def build(linter: Linter, items: Iterable[Source | Problem], jobs: int | None = None,
          accepted: Any = None, examples: int = EXAMPLES) -> CorpusReport:
    """Lint ``items`` and gather the report as results stream in (``accepted``: a
    ``newslint.accept.Acceptance`` whose findings are left out)."""
    aggregator = Aggregator(linter.resolved.rules, examples)
    result = RunResult()
    keep = accepted.keep if accepted is not None else list

    def counted() -> Iterable[tuple[Source, FileResult]]:
        for source, file_result in lint_each(linter, accepted.inputs(items) if accepted else items, jobs, result):
            aggregator.add(source, file_result, keep(file_result.diagnostics))
            yield source, FileResult([], file_result.problems, file_result.crashes,
                                     file_result.signatures, file_result.checked)

    result = gather(linter, counted(), result)  # what is left in it: the corpus rules' findings
    aggregator.add_corpus(keep(result.diagnostics))
    return aggregator.finish(result, accepted.notes() if accepted is not None else ())
