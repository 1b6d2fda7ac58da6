"""What a rule hands back is checked before the runner uses it.

Built-in rules are tested; a plugin may yield anything. A finding whose span lies outside the
document or ends before it starts, a fix edit likewise, a replacement no file can store (a lone
surrogate), or an object that is not a ``Finding`` at all would otherwise surface later as a
crash in a reporter or a corrupt ``--fix``. Here it raises ``InvalidFinding``, which the runner
reports like a rule crash, naming the rule; the rest of the run goes on.
"""
from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from newslint.messages import one_line
from newslint.rule import Edit, Finding, Fix, FixSafety, Signature


class InvalidFinding(ValueError):
    """A rule yielded something that is not a valid finding for the document."""


def describe(exc: Exception) -> str:
    """A rule's exception in one line: its type, message and where it was raised."""
    if isinstance(exc, InvalidFinding):
        return f"invalid output: {exc}"
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    return one_line(repr(value), 60)


def _check_span(start: Any, end: Any, length: int, what: str) -> None:
    if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= length):
        raise InvalidFinding(f"{what} span {_shown(start)}..{_shown(end)} is not inside the "
                             f"document (0..{length}, start <= end)")


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def validated(finding: Any, length: int) -> Finding:
    """``finding`` if it is a valid Finding for a document of ``length`` characters: its span and
    every edit of its fix inside the text, start <= end, a text message, and replacements that
    can be written as UTF-8 (no lone surrogates); ``InvalidFinding`` says what is wrong."""
    if not isinstance(finding, Finding):
        raise InvalidFinding(f"yielded a {type(finding).__name__}, not a newslint.rule.Finding")
    _check_span(finding.start, finding.end, length, "finding")
    if not isinstance(finding.message, str):
        raise InvalidFinding(f"message is a {type(finding.message).__name__}, not text")
    if finding.fix is not None:
        _check_fix(finding.fix, length)
    return finding


def _check_fix(fix: Any, length: int) -> None:
    if not isinstance(fix, Fix) or not isinstance(fix.safety, FixSafety) or not isinstance(
            fix.edits, (tuple, list)) or not isinstance(fix.description, str):
        raise InvalidFinding(f"fix {_shown(fix)} is not a newslint.rule.Fix of edits")
    for edit in fix.edits:
        if not isinstance(edit, Edit) or not isinstance(edit.replacement, str):
            raise InvalidFinding(f"fix edit {_shown(edit)} is not a newslint.rule.Edit with a text replacement")
        _check_span(edit.start, edit.end, length, "fix edit")
        if _lone_surrogate(edit.replacement):
            raise InvalidFinding(f"fix replacement {_shown(edit.replacement)} holds a lone surrogate, "
                                 "which no file can store")


def check_signature(signature: Any, length: int) -> None:
    """A corpus rule's ``collect`` result is a Signature whose span is inside the document."""
    if not isinstance(signature, Signature):
        raise InvalidFinding(f"collect returned a {type(signature).__name__}, not a newslint.rule.Signature")
    _check_span(signature.start, signature.end, length, "signature")


def check_finished(index: Any, message: Any, count: int) -> None:
    """A corpus rule's ``finish`` names one of the ``count`` documents and says something."""
    if not _is_int(index) or not 0 <= index < count or not isinstance(message, str):
        raise InvalidFinding(f"finish yielded ({_shown(index)}, {_shown(message)}), "
                             f"not (index of one of {count} documents, message)")
