"""Script and style text left in an article: the signs that a line is code, not prose.

NL203 reports the code itself; the story zoning's readers (NL503) pass over such a line, which
is no sentence of the story: a story does not end with ``OO.ready(function() {...});``.
"""
from __future__ import annotations

from newslint.text.patterns import lazy_regex

CODE_SIGNS = lazy_regex(
    r"\b(?:var|let|const)\s+\w+\s*=|\bfunction\s*\w*\s*\([^)]*\)\s*\{|\bdocument\.\w+\s*\(|"
    r"\bwindow\.\w+|\}\s*\)\s*;|\.push\s*\(|[.#][\w-]+\s*\{[^{}]*:[^{}]*;[^{}]*\}|@media\b|"
    r"!important\b|\breturn\s+(?:false|true|null)\s*;"
)


def has_code(text: str) -> bool:
    """Whether ``text`` holds a sign of script or style code (``var x =``, ``function() {``,
    ``document.write(``, ``});``, a CSS rule)."""
    return CODE_SIGNS.search(text) is not None
