"""NL200 invalid-utf8: the file is not valid UTF-8.

## What it does
Reports a file whose bytes do not decode as UTF-8, giving the byte offset of the first bad byte.

## Why is this bad?
Every other rule needs the text the writer meant. A file in another encoding (cp1252, Latin-1)
or a truncated multi-byte sequence loses characters for anyone who reads it as UTF-8, which is
what datasets and most tools assume. The other rules are skipped on such a file, and `--fix`
never rewrites it.

## Example
The bytes `Caf\xe9 society` (Latin-1 "é").

## Use instead
`Café society`, saved as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).

## Options
None.
"""
from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Finding, Options, Rule, Severity


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report where decoding failed; the replacement character stands at that place."""
    problem = doc.decode_problem
    if problem is None:
        return
    at = doc.text.find("\ufffd")
    at = max(at, 0)
    yield Finding(at, at + 1, f"file is not valid UTF-8: {problem.reason} at byte offset "
                  f"{problem.byte_offset}")


RULE = Rule(
    code="NL200",
    name="invalid-utf8",
    summary="The file is not valid UTF-8",
    doc=__doc__,
    check=check,
    severity=Severity.ERROR,
    runs_on_undecodable=True,
    bad_examples=(b"Caf\xe9 society\n\nThe caf\xe9 opened on Monday.\n",),
    good_examples=("Café society\n\nThe café opened on Monday.\n",),
)
