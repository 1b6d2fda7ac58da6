"""Helpers for testing rules, built-in or third-party, in a few lines.

    from newslint.testing import assert_findings, assert_clean
    assert_findings(ARTICLE, "NL101")
    assert_findings(ARTICLE, "AC001", rules=[my_rule.RULE])   # a Rule object, installed or not
    assert_clean(CLEAN_ARTICLE, rules=[my_rule.RULE])
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newslint.rule import Rule
from newslint.runner import Diagnostic, Linter, lint_text, prepare, run
from newslint.sources import Source


def linter_for(*rules: Rule | str, **settings: Any) -> Linter:
    """A linter running exactly these rules, default options: Rule records (a rule under test
    need not be installed or registered) or codes and names of loaded rules. No config file is
    read, so the result is the same from any folder."""
    select = [r.code if isinstance(r, Rule) else r for r in rules]
    objects = [r for r in rules if isinstance(r, Rule)]
    return prepare([], config=None, rules=objects, select=select or None, **settings)


def findings(text: str | bytes, *rules: Rule | str, **settings: Any) -> list[Diagnostic]:
    """Lint ``text`` with only ``rules`` (or the default set when none are named)."""
    return lint_text(text, linter=linter_for(*rules, **settings))


def corpus_findings(texts: Sequence[str | bytes], *rules: Rule | str, **settings: Any) -> list[Diagnostic]:
    """Lint several articles as one run (named ``article-1.txt``, ...), so corpus rules compare them."""
    sources = [Source(f"article-{i}.txt", text) for i, text in enumerate(texts, 1)]
    return run(linter_for(*rules, **settings), sources, jobs=1).diagnostics


def assert_findings(text: str | bytes, *codes: str, rules: Sequence[Rule | str] = ()) -> list[Diagnostic]:
    """Assert that linting ``text`` reports exactly ``codes`` (in order, repeats counted)."""
    got = findings(text, *(rules or codes))
    assert [d.code for d in got] == list(codes), _describe(got)
    return got


def assert_clean(text: str | bytes, rules: Sequence[Rule | str] = ()) -> None:
    """Assert that linting ``text`` with ``rules`` (default: the default set) reports nothing."""
    got = findings(text, *rules)
    assert not got, _describe(got)


def _describe(found: list[Diagnostic]) -> str:
    return "findings: " + "; ".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)
