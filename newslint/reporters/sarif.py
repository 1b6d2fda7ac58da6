"""The sarif format: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: the tool with every enabled rule's metadata (its documentation page as the help
text), and a result per finding with its region and, as ``partialFingerprints``, the same
fingerprint ``newslint baseline`` records, so viewers track a finding across line moves, and
as ``rank`` (0-100) its confidence.
Columns count Unicode code points, as newslint's do (``columnKind``). Messages are shown
through ``escape.shown``; a URI percent-encodes a path's bytes, so it names even a file whose
name is not UTF-8 exactly.
"""
from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

from newslint.baseline import FINGERPRINT_KEY, fingerprints_for, normal_path
from newslint.reporters import ReportContext, in_record
from newslint.reporters.escape import json_text, shown
from newslint.rule import Rule, Severity
from newslint.runner import Diagnostic, RunResult
from newslint.text.patterns import lazy_re

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SECTION = lazy_re(r"^## What it does\n(.*?)(?=^## |\Z)", re.S | re.M)


def uri(path: str) -> str:
    """A relative (or file:) URI reference for a path."""
    relative = normal_path(path)  # percent-encoded as bytes: os.fsencode undoes os.fsdecode
    return ("file://" if relative.startswith("/") else "") + quote(os.fsencode(relative), safe="/")


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A rule's metadata: id, name, descriptions, help (its documentation page), level."""
    section = _SECTION.search(rule.doc or "")
    full = " ".join(section.group(1).split()) if section else rule.summary
    return {"id": rule.code, "name": rule.name, "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": full},
            "help": {"text": (rule.doc or rule.summary).strip(), "markdown": (rule.doc or rule.summary).strip()},
            "defaultConfiguration": {"level": LEVELS[rule.severity]}}


def result_object(d: Diagnostic, fingerprint: str, index: dict[str, int]) -> dict[str, Any]:
    """One finding as a SARIF result."""
    item: dict[str, Any] = {"ruleId": d.code}
    if d.code in index:
        item["ruleIndex"] = index[d.code]
    region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri(d.path)}, "region": region}}
    if d.record is not None:  # a JSON Lines record: its line of the file, and the record by name
        location["physicalLocation"]["region"] = {"startLine": d.record}
        location["logicalLocations"] = [{"name": f"record {d.record}", "kind": "object",
                                         "fullyQualifiedName": f"{uri(d.path)}[{d.record}]"}]
        location["properties"] = {"record": d.record, "recordId": shown(d.record_id) if d.record_id else None,
                                  "articleRegion": region}
    item.update({"level": LEVELS[d.severity], "message": {"text": shown(d.message + in_record(d))},
                 "locations": [location], "partialFingerprints": {FINGERPRINT_KEY: fingerprint}})
    if d.confidence is not None:  # SARIF's default, -1, means "no rank"
        item["rank"] = round(100 * d.confidence)
    return item


def render(result: RunResult, context: ReportContext) -> str:
    """The whole SARIF log as pretty JSON."""
    prints = fingerprints_for(result.diagnostics, context.fingerprints)
    index = {rule.code: n for n, rule in enumerate(context.rules)}
    notifications = [{"level": "error", "message": {"text": shown(str(p))}} for p in (*result.problems, *result.crashes)
                     if getattr(getattr(p, "kind", None), "is_error", True)]
    run = {
        "tool": {"driver": {"name": "newslint", "version": context.version or "0",
                            "rules": [rule_descriptor(r) for r in context.rules]}},
        "invocations": [{"executionSuccessful": not result.crashes,
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": [result_object(d, prints[d], index) for d in result.diagnostics],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"
