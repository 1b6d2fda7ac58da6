"""Ray Data: a real local Ray instance (two CPUs, no dashboard, no network); a dataset of two
blocks linted with `map_batches`; the findings are those of `newslint check`."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="the ray extra is not installed")

from conftest import (check, copies_found, keyed_check, keyed_records, readme_example, run_example,  # noqa: E402
                      write_jsonl)
from newslint.integrations.findings import Policy  # noqa: E402
from newslint.integrations.ray import (add_corpus_findings, filter_ray_dataset, fix_ray_dataset,  # noqa: E402
                                       lint_ray_dataset)
from newslint.runner import prepare  # noqa: E402


def test_the_readme_example(news_records, tmp_path: Path) -> None:
    # First in this file: it starts its own Ray instance, before this module starts one.
    assert not ray.is_initialized()
    output = run_example(readme_example("### Ray Data"), tmp_path, news_records)
    path = write_jsonl(tmp_path / "all.jsonl", news_records)
    copies = {f["record_id"] for f in check([path], "--extend-select", "NL403")[1] if f["code"] == "NL403"}
    assert len(copies) >= 2
    assert output.split()[-2:] == [str(len(news_records)), str(len(news_records) - len(copies))]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1",
             object_store_memory=256 * 1024 * 1024, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(news_records, tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("ray") / "corpus.jsonl", news_records)


def by_id(rows: list[dict]) -> dict:
    return {r["id"]: r["newslint_findings"] for r in rows}


@pytest.fixture(scope="module")
def linted(local_ray, news_records, tmp_path_factory) -> tuple:
    """The records in four blocks, each row tagged with its task, and that dataset linted
    with NL403."""
    flags = tmp_path_factory.mktemp("blocks")

    def tag_task(table):  # defined here so that Ray sends it by value to its workers
        # Runs in the same task as the lint (Ray fuses the two), so it names that task. The
        # first block (the originals) waits until the other three have been tagged, and a
        # little longer for their lint, so that it finishes last: Ray Data would then hand the
        # blocks on out of order, and stage 2 see the copies first, unless told to keep order.
        ids = table["id"].to_pylist()
        if "r003" in ids:
            deadline = time.monotonic() + 120
            while len(list(flags.glob("block-*"))) < 3 and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(5)
        else:
            (flags / f"block-{ids[0]}").touch()
        task = ray.get_runtime_context().get_task_id()
        return table.append_column("task", pa.array([task] * table.num_rows))

    import pyarrow as pa

    dataset = ray.data.from_items(news_records, override_num_blocks=4).map_batches(
        tag_task, batch_format="pyarrow", batch_size=None)
    return dataset, lint_ray_dataset(dataset, extend_select=["NL403"])


def test_blocks_find_what_check_finds_in_input_order(linted, news_records, corpus: Path) -> None:
    dataset, result = linted
    rows = result.take_all()
    assert set(rows[0]) == {"id", "title", "text", "task", "newslint_findings", "newslint_problem"}
    assert [r["id"] for r in rows] == [r["id"] for r in news_records]
    task = {r["id"]: r["task"] for r in rows}
    assert len(set(task.values())) == 4
    assert task["r003"] != task["copy-of-r003"] and task["r011"] != task["copy-of-r011"]
    assert keyed_records(by_id(rows)) == keyed_check(check([corpus], "--extend-select", "NL403")[1])
    # Each copy is in the last block, its original in the first: the later copy is reported.
    assert copies_found(by_id(rows)) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}
    assert dataset.context.execution_options.preserve_order is False  # the user's setting is put back


def test_stage_one_then_stage_two(local_ray, news_records) -> None:
    linter = prepare([], extend_select=["NL403"])
    stage1 = lint_ray_dataset(ray.data.from_items(news_records, override_num_blocks=2), linter=linter,
                              finish_corpus=False)
    rows = stage1.take_all()
    assert not any(f["code"] == "NL403" for r in rows for f in r["newslint_findings"])
    signed = {r["id"] for r in rows if r["newslint_signatures"] is not None}
    assert {"r003", "r011", "copy-of-r003", "copy-of-r011"} <= signed
    finished = add_corpus_findings(stage1, linter).take_all()
    assert copies_found(by_id(finished)) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}
    assert "newslint_signatures" not in finished[0]


def test_filter_and_fix(linted, news_records, corpus: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--output", str(tmp_path / "fixed.jsonl"), str(corpus)])
    expected = [json.loads(line) for line in (tmp_path / "fixed.jsonl").open(encoding="utf-8")]
    linted = linted[1].drop_columns(["task"])
    fixed = fix_ray_dataset(linted).take_all()
    assert sorted((r["id"], r["title"], r["text"]) for r in fixed) == sorted((r["id"], r["title"], r["text"]) for r in expected)
    assert sum(r["newslint_fixed"] for r in fixed) >= 5
    assert copies_found(by_id(fixed)) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}  # kept
    kept = {r["id"] for r in filter_ray_dataset(linted, Policy(severity=None, codes=["NL403"])).take_all()}
    assert {"copy-of-r003", "copy-of-r011"}.isdisjoint(kept) and "r003" in kept
    assert filter_ray_dataset(linted).count() == len(news_records)  # no error-severity finding


def test_without_corpus_rules_the_result_stays_lazy(local_ray) -> None:
    rows = [{"id": "a", "title": "Head", "text": ""}, {"id": "b", "title": "Hi", "text": "Body text."}]
    linted = lint_ray_dataset(ray.data.from_items(rows))
    assert type(linted).__name__ == "Dataset"  # not a MaterializedDataset
    problems = {r["id"]: r["newslint_problem"] for r in linted.take_all()}
    assert problems == {"a": "<ray>:1: record 1: no text in field 'text'", "b": None}
