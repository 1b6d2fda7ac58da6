"""Which rules run: select / extend-select / ignore by code, code prefix, or name.

For each rule, the most specific matching selector decides (a name or full code beats a
prefix, a longer prefix beats a shorter one, any selector beats the defaults); on a tie, ignore
wins. Rules that are off by default are turned on only by their exact code or name, never by a
prefix or ``ALL``, so a noisy rule is never switched on by accident.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from newslint.registry import RuleSet
from newslint.rule import Rule

ALL = "ALL"
EXACT = 100


class SelectionError(ValueError):
    """A selector names no known rule."""


def specificity(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule``: -1 when it does not match at all."""
    key = selector.strip()
    if key.lower() == rule.name or key.upper() == rule.code:
        return EXACT
    if not rule.default_enabled:
        return -1
    if key.upper() == ALL:
        return 0
    return len(key) if rule.code.startswith(key.upper()) and key else -1


def validate_selectors(selectors: Iterable[str], ruleset: RuleSet, where: str) -> None:
    """Raise if any selector matches no rule at all (a typo must not silently select nothing)."""
    for selector in selectors:
        key = selector.strip()
        if key.upper() == ALL:
            continue
        if not any(r.code.startswith(key.upper()) or r.name == key.lower() for r in ruleset.rules):
            raise SelectionError(f"{where}: unknown rule code, prefix or name {selector!r}")


def select_rules(ruleset: RuleSet, select: Sequence[str] | None = None,
                 extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[Rule, ...]:
    """The enabled rules, in code order."""
    chosen = []
    for rule in ruleset.rules:
        on = max((specificity(s, rule) for s in (*(select or ()), *extend_select)), default=-1)
        if select is None and rule.default_enabled:
            on = max(on, 0)
        off = max((specificity(s, rule) for s in ignore), default=-1)
        if on >= 0 and on > off:
            chosen.append(rule)
    return tuple(chosen)
