"""Hugging Face datasets: a real `datasets.Dataset` built here from local records (no hub),
linted with `Dataset.map(num_proc=2)`; the findings are those of `newslint check`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
datasets = pytest.importorskip("datasets", reason="the hf extra is not installed")

from conftest import (check, copies_found, keyed_check, keyed_records, readme_example, run_example,  # noqa: E402
                      write_jsonl)
from newslint.integrations.findings import Policy  # noqa: E402
from newslint.integrations.hf import (add_corpus_findings, filter_dataset, fingerprint, fix_dataset,  # noqa: E402
                                      lint_dataset)
from newslint.runner import prepare  # noqa: E402

NL403 = ["--extend-select", "NL403"]


def by_id(dataset) -> dict:
    return dict(zip(dataset["id"], dataset["newslint_findings"]))


@pytest.fixture(scope="module")
def reference(news_records, tmp_path_factory) -> dict:
    path = write_jsonl(tmp_path_factory.mktemp("hf") / "corpus.jsonl", news_records)
    return keyed_check(check([path], *NL403)[1])


@pytest.fixture(scope="module")
def linted(news_records):
    return lint_dataset(datasets.Dataset.from_list(news_records), num_proc=2, extend_select=["NL403"])


def test_two_processes_find_what_check_finds(news_records, reference, linted) -> None:
    assert linted.column_names == ["id", "title", "text", "newslint_findings", "newslint_problem"]
    assert keyed_records(by_id(linted)) == reference
    assert len({code for findings in reference.values() for code, *_ in findings}) >= 8
    # map(num_proc=2) cut the rows into two contiguous shards; each copy is in the other one.
    assert copies_found(by_id(linted)) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}
    finding = by_id(linted)["copy-of-r003"][0]
    assert (finding["start"], finding["end"]) == (0, len(news_records[3]["title"]))  # the headline


def test_shards_linted_apart_then_finished_together(news_records, reference) -> None:
    dataset = datasets.Dataset.from_list(news_records)
    linter = prepare([], extend_select=["NL403"])
    shards = [lint_dataset(dataset.shard(2, i, contiguous=True), linter=linter, finish_corpus=False) for i in (0, 1)]
    assert "newslint_signatures" in shards[0].column_names
    assert not any(f["code"] == "NL403" for fs in shards[1]["newslint_findings"] for f in fs)  # stage 1 only
    finished = add_corpus_findings(datasets.concatenate_datasets(shards), linter)
    assert "newslint_signatures" not in finished.column_names
    assert keyed_records(by_id(finished)) == reference


def test_offsets_point_at_the_flagged_text(linted) -> None:
    from newslint.jsonl import Fields, article_of

    checked = 0
    for row in linted:
        article = article_of(row, Fields())
        lines = article.split("\n")
        for f in row["newslint_findings"]:
            assert article[f["start"]:].startswith(lines[f["line"] - 1][f["column"] - 1:][:20])
            checked += 1
    assert checked > 50


def test_filter_and_fix_match_check_fix(news_records, linted, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "corpus.jsonl", news_records)
    from click.testing import CliRunner

    from newslint.cli import main

    CliRunner().invoke(main, ["check", "--no-cache", "--fix", str(path)])
    expected = [json.loads(line) for line in (tmp_path / "corpus.fixed.jsonl").read_text(encoding="utf-8").splitlines()]
    fixed = fix_dataset(linted, num_proc=2)
    assert fixed["text"] == [r["text"] for r in expected] and fixed["title"] == [r["title"] for r in expected]
    assert sum(fixed["newslint_fixed"]) >= 5
    assert copies_found(by_id(fixed)) == copies_found(by_id(linted))  # corpus findings kept
    kept = filter_dataset(linted, Policy(severity=None, codes=["NL403", "mojibake"]))
    gone = {r["id"] for r in linted} - set(kept["id"])
    assert gone == {i for i, fs in by_id(linted).items() if any(f["code"] in ("NL403", "NL201") for f in fs)}
    assert "copy-of-r003" in gone and len(filter_dataset(linted)) == len(linted)  # no error-severity finding


def test_a_row_without_text_is_a_problem_not_a_crash() -> None:
    rows = [{"id": "a", "title": "Head", "text": ""}, {"id": "b", "title": None, "text": "Body text."}]
    linted = lint_dataset(datasets.Dataset.from_list(rows))
    assert linted["newslint_problem"] == ["<dataset>:1: record 1: no text in field 'text'", None]
    assert linted["newslint_findings"][0] == []


def test_a_cached_result_is_keyed_by_the_rules_and_their_options(tmp_path: Path) -> None:
    from newslint.jsonl import Fields

    dataset = datasets.Dataset.from_list([{"id": "a", "text": "Body."}])
    default, other = prepare([]), prepare([], ignore=["NL5"])
    assert fingerprint(dataset, "lint", default, Fields()) == fingerprint(dataset, "lint", prepare([]), Fields())
    assert fingerprint(dataset, "lint", default, Fields()) != fingerprint(dataset, "lint", other, Fields())
    assert fingerprint(dataset, "lint", default, Fields()) != fingerprint(dataset, "fix", default, Fields())
    (tmp_path / "newslint.toml").write_text('[rules.NL403]\nthreshold = 0.9\n', encoding="utf-8")
    tuned = prepare([], config=tmp_path / "newslint.toml")
    assert fingerprint(dataset, "lint", default, Fields()) != fingerprint(dataset, "lint", tuned, Fields())


def test_the_readme_example(news_records, reference, tmp_path: Path) -> None:
    output = run_example(readme_example("### Hugging Face datasets"), tmp_path, news_records)
    total, kept, fixed = map(int, output.split()[-3:])
    copies = sum(any(f[0] == "NL403" for f in findings) for findings in reference.values())
    assert copies >= 2 and (total, kept) == (len(news_records), len(news_records) - copies)
    assert fixed >= 5
    assert len((tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines()) == kept
