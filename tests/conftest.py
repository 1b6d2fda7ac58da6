"""Shared by the framework integration tests: a corpus of records, and what `newslint check`
finds on the same records (the reference every integration must match)."""
from __future__ import annotations

import atexit
import json
import os
import random
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

# No network at run time: the Hugging Face libraries stay offline, Ray reports no usage.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
# The command line keeps compiled patterns in the user's cache folder; the tests keep theirs in
# a folder of their own, removed at the end.
if "NEWSLINT_PATTERN_CACHE" not in os.environ:
    os.environ["NEWSLINT_PATTERN_CACHE"] = tempfile.mkdtemp(prefix="newslint-patterns-")
    atexit.register(shutil.rmtree, os.environ["NEWSLINT_PATTERN_CACHE"], ignore_errors=True)

HERE = Path(__file__).parent
COPIED = (3, 11)  # records copied, with one word changed, into the other half of the corpus


def _record(ident: str, article: str) -> dict[str, Any]:
    title, _, body = article.partition("\n")
    return {"id": ident, "title": title.strip(), "text": body.strip("\n")}


def make_records() -> list[dict[str, Any]]:
    """Clean articles, the seeds, every rule's text examples, and two syndicated copies placed
    in the second half while their originals are in the first (so any split into two
    contiguous halves puts each pair in different shards)."""
    from newslint.registry import load_rules

    articles = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures" / "clean").glob("*.txt"))]
    articles += [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt"))]
    articles += [e for r in load_rules(plugins=False).rules if r.code != "NL403"
                 for e in r.bad_examples + r.good_examples if isinstance(e, str)]
    records = [_record(f"r{i:03}", a) for i, a in enumerate(articles)]
    rng = random.Random(17)
    for index in COPIED:
        words = records[index]["text"].split(" ")
        words[rng.randrange(30, len(words))] = "reportedly"
        records.append({**records[index], "id": f"copy-of-r{index:03}", "text": " ".join(words)})
    return records


@pytest.fixture(scope="session")
def news_records() -> list[dict[str, Any]]:
    records = make_records()
    assert max(COPIED) < len(records) // 2  # originals in the first half, copies at the end
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def check(paths: list[Path], *options: str) -> tuple[int, list[dict[str, Any]]]:
    """`newslint check --format json` on JSON Lines files: exit code and findings."""
    from click.testing import CliRunner

    from newslint.cli import main

    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *options, *map(str, paths)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


_OTHER = re.compile(r"near-duplicate of \S+")


def _message(message: str) -> str:
    # NL403 names the other document: `check` by its file, an integration by its id.
    return _OTHER.sub("near-duplicate of <other>", message)


def keyed_check(findings: list[dict[str, Any]]) -> dict[str, list[tuple]]:
    """`check`'s JSON findings by record id, in the integrations' record shape's terms."""
    out: dict[str, list[tuple]] = {}
    for f in findings:
        fix = f["fix"]["applicability"] if "fix" in f else None
        out.setdefault(f["record_id"], []).append(
            (f["code"], f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["severity"],
             _message(f["message"]), f.get("confidence"), fix))
    return {k: sorted(v) for k, v in out.items()}


def keyed_records(by_id: dict[str, list[dict[str, Any]]]) -> dict[str, list[tuple]]:
    """An integration's finding records by document id, in the same terms."""
    out = {}
    for ident, findings in by_id.items():
        if findings:
            out[ident] = sorted(
                (f["code"], f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["severity"],
                 _message(f["message"]), None if f["confidence"] is None else round(f["confidence"], 3), f["fix"])
                for f in findings)
    return out


def copies_found(by_id: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """For each syndicated copy that NL403 reported, the document it names as the original
    (the rules' examples hold near-duplicates of their own, within one half)."""
    return {ident: re.search(r"near-duplicate of (\S+)", f["message"]).group(1)
            for ident, findings in by_id.items() for f in findings
            if f["code"] == "NL403" and ident.startswith("copy-of-")}


def readme_example(heading: str) -> str:
    """The first Python block of the README section with this heading."""
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n{heading}\n", 1)[1].split("\n#", 1)[0]
    return re.search(r"```python\n(.*?)```", section, flags=re.S).group(1)


def run_example(code: str, folder: Path, records: list[dict[str, Any]]) -> str:
    """Run a README example as a script in ``folder``, with the records in two JSON Lines
    files under ``crawl/`` (originals in one, their copies in the other); its output."""
    import subprocess
    import sys

    (folder / "crawl").mkdir()
    half = len(records) // 2
    for index, part in enumerate((records[:half], records[half:])):
        write_jsonl(folder / "crawl" / f"part-{index}.jsonl", part)
    (folder / "example.py").write_text(code, encoding="utf-8")
    env = {**os.environ, "HF_DATASETS_CACHE": str(folder / "hf-cache")}
    proc = subprocess.run([sys.executable, "example.py"], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout
