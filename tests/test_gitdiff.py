"""--diff-base REV: the baseline story again, in a real git repository, with a rename, an
added and a deleted file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_baseline_story import (CLEAN, QUOTE, damage_with_new_line, findings, insert_paragraph_at_top,
                                 make_corpus, run)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args: str, cwd: Path) -> str:
    """Run git in ``cwd`` with a fixed identity and no user or system config."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", message, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds a corpus with findings, plus one more clean file."""
    git("init", "-q", "-b", "main", cwd=tmp_path)
    make_corpus(tmp_path / "corpus")
    shutil.copy(CLEAN / "business-137.txt", tmp_path / "corpus" / "doomed.txt")
    commit_all(tmp_path, "corpus as scraped")
    return tmp_path


def test_the_diff_base_story(repo: Path) -> None:
    base = git("rev-parse", "HEAD", cwd=repo)
    # Nothing changed yet: nothing to lint, nothing to report.
    ci = run("check", "corpus", "--diff-base", base, cwd=repo)
    assert ci.returncode == 0 and "linted 0 changed files" in ci.stdout

    # Edits that move lines, a rename (with an edit), an added and a deleted file: no new findings.
    insert_paragraph_at_top(repo / "corpus" / "telekom.txt")
    git("mv", "corpus/latin1.txt", "corpus/renamed.txt", cwd=repo)
    insert_paragraph_at_top(repo / "corpus" / "renamed.txt")
    shutil.copy(CLEAN / "business-203.txt", repo / "corpus" / "added.txt")
    (repo / "corpus" / "doomed.txt").unlink()
    commit_all(repo, "edits")
    statuses = git("diff", "--name-status", "-M", base, "HEAD", cwd=repo).splitlines()
    assert {line[0] for line in statuses} == {"A", "D", "M", "R"}  # git sees the rename as one
    ci = run("check", "corpus", "--diff-base", base, "--format", "json", cwd=repo)
    assert ci.returncode == 0, ci.stdout + ci.stderr
    assert json.loads(ci.stdout) == []
    text = run("check", "corpus", "--diff-base", base, cwd=repo)
    assert "linted 3 changed files" in text.stdout  # telekom, renamed, added; not deleted, not clean
    assert "already in" in text.stdout

    # A new damaged line in a file the change touches: exactly that one finding.
    damage_with_new_line(repo / "corpus" / "clean.txt")
    ci = run("check", "corpus", "--diff-base", base, "--format", "json", cwd=repo)
    assert ci.returncode == 1
    assert findings(ci) == [("corpus/clean.txt", "NL200")]

    # The same damage in an added file is new too; committing the change makes no difference.
    damage_with_new_line(repo / "corpus" / "added.txt")
    commit_all(repo, "more edits")
    ci = run("check", "corpus", "--diff-base", base, "--format", "json", cwd=repo)
    assert sorted(findings(ci)) == [("corpus/added.txt", "NL200"), ("corpus/clean.txt", "NL200")]

    # Repair both, and fix an old finding as well: passes.
    shutil.copy(CLEAN / "business-104.txt", repo / "corpus" / "clean.txt")
    shutil.copy(CLEAN / "business-203.txt", repo / "corpus" / "added.txt")
    telekom = repo / "corpus" / "telekom.txt"
    telekom.write_text(telekom.read_text(encoding="utf-8").replace(f"\n\n{QUOTE}", ""), encoding="utf-8")
    ci = run("check", "corpus", "--diff-base", base, cwd=repo)
    assert ci.returncode == 0, ci.stdout


def test_a_second_copy_of_old_damage_is_new(repo: Path) -> None:
    base = git("rev-parse", "HEAD", cwd=repo)
    with open(repo / "corpus" / "telekom.txt", "a", encoding="utf-8") as handle:
        handle.write(f"\n{QUOTE}\n")
    ci = run("check", "corpus", "--diff-base", base, "--format", "json", cwd=repo)
    assert ci.returncode == 1 and findings(ci) == [("corpus/telekom.txt", "NL401")]


def test_untracked_files_count_as_added(repo: Path) -> None:
    (repo / "corpus" / "new.txt").write_bytes(b"Caf\xe9 news\n\nThe caf\xe9 opened.\n")
    ci = run("check", "corpus", "--diff-base", "HEAD", "--format", "json", cwd=repo)
    assert findings(ci) == [("corpus/new.txt", "NL200")]


def test_outside_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus")
    # git must not find a repository above the temporary folder either
    ci = run("check", "corpus", "--diff-base", "HEAD", cwd=tmp_path, GIT_CEILING_DIRECTORIES=str(tmp_path.parent))
    assert ci.returncode == 2 and ci.stderr.startswith("newslint: error: --diff-base works inside a git repository")


def test_an_unknown_revision_is_a_clear_error(repo: Path) -> None:
    ci = run("check", "corpus", "--diff-base", "no-such-branch", cwd=repo)
    assert ci.returncode == 2
    assert "unknown revision 'no-such-branch'" in ci.stderr and ci.stdout == ""


def test_diff_base_refuses_fix(repo: Path) -> None:
    ci = run("check", "corpus", "--diff-base", "HEAD", "--fix", cwd=repo)
    assert ci.returncode == 2 and "--diff-base does not work with --fix" in ci.stderr
