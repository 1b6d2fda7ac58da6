"""One way to match paths: include, exclude and per-file-ignores are gitignore-style patterns
relative to the config's folder, whatever path is on the command line, and .gitignore is
respected while walking folders (issue #16, item 4)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BAD = "Café society\n\nThe café opened on Monday.\n".encode("latin-1")  # NL200 on line 1


def newslint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", *args, "--no-cache"], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})


def linted(proc: subprocess.CompletedProcess) -> set[str]:
    """The files a run reported (each holds one finding)."""
    return {line.split(":")[0].removeprefix("./") for line in proc.stdout.splitlines()
            if ": NL200 " in line}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with its config at the root and a corpus with drafts and legacy files."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ("corpus/a.txt", "corpus/drafts/x.txt", "corpus/legacy/old.txt", "drafts/top.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(BAD)
    (tmp_path / "newslint.toml").write_text(
        'exclude = ["corpus/drafts/"]\n[per-file-ignores]\n"legacy/" = ["NL200"]\n')
    return tmp_path


@pytest.mark.parametrize("cwd, args", [
    (".", ["corpus/"]), (".", ["."]), ("corpus", ["."]), ("corpus", ["a.txt", "drafts/x.txt", "legacy/old.txt"]),
    (".", ["corpus/a.txt", "corpus/drafts/x.txt", "corpus/legacy/old.txt"]),  # as pre-commit names them
], ids=["folder", "root", "from-inside", "files-from-inside", "pre-commit"])
def test_every_way_of_naming_the_corpus_decides_alike(repo: Path, cwd: str, args: list[str]) -> None:
    proc = newslint("check", *args, cwd=repo / cwd)
    names = {str((repo / cwd / name).resolve().relative_to(repo)) for name in linted(proc)}
    assert names <= {"corpus/a.txt", "drafts/top.txt"} and "corpus/a.txt" in names, proc.stdout
    assert "corpus/drafts/x.txt" not in names and "corpus/legacy/old.txt" not in names


def test_an_anchored_pattern_is_relative_to_the_config_not_to_the_command_line(repo: Path) -> None:
    # "corpus/drafts/" names the corpus's drafts only: the top-level drafts folder is linted.
    assert linted(newslint("check", ".", cwd=repo)) == {"corpus/a.txt", "drafts/top.txt"}
    (repo / "newslint.toml").write_text('exclude = ["drafts/"]\n')  # no slash inside: any depth
    assert linted(newslint("check", ".", cwd=repo)) == {"corpus/a.txt", "corpus/legacy/old.txt"}


def test_gitignore_is_respected_unless_turned_off(repo: Path) -> None:
    (repo / ".gitignore").write_text("corpus/a.txt\n")
    (repo / "corpus" / ".gitignore").write_text("legacy/\n!legacy/old.txt\n")  # git can't re-include it
    (repo / "newslint.toml").write_text("")
    assert linted(newslint("check", ".", cwd=repo)) == {"corpus/drafts/x.txt", "drafts/top.txt"}
    everything = {"corpus/a.txt", "corpus/drafts/x.txt", "corpus/legacy/old.txt", "drafts/top.txt"}
    assert linted(newslint("check", ".", "--no-respect-gitignore", cwd=repo)) == everything
    (repo / "newslint.toml").write_text("respect-gitignore = false\n")
    assert linted(newslint("check", ".", cwd=repo)) == everything


def test_git_agrees_with_what_is_skipped(repo: Path) -> None:
    (repo / ".gitignore").write_text("*.txt\n!corpus/**/*.txt\ncorpus/legacy/\n")
    (repo / "newslint.toml").write_text("")
    shown = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=repo,
                           capture_output=True, text=True, check=True).stdout.split()
    assert linted(newslint("check", ".", cwd=repo)) == {p for p in shown if p.endswith(".txt")}


def test_outside_a_git_repository_a_gitignore_means_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(BAD)
    (tmp_path / ".gitignore").write_text("*.txt\n")
    assert linted(newslint("check", ".", cwd=tmp_path)) == {"a.txt"}


def test_show_files_lists_what_check_would_lint(repo: Path) -> None:
    proc = newslint("check", "--show-files", "corpus", cwd=repo)
    assert proc.returncode == 0 and proc.stdout.split() == ["corpus/a.txt", "corpus/legacy/old.txt"]


def test_patterns_match_a_file_name_that_is_not_utf8_whatever_matcher_is_installed() -> None:
    # A name with a byte that is not UTF-8 reaches Python as a lone surrogate. With google-re2
    # installed (proselint pulls it in), pathspec chose re2, which raised on such a name.
    from newslint.paths import matches

    assert matches(("*.txt",), "caf\udce9.txt")
    assert not matches(("*.txt",), "caf\udce9.html")


def test_a_walker_s_relative_paths_are_relative_to_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Walker.relative works out each folder's part once; it must give what relative_to gives,
    inside the root, in a linked folder, outside it, and from another current folder."""
    from newslint.paths import Walker, relative_to

    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    walker = Walker(root, ["*.txt"], [])
    paths = [root / "x.txt", root / "a" / "b" / "y.txt", root / "linked" / "z.txt", tmp_path / "elsewhere" / "q.txt",
             root / "a" / ".." / "x.txt", Path("/etc/hosts")]
    for cwd in (root, tmp_path, root / "a"):
        monkeypatch.chdir(cwd)
        walker.folders.clear()
        walker.resolved.clear()  # (a walk never changes folder; this test does)
        for path in [*paths, Path(os.path.relpath(paths[1], cwd))]:
            assert walker.relative(path) == relative_to(path, root), path
