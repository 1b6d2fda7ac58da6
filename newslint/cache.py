"""A results cache: re-running over unchanged files reuses what the last run found.

An entry is the whole result of one file (findings, input problems and corpus signatures),
stored under a key made of the file's path and bytes and of a *salt* that changes whenever
anything that could change the result changes: newslint's version, the enabled rules and their
options, and the code of newslint and of every loaded rule module (their paths, sizes and
modification times, so editing a rule never serves a stale result).

Entries are compact JSON (``newslint.cache_entry``), checked field by field when read: an entry
is only data, never code, and one that is damaged or not what newslint wrote is ignored and
written again. They are written to a temporary file and renamed into place, so runs that share
the cache at the same time never see half an entry. The cache is only ever a copy: deleting the
folder is always safe.

The cache never follows a symbolic link and never deletes what it did not create. When the
cache folder, its ``v1`` folder or a configuration's folder is a link (or not a folder), the
cache is not used at all (``Cache.refused`` says why). Folders of configurations that no run
used for a week are removed, but only real folders named like a salt that hold the marker each
run leaves (a regular file, checked with ``lstat``; see ``prune``). The cache folder gets a
``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, so it is neither committed nor backed up.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
import time
from dataclasses import replace
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from newslint import __version__, cache_entry, confidence
from newslint.files import read_regular
from newslint.sources import MAX_FILE_BYTES, Problem, Source, read_file
from newslint.text.patterns import lazy_re

if TYPE_CHECKING:
    from newslint.runner import FileResult, Linter

DEFAULT_DIR = ".newslint_cache"
FORMAT = 1  # the name of the folder under the cache folder: v1
USED_MARKER = "last-used"  # touched by every run that uses a configuration's folder
STALE_AFTER_DAYS = 7  # a configuration no run used for this long has its results removed
SALT_NAME = lazy_re(r"[0-9a-f]{32}")  # only folders named like a salt are ever removed
ENTRY_MAX_BYTES = 4 * MAX_FILE_BYTES  # the result of one article: bigger is not an entry we wrote
ROOT_FILES = {
    ".gitignore": "# Created by newslint: a cache is never worth committing.\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This file is a cache directory tag created by newslint.\n"
                    "# For information about cache directory tags see https://bford.info/cachedir/\n",
}
_CREATE = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _real_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder itself, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _make_folder(path: Path) -> None:
    """Create the folder ``path`` unless it is there; ``NotADirectoryError`` when what is there
    is a link or not a folder (never created through, never used)."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(path)  # never follows a link at ``path``: an existing one is just "exists"
    if not _real_folder(path):
        raise NotADirectoryError(f"{path} is a symbolic link or not a folder; the cache is not used")


def _touch(path: Path, text: str = "", exclusive: bool = False) -> None:
    """Create (or, unless ``exclusive``, mark as modified now) the regular file ``path``,
    never through a link; OSError when that cannot be done."""
    fd = os.open(path, _CREATE | (os.O_EXCL if exclusive else 0), 0o666)
    try:
        if text:
            os.write(fd, text.encode("utf-8"))
        os.utime(fd if os.utime in os.supports_fd else path)
    finally:
        os.close(fd)


def prune(root: Path, keep: Path, now: float | None = None) -> list[Path]:
    """Remove the result folders of configurations (other than ``keep``) that no run used for
    ``STALE_AFTER_DAYS``: every config, version or rule edit starts a new folder, and old ones
    would otherwise pile up. Only folders newslint made are removed: ``root`` must be a real
    folder, and each removed one is a real folder named like a salt whose ``USED_MARKER`` is a
    regular file (checked with ``lstat``); links are never followed. A run still using a
    removed folder only loses its speed-up. Returns the folders removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    if not _real_folder(root):
        return removed
    try:
        with os.scandir(root) as found:
            folders = [entry.path for entry in found if entry.name != keep.name
                       and SALT_NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)]
    except OSError:
        return removed
    for folder in folders:
        try:
            marker = os.lstat(os.path.join(folder, USED_MARKER))
        except OSError:
            continue  # no marker: not a folder newslint made, or one in the making
        if stat.S_ISREG(marker.st_mode) and now - marker.st_mtime > STALE_AFTER_DAYS * 86400:
            shutil.rmtree(folder, ignore_errors=True)  # removes links inside, never their targets
            removed.append(Path(folder))
    return removed


def _code_stamp(linter: Linter) -> list[tuple[str, int, int]]:
    """Path, size and modification time of newslint's modules, its shipped data (the line
    model's weights, word lists: a retrained model changes results) and every loaded rule's module."""
    package = Path(__file__).resolve().parent
    files = set(package.rglob("*.py")) | set((package / "data").glob("*.json"))
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
        "format": [FORMAT, cache_entry.FORMAT],
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
        self.root = Path(folder)
        self.folder = self.root / f"v{FORMAT}" / salt(linter)
        self.refused: str | None = None  # why the cache is not used, when it is not
        try:
            self._prepare()
        except NotADirectoryError as exc:
            self.refused = str(exc)
            return
        except OSError:  # cannot be created (read-only, full): runs go on without a speed-up
            pass
        prune(self.folder.parent, keep=self.folder)

    def _prepare(self) -> None:
        """Make the cache's folders (real ones, not links), its marker files, and mark this
        configuration's folder as used today."""
        self.root.parent.mkdir(parents=True, exist_ok=True)  # where the user asked for it
        _make_folder(self.root)
        for name, text in ROOT_FILES.items():
            with contextlib.suppress(FileExistsError):
                _touch(self.root / name, text, exclusive=True)
        _make_folder(self.folder.parent)
        _make_folder(self.folder)
        with contextlib.suppress(OSError):  # a read-only cache folder still serves what it has
            _touch(self.folder / USED_MARKER)

    def _entry(self, source: Source, data: bytes, corpus: bool) -> Path:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + os.fsencode(source.path) + (b"\1" if corpus else b"\0"))
        key = digest.hexdigest()
        return self.folder / key[:2] / key

    def lint(self, linter: Linter, source: Source, corpus: bool) -> FileResult:
        """The cached result for ``source``, or lint it and remember the result."""
        if self.refused is not None:
            return linter.lint_source(source, corpus, use_cache=False)
        data = read_file(source.path)  # the same safe, bounded read as without the cache
        if isinstance(data, Problem):
            from newslint.runner import FileResult

            return FileResult(problems=[data])
        entry = self._entry(source, data, corpus)
        cached = self._load(entry, source.path)
        if cached is not None:
            return cached
        result = linter.lint_source(replace(source, data=data), corpus, use_cache=False)
        if not result.crashes:  # a crash may be fixed by the next run: never remember it
            self._store(entry, source.path, result)
        return result

    @staticmethod
    def _load(entry: Path, path: str) -> FileResult | None:
        try:
            raw = read_regular(str(entry), ENTRY_MAX_BYTES, follow=False)
        except OSError:  # missing, a link, too big: recompute (and overwrite)
            return None
        try:
            return cache_entry.decode(raw, path)
        except (ValueError, TypeError, RecursionError):  # damaged, planted or from another build
            return None

    @staticmethod
    def _store(entry: Path, path: str, result: FileResult) -> None:
        try:
            blob = cache_entry.encode(path, result)
        except cache_entry.Unstorable:
            return  # a plugin's corpus signature JSON cannot hold: lint this file every time
        temporary = None
        try:
            _make_folder(entry.parent)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, entry)  # replaces a link planted at ``entry``, never follows it
        except OSError:  # a read-only or full disk only costs the speed-up
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
