"""Run newslint on Dask: lint a bag (or dataframe) of articles across a cluster.

Optional: ``pip install 'newslint[dask]'``; Dask is imported only when these functions run.
Each partition is linted on a worker with the same rules and options as a local run; corpus
rules send back only their compact signatures, which are finished once on the client, so
cross-file findings (near-duplicates) are the same as on one machine.

    from dask import bag as db
    from distributed import Client
    from newslint.dask import lint_bag

    client = Client("tcp://scheduler:8786")
    result = lint_bag(db.from_sequence(paths, npartitions=64))          # file paths
    result = lint_bag(db.read_text("s3://crawl/*.jsonl").map(json.loads))   # records (dicts)
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from newslint.integrations.records import as_source
from newslint.jsonl import Fields
from newslint.runner import FileResult, Linter, RunResult, gather, prepare
from newslint.sources import Problem, Source


def _lint_partition(items: Sequence[Any], linter: Linter, fields: Fields, partition: int,
                    folder: str = "") -> list[tuple[Source, FileResult]]:
    """Lint one partition on a worker; only compact results travel back. A relative file path
    is read from ``folder``, the client's current folder (a worker's own may be any other), and
    reported as it was given."""
    where = f"<partition {partition}>"
    pairs = []
    for number, item in enumerate(items, 1):
        source = as_source(item, where, number, fields)
        if isinstance(source, Problem):
            pairs.append((Source(source.path), FileResult(problems=[source])))
        elif source.data is None and folder and not os.path.isabs(source.path):
            read = replace(source, path=os.path.join(folder, source.path))
            pairs.append((source, _renamed(linter.lint_source(read, corpus=True, use_cache=False),
                                           read.path, source.path)))
        else:
            pairs.append((source, linter.lint_source(source, corpus=True, use_cache=False)))
    return pairs


def _renamed(result: FileResult, old: str, new: str) -> FileResult:
    """``result`` with the path ``old`` shown as ``new`` again."""
    def named(item: Any) -> Any:
        return replace(item, path=new) if item.path == old else item
    return replace(result, diagnostics=[named(d) for d in result.diagnostics],
                   problems=[named(p) for p in result.problems], crashes=[named(c) for c in result.crashes])


def lint_bag(bag: Any, linter: Linter | None = None, fields: Fields = Fields(), **settings: Any) -> RunResult:
    """Lint every article of a Dask bag (file paths, Sources or record dicts) on the current
    Dask scheduler; ``settings`` as for ``newslint.prepare`` (select, ignore, config, ...).
    Records are named ``<partition P>`` with their number in it, and their id."""
    import dask

    linter = linter or prepare([], **settings)
    folder = os.getcwd()  # relative paths travel with the folder they are relative to
    tasks = [dask.delayed(_lint_partition)(part, linter, fields, number, folder)
             for number, part in enumerate(bag.to_delayed())]
    partitions = dask.compute(*tasks)
    return gather(linter, (pair for pairs in partitions for pair in pairs))  # input order


def lint_dataframe(frame: Any, linter: Linter | None = None, fields: Fields = Fields(), **settings: Any) -> RunResult:
    """Lint a Dask dataframe with one article per row (columns named as in ``fields``)."""
    return lint_bag(frame.to_bag(format="dict"), linter, fields, **settings)


def lint_paths_on(address: str, paths: Sequence[str], linter: Linter, partitions: int = 0,
                  timeout: float = 10) -> RunResult:
    """Lint files (and JSON Lines records) on the Dask scheduler at ``address``."""
    from dask import bag as db
    from distributed import Client

    from newslint.runner import sources_of

    result = RunResult()
    sources = []
    for item in sources_of(linter, paths):
        (result.problems.append if isinstance(item, Problem) else sources.append)(item)  # type: ignore[arg-type]
    with Client(address, timeout=timeout):
        if sources:
            bag = db.from_sequence(sources, npartitions=partitions or max(1, min(len(sources) // 200, 512)))
            linted = lint_bag(bag, linter)
            linted.problems.extend(result.problems)
            linted.problems.sort(key=lambda p: p.path)
            return linted
    return result
