"""datatrove: the README's example (newslint's steps on a real LocalPipelineExecutor with two
tasks, the corpus rules finished in a second pipeline over both tasks' signatures) finds what
`newslint check` finds on the same records, and fixes what `check --fix` fixes."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("datatrove", reason="the datatrove extra is not installed")
from conftest import check, copies_found, keyed_check, keyed_records, readme_example, run_example  # noqa: E402
from newslint.integrations.datatrove import NewslintAnnotator, NewslintCorpusFinish, NewslintFilter  # noqa: E402
from newslint.integrations.findings import Policy  # noqa: E402


def read_output(folder: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl.gz"))
            for line in gzip.open(path, "rt", encoding="utf-8")]


@pytest.fixture(scope="module")
def pipelines(news_records, tmp_path_factory) -> Path:
    """The README's example, run as a script: two JSON Lines files (originals in one, their
    copies in the other) linted by two tasks, stage 2 in one task, then the corpus findings
    joined back, a filter dropping near-duplicates, and the fixer."""
    root = tmp_path_factory.mktemp("datatrove")
    run_example(readme_example("### datatrove"), root, news_records)
    return root


def by_id(documents: list[dict]) -> dict:
    return {d["id"]: d["metadata"]["newslint_findings"] for d in documents}


def test_two_tasks_and_a_corpus_stage_find_what_check_finds(pipelines: Path) -> None:
    annotated = by_id(read_output(pipelines / "work" / "annotated"))
    assert not any(f["code"] == "NL403" for fs in annotated.values() for f in fs)  # a task alone never judges
    corpus = {item["id"]: item["newslint_findings"]
              for item in map(json.loads, (pipelines / "work" / "corpus" / "corpus_findings.jsonl").open())}
    joined = {ident: findings + corpus.get(ident, []) for ident, findings in annotated.items()}
    files = sorted((pipelines / "crawl").glob("*.jsonl"))
    assert keyed_records(joined) == keyed_check(check(files, "--extend-select", "NL403")[1])
    # Each copy was read by task 1, its original by task 0; stage 2 found them together.
    signatures = pipelines / "work" / "signatures"
    task = {json.loads(line)["key"]: path.name for path in sorted(signatures.iterdir())
            for line in path.open(encoding="utf-8")}
    assert set(task.values()) == {"00000.jsonl", "00001.jsonl"}
    assert task["r003"] == task["r011"] == "00000.jsonl" and task["copy-of-r003"] == task["copy-of-r011"] == "00001.jsonl"
    assert copies_found(joined) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}


def test_the_filter_drops_by_policy_and_the_exclusion_writer_gets_the_reason(pipelines: Path, news_records) -> None:
    dropped = read_output(pipelines / "work" / "dropped")
    corpus = [json.loads(line)["id"] for line in (pipelines / "work" / "corpus" / "corpus_findings.jsonl").open()]
    assert sorted(d["id"] for d in dropped) == sorted(corpus)  # NL403 is the only corpus rule
    assert {"copy-of-r003", "copy-of-r011"} <= {d["id"] for d in dropped}
    assert {d["metadata"]["filter_reason"] for d in dropped} == {"NL403"}
    assert len(read_output(pipelines / "clean")) == len(news_records) - len(dropped)


def test_the_fixer_repairs_text_as_check_fix_does(pipelines: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    fixed = {d["id"]: d for d in read_output(pipelines / "clean")}
    expected = {}
    for path in sorted((pipelines / "crawl").glob("*.jsonl")):
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
