"""The HTML corpus report: one self-contained page (no script, no network, no external asset;
a Content-Security-Policy forbids loading anything), readable offline and attachable to a CI
run. Charts are inline SVG drawn here; every text from an article, a file name or a rule is
shown through ``escape.shown`` and then HTML-escaped. The page keeps its figures as JSON
(``<script type="application/json" id="newslint-summary">``, data only), so a later report can
show what changed (``--compare``).
"""
from __future__ import annotations

import datetime
import html
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from newslint.report import CorpusReport, Example
from newslint.reporters.escape import shown
from newslint.rule import FAMILIES, Rule
from newslint.text.patterns import lazy_re

SITES = 50         # sources listed
PROBLEMS = 100     # unreadable inputs listed
COLOURS = {"headline": "#c2410c", "encoding": "#7c3aed", "injected": "#0369a1", "duplication": "#047857",
           "structure": "#b45309", "plugin": "#475569"}
_SUMMARY = lazy_re(r'<script type="application/json" id="newslint-summary">(.*?)</script>', re.S)

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1f2937;background:#f8fafc}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid #e2e8f0;padding-bottom:4px}
.meta{color:#64748b;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 16px;min-width:150px}
.card b{display:block;font-size:24px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
th,td{border-bottom:1px solid #e2e8f0;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:10px;background:#0369a1;border-radius:2px;vertical-align:middle}
svg.chart{background:#fff;border:1px solid #e2e8f0;border-radius:8px;display:block;margin:8px 0}
svg text{font:12px system-ui,sans-serif;fill:#334155}
.example{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:8px 10px;margin:6px 0}
.example .where{font-family:ui-monospace,monospace;font-size:13px;color:#475569}
.example .line{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word;margin-top:4px}
mark{background:#fde68a;outline:1px solid #d97706}
details{background:#fff;border:1px solid #e2e8f0;border-radius:6px;margin:6px 0;padding:6px 10px}
details pre{white-space:pre-wrap;font-size:13px}
.up{color:#b91c1c}.down{color:#047857}
"""


def _e(text: object) -> str:
    """Text from anywhere made safe in HTML: unsafe characters shown, markup escaped."""
    return html.escape(shown(str(text)))


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _family(code: str) -> str:
    return FAMILIES.get(code[:3], "plugin")


def _rule_link(code: str) -> str:
    return f'<a href="#rule-{_e(code)}">{_e(code)}</a>'


def bar_chart(chart_id: str, title: str, rows: Sequence[tuple[str, float, str, str]], width: int = 640) -> str:
    """Horizontal bars: (label, value from 0 to 1, shown value, colour) per row."""
    row, left, right = 24, 230, 80
    height = row * len(rows) + 36
    bars = [f'<text x="8" y="20" font-weight="bold">{_e(title)}</text>']
    for n, (label, value, text, colour) in enumerate(rows):
        y = 32 + n * row
        length = max(value, 0) * (width - left - right)
        bars.append(f'<text x="8" y="{y + 14}">{_e(label)}</text>'
                    f'<rect class="chart-bar" x="{left}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="{colour}"/>'
                    f'<text x="{left + length + 6:.1f}" y="{y + 14}">{_e(text)}</text>')
    return (f'<svg class="chart" id="{chart_id}" role="img" aria-label="{_e(title)}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">{"".join(bars)}</svg>')


def histogram_chart(report: CorpusReport, width: int = 640, height: int = 220) -> str:
    """Vertical bars: how many articles have 0, 1, 2, ... findings."""
    buckets = report.histogram
    # Scaled to the articles with findings: clean articles usually outnumber them by far, and
    # their bar is cut at the top (marked) rather than flattening every other one.
    top = max((n for label, n in buckets if label != "0"), default=0) or max((n for _, n in buckets), default=0) or 1
    slot = (width - 60) / max(len(buckets), 1)
    parts = ['<text x="8" y="20" font-weight="bold">Articles by number of findings</text>']
    for n, (label, count) in enumerate(buckets):
        bar = (height - 85) * min(count / top, 1.06)
        x, y = 40 + n * slot, height - 30 - bar
        parts.append(f'<rect class="chart-bar" x="{x + 6:.1f}" y="{y:.1f}" width="{slot - 12:.1f}" height="{bar:.1f}" '
                     f'fill="{"#94a3b8" if label == "0" else "#0369a1"}"><title>{count:,} articles with {_e(label)} '
                     f'findings</title></rect><text x="{x + slot / 2:.1f}" y="{height - 12}" text-anchor="middle">'
                     f'{_e(label)}</text><text x="{x + slot / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                     f'{count:,}</text>')
        if count > 1.06 * top:  # the cut bar says so
            parts.append(f'<path d="M{x + 6:.1f} {y + 14:.1f} l{slot - 12:.1f} -6 v5 l-{slot - 12:.1f} 6 z" '
                         f'fill="#fff"/><text x="{x + slot / 2:.1f}" y="{y + 32:.1f}" text-anchor="middle" '
                         f'style="fill:#fff">not to</text><text x="{x + slot / 2:.1f}" y="{y + 46:.1f}" '
                         'text-anchor="middle" style="fill:#fff">scale</text>')
    return (f'<svg class="chart" id="chart-per-article" role="img" aria-label="Articles by number of findings" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">{"".join(parts)}</svg>')


def _rules_section(report: CorpusReport, rules: Sequence[Rule]) -> str:
    ordered = sorted(rules, key=lambda r: (-report.per_rule[r.code].articles, r.code))
    rows = []
    for rule in ordered:
        tally = report.per_rule[rule.code]
        share = tally.articles / report.articles if report.articles else 0
        rows.append(f'<tr><td>{_rule_link(rule.code)}</td><td>{_e(rule.name)}</td><td>{_e(rule.family)}</td>'
                    f'<td class="n">{tally.findings:,}</td><td class="n">{tally.articles:,}</td>'
                    f'<td class="n">{_pct(tally.articles, report.articles)}</td>'
                    f'<td><span class="bar" style="width:{120 * share:.1f}px"></span></td></tr>')
    chart = bar_chart("chart-rule-share", "Share of articles each rule flags",
                      [(f"{r.code} {r.name}", report.per_rule[r.code].articles / (report.articles or 1),
                        _pct(report.per_rule[r.code].articles, report.articles), COLOURS.get(r.family, "#475569"))
                       for r in ordered])
    return ('<h2 id="rules">Findings per rule</h2><table id="rule-table"><thead><tr><th>code</th><th>rule</th>'
            '<th>family</th><th>findings</th><th>articles</th><th>share of articles</th><th></th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{chart}')


def _families_section(report: CorpusReport, rules: Sequence[Rule]) -> str:
    findings: Counter = Counter()
    for code, tally in report.per_rule.items():
        findings[_family(code)] += tally.findings
    families = sorted({r.family for r in rules} | set(findings), key=lambda f: (-findings[f], f))
    top = max(findings.values(), default=0) or 1
    rows = "".join(f'<tr><td>{_e(f)}</td><td class="n">{findings[f]:,}</td></tr>' for f in families)
    chart = bar_chart("chart-families", "Findings per family",
                      [(f, findings[f] / top, f"{findings[f]:,}", COLOURS.get(f, "#475569")) for f in families])
    return (f'<h2 id="families">Findings per family</h2><table id="family-table"><thead><tr><th>family</th>'
            f'<th>findings</th></tr></thead><tbody>{rows}</tbody></table>{chart}')


def _sites_section(report: CorpusReport) -> str:
    sites = sorted(report.per_site.items(), key=lambda item: (-item[1].findings, item[0]))
    rows = []
    for site, tally in sites[:SITES]:
        top = ", ".join(f"{_rule_link(code)} ({n:,})" for code, n in tally.rules.most_common(3))
        per100 = f"{100 * tally.findings / tally.articles:.1f}" if tally.articles else "–"
        rows.append(f'<tr><td>{_e(site)}</td><td class="n">{tally.articles:,}</td><td class="n">{tally.affected:,}</td>'
                    f'<td class="n">{tally.findings:,}</td><td class="n">{per100}</td><td>{top}</td></tr>')
    more = f'<p class="meta">{len(sites) - SITES:,} more sources not shown.</p>' if len(sites) > SITES else ""
    return ('<h2 id="sources">Findings per source</h2><p class="meta">A source is a JSON Lines record\'s site '
            '(its domain or url) or the folder holding a file.</p><table id="source-table"><thead><tr>'
            '<th>source</th><th>articles</th><th>with findings</th><th>findings</th><th>per 100 articles</th>'
            f'<th>most frequent rules</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{more}')


def _worst_section(report: CorpusReport) -> str:
    rows = "".join(f'<tr><td>{_e(name)}</td><td class="n">{count:,}</td></tr>' for count, name in report.worst)
    return ('<h2 id="worst">Articles with the most findings</h2><table id="worst-table"><thead><tr><th>article</th>'
            f'<th>findings</th></tr></thead><tbody>{rows}</tbody></table>')


def _example(example: Example) -> str:
    return (f'<div class="example"><div class="where">{_e(example.article)}:{example.line}:{example.column} — '
            f'{_e(example.message)}</div><div class="line">{_e(example.before)}<mark>{_e(example.flagged) or " "}'
            f'</mark>{_e(example.after)}</div></div>')


def _examples_section(report: CorpusReport, rules: Sequence[Rule]) -> str:
    parts = ['<h2 id="examples">Examples</h2>']
    for rule in rules:
        examples = report.per_rule[rule.code].examples
        if examples:
            parts.append(f'<h3>{_rule_link(rule.code)} {_e(rule.name)}</h3>' + "".join(_example(x) for x in examples))
    return "".join(parts) if len(parts) > 1 else ""


def _docs_section(rules: Sequence[Rule]) -> str:
    docs = "".join(f'<details id="rule-{_e(r.code)}"><summary><b>{_e(r.code)}</b> {_e(r.name)}: {_e(r.summary)}'
                   f'</summary><pre>{html.escape(shown_doc(r.doc))}</pre></details>' for r in rules)
    return f'<h2 id="docs">Rule documentation</h2>{docs}'


def shown_doc(doc: str) -> str:
    """A rule's documentation page, its lines kept."""
    return "\n".join(shown(line) for line in (doc or "").strip().split("\n"))


def _problems_section(report: CorpusReport) -> str:
    items = [*report.problems, *report.crashes]
    if not items and not report.notes:
        return ""
    listed = "".join(f"<li>{_e(item)}</li>" for item in items[:PROBLEMS])
    more = f"<li>… and {len(items) - PROBLEMS:,} more</li>" if len(items) > PROBLEMS else ""
    notes = "".join(f"<li>{_e(note)}</li>" for note in report.notes)
    return f'<h2 id="problems">Inputs not linted, and notes</h2><ul>{listed}{more}{notes}</ul>'


def _compare_section(report: CorpusReport, before: dict[str, Any] | None, rules: Sequence[Rule]) -> str:
    if before is None:
        return ""
    rows = []
    for rule in rules:
        now = report.per_rule[rule.code].articles / (report.articles or 1)
        then_rule = before.get("rules", {}).get(rule.code, {})
        then = then_rule.get("articles", 0) / (before.get("articles") or 1)
        delta = now - then
        css = "up" if delta > 0 else ("down" if delta < 0 else "")
        rows.append(f'<tr><td>{_rule_link(rule.code)}</td><td>{_e(rule.name)}</td>'
                    f'<td class="n">{then_rule.get("findings", 0):,}</td><td class="n">{report.per_rule[rule.code].findings:,}</td>'
                    f'<td class="n">{100 * then:.1f}%</td><td class="n">{100 * now:.1f}%</td>'
                    f'<td class="n {css}">{100 * delta:+.1f} pt</td></tr>')
    return (f'<h2 id="changes">Changes since the earlier report</h2><p class="meta">Earlier: {before.get("articles", 0):,} '
            f'articles, {before.get("findings", 0):,} findings; now: {report.articles:,} articles, '
            f'{report.findings:,} findings.</p><table id="change-table"><thead><tr><th>code</th><th>rule</th>'
            '<th>findings then</th><th>findings now</th><th>share then</th><th>share now</th><th>change</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table>')


def earlier_summary(page: str) -> dict[str, Any] | None:
    """The figures kept in an earlier report's page (None when it holds none)."""
    match = _SUMMARY.search(page)
    if match is None:
        return None
    data = json.loads(match.group(1))
    return data if isinstance(data, dict) else None


def render(report: CorpusReport, title: str = "newslint report", version: str = "",
           inputs: Sequence[str] = (), before: dict[str, Any] | None = None) -> str:
    """The whole page."""
    rules = sorted(report.rules, key=lambda r: r.code)
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cards = [("articles checked", f"{report.articles:,}"), ("findings", f"{report.findings:,}"),
             ("articles with findings", f"{report.affected:,} ({_pct(report.affected, report.articles)})"),
             ("rules enabled", f"{len(rules)}"), ("sources", f"{len(report.per_site):,}"),
             ("inputs not linted", f"{sum(p.kind.is_error for p in report.problems):,}")]
    # data in a raw-text element: no "<", ">" or "&" at all, so nothing can end it early
    summary = json.dumps(report.summary()).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    body = "".join([
        f'<h1>{_e(title)}</h1><p class="meta">newslint {_e(version)} · {_e(when)} · {_e(", ".join(inputs))}</p>',
        '<div class="cards" id="cards">' + "".join(f'<div class="card"><b>{v}</b>{_e(k)}</div>' for k, v in cards) + "</div>",
        _compare_section(report, before, rules), '<h2 id="per-article">Findings per article</h2>', histogram_chart(report),
        _rules_section(report, rules), _families_section(report, rules), _sites_section(report),
        _worst_section(report), _examples_section(report, rules), _problems_section(report), _docs_section(rules)])
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
            f'<style>{STYLE}</style></head><body><main>{body}</main>'
            f'<script type="application/json" id="newslint-summary">{summary}</script></body></html>\n')
