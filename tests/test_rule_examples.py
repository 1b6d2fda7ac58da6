"""Every registered rule documents itself and proves its examples (the examples are tests)."""
from __future__ import annotations

import pytest

from newslint.registry import load_rules
from newslint.rule import DOC_HEADINGS, Scope
from newslint.testing import corpus_findings, findings

RULES = load_rules(plugins=False).rules
DOCUMENT_RULES = [r for r in RULES if r.scope is Scope.DOCUMENT]
BAD = [(r.code, i, text) for r in DOCUMENT_RULES for i, text in enumerate(r.bad_examples)]
GOOD = [(r.code, i, text) for r in DOCUMENT_RULES for i, text in enumerate(r.good_examples)]
CORPUS_RULES = [r for r in RULES if r.scope is Scope.CORPUS]


def test_cases_were_collected() -> None:
    # An empty parametrisation would pass silently; make it fail instead.
    assert RULES and BAD and GOOD


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples_and_docs(rule) -> None:
    assert rule.bad_examples, f"{rule.code} has no bad example"
    assert rule.good_examples, f"{rule.code} has no good example"
    assert rule.doc.startswith(f"{rule.code} {rule.name}:"), "doc must open with 'CODE name: summary'"
    for heading in DOC_HEADINGS:
        assert f"## {heading}" in rule.doc, f"{rule.code} documentation lacks '## {heading}'"


@pytest.mark.parametrize("code,index,text", BAD, ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None)
def test_bad_example_is_reported(code: str, index: int, text: str | bytes) -> None:
    # What a rule finds, whatever its calibrated default min-confidence hides (newslint explain says).
    assert code in [d.code for d in findings(text, code, min_confidence=0)]


@pytest.mark.parametrize("code,index,text", GOOD, ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None)
def test_good_example_is_clean(code: str, index: int, text: str | bytes) -> None:
    assert [d.code for d in findings(text, code)] == []


@pytest.mark.parametrize("rule", CORPUS_RULES, ids=lambda r: r.code)
def test_corpus_rule_examples(rule) -> None:
    # A corpus rule's bad examples, linted together, must produce its code; its good ones nothing.
    assert rule.code in [d.code for d in corpus_findings(rule.bad_examples, rule.code)]
    assert [d.code for d in corpus_findings(rule.good_examples, rule.code)] == []
