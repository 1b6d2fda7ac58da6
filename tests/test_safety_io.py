"""Safe to run in any checkout, on any input (issue #12): the cache, reading, writing, exit codes.

Each case first reproduces, through the real command line, what a hostile or odd checkout did
before (deleted folders outside it, ran a planted pickle, hung on a FIFO, read /dev/zero, wrote
through links, crashed with exit 1), then asserts the safe behaviour.
"""
from __future__ import annotations

import gzip
import json
import os
import pickle
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import cache as cache_module
from newslint import jsonl
from newslint.cache_entry import BadEntry, Unstorable, decode, encode
from newslint.cli import main
from newslint.runner import Anchor, FileResult, lint_paths, prepare
from newslint.sources import MAX_FILE_BYTES, Source

ARTICLE = "Council approves cycle lanes\n\nThe council approved three new{} lanes on Monday.\n"
DAMAGED = ARTICLE.format("\u200b")  # NL204 finds (and safely fixes) the zero-width space
CLEAN = "Council backs budget\n\nThe council approved the budget on Monday after a long debate.\n"
DAYS = 86400


def cli(*args: str, cwd: Path, stdin: object = subprocess.DEVNULL, env: dict | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real ``newslint`` command (a new process, as a user or CI would)."""
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, stdin=stdin,
                          capture_output=True, text=True, timeout=timeout, env=env)


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def snapshot(folder: Path, skip: Path | None = None) -> dict[str, tuple[bool, int, float, bytes]]:
    """Every path under ``folder`` (not under ``skip``) with what it is, holds and when it changed."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        seen[str(path)] = (path.is_symlink(), info.st_mode, info.st_mtime, content)
    return seen


# -- 1. the cache prune never leaves the cache -------------------------------------------------
def _home_with_old_projects(tmp_path: Path) -> tuple[Path, Path]:
    """The issue's layout: H/projects (untouched for 30 days) and a checkout H/src/evil."""
    home = tmp_path / "H"
    (home / "projects" / "x").mkdir(parents=True)
    (home / "projects" / "x" / "thesis.txt").write_text("years of work\n")
    repo = home / "src" / "evil"
    (repo / ".newslint_cache").mkdir(parents=True)
    (repo / "story.txt").write_text(CLEAN, encoding="utf-8")
    month_ago = time.time() - 30 * DAYS
    for path in (home / "projects" / "x" / "thesis.txt", home / "projects" / "x", home / "projects"):
        os.utime(path, (month_ago, month_ago))
    return home, repo


@pytest.mark.parametrize("link", [".newslint_cache/v1", ".newslint_cache"])
def test_a_symlinked_cache_folder_deletes_and_writes_nothing_outside(tmp_path: Path, link: str) -> None:
    home, repo = _home_with_old_projects(tmp_path)
    if link == ".newslint_cache":
        (repo / ".newslint_cache").rmdir()
        (repo / link).symlink_to(home)
    else:
        (repo / link).symlink_to("../../..")  # .newslint_cache/v1 -> H
    before = snapshot(home, skip=repo)
    proc = cli("check", "story.txt", cwd=repo)
    assert proc.returncode == 0, proc.stderr  # the issue: exit 0, and H/projects was gone
    assert "symbolic link" in proc.stderr and "cache is not used" in proc.stderr
    assert snapshot(home, skip=repo) == before  # nothing removed, added or touched outside
    assert (home / "projects" / "x" / "thesis.txt").read_text() == "years of work\n"


def test_a_symlinked_configuration_folder_is_neither_pruned_nor_used(tmp_path: Path) -> None:
    home, repo = _home_with_old_projects(tmp_path)
    # A stale-looking folder named like a salt, with a marker, but reached through a link.
    (home / "projects" / cache_module.USED_MARKER).write_text("")
    old = time.time() - 30 * DAYS
    os.utime(home / "projects" / cache_module.USED_MARKER, (old, old))
    versions = repo / ".newslint_cache" / "v1"
    versions.mkdir()
    (versions / ("0" * 32)).symlink_to(home / "projects")
    # This run's own configuration folder, planted as a link out of the checkout.
    os.chdir(repo)
    try:
        own = cache_module.salt(prepare(["story.txt"]))
    finally:
        os.chdir(tmp_path)
    (versions / own).symlink_to(home / "projects")
    before = snapshot(home, skip=repo)
    proc = cli("check", "story.txt", cwd=repo)
    assert proc.returncode == 0 and "cache is not used" in proc.stderr
    assert snapshot(home, skip=repo) == before


def test_prune_removes_only_stale_folders_newslint_made(tmp_path: Path) -> None:
    versions = tmp_path / "cache" / "v1"
    outside = tmp_path / "outside"
    outside.mkdir()
    old = time.time() - (cache_module.STALE_AFTER_DAYS + 1) * DAYS

    def folder(name: str, marker: str | None = "file") -> Path:
        path = versions / name
        path.mkdir(parents=True)
        (path / "ab").mkdir()
        if marker == "file":
            (path / cache_module.USED_MARKER).write_text("")
            os.utime(path / cache_module.USED_MARKER, (old, old))
        elif marker == "link":
            (outside / "old-file").write_text("")
            os.utime(outside / "old-file", (old, old))
            (path / cache_module.USED_MARKER).symlink_to(outside / "old-file")
        os.utime(path, (old, old))
        return path

    stale = folder("a" * 32)
    unmarked = folder("b" * 32, marker=None)
    misnamed = folder("not-a-salt")
    linked_marker = folder("c" * 32, marker="link")
    (outside / "keepme").mkdir()
    (outside / "keepme" / cache_module.USED_MARKER).write_text("")
    os.utime(outside / "keepme" / cache_module.USED_MARKER, (old, old))
    (versions / ("d" * 32)).symlink_to(outside / "keepme")
    (stale / "ab" / "escape").symlink_to(outside)  # rmtree must remove the link, not follow it
    keep = versions / ("e" * 32)

    removed = cache_module.prune(versions, keep=keep)
    assert removed == [stale] and not stale.exists()
    assert unmarked.exists() and misnamed.exists() and linked_marker.exists()
    assert (versions / ("d" * 32)).is_symlink() and (outside / "keepme" / cache_module.USED_MARKER).exists()
    assert (outside / "old-file").exists()


def test_the_cache_folder_is_git_ignored_and_tagged(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(CLEAN, encoding="utf-8")
    assert cli("check", "story.txt", cwd=tmp_path).returncode == 0
    cache_dir = tmp_path / ".newslint_cache"
    assert (cache_dir / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    # A link planted where those files go is never written through.
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n")
    (cache_dir / ".gitignore").unlink()
    (cache_dir / ".gitignore").symlink_to(victim)
    assert cli("check", "story.txt", cwd=tmp_path).returncode == 0
    assert victim.read_text() == "mine\n"


# -- 2. cache entries are data, never code -----------------------------------------------------
class _Payload:
    """Unpickling this creates ``path``: harmless, and proof that code ran."""

    def __init__(self, path: Path):
        self.path = str(path)

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def _entry_path(repo: Path, name: str) -> Path:
    """Where ``newslint check --select NL204 NAME`` run in ``repo`` keeps (and looks for) the
    file's result: the path a planted entry needs."""
    os.chdir(repo)
    try:
        linter = prepare([name], cache_dir=repo / ".newslint_cache", select=["NL204"])
        return linter.cache._entry(Source(name), (repo / name).read_bytes(), corpus=False)
    finally:
        os.chdir(repo.parent)


def test_a_planted_pickle_at_an_entry_path_never_runs(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "story.txt").write_text(DAMAGED, encoding="utf-8")
    probe, marker = tmp_path / "probe", tmp_path / "code-ran"
    pickle.loads(pickle.dumps(_Payload(probe)))
    assert probe.exists(), "the payload would run if anything unpickled it"
    entry = _entry_path(repo, "story.txt")
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(pickle.dumps(_Payload(marker)))
    proc = cli("check", "--select", "NL204", "story.txt", cwd=repo)
    assert not marker.exists()
    assert proc.returncode == 1 and "NL204" in proc.stdout
    assert json.loads(entry.read_bytes())["path"] == "story.txt"  # rewritten as a JSON entry


@pytest.mark.parametrize("planted", [
    pickle.dumps(42),  # a valid pickle of the wrong type crashed the run (exit 1)
    b"[" * 100_000 + b"]" * 100_000,
    b'{"newslint-cache": 2, "path": "story.txt", "checked": true, "diagnostics": [], '
    b'"problems": [], "signatures": {"X": [' + b"9" * 5000 + b', [1, 1, 1, 1, ""]]}}',
    b'{"newslint-cache": 2, "path": "story.txt", "checked": true, "diagnostics": '
    b'[["story.txt", "1", 1, 1, 1, "NL204", "x", "m", "warning", "s", null, "", null, null]], '
    b'"problems": [], "signatures": {}}',
    b'{"newslint-cache": 2, "path": "other.txt", "checked": true, "diagnostics": [], '
    b'"problems": [], "signatures": {}}',
    b"\x80garbage",
], ids=["wrong-type-pickle", "deep", "huge-int", "wrong-field-type", "other-file", "garbage"])
def test_a_bad_entry_is_ignored_and_rewritten(tmp_path: Path, planted: bytes) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "story.txt").write_text(DAMAGED, encoding="utf-8")
    entry = _entry_path(repo, "story.txt")
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(planted)
    proc = cli("check", "--select", "NL204", "story.txt", cwd=repo)
    assert proc.returncode == 1 and "NL204" in proc.stdout and "Traceback" not in proc.stderr
    assert json.loads(entry.read_bytes())["path"] == "story.txt"


def test_a_link_at_an_entry_path_is_replaced_not_followed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "story.txt").write_text(DAMAGED, encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n")
    entry = _entry_path(repo, "story.txt")
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.symlink_to(victim)
    assert cli("check", "--select", "NL204", "story.txt", cwd=repo).returncode == 1
    assert victim.read_text() == "mine\n" and not entry.is_symlink()


def test_entries_round_trip_exactly(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    result = lint_paths([str(path)], jobs=1, select=["NL204"])
    [diagnostic] = result.diagnostics
    assert diagnostic.fix is not None
    stored = FileResult([diagnostic], result.problems, [], {"XX001": (
        {"tuple": (1, 2.5, "\udc80"), "bytes": b"\x00\xff", "list": [None, True]},
        Anchor(1, 2, 3, 4, "snippet", b"\x01\x00", "a line"))}, checked=True)
    back = decode(encode(str(path), stored), str(path))
    assert back == stored
    with pytest.raises(Unstorable):
        encode(str(path), FileResult(signatures={"XX001": ({1, 2}, Anchor(1, 1, 1, 1, ""))}))
    with pytest.raises(BadEntry):
        decode(encode(str(path), stored), "another.txt")


# -- 5. only regular files are read, and never more than the limit --------------------------------
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


@needs_fifo
@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
@pytest.mark.parametrize("name", ["pipe.txt", "pipe.jsonl"])
def test_a_fifo_is_an_input_problem_and_never_hangs(tmp_path: Path, name: str, cache: bool) -> None:
    os.mkfifo(tmp_path / name)
    (tmp_path / "story.txt").write_text(DAMAGED, encoding="utf-8")
    flags = [] if cache else ["--no-cache"]
    proc = cli("check", "--select", "NL204", "--include", "*.txt", "--include", "*.jsonl", *flags, ".",
               cwd=tmp_path, timeout=60)  # before: hung forever
    assert proc.returncode == 2
    assert f"{name}: cannot read file: is a FIFO (named pipe), not a regular file" in proc.stderr
    assert "story.txt:3:" in proc.stdout  # the rest of the run went on


needs_dev_zero = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


@needs_dev_zero
@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_a_link_to_a_device_is_never_read(tmp_path: Path, cache: bool) -> None:
    (tmp_path / "x.txt").symlink_to("/dev/zero")
    (tmp_path / "story.txt").write_text(DAMAGED, encoding="utf-8")
    flags = [] if cache else ["--no-cache"]
    proc = cli("check", "--select", "NL204", *flags, ".", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2  # before: 2.7 GB read, MemoryError, exit 1, the run lost
    assert "x.txt: cannot read file: is a character device, not a regular file" in proc.stderr
    assert "story.txt:3:" in proc.stdout


@needs_dev_zero
@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_device_as_config_or_baseline_is_a_usage_error(tmp_path: Path, option: str) -> None:
    (tmp_path / "story.txt").write_text(CLEAN, encoding="utf-8")
    proc = cli("check", option, "/dev/zero", "story.txt", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2 and "/dev/zero" in proc.stderr
    assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


@needs_dev_zero
def test_stdin_is_read_up_to_the_limit(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as endless:
        proc = cli("check", "-", cwd=tmp_path, stdin=endless, timeout=60)
    assert proc.returncode == 2 and "-: file is too large to be an article" in proc.stderr


def _gzip_with_a_long_first_record(path: Path, length: int) -> None:
    """A .jsonl.gz whose first line is ``length`` zeros (tiny compressed), then a damaged article."""
    chunk = b"0" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as out:
        for _ in range(length // len(chunk)):
            out.write(chunk)
        out.write(b"\n" + json.dumps({"id": "r2", "title": "Council approves cycle lanes",
                                      "text": DAMAGED.split("\n\n", 1)[1]}).encode() + b"\n")


def test_a_gzip_bomb_record_is_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl.gz"
    _gzip_with_a_long_first_record(path, MAX_FILE_BYTES + (4 << 20))
    assert path.stat().st_size < 1 << 20  # under 1 MB on disk, over 50 MB decompressed
    proc = cli("check", "--select", "NL204", str(path), cwd=tmp_path, timeout=120)
    assert proc.returncode == 2
    assert f"crawl.jsonl.gz:1: record 1: more than {MAX_FILE_BYTES:,} bytes" in proc.stderr
    assert "crawl.jsonl.gz[2]:3:" in proc.stdout  # the next record was linted


def test_memory_for_a_long_record_is_bounded_by_the_limit(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # With the limit at 1 MB, a 48 MB record must never be held whole: measured, not timed.
    monkeypatch.setattr(jsonl, "MAX_FILE_BYTES", 1 << 20)
    path = tmp_path / "crawl.jsonl.gz"
    _gzip_with_a_long_first_record(path, 48 << 20)
    tracemalloc.start()
    try:
        found = list(jsonl.records(str(path)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(f).__name__ for f in found] == ["Problem", "Source"]
    assert peak < 8 << 20, f"peak {peak:,} bytes while reading a 48 MB record with a 1 MB limit"


def test_a_small_article_never_costs_a_limit_sized_buffer(tmp_path: Path) -> None:
    # Asking for limit + 1 bytes at once made a 50 MB buffer for every file (and ran the warm
    # cache several times slower): the read asks for what the file holds.
    from newslint.sources import read_file

    path = tmp_path / "story.txt"
    path.write_text(CLEAN, encoding="utf-8")
    tracemalloc.start()
    try:
        data = read_file(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == CLEAN.encode("utf-8") and peak < 256 << 10, f"peak {peak:,} bytes for {len(data)}"


def test_an_oversized_plain_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(CLEAN * 10, encoding="utf-8")
    result = invoke("check", "--no-cache", str(path))
    assert result.exit_code == 2 and f"{path}: file is too large to be an article" in result.stderr


# -- 7. writes never follow a symbolic link ----------------------------------------------------
@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file outside the checkout that links in the checkout point at."""
    path = tmp_path / "victim" / "important.txt"
    path.parent.mkdir()
    path.write_text(DAMAGED, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = tmp_path / "repo"
    path.mkdir()
    return path


def test_fix_never_rewrites_the_target_of_a_symlinked_article(repo: Path, victim: Path) -> None:
    (repo / "story.txt").symlink_to("../victim/important.txt")
    proc = cli("check", "--fix", "--select", "NL204", "story.txt", cwd=repo)
    assert victim.read_text(encoding="utf-8") == DAMAGED and (repo / "story.txt").is_symlink()
    assert proc.returncode == 2 and "story.txt: fixes not written: is a symbolic link" in proc.stderr
    assert "story.txt:3:" in proc.stdout and "0 remain" not in proc.stdout  # its finding stands


def test_fix_never_writes_through_a_shipped_fixed_jsonl_link(repo: Path, victim: Path) -> None:
    before = victim.read_bytes()
    record = {"id": "a1", "title": "Council approves cycle lanes", "text": DAMAGED.split("\n\n", 1)[1]}
    (repo / "crawl.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (repo / "crawl.fixed.jsonl").symlink_to("../victim/important.txt")
    proc = cli("check", "--fix", "--select", "NL204", "crawl.jsonl", cwd=repo)
    assert victim.read_bytes() == before and (repo / "crawl.fixed.jsonl").is_symlink()
    assert proc.returncode == 2 and "fixes not written: is a symbolic link" in proc.stderr
    # Before, the failed write still printed "All checks passed ... 0 remain".
    assert "All checks passed" not in proc.stdout and "0 remain" not in proc.stdout
    assert "crawl.jsonl[1]:3:" in proc.stdout and "1 remains." in proc.stdout


def test_a_failed_json_lines_write_keeps_the_findings(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = {"id": "a1", "title": "Council approves cycle lanes", "text": DAMAGED.split("\n\n", 1)[1]}
    path = repo / "crawl.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    result = invoke("check", "--fix", "--select", "NL204", str(path))
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert "crawl.jsonl[1]:3:" in result.stdout and "Fixed 0 findings (0 files changed); 1 remains." in result.stdout
    assert not (repo / "crawl.fixed.jsonl").exists()


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
def test_output_is_never_written_through_a_symlink(repo: Path, victim: Path, dangling: bool) -> None:
    (repo / "story.txt").write_text(DAMAGED, encoding="utf-8")
    target = victim.parent / "new.txt" if dangling else victim
    (repo / "out.txt").symlink_to(target)
    proc = cli("check", "--fix", "--select", "NL204", "--output", "out.txt", "story.txt", cwd=repo)
    assert proc.returncode == 2 and "is a symbolic link" in proc.stderr
    assert victim.read_text(encoding="utf-8") == DAMAGED and not (victim.parent / "new.txt").exists()


@pytest.mark.parametrize("where", [[], ["-o", "base.json"]], ids=["default", "named"])
def test_baseline_is_never_written_through_a_symlink(repo: Path, victim: Path, where: list[str]) -> None:
    (repo / "story.txt").write_text(DAMAGED, encoding="utf-8")
    (repo / (where[1] if where else ".newslint-baseline.json")).symlink_to("../victim/important.txt")
    proc = cli("baseline", "--select", "NL204", *where, "story.txt", cwd=repo)
    assert proc.returncode == 2 and "is a symbolic link" in proc.stderr and "Traceback" not in proc.stderr
    assert victim.read_text(encoding="utf-8") == DAMAGED


# -- 9. every malformed input is exit 2, every crash exit 3, never a traceback and exit 1 -----------
@pytest.mark.parametrize("text", [
    '{"newslint-baseline": 1, "findings": [' + "1" * 5000 + "]}",
    "[" * 100_000 + "]" * 100_000,
], ids=["5000-digit-integer", "100000-deep"])
def test_a_malformed_baseline_is_exit_2_naming_the_file(tmp_path: Path, text: str) -> None:
    (tmp_path / "story.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "base.json").write_text(text)
    proc = cli("check", "--baseline", "base.json", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("newslint: error: baseline base.json is not valid JSON")
    assert len(proc.stderr) < 400  # one line, not the file quoted back


@pytest.mark.parametrize("name,text,why", [
    ("pyproject.toml", '[[tool.newslint]]\nselect = ["NL1"]\n', "must be a table"),
    ("pyproject.toml", '[tool]\nnewslint = 3\n', "must be a table"),
    ("pyproject.toml", 'tool = "x"\n[tool.newslint]\n', "invalid TOML"),
    ("newslint.toml", "[rules.duplicate-paragraph]\ncoverage = nan\n", "must be a finite number"),
    ("newslint.toml", "[rules.duplicate-paragraph]\ncoverage = inf\n", "must be a finite number"),
    ("newslint.toml", "[rules.duplicate-paragraph]\ncoverage = -0.5\n", "must not be negative"),
    ("newslint.toml", "[rules.boilerplate-line]\nmax-words = -3\n", "must not be negative"),
    ("newslint.toml", "[rules.injected-link-line]\nextra_prefixes = [1, {}]\n", "expected tuple"),
    ("newslint.toml", "[rules.boilerplate-line]\nmax-words = 1" + "0" * 5000 + "\n", "invalid TOML"),
    ("newslint.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "invalid TOML"),
], ids=["array-of-tables", "tool-newslint-not-a-table", "tool-not-a-table", "nan", "inf",
        "negative-share", "negative-count", "mixed-list", "huge-integer", "deep-array"])
def test_a_malformed_config_is_exit_2_naming_the_file(tmp_path: Path, name: str, text: str, why: str) -> None:
    (tmp_path / "story.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / name).write_text(text)
    proc = cli("check", "--no-cache", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"newslint: error: {tmp_path / name}: ") and why in proc.stderr
    assert len(proc.stderr) < 400


def test_an_uncaught_error_is_exit_3_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import runner

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something newslint did not expect")
    monkeypatch.setattr(runner, "gather", broken)
    (tmp_path / "story.txt").write_text(CLEAN, encoding="utf-8")
    result = invoke("check", "--no-cache", str(tmp_path / "story.txt"))
    assert result.exit_code == 3 and "Traceback" not in result.stderr
    assert result.stderr == ("newslint: internal error: RuntimeError: something newslint did not expect "
                             "(set NEWSLINT_TRACEBACK=1 to see where)\n")
    monkeypatch.setenv("NEWSLINT_TRACEBACK", "1")
    result = invoke("check", "--no-cache", str(tmp_path / "story.txt"))
    assert result.exit_code == 3 and "Traceback (most recent call last)" in result.stderr


BAD_PLUGIN = '''
"""LC700 plugin yielding {what}."""
from newslint.rule import Edit, Finding, Fix, Rule


def check(doc, options):
    yield {finding}


RULE = Rule(code="LC700", name="bad-output", summary="bad output", doc=__doc__, check=check)
'''


@pytest.mark.parametrize("what,finding,why", [
    ("a span past the end", "Finding(0, len(doc.text) + 5, 'm')", "finding span 0..{n} is not inside"),
    ("a negative start", "Finding(-1, 3, 'm')", "finding span -1..3 is not inside"),
    ("end before start", "Finding(5, 3, 'm')", "finding span 5..3 is not inside"),
    ("not a finding", "('not', 'a', 'finding')", "yielded a tuple, not a newslint.rule.Finding"),
    ("a fix edit outside", "Finding(0, 3, 'm', Fix((Edit(2, 10**6, 'x'),), 'd'))", "fix edit span 2..1000000"),
    ("a lone surrogate", "Finding(0, 3, 'm', Fix((Edit(0, 3, '\\udc80'),), 'd'))",
     "fix replacement '\\udc80' holds a lone surrogate"),
], ids=["past-end", "negative", "end-before-start", "not-a-finding", "edit-outside", "surrogate"])
def test_invalid_plugin_output_is_a_plugin_error_and_the_run_goes_on(
        tmp_path: Path, what: str, finding: str, why: str) -> None:
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "bad.py").write_text(BAD_PLUGIN.format(what=what, finding=finding))
    (tmp_path / "newslint.toml").write_text('rules-dir = "plugins"\nextend-select = ["LC700"]\n')
    (tmp_path / "story.txt").write_text(DAMAGED, encoding="utf-8")
    proc = cli("check", "--no-cache", "--trust-local-rules", "--fix", "story.txt", cwd=tmp_path)
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    why = why.format(n=len(ARTICLE.format("")) + 5)  # what remains is judged on the repaired text
    assert f"story.txt: internal error in rule LC700 (bad-output): invalid output: {why}" in proc.stderr
    # The run went on: the built-in rule's safe fix was applied.
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == ARTICLE.format("")
