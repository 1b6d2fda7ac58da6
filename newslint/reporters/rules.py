"""The table printed by ``newslint rules``."""
from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from importlib.util import find_spec

from newslint.rule import Rule


def render_rules(rules: Sequence[Rule], enabled: Collection[str], fmt: str = "text") -> str:
    """Every rule as a text table or a JSON array."""
    rows = [{"code": r.code, "name": r.name, "family": r.family,
             "default": "on" if r.default_enabled else "off", "enabled": r.code in enabled,
             "fixable": r.fix.value, "scope": r.scope.value, "summary": r.summary,
             "extras": [{"package": module, "installed": find_spec(module) is not None, "install": how}
                        for module, how in r.extras]} for r in rules]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    header = ("code", "name", "family", "default", "fixable", "summary")
    table = [header] + [tuple(str(row[k]) for k in header) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] + "\n" for r in table]
    return "".join(lines) + "".join(_extras_note(row) for row in rows)


def _extras_note(row: dict) -> str:
    """Whether a rule's optional packages, which change what it finds, are installed: one line
    per way of installing them."""
    notes = []
    for how in dict.fromkeys(extra["install"] for extra in row["extras"]):
        packages = [extra for extra in row["extras"] if extra["install"] == how]
        missing = [extra["package"] for extra in packages if not extra["installed"]]
        names = ", ".join(extra["package"] for extra in packages)
        state = f"not installed: {', '.join(missing)} ({how})" if missing else "installed"
        notes.append(f"\n{row['code']} can use the optional packages {names}: {state}\n")
    return "".join(notes)
