"""Corpus-scope rules (NL403 near-duplicates) in two stages, for corpora split across workers.

A document rule needs only its document, so any split gives the same findings. A corpus rule
compares documents with each other: a worker that saw one shard can only compare within it, so
its findings would depend on how the corpus was split. So the integrations never finish corpus
rules per shard. Instead:

1. **Stage 1** (on every worker, with the document rules): each document's compact signatures
   become one JSON string (``stage_one``), kept beside the document (a column, a metadata field,
   a file), with a ``key`` to find the document again. Bytes (NL403's MinHash) travel as base64.
2. **Stage 2** (once, over every document's string, in the corpus's order): ``finish`` runs each
   corpus rule's ``finish`` over all of them, exactly as ``newslint check`` does on one machine,
   and returns the findings by key, to be joined back to their documents.

A third-party corpus rule's signature value must be JSON data (strings, numbers, lists,
string-keyed objects) or bytes to cross the stages; tuples come back as lists.
"""
from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from typing import Any

from newslint.document import Document
from newslint.integrations.findings import finding_record, offset
from newslint.rule import Scope
from newslint.runner import Anchor, FileResult, Linter
from newslint.sources import Source

_BYTES = "$bytes"


def corpus_codes(linter: Linter, enabled: bool = True) -> frozenset[str]:
    """The codes of the enabled corpus-scope rules (empty: stage 2 has nothing to do); with
    ``enabled=False``, of every loaded one."""
    rules = linter.resolved.rules if enabled else linter.all_rules
    return frozenset(r.code for r in rules if r.scope is Scope.CORPUS)


def key_of(stage_one_string: str | None) -> str | None:
    """The key a document's stage-1 string was kept under (None without one)."""
    return json.loads(stage_one_string)["key"] if stage_one_string else None


def _encode(value: Any, code: str) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {_BYTES: base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, (list, tuple)):
        return [_encode(v, code) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _encode(v, code) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"{code}: a signature of type {type(value).__name__} cannot be carried "
                    "between stages (JSON data or bytes only)")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_BYTES}:
            return base64.b64decode(value[_BYTES])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def stage_one(result: FileResult, doc: Document, key: str, name: str) -> str | None:
    """Stage 1: one document's corpus signatures as a JSON string (None when no corpus rule
    kept anything of it). ``key`` finds the document again; ``name`` is how other documents'
    findings refer to it (its id)."""
    if not result.signatures:
        return None
    kept = {}
    for code, (value, anchor) in sorted(result.signatures.items()):
        span = [offset(doc, anchor.line, anchor.column), offset(doc, anchor.end_line, anchor.end_column)]
        kept[code] = [_encode(value, code), anchor.to_data(), span]
    return json.dumps({"key": key, "name": name, "signatures": kept}, ensure_ascii=False)


def finish(linter: Linter, stage_ones: Iterable[str | None]) -> dict[str, list[dict[str, Any]]]:
    """Stage 2: finish the corpus rules over every document's stage-1 string (None for a
    document without signatures), given in the corpus's order (a rule such as NL403 reports the
    later of two documents); the finding records by document key. A corpus rule that raises
    is an error here, not a silent gap in the findings."""
    entries: dict[str, list[tuple[Source, Any, tuple]]] = {}
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for raw in stage_ones:
        if not raw:
            continue
        data = json.loads(raw)
        source = Source(data["name"], None, None, data["key"])
        for code, (value, anchor, span) in data["signatures"].items():
            entries.setdefault(code, []).append((source, _decode(value), Anchor.from_data(anchor)))
            spans[data["key"], code] = (span[0], span[1])
    result = linter.finish_corpus(entries)
    if result.crashes:
        raise RuntimeError("; ".join(str(c) for c in result.crashes))
    found: dict[str, list[dict[str, Any]]] = {}
    for d in result.diagnostics:
        key = d.record_id or ""
        found.setdefault(key, []).append(finding_record(d, span=spans.get((key, d.code))))
    return found
