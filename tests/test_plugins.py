"""Third-party rules: an installed entry-point plugin, a local rules folder, clashes, crashes."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.registry import RegistryError, load_rules
from newslint.runner import lint_paths

RULE_MODULE = '''
"""{code} {name}: shouting headline.

## What it does
Flags a headline in capitals.
## Why is this bad?
Shouting.
## Example
BREAKING NEWS
## Use instead
Breaking news
## Options
None.
"""
from newslint.rule import Finding, Rule


def check(doc, options):
    if doc.headline is not None and doc.headline.text(doc).isupper():
        yield Finding.at(doc.headline, "headline is in capitals")


RULE = Rule(code="{code}", name="{name}", summary="Shouting headline", doc=__doc__,
            check=check, bad_examples=("LOUD\\n\\nBody.\\n",), good_examples=("Calm\\n\\nBody.\\n",))
'''
CRASHING = '''
from newslint.rule import Rule


def check(doc, options):
    raise ValueError("boom")
    yield


RULE = Rule(code="LC900", name="always-crashes", summary="crashes", doc="LC900", check=check)
'''


def article(folder: Path, name: str = "a.txt", headline: str = "LOUD NEWS") -> Path:
    path = folder / name
    path.write_text(f"{headline}\n\nThe council met on Monday.\n", encoding="utf-8")
    return path


def test_local_rules_folder_is_loaded_from_config(tmp_path: Path) -> None:
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "shout.py").write_text(RULE_MODULE.format(code="LC001", name="shouting"))
    (tmp_path / "newslint.toml").write_text('rules-dir = "myrules"\nextend-select = ["LC001"]\n')
    article(tmp_path)
    result = lint_paths([str(tmp_path)], jobs=1)
    assert [(d.code, d.line) for d in result.diagnostics] == [("LC001", 1)]


def test_duplicate_codes_are_rejected_naming_both(tmp_path: Path) -> None:
    for stem in ("one", "two"):
        (tmp_path / f"{stem}.py").write_text(RULE_MODULE.format(code="LC001", name=f"rule-{stem}"))
    with pytest.raises(RegistryError) as err:
        load_rules([tmp_path], plugins=False)
    assert "duplicate rule 'LC001'" in str(err.value)
    assert "one.py" in str(err.value) and "two.py" in str(err.value)


def test_plugins_may_not_use_the_builtin_prefix(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text(RULE_MODULE.format(code="NL999", name="sneaky"))
    with pytest.raises(RegistryError, match="NL prefix is reserved"):
        load_rules([tmp_path], plugins=False)


def test_invalid_rule_records_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text(RULE_MODULE.format(code="lc1", name="Bad Name"))
    with pytest.raises(RegistryError, match="x.py: invalid rule: code 'lc1'.*name 'Bad Name'"):
        load_rules([tmp_path], plugins=False)


def test_a_crashing_rule_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    rules = tmp_path / "rules_here"
    rules.mkdir()
    (rules / "crash.py").write_text(CRASHING)
    (rules / "shout.py").write_text(RULE_MODULE.format(code="LC001", name="shouting"))
    (tmp_path / "newslint.toml").write_text('rules-dir = "rules_here"\nextend-select = ["LC"]\n')
    article(tmp_path, "a.txt")
    article(tmp_path, "b.txt")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert result.stdout.count("LC001 headline is in capitals") == 2  # other rules and files went on
    assert f"{tmp_path / 'a.txt'}: internal error in rule LC900 (always-crashes): ValueError: boom" in result.stderr
    assert f"{tmp_path / 'b.txt'}: internal error in rule LC900" in result.stderr


def test_installed_entry_point_plugin_is_picked_up(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "newslint_demo_plugin").mkdir(parents=True)
    (package / "newslint_demo_plugin" / "__init__.py").write_text(RULE_MODULE.format(code="DM001", name="demo-shouting"))
    (package / "pyproject.toml").write_text(textwrap.dedent('''
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"
        [project]
        name = "newslint-demo-plugin"
        version = "1.0"
        [project.entry-points."newslint.rules"]
        demo = "newslint_demo_plugin"
        [tool.setuptools]
        packages = ["newslint_demo_plugin"]
    '''))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), str(package)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target)}
    newslint = [sys.executable, "-m", "newslint"]
    listing = subprocess.run([*newslint, "rules"], capture_output=True, text=True, env=env, timeout=60)
    row = next(line.split() for line in listing.stdout.splitlines() if line.startswith("DM001"))
    assert row[:3] == ["DM001", "demo-shouting", "plugin"]
    path = article(tmp_path)
    proc = subprocess.run([*newslint, "check", "--select", "DM001", str(path)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 1 and f"{path}:1:1: DM001 headline is in capitals" in proc.stdout
