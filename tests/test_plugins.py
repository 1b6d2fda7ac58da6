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
    result = lint_paths([str(tmp_path)], jobs=1, trust_local_rules=True)
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
    result = CliRunner().invoke(main, ["check", "--trust-local-rules", str(tmp_path)])
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


# -- a config's rules-dir runs code from a checkout: only when trusted --------------------------
PLANTED = '''
from pathlib import Path
Path(__file__).with_name("ran").write_text("the checkout ran code")
from newslint.rule import Rule
RULE = Rule(code="LC002", name="planted", summary="planted", doc="LC002", check=lambda d, o: iter(()))
'''


def checkout_with_local_rules(tmp_path: Path, config: str = 'rules-dir = "myrules"\n') -> Path:
    """A checked-out repository whose config names a folder of Python files."""
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "shout.py").write_text(RULE_MODULE.format(code="LC001", name="shouting"))
    (tmp_path / "myrules" / "planted.py").write_text(PLANTED)
    (tmp_path / "newslint.toml").write_text(config)
    article(tmp_path)
    return tmp_path


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_TRUST_LOCAL_RULES"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True)


def test_a_discovered_rules_dir_runs_no_code_unless_trusted(tmp_path: Path) -> None:
    repo = checkout_with_local_rules(tmp_path)
    proc = run_cli("check", "--no-cache", ".", cwd=repo)
    assert not (repo / "myrules" / "ran").exists()  # nothing from the checkout was imported
    assert proc.returncode == 0, proc.stderr  # the run went on with the other rules
    assert "LC001" not in proc.stdout
    assert ("newslint: warning: local rules not loaded: " f"{repo / 'newslint.toml'} names rules-dir "
            f"{repo / 'myrules'}") in proc.stderr
    assert "--trust-local-rules" in proc.stderr and "NEWSLINT_TRUST_LOCAL_RULES=1" in proc.stderr


@pytest.mark.parametrize("how", [("--trust-local-rules",), ("--rules-dir", "myrules"), "env"],
                         ids=["flag", "rules-dir-on-command-line", "environment"])
def test_local_rules_load_when_the_user_asks(tmp_path: Path, how) -> None:
    config = "" if how[0] == "--rules-dir" else 'rules-dir = "myrules"\n'
    repo = checkout_with_local_rules(tmp_path, config)
    args = () if how == "env" else how
    proc = run_cli("check", "--no-cache", *args, ".", cwd=repo,
                   env={"NEWSLINT_TRUST_LOCAL_RULES": "1"} if how == "env" else None)
    assert proc.returncode == 1 and "LC001 headline is in capitals" in proc.stdout, proc.stderr
    assert (repo / "myrules" / "ran").exists() and "warning" not in proc.stderr


def test_selecting_an_untrusted_local_rule_is_a_usage_error_that_says_why(tmp_path: Path) -> None:
    repo = checkout_with_local_rules(tmp_path, 'rules-dir = "myrules"\nextend-select = ["LC001"]\n')
    proc = run_cli("check", "--no-cache", ".", cwd=repo)
    assert proc.returncode == 2 and not (repo / "myrules" / "ran").exists()
    assert "unknown rule code, prefix or name 'LC001'" in proc.stderr
    assert "whose Python files newslint runs only when trusted: pass --trust-local-rules" in proc.stderr


def test_the_library_loads_no_local_rules_unless_asked(tmp_path: Path) -> None:
    repo = checkout_with_local_rules(tmp_path)
    from newslint.runner import prepare

    assert prepare([str(repo)]).all_rules == prepare([]).all_rules  # no config read unless asked
    linter = prepare([str(repo)], find_config=True)
    assert linter.untrusted_rules_dirs == (repo / "myrules",)
    assert "LC001" not in {r.code for r in linter.all_rules} and not (repo / "myrules" / "ran").exists()
    assert "LC001" in {r.code for r in prepare([str(repo)], rules_dirs=[repo / "myrules"]).all_rules}
