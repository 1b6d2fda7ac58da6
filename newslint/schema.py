"""The JSON Schema of newslint's configuration, for editors (Even Better TOML, Taplo, VS Code)
and for checking a config in CI. ``newslint.schema.json`` at the repository's root is made by

    python -m newslint.schema > newslint.schema.json

and a test keeps it in step with the code. It describes ``newslint.toml`` (top-level keys) and
the ``[tool.newslint]`` table of ``pyproject.toml``, with the options of every built-in rule.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newslint.config import option_name
from newslint.rule import Rule

SELECTOR = {"type": "string", "pattern": r"^(ALL|[A-Za-z]{2,}[0-9]{0,3}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$",
            "description": "A rule code (NL101), code prefix (NL1, NL) or name (headline-mismatch), or ALL."}
SELECTORS = {"type": "array", "items": {"$ref": "#/definitions/selector"}, "uniqueItems": True}
PATTERNS = {"type": "array", "items": {"type": "string"},
            "description": "gitignore-style patterns, relative to the config file's folder."}


def _value(default: Any) -> dict[str, Any]:
    """The schema of an option whose default is ``default``."""
    if isinstance(default, bool):
        return {"type": "boolean"}
    if isinstance(default, (int, float)):
        schema: dict[str, Any] = {"type": "integer" if isinstance(default, int) else "number"}
        return {**schema, "minimum": 0} if default >= 0 else schema
    if isinstance(default, str):
        return {"type": "string"}
    if isinstance(default, (list, tuple)):
        return {"type": "array", "items": _value(default[0]) if default else {"type": ["string", "number", "boolean"]}}
    return {}


def _options(rule: Rule) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key, default in sorted(rule.options.items()):
        properties[option_name(key)] = {**_value(default), "default": default}
        if option_name(key) != key:  # the old spelling is still read
            properties[key] = {**_value(default), "description": f"Old spelling of {option_name(key)}."}
    properties["min-confidence"] = {"type": "number", "minimum": 0, "maximum": 1,
                                    "description": "Report only this rule's findings at least this confident."}
    return {"type": "object", "description": f"{rule.code} {rule.name}: {rule.summary}",
            "properties": properties, "additionalProperties": False}


def config_schema(rules: Sequence[Rule]) -> dict[str, Any]:
    """The schema, with the options of ``rules`` (by code and by name)."""
    definitions: dict[str, Any] = {"selector": SELECTOR, "selectors": SELECTORS}
    by_rule: dict[str, Any] = {}
    for rule in sorted(rules, key=lambda r: r.code):
        definitions[rule.code] = _options(rule)
        by_rule[rule.code] = by_rule[rule.name] = {"$ref": f"#/definitions/{rule.code}"}
    properties = {
        "select": {**SELECTORS, "description": "Rules to run; replaces the default set."},
        "extend-select": {**SELECTORS, "description": "Rules to run in addition to the selected ones."},
        "ignore": {**SELECTORS, "description": "Rules not to run."},
        "include": {**PATTERNS, "default": ["*.txt"], "description": "Files to lint inside folders (gitignore-style)."},
        "exclude": {**PATTERNS, "description": "Files and folders to skip (gitignore-style)."},
        "respect-gitignore": {"type": "boolean", "default": True,
                              "description": "Skip what .gitignore files ignore when walking folders."},
        "rules-dir": {"description": "Folders of local rule modules, loaded only with --trust-local-rules.",
                      "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "per-file-ignores": {"type": "object", "additionalProperties": {"$ref": "#/definitions/selectors"},
                             "description": "Pattern (gitignore-style) to rules not run on matching files."},
        "rules": {"type": "object", "properties": by_rule, "description": "Each rule's options, by code or name.",
                  "additionalProperties": {"type": "object"}},  # a plugin's rules are not known here
    }
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": "newslint configuration",
            "description": "newslint.toml, or [tool.newslint] in pyproject.toml.", "type": "object",
            "properties": properties, "additionalProperties": False, "definitions": definitions}


def main() -> None:
    """Print the schema of the built-in rules."""
    from newslint.registry import load_rules

    print(json.dumps(config_schema(load_rules(plugins=False).rules), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
