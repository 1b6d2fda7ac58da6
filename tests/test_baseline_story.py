"""A team adopts newslint on a corpus that already has findings: the story, through the real CLI.

The articles are clean BBC articles from tests/fixtures/clean with damage today's rules detect:
an invalid UTF-8 byte (NL200), a quotation given twice (NL401) and an injected "More news:" link
line (NL301, whose flagged text is the whole line).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

CLEAN = Path(__file__).parent / "fixtures" / "clean"
QUOTE = ("\"It's a seminal achievement that they cut debt so low. That gives them some head room "
         "to invest in growth now,\" Mr Wittig added.")
LINK_LINE = "More news: Snow closes dozens of schools across the Highlands"
NEW_PARAGRAPH = "The figures were published on Thursday morning."


def newslint() -> str:
    """The installed newslint command (the one users run)."""
    found = shutil.which("newslint", path=os.path.dirname(sys.executable)) or shutil.which("newslint")
    assert found, "the newslint command is not installed"
    return found


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the installed newslint in ``cwd`` (with extra environment variables)."""
    return subprocess.run([newslint(), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", **env})


def findings(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    """(path, code) of each finding in a ``--format json`` run."""
    return [(f["path"], f["code"]) for f in json.loads(proc.stdout)]


def insert_paragraph_at_top(path: Path, paragraph: str = NEW_PARAGRAPH) -> None:
    """Put a clean paragraph right after the headline (keeps the file's encoding as it is)."""
    data = path.read_bytes()
    head, _, body = data.partition(b"\n\n")
    path.write_bytes(head + b"\n\n" + paragraph.encode() + b"\n\n" + body)


def make_corpus(folder: Path) -> None:
    """Three articles: one with a repeated quote and a link line, one not UTF-8, one clean."""
    folder.mkdir(parents=True)
    deutsche = (CLEAN / "business-038.txt").read_text(encoding="utf-8").rstrip("\n")
    (folder / "telekom.txt").write_text(f"{deutsche}\n\n{LINK_LINE}\n\n{QUOTE}\n", encoding="utf-8")
    other = (CLEAN / "business-071.txt").read_text(encoding="utf-8")
    (folder / "latin1.txt").write_bytes(other.replace(" the ", " the caf\udce9 ", 1)
                                        .encode("utf-8", "surrogateescape"))
    shutil.copy(CLEAN / "business-104.txt", folder / "clean.txt")


def damage_with_new_line(path: Path) -> None:
    """Append a paragraph holding a Latin-1 byte: exactly one new NL200 finding."""
    with open(path, "ab") as handle:
        handle.write(b"\nShares in the caf\xe9 chain rose by 3%.\n")


def test_the_baseline_story(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    before = run("check", "--format", "json", "corpus", cwd=tmp_path)
    assert before.returncode == 1
    codes = {code for _, code in findings(before)}
    assert {"NL200", "NL401"} <= codes, codes  # the story needs findings of both kinds

    # 1. Adopt newslint: record the existing findings; CI passes.
    wrote = run("baseline", "corpus", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    recorded = json.loads((tmp_path / ".newslint-baseline.json").read_text(encoding="utf-8"))
    assert len(recorded["findings"]) == len(findings(before))
    ci = run("check", "corpus", "--baseline", ".newslint-baseline.json", cwd=tmp_path)
    assert ci.returncode == 0, ci.stdout
    assert f"{len(findings(before))} baselined findings not shown." in ci.stdout

    # 2. An editor inserts a clean paragraph at the top of the files with findings: lines move,
    #    the findings are still the baselined ones.
    insert_paragraph_at_top(corpus / "telekom.txt")
    insert_paragraph_at_top(corpus / "latin1.txt")
    moved = run("check", "--format", "json", "corpus", cwd=tmp_path)
    assert sorted(findings(moved)) == sorted(findings(before))
    assert [f["line"] for f in json.loads(moved.stdout)] != [f["line"] for f in json.loads(before.stdout)]
    ci = run("check", "corpus", "--baseline", ".newslint-baseline.json", cwd=tmp_path)
    assert ci.returncode == 0, ci.stdout

    # 3. A scraper run damages another article: CI fails on exactly that finding.
    damage_with_new_line(corpus / "clean.txt")
    ci = run("check", "corpus", "--baseline", ".newslint-baseline.json", "--format", "json", cwd=tmp_path)
    assert ci.returncode == 1
    new = json.loads(ci.stdout)
    assert [(f["path"], f["code"]) for f in new] == [("corpus/clean.txt", "NL200")]
    text = run("check", "corpus", "--baseline", ".newslint-baseline.json", cwd=tmp_path)
    assert "corpus/clean.txt" in text.stdout and "Found 1 finding in 3 files checked." in text.stdout

    # 4. The damage is repaired, and so is one baselined finding: CI passes and says so.
    shutil.copy(CLEAN / "business-104.txt", corpus / "clean.txt")
    (corpus / "latin1.txt").write_bytes((corpus / "latin1.txt").read_bytes().replace(b"caf\xe9 ", b""))
    ci = run("check", "corpus", "--baseline", ".newslint-baseline.json", cwd=tmp_path)
    assert ci.returncode == 0, ci.stdout
    assert "1 fixed since baseline; run `newslint baseline` to prune." in ci.stdout

    # Pruning: a new baseline no longer holds the fixed finding.
    assert run("baseline", "corpus", cwd=tmp_path).returncode == 0
    pruned = json.loads((tmp_path / ".newslint-baseline.json").read_text(encoding="utf-8"))
    assert len(pruned["findings"]) == len(recorded["findings"]) - 1
    assert "fixed since baseline" not in run("check", "corpus", "--baseline", ".newslint-baseline.json",
                                             cwd=tmp_path).stdout


def test_a_second_copy_of_baselined_text_is_new(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    assert run("baseline", "corpus", cwd=tmp_path).returncode == 0
    with open(corpus / "telekom.txt", "a", encoding="utf-8") as handle:
        handle.write(f"\n{LINK_LINE}\n\n{QUOTE}\n")  # the same quote a third time
    ci = run("check", "corpus", "--baseline", ".newslint-baseline.json", "--format", "json", cwd=tmp_path)
    assert ci.returncode == 1
    assert ("corpus/telekom.txt", "NL401") in findings(ci)
    assert all(path == "corpus/telekom.txt" for path, _ in findings(ci))


def test_a_renamed_file_is_reported_as_new_and_says_why(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    assert run("baseline", "corpus", cwd=tmp_path).returncode == 0
    (corpus / "latin1.txt").rename(corpus / "renamed.txt")
    ci = run("check", "corpus", "--baseline", ".newslint-baseline.json", cwd=tmp_path)
    assert ci.returncode == 1
    assert "corpus/renamed.txt:" in ci.stdout and "NL200" in ci.stdout
    assert "renamed or moved files are reported as new" in ci.stdout
    assert "1 fixed since baseline" in ci.stdout  # the old path's finding is gone from the corpus


def test_baseline_paths_are_relative_to_its_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    (tmp_path / "ci").mkdir()
    assert run("baseline", "corpus", "-o", "ci/newslint.json", cwd=tmp_path).returncode == 0
    paths = {e["path"] for e in json.loads((tmp_path / "ci" / "newslint.json").read_text())["findings"]}
    assert paths == {"../corpus/telekom.txt", "../corpus/latin1.txt"}
    # Run from another folder with other spellings of the same paths: same fingerprints.
    ci = run("check", str(corpus), "--baseline", str(tmp_path / "ci" / "newslint.json"), cwd=corpus)
    assert ci.returncode == 0, ci.stdout
    ci = run("check", ".", "--baseline", "../ci/newslint.json", cwd=corpus)
    assert ci.returncode == 0, ci.stdout
