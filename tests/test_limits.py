"""Bounded cost per document: diagnostics keep an excerpt of their line, not the line; a rule
that runs out of its time or findings budget on a document is stopped with a note, not a hang."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import ExitCode, exit_code, main
from newslint.document import Document
from newslint.reporters.text import format_diagnostic
from newslint.rule import Finding, Rule
from newslint.runner import CONTEXT_CHARS, Crash, RunResult, lint_text, prepare
from newslint.sources import Source

ZERO_WIDTH_LINE = "".join(f"word{i % 10}\u200b{'x' * 14}" for i in range(2_000))  # 40 KB


def test_findings_on_a_long_line_keep_an_excerpt_of_it() -> None:
    # A copy of the line per finding made 20,000 of them on a 400 KB line take 8 GB.
    rule = Rule("XX002", "every-zero-width", "each zero-width space", "doc", check=lambda doc, options: (
        Finding(i, i + 1, "found") for i, c in enumerate(doc.text) if c == "\u200b"))
    found = _lint_with(rule, f"Head\n\n{ZERO_WIDTH_LINE}\n")
    assert len(found) == 2_000
    assert all(len(d.context) == CONTEXT_CHARS for d in found)
    for d in found[::97]:
        start = d.context_column - 1
        assert ZERO_WIDTH_LINE[start:start + CONTEXT_CHARS] == d.context
        assert start <= d.column - 1 < start + CONTEXT_CHARS  # the finding is inside it


def test_a_lines_invisible_characters_are_one_finding_pointing_at_the_first() -> None:
    [d] = lint_text(f"Head\n\n{ZERO_WIDTH_LINE}\n", select=["NL204"])
    assert d.message.startswith("invisible character (2000 on this line): U+200B ZERO WIDTH SPACE")
    assert (d.line, d.column) == (3, len("word0") + 1)
    assert len(d.context) == CONTEXT_CHARS


@pytest.mark.parametrize("column", [1, 15, 60, 81, 300, 990, 1000])
def test_the_text_reporter_shows_an_excerpt_as_it_showed_the_whole_line(column: int) -> None:
    line = "".join(chr(ord("a") + i % 26) for i in range(1000))
    text = f"Head\n\n{line}\n"
    rule = Rule("XX001", "a-letter", "a letter", "doc", check=lambda doc, options: (
        Finding(6 + column - 1, 6 + column + 2, "found"),))
    [diagnostic] = _lint_with(rule, text)
    assert len(diagnostic.context) == CONTEXT_CHARS
    whole = replace(diagnostic, context=line, context_column=1)
    for quiet in (False, True):
        assert format_diagnostic(diagnostic, False, quiet) == format_diagnostic(whole, False, quiet)


def _lint_with(rule: Rule, text: str) -> list:
    from newslint.runner import locate

    doc = Document(text, "a.txt")
    return [locate(doc, rule, finding) for finding in rule.check(doc, {})]  # type: ignore[misc]


def test_short_lines_are_kept_whole() -> None:
    [d] = lint_text("Head\n\nOfficials said the Trump\u200b administration would appeal.\n", select=["NL204"])
    assert (d.context, d.context_column) == ("Officials said the Trump\u200b administration would appeal.", 1)


def _many_findings(doc: Document, options: object):
    for offset in range(len(doc.text)):
        yield Finding(offset, offset + 1, "a character")


SLOW = Rule("XX900", "every-character", "every character", "doc", check=_many_findings)


def test_a_rule_out_of_time_is_stopped_with_a_note_and_keeps_what_it_found() -> None:
    linter = prepare([], select=["NL200"])
    linter.rule_seconds, linter.rule_seconds_per_mb = 0.0, 0.0  # no time at all: stop at once
    linter.resolved = replace(linter.resolved, rules=(SLOW,))
    result = linter.lint_source(Source("a.txt", "Head\n\nSome text.\n"), use_cache=False)
    assert len(result.diagnostics) == 1  # what it found before the clock was read
    [crash] = result.crashes
    assert crash.stopped and (crash.code, crash.rule) == ("XX900", "every-character")
    assert str(crash) == ("a.txt: rule XX900 (every-character) stopped: it took longer than 0 s of CPU "
                          "time on this file; the findings it made until then are reported")


def test_the_budget_grows_with_the_document() -> None:
    linter = prepare([], select=["NL200"])
    linter.resolved = replace(linter.resolved, rules=(SLOW,))
    result = linter.lint_source(Source("a.txt", "Head\n\nSome text.\n"), use_cache=False)
    assert not result.crashes and len(result.diagnostics) == len("Head\n\nSome text.\n")


def test_a_rule_out_of_time_exits_2_not_3() -> None:
    stopped = RunResult(crashes=[Crash("a.txt", "XX900", "every-character", "took long", stopped=True)])
    crashed = RunResult(crashes=[*stopped.crashes, Crash("b.txt", "XX901", "broken", "ValueError: boom")])
    assert exit_code(stopped) is ExitCode.USAGE
    assert exit_code(crashed) is ExitCode.INTERNAL


def test_a_stopped_rule_is_reported_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import runner

    (tmp_path / "a.txt").write_text(f"Head\n\n{'Trump' + chr(0x200B)} said.\n" * 3, encoding="utf-8")
    monkeypatch.setattr(runner, "RULE_SECONDS", 0.0)
    monkeypatch.setattr(runner, "RULE_SECONDS_PER_MB", 0.0)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "NL204", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "rule NL204 (invisible-characters) stopped: it took longer than 0 s" in result.stderr


def test_a_rule_with_too_many_findings_is_stopped_with_a_note() -> None:
    linter = prepare([], select=["NL200"])
    linter.rule_max_findings = 5
    linter.resolved = replace(linter.resolved, rules=(SLOW,))
    result = linter.lint_source(Source("a.txt", "Head\n\nSome text.\n"), use_cache=False)
    assert len(result.diagnostics) == 5
    assert [str(c) for c in result.crashes] == [
        "a.txt: rule XX900 (every-character) stopped: it made 5 findings on this file; the findings it made "
        "until then are reported"]


def test_fix_repairs_past_the_findings_budget_pass_by_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import runner
    from newslint.fixes import fix_text

    monkeypatch.setattr(runner, "RULE_MAX_FINDINGS", 5)
    # (one paragraph a finding: NL204 reports a line's invisible characters once)
    text = "Head\n\n" + "word\u200b end.\n\n" * 12
    fixed, count, remaining = fix_text(text, select=["NL204"])
    assert (fixed, count, remaining) == ("Head\n\n" + "word end.\n\n" * 12, 12, [])
