"""How the cache stores one file's result: compact JSON, checked field by field when read.

An entry is only data, never code (a pickle runs whatever it names when loaded, so a planted
entry could run code). Nothing read back is trusted: an entry that is not exactly what
``encode`` writes (other keys, a field of another type, an unknown severity, deep nesting, an
integer too long to convert) raises ``BadEntry``, and the cache recomputes the result.

Diagnostics, fixes and problems are stored as lists of their dataclass fields, in order, each
checked against the field's type; corpus rules' signature values may be None, booleans,
numbers, text, bytes, lists, tuples and dicts with text keys (tagged, so a tuple or bytes come
back as they went in). A value of any other type is ``Unstorable``: that result is not cached.
"""
from __future__ import annotations

import base64
import functools
import json
from dataclasses import fields
from typing import Any

from newslint.rule import FixSafety, Severity
from newslint.runner import Anchor, Diagnostic, FileResult, LocatedEdit, LocatedFix
from newslint.sources import Problem, ProblemKind

FORMAT_KEY = "newslint-cache"
FORMAT = 2  # 1 was a pickle
_SCALARS: dict[str, type] = {"int": int, "str": str, "bool": bool, "float": float}
_ENUMS: dict[str, Any] = {"Severity": Severity, "FixSafety": FixSafety, "ProblemKind": ProblemKind}
_RECORDS: dict[str, Any] = {"LocatedFix": LocatedFix, "Problem": Problem}
_KEYS = {FORMAT_KEY, "path", "checked", "diagnostics", "problems", "signatures"}


class BadEntry(ValueError):
    """A cache entry is not one this version of newslint wrote."""


class Unstorable(TypeError):
    """A result holds a value the cache cannot store exactly."""


def encode(path: str, result: FileResult) -> bytes:
    """The entry for ``result`` of the file ``path`` (a result with crashes is never stored)."""
    data = {FORMAT_KEY: FORMAT, "path": path, "checked": result.checked,
            "diagnostics": [_record_out(d) for d in result.diagnostics],
            "problems": [_record_out(p) for p in result.problems],
            "signatures": {code: [_value_out(value), anchor.to_data()]
                           for code, (value, anchor) in result.signatures.items()}}
    return json.dumps(data, separators=(",", ":")).encode("ascii")  # lone surrogates escaped


def decode(raw: bytes, path: str) -> FileResult:
    """The result stored in ``raw`` for the file ``path``; ``BadEntry`` unless it is exactly
    an entry ``encode`` wrote for that path."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # also too-long integers and deep nesting
        raise BadEntry(f"not JSON: {type(exc).__name__}") from None
    if not isinstance(data, dict) or set(data) != _KEYS or data[FORMAT_KEY] != FORMAT:
        raise BadEntry("not a cache entry of this format")
    if data["path"] != path or type(data["checked"]) is not bool:
        raise BadEntry("an entry for another file")
    return FileResult(diagnostics=[_record_in(Diagnostic, d) for d in _list(data["diagnostics"])],
                      problems=[_record_in(Problem, p) for p in _list(data["problems"])],
                      signatures=_signatures_in(data["signatures"]), checked=data["checked"])


# -- dataclass records, field by field -------------------------------------------------------------
@functools.cache
def _shape(cls: type) -> tuple[tuple[str, str], ...]:
    """Each field of a dataclass as (name, annotation), in order."""
    return tuple((f.name, str(f.type)) for f in fields(cls))


def _record_out(record: Any) -> list[Any]:
    return [_field_out(getattr(record, name), annotation) for name, annotation in _shape(type(record))]


def _field_out(value: Any, annotation: str) -> Any:
    base = annotation.removesuffix(" | None")
    if value is None:
        return None
    if base in _ENUMS:
        return value.value
    if base in _RECORDS:
        return _record_out(value)
    if base == "tuple[LocatedEdit, ...]":
        return [_record_out(edit) for edit in value]
    if base in _SCALARS:
        return value
    raise Unstorable(f"no way to store a field of type {annotation}")


def _record_in(cls: Any, items: Any) -> Any:
    shape = _shape(cls)
    if not isinstance(items, list) or len(items) != len(shape):
        raise BadEntry(f"a {cls.__name__} of another shape")
    return cls(*(_field_in(value, annotation) for value, (_, annotation) in zip(items, shape)))


def _field_in(value: Any, annotation: str) -> Any:
    base = annotation.removesuffix(" | None")
    if value is None and base != annotation:
        return None
    if base in _ENUMS:
        return _ENUMS[base](value)  # ValueError (so BadEntry's base) for an unknown value
    if base in _RECORDS:
        return _record_in(_RECORDS[base], value)
    if base == "tuple[LocatedEdit, ...]":
        return tuple(_record_in(LocatedEdit, edit) for edit in _list(value))
    if base in _SCALARS and type(value) is _SCALARS[base]:
        return value
    raise BadEntry(f"a field of type {annotation} holds {type(value).__name__}")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise BadEntry(f"a list expected, got {type(value).__name__}")
    return value


# -- corpus rules' signatures ----------------------------------------------------------------------
# line, column, end line, end column, snippet, declared lines (packed bytes, as base64), their texts
_ANCHOR = (int, int, int, int, str, str, str)


def _signatures_in(data: Any) -> dict[str, tuple[Any, Anchor]]:
    if not isinstance(data, dict):
        raise BadEntry("signatures are not an object")
    out = {}
    for code, item in data.items():
        if len(_list(item)) != 2:
            raise BadEntry("a signature of another shape")
        value, anchor = item[0], _list(item[1])
        if len(anchor) != len(_ANCHOR) or any(type(a) is not t for a, t in zip(anchor, _ANCHOR)):
            raise BadEntry("a signature's anchor of another shape")
        out[code] = (_value_in(value), Anchor.from_data(anchor))  # binascii.Error is a ValueError
    return out


def _value_out(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is bytes:
        return {"bytes": base64.b64encode(value).decode("ascii")}
    if kind is list:
        return [_value_out(v) for v in value]
    if kind is tuple:
        return {"tuple": [_value_out(v) for v in value]}
    if kind is dict and all(type(k) is str for k in value):
        return {"dict": {k: _value_out(v) for k, v in value.items()}}
    raise Unstorable(f"a corpus signature of type {kind.__name__}")


def _value_in(value: Any) -> Any:
    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value) is list:
        return [_value_in(v) for v in value]
    if type(value) is not dict or len(value) != 1:
        raise BadEntry("an untagged object in a signature")
    (tag, inner), = value.items()
    if tag == "bytes" and type(inner) is str:
        return base64.b64decode(inner, validate=True)  # binascii.Error is a ValueError
    if tag == "tuple":
        return tuple(_value_in(v) for v in _list(inner))
    if tag == "dict" and type(inner) is dict:
        return {k: _value_in(v) for k, v in inner.items()}
    raise BadEntry(f"an unknown tag {tag!r} in a signature")
