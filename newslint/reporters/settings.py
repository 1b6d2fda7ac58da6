"""What ``newslint check --show-settings`` and ``--show-files`` print."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newslint.config import option_name
from newslint.reporters.escape import shown


def _list(values: Iterable[str] | None) -> str:
    return json.dumps(list(values or ()), ensure_ascii=False)


def render_settings(linter: Any, cache_dir: str | None = None) -> str:
    """The settings in force: where they come from, what runs, with which options."""
    config = linter.resolved.config
    lines = [f"config file: {config.source or 'none (defaults)'}",
             f"root (include, exclude and per-file-ignores are relative to it): {config.root}",
             f"select: {_list(config.select) if config.select is not None else '(the default rules)'}",
             f"extend-select: {_list(config.extend_select)}", f"ignore: {_list(config.ignore)}",
             f"include: {_list(config.include)}", f"exclude: {_list(config.exclude)}",
             f"respect-gitignore: {json.dumps(config.respect_gitignore)}"]
    lines += ["per-file-ignores:"] + [f"  {json.dumps(glob)} = {_list(codes)}" for glob, codes in config.per_file_ignores]
    folders = [f"  {d}: {'not loaded (untrusted)' if d in linter.untrusted_rules_dirs else 'loaded'}"
               for d in config.rules_dirs]
    lines += ["rules-dir:"] + folders
    lines.append(f"cache: {cache_dir or 'off'}")
    rules = linter.resolved.rules
    lines.append(f"enabled rules ({len(rules)} of {len(linter.all_rules)}):")
    for rule in rules:
        options = ", ".join(f"{option_name(k)} = {json.dumps(v, ensure_ascii=False, default=list)}"
                            for k, v in sorted(linter.options(rule).items()))
        lines.append(f"  {rule.code} {rule.name}" + (f": {options}" if options else ""))
    return "\n".join(shown(line) for line in lines) + "\n"


def render_files(items: Iterable[Any]) -> str:
    """One line per file that would be linted (a JSON Lines file once); inputs that cannot be
    found or hold nothing to lint, with what is wrong."""
    lines = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
        elif hasattr(item, "kind"):  # a Problem
            lines.append(f"{item.path}: {item.message}")
        else:
            lines.append(item.path)
    return "".join(shown(line) + "\n" for line in lines)
