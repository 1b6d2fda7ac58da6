"""Configuration: ``newslint.toml`` (top-level keys) or ``[tool.newslint]`` in ``pyproject.toml``,
found by walking up from the linted paths; command-line options are layered on top.

Loading happens in two steps: ``load_config`` checks the file's shape (keys and value types),
``resolve`` checks what needs the rules (codes, names, per-rule options) once they are loaded.
"""
from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newslint.confidence import checked_threshold, default_min_confidence
from newslint.messages import one_line
from newslint.registry import RuleSet
from newslint.rule import Rule
from newslint.selection import select_rules, validate_selectors

CONFIG_FILES = ("newslint.toml", "pyproject.toml")
LIST_KEYS = ("select", "ignore", "extend-select", "include", "exclude")
KNOWN_KEYS = frozenset((*LIST_KEYS, "per-file-ignores", "rules-dir", "rules", "respect-gitignore"))
DEFAULT_INCLUDE = ("*.txt",)
# Every rule's table in the config may set this: the confidence its findings need to be reported.
MIN_CONFIDENCE = "min-confidence"


class ConfigError(ValueError):
    """The configuration is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """Settings from a config file, before they are checked against the loaded rules."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules_dirs: tuple[Path, ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    source: Path | None = None
    min_confidence: float | None = None  # the command line's, for every rule; replaces the rest
    respect_gitignore: bool = True
    base: Path | None = None  # the folder patterns are relative to without a config file

    @property
    def root(self) -> Path:
        """The folder that relative globs and paths in the config are relative to (fixed when the
        config was made, so a linter sent to another process or machine means the same)."""
        return self.source.parent if self.source else (self.base or Path.cwd())

    @property
    def where(self) -> str:
        """How to name this config in an error message."""
        return str(self.source) if self.source else "command line"

    def with_cli(self, select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                 ignore: Sequence[str] = (), include: Sequence[str] = (),
                 exclude: Sequence[str] = (), min_confidence: float | None = None,
                 respect_gitignore: bool | None = None) -> Config:
        """This config with command-line options layered on top (CLI select replaces)."""
        return replace(
            self,
            min_confidence=self.min_confidence if min_confidence is None else min_confidence,
            respect_gitignore=self.respect_gitignore if respect_gitignore is None else respect_gitignore,
            select=tuple(select) if select else self.select,
            extend_select=(*self.extend_select, *extend_select),
            ignore=(*self.ignore, *ignore),
            include=tuple(include) if include else self.include,
            exclude=(*self.exclude, *exclude),
        )


def find_config(start: Path) -> Path | None:
    """The nearest newslint.toml, or pyproject.toml with a ``tool.newslint`` key, above ``start``."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "newslint.toml").is_file():
            return candidate / "newslint.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_newslint_table(pyproject):
            return pyproject
    return None


def _has_newslint_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` has a ``tool.newslint`` key (of any shape: a wrong one is then an
    error naming the file, not a config silently ignored)."""
    text = _read(pyproject)
    if "newslint" not in text:  # most pyproject files: no need to parse them
        return False
    tool = _parse(text, pyproject).get("tool")
    return isinstance(tool, dict) and "newslint" in tool


def toml_loads(text: str) -> dict[str, Any]:
    """``tomllib.loads`` (tomli's before Python 3.11), imported on first use: a run without a
    config or accept file parses no TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return toml_loads(text)
    except (ValueError, RecursionError) as exc:  # also integers too long to convert, deep nesting
        raise ConfigError(f"{path}: invalid TOML: {one_line(str(exc)) or type(exc).__name__}") from None


def _read(path: Path) -> str:
    from newslint.files import read_regular
    from newslint.sources import MAX_FILE_BYTES

    try:
        return read_regular(str(path), MAX_FILE_BYTES).decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc


def load_config(path: Path) -> Config:
    """Parse and shape-check a config file."""
    data = _parse(_read(path), path)
    if path.name == "pyproject.toml":
        tool = _table(data.get("tool", {}), "tool", str(path))
        data = _table(tool.get("newslint", {}), "tool.newslint", str(path))
    return parse_table(data, path)


def parse_table(data: Mapping[str, Any], path: Path | None) -> Config:
    """Turn a config table into a Config, naming the key of any error."""
    where = str(path) if path else "config"
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    values: dict[str, Any] = {}
    for key in LIST_KEYS:
        if key in data:
            values[key.replace("-", "_")] = _strings(data[key], key, where)
    root = path.parent if path else Path.cwd()
    if "respect-gitignore" in data:
        if not isinstance(data["respect-gitignore"], bool):
            raise ConfigError(f"{where}: key 'respect-gitignore' must be true or false, "
                              f"got {_shown(data['respect-gitignore'])}")
        values["respect_gitignore"] = data["respect-gitignore"]
    if "rules-dir" in data:
        dirs = data["rules-dir"]
        dirs = [dirs] if isinstance(dirs, str) else _strings(dirs, "rules-dir", where)
        values["rules_dirs"] = tuple(root / d for d in dirs)
    if "per-file-ignores" in data:
        table = _table(data["per-file-ignores"], "per-file-ignores", where)
        values["per_file_ignores"] = tuple(
            (glob, _strings(codes, f"per-file-ignores.{glob}", where)) for glob, codes in table.items())
    if "rules" in data:
        table = _table(data["rules"], "rules", where)
        values["rule_options"] = {name: _table(opts, f"rules.{name}", where)
                                  for name, opts in table.items()}
    return Config(source=path, **values)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: key {key!r} must be a list of strings, got {_shown(value)}")
    return tuple(value)


def _table(value: Any, key: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        shown = f"an array of tables ([[{key}]])" if isinstance(value, list) and value and all(
            isinstance(v, dict) for v in value) else f"{type(value).__name__} {_shown(value)}"
        raise ConfigError(f"{where}: key {key!r} must be a table ([{key}]), got {shown}")
    return value


def _shown(value: Any) -> str:
    return one_line(repr(value), 80)


@dataclass(frozen=True)
class ResolvedConfig:
    """A config checked against the loaded rules: what runs, with which options."""

    config: Config
    rules: tuple[Rule, ...]
    options: Mapping[str, Mapping[str, Any]]  # rule code -> merged options
    available: tuple[Rule, ...] = ()  # every loaded rule, enabled or not
    # rule code -> the confidence its findings need to be reported (missing: 0)
    min_confidence: Mapping[str, float] = field(default_factory=dict)

    def rules_for(self, path: str) -> tuple[Rule, ...]:
        """The enabled rules minus the per-file-ignores that match ``path``."""
        ignored = ignored_selectors(self.config, path)
        if not ignored:
            return self.rules
        return select_rules_subset(self.rules, ignored)


def ignored_selectors(config: Config, path: str) -> tuple[str, ...]:
    """The per-file-ignores selectors whose pattern matches ``path`` (gitignore-style, relative
    to the config's folder, as include and exclude; see ``newslint.paths``)."""
    if not config.per_file_ignores:
        return ()
    from newslint.paths import matches, relative_to

    relative = relative_to(path, config.root)
    return tuple(code for pattern, codes in config.per_file_ignores
                 if matches((pattern,), relative) for code in codes)


def select_rules_subset(rules: tuple[Rule, ...], ignore: Sequence[str]) -> tuple[Rule, ...]:
    """``rules`` minus those any of ``ignore`` names by code, prefix or name."""
    def hit(rule: Rule, s: str) -> bool:
        key = s.strip()
        return key.upper() == "ALL" or rule.code.startswith(key.upper()) or rule.name == key.lower()
    return tuple(r for r in rules if not any(hit(r, s) for s in ignore))


def resolve(config: Config, ruleset: RuleSet) -> ResolvedConfig:
    """Check selectors and rule options against the rules, and pick the enabled rules."""
    where = config.where
    for key, selectors in (("select", config.select or ()), ("extend-select", config.extend_select),
                           ("ignore", config.ignore)):
        validate_selectors(selectors, ruleset, f"{where}: {key}")
    for glob, codes in config.per_file_ignores:
        validate_selectors(codes, ruleset, f"{where}: per-file-ignores.{glob}")
    options = {rule.code: rule.options for rule in ruleset.rules}
    floors = {rule.code: default_min_confidence(rule.code) for rule in ruleset.rules}
    for key, given in config.rule_options.items():
        rule = ruleset.lookup(key)
        if rule is None:
            raise ConfigError(f"{where}: rules.{key}: unknown rule code or name {key!r}")
        given = dict(given)
        if MIN_CONFIDENCE in given:
            floors[rule.code] = _checked_floor(given.pop(MIN_CONFIDENCE), f"rules.{rule.name}.{MIN_CONFIDENCE}", where)
        options[rule.code] = MappingProxyType({**rule.options, **_checked_options(rule, given, where)})
    if config.min_confidence is not None:
        floors = dict.fromkeys(floors, _checked_floor(config.min_confidence, "--min-confidence", "command line"))
    enabled = select_rules(ruleset, config.select, config.extend_select, config.ignore)
    if not enabled:  # a run of no rule would pass everything: say why instead
        raise ConfigError(f"{where}: no rule is enabled: {_selection_shown(config)} leaves none "
                          "(`newslint check --show-settings` shows where each setting comes from)")
    _check_requirements(enabled, where)
    return ResolvedConfig(config, enabled, MappingProxyType(options), ruleset.rules,
                          MappingProxyType({r.code: floors[r.code] for r in enabled if floors[r.code]}))


def _checked_floor(value: Any, key: str, where: str) -> float:
    floor = checked_threshold(value)
    if floor is None:
        raise ConfigError(f"{where}: {key}: expected a number from 0 to 1, got {value!r}")
    return floor


def _selection_shown(config: Config) -> str:
    """The selectors in force, as a person would write them."""
    parts = [f"select {', '.join(config.select)}" if config.select else "the default rules"]
    parts += [f"extend-select {', '.join(config.extend_select)}"] if config.extend_select else []
    parts += [f"ignore {', '.join(config.ignore)}"] if config.ignore else []
    return parts[0] + (" with " + " and ".join(parts[1:]) if parts[1:] else "")


def _check_requirements(rules: Sequence[Rule], where: str) -> None:
    from importlib.util import find_spec

    for rule in rules:
        for module, install in rule.requires:
            if find_spec(module) is None:
                raise ConfigError(f"{where}: rule {rule.code} ({rule.name}) needs the {module!r} "
                                  f"package, which is not installed: {install}")


def option_name(key: str) -> str:
    """How an option is written in a config: kebab-case (``max-words``; ``max_words`` is also read)."""
    return key.replace("_", "-")


def _checked_options(rule: Rule, given: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The options given for ``rule``, checked and keyed as the rule declares them."""
    declared = {option_name(key): key for key in rule.options}
    checked: dict[str, Any] = {}
    for name, value in given.items():
        key = declared.get(option_name(name))
        if key is None:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"{where}: rules.{rule.name}.{name}: unknown option (known: {known})")
        if key in checked:
            raise ConfigError(f"{where}: rules.{rule.name}.{name}: given twice "
                              f"(as {option_name(key)} and {key})")
        checked[key] = value
        default = rule.options[key]
        if not _same_type(value, default):
            raise ConfigError(f"{where}: rules.{rule.name}.{name}: expected "
                              f"{type(default).__name__}, got {type(value).__name__} {_shown(value)}")
        out_of_range = _out_of_range(value, default)
        if out_of_range:
            raise ConfigError(f"{where}: rules.{rule.name}.{name}: {out_of_range}, got {_shown(value)}")
    return checked


def _out_of_range(value: Any, default: Any) -> str | None:
    """Why a number (or a list of numbers) cannot be a value of an option with this default:
    not finite, or negative where the default is not (counts, shares and thresholds)."""
    values = value if isinstance(value, list) else [value]
    defaults = default if isinstance(default, (list, tuple)) else [default]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if any(isinstance(v, float) and not math.isfinite(v) for v in numbers):
        return "must be a finite number"
    if any(v < 0 for v in numbers) and not any(
            isinstance(d, (int, float)) and not isinstance(d, bool) and d < 0 for d in defaults):
        return "must not be negative"
    return None


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):  # an empty default allows a list of one kind of scalar
        kinds = {type(default[0])} if default else {type(v) for v in value}
        return isinstance(value, list) and len(kinds) <= 1 and all(
            type(v) in kinds and isinstance(v, (str, int, float, bool)) for v in value)
    return isinstance(value, type(default))
