"""The table printed by ``newslint rules``."""
from __future__ import annotations

import json
from collections.abc import Collection, Sequence

from newslint.rule import Rule


def render_rules(rules: Sequence[Rule], enabled: Collection[str], fmt: str = "text") -> str:
    """Every rule as a text table or a JSON array."""
    rows = [{"code": r.code, "name": r.name, "family": r.family,
             "default": "on" if r.default_enabled else "off", "enabled": r.code in enabled,
             "fixable": r.fix.value, "scope": r.scope.value, "summary": r.summary} for r in rules]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    header = ("code", "name", "family", "default", "fixable", "summary")
    table = [header] + [tuple(str(row[k]) for k in header) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header) - 1)]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] + "\n"
                   for r in table)
