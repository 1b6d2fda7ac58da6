"""The pre-commit hook, through the real pre-commit framework.

A temporary git repository's .pre-commit-config.yaml points at this checkout (at a commit: the
current HEAD when the work tree is clean, else a temporary commit of the work tree, so what is
tested is the code in front of you). pre-commit clones it, builds the hook's own environment
(pip installs newslint and its dependencies from PyPI), and runs it on the staged articles.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_gitdiff import GIT_ENV

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean" / "business-005.txt"
SKIP = {".git", ".venv", "__pycache__", ".pytest_cache", "build", "dist", ".newslint_cache"}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env,
                          check=True).stdout.strip()


def _tracked_and_new(root: Path) -> list[str] | None:
    """The files of the work tree git would commit (None when ``root`` is not a checkout)."""
    try:
        out = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=root)
    except subprocess.CalledProcessError:
        return None
    return [name for name in out.split("\0") if name and (root / name).is_file()]


def hook_repository(tmp: Path) -> tuple[Path, str]:
    """A repository and commit holding this checkout's work tree, for pre-commit to clone."""
    if (ROOT / ".git").exists() and git("status", "--porcelain", cwd=ROOT) == "":
        return ROOT, git("rev-parse", "HEAD", cwd=ROOT)
    names = _tracked_and_new(ROOT)
    if names is None:  # an unpacked source tree: copy it, leaving out build and cache folders
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                 if p.is_file() and not SKIP & set(p.relative_to(ROOT).parts)]
    snapshot = tmp / "newslint-snapshot"
    for name in names:
        (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, snapshot / name)
    git("init", "-q", cwd=snapshot)
    git("add", "-A", cwd=snapshot)
    git("commit", "-q", "--no-verify", "-m", "work tree under test", cwd=snapshot)
    return snapshot, git("rev-parse", "HEAD", cwd=snapshot)


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=900)


def test_the_hook_passes_clean_articles_and_stops_damaged_ones(tmp_path: Path) -> None:
    hooks, rev = hook_repository(tmp_path)
    assert (hooks / ".pre-commit-hooks.yaml").is_file()
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: newslint\n",
        encoding="utf-8")
    home = tmp_path / "pre-commit-home"

    shutil.copy(CLEAN, project / "clean.txt")
    (project / "notes.md").write_bytes(b"Caf\xe9 notes: not an article, not linted\n")
    git("add", ".pre-commit-config.yaml", "clean.txt", "notes.md", cwd=project)
    passed = pre_commit("run", cwd=project, home=home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "newslint" in passed.stdout and "Passed" in passed.stdout

    (project / "damaged.txt").write_bytes(b"Caf\xe9 society\n\nThe caf\xe9 opened on Monday.\n")
    git("add", "damaged.txt", cwd=project)
    failed = pre_commit("run", cwd=project, home=home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "damaged.txt:1:4: NL200 file is not valid UTF-8" in failed.stdout
    assert "clean.txt:" not in failed.stdout

    # The same through git itself, with the hook installed: the commit is refused.
    assert pre_commit("install", cwd=project, home=home).returncode == 0
    commit = subprocess.run(["git", "commit", "-m", "scrape"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)}, timeout=900)
    assert commit.returncode != 0 and "NL200" in commit.stdout + commit.stderr
    git("rm", "-q", "--cached", "damaged.txt", cwd=project)
    commit = subprocess.run(["git", "commit", "-m", "scrape"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)}, timeout=900)
    assert commit.returncode == 0, commit.stdout + commit.stderr


def test_the_hook_definition_and_the_readme_snippets_agree() -> None:
    yaml = pytest.importorskip("yaml")  # PyYAML comes with pre-commit
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "newslint" and hook["entry"] == "newslint check"
    assert hook["language"] == "python" and hook["types"] == ["text"] and hook["files"] == r"\.txt$"
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = readme.split("## Use in CI", 1)[1].split("\n## ", 1)[0]
    blocks = [yaml.safe_load(b) for b in ci.split("```yaml\n")[1:] for b in [b.split("```", 1)[0]]]
    precommit, github, gitlab = blocks
    assert precommit["repos"][0]["hooks"][0]["id"] == hook["id"]
    steps = github["jobs"]["newslint"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert any("--format sarif" in s.get("run", "") for s in steps)
    assert gitlab["newslint"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
