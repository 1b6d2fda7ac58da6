"""newslint on Ray Data: findings as columns, computed with ``Dataset.map_batches``.

Optional: ``pip install 'newslint[ray]'``. Rows are records linted as ``newslint check`` lints
a JSON Lines record (``text``, ``title``, ``id`` columns by default; see
``newslint.jsonl.Fields``); ``lint_ray_dataset`` adds ``newslint_findings`` (a list of finding
records: code, rule, message, severity, line/column span, character ``start``/``end``,
confidence, fix) and ``newslint_problem``. Without corpus rules the result stays lazy, like any
Ray Data transform.

Corpus-scope rules (NL403 near-duplicates) compare rows across every block, so no block's task
finishes them. Stage 1 keeps each row's signatures in a ``newslint_signatures`` column, in a
dataset materialised with its blocks in input order; stage 2 (``add_corpus_findings``) streams
that one column to the driver, finishes the rules as one machine would, and joins their findings
back with another ``map_batches``. ``finish_corpus=False`` stops after stage 1.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from newslint.integrations.corpus import corpus_codes, finish
from newslint.integrations.findings import Policy
from newslint.integrations.records import FINDINGS, SIGNATURES, column_types, fix_rows, join_corpus, lint_rows
from newslint.jsonl import Fields
from newslint.runner import Linter, prepare

WHERE = "<ray>"


def _with_columns(table: Any, columns: dict[str, list[Any]]) -> Any:
    """``table`` with ``columns`` set (replaced when present), each with newslint's Arrow type,
    so that every block has the same schema."""
    import pyarrow as pa

    types = column_types()
    for name, values in columns.items():
        if name in table.column_names:  # a text or title repaired, findings linted again
            index = table.column_names.index(name)
            array = pa.array(values, type=types.get(name, table.schema.field(index).type))
            table = table.set_column(index, name, array)
        else:
            table = table.append_column(name, pa.array(values, type=types.get(name)))
    return table


def _lint_batch(table: Any, linter: Linter, fields: Fields) -> Any:
    return _with_columns(table, lint_rows(linter, table.to_pylist(), fields, WHERE))


def lint_ray_dataset(dataset: Any, fields: Fields = Fields(), batch_size: int | None = None,
                     finish_corpus: bool = True, linter: Linter | None = None, **settings: Any) -> Any:
    """The dataset with ``newslint_findings`` and ``newslint_problem`` columns, each block
    linted as one batch (or in batches of ``batch_size`` rows); ``settings`` as for
    ``newslint.prepare`` (select, ignore, ...). With corpus rules selected, also finishes them
    (or, with ``finish_corpus=False``, returns stage 1 with its ``newslint_signatures``)."""
    linter = linter or prepare([], **settings)
    linted = dataset.map_batches(_lint_batch, batch_format="pyarrow", batch_size=batch_size,
                                 fn_kwargs={"linter": linter, "fields": fields})
    if not corpus_codes(linter):
        return linted.drop_columns([SIGNATURES])
    with _in_order(linted):  # computed once for both stages, its blocks in input order
        linted = linted.materialize()
    return add_corpus_findings(linted, linter) if finish_corpus else linted


@contextlib.contextmanager
def _in_order(dataset: Any) -> Iterator[None]:
    """Ray Data yields blocks in whatever order they finish unless told otherwise; stage 2 must
    see the rows in input order (NL403 reports the later of two copies). The setting lives on
    the dataset's context, which datasets derived from one another share, so it is put back."""
    options = dataset.context.execution_options
    before, options.preserve_order = options.preserve_order, True
    try:
        yield
    finally:
        options.preserve_order = before


def _join_batch(table: Any, found: dict[str, list[dict[str, Any]]]) -> Any:
    findings = join_corpus(table[FINDINGS].to_pylist(), table[SIGNATURES].to_pylist(), found)
    return _with_columns(table, {FINDINGS: findings}).drop_columns([SIGNATURES])


def add_corpus_findings(dataset: Any, linter: Linter | None = None, batch_size: int = 4096,
                        **settings: Any) -> Any:
    """Stage 2: finish the corpus rules over the ``newslint_signatures`` column (in the order
    the dataset gives its rows) and add their findings to ``newslint_findings``."""
    linter = linter or prepare([], **settings)
    with _in_order(dataset):
        batches = dataset.select_columns([SIGNATURES]).iter_batches(batch_size=batch_size, batch_format="pyarrow")
        found = finish(linter, (s for batch in batches for s in batch[SIGNATURES].to_pylist()))
    return dataset.map_batches(_join_batch, batch_format="pyarrow", batch_size=batch_size,
                               fn_kwargs={"found": found})


def filter_ray_dataset(dataset: Any, policy: Policy = Policy()) -> Any:
    """The rows whose ``newslint_findings`` do not meet ``policy`` (default: no
    error-severity finding)."""
    def keep(table: Any) -> Any:
        return table.filter([policy.reason(f) is None for f in table[FINDINGS].to_pylist()])

    return dataset.map_batches(keep, batch_format="pyarrow")


def _fix_batch(table: Any, linter: Linter, fields: Fields, unsafe: bool) -> Any:
    return _with_columns(table, fix_rows(linter, table.to_pylist(), fields, unsafe))


def fix_ray_dataset(dataset: Any, fields: Fields = Fields(), unsafe: bool = False, batch_size: int | None = None,
                    linter: Linter | None = None, **settings: Any) -> Any:
    """The dataset with the rules' safe fixes (and unsafe ones with ``unsafe``) applied to its
    text and title columns; ``newslint_findings`` holds what remains (corpus findings already
    there are kept) and ``newslint_fixed`` how many findings each row had fixed."""
    linter = linter or prepare([], **settings)
    return dataset.map_batches(_fix_batch, batch_format="pyarrow", batch_size=batch_size,
                               fn_kwargs={"linter": linter, "fields": fields, "unsafe": unsafe})
