"""newslint: a content-quality linter for scraped news articles.

Library API: ``lint_text(text)`` and ``lint_paths(paths)`` (see ``newslint.runner``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "lint_text", "lint_paths", "prepare"]

if TYPE_CHECKING:
    from newslint.runner import lint_paths, lint_text, prepare


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import newslint` (and the CLI's start-up) stays cheap.
    if name in ("lint_text", "lint_paths", "prepare"):
        from newslint import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
