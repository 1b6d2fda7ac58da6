"""Error messages that stay on one short line, whatever they quote."""
from __future__ import annotations


def one_line(text: str, limit: int = 200) -> str:
    """``text`` with its whitespace collapsed and cut to ``limit`` characters: a parser's message
    or a value from a file may be as long as the file."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
