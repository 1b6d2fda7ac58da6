"""newslint report: the HTML corpus report through the CLI (issue #16, item 1). The page in a
real browser is tested in test_report_browser.py."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
LINK = "More news: Fire destroys warehouse in town"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds in one folder, and a crawl of records from two sites in another."""
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    records = [{"url": f"https://www.{site}/story/{n}", "title": "Council meets on budget",
                "text": f"The council met on Monday to discuss the budget.\n{LINK}"}
               for n, site in enumerate(["example.com", "example.com", "news.example.org"])]
    records.append({"url": "https://news.example.org/x", "title": "Shop <script>alert(1)</script> opens",
                    "text": "The shop opened\u200b on Monday, its owner said."})
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "crawl.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return tmp_path


def report(corpus: Path, *args: str) -> str:
    out = corpus / "report.html"
    result = invoke("report", "--no-cache", str(corpus / "seeds"), str(corpus / "crawl" / "crawl.jsonl"),
                    "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 6 articles" in result.stderr
    return out.read_text(encoding="utf-8")


def summary(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="newslint-summary">(.*?)</script>', page).group(1))


def test_the_report_counts_what_check_finds(corpus: Path) -> None:
    page = report(corpus)
    checked = json.loads(invoke("check", "--no-cache", "--output-format", "json", str(corpus / "seeds"),
                                str(corpus / "crawl" / "crawl.jsonl")).stdout)
    figures = summary(page)
    assert figures["articles"] == 6 and figures["findings"] == len(checked)
    found = Counter(d["code"] for d in checked)
    assert {code: r["findings"] for code, r in figures["rules"].items() if r["findings"]} == dict(found)
    articles = Counter(code for code, _ in {(d["code"], (d["path"], d.get("record"))) for d in checked})
    assert {code: r["articles"] for code, r in figures["rules"].items() if r["articles"]} == dict(articles)


def test_sources_are_sites_of_records_and_folders_of_files(corpus: Path) -> None:
    sites = summary(report(corpus))["sites"]
    assert sites["example.com"] == {"articles": 2, "findings": 2}  # www. dropped
    assert sites["news.example.org"]["articles"] == 2
    assert [s for s in sites if s.endswith("seeds")] and sites[next(s for s in sites if s.endswith("seeds"))]["articles"] == 2


def test_the_page_is_self_contained_and_escapes_article_text(corpus: Path) -> None:
    page = report(corpus)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(", page)
    assert re.findall(r"<script\b[^>]*>", page) == ['<script type="application/json" id="newslint-summary">']
    assert "<script>alert" not in page  # the headline's markup is shown, not run
    assert "&lt;U+200B&gt;" in page  # the invisible character is shown as its code
    for section in ("rule-table", "chart-per-article", "chart-rule-share", "source-table", "worst-table"):
        assert f'id="{section}"' in page
    assert 'id="rule-NL301"' in page and 'href="#rule-NL301"' in page  # each rule's documentation
    assert f"<mark>{LINK}</mark>" in page  # the flagged span, highlighted in context


def test_accepted_findings_are_left_out(corpus: Path) -> None:
    (corpus / ".newslint-accept.toml").write_text(
        f'[[accept]]\npath = "crawl/*.jsonl"\ncode = "NL301"\ntext = "{LINK}"\nreason = "kept on purpose"\n')
    (corpus / "newslint.toml").write_text("")
    page = report(corpus, "--config", str(corpus / "newslint.toml"))
    seeds_only = json.loads(invoke("check", "--no-cache", "--output-format", "json", "--select", "NL301",
                                   str(corpus / "seeds")).stdout)
    assert summary(page)["rules"]["NL301"]["findings"] == len(seeds_only)  # the crawl's 3 are accepted
    assert "3 accepted findings not shown." in page


def test_compare_with_an_earlier_report(corpus: Path) -> None:
    earlier = corpus / "earlier.html"
    earlier.write_text(report(corpus), encoding="utf-8")
    (corpus / "crawl" / "crawl.jsonl").write_text(json.dumps({"url": "https://example.com/1", "title": "Council meets",
                                                               "text": "The council met on Monday."}) + "\n")
    out = corpus / "now.html"
    result = invoke("report", "--no-cache", str(corpus / "seeds"), str(corpus / "crawl" / "crawl.jsonl"),
                    "-o", str(out), "--compare", str(earlier))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'id="change-table"' in page and "Earlier: 6 articles" in page and "now: 3 articles" in page
    row = re.search(r'<tr><td><a href="#rule-NL301">NL301</a>.*?</tr>', page.split('id="change-table"')[1]).group()
    # 4 findings in 4 of 6 articles (the crawl's 3 and a seed's), then 1 in 3: the seed's
    assert '<td class="n">4</td><td class="n">1</td><td class="n">66.7%</td><td class="n">33.3%</td>' in row
    assert "-33.3 pt" in row


def test_report_to_stdout_and_a_bad_earlier_report(corpus: Path) -> None:
    result = invoke("report", "--no-cache", str(corpus / "seeds"), "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    (corpus / "not-a-report.html").write_text("<p>hello</p>")
    bad = invoke("report", "--no-cache", str(corpus / "seeds"), "--compare", str(corpus / "not-a-report.html"))
    assert bad.exit_code == 2 and "not a newslint report" in bad.stderr


def test_a_missing_input_is_exit_2_and_the_page_is_still_written(corpus: Path) -> None:
    out = corpus / "r.html"
    result = invoke("report", "--no-cache", str(corpus / "seeds"), str(corpus / "nope"), "-o", str(out))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert "no such file or folder" in out.read_text(encoding="utf-8")


def test_examples_are_bounded_and_memory_keeps_no_finding() -> None:
    from newslint.report import Aggregator
    from newslint.runner import Diagnostic, FileResult
    from newslint.rule import Severity
    from newslint.sources import Source

    from newslint.registry import load_rules
    rules = load_rules(plugins=False).rules
    aggregator = Aggregator(rules, examples=2)
    for n in range(500):
        d = Diagnostic(f"f{n}.txt", 3, 1, 3, 5, "NL301", "injected-link-line", "m", Severity.WARNING, "More", None,
                       "More news")
        aggregator.add(Source(f"f{n}.txt"), FileResult(checked=True), [d])
    tally = aggregator.report.per_rule["NL301"]
    assert (tally.findings, tally.articles, len(tally.examples)) == (500, 500, 2)
    assert not any(isinstance(v, list) and v and isinstance(v[0], Diagnostic) for v in vars(aggregator).values())
