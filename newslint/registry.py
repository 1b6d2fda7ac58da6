"""Find, load and validate rules: built-ins, entry-point plugins, and local rule folders.

The engine knows no rule by name: built-ins are whatever ``newslint.rules.BUILTIN_MODULES``
lists. Loading failures are wrapped so the message names the plugin or file at fault.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from newslint.rule import Rule, problems_with

ENTRY_POINT_GROUP = "newslint.rules"


class RegistryError(Exception):
    """A rule could not be loaded, is invalid, or clashes with another rule."""


@dataclass(frozen=True)
class RuleSet:
    """All known rules, in a stable order (by code), with lookup by code and by name."""

    rules: tuple[Rule, ...]

    def by_code(self, code: str) -> Rule | None:
        """The rule with this code, if any."""
        return next((r for r in self.rules if r.code == code), None)

    def lookup(self, code_or_name: str) -> Rule | None:
        """The rule whose code or name this is (codes case-insensitive)."""
        key = code_or_name.strip()
        return next((r for r in self.rules if r.code == key.upper() or r.name == key.lower()), None)


def _rules_of(obj: Any, origin: str) -> list[Rule]:
    """Accept a Rule, a module exporting RULE or RULES, or a list of Rules."""
    if isinstance(obj, ModuleType):
        if hasattr(obj, "RULES"):
            obj = obj.RULES
        elif hasattr(obj, "RULE"):
            obj = obj.RULE
        else:
            raise RegistryError(f"{origin}: module exports neither RULE nor RULES")
    items = list(obj) if isinstance(obj, (list, tuple)) else [obj]
    for item in items:
        problems = problems_with(item)
        if problems:
            raise RegistryError(f"{origin}: invalid rule: {'; '.join(problems)}")
    return items


def builtin_rules() -> Iterator[tuple[Rule, str]]:
    """The built-in rules, with where each came from."""
    package = importlib.import_module("newslint.rules")
    for module_name in package.BUILTIN_MODULES:
        origin = f"built-in rule module newslint.rules.{module_name}"
        module = importlib.import_module(f"newslint.rules.{module_name}")
        for rule in _rules_of(module, origin):
            if not rule.code.startswith("NL"):
                raise RegistryError(f"{origin}: built-in codes start with NL, got {rule.code}")
            yield rule, origin


def _may_declare_plugins() -> bool:
    """Whether an installed distribution may declare an entry point of the group: the
    ``entry_points.txt`` files ``importlib.metadata`` would read, looked at as plain text, and
    True wherever it would look some other way (a zip or egg on the path, another finder).
    Importing ``importlib.metadata`` and parsing every distribution's entry points cost a
    one-article run 20 to 40 ms, nearly always to find no newslint rule."""
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True
    for entry in sys.path:
        root = entry or "."
        if Path(root).name.lower().endswith(".egg"):
            return True
        try:
            children = os.listdir(root)
        except NotADirectoryError:
            return True  # a zip file on the path
        except OSError:
            continue
        for child in children:
            if child.lower().endswith((".dist-info", ".egg-info")):
                try:
                    declared = Path(root, child, "entry_points.txt").read_bytes()
                except OSError:
                    continue
                if ENTRY_POINT_GROUP.encode() in declared:
                    return True
    return False


def plugin_rules() -> Iterator[tuple[Rule, str]]:
    """Rules registered by installed packages under the ``newslint.rules`` entry-point group."""
    if not _may_declare_plugins():
        return
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        origin = f"plugin {ep.name!r} ({ep.value})"
        try:
            loaded = ep.load()
        except Exception as exc:  # a broken plugin must say which one it is
            raise RegistryError(f"{origin}: failed to load: {type(exc).__name__}: {exc}") from exc
        yield from ((rule, origin) for rule in _rules_of(loaded, origin))


def folder_rules(folder: Path) -> Iterator[tuple[Rule, str]]:
    """Rules from every ``*.py`` module in a local folder (files starting with _ are skipped)."""
    if not folder.is_dir():
        raise RegistryError(f"rules-dir {folder}: not a folder")
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        origin = f"local rule file {path}"
        module_name = f"newslint_local_rules.{path.stem}"
        try:
            spec = importlib.util.spec_from_file_location(module_name, path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module  # so workers and pickling find it again
            spec.loader.exec_module(module)
        except Exception as exc:
            raise RegistryError(f"{origin}: failed to load: {type(exc).__name__}: {exc}") from exc
        yield from ((rule, origin) for rule in _rules_of(module, origin))


def _check_plugin_prefix(rule: Rule, origin: str) -> None:
    if rule.code.startswith("NL"):
        raise RegistryError(f"{origin}: code {rule.code}: the NL prefix is reserved for "
                            "built-in rules; use a prefix of your own")


def load_rules(rules_dirs: Iterable[Path] = (), plugins: bool = True) -> RuleSet:
    """Load built-ins, then plugins, then local folders; reject duplicate codes and names."""
    seen_codes: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    collected: list[Rule] = []
    sources: list[Iterable[tuple[Rule, str]]] = [builtin_rules()]
    if plugins:
        sources.append(plugin_rules())
    sources.extend(folder_rules(Path(d)) for d in rules_dirs)
    for index, source in enumerate(sources):
        for rule, origin in source:
            if index > 0:
                _check_plugin_prefix(rule, origin)
            for key, seen in ((rule.code, seen_codes), (rule.name, seen_names)):
                if key in seen:
                    raise RegistryError(f"duplicate rule {key!r}: defined by {seen[key]} and "
                                        f"by {origin}")
                seen[key] = origin
            collected.append(rule)
    return RuleSet(tuple(sorted(collected, key=lambda r: r.code)))
