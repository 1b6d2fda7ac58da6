"""What the framework integrations share, tested without any framework: the finding record,
the drop policy, the two-stage corpus rules, fixing records; and that plain newslint neither
installs nor imports a framework."""
from __future__ import annotations

import ast
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.integrations.corpus import finish, stage_one
from newslint.integrations.findings import FIELDS, Policy
from newslint.integrations.records import SIGNATURES, fix_record, lint_record, lint_rows
from newslint.jsonl import Fields
from newslint.runner import FileResult, prepare

ROOT = Path(__file__).parent.parent
FRAMEWORKS = ("datatrove", "datasets", "ray", "pyarrow", "dask", "distributed", "pandas")


def test_importing_newslint_and_checking_a_file_import_no_framework(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Council backs budget\n\nThe council approved the budget.\n", encoding="utf-8")
    code = ("import sys, newslint; from newslint.cli import main\n"
            "try: main(['check', '--no-cache', sys.argv[1]])\n"
            "except SystemExit: pass\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FRAMEWORKS!r}))")
    proc = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_plain_newslint_requires_no_framework() -> None:
    requirements = importlib.metadata.requires("newslint") or []
    plain = [r for r in requirements if "extra ==" not in r]
    assert plain and not [r for r in plain if r.split(";")[0].split("[")[0].split(">")[0].strip() in FRAMEWORKS]
    for extra, package in (("datatrove", "datatrove"), ("hf", "datasets"), ("ray", "ray[data]")):
        assert any(r.startswith(package) and f'extra == "{extra}"' in r for r in requirements), extra


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


LIBRARY = [p for p in sorted((ROOT / "newslint").rglob("*.py"))
           if "integrations" not in p.relative_to(ROOT).parts and p.name not in ("dask.py", "cli.py")]


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_library_never_imports_an_integration_or_a_framework(path: Path) -> None:
    bad = {m for m in _imports(path) if m.startswith(("newslint.integrations", "newslint.dask"))
           or m.split(".")[0] in FRAMEWORKS}
    assert not bad, f"{path.name} imports {bad}"


def test_library_files_were_found() -> None:
    assert len(LIBRARY) > 10 and ROOT / "newslint" / "runner.py" in LIBRARY


# -- the finding record ---------------------------------------------------------------------
SEED = (ROOT / "seeds" / "000_e85ab3766c75165b.txt").read_text(encoding="utf-8")


def seed_record(ident: str = "s0") -> dict:
    title, _, body = SEED.partition("\n")
    return {"id": ident, "title": title, "text": body.strip("\n")}


def test_a_finding_is_a_plain_dict_of_the_documented_keys_with_offsets() -> None:
    linted = lint_record(prepare([], ignore=["NL307"]), seed_record())  # no corpus rule: no stage 1
    assert linted.findings and linted.problem is None and linted.signatures is None
    article = f"{seed_record()['title']}\n\n{seed_record()['text']}\n"
    for finding in linted.findings:
        assert list(finding) == [name for name, _ in FIELDS]
        line = article.split("\n")[finding["line"] - 1]
        assert article[finding["start"]:finding["end"]] == line[finding["column"] - 1:][:finding["end"] - finding["start"]]
    assert {f["fix"] for f in linted.findings} >= {"safe", None}


# -- the drop policy --------------------------------------------------------------------------
def finding(code: str, severity: str = "warning", confidence: float | None = None, rule: str = "x") -> dict:
    return {"code": code, "rule": rule, "severity": severity, "confidence": confidence}


def test_policy_by_severity_codes_names_and_confidence() -> None:
    assert Policy().reason([finding("NL301")]) is None
    assert Policy().reason([finding("NL301"), finding("NL200", "error")]) == "NL200"
    assert Policy(severity="warning").reason([finding("NL301"), finding("NL200", "error")]) == "NL301"
    assert Policy(codes=["NL2"]).reason([finding("NL301"), finding("NL201")]) == "NL201"
    assert Policy(severity=None, codes="mojibake").reason([finding("NL201", rule="mojibake")]) == "NL201"
    low, high = finding("NL101", confidence=0.4), finding("NL101", confidence=0.9)
    assert Policy(codes=["NL101"], min_confidence=0.5).reason([low]) is None
    assert Policy(codes=["NL101"], min_confidence=0.5).reason([low, high]) == "NL101"
    assert Policy(codes=["NL101"], min_confidence=0.5).reason([finding("NL101")]) == "NL101"  # no confidence: counts
    assert Policy().reason(None) is None
    with pytest.raises(ValueError):
        Policy(severity="fatal")


# -- corpus rules in two stages ---------------------------------------------------------------
def test_two_stages_over_two_shards_find_what_one_run_finds(news_records, tmp_path: Path) -> None:
    from conftest import check, copies_found, keyed_check, keyed_records, write_jsonl

    linter = prepare([], extend_select=["NL403"])
    half = len(news_records) // 2
    shards = [lint_rows(linter, news_records[:half]), lint_rows(linter, news_records[half:])]
    signatures = shards[0][SIGNATURES] + shards[1][SIGNATURES]
    found = finish(linter, signatures)
    from newslint.integrations.records import join_corpus

    findings = join_corpus(shards[0]["newslint_findings"] + shards[1]["newslint_findings"], signatures, found)
    by_id = dict(zip((r["id"] for r in news_records), findings))
    path = write_jsonl(tmp_path / "c.jsonl", news_records)
    assert keyed_records(by_id) == keyed_check(check([path], "--extend-select", "NL403")[1])
    assert copies_found(by_id) == {"copy-of-r003": "r003", "copy-of-r011": "r011"}


def test_a_signature_that_json_cannot_carry_is_a_clear_error() -> None:
    from newslint.document import Document
    from newslint.runner import Anchor

    result = FileResult(signatures={"XY001": ({1, 2}, Anchor(1, 1, 1, 2, "H"))})
    with pytest.raises(TypeError, match="XY001: a signature of type set cannot be carried"):
        stage_one(result, Document("H\n\nBody\n"), "k", "n")
    carried = FileResult(signatures={"XY001": ({"b": b"\x00\xff", "n": [1, 2.5, None]}, Anchor(1, 1, 1, 2, "H"))})
    raw = stage_one(carried, Document("H\n\nBody\n"), "k", "n")
    assert raw is not None and '"$bytes": "AP8="' in raw


# -- fixing records --------------------------------------------------------------------------
def test_fixing_a_record_repairs_its_title_and_text_fields() -> None:
    linter = prepare([])
    record = {"id": "m", "title": "CafÃ© owners protest", "text": "Body with cafÃ© inside.\r\nSecond line.\r\n",
              "extra": 7}
    fixed = fix_record(linter, record)
    assert fixed.record == {"id": "m", "title": "Café owners protest",
                            "text": "Body with café inside.\r\nSecond line.\r\n", "extra": 7}
    assert fixed.fixed == 2 and fixed.problem is None
    assert not any(f["code"] == "NL201" for f in fixed.findings)
    untouched = fix_record(linter, {"title": "T", "text": "Fine text."}, Fields())
    assert untouched.fixed == 0 and untouched.record == {"title": "T", "text": "Fine text."}
    # A title over two lines cannot be told apart from the text again once repaired: left as it was.
    two_lines = {"title": "Caf\u00c3\u00a9 news\nin brief", "text": "Body with caf\u00c3\u00a9 inside."}
    refused = fix_record(linter, two_lines)
    assert refused.record == two_lines and refused.fixed == 0
    assert refused.problem == "not fixed: a repair changed the layout of a record's title and text"
    assert "NL201" in {f["code"] for f in refused.findings}


def test_dask_keeps_its_as_source() -> None:
    from newslint.dask import as_source
    from newslint.sources import Problem, Source

    assert as_source({"id": 3, "text": "Body."}, "<partition 0>", 1) == Source("<partition 0>", "\nBody.\n", 1, "3")
    assert isinstance(as_source(3.5, "<partition 0>", 2), Problem)
