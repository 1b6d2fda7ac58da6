"""Whole-article fixtures: each rule's expected findings, and silence on clean articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.runner import lint_paths
from newslint.testing import findings

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted((FIXTURES / "rules").glob("*/*.txt"))
CLEAN = sorted((FIXTURES / "clean").glob("*.txt"))


def test_fixtures_were_collected() -> None:
    assert CASES and len(CLEAN) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_rule_fixture(case: Path) -> None:
    code = case.parent.name
    sidecar = case.with_suffix(".expected")
    assert sidecar.exists(), f"{case.name} has no .expected sidecar"
    expected = [line.strip() for line in sidecar.read_text(encoding="utf-8").splitlines() if line.strip()]
    # What the rule finds, whatever its calibrated default min-confidence hides.
    got = [f"{d.code} {d.line}:{d.column}" for d in findings(case.read_bytes(), code, min_confidence=0)]
    assert got == expected


def test_default_rules_are_silent_on_clean_articles() -> None:
    result = lint_paths([str(FIXTURES / "clean")], jobs=1, config=None)
    assert result.files_checked == len(CLEAN)
    assert [f"{Path(d.path).name}:{d.line} {d.code} {d.message}" for d in result.diagnostics] == []


OTHER_STYLES = sorted((FIXTURES / "clean-other").glob("*.txt"))


def test_every_rule_is_silent_on_clean_articles_in_other_house_styles() -> None:
    from newslint.registry import load_rules

    every_rule = [r.code for r in load_rules(plugins=False).rules]  # off-by-default ones too
    assert len(OTHER_STYLES) >= 8
    result = lint_paths([str(FIXTURES / "clean-other")], jobs=1, config=None, select=every_rule)
    assert result.files_checked == len(OTHER_STYLES)
    assert [f"{Path(d.path).name}:{d.line} {d.code} {d.message}" for d in result.diagnostics] == []
