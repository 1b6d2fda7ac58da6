"""Reporters: small formatters that turn a run's results into text for people or machines.

Each reporter module exports ``render(result, context) -> str``; one whose output can be large
(JSON) also exports ``render_chunks(result, context)``, the same text in pieces, so that the
command line writes it as it is made instead of holding it whole. Formats are looked up by name
and imported only when used, so start-up stays fast.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newslint.rule import Rule
from newslint.runner import Diagnostic, RunResult

FORMATS: dict[str, str] = {
    "text": "newslint.reporters.text",
    "json": "newslint.reporters.json",
    "github": "newslint.reporters.github",
    "sarif": "newslint.reporters.sarif",
    "junit": "newslint.reporters.junit",
    "gitlab": "newslint.reporters.gitlab",
}
# Written in UTF-8 whatever the terminal's encoding: their standards say so (the others are for
# people, in the terminal's encoding, with what it cannot show escaped).
UTF8_FORMATS = frozenset({"json", "sarif", "junit", "gitlab"})


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings."""

    rules: Sequence[Rule] = ()
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    version: str = ""
    # each finding's baseline fingerprint, when --baseline or --diff-base computed them before
    # filtering (CI formats compute them from the findings otherwise)
    fingerprints: Mapping[Diagnostic, str] | None = None
    show_confidence: bool = False  # the text format shows each finding's confidence


Renderer = Callable[[RunResult, ReportContext], str]


def in_record(d: Diagnostic) -> str:
    """For a finding in a JSON Lines record, where it is, to add to a message shown against
    the record's line of the file: `` (record 17, id abc: line 3, column 5 of the article)``."""
    if d.record is None:
        return ""
    ident = f", id {d.record_id}" if d.record_id else ""
    return f" (record {d.record}{ident}: line {d.line}, column {d.column} of the article)"


def file_line(d: Diagnostic) -> int:
    """The line of the file a finding is on: a JSON Lines record is one line of its file, whose
    number is the record's; columns inside the article do not map to columns of the file."""
    return d.record if d.record is not None else d.line


@dataclass(frozen=True)
class RuleCount:
    """How many findings one rule made, and how many of them ``--fix`` can repair."""

    code: str
    name: str
    count: int
    fixable: int


def statistics_rows(result: RunResult) -> list[RuleCount]:
    """Findings counted per rule, most frequent first (``--statistics``)."""
    from collections import Counter

    from newslint.rule import FixSafety

    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    fixable = Counter((d.code, d.rule) for d in result.diagnostics
                      if d.fix is not None and d.fix.safety is FixSafety.SAFE)
    return [RuleCount(code, name, n, fixable[(code, name)])
            for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def get_renderer(name: str) -> Renderer:
    """The ``render`` function of the named format."""
    return importlib.import_module(FORMATS[name]).render


def get_chunk_renderer(name: str) -> Callable[[RunResult, ReportContext], Iterable[str]]:
    """The named format's ``render_chunks``, or its ``render`` giving one piece."""
    module = importlib.import_module(FORMATS[name])
    return getattr(module, "render_chunks", None) or (lambda result, context: (module.render(result, context),))
