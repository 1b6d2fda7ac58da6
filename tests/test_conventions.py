"""What users of ruff expect, and never passing silently (issue #16, items 6 and 7), through the CLI."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

BAD = "Café society\n\nThe café opened on Monday.\n".encode("latin-1")


def invoke(*args: str, input: bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_bytes(BAD)
    return tmp_path / "bad.txt"


# -- never silently pass -----------------------------------------------------------------------
def test_an_empty_rule_set_is_an_error_that_says_why(tmp_path: Path, bad: Path) -> None:
    (tmp_path / "newslint.toml").write_text('ignore = ["NL303"]\n')
    result = invoke("check", "--no-cache", "--select", "NL303", str(bad))
    assert result.exit_code == 2
    assert "no rule is enabled: select NL303 with ignore NL303 leaves none" in result.output


def test_a_missing_path_is_not_all_checks_passed(tmp_path: Path) -> None:
    result = invoke("check", "--no-cache", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "All checks passed" not in result.output
    assert "No files were checked (1 could not be read)." in result.stdout


def test_some_inputs_unreadable_is_said_in_the_summary(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Council meets\n\nThe council met on Monday to talk.\n")
    result = invoke("check", "--no-cache", "--select", "NL200", str(tmp_path / "good.txt"), str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "No findings in 1 file checked, but 1 input could not be read." in result.stdout


def test_statistics_in_json(bad: Path) -> None:
    result = invoke("check", "--no-cache", "--output-format", "json", "--statistics", str(bad))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{"code": "NL200", "name": "invalid-utf8", "count": 1, "fixable": 0}]


# -- output files, -, formats ------------------------------------------------------------------
def test_output_file_and_dash(tmp_path: Path, bad: Path) -> None:
    report = tmp_path / "report.json"
    result = invoke("check", "--no-cache", "--format", "json", "-o", str(report), str(bad))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text())[0]["code"] == "NL200"
    to_stdout = invoke("check", "--no-cache", "--output-format", "json", "--output-file", "-", str(bad))
    assert json.loads(to_stdout.stdout)[0]["code"] == "NL200" and not (Path.cwd() / "-").exists()


def test_output_file_is_never_written_through_a_link(tmp_path: Path, bad: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("keep me\n")
    (tmp_path / "link.json").symlink_to(target)
    result = invoke("check", "--no-cache", "-o", str(tmp_path / "link.json"), str(bad))
    assert result.exit_code == 2 and "report not written: is a symbolic link" in result.stderr
    assert target.read_text() == "keep me\n"


def test_output_dash_writes_the_repaired_article_to_stdout(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Council meets\n\nThe council met\u200b on Monday.\n", encoding="utf-8")
    result = invoke("check", "--no-cache", "--fix", "--select", "NL204", "--output", "-", str(story))
    assert result.stdout == "Council meets\n\nThe council met on Monday.\n"
    assert "Fixed 1 finding" in result.stderr and not (tmp_path / "-").exists()
    assert story.read_text(encoding="utf-8").count("\u200b") == 1  # the file itself untouched


def test_output_dash_for_json_lines_writes_the_records_to_stdout(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"title": "Council meets", "text": "The council met\u200b on Monday."}) + "\n")
    result = invoke("check", "--no-cache", "--fix", "--select", "NL204", "--output", "-", str(crawl))
    assert json.loads(result.stdout) == {"title": "Council meets", "text": "The council met on Monday."}


# -- ruff's conventions ------------------------------------------------------------------------
def test_dash_capital_v_prints_the_version() -> None:
    assert invoke("-V").output.startswith("newslint, version ")


def test_rule_is_explain() -> None:
    assert invoke("rule", "NL204").output == invoke("explain", "invisible-characters").output
    assert invoke("rule", "NL204").output.startswith('NL204')


def test_show_settings_names_the_config_and_options_in_kebab_case(tmp_path: Path, bad: Path) -> None:
    (tmp_path / "newslint.toml").write_text('ignore = ["NL5"]\n[rules.boilerplate-line]\nmax_words = 9\n')
    result = invoke("check", "--show-settings", str(bad))
    assert result.exit_code == 0
    assert f"config file: {tmp_path / 'newslint.toml'}" in result.output
    assert 'ignore: ["NL5"]' in result.output and "NL302 boilerplate-line: max-words = 9" in result.output
    assert "NL502" not in result.output


@pytest.mark.parametrize("spelling", ["max-title-words", "max_title_words"])
def test_rule_options_in_kebab_case_and_old_spelling(tmp_path: Path, spelling: str) -> None:
    from newslint.runner import prepare

    (tmp_path / "newslint.toml").write_text(f"[rules.NL301]\n{spelling} = 3\n")
    linter = prepare([str(tmp_path)], find_config=True)
    assert linter.resolved.options["NL301"]["max_title_words"] == 3  # as the rule declares it


def test_both_spellings_of_an_option_is_an_error(tmp_path: Path, bad: Path) -> None:
    (tmp_path / "newslint.toml").write_text("[rules.NL302]\nmax-words = 3\nmax_words = 4\n")
    result = invoke("check", str(bad))
    assert result.exit_code == 2 and "rules.boilerplate-line.max_words: given twice" in result.output


def test_force_color_and_no_color(bad: Path) -> None:
    assert "\x1b[" in invoke("check", "--no-cache", str(bad), env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in invoke("check", "--no-cache", str(bad), env={"FORCE_COLOR": "0"}).output
    assert "\x1b[" not in invoke("check", "--no-cache", str(bad)).output  # not a terminal


def test_carets_under_wide_characters_and_invisible_ones_shown(tmp_path: Path) -> None:
    story = tmp_path / "tokyo.txt"
    story.write_text("Tokyo council meets\n\n東京で会議が開かれた。 The council met\u200b on Monday.\n",
                     encoding="utf-8")
    lines = invoke("check", "--no-cache", "--select", "NL204", str(story)).output.splitlines()
    source, carets = lines[2], lines[3]
    assert source == "3 | 東京で会議が開かれた。 The council met<U+200B> on Monday."
    # 11 wide characters take 22 columns: the carets sit exactly under <U+200B>.
    start = len("3 | ") + 22 + len(" The council met")
    assert carets == "  | " + " " * (start - 4) + "^" * len("<U+200B>")


def test_shell_completion_script() -> None:
    command = Path(sys.executable).with_name("newslint")  # the installed command, as users run it
    proc = subprocess.run([str(command)], env={**os.environ, "_NEWSLINT_COMPLETE": "bash_source"},
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "complete -o nosort -F" in proc.stdout and "_NEWSLINT_COMPLETE" in proc.stdout
