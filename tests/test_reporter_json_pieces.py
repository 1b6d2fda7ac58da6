"""The JSON report is written in pieces as it is made (a report whose fixes carry whole long
lines can be many times the size of the findings), and the pieces are exactly the whole text."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newslint.reporters import ReportContext
from newslint.reporters import json as json_reporter
from newslint.reporters.escape import json_text
from newslint.runner import lint_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# A long paragraph of mojibake: every finding's fix carries the whole line.
LONG = "Bank chief\n\n" + " ".join(["The bankâ€™s chief said itâ€™s a â€œgood dayâ€\x9d."] * 400) + "\n"


def _result(folder: Path):
    (folder / "long.txt").write_text(LONG, encoding="utf-8")
    (folder / "surrogate.txt").write_bytes("Headline\n\nA caf\udce9 line\u200b here.\n".encode("utf-8", "surrogatepass"))
    return lint_paths([str(SEEDS), str(folder)], jobs=1, find_config=False)


def test_the_pieces_are_the_whole_report_and_none_is_large(tmp_path) -> None:
    result = _result(tmp_path)
    context = ReportContext()
    pieces = list(json_reporter.render_chunks(result, context))
    items = [json_reporter.diagnostic_to_json(d) for d in result.diagnostics]
    whole = json_text(json.dumps(items, indent=2, ensure_ascii=False)) + "\n"
    assert "".join(pieces) == json_reporter.render(result, context) == whole
    assert len(pieces) > 1 and json.loads(whole)
    largest_finding = max(len(json.dumps(item, indent=4, ensure_ascii=False)) for item in items)
    assert largest_finding > json_reporter._PIECE  # a finding whose fix is longer than a piece
    assert max(len(p) for p in pieces) < json_reporter._PIECE + largest_finding


def test_no_finding_and_statistics_are_whole_too(tmp_path) -> None:
    result = _result(tmp_path)
    empty = type(result)()
    assert "".join(json_reporter.render_chunks(empty, ReportContext())) == "[]\n"
    stats = ReportContext(statistics=True)
    assert json.loads("".join(json_reporter.render_chunks(result, stats)))[0]["count"] >= 1


def test_the_report_written_to_a_file_is_the_one_written_to_stdout(tmp_path) -> None:
    _result(tmp_path)
    out = tmp_path / "report.json"
    command = [sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json", str(tmp_path)]
    shown = subprocess.run(command, capture_output=True)
    subprocess.run([*command, "--output-file", str(out)], capture_output=True)
    assert shown.returncode == 1 and shown.stdout == out.read_bytes()
    assert json.loads(shown.stdout)
