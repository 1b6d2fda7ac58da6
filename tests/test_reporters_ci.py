"""CI formats (github, sarif, junit, gitlab): exact output for a fixed run, and SARIF checked
against the official SARIF 2.1.0 JSON schema (tests/data/sarif-schema-2.1.0.json)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.baseline import fingerprints
from newslint.cli import main
from newslint.reporters import FORMATS, ReportContext, get_renderer
from newslint.rule import Rule, Severity
from newslint.runner import Diagnostic, RunResult
from newslint.sources import Problem, ProblemKind

DATA = Path(__file__).parent / "data"
DOC = """XX101 odd-line: a line is odd.

## What it does
Flags an odd line.

## Why is this bad?
Odd lines confuse readers.

## Example
An odd line.

## Use instead
An even line.

## Options
None.
"""
RULES = (Rule("XX101", "odd-line", "A line is odd", DOC, check=lambda doc, options: ()),
         Rule("XX102", "bad-byte", "A byte is bad", DOC.replace("XX101 odd-line", "XX102 bad-byte"),
              check=lambda doc, options: (), severity=Severity.ERROR))
CONTEXT = ReportContext(RULES, version="9.9.9")


def diagnostic(path: str, line: int, code: str, message: str, severity: Severity, snippet: str) -> Diagnostic:
    return Diagnostic(path, line, 3, line, 9, code, "odd-line" if code == "XX101" else "bad-byte",
                      message, severity, snippet, None, "context line")


RESULT = RunResult(
    diagnostics=[
        diagnostic("corpus/a.txt", 3, "XX101", "100% odd: \"this\"\nsecond line", Severity.WARNING, "odd text"),
        replace(diagnostic("corpus/a.txt", 7, "XX101", "odd again", Severity.WARNING, "odd text"),
                confidence=0.874),  # SARIF's rank 87; the others have none: no rank
        diagnostic("corpus/we,ird:name.txt", 1, "XX102", "bad <byte> & \x0b", Severity.ERROR, "\ufffd"),
    ],
    problems=[Problem("corpus/missing.txt", ProblemKind.MISSING, "no such file or folder")],
    files_checked=2,
)
PRINTS = [fingerprints(RESULT.diagnostics)[d] for d in RESULT.diagnostics]


def render(fmt: str, result: RunResult = RESULT) -> str:
    return get_renderer(fmt)(result, CONTEXT)


def test_every_ci_format_is_registered() -> None:
    assert {"github", "sarif", "junit", "gitlab"} <= set(FORMATS)
    usage = " ".join(CliRunner().invoke(main, ["check", "--help"]).output.split())
    assert all(fmt in usage.split("--format [", 1)[1].split("]", 1)[0] for fmt in ("github", "sarif", "junit", "gitlab"))


def test_github_golden() -> None:
    assert render("github") == (
        "::warning file=corpus/a.txt,line=3,col=3,endLine=3,endColumn=9,title=XX101 odd-line"
        "::100%25 odd: \"this\"\\nsecond line\n"  # a message is one line: its line break shown
        "::warning file=corpus/a.txt,line=7,col=3,endLine=7,endColumn=9,title=XX101 odd-line::odd again\n"
        "::error file=corpus/we%2Cird%3Aname.txt,line=1,col=3,endLine=1,endColumn=9,title=XX102 bad-byte"
        "::bad <byte> & \\x0b\n"
        "::error file=corpus/missing.txt,title=newslint::no such file or folder\n"
        "Found 3 findings in 2 files checked.\n")


def test_gitlab_golden() -> None:
    issues = json.loads(render("gitlab"))
    assert issues == [
        {"type": "issue", "description": "XX101 100% odd: \"this\"\\nsecond line", "check_name": "XX101 odd-line",
         "fingerprint": PRINTS[0], "severity": "minor",
         "location": {"path": "corpus/a.txt", "lines": {"begin": 3, "end": 3}}},
        {"type": "issue", "description": "XX101 odd again", "check_name": "XX101 odd-line",
         "fingerprint": PRINTS[1], "severity": "minor",
         "location": {"path": "corpus/a.txt", "lines": {"begin": 7, "end": 7}}},
        {"type": "issue", "description": "XX102 bad <byte> & \\x0b", "check_name": "XX102 bad-byte",
         "fingerprint": PRINTS[2], "severity": "major",
         "location": {"path": "corpus/we,ird:name.txt", "lines": {"begin": 1, "end": 1}}},
    ]
    assert render("gitlab") == json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
    assert len(set(PRINTS)) == 3  # the same text twice in a file: two fingerprints (occurrences)


def test_junit_golden() -> None:
    assert render("junit") == """<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="newslint" tests="4" failures="3" errors="1" skipped="0">
  <testcase classname="newslint.XX101" name="corpus/a.txt:3:3 XX101 odd-line" file="corpus/a.txt" line="3">
    <failure type="XX101" message="100% odd: &quot;this&quot;\\nsecond line">corpus/a.txt:3:3: XX101 100% odd: "this"\\nsecond line</failure>
  </testcase>
  <testcase classname="newslint.XX101" name="corpus/a.txt:7:3 XX101 odd-line" file="corpus/a.txt" line="7">
    <failure type="XX101" message="odd again">corpus/a.txt:7:3: XX101 odd again</failure>
  </testcase>
  <testcase classname="newslint.XX102" name="corpus/we,ird:name.txt:1:3 XX102 bad-byte" file="corpus/we,ird:name.txt" line="1">
    <failure type="XX102" message="bad &lt;byte&gt; &amp; \\x0b">corpus/we,ird:name.txt:1:3: XX102 bad &lt;byte&gt; &amp; \\x0b</failure>
  </testcase>
  <testcase classname="newslint" name="corpus/missing.txt">
    <error message="corpus/missing.txt: no such file or folder" />
  </testcase>
</testsuite>
"""
    ET.fromstring(render("junit").encode())  # well-formed, the control character included


def test_junit_clean_run_has_one_passing_case() -> None:
    root = ET.fromstring(render("junit", RunResult(files_checked=5)).encode())
    assert root.get("tests") == "1" and root.get("failures") == "0"
    assert [case.get("name") for case in root] == ["5 files checked"] and not list(root[0])


def test_sarif_golden() -> None:
    assert render("sarif") == (DATA / "golden.sarif").read_text(encoding="utf-8")
    log = json.loads(render("sarif"))
    results = log["runs"][0]["results"]
    assert [r["partialFingerprints"]["newslint/v1"] for r in results] == PRINTS
    assert [r.get("rank") for r in results] == [None, 87, None]
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"] == DOC.strip()


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def test_sarif_is_valid_against_the_official_schema(sarif_validator) -> None:
    errors = list(sarif_validator.iter_errors(json.loads(render("sarif"))))
    assert errors == []
    broken = json.loads(render("sarif"))
    broken["runs"][0]["results"][0]["level"] = "severe"  # the schema really is checking
    assert list(sarif_validator.iter_errors(broken))


def test_sarif_from_the_cli_is_valid_and_matches_the_baseline(sarif_validator, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 news\n\nThe caf\xe9 opened.\n")
    (tmp_path / "b.txt").write_text("Plain news\n\nThe shop opened.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["baseline", "."]).exit_code == 0
    (tmp_path / "b.txt").write_bytes(b"Plain news\n\nThe shop opened \xff.\n")
    out = CliRunner().invoke(main, ["check", ".", "--format", "sarif", "--baseline", ".newslint-baseline.json"])
    log = json.loads(out.output)
    assert list(sarif_validator.iter_errors(log)) == []
    results = log["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == ["b.txt"]
    whole = json.loads(CliRunner().invoke(main, ["check", ".", "--format", "sarif"]).output)
    recorded = {e["fingerprint"] for e in json.loads((tmp_path / ".newslint-baseline.json").read_text())["findings"]}
    shown = {r["partialFingerprints"]["newslint/v1"] for r in whole["runs"][0]["results"]}
    assert recorded < shown and len(shown - recorded) == 1
    assert all(r["ruleId"] == log["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] for r in results)


# -- JSON Lines records: each format points at the record (issue #16, item 3) -------------------
def crawl(tmp_path: Path) -> Path:
    """Two records whose findings are both on line 4 of their article (title, blank line, text)."""
    records = [{"id": "a1", "title": "Council meets", "text": "The council met.\nMore news: Fire in town"},
               {"id": "b2", "title": "Shop opens", "text": "The shop opened.\nMore news: Flood in town"}]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def check_crawl(tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    crawl(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "NL301", "--output-format", fmt, "crawl.jsonl"])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_sarif_names_each_record_and_its_line_of_the_file(sarif_validator, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    log = json.loads(check_crawl(tmp_path, "sarif", monkeypatch))
    assert list(sarif_validator.iter_errors(log)) == []
    locations = [r["locations"][0] for r in log["runs"][0]["results"]]
    assert [loc["physicalLocation"]["region"] for loc in locations] == [{"startLine": 1}, {"startLine": 2}]
    assert [loc["logicalLocations"][0]["fullyQualifiedName"] for loc in locations] == ["crawl.jsonl[1]", "crawl.jsonl[2]"]
    assert locations[1]["properties"] == {"record": 2, "recordId": "b2", "articleRegion": {
        "startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 25}}
    assert log["runs"][0]["results"][1]["message"]["text"].endswith(
        "(record 2, id b2: line 4, column 1 of the article)")


def test_github_annotates_each_record_on_its_own_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = check_crawl(tmp_path, "github", monkeypatch).splitlines()
    assert lines[0].startswith("::warning file=crawl.jsonl,line=1,title=NL301 injected-link-line::")
    assert lines[1].startswith("::warning file=crawl.jsonl,line=2,title=NL301 injected-link-line::")
    assert lines[1].endswith("(record 2, id b2%3A line 3, column 1 of the article)") or lines[1].endswith(
        "(record 2, id b2: line 4, column 1 of the article)")


def test_gitlab_and_junit_point_at_the_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xml.etree.ElementTree as ET

    issues = json.loads(check_crawl(tmp_path, "gitlab", monkeypatch))
    assert [i["location"]["lines"] for i in issues] == [{"begin": 1, "end": 1}, {"begin": 2, "end": 2}]
    assert "record 1, id a1: line 4" in issues[0]["description"]
    cases = ET.fromstring(CliRunner().invoke(main, ["check", "--no-cache", "--select", "NL301", "--format",
                                                    "junit", "crawl.jsonl"]).stdout)
    assert [(c.get("line"), c.get("name")) for c in cases] == [
        ("1", "crawl.jsonl[1]:4:1 NL301 injected-link-line"), ("2", "crawl.jsonl[2]:4:1 NL301 injected-link-line")]
