"""Safe to run in any checkout, on any input (issue #12): the cache, reading, writing, exit codes.

Each case first reproduces, through the real command line, what a hostile or odd checkout did
before (deleted folders outside it, ran a planted pickle, hung on a FIFO, read /dev/zero, wrote
through links, crashed with exit 1), then asserts the safe behaviour.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import jsonl
from newslint.cli import main
from newslint.sources import MAX_FILE_BYTES

ARTICLE = "Council approves cycle lanes\n\nThe council approved three new{} lanes on Monday.\n"
DAMAGED = ARTICLE.format("\u200b")  # NL204 finds (and safely fixes) the zero-width space
CLEAN = "Council backs budget\n\nThe council approved the budget on Monday after a long debate.\n"


def cli(*args: str, cwd: Path, stdin: object = subprocess.DEVNULL, env: dict | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real ``newslint`` command (a new process, as a user or CI would)."""
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, stdin=stdin,
                          capture_output=True, text=True, timeout=timeout, env=env)


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


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


