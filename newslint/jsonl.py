"""JSON Lines input: one article per line of a ``.jsonl`` (or ``.jsonl.gz``) file.

Each record is a JSON object; the article is its title field, a blank line, then its text
field (paragraphs separated by line breaks, as scrapers usually store them). Records are read
one at a time, so a file of any size streams through in constant memory. A record that is not
valid JSON, not an object, or has no text is reported as a problem naming its record number,
and the run goes on with the next one. The limit on an article's size applies to each record,
after decompression: a longer record is skipped (and never held in memory whole).
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from newslint.accept import RECORD_FIELD, record_entries
from newslint.files import open_regular
from newslint.sources import MAX_FILE_BYTES, Problem, ProblemKind, Source


@dataclass(frozen=True)
class Fields:
    """Where a record keeps its article: text, title, an identifier (the first id field
    present wins) and the site it comes from (the first site field present wins)."""

    text: str = "text"
    title: str | None = "title"
    ids: tuple[str, ...] = ("id", "url")
    sites: tuple[str, ...] = ("domain", "url")


class _OwningGzipFile(gzip.GzipFile):
    """A GzipFile that closes the file it reads when it is closed (GzipFile leaves it open)."""

    def __init__(self, raw: IO[bytes]):
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def open_jsonl(path: str) -> IO[bytes]:
    """The decompressed bytes of a JSON Lines file (a regular file; see ``newslint.files``)."""
    handle = open_regular(path)
    return _OwningGzipFile(handle) if path.lower().endswith(".gz") else handle


def pieces(handle: IO[bytes], limit: int | None = None) -> Iterator[tuple[int, bytes, bool]]:
    """Each line of ``handle`` as ``(number, piece, whole)``, reading at most ``limit + 1``
    bytes at a time (default: the size limit of an article): a line of up to ``limit`` bytes
    comes whole, a longer one in pieces (each with ``whole`` false), so no line, however long,
    is ever held in memory at once."""
    limit = MAX_FILE_BYTES if limit is None else limit
    number, started = 1, False
    while piece := handle.readline(limit + 1):
        ends = piece.endswith(b"\n")
        yield number, piece, not started and (ends or len(piece) <= limit)
        number, started = (number + 1, False) if ends else (number, True)


def article_of(record: dict[str, Any], fields: Fields) -> str | None:
    """The article text of one record (title, blank line, text), or None without text."""
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        return None
    title = record.get(fields.title) if fields.title else None
    body = text.replace("\r\n", "\n").strip("\n")
    if isinstance(title, str) and title.strip():
        return f"{title.strip()}\n\n{body}\n"
    return f"\n{body}\n"  # a leading blank line: the model sees no headline


def site_of(record: dict[str, Any], fields: Fields) -> str | None:
    """The site a record comes from: the host named by its first site field (a domain, or a
    URL), lower-cased, without a port or a leading ``www.``; None when no field names one."""
    for name in fields.sites:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            value = value.strip()
            try:
                host = urlsplit(value if "//" in value else "//" + value).hostname
            except ValueError:  # a malformed URL (a bad IPv6 literal) names no site
                continue
            if host:
                return host.removeprefix("www.")
    return None


def identifier_of(record: dict[str, Any], fields: Fields) -> str | None:
    """The record's identifier: the first of ``fields.ids`` holding a plain value (a string or a
    number, from JSON or from a dataframe's column), as text."""
    for name in fields.ids:
        value = record.get(name)
        if value is not None and not isinstance(value, (bool, dict, list, tuple)) and str(value):
            return str(value)
    return None


def record_source(record: Any, where: str, number: int, fields: Fields) -> Source | Problem:
    """One parsed record as a Source named ``where`` (record ``number`` in it), or a Problem
    saying why it cannot be linted."""
    if not isinstance(record, dict):
        return _problem(where, number, f"not a JSON object but {type(record).__name__}")
    article = article_of(record, fields)
    if article is None:
        return _problem(where, number, f"no text in field {fields.text!r}")
    try:
        accept = record_entries(record[RECORD_FIELD]) if RECORD_FIELD in record else ()
    except ValueError as exc:
        return _problem(where, number, str(exc))
    return Source(where, article, number, identifier_of(record, fields), site_of(record, fields), accept=accept)


def _problem(where: str, number: int, why: str) -> Problem:
    return Problem(f"{where}:{number}", ProblemKind.MALFORMED, f"record {number}: {why}")


def records(path: str, fields: Fields = Fields()) -> Iterator[Source | Problem]:
    """Each record of a JSON Lines file as a Source, or a Problem saying why it can't be."""
    try:
        handle = open_jsonl(path)
    except OSError as exc:
        yield Problem(path, ProblemKind.UNREADABLE, f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        try:
            skipped = 0
            for number, raw, whole in pieces(handle):
                if whole and raw.strip():
                    yield _record(path, number, raw, fields)
                elif not whole and number != skipped:  # said once; the rest of it is skipped
                    skipped = number
                    yield Problem(f"{path}:{number}", ProblemKind.TOO_LARGE, f"record {number}: more "
                                  f"than {MAX_FILE_BYTES:,} bytes, too large to be an article, skipped")
        except (OSError, EOFError, zlib.error) as exc:
            yield Problem(path, ProblemKind.UNREADABLE, f"cannot read file: {exc}")


def _record(path: str, number: int, raw: bytes, fields: Fields) -> Source | Problem:
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return _problem(path, number, f"not valid JSON ({exc})")
    return record_source(record, path, number, fields)
