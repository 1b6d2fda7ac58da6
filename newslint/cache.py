"""A results cache: re-running over unchanged files reuses what the last run found.

An entry is the whole result of one file (findings, input problems, rule crashes and corpus
signatures), stored under a key made of the file's path and bytes and of a *salt* that changes
whenever anything that could change the result changes: newslint's version, the enabled rules
and their options, and the code of newslint and of every loaded rule module (their paths, sizes
and modification times, so editing a rule never serves a stale result).

Entries are written to a temporary file and renamed into place, so runs that share the cache
at the same time never see half an entry; an entry that cannot be read is ignored and written
again. The cache is only ever a copy: deleting the folder is always safe. Folders of
configurations that no run used for a week are removed (see ``prune``).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from newslint import __version__, confidence
from newslint.sources import MAX_FILE_BYTES, Source

if TYPE_CHECKING:
    from newslint.runner import FileResult, Linter

DEFAULT_DIR = ".newslint_cache"
FORMAT = 1
USED_MARKER = "last-used"  # touched by every run that uses a configuration's folder
STALE_AFTER_DAYS = 7  # a configuration no run used for this long has its results removed


def prune(root: Path, keep: Path, now: float | None = None) -> list[Path]:
    """Remove the result folders of configurations (other than ``keep``) that no run used for
    ``STALE_AFTER_DAYS``: every config, version or rule edit starts a new folder, and old ones
    would otherwise pile up. A run still using a removed folder only loses its speed-up: a
    missing entry is recomputed and written again. Returns the folders removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        folders = [f for f in root.iterdir() if f.is_dir() and f != keep]
    except OSError:
        return removed
    for folder in folders:
        try:
            used = (folder / USED_MARKER).stat().st_mtime
        except OSError:
            try:
                used = folder.stat().st_mtime
            except OSError:
                continue
        if now - used > STALE_AFTER_DAYS * 86400:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _code_stamp(linter: Linter) -> list[tuple[str, int, int]]:
    """Path, size and modification time of newslint's modules and every loaded rule's module."""
    package = Path(__file__).resolve().parent
    files = set(package.rglob("*.py"))
    for rule in linter.all_rules:
        for fn in (rule.check, rule.collect, rule.finish):
            module = sys.modules.get(getattr(fn, "__module__", "") or "")
            if module is not None and getattr(module, "__file__", None):
                files.add(Path(module.__file__).resolve())  # type: ignore[arg-type]
    stamp = []
    for path in sorted(files):
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return stamp


def salt(linter: Linter) -> str:
    """What, besides a file's bytes, decides its result."""
    rules = linter.resolved
    settings = {
        "format": FORMAT,
        "version": __version__,
        "python": sys.version_info[:2],
        "rules": [r.code for r in rules.rules],
        "options": {code: dict(opts) for code, opts in sorted(rules.options.items())},
        "per-file-ignores": rules.config.per_file_ignores,
        # findings below a rule's min-confidence are dropped before they are stored, and the
        # calibration table decides each finding's confidence
        "min-confidence": sorted(rules.min_confidence.items()),
        "calibration": confidence.digest(),
        "extras": sorted({module: find_spec(module) is not None
                          for rule in rules.rules for module, _ in rule.extras}.items()),
        "code": _code_stamp(linter),
    }
    blob = json.dumps(settings, sort_keys=True, default=str).encode("utf-8")
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


class Cache:
    """File results on disk under ``folder``, for one linter configuration."""

    def __init__(self, folder: str | Path, linter: Linter):
        root = Path(folder) / f"v{FORMAT}"
        self.folder = root / salt(linter)
        self._mark_used()
        prune(root, keep=self.folder)

    def _mark_used(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / USED_MARKER).touch()
        except OSError:
            pass  # a read-only cache folder still serves what it has

    def _entry(self, source: Source, data: bytes, corpus: bool) -> Path:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + os.fsencode(source.path) + (b"\1" if corpus else b"\0"))
        key = digest.hexdigest()
        return self.folder / key[:2] / key

    def lint(self, linter: Linter, source: Source, corpus: bool) -> FileResult:
        """The cached result for ``source``, or lint it and remember the result."""
        try:
            if os.path.getsize(source.path) > MAX_FILE_BYTES:
                return linter.lint_source(source, corpus, use_cache=False)
            with open(source.path, "rb") as handle:
                data = handle.read()
        except OSError:
            return linter.lint_source(source, corpus, use_cache=False)  # reports the problem
        entry = self._entry(source, data, corpus)
        cached = self._load(entry)
        if cached is not None:
            return cached
        result = linter.lint_source(replace(source, data=data), corpus, use_cache=False)
        if not result.crashes:  # a crash may be fixed by the next run: never remember it
            self._store(entry, result)
        return result

    @staticmethod
    def _load(entry: Path) -> FileResult | None:
        try:
            with open(entry, "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # corrupt or from an incompatible build: recompute and overwrite
            return None

    @staticmethod
    def _store(entry: Path, result: FileResult) -> None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except OSError:
            pass  # a read-only or full disk only costs the speed-up
