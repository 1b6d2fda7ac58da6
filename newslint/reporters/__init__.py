"""Reporters: small formatters that turn a run's results into text for people or machines.

Each reporter module exports ``render(result, context) -> str``. Formats are looked up by name
and imported only when used, so start-up stays fast.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from newslint.rule import Rule
from newslint.runner import Diagnostic, RunResult

FORMATS: dict[str, str] = {
    "text": "newslint.reporters.text",
    "json": "newslint.reporters.json",
    "github": "newslint.reporters.github",
    "sarif": "newslint.reporters.sarif",
    "junit": "newslint.reporters.junit",
    "gitlab": "newslint.reporters.gitlab",
}
# Written in UTF-8 whatever the terminal's encoding: their standards say so (the others are for
# people, in the terminal's encoding, with what it cannot show escaped).
UTF8_FORMATS = frozenset({"json", "sarif", "junit", "gitlab"})


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings."""

    rules: Sequence[Rule] = ()
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    version: str = ""
    # each finding's baseline fingerprint, when --baseline or --diff-base computed them before
    # filtering (CI formats compute them from the findings otherwise)
    fingerprints: Mapping[Diagnostic, str] | None = None
    show_confidence: bool = False  # the text format shows each finding's confidence


Renderer = Callable[[RunResult, ReportContext], str]


def get_renderer(name: str) -> Renderer:
    """The ``render`` function of the named format."""
    return importlib.import_module(FORMATS[name]).render
