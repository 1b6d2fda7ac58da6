"""JSON Lines input: records as articles, streamed, with bad records reported and skipped."""
from __future__ import annotations

import gzip
import io
import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import jsonl
from newslint.cli import main
from newslint.jsonl import Fields, records, site_of
from newslint.runner import lint_paths
from newslint.sources import Problem, Source

BODY = "The café opened on Monday.\nMore news: Jawbone from Israeli cave oldest human fossil outside Africa\nIt was busy."


def write(path: Path, rows: list, compress: bool = False) -> Path:
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


@pytest.mark.parametrize("compress", [False, True])
def test_records_become_articles_and_bad_ones_problems(tmp_path: Path, compress: bool) -> None:
    path = write(tmp_path / ("c.jsonl.gz" if compress else "c.jsonl"), [
        {"id": 7, "title": "Café opens", "text": BODY}, "{broken", [1], {"url": "u", "text": ""},
        {"url": "https://example.com/x", "text": "No title here.\nSecond paragraph."}], compress)
    items = list(records(str(path)))
    assert isinstance(items[0], Source) and items[0].record == 1 and items[0].record_id == "7"
    assert items[0].data == f"Café opens\n\n{BODY}\n"
    assert [type(i).__name__ for i in items] == ["Source", "Problem", "Problem", "Problem", "Source"]
    assert str(items[1]).startswith(f"{path}:2: record 2: not valid JSON")
    assert str(items[2]) == f"{path}:3: record 3: not a JSON object but list"
    assert str(items[3]) == f"{path}:4: record 4: no text in field 'text'"
    assert items[4].record_id == "https://example.com/x"


def test_custom_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", [{"uid": "x", "headline": "H", "body": "Text."}])
    (source,) = records(str(path), Fields("body", "headline", ("uid",)))
    assert source.data == "H\n\nText.\n" and source.record_id == "x"


def test_findings_name_record_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", [{"id": "a", "title": "Café opens", "text": "Plain."},
                                        {"id": "b", "title": "Café opens", "text": BODY}])
    result = lint_paths([str(path)], jobs=1, select=["NL301"])
    (finding,) = result.diagnostics
    assert (finding.path, finding.record, finding.record_id, finding.line) == (str(path), 2, "b", 4)


def test_cli_text_and_json_name_the_record(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", [{"id": "b", "title": "Café opens", "text": BODY}, "oops"])
    text = CliRunner().invoke(main, ["check", "-q", "--select", "NL301", str(path)])
    assert text.stdout.startswith(f"{path}[1]:4:1: NL301 ")
    assert "(record id: b)" in text.stdout
    assert f"{path}:2: record 2: not valid JSON" in text.stderr
    assert text.exit_code == 2  # a malformed record is an input error; the other record was linted
    data = json.loads(CliRunner().invoke(main, ["check", "--format", "json", "--select", "NL301", str(path)]).stdout)
    assert (data[0]["record"], data[0]["record_id"], data[0]["line"]) == (1, "b", 4)


def test_records_are_read_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = (json.dumps({"text": "Fine."}) + "\n").encode()

    class Exploding(io.BytesIO):
        """Two good lines, then a failure if anyone reads further."""

        lines = iter([good, good])

        def readline(self, size=-1):
            line = next(self.lines, None)
            if line is None:
                raise AssertionError("read past what was asked for")
            return line

    monkeypatch.setattr(jsonl, "open_jsonl", lambda path: Exploding())
    assert len(list(itertools.islice(records("x.jsonl"), 2))) == 2


def test_jsonl_in_folders_only_when_included(tmp_path: Path) -> None:
    write(tmp_path / "c.jsonl", [{"title": "Café opens", "text": BODY}])
    assert lint_paths([str(tmp_path)], jobs=1, select=["NL301"]).diagnostics == []
    found = lint_paths([str(tmp_path)], jobs=1, select=["NL301"], include=["*.jsonl"]).diagnostics
    assert [d.record for d in found] == [1]


def test_site_of_a_record() -> None:
    fields = Fields()
    assert site_of({"domain": "News.Example.com", "url": "https://other.org/x"}, fields) == "news.example.com"
    assert site_of({"url": "https://www.bbc.co.uk/news/uk-1"}, fields) == "bbc.co.uk"
    assert site_of({"url": "bbc.co.uk/news"}, fields) == "bbc.co.uk"
    assert site_of({"url": "http://[::1"}, fields) is None  # malformed: no site, not a crash
    assert site_of({"domain": "", "id": 3}, fields) is None
    assert site_of({"source": "example.org"}, Fields(sites=("source",))) == "example.org"


def test_records_name_their_site(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [{"text": "A.", "domain": "Example.org"}, {"text": "B.", "url": "https://www.bbc.co.uk/x"}, {"text": "C."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [s.site for s in records(str(path))] == ["example.org", "bbc.co.uk", None]  # type: ignore[union-attr]
