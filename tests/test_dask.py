"""Dask: the same findings on a real two-process LocalCluster as locally, corpus rules included."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
from dask import bag as db  # noqa: E402

from newslint.dask import lint_bag, lint_dataframe, lint_paths_on  # noqa: E402
from newslint.runner import lint_paths, prepare  # noqa: E402

CLEAN = Path(__file__).parent / "fixtures" / "clean"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for index, text in enumerate(texts):
        (tmp_path / f"a{index:03}.txt").write_text(text, encoding="utf-8")
    rng = random.Random(5)
    for index in (1, 17, 33):  # syndicated copies, in other partitions than their originals
        words = texts[index].split(" ")
        words[rng.randrange(20, len(words))] = "reportedly"
        (tmp_path / f"z{index:03}.txt").write_text(" ".join(words), encoding="utf-8")
    return tmp_path


def keyed(result) -> list[tuple]:
    return [(Path(d.path).name, d.line, d.column, d.code, d.message.replace(str(Path(d.path).parent), ""))
            for d in result.diagnostics]


def test_bag_of_paths_matches_the_local_run(cluster, corpus: Path) -> None:
    linter = prepare([str(corpus)], extend_select=["NL403"])
    local = lint_paths([str(corpus)], jobs=1, linter=linter)
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    with distributed.Client(cluster):
        remote = lint_bag(db.from_sequence(paths, npartitions=4), linter)
    assert keyed(remote) == keyed(local)
    assert [d.code for d in remote.diagnostics].count("NL403") == 3  # merged across workers
    assert remote.files_checked == len(paths)


def test_bag_of_records_and_a_dataframe(cluster) -> None:
    import pandas as pd
    from dask import dataframe as dd

    seed = (SEEDS / "000_e85ab3766c75165b.txt").read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    records = [{"id": "s0", "title": title, "text": body.strip()}, {"id": "empty", "text": ""}]
    with distributed.Client(cluster):
        result = lint_bag(db.from_sequence(records, npartitions=2), select=["NL301"])
        frame = dd.from_pandas(pd.DataFrame(records[:1]), npartitions=1)
        from_frame = lint_dataframe(frame, select=["NL301"])
    (finding,) = result.diagnostics
    assert (finding.code, finding.record_id, finding.path) == ("NL301", "s0", "<partition 0>")
    assert [str(p) for p in result.problems] == ["<partition 1>:1: record 1: no text in field 'text'"]
    assert [(d.code, d.record_id) for d in from_frame.diagnostics] == [("NL301", "s0")]


def test_scheduler_address_from_the_cli(cluster, corpus: Path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    local = CliRunner().invoke(main, ["check", "-q", "--no-cache", "--extend-select", "NL403", str(corpus)])
    remote = CliRunner().invoke(main, ["check", "-q", "--no-cache", "--extend-select", "NL403",
                                       "--dask-scheduler", cluster.scheduler_address, str(corpus)])
    assert remote.exit_code == local.exit_code == 1
    assert remote.stdout == local.stdout


def test_site_templates_of_records_match_the_local_run(cluster, tmp_path: Path) -> None:
    # Records of two sites (a domain field, a url field), a template line under one site's:
    # grouped by site the same way across partitions as in a local run of the JSON Lines file.
    import json

    from newslint.document import Document

    records = []
    for index, path in enumerate(sorted(CLEAN.glob("*.txt"))[:24]):
        doc = Document(path.read_text(encoding="utf-8"))
        body = [p.text(doc) for p in doc.paragraphs]
        site = {"domain": "ashford.example"} if index % 2 else {"url": f"https://www.bramley.example/{index}"}
        ending = ["Sign up to our newsletter for the day's top stories."] if index % 2 else []
        records.append({"id": f"r{index}", "title": doc.headline.text(doc), "text": "\n".join(body + ending), **site})
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    local = lint_paths([str(jsonl)], jobs=1, select=["NL307"])
    with distributed.Client(cluster):
        remote = lint_bag(db.from_sequence(records, npartitions=4), select=["NL307"])

    def keyed(result) -> list[tuple]:
        return sorted((d.record_id, d.line, d.message) for d in result.diagnostics)
    assert keyed(remote) == keyed(local)
    assert len(local.diagnostics) == 12 and "ashford.example" in local.diagnostics[0].message


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    (tmp_path / "a.txt").write_text("Head\n\nBody.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--dask-scheduler", "tcp://127.0.0.1:9", str(tmp_path)])  # 10 s
    assert result.exit_code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_dask_scheduler_refuses_fix(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    result = CliRunner().invoke(main, ["check", "--fix", "--dask-scheduler", "tcp://127.0.0.1:9", str(tmp_path)])
    assert result.exit_code == 2 and "--dask-scheduler does not work with --fix" in result.output


def test_relative_paths_work_on_workers_in_another_folder(cluster, corpus: Path, tmp_path_factory,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's current folder may be anywhere: relative paths travel with the client's
    folder and are reported as given (#16, item 8)."""
    import os

    from click.testing import CliRunner

    from newslint.cli import main

    elsewhere = tmp_path_factory.mktemp("worker-folder")
    monkeypatch.chdir(corpus.parent)
    local = CliRunner().invoke(main, ["check", "-q", "--no-cache", corpus.name])
    with distributed.Client(cluster) as client:
        before = client.run(os.getcwd)
        client.run(os.chdir, str(elsewhere))
        try:
            remote = CliRunner().invoke(main, ["check", "-q", "--no-cache", "--dask-scheduler",
                                               cluster.scheduler_address, corpus.name])
            bag = lint_bag(db.from_sequence([f"{corpus.name}/a000.txt"], npartitions=1))
        finally:
            for worker, folder in before.items():
                client.run(os.chdir, folder, workers=[worker])
    assert remote.exit_code == local.exit_code == 1, remote.output
    assert remote.stdout == local.stdout and remote.stdout.startswith(f"{corpus.name}/")
    assert bag.problems == [] and bag.files_checked == 1
