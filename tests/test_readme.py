"""The README's promises: its setup commands are the ones CI runs, and it lists every rule."""
from __future__ import annotations

import re
from pathlib import Path

from newslint.registry import load_rules

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = next(line for block in shell_blocks() for line in block.splitlines() if "pytest" in line)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_installs_and_lints_the_seeds() -> None:
    assert any(re.search(r"pip install '?\.(\[[a-z,-]+\])?'? ", b) and "newslint check seeds/" in b
               for b in shell_blocks())


def test_readme_lists_every_builtin_rule() -> None:
    for rule in load_rules(plugins=False).rules:
        assert f"| {rule.code} | {rule.name} |" in README, f"README lacks a row for {rule.code}"
