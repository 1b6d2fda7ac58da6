"""Architecture contracts: the engine never imports a rule; rules import no engine part;
the wheel ships the built-in rules inside newslint's namespace."""
from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
ENGINE = sorted((ROOT / "newslint").rglob("*.py"))
RULES = sorted((ROOT / "rules").glob("*.py"))
ENGINE_ONLY = ("newslint.runner", "newslint.cli", "newslint.config", "newslint.registry",
               "newslint.selection", "newslint.reporters", "newslint.sources")


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_files_were_found() -> None:
    assert len(ENGINE) > 10 and len(RULES) >= 2


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: str(p.relative_to(ROOT)))
def test_engine_never_imports_a_builtin_rule(path: Path) -> None:
    bad = {name for name in imports(path) if name.startswith(("newslint.rules.", "rules"))}
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_rules_import_no_engine_and_no_other_rule(path: Path) -> None:
    bad = {name for name in imports(path)
           if name.startswith(ENGINE_ONLY) or name.startswith(("newslint.rules", "rules"))}
    assert not bad, f"{path.name} imports {bad}"


def test_wheel_ships_builtin_rules_inside_newslint(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(tmp_path.glob("newslint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "newslint/rules/__init__.py" in names
    assert {f"newslint/rules/{p.name}" for p in RULES} <= set(names)
    assert not any(n.startswith("rules/") for n in names), "a top-level 'rules' package would clash"
    assert "newslint/data/all-MiniLM-L6-v2/tokenizer.json" in names  # the semantic extra's tokenizer
    assert "newslint/data/calibration.json" in names  # what each finding's confidence comes from
    assert "newslint/data/person_names.txt" in names  # NL101's given names and surnames
    # Load the rules from the wheel alone (not the source tree) in a clean interpreter.
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import newslint.registry as r; "
            "rs = r.load_rules(plugins=False); assert r.__file__.startswith(sys.argv[1]); "
            "print(len(rs.rules))")
    proc = subprocess.run([sys.executable, "-I", "-c", code, str(wheel)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) == len([m for m in RULES if m.name != "__init__.py"])


def test_installed_package_exposes_rules_only_inside_newslint(tmp_path: Path) -> None:
    # Run from an unrelated folder so the source tree is not on sys.path.
    code = ("import importlib.util as u, newslint.rules as r; "
            "print(u.find_spec('rules') is None, r.BUILTIN_MODULES[0])")
    proc = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[0] == "True"
