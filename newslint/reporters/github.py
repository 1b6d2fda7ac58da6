"""The github format: workflow commands that GitHub Actions shows as annotations on the lines.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE rule::message``; values are
escaped as GitHub's toolkit does (``%``, CR, LF in the message; also ``:`` and ``,`` in
properties), so a message can never end the command early or start another one. What comes from
articles and file names is first shown through ``escape.shown`` (no control characters at all).
"""
from __future__ import annotations

from newslint.baseline import normal_path
from newslint.reporters import ReportContext, file_line, in_record
from newslint.reporters.escape import shown
from newslint.rule import Severity
from newslint.runner import Diagnostic, RunResult

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (shown safely, then as the toolkit's ``escapeData``)."""
    return shown(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    """One finding as a workflow command (a JSON Lines record's: on the record's line)."""
    props: dict[str, object] = {"file": normal_path(d.path), "line": file_line(d)}
    if d.record is None:
        props.update({"col": d.column, "endLine": d.end_line, "endColumn": d.end_column})
    props["title"] = f"{d.code} {d.rule}"
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{LEVELS[d.severity]} {joined}::{escape_data(d.message + in_record(d))}"


def render(result: RunResult, context: ReportContext) -> str:
    """An annotation per finding, one per input problem, then the summary as plain log lines."""
    from newslint.reporters.text import summary

    lines = [annotation(d) for d in result.diagnostics]
    lines += [f"::error file={escape_property(normal_path(p.path))},title=newslint::{escape_data(p.message)}"
              for p in result.problems if p.kind.is_error]
    lines += [summary(result), *(shown(note) for note in result.notes)]
    return "\n".join(lines) + "\n"
