"""The progress line: only on a terminal, only for runs that last, with rate and time left."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from newslint.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_for_a_short_run() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, total=10, clock=clock)
    for _ in range(10):
        clock.now += 0.01
        progress.advance()
    progress.close()
    assert stream.getvalue() == ""


def test_long_run_shows_done_rate_and_time_left() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, total=1000, clock=clock)
    for _ in range(500):
        clock.now += 0.002  # 500 articles a second
        progress.advance()
    assert progress.line(clock.now) == "500/1,000 articles  500/s  0:01 left"
    assert "/1,000 articles  500/s" in stream.getvalue()
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_unknown_total_shows_no_time_left() -> None:
    progress = Progress(io.StringIO(), total=None, clock=Clock())
    progress.done = 50
    assert progress.line(2.0) == "50 articles  25/s"


def test_silent_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"a{i}.txt").write_text("Head\n\nBody text.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.stderr == ""


def test_drawn_on_a_terminal(tmp_path: Path) -> None:
    import os

    seed = (Path(__file__).parent.parent / "seeds" / "000_e85ab3766c75165b.txt").read_text(encoding="utf-8")
    for i in range(400):
        (tmp_path / f"a{i:03}.txt").write_text(seed, encoding="utf-8")
    leader, follower = os.openpty()
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "-j", "1",
                           "--exit-zero", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=follower,
                          timeout=120)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    assert proc.returncode == 0
    assert b"/400 articles" in drawn and b"left" in drawn
