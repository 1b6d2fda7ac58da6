"""The junit format: JUnit XML for GitLab, Jenkins and other test-report viewers.

One testsuite; a failing testcase per finding (named by place and rule, so reports stay readable
when there are many), an erroring testcase per input that could not be read, and one passing
testcase when there is nothing to report. Text from articles and file names is shown through
``escape.shown``, which also escapes every character XML 1.0 cannot hold.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from newslint.baseline import normal_path
from newslint.reporters import ReportContext, file_line
from newslint.reporters.escape import shown
from newslint.runner import RunResult


def render(result: RunResult, context: ReportContext) -> str:
    """The run as a JUnit XML document."""
    errors = [p for p in (*result.problems, *result.crashes) if getattr(getattr(p, "kind", None), "is_error", True)]
    suite = ET.Element("testsuite", name="newslint", tests="0", failures=str(len(result.diagnostics)),
                       errors=str(len(errors)), skipped="0")
    for d in result.diagnostics:
        record = f"[{d.record}]" if d.record is not None else ""
        where = f"{normal_path(d.path)}{record}:{d.line}:{d.column}"
        case = ET.SubElement(suite, "testcase", classname=f"newslint.{d.code}", name=shown(f"{where} {d.code} {d.rule}"),
                             file=shown(normal_path(d.path)), line=str(file_line(d)))
        failure = ET.SubElement(case, "failure", type=d.code, message=shown(d.message))
        failure.text = shown(f"{where}: {d.code} {d.message}" + (f" (record id: {d.record_id})" if d.record_id else ""))
    for problem in errors:
        case = ET.SubElement(suite, "testcase", classname="newslint", name=shown(problem.path))
        ET.SubElement(case, "error", message=shown(str(problem)))
    if not len(suite):
        ET.SubElement(suite, "testcase", classname="newslint", name=f"{result.files_checked} files checked")
    suite.set("tests", str(len(suite)))
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
