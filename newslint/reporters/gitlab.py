"""The gitlab format: GitLab Code Quality JSON, shown in merge requests.

An array of issues with ``description``, ``check_name``, ``fingerprint`` (the baseline
fingerprint, so GitLab tells new issues from old ones across line moves), ``severity`` and
``location`` (path and first line). The description and path are shown through
``escape.shown``, as GitLab puts them on a web page.
"""
from __future__ import annotations

import json

from newslint.baseline import fingerprints_for, normal_path
from newslint.reporters import ReportContext, file_line, in_record
from newslint.reporters.escape import json_text, shown
from newslint.rule import Severity
from newslint.runner import RunResult

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(result: RunResult, context: ReportContext) -> str:
    """Every finding as a Code Quality issue."""
    prints = fingerprints_for(result.diagnostics, context.fingerprints)
    issues = [{"type": "issue", "description": f"{d.code} {shown(d.message + in_record(d))}",
               "check_name": f"{d.code} {d.rule}", "fingerprint": prints[d], "severity": SEVERITIES[d.severity],
               "location": {"path": shown(normal_path(d.path)),
                            "lines": {"begin": file_line(d), "end": d.end_line if d.record is None else d.record}}}
              for d in result.diagnostics]
    return json_text(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
