"""A progress line on stderr for long runs: articles done, rate, and time left when known.

Drawn only on a terminal, and only once a run has lasted ``delay`` seconds, so short runs
(a pre-commit hook) and redirected output never see it.
"""
from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """Counts finished articles and redraws one status line now and then."""

    def __init__(self, stream: TextIO, total: int | None = None, delay: float = 0.5,
                 interval: float = 0.1, clock=time.monotonic):
        self.stream, self.total, self.delay, self.interval, self.clock = stream, total, delay, interval, clock
        self.done = 0
        self.started = clock()
        self.drawn_at: float | None = None

    def advance(self, count: int = 1) -> None:
        """Record ``count`` more finished articles; redraw if it is time to."""
        self.done += count
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is None or now - self.drawn_at >= self.interval:
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self.drawn_at = now

    def line(self, now: float) -> str:
        """The status text: done (of total), rate, time left."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done:,}" + (f"/{self.total:,}" if self.total else "") + f" articles  {rate:,.0f}/s"
        if self.total and rate > 0:
            left = max(self.total - self.done, 0) / rate
            text += f"  {int(left // 60)}:{int(left % 60):02d} left"
        return text

    def close(self) -> None:
        """Erase the status line if one was drawn."""
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
