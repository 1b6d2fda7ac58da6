"""datatrove: newslint's pipeline steps on a real LocalPipelineExecutor with two tasks, the
corpus rules finished in a second pipeline over both tasks' signatures; the findings are those
of `newslint check` on the same records."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="the datatrove extra is not installed")
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from conftest import check, copies_found, keyed_check, keyed_records, write_jsonl  # noqa: E402
from newslint.integrations.datatrove import (NewslintAnnotator, NewslintCorpusAnnotator,  # noqa: E402
                                             NewslintCorpusFinish, NewslintFilter, NewslintFixer)
from newslint.integrations.findings import Policy  # noqa: E402
from newslint.runner import prepare  # noqa: E402


def read_output(folder: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl.gz"))
            for line in gzip.open(path, "rt", encoding="utf-8")]


@pytest.fixture(scope="module")
def pipelines(news_records, tmp_path_factory) -> dict:
    """Two JSON Lines files (originals in one, their copies in the other), linted by two
    tasks; stage 2 in one task; then the corpus findings joined back, a filter and a fixer."""
    root = tmp_path_factory.mktemp("datatrove")
    half = len(news_records) // 2
    (root / "crawl").mkdir()
    files = [write_jsonl(root / "crawl" / f"part-{i}.jsonl", part)
             for i, part in enumerate((news_records[:half], news_records[half:]))]
    linter = prepare([], extend_select=["NL403"])
    stage1 = LocalPipelineExecutor([
        JsonlReader(str(root / "crawl")),
        NewslintAnnotator(signatures_folder=str(root / "signatures"), linter=linter),
        JsonlWriter(str(root / "annotated")),
    ], tasks=2, workers=2, logging_dir=str(root / "logs-1"))
    stage2 = LocalPipelineExecutor([NewslintCorpusFinish(str(root / "signatures"), str(root / "corpus"), linter=linter)],
                                   tasks=1, logging_dir=str(root / "logs-2"), depends=stage1)
    stage3 = LocalPipelineExecutor([
        JsonlReader(str(root / "annotated")),
        NewslintCorpusAnnotator(str(root / "corpus")),
        JsonlWriter(str(root / "joined")),
        NewslintFilter(Policy(severity=None, codes=["NL403"]), exclusion_writer=JsonlWriter(str(root / "dropped"))),
        NewslintFixer(linter=linter),
        JsonlWriter(str(root / "fixed")),
    ], tasks=2, workers=2, logging_dir=str(root / "logs-3"), depends=stage2)
    stage3.run()
    return {"root": root, "files": files}


def by_id(documents: list[dict]) -> dict:
    return {d["id"]: d["metadata"]["newslint_findings"] for d in documents}


def test_two_tasks_and_a_corpus_stage_find_what_check_finds(pipelines) -> None:
    root = pipelines["root"]
    joined = read_output(root / "joined")
    assert keyed_records(by_id(joined)) == keyed_check(check(pipelines["files"], "--extend-select", "NL403")[1])
    # Each copy was read by task 1, its original by task 0; stage 2 found them together.
    task = {json.loads(line)["key"]: path.name for path in sorted((root / "signatures").iterdir())
            for line in path.open(encoding="utf-8")}
    assert set(task.values()) == {"00000.jsonl", "00001.jsonl"}
    assert task["r003"] == task["r011"] == "00000.jsonl" and task["copy-of-r003"] == task["copy-of-r011"] == "00001.jsonl"
    assert copies_found(by_id(joined)) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}
    annotated = by_id(read_output(root / "annotated"))
    assert not any(f["code"] == "NL403" for fs in annotated.values() for f in fs)  # a task alone never judges


def test_the_filter_drops_by_policy_and_the_exclusion_writer_gets_the_reason(pipelines) -> None:
    root = pipelines["root"]
    dropped = read_output(root / "dropped")
    joined = by_id(read_output(root / "joined"))
    assert {d["id"] for d in dropped} == {i for i, fs in joined.items() if any(f["code"] == "NL403" for f in fs)}
    assert {"copy-of-r003", "copy-of-r011"} <= {d["id"] for d in dropped}
    assert {d["metadata"]["filter_reason"] for d in dropped} == {"NL403"}


def test_the_fixer_repairs_text_as_check_fix_does(pipelines, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    fixed = {d["id"]: d for d in read_output(pipelines["root"] / "fixed")}
    expected = {}
    for path in pipelines["files"]:
        CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--output", str(tmp_path / path.name), str(path)])
        expected.update({r["id"]: r for r in map(json.loads, (tmp_path / path.name).open(encoding="utf-8"))})
    assert sum(d["metadata"]["newslint_fixed"] for d in fixed.values()) >= 5
    for ident, document in fixed.items():
        assert (document["text"], document["metadata"]["title"]) == (expected[ident]["text"], expected[ident]["title"])


def test_corpus_rules_refuse_to_be_judged_by_one_task(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="NL403 compare documents across tasks"):
        NewslintAnnotator(extend_select=["NL403"])
    finish = NewslintCorpusFinish(str(tmp_path), str(tmp_path), extend_select=["NL403"])
    with pytest.raises(ValueError, match="run it with tasks=1"):
        list(finish.run(None, rank=0, world_size=2))


def test_the_filter_lints_documents_it_gets_unannotated() -> None:
    from datatrove.data import Document

    seed = (Path(__file__).parent.parent / "seeds" / "000_e85ab3766c75165b.txt").read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    document = Document(text=body.strip(), id="s0", metadata={"title": title})
    assert NewslintFilter(Policy(severity=None, codes=["NL301"])).filter(document) == (False, "NL301")
    codes = [f["code"] for f in document.metadata["newslint_findings"]]
    assert "NL301" in codes
    assert NewslintFilter(Policy(severity="warning")).filter(document) == (False, codes[0])  # the first
    assert NewslintFilter().filter(document) is True  # no error-severity finding
