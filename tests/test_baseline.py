"""Baseline files: fingerprints that survive moved lines, a strict file format, atomic writes."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import baseline as bl
from newslint.cli import main
from newslint.runner import RunResult, lint_text, prepare

LINK = "More news: Snow closes dozens of schools across the Highlands"
STORY = ("Council approves new library\n\n"
         "The council approved plans for a new library on Tuesday.\n\n"
         "\"We have waited a long time for this,\" said councillor Jane Smith.\n\n"
         "Work will start in the spring and take two years.\n\n"
         "\"We have waited a long time for this,\" said councillor Jane Smith.\n")
LINTER = prepare([], select=["NL200", "NL401"])


def prints(text: str | bytes, path: str = "story.txt") -> list[tuple[str, int, str]]:
    """(code, line, fingerprint) of each finding in ``text``."""
    found = lint_text(text, path=path, linter=LINTER)
    table = bl.fingerprints(found)
    return [(d.code, d.line, table[d]) for d in found]


def test_fingerprints_ignore_line_numbers() -> None:
    before = prints(STORY)
    assert [code for code, _, _ in before] == ["NL401"]
    moved = STORY.replace("\n\n", "\n\nA clean paragraph the editor added.\n\n", 1)
    after = prints(moved)
    assert after[0][1] == before[0][1] + 2 and after[0][2] == before[0][2]


def test_editing_the_flagged_text_or_moving_the_file_changes_the_fingerprint() -> None:
    (_, _, original), = prints(STORY)
    edited = STORY[:STORY.rindex("We have")] + "We have waited so long for this,\" said councillor Jane Smith.\n"
    assert all(fp != original for _, _, fp in prints(edited))
    assert prints(STORY, path="elsewhere/story.txt")[0][2] != original


def test_repeats_of_the_same_text_get_occurrence_indices() -> None:
    text = b"Caf\xe9 news\n\nThe caf\xe9 opened.\n"
    diagnostics = lint_text(text, path="a.txt", linter=LINTER) * 2  # the same text flagged twice
    pairs = bl.entries(diagnostics)
    assert [e.occurrence for _, e in pairs] == [0, 1]
    assert pairs[0][1].fingerprint != pairs[1][1].fingerprint


def test_normal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert bl.normal_path("./corpus/../corpus/a.txt") == "corpus/a.txt"
    assert bl.normal_path(str(tmp_path / "corpus" / "a.txt")) == "corpus/a.txt"
    assert bl.normal_path("/elsewhere/a.txt") == "/elsewhere/a.txt"
    assert bl.normal_path("corpus/a.txt", root="ci", climb=True) == "../corpus/a.txt"
    assert bl.normal_path("-") == "-"


def write_story(folder: Path) -> None:
    (folder / "corpus").mkdir()
    (folder / "corpus" / "b.txt").write_text(STORY, encoding="utf-8")
    (folder / "corpus" / "a.txt").write_bytes(b"Caf\xe9 news\n\nThe caf\xe9 opened.\n")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_the_file_is_sorted_versioned_and_stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_story(tmp_path)
    code, out = invoke("baseline", "corpus", "--select", "NL200,NL401")
    assert code == 0 and "Wrote 2 findings from 2 files to .newslint-baseline.json." in out
    first = (tmp_path / bl.DEFAULT_BASELINE).read_text(encoding="utf-8")
    data = json.loads(first)
    assert data[bl.FORMAT_KEY] == bl.FORMAT_VERSION
    assert [e["path"] for e in data["findings"]] == ["corpus/a.txt", "corpus/b.txt"]
    assert first == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert invoke("baseline", "corpus", "--select", "NL200,NL401", "-j", "2")[0] == 0
    assert (tmp_path / bl.DEFAULT_BASELINE).read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir() if "newslint-tmp" in p.name] == []


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "base.json"
    target.write_text("old\n")
    result = RunResult(diagnostics=lint_text(STORY, path=str(tmp_path / "b.txt"), linter=LINTER))

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        bl.save(bl.from_result(result, str(target)), str(target))
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["base.json"]


def test_no_baseline_is_written_when_an_input_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = invoke("baseline", "nowhere")
    assert code == 2 and "baseline not written" in out
    assert not (tmp_path / bl.DEFAULT_BASELINE).exists()


def valid_baseline(tmp_path: Path) -> str:
    write_story(tmp_path)
    assert invoke("baseline", "corpus")[0] == 0
    return (tmp_path / bl.DEFAULT_BASELINE).read_text(encoding="utf-8")


def corrupt_json(text: str) -> str:
    return text.replace('"findings": [', '"findings": [,', 1)


def truncated(text: str) -> str:
    return text[: len(text) // 2]


def wrong_version(text: str) -> str:
    return text.replace(f'"{bl.FORMAT_KEY}": {bl.FORMAT_VERSION}', f'"{bl.FORMAT_KEY}": 99')


def findings_not_a_list(text: str) -> str:
    return json.dumps({bl.FORMAT_KEY: 1, "findings": {"a": 1}})


def entry_missing_a_key(text: str) -> str:
    data = json.loads(text)
    del data["findings"][0]["content"]
    return json.dumps(data)


def fingerprint_edited(text: str) -> str:
    data = json.loads(text)
    data["findings"][0]["path"] = "corpus/other.txt"
    return json.dumps(data)


def not_a_baseline(text: str) -> str:
    return "[]"


def empty(text: str) -> str:
    return ""


@pytest.mark.parametrize("damage, message", [
    (corrupt_json, "is not valid JSON"),
    (truncated, "is not valid JSON (the file looks truncated)"),
    (empty, "is not valid JSON"),
    (wrong_version, "has format version 99; this newslint reads version 1"),
    (findings_not_a_list, "expected the keys"),
    (entry_missing_a_key, "finding #1: expected an object with the keys"),
    (fingerprint_edited, "finding #1: fingerprint does not match its path and content"),
    (not_a_baseline, "is not a newslint baseline"),
])
def test_a_damaged_baseline_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             damage, message) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / bl.DEFAULT_BASELINE).write_text(damage(valid_baseline(tmp_path)), encoding="utf-8")
    code, out = invoke("check", "corpus", "--baseline", bl.DEFAULT_BASELINE)
    assert code == 2
    assert out.startswith("newslint: error: baseline .newslint-baseline.json") and message in out
    assert "corpus/" not in out  # it stopped before linting: nothing was reported as new or old


def test_a_missing_or_undecodable_baseline_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_story(tmp_path)
    code, out = invoke("check", "corpus", "--baseline", "missing.json")
    assert code == 2 and "does not exist; create it with `newslint baseline`" in out
    (tmp_path / "latin1.json").write_bytes(b'{"newslint-baseline": 1, "findings": ["caf\xe9"]}')
    code, out = invoke("check", "corpus", "--baseline", "latin1.json")
    assert code == 2 and "is not valid JSON" in out


# -- what made a baseline (issue #16, item 5) -----------------------------------------------------
def test_a_baseline_records_newslint_version_and_extras(tmp_path: Path) -> None:
    from newslint import __version__
    from newslint.extras import installed_extras

    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 news\n\nThe caf\xe9 opened.\n")
    assert CliRunner().invoke(main, ["baseline", "-o", str(tmp_path / "b.json"), str(tmp_path)]).exit_code == 0
    data = json.loads((tmp_path / "b.json").read_text())
    assert data["made-by"] == {"version": __version__, "extras": list(installed_extras())}
    assert "semantic" in data["made-by"]["extras"]  # the test environment installs it


def test_checking_with_other_extras_warns_naming_the_difference(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 news\n\nThe caf\xe9 opened.\n")
    baseline = tmp_path / "b.json"
    assert CliRunner().invoke(main, ["baseline", "-o", str(baseline), str(tmp_path)]).exit_code == 0
    same = CliRunner().invoke(main, ["check", "--no-cache", "--baseline", str(baseline), str(tmp_path)])
    assert same.exit_code == 0 and "warning" not in same.stderr
    data = json.loads(baseline.read_text())
    data["made-by"]["extras"] = ["near-duplicates", "other"]  # as made where semantic was missing
    baseline.write_text(json.dumps(data))
    other = CliRunner().invoke(main, ["check", "--no-cache", "--baseline", str(baseline), str(tmp_path)])
    assert other.exit_code == 0
    assert (f"warning: baseline {baseline} was made with newslint 0.1.0 and extras [near-duplicates, other]; "
            "not installed now: other; installed now but not then: semantic") in other.stderr


def test_a_baseline_without_the_header_still_reads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 news\n\nThe caf\xe9 opened.\n")
    baseline = tmp_path / "b.json"
    CliRunner().invoke(main, ["baseline", "-o", str(baseline), str(tmp_path)])
    data = json.loads(baseline.read_text())
    del data["made-by"]
    baseline.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["check", "--no-cache", "--baseline", str(baseline), str(tmp_path)])
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_the_hook_ci_snippets_and_setup_install_the_same_extras() -> None:
    import re
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    root = Path(__file__).parent.parent
    semantic = tomllib.loads((root / "pyproject.toml").read_text())["project"]["optional-dependencies"]["semantic"]
    hook = (root / ".pre-commit-hooks.yaml").read_text()
    listed = re.search(r"additional_dependencies: \[(.*?)\]", hook, re.S).group(1)
    assert [p.strip().strip('"') for p in listed.split(",") if p.strip()] == semantic
    readme = (root / "README.md").read_text(encoding="utf-8")
    installs = re.findall(r"pip install [^\n]*newslint[^\n]*", readme)
    assert installs and all("newslint[semantic]" in line for line in installs if "git+" in line)
    assert "pip install '.[semantic]' && .venv/bin/newslint check seeds/" in readme
