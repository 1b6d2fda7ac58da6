"""JSON Lines input: one article per line of a ``.jsonl`` (or ``.jsonl.gz``) file.

Each record is a JSON object; the article is its title field, a blank line, then its text
field (paragraphs separated by line breaks, as scrapers usually store them). Records are read
one at a time, so a file of any size streams through in constant memory. A record that is not
valid JSON, not an object, or has no text is reported as a problem naming its record number,
and the run goes on with the next one.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from newslint.sources import Problem, ProblemKind, Source




@dataclass(frozen=True)
class Fields:
    """Where a record keeps its article: text, title, an identifier (the first id field
    present wins) and the site it comes from (the first site field present wins)."""

    text: str = "text"
    title: str | None = "title"
    ids: tuple[str, ...] = ("id", "url")
    sites: tuple[str, ...] = ("domain", "url")


def _open(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


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


def _identifier(record: dict[str, Any], fields: Fields) -> str | None:
    for name in fields.ids:
        value = record.get(name)
        if isinstance(value, (str, int)) and str(value):
            return str(value)
    return None


def records(path: str, fields: Fields = Fields()) -> Iterator[Source | Problem]:
    """Each record of a JSON Lines file as a Source, or a Problem saying why it can't be."""
    try:
        handle = _open(path)
    except OSError as exc:
        yield Problem(path, ProblemKind.UNREADABLE, f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        try:
            for number, raw in enumerate(handle, 1):
                if raw.strip():
                    yield _record(path, number, raw, fields)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Problem(path, ProblemKind.UNREADABLE, f"cannot read file: {exc}")


def _record(path: str, number: int, raw: bytes, fields: Fields) -> Source | Problem:
    def problem(why: str) -> Problem:
        return Problem(f"{path}:{number}", ProblemKind.MALFORMED, f"record {number}: {why}")

    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return problem(f"not valid JSON ({exc})")
    if not isinstance(record, dict):
        return problem(f"not a JSON object but {type(record).__name__}")
    article = article_of(record, fields)
    if article is None:
        return problem(f"no text in field {fields.text!r}")
    return Source(path, article, number, _identifier(record, fields), site_of(record, fields))
