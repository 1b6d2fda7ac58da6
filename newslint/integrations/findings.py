"""Findings as plain data: one dict per finding, the same shape in every integration.

A finding record holds ``code``, ``rule``, ``message``, ``severity`` ("error", "warning",
"info"), 1-based ``line``/``column`` and ``end_line``/``end_column``, character offsets
``start``/``end`` into the article that was linted (its title, a blank line, then its text, as
``newslint check`` reads a JSON Lines record), ``confidence`` (in [0, 1], or None when the rule
gives none) and ``fix`` ("safe", "unsafe", or None when the rule offers no repair). ``Policy``
decides from these records whether a document should be dropped.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.document import Document
from newslint.rule import Severity
from newslint.runner import Diagnostic

# (name, kind) of every key of a finding record, in order; kinds map to Arrow types below.
FIELDS: tuple[tuple[str, str], ...] = (
    ("code", "str"), ("rule", "str"), ("message", "str"), ("severity", "str"),
    ("line", "int"), ("column", "int"), ("end_line", "int"), ("end_column", "int"),
    ("start", "int"), ("end", "int"), ("confidence", "float"), ("fix", "str"),
)
RANK = {Severity.INFO.value: 0, Severity.WARNING.value: 1, Severity.ERROR.value: 2}


def offset(doc: Document, line: int, column: int) -> int:
    """The character offset of a 1-based (line, column), the inverse of ``Document.position``."""
    lines = doc.lines
    base = lines[line - 1].start if 0 < line <= len(lines) else 0
    return base + column - 1


def finding_record(d: Diagnostic, doc: Document | None = None,
                   span: tuple[int, int] | None = None) -> dict[str, Any]:
    """One finding as a plain dict; its character offsets come from ``span`` or, given the
    document it was found in, from its line and column (None without either)."""
    if span is None and doc is not None:
        span = (offset(doc, d.line, d.column), offset(doc, d.end_line, d.end_column))
    start, end = span or (None, None)
    return {"code": d.code, "rule": d.rule, "message": d.message, "severity": d.severity.value,
            "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
            "start": start, "end": end, "confidence": d.confidence,
            "fix": d.fix.safety.value if d.fix is not None else None}


def merged(mine: Sequence[Mapping[str, Any]], extra: Iterable[Mapping[str, Any]]) -> list[Any]:
    """Two lists of finding records as one, each finding once, in output order (line, column,
    code)."""
    together = list(mine) + [f for f in extra if f not in mine]
    return sorted(together, key=lambda f: (f["line"], f["column"], f["code"]))


def arrow_type() -> Any:
    """The Arrow type of a list of finding records (so every shard and block agrees on it,
    even one whose findings all lack a confidence)."""
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.list_(pa.struct([(name, kinds[kind]) for name, kind in FIELDS]))


@dataclass(frozen=True)
class Policy:
    """Which findings make a document go: any at or above ``severity`` (None: severity alone
    drops nothing), or any whose code starts with, or whose rule name is, one of ``codes``.
    With ``min_confidence``, a finding whose rule gives a lower confidence does not count
    (findings without a confidence always count)."""

    severity: str | None = Severity.ERROR.value
    codes: Sequence[str] = ()
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        codes = (self.codes,) if isinstance(self.codes, str) else tuple(self.codes)
        object.__setattr__(self, "codes", codes)
        if self.severity is not None:
            severity = Severity(self.severity).value  # a ValueError names a wrong severity
            object.__setattr__(self, "severity", severity)

    def counts(self, finding: Mapping[str, Any]) -> bool:
        """Whether this one finding is reason enough to drop its document."""
        confidence = finding.get("confidence")
        if self.min_confidence is not None and confidence is not None and confidence < self.min_confidence:
            return False
        if self.severity is not None and RANK[finding["severity"]] >= RANK[self.severity]:
            return True
        return any(finding["code"].startswith(c.upper()) or finding["rule"] == c.lower() for c in self.codes)

    def reason(self, findings: Iterable[Mapping[str, Any]] | None) -> str | None:
        """Why the document should be dropped (the code of the first finding that counts,
        e.g. "NL201"), or None to keep it."""
        return next((f["code"] for f in findings or () if self.counts(f)), None)
