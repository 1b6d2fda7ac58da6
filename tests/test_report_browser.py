"""The HTML report in a real headless Chromium (Debian's chromium and chromium-driver, which
.ci/run installs): the page renders, its per-rule table and charts are drawn, it loads nothing
from anywhere, and the console has no error. Skipped only where Chromium is truly missing, and
never in CI (there it fails)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from chromium import chromium, missing  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    why = missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {why}")
        pytest.skip(why)
    with chromium() as driver:
        yield driver


def test_the_report_renders_in_chromium_with_charts_and_no_console_error(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    # -j 1: a pool forked from this test process, whose other tests may already have run the
    # semantic model's threads, could hang in its workers (a fork copies no threads)
    result = CliRunner().invoke(main, ["report", "--no-cache", "-j", "1", str(ROOT / "seeds"),
                                       str(ROOT / "tests" / "fixtures" / "rules"), "-o", str(page)])
    assert result.exit_code == 0, result.output
    browser.get(page.as_uri())
    assert browser.title == "newslint report"
    table = browser.find_element(By.ID, "rule-table")
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) >= 10 and rows[0].find_element(By.TAG_NAME, "a").text.startswith("NL")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.chart-bar")
    drawn = [b for b in bars if b.rect["width"] > 0 and b.rect["height"] > 0]
    assert len(drawn) >= 10, "the charts drew no bars"
    per_article = browser.find_element(By.ID, "chart-per-article")
    assert per_article.size["height"] > 100 and per_article.is_displayed()
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == []


def test_a_page_with_an_error_is_seen(browser, tmp_path: Path) -> None:
    """The console check really looks: a page that loads an outside asset logs an error."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
                    "content=\"default-src 'none'\"></head><body><img src=\"https://example.invalid/x.png\">"
                    "</body></html>")
    browser.get(page.as_uri())
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
