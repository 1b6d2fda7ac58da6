"""Inputs: find the files to lint, and read one into a Document or say clearly why not.

Nothing here raises for bad input: every problem becomes a ``Problem`` naming the path, so one
bad file never stops a run.
"""
from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.document import Document
from newslint.files import TooLarge, read_limited, read_regular

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
MAX_FILE_BYTES = 50 * 1024 * 1024  # far beyond any article; bigger files are data dumps
BINARY_SNIFF_BYTES = 8192


class ProblemKind(str, enum.Enum):
    """What went wrong with an input; ``is_error`` kinds make the exit code 2."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    BINARY = "binary"
    TOO_LARGE = "too-large"
    EMPTY = "empty"
    NOTHING_TO_LINT = "nothing-to-lint"
    MALFORMED = "malformed"
    NOT_WRITTEN = "not-written"  # --fix could not (or would not safely) write a file

    @property
    def is_error(self) -> bool:
        """Empty inputs and empty folders are worth a warning, not a failed run."""
        return self not in (ProblemKind.EMPTY, ProblemKind.NOTHING_TO_LINT)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be linted, and why."""

    path: str
    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    """One article to lint: a file path, or text already in memory (stdin, a JSONL record);
    ``site``: the site it comes from when the input says (None: the folder holding it)."""

    path: str
    data: bytes | str | None = None
    record: int | None = None
    record_id: str | None = None
    site: str | None = None
    accept: tuple[tuple[str, str | None], ...] = ()  # a record's own accepted (code, text) pairs


def discover(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str],
             fields: Any = None, root: str | Path | None = None,
             respect_gitignore: bool = False, records: bool = True) -> Iterator[Source | Problem]:
    """Articles to lint under ``paths`` in a stable order: folders are walked (hidden entries,
    ``exclude``d and, with ``respect_gitignore``, git-ignored ones skipped; ``include``d files
    kept); named files are taken as they are unless excluded. Patterns are gitignore-style,
    relative to ``root`` (default: the current folder; see ``newslint.paths``). A JSON Lines
    file yields one article per record, read lazily (``fields``: a ``newslint.jsonl.Fields``),
    unless ``records`` is false (then the file itself, as when listing what would be linted)."""
    from newslint.paths import Walker

    walker = Walker(Path(root) if root is not None else Path.cwd(), include, exclude, respect_gitignore)
    for raw in paths:
        if raw == STDIN:
            yield read_stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            found = _walk(raw, walker)
            yield from _expand(found, fields) if records else found
        elif path.exists() or path.is_symlink():
            if not walker.excluded(raw):
                yield from _expand([Source(raw)], fields) if records else [Source(raw)]
        else:
            yield Problem(raw, ProblemKind.MISSING, "no such file or folder")


def _expand(items: Iterable[Source | Problem], fields: Any) -> Iterator[Source | Problem]:
    """Replace each JSON Lines file by its records."""
    for item in items:
        if isinstance(item, Source) and item.path.lower().endswith(JSONL_SUFFIXES):
            from newslint.jsonl import Fields, records

            yield from records(item.path, fields or Fields())
        else:
            yield item


def _walk(root: str, walker: Any) -> Iterator[Source | Problem]:
    found = False
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not walker.skipped(os.path.join(folder, d), True))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if walker.skipped(path, False):
                continue
            found = True
            yield Source(path)
    if not found:
        yield Problem(root, ProblemKind.NOTHING_TO_LINT,
                      f"no files to lint (include: {', '.join(walker.include)})")


def too_large(path: str, exc: TooLarge) -> Problem:
    """The problem of an input over the size limit."""
    return Problem(path, ProblemKind.TOO_LARGE,
                   f"file is too large to be an article ({exc.strerror}), skipped")


def read_file(path: str) -> bytes | Problem:
    """The bytes of the article file ``path``: only a regular file (or a link to one), never
    more than ``MAX_FILE_BYTES``; a FIFO, device or socket is a Problem, and never blocks."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except TooLarge as exc:
        return too_large(path, exc)
    except IsADirectoryError:
        return Problem(path, ProblemKind.UNREADABLE, "is a folder, not a file")
    except OSError as exc:
        return Problem(path, ProblemKind.UNREADABLE, f"cannot read file: {exc.strerror or exc}")


def read_stdin(path: str = STDIN) -> Source | Problem:
    """The article piped to stdin (shown as ``path``), read up to ``MAX_FILE_BYTES``."""
    try:
        return Source(path, read_limited(sys.stdin.buffer.read, MAX_FILE_BYTES))
    except TooLarge as exc:
        return too_large(path, exc)


def read_document(source: Source) -> Document | Problem:
    """Read and decode one source; a Problem says why it cannot be linted."""
    data = source.data if source.data is not None else read_file(source.path)
    if isinstance(data, Problem):
        return data
    if isinstance(data, str):
        doc = Document(data, source.path, site=source.site)
    else:
        if len(data) > MAX_FILE_BYTES:  # bytes already in memory (a git revision, the library API)
            return too_large(source.path, TooLarge(MAX_FILE_BYTES, len(data)))
        if b"\0" in data[:BINARY_SNIFF_BYTES]:
            return Problem(source.path, ProblemKind.BINARY, "binary file (contains NUL bytes), skipped")
        doc = Document.from_bytes(data, source.path, source.site)
    if not doc.text.strip():
        return Problem(source.path, ProblemKind.EMPTY, "empty file: nothing to lint")
    return doc
