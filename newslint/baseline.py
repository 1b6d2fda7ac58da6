"""Baselines: remember the findings a corpus already has, so CI fails only on new ones.

A finding's fingerprint never involves its line or column, so inserting or deleting paragraphs
elsewhere keeps it. It is a hash of the path (posix, relative to the baseline file's folder when
possible, going up with '..' if need be) and of the finding's *content*: the rule code, the flagged
text (``Diagnostic.snippet``, whitespace-normalised) and an occurrence index that tells repeats
of the same (path, code, text) apart in reading order. Editing the flagged text, or adding a
second copy of it, therefore makes a new finding; so does moving or renaming the file (the path
is part of the fingerprint), which the summary points out.

The file is pretty, sorted JSON with a format version; anything else is a ``BaselineError``
(never an empty baseline), and it is written atomically.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from newslint.messages import one_line

if TYPE_CHECKING:
    from newslint.runner import Diagnostic, RunResult
    from newslint.sources import Problem, Source

DEFAULT_BASELINE = ".newslint-baseline.json"
FORMAT_VERSION = 1
FORMAT_KEY = "newslint-baseline"  # names the format, so another tool's JSON is not mistaken for one
MADE_BY_KEY = "made-by"           # newslint's version and extras (optional: older files lack it)
FINGERPRINT_KEY = "newslint/v1"   # the SARIF partialFingerprints key
TEXT_SHOWN = 120                  # characters of flagged text kept for people reading the file
MAX_BYTES = 512 * 1024 * 1024     # about two million findings; more is not a baseline we wrote
_ENTRY_KEYS = {"path", "code", "text", "occurrence", "content", "fingerprint"}


class BaselineError(Exception):
    """A baseline file is missing, unreadable, corrupt, or of another format version."""


def _hash(*parts: str) -> str:
    import hashlib  # here: a run without a baseline or cache hashes nothing

    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def normal_path(path: str, root: str | None = None, climb: bool = False) -> str:
    """``path`` posix and relative to ``root`` (default: the current folder). A path outside
    ``root`` stays absolute, unless ``climb`` (then it goes up with '..', so a baseline kept in
    a sibling folder still works in another clone). Text read from '-' keeps its name."""
    if path == "-" or path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(root or os.curdir))
    except ValueError:  # another drive on Windows: no relative path exists
        return PurePath(absolute).as_posix()
    outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
    return PurePath(absolute if outside and not climb else relative).as_posix()


def _where(d: Diagnostic, root: str | None) -> str:
    """The path of a finding, with its record in a JSON Lines file when it has one."""
    where = normal_path(d.path, root, climb=True)
    if d.record_id is not None:
        return f"{where}#{d.record_id}"
    return f"{where}#{d.record}" if d.record is not None else where


@dataclass(frozen=True, slots=True)
class Entry:
    """One remembered finding."""

    path: str
    code: str
    text: str         # the flagged text, shortened: for people, not used for matching
    occurrence: int   # 0 for the first (path, code, text) in reading order, 1 for a repeat, ...
    content: str      # hash of code, full flagged text and occurrence: the same wherever the file is
    fingerprint: str  # hash of path and content

    def to_json(self) -> dict[str, Any]:
        """The entry as it is stored."""
        return {"path": self.path, "code": self.code, "text": self.text,
                "occurrence": self.occurrence, "content": self.content, "fingerprint": self.fingerprint}


def entries(diagnostics: Iterable[Diagnostic], root: str | None = None) -> list[tuple[Diagnostic, Entry]]:
    """Each finding with its baseline entry (occurrences counted in reading order)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    pairs = []
    for d in sorted(diagnostics, key=lambda d: d.sort_key):
        path = _where(d, root)
        occurrence = seen[(path, d.code, d.snippet)]
        seen[(path, d.code, d.snippet)] += 1
        content = _hash(d.code, d.snippet, str(occurrence))
        text = d.snippet if len(d.snippet) <= TEXT_SHOWN else d.snippet[:TEXT_SHOWN - 1] + "…"
        pairs.append((d, Entry(path, d.code, text, occurrence, content, _hash(path, content))))
    return pairs


def fingerprints(diagnostics: Iterable[Diagnostic], root: str | None = None) -> dict[Diagnostic, str]:
    """The fingerprint of each finding (as ``newslint baseline`` would record it)."""
    return {d: e.fingerprint for d, e in entries(diagnostics, root)}


# -- the file ------------------------------------------------------------------------------
@dataclass(frozen=True)
class MadeBy:
    """What made a baseline: newslint's version and its installed extras (``newslint.extras``)."""

    version: str
    extras: tuple[str, ...]

    @classmethod
    def now(cls) -> MadeBy:
        """This newslint."""
        from newslint import __version__
        from newslint.extras import installed_extras

        return cls(__version__, installed_extras())

    def to_json(self) -> dict[str, Any]:
        """As the baseline file keeps it."""
        return {"version": self.version, "extras": list(self.extras)}


@dataclass(frozen=True)
class Baseline:
    """The findings recorded in a baseline file, and the folder their paths are relative to."""

    entries: tuple[Entry, ...]
    root: str
    made_by: MadeBy | None = None  # None in a file written before it was recorded

    def dumps(self) -> str:
        """The file's text: sorted, pretty JSON, one key per line, stable across runs."""
        items = sorted(self.entries, key=lambda e: (e.path, e.code, e.occurrence, e.text, e.fingerprint))
        data: dict[str, Any] = {FORMAT_KEY: FORMAT_VERSION}
        if self.made_by is not None:
            data[MADE_BY_KEY] = self.made_by.to_json()
        data["findings"] = [e.to_json() for e in items]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def extras_warning(self, path: str) -> str | None:
        """A warning when this run's extras differ from those that made the baseline."""
        from newslint.extras import difference, installed_extras

        if self.made_by is None:
            return None
        differs = difference(self.made_by.extras, installed_extras())
        if differs is None:
            return None
        return (f"baseline {path} was made with newslint {self.made_by.version} and extras "
                f"[{', '.join(self.made_by.extras) or 'none'}]; {differs}: rules may find other things "
                "than it recorded (install the same extras, or run `newslint baseline` again)")


def from_result(result: RunResult, baseline_path: str) -> Baseline:
    """A baseline of every finding in ``result``, with paths relative to the file's folder."""
    root = os.path.dirname(os.path.abspath(baseline_path))
    return Baseline(tuple(e for _, e in entries(result.diagnostics, root)), root, MadeBy.now())


def save(baseline: Baseline, path: str) -> None:
    """Write the baseline atomically: a temporary file in the same folder, fsync, os.replace."""
    from newslint.files import write_atomically

    try:
        write_atomically(path, baseline.dumps().encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror or exc}") from exc


def load(path: str) -> Baseline:
    """Read a baseline file; anything but a complete file of this format version is an error."""
    from newslint.files import read_regular

    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise BaselineError(f"baseline {path} does not exist; create it with `newslint baseline`") from None
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # also numbers too long to convert, deep nesting
        truncated = isinstance(exc, json.JSONDecodeError) and raw.strip() and not raw.rstrip().endswith(b"}")
        hint = " (the file looks truncated)" if truncated else ""
        raise BaselineError(f"baseline {path} is not valid JSON{hint}: {one_line(str(exc))}; "
                            "recreate it with `newslint baseline`") from None
    return Baseline(_parse(data, path), os.path.dirname(os.path.abspath(path)), _made_by(data, path))


def _parse(data: Any, path: str) -> tuple[Entry, ...]:
    """Check the shape of a decoded baseline and build its entries."""
    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise BaselineError(f"baseline {path} is not a newslint baseline (no {FORMAT_KEY!r} key)")
    version = data[FORMAT_KEY]
    if version != FORMAT_VERSION:
        raise BaselineError(f"baseline {path} has format version {one_line(repr(version))}; this "
                            f"newslint reads version {FORMAT_VERSION}: recreate it with `newslint baseline`")
    findings = data.get("findings")
    if not isinstance(findings, list) or set(data) - {MADE_BY_KEY} != {FORMAT_KEY, "findings"}:
        raise BaselineError(f"baseline {path}: expected the keys {FORMAT_KEY!r}, 'findings' (a list) "
                            f"and optionally {MADE_BY_KEY!r}")
    return tuple(_entry(item, index, path) for index, item in enumerate(findings))


def _made_by(data: dict[str, Any], path: str) -> MadeBy | None:
    """The header saying what made the baseline (None in an older file)."""
    if MADE_BY_KEY not in data:
        return None
    made = data[MADE_BY_KEY]
    if not isinstance(made, dict) or set(made) != {"version", "extras"} or not isinstance(
            made["version"], str) or not isinstance(made["extras"], list) or not all(
            isinstance(e, str) for e in made["extras"]):
        raise BaselineError(f"baseline {path}: {MADE_BY_KEY!r} must be {{\"version\": ..., \"extras\": [...]}}")
    return MadeBy(made["version"], tuple(made["extras"]))


def _entry(item: Any, index: int, path: str) -> Entry:
    where = f"baseline {path}: finding #{index + 1}"
    if not isinstance(item, dict) or set(item) != _ENTRY_KEYS:
        raise BaselineError(f"{where}: expected an object with the keys {', '.join(sorted(_ENTRY_KEYS))}")
    if not isinstance(item["occurrence"], int) or isinstance(item["occurrence"], bool) or not all(
            isinstance(item[k], str) for k in _ENTRY_KEYS - {"occurrence"}):
        raise BaselineError(f"{where}: 'occurrence' must be an integer and the other values strings")
    entry = Entry(**item)
    if entry.fingerprint != _hash(entry.path, entry.content):  # a hand edit or a damaged file
        raise BaselineError(f"{where}: fingerprint does not match its path and content")
    return entry


# -- filtering a run -------------------------------------------------------------------------
def recording(items: Iterable[Source | Problem], seen: list[str]) -> Iterator[Source | Problem]:
    """Pass ``items`` through, noting the path of every source (to tell fixed from unlinted)."""
    for item in items:
        seen.append(item.path)
        yield item


def apply(result: RunResult, baseline: Baseline, linted: Sequence[str] = ()
          ) -> tuple[RunResult, dict[Diagnostic, str]]:
    """Keep only the findings not in ``baseline``; count the baselined ones that are gone.

    Returns the filtered result and every kept finding's fingerprint (computed before
    filtering, so occurrence indices still count the hidden copies)."""
    pairs = entries(result.diagnostics, baseline.root)
    known = {e.fingerprint for e in baseline.entries}
    kept = [(d, e) for d, e in pairs if e.fingerprint not in known]
    present = {e.fingerprint for _, e in pairs}
    linted_paths = {normal_path(p, baseline.root, climb=True) for p in linted}
    gone = [e for e in baseline.entries if e.fingerprint not in present
            and (e.path.split("#")[0] in linted_paths or not _exists(e.path, baseline.root))]
    notes = list(result.notes)
    hidden = len(pairs) - len(kept)
    if hidden:
        notes.append(f"{hidden} baselined finding{'s' if hidden != 1 else ''} not shown.")
    if gone:
        notes.append(f"{len(gone)} fixed since baseline; run `newslint baseline` to prune.")
    moved = _moved(kept, gone, baseline.root)
    if moved:
        notes.append(f"{moved} new finding{'s' if moved != 1 else ''} match baselined findings of files "
                     "that no longer exist: renamed or moved files are reported as new "
                     "(the path is part of the fingerprint); run `newslint baseline` to accept them.")
    filtered = replace(result, diagnostics=[d for d, _ in kept], notes=notes)
    return filtered, {d: e.fingerprint for d, e in kept}


def _exists(entry_path: str, root: str) -> bool:
    return os.path.exists(os.path.join(root, entry_path.split("#")[0]))


def _moved(kept: list[tuple[Diagnostic, Entry]], gone: list[Entry], root: str) -> int:
    """How many new findings have the same content as a baselined finding of a vanished file."""
    vanished = Counter(e.content for e in gone if not _exists(e.path, root))
    return sum(1 for _, e in kept if vanished[e.content] > 0)


# -- what --baseline and --diff-base do to a `check` run ---------------------------------------
class Gate:
    """Holds a loaded baseline and/or a diff base for one run, and filters its result."""

    def __init__(self, baseline_path: str | None = None, diff_base: str | None = None):
        self.baseline = load(baseline_path) if baseline_path else None  # fail before linting
        self.diff_base = diff_base
        self.linted: list[str] = []
        self.fingerprints: dict[Diagnostic, str] | None = None

    def inputs(self, items: Iterable[Source | Problem]) -> Iterable[Source | Problem]:
        """The inputs, watched so a baseline can tell fixed findings from unlinted files."""
        return recording(items, self.linted) if self.baseline and not self.diff_base else items

    def lint_changed(self, linter: Any, items: Iterable[Source | Problem], jobs: int | None) -> RunResult:
        """Lint only what changed since the diff base; keep only findings it did not have."""
        from newslint.gitdiff import lint_changed

        result, self.fingerprints = lint_changed(linter, self.diff_base or "HEAD", items, jobs, self.linted)
        return result

    def filter(self, result: RunResult) -> RunResult:
        """Drop baselined findings (when there is a baseline) and note the fixed ones."""
        if self.baseline is None:
            return result
        result, self.fingerprints = apply(result, self.baseline, self.linted)
        return result


def fingerprints_for(diagnostics: Sequence[Diagnostic], known: Any = None) -> dict[Diagnostic, str]:
    """The fingerprints a reporter shows: those computed before baseline filtering when given
    (``ReportContext.fingerprints``), else computed now with paths relative to the current folder."""
    return dict(known) if known is not None else fingerprints(diagnostics)
