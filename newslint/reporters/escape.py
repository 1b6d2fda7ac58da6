"""Showing text from articles and file names safely: every reporter escapes through here.

An article (or a record id, or a file name) may hold anything: terminal escape sequences that
set the window title, clear the screen or make links; bidi overrides that reorder what is shown;
invisible characters; lone surrogates from a JSON ``"\\ud800"``; bytes of a file name that are not
UTF-8 (Python keeps them as surrogates, ``os.fsdecode``). None of it may reach a terminal or a CI
page raw, and none of it may make writing the output fail.

``shown`` escapes, in one line of text:

- control characters (C0, DEL, C1, so ESC and every CSI/OSC sequence): ``\\x1b``, ``\\t``, ``\\n``;
- a byte of a file name that is not UTF-8: ``\\xe9`` (the byte itself);
- format characters (bidi overrides and isolates, zero-width space, soft hyphen, BOM, tag
  characters), line and paragraph separators, other lone surrogates and U+FFFE/U+FFFF:
  ``<U+202E>``. Zero-width joiner and non-joiner (U+200D, U+200C) are kept: they are part of
  emoji sequences and of words in Persian and Indic scripts, and reorder nothing.

Machine formats keep their data exact where they can (``json_text`` only escapes lone
surrogates, which UTF-8 cannot hold), and all output is written by ``write``, which never fails
on a character its stream cannot encode; a diff by ``write_exact``, byte for byte for ``patch``.
"""
from __future__ import annotations

from typing import IO

import regex

from newslint.text.patterns import lazy_re, lazy_regex

UNSAFE = lazy_regex(r"[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\uFFFE\uFFFF--[\u200C\u200D]]", regex.V1)
_SURROGATES = lazy_re("[\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escaped(char: str) -> str:
    """How one unsafe character is shown."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"<U+{code:04X}>"


def shown(text: str) -> str:
    """``text`` as one line that is safe to show anywhere: unsafe characters escaped."""
    return UNSAFE.sub(lambda m: escaped(m.group()), text)


def shown_lines(text: str) -> str:
    """``text`` safe to show, its line breaks (LF) kept."""
    return "\n".join(shown(line) for line in text.split("\n"))


def json_text(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) made valid UTF-8: each lone
    surrogate, which can only be inside a string, becomes its escape shown as text."""
    return _SURROGATES.sub(lambda m: escaped(m.group()).replace("\\", "\\\\"), dumped)


def write(stream: IO[str], text: str, encoding: str | None = None) -> None:
    """Write ``text`` to ``stream`` in ``encoding`` (default: the stream's own); a character it
    cannot encode is written as a backslash escape rather than failing the run."""
    binary = getattr(stream, "buffer", None)
    encoding = encoding or getattr(stream, "encoding", None) or "utf-8"
    if binary is None:  # a text-only stream (a StringIO): it gets what the encoding can hold
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    else:
        stream.flush()
        binary.write(text.encode(encoding, "backslashreplace"))
        binary.flush()


def write_exact(stream: IO[str], data: bytes) -> None:
    """Bytes meant for a program (a diff for ``patch``) exactly as they are; on a terminal,
    where a person reads them, shown safely instead."""
    if stream.isatty():
        write(stream, shown_lines(data.decode("utf-8", "surrogateescape")))
    else:
        stream.flush()
        stream.buffer.write(data)  # type: ignore[attr-defined]
        stream.buffer.flush()  # type: ignore[attr-defined]
