"""newslint on Hugging Face ``datasets``: findings as columns, computed with ``Dataset.map``.

Optional: ``pip install 'newslint[hf]'``. Each row is a record (``text``, ``title``, ``id``
columns by default; see ``newslint.jsonl.Fields``) linted exactly as ``newslint check`` lints a
JSON Lines record. ``lint_dataset`` adds ``newslint_findings`` (a list of finding records:
code, rule, message, severity, line/column span, character ``start``/``end``, confidence, fix)
and ``newslint_problem`` (why a row could not be linted, else None), with
``map(batched=True, num_proc=N)``.

Corpus-scope rules (NL403 near-duplicates) compare rows across every shard, so a shard's
process never finishes them. Stage 1 (in ``map``) keeps each row's signatures in a
``newslint_signatures`` column; stage 2 (``add_corpus_findings``, once, in this process) reads
that column in row order, finishes the rules as one machine would, and adds their findings to
the rows they are about. ``lint_dataset`` does both unless ``finish_corpus=False``: then lint
shards separately, ``datasets.concatenate_datasets`` them, and call ``add_corpus_findings``.
"""
from __future__ import annotations

import hashlib
from typing import Any

from newslint.integrations.corpus import corpus_codes, finish
from newslint.integrations.findings import Policy
from newslint.integrations.records import (FINDINGS, FIXED, PROBLEM, SIGNATURES, column_types, fix_rows,
                                           join_corpus, lint_rows, rows_of)
from newslint.jsonl import Fields
from newslint.runner import Linter, prepare

WHERE = "<dataset>"


def _features(dataset: Any, *columns: str) -> Any:
    """The dataset's features with newslint's columns typed (so no shard guesses a type)."""
    import pyarrow as pa
    from datasets import Features

    types = column_types()
    features = dataset.features.copy()
    features.update(Features.from_arrow_schema(pa.schema([(c, types[c]) for c in columns])))
    return features


def fingerprint(dataset: Any, step: str, linter: Linter, *arguments: Any) -> str | None:
    """The fingerprint under which ``datasets`` caches a newslint step's result. Its own hash
    of the function and arguments misses the rules' code (functions pickle by name), so a
    result cached before a rule changed would be served again; newslint's cache salt (its
    version, the enabled rules and options, the code of every rule) goes into this one."""
    from newslint.cache import salt

    base = getattr(dataset, "_fingerprint", None)
    if base is None:
        return None
    blob = repr((base, step, salt(linter), arguments)).encode("utf-8")
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


def _lint_batch(batch: dict[str, list[Any]], indices: list[int], linter: Linter, fields: Fields
                ) -> dict[str, list[Any]]:
    return lint_rows(linter, rows_of(batch), fields, WHERE, indices[0] + 1 if indices else 1)


def lint_dataset(dataset: Any, fields: Fields = Fields(), num_proc: int | None = None,
                 batch_size: int = 256, finish_corpus: bool = True, linter: Linter | None = None,
                 **settings: Any) -> Any:
    """The dataset with ``newslint_findings`` and ``newslint_problem`` columns, linted in
    ``num_proc`` processes; ``settings`` as for ``newslint.prepare`` (select, ignore, ...).
    With corpus rules selected, also finishes them (or, with ``finish_corpus=False``, leaves
    their stage-1 ``newslint_signatures`` column for ``add_corpus_findings``)."""
    linter = linter or prepare([], **settings)
    corpus = bool(corpus_codes(linter))
    columns = (FINDINGS, PROBLEM, SIGNATURES)
    linted = dataset.map(_lint_batch, batched=True, batch_size=batch_size, num_proc=num_proc,
                         with_indices=True, fn_kwargs={"linter": linter, "fields": fields},
                         features=_features(dataset, *columns), desc="newslint",
                         new_fingerprint=fingerprint(dataset, "lint", linter, fields, batch_size))
    if not corpus:
        return linted.remove_columns(SIGNATURES)
    return add_corpus_findings(linted, linter, num_proc=num_proc) if finish_corpus else linted


def _join_batch(batch: dict[str, list[Any]], found: dict[str, list[dict[str, Any]]]) -> dict[str, list[Any]]:
    return {FINDINGS: join_corpus(batch[FINDINGS], batch[SIGNATURES], found)}


def add_corpus_findings(dataset: Any, linter: Linter | None = None, num_proc: int | None = None,
                        batch_size: int = 1000, **settings: Any) -> Any:
    """Stage 2: finish the corpus rules over the ``newslint_signatures`` column (in row order)
    and add their findings to ``newslint_findings``; the signatures column is dropped."""
    linter = linter or prepare([], **settings)
    column = dataset.select_columns([SIGNATURES])
    found = finish(linter, (s for batch in column.iter(batch_size=batch_size) for s in batch[SIGNATURES]))
    joined = dataset.map(_join_batch, batched=True, batch_size=batch_size, num_proc=num_proc,
                         fn_kwargs={"found": found}, features=_features(dataset, FINDINGS),
                         desc="newslint corpus")
    return joined.remove_columns(SIGNATURES)


def filter_dataset(dataset: Any, policy: Policy = Policy(), num_proc: int | None = None) -> Any:
    """The rows whose ``newslint_findings`` do not meet ``policy`` (default: no error-severity
    finding)."""
    def keep(batch: dict[str, list[Any]]) -> list[bool]:
        return [policy.reason(findings) is None for findings in batch[FINDINGS]]

    return dataset.filter(keep, batched=True, num_proc=num_proc, desc="newslint filter")


def _fix_batch(batch: dict[str, list[Any]], linter: Linter, fields: Fields, unsafe: bool) -> dict[str, list[Any]]:
    return fix_rows(linter, rows_of(batch), fields, unsafe)


def fix_dataset(dataset: Any, fields: Fields = Fields(), unsafe: bool = False, num_proc: int | None = None,
                batch_size: int = 256, linter: Linter | None = None, **settings: Any) -> Any:
    """The dataset with the rules' safe fixes (and unsafe ones with ``unsafe``) applied to its
    text and title columns, as ``newslint check --fix`` repairs a JSON Lines record;
    ``newslint_findings`` holds what remains (corpus findings already there are kept) and
    ``newslint_fixed`` how many findings each row had fixed."""
    linter = linter or prepare([], **settings)
    return dataset.map(_fix_batch, batched=True, batch_size=batch_size, num_proc=num_proc,
                       fn_kwargs={"linter": linter, "fields": fields, "unsafe": unsafe},
                       features=_features(dataset, FINDINGS, FIXED, PROBLEM), desc="newslint fix",
                       new_fingerprint=fingerprint(dataset, "fix", linter, fields, unsafe, batch_size))
