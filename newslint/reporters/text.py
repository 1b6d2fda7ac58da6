"""The text format: ``path:line:col: CODE message``, the line, and a caret underline.

Everything taken from an article or a file name is shown through ``escape.shown``, so no
escape sequence reaches the terminal and the carets still point at what was flagged."""
from __future__ import annotations

import click

from newslint.reporters import ReportContext, statistics_rows
from newslint.reporters.escape import shown
from newslint.rule import FixSafety
from newslint.runner import Diagnostic, RunResult

WINDOW = 100  # characters of a long paragraph shown around the flagged span


def _excerpt(d: Diagnostic) -> tuple[str, int, int]:
    """The part of the flagged line to show, and where the carets go in it."""
    line = d.context.replace("\t", " ")  # a part of the line, from column d.context_column
    start = d.column - d.context_column
    end = d.end_column - d.context_column if d.end_line == d.line else len(line)
    end = max(end, start + 1)
    left = max(0, min(start - 20, len(line) - WINDOW))
    right = min(len(line), max(left + WINDOW, start + 1))
    prefix, suffix = ("…" if left or d.context_column > 1 else ""), ("…" if right < len(line) else "")
    shown = prefix + line[left:right] + suffix
    offset = start - left + len(prefix)
    return shown, offset, min(end, right) - start


def _shown_excerpt(d: Diagnostic) -> tuple[str, int, int]:
    """The excerpt with its unsafe characters escaped, and the carets moved to match."""
    line, offset, width = _excerpt(d)
    before, flagged, after = (shown(part) for part in (line[:offset], line[offset:offset + width],
                                                        line[offset + width:]))
    return before + flagged + after, columns(before), max(columns(flagged), 1)


def _narrow(char: str) -> bool:
    """Whether ``char`` takes one column for certain: ASCII, Latin letters with accents, the
    Latin-1 signs, and the dashes, quotes and ellipsis of General Punctuation (not the soft
    hyphen)."""
    return (char < "\u0300" and char != "\xad") or "\u2010" <= char <= "\u2027" \
        or "\u2030" <= char <= "\u205e"


def columns(text: str) -> int:
    """How many terminal columns ``text`` (already shown safely) takes: two for a wide (CJK)
    character, none for a combining mark or a zero-width joiner."""
    if all(map(_narrow, text)):  # wcwidth gives the same; importing it costs 20 ms
        return len(text)
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def format_diagnostic(d: Diagnostic, color: bool, quiet: bool, show_confidence: bool = False) -> str:
    """One finding, with the flagged line and carets unless ``quiet`` (and its confidence when
    ``show_confidence``)."""
    where = shown(f"{d.path}[{d.record}]:" if d.record is not None else f"{d.path}:")
    head = (click.style(where, bold=True, fg=None) + f"{d.line}:{d.column}: "
            + click.style(d.code, fg="red", bold=True) + " " + shown(d.message))
    if d.record_id:
        head += f" (record id: {shown(d.record_id)})"
    if d.fix is not None:
        head += click.style(" [*]", fg="cyan") if color else " [*]"
    if show_confidence and d.confidence is not None:
        head += click.style(f" (confidence {d.confidence:.2f})", dim=True)
    if quiet or not d.context:
        return head
    line, offset, width = _shown_excerpt(d)
    gutter = " " * len(str(d.line))
    carets = click.style("^" * max(width, 1), fg="red")
    return f"{head}\n{gutter} |\n{d.line} | {line}\n{gutter} | {' ' * offset}{carets}\n"


def render(result: RunResult, context: ReportContext) -> str:
    """Every finding, then statistics and a summary line unless ``quiet``."""
    parts = [format_diagnostic(d, context.color, context.quiet, context.show_confidence)
             for d in result.diagnostics]
    if context.statistics:
        parts.append(statistics(result))
    if not context.quiet:
        parts.append(summary(result))
        parts.extend(shown(note) for note in result.notes)
    text = "\n".join(parts) + "\n"
    return text if context.color else click.unstyle(text)


def statistics(result: RunResult) -> str:
    """Findings counted per rule, most frequent first."""
    return "\n".join(f"{row.count:>6}  {row.code}  {row.name}" for row in statistics_rows(result))


def summary(result: RunResult) -> str:
    """A one-line count of findings and files."""
    count = len(result.diagnostics)
    fixable = sum(d.fix is not None and d.fix.safety is FixSafety.SAFE for d in result.diagnostics)
    unsafe = sum(d.fix is not None and d.fix.safety is FixSafety.UNSAFE for d in result.diagnostics)
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''}"
    unread = sum(p.kind.is_error for p in result.problems)
    if not result.files_checked:  # nothing was linted: nothing passed either
        return "No files were checked" + (f" ({unread} could not be read)." if unread else ".")
    if not count:
        if unread or result.crashes:
            return f"No findings in {files} checked, but {_problems_shown(unread, len(result.crashes))}."
        return f"All checks passed ({files} checked)."
    extra = ", ".join(([f"{fixable} fixable with --fix"] if fixable else [])
                      + ([f"{unsafe} with --unsafe-fixes"] if unsafe else []))
    extra = f" ({extra})" if extra else ""
    return f"Found {count} finding{'s' if count != 1 else ''} in {files} checked{extra}."


def _problems_shown(unread: int, crashes: int) -> str:
    parts = ([f"{unread} input{'s' if unread != 1 else ''} could not be read"] if unread else []) + (
        [f"{crashes} rule crash{'es' if crashes != 1 else ''}"] if crashes else [])
    return " and ".join(parts)
