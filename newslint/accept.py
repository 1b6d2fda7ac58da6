"""Accepted findings: ones a person reviewed and accepted for good, with the reason.

An article cannot carry a ``# noqa`` comment, so the acceptance lives beside the corpus, in a
committed file (``.newslint-accept.toml``, in the config's folder) that newslint only reads
(``newslint baseline`` never touches it)::

    [[accept]]
    path = "corpus/bbc/*.txt"       # gitignore-style, relative to this file's folder
    code = "NL203"                  # a rule code or name
    text = "AT&amp;T"               # the flagged text (whitespace-normalised), or:
    # fingerprint = "…"             # the finding's baseline fingerprint
    reason = "the entity is in the original page"

A JSON Lines record may carry its own: ``"newslint_accept": [{"code": "NL303", "reason": "…"}]``
(``text`` optional), which accepts that rule's findings in that record only.

Accepted findings are never reported; the summary counts them. An entry that accepted nothing
although its files were linted is reported as stale, so the file does not rot.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.messages import one_line

if TYPE_CHECKING:
    from newslint.runner import Diagnostic, RunResult
    from newslint.sources import Problem, Source

ACCEPT_FILE = ".newslint-accept.toml"
RECORD_FIELD = "newslint_accept"
MAX_BYTES = 16 * 1024 * 1024
_KEYS = {"path", "code", "text", "fingerprint", "reason"}


class AcceptError(ValueError):
    """The accept file is malformed; the message names the file and the entry."""


def normalised(text: str) -> str:
    """Text compared as findings keep it: whitespace runs made one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Accepted:
    """One accepted finding (or kind of finding): where, which rule, which text, and why."""

    code: str
    reason: str
    path: str | None = None         # gitignore-style pattern; None: the record that carries it
    text: str | None = None
    fingerprint: str | None = None
    number: int = 0                 # its place in the file, to name it

    def takes(self, d: Diagnostic, relative: str | None, fingerprint: str | None) -> bool:
        """Whether this entry accepts the finding ``d`` (``relative``: its path from the root)."""
        from newslint.paths import matches

        if self.code.strip().upper() != d.code and self.code.strip().lower() != d.rule:
            return False
        if self.path is not None and (relative is None or not matches((self.path,), relative)):
            return False
        if self.fingerprint is not None:
            return fingerprint == self.fingerprint
        return self.text is None or normalised(self.text) == d.snippet

    def shown(self) -> str:
        """How a person finds this entry again."""
        what = f"fingerprint {self.fingerprint}" if self.fingerprint else repr(one_line(self.text or "", 60))
        return f"entry {self.number} ({self.path} {self.code} {what})"


def load(path: Path) -> tuple[Accepted, ...]:
    """The entries of an accept file (none when it does not exist); AcceptError when malformed."""
    from newslint.config import toml_loads
    from newslint.files import read_regular

    try:
        raw = read_regular(str(path), MAX_BYTES)
    except FileNotFoundError:
        return ()
    except OSError as exc:
        raise AcceptError(f"{path}: cannot read accepted findings: {exc.strerror or exc}") from exc
    try:
        data = toml_loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise AcceptError(f"{path}: invalid TOML: {one_line(str(exc))}") from None
    if set(data) - {"accept"} or not isinstance(data.get("accept", []), list):
        raise AcceptError(f"{path}: expected only [[accept]] tables")
    return tuple(_entry(item, number, path) for number, item in enumerate(data.get("accept", []), 1))


def _entry(item: Any, number: int, where: Path | str) -> Accepted:
    name = f"{where}: [[accept]] entry {number}"
    if not isinstance(item, dict) or set(item) - _KEYS:
        raise AcceptError(f"{name}: expected the keys path, code, reason and text or fingerprint")
    if not all(isinstance(value, str) for value in item.values()):
        raise AcceptError(f"{name}: every value must be a string")
    missing = [key for key in ("path", "code", "reason") if not str(item.get(key, "")).strip()]
    if missing:
        raise AcceptError(f"{name}: {' and '.join(missing)} required (the reason says why it is accepted)")
    if ("text" in item) == ("fingerprint" in item):
        raise AcceptError(f"{name}: give either text (the flagged text) or fingerprint")
    return Accepted(item["code"], item["reason"], item["path"], item.get("text"), item.get("fingerprint"), number)


def record_entries(value: Any) -> tuple[tuple[str, str | None], ...]:
    """A record's ``newslint_accept`` as (code, text) pairs; ValueError says what is wrong."""
    if not isinstance(value, list) or not all(
            isinstance(v, dict) and isinstance(v.get("code"), str) and isinstance(v.get("reason"), str)
            and v["reason"].strip() and isinstance(v.get("text", ""), str) for v in value):
        raise ValueError(f"{RECORD_FIELD} must be a list of objects with code and "
                         "reason (and optionally text)")
    return tuple((v["code"], v.get("text")) for v in value)


@dataclass
class Acceptance:
    """The accepted findings of one run: filters results and notes stale entries."""

    entries: tuple[Accepted, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    linted: set[str] = field(default_factory=set)  # root-relative paths of the files linted
    records: dict[tuple[str, int], tuple[Accepted, ...]] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)    # id() of entries that accepted something
    hidden: int = 0

    @classmethod
    def found(cls, root: Path, path: str | None = None) -> Acceptance:
        """The accept file named (an error if missing), or ``.newslint-accept.toml`` in ``root``."""
        if path is not None and not Path(path).exists():
            raise AcceptError(f"{path}: no such accept file")
        source = Path(path) if path else root / ACCEPT_FILE
        return cls(load(source), source.resolve().parent, source)

    def inputs(self, items: Iterable[Source | Problem]) -> Iterator[Source | Problem]:
        """Pass ``items`` through, noting the files linted and each record's own acceptances."""
        from newslint.paths import relative_to

        for item in items:
            if self.entries:  # stale entries are told only for files that were linted
                self.linted.add(relative_to(item.path, self.root))
            accept = getattr(item, "accept", ())
            if accept:
                self.records[(item.path, item.record)] = tuple(  # type: ignore[index]
                    Accepted(code, "record", None, text, None, n) for n, (code, text) in enumerate(accept, 1))
            yield item

    def keep(self, diagnostics: Sequence[Diagnostic], count: bool = True) -> list[Diagnostic]:
        """The findings no entry accepts (one file's, or a whole run's); ``count``: add the
        others to the summary's count of accepted findings."""
        if not self.entries and not self.records:
            return list(diagnostics)
        from newslint.baseline import fingerprints
        from newslint.paths import relative_to

        prints = fingerprints(diagnostics, str(self.root)) if any(e.fingerprint for e in self.entries) else {}
        kept = []
        for d in diagnostics:
            relative = relative_to(d.path, self.root) if not d.path.startswith("<") else None
            entry = next((e for e in (*self.records.get((d.path, d.record), ()), *self.entries)  # type: ignore[arg-type]
                          if e.takes(d, relative, prints.get(d))), None)
            if entry is None:
                kept.append(d)
            else:
                self.used.add(id(entry))
                self.hidden += count
        return kept

    def fixing(self, linter: Any) -> Any:
        """``linter`` as ``--fix`` should use it: accepted findings are neither reported nor
        repaired (a person accepted that text as it is)."""
        return _Accepting(linter, self)

    def filter(self, result: RunResult) -> RunResult:
        """``result`` without accepted findings, with the count and any stale entries noted."""
        kept = self.keep(result.diagnostics)
        return replace(result, diagnostics=kept, notes=[*result.notes, *self.notes()])

    def notes(self) -> list[str]:
        """The summary's lines: how many were accepted, and which entries are stale."""
        from newslint.paths import matches

        notes = [f"{self.hidden} accepted finding{'s' if self.hidden != 1 else ''} not shown."] if self.hidden else []
        where = self.source.name if self.source else ACCEPT_FILE
        for entry in self.entries:
            if id(entry) not in self.used and any(matches((entry.path,), p) for p in self.linted):
                notes.append(f"{where}: {entry.shown()} accepts nothing any more (stale): remove it")
        for (path, record), entries in self.records.items():
            notes += [f"{path}[{record}]: {RECORD_FIELD} {entry.code} accepts nothing any more (stale)"
                      for entry in entries if id(entry) not in self.used]
        return notes


class _Accepting:
    """A linter whose documents' accepted findings are dropped as they are found."""

    def __init__(self, linter: Any, acceptance: Acceptance):
        self._linter, self._acceptance = linter, acceptance

    def __getattr__(self, name: str) -> Any:
        return getattr(self._linter, name)

    def lint_document(self, doc: Any, source: Any = None, corpus: bool = True) -> Any:
        """The linter's result without accepted findings (not counted: passes repeat them)."""
        result = self._linter.lint_document(doc, source, corpus)
        result.diagnostics = self._acceptance.keep(result.diagnostics, count=False)
        return result
