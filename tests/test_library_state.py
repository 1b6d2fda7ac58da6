"""The library holds no global state: no config is read from the current folder unless asked,
and the test helpers take Rule objects (issue #16, item 8)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint import lint_text
from newslint.rule import Finding, Rule
from newslint.runner import prepare
from newslint.testing import assert_clean, assert_findings, findings

DAMAGED = "Council meets\n\nThe council met\u200b on Monday.\n"


def _shouting(doc, options):
    if doc.headline is not None and doc.headline.text(doc).isupper():
        yield Finding.at(doc.headline, "headline is in capitals")


SHOUTING = Rule(code="AC001", name="shouting-headline", summary="The headline is in capitals",
                doc="AC001", check=_shouting)


@pytest.fixture
def hostile_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder whose config would switch every rule but NL502 off."""
    (tmp_path / "newslint.toml").write_text('select = ["NL502"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_lint_text_and_prepare_read_no_config_from_the_current_folder(hostile_folder: Path) -> None:
    assert [d.code for d in lint_text(DAMAGED)] == ["NL204"]
    assert "NL204" in {r.code for r in prepare().resolved.rules}
    asked = lint_text(DAMAGED, config=hostile_folder / "newslint.toml")
    assert asked == []  # the config, when named, is read


def test_testing_helpers_take_rule_objects_from_any_folder(hostile_folder: Path) -> None:
    assert_findings("BREAKING NEWS\n\nThe council met.\n", "AC001", rules=[SHOUTING])
    assert_clean("Council meets\n\nThe council met.\n", rules=[SHOUTING])
    assert [d.code for d in findings(DAMAGED, "NL204")] == ["NL204"]
    assert_findings(DAMAGED, "NL204")  # the default rules, not the folder's config


def test_a_rule_object_replaces_the_loaded_rule_of_its_code() -> None:
    from dataclasses import replace

    from newslint.registry import load_rules

    builtin = load_rules(plugins=False).by_code("NL204")
    silent = replace(builtin, check=lambda doc, options: iter(()))
    assert_clean(DAMAGED, rules=[silent])
    assert_findings(DAMAGED, "NL204", rules=[builtin])


@pytest.fixture
def default_collector():
    """Python's own collector thresholds for the test, restored after it."""
    import gc

    saved = gc.get_threshold()
    gc.set_threshold(700, *saved[1:])
    yield
    gc.set_threshold(*saved)


def test_the_library_leaves_the_callers_collector_alone(default_collector, tmp_path: Path) -> None:
    import gc

    from newslint import lint_paths

    (tmp_path / "a.txt").write_text(DAMAGED)
    lint_paths([str(tmp_path)], jobs=1)
    assert gc.get_threshold()[0] == 700


def test_the_command_line_collects_cycles_less_often_in_its_own_process(default_collector, tmp_path: Path) -> None:
    import gc

    from click.testing import CliRunner

    from newslint.cli import main
    from newslint.runner import OWN_PROCESS_GC_THRESHOLD

    (tmp_path / "a.txt").write_text(DAMAGED)
    result = CliRunner().invoke(main, ["check", "--no-cache", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert gc.get_threshold()[0] == OWN_PROCESS_GC_THRESHOLD > 700
