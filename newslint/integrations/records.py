"""Records (dicts with a text, a title and an id) linted or fixed one at a time, for any engine.

A record's article is built exactly as ``newslint check`` builds one from a JSON Lines record
(``newslint.jsonl.article_of``: title, blank line, text), so an integration finds what the
command finds on the same records. Results are plain data: finding records
(``newslint.integrations.findings``), the stage-1 string of corpus signatures
(``newslint.integrations.corpus``), and a problem message when the record could not be linted.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newslint.document import Document
from newslint.fixes import fix_document, repaired_record
from newslint.integrations.corpus import corpus_codes, key_of, stage_one
from newslint.integrations.findings import arrow_type, finding_record, merged
from newslint.jsonl import Fields, record_source
from newslint.runner import FileResult, Linter
from newslint.sources import Problem, ProblemKind, Source, read_document

# Column (or metadata) names the integrations add.
FINDINGS = "newslint_findings"
SIGNATURES = "newslint_signatures"
PROBLEM = "newslint_problem"
FIXED = "newslint_fixed"


def column_types() -> dict[str, Any]:
    """The Arrow type of each column the integrations add (so that every shard and block
    agrees on them, even one whose findings all lack a confidence)."""
    import pyarrow as pa

    return {FINDINGS: arrow_type(), SIGNATURES: pa.string(), PROBLEM: pa.string(), FIXED: pa.int64()}


def as_source(item: Any, where: str, number: int, fields: Fields = Fields()) -> Source | Problem:
    """An item as a Source: a Source, a file path, or a record dict (text, title, id);
    records are named by ``where`` and their ``number`` in it."""
    if isinstance(item, Source):
        return item
    if isinstance(item, str):
        return Source(item)
    if isinstance(item, dict):
        return record_source(item, where, number, fields)
    return Problem(f"{where}:{number}", ProblemKind.MALFORMED, f"record {number}: not a path, Source or dict")


@dataclass(frozen=True)
class Linted:
    """What linting one record produced, as plain data."""

    findings: list[dict[str, Any]]
    signatures: str | None  # stage 1 of the corpus rules; None when none kept anything
    problem: str | None     # why the record was not (fully) linted, else None


def _records_of(result: FileResult, doc: Document) -> list[dict[str, Any]]:
    return [finding_record(d, doc) for d in sorted(result.diagnostics, key=lambda d: d.sort_key)]


def _problem(result: FileResult) -> str | None:
    return "; ".join(str(p) for p in (*result.problems, *result.crashes)) or None


def _read(record: Mapping[str, Any], fields: Fields, where: str, number: int) -> tuple[Source, Document] | Problem:
    source = record_source(dict(record), where, number, fields)
    if isinstance(source, Problem):
        return source
    doc = read_document(source)
    return doc if isinstance(doc, Problem) else (source, doc)


def lint_record(linter: Linter, record: Mapping[str, Any], fields: Fields = Fields(),
                where: str = "<record>", number: int = 1, key: str | None = None) -> Linted:
    """Lint one record with every enabled rule; corpus rules only keep their signatures, under
    ``key`` (default: the record's id)."""
    read = _read(record, fields, where, number)
    if isinstance(read, Problem):
        return Linted([], None, str(read))
    source, doc = read
    result = linter.lint_document(doc, source, corpus=True)
    name = source.record_id or f"{where}:{number}"
    return Linted(_records_of(result, doc), stage_one(result, doc, key or name, name), _problem(result))


@dataclass(frozen=True)
class Fixed:
    """What fixing one record produced: the record with its title and text repaired."""

    record: dict[str, Any]
    fixed: int                       # how many findings' fixes were applied
    findings: list[dict[str, Any]]   # the document findings that remain
    problem: str | None


def fix_record(linter: Linter, record: Mapping[str, Any], fields: Fields = Fields(),
               unsafe: bool = False) -> Fixed:
    """Apply the rules' fixes (safe ones only, unless ``unsafe``) to one record's title and
    text, as ``newslint check --fix`` does to a JSON Lines record."""
    read = _read(record, fields, "<record>", 1)
    if isinstance(read, Problem):
        return Fixed(dict(record), 0, [], str(read))
    source, doc = read
    outcome = fix_document(linter, doc, source, unsafe)
    if not outcome.settled:
        return Fixed(dict(record), 0, _records_of(outcome.result, doc),
                     "fixes did not settle (two rules' fixes may undo each other); left as it was")
    if outcome.text == doc.text:
        return Fixed(dict(record), 0, _records_of(outcome.result, doc), _problem(outcome.result))
    try:
        repaired = repaired_record(dict(record), doc.text, outcome.text, fields)
    except ValueError as exc:
        original = linter.lint_document(doc, source, corpus=False)
        return Fixed(dict(record), 0, _records_of(original, doc), f"not fixed: {exc}")
    remaining = _records_of(outcome.result, Document(outcome.text))
    return Fixed(repaired, outcome.fixed, remaining, _problem(outcome.result))


# -- batches of rows (Hugging Face datasets, Ray Data) ---------------------------------------
def lint_rows(linter: Linter, rows: Iterable[Mapping[str, Any]], fields: Fields = Fields(),
              where: str = "<record>", first: int = 1) -> dict[str, list[Any]]:
    """Lint records into three columns: findings, stage-1 signatures (each under a fresh random
    key, unique however the corpus is split) and problem."""
    columns: dict[str, list[Any]] = {FINDINGS: [], SIGNATURES: [], PROBLEM: []}
    for number, row in enumerate(rows, first):
        linted = lint_record(linter, row, fields, where, number, uuid.uuid4().hex)
        columns[FINDINGS].append(linted.findings)
        columns[SIGNATURES].append(linted.signatures)
        columns[PROBLEM].append(linted.problem)
    return columns


def join_corpus(findings: Sequence[list[dict[str, Any]]], signatures: Sequence[str | None],
                found: Mapping[str, list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Each row's findings with the corpus findings stage 2 ``found`` for it added."""
    return [merged(mine, found.get(key_of(raw) or "", ())) for mine, raw in zip(findings, signatures)]


def fix_row(linter: Linter, row: Mapping[str, Any], fields: Fields = Fields(), unsafe: bool = False) -> Fixed:
    """``fix_record`` on a row that may hold findings already (``newslint_findings``): the
    corpus findings among them are kept beside the document findings that remain."""
    fixed = fix_record(linter, row, fields, unsafe)
    corpus = corpus_codes(linter, enabled=False)
    kept = [f for f in row.get(FINDINGS) or () if f["code"] in corpus]
    return replace(fixed, findings=merged(fixed.findings, kept))


def fix_rows(linter: Linter, rows: Iterable[Mapping[str, Any]], fields: Fields = Fields(),
             unsafe: bool = False) -> dict[str, list[Any]]:
    """Fix records into columns: the repaired text (and title, when the rows have one), the
    findings that remain, how many were fixed, and problem."""
    columns: dict[str, list[Any]] = {fields.text: [], FINDINGS: [], FIXED: [], PROBLEM: []}
    for row in rows:
        fixed = fix_row(linter, row, fields, unsafe)
        if fields.title and fields.title in row:
            columns.setdefault(fields.title, []).append(fixed.record.get(fields.title))
        columns[fields.text].append(fixed.record.get(fields.text))
        columns[FINDINGS].append(fixed.findings)
        columns[FIXED].append(fixed.fixed)
        columns[PROBLEM].append(fixed.problem)
    return columns


def rows_of(columns: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """A batch given as columns (name -> values) as a list of row dicts."""
    names = list(columns)
    return [dict(zip(names, values)) for values in zip(*(columns[n] for n in names))]
