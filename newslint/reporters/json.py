"""The JSON format: an array of findings, one object each (the documented contract).

Values are exact (JSON escapes control characters itself), except lone surrogates, which UTF-8
cannot hold: a file name's byte that is not UTF-8 becomes ``\\xe9``, another lone surrogate
``<U+D800>`` (``escape.json_text``)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newslint.reporters import ReportContext, statistics_rows
from newslint.reporters.escape import json_text
from newslint.runner import Diagnostic, LocatedFix, RunResult


def fix_to_json(fix: LocatedFix) -> dict[str, Any]:
    """A fix as JSON: applicability, description and located edits."""
    return {
        "applicability": fix.safety.value,
        "message": fix.description,
        "edits": [{"content": e.replacement,
                   "location": {"line": e.start_line, "column": e.start_column},
                   "end_location": {"line": e.end_line, "column": e.end_column}}
                  for e in fix.edits],
    }


def diagnostic_to_json(d: Diagnostic) -> dict[str, Any]:
    """One finding as a JSON object."""
    item: dict[str, Any] = {
        "path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line,
        "end_column": d.end_column, "code": d.code, "rule": d.rule, "message": d.message,
        "severity": d.severity.value, "confidence": d.confidence,
    }
    if d.fix is not None:
        item["fix"] = fix_to_json(d.fix)
    if d.record is not None:
        item["record"] = d.record
        item["record_id"] = d.record_id
    return item


def render(result: RunResult, context: ReportContext) -> str:
    """All findings as a JSON array; with ``--statistics``, the count per rule instead (as ruff)."""
    return "".join(render_chunks(result, context))


def render_chunks(result: RunResult, context: ReportContext) -> Iterator[str]:
    """``render``'s text in pieces of about 64 KB (or one finding), each finding made when
    reached: fixes that carry whole lines make a report much larger than the findings it comes
    from. The text is ``json.dumps(findings, indent=2)``'s: each item dumped alone and indented
    one level (JSON strings hold no raw line break, so every line break is the layout's)."""
    if context.statistics:
        items: Iterable[dict[str, Any]] = [{"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable}
                                           for r in statistics_rows(result)]
    else:
        items = map(diagnostic_to_json, result.diagnostics)
    pieces: list[str] = []
    size, separator = 0, "[\n  "
    for item in items:
        pieces.append(separator + json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  "))
        size, separator = size + len(pieces[-1]), ",\n  "
        if size >= _PIECE:
            yield json_text("".join(pieces))
            pieces, size = [], 0
    yield json_text("".join(pieces)) + ("[]\n" if separator.startswith("[") else "\n]\n")


_PIECE = 1 << 16  # characters
