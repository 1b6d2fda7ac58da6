"""Accepted findings: a committed file of findings a person reviewed, each with its reason, and
a JSON Lines record's own field (issue #16, item 2), through the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

ENTITY = "Telecoms deal agreed\n\nAT&amp;T agreed the deal on Monday, the company said.\n"
OTHER = "Shop opens\n\nThe shop &amp; cafe opened on Monday, the owner said.\n"


def check(*args: str, cwd: Path) -> object:
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", "--no-cache", "--select", "NL203", *args])
    finally:
        os.chdir(old)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "att.txt").write_text(ENTITY, encoding="utf-8")
    (tmp_path / "corpus" / "shop.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("")
    return tmp_path


def accept(root: Path, *entries: str) -> Path:
    path = root / ".newslint-accept.toml"
    path.write_text("".join(f"[[accept]]\n{e}\n" for e in entries), encoding="utf-8")
    return path


def test_an_accepted_finding_is_never_reported(corpus: Path) -> None:
    accept(corpus, 'path = "corpus/att.txt"\ncode = "NL203"\ntext = "&amp;"\nreason = "AT&T is spelt so in the source"')
    result = check(".", cwd=corpus)
    assert result.exit_code == 1
    assert "att.txt" not in result.stdout and "corpus/shop.txt:3:" in result.stdout
    assert "1 accepted finding not shown." in result.stdout


def test_a_glob_and_a_rule_name_accept_every_match(corpus: Path) -> None:
    accept(corpus, 'path = "*.txt"\ncode = "html-residue"\ntext = "&amp;"\nreason = "entities are real here"')
    result = check("corpus", cwd=corpus)
    assert result.exit_code == 0 and "2 accepted findings not shown." in result.stdout


def test_accept_by_fingerprint(corpus: Path) -> None:
    assert CliRunner().invoke(main, ["baseline", "--select", "NL203", "-o", str(corpus / "b.json"),
                                     str(corpus / "corpus")]).exit_code == 0
    entry = next(e for e in json.loads((corpus / "b.json").read_text())["findings"] if e["path"] == "corpus/att.txt")
    accept(corpus, f'path = "corpus/*"\ncode = "NL203"\nfingerprint = "{entry["fingerprint"]}"\nreason = "real"')
    result = check("corpus", cwd=corpus)
    assert "att.txt" not in result.stdout and "shop.txt" in result.stdout


def test_a_stale_entry_is_reported(corpus: Path) -> None:
    accept(corpus, 'path = "corpus/att.txt"\ncode = "NL203"\ntext = "&lt;"\nreason = "was real once"',
           'path = "elsewhere/*.txt"\ncode = "NL203"\ntext = "&amp;"\nreason = "not linted in this run"')
    result = check("corpus", cwd=corpus)
    assert (".newslint-accept.toml: entry 1 (corpus/att.txt NL203 '&lt;') accepts nothing any more (stale): "
            "remove it") in result.stdout
    assert "entry 2" not in result.stdout  # its files were not linted: nothing to say about it


@pytest.mark.parametrize("entry, why", [
    ('path = "a.txt"\ncode = "NL203"\ntext = "&amp;"', "reason required"),
    ('path = "a.txt"\ncode = "NL203"\nreason = "x"', "give either text (the flagged text) or fingerprint"),
    ('path = "a.txt"\ncode = "NL203"\ntext = "x"\nreason = "x"\nline = 3', "expected the keys"),
])
def test_a_malformed_entry_is_a_usage_error_naming_it(corpus: Path, entry: str, why: str) -> None:
    accept(corpus, entry)
    result = check(".", cwd=corpus)
    assert result.exit_code == 2 and "[[accept]] entry 1" in result.output and why in result.output


def test_baseline_never_rewrites_the_accept_file_and_leaves_accepted_findings_out(corpus: Path) -> None:
    path = accept(corpus, 'path = "corpus/att.txt"\ncode = "NL203"\ntext = "&amp;"\nreason = "real"')
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["baseline", "--select", "NL203", "--config", str(corpus / "newslint.toml"),
                                       "-o", str(corpus / "b.json"), str(corpus / "corpus")])
    assert result.exit_code == 0 and path.read_bytes() == before
    assert [e["path"] for e in json.loads((corpus / "b.json").read_text())["findings"]] == ["corpus/shop.txt"]


def test_a_json_lines_record_accepts_its_own_findings(tmp_path: Path) -> None:
    records = [{"id": "a", "title": "Telecoms deal agreed", "text": "AT&amp;T agreed the deal on Monday.",
                "newslint_accept": [{"code": "NL203", "reason": "the company's name"}]},
               {"id": "b", "title": "Shop opens", "text": "The shop &amp; cafe opened on Monday."},
               {"id": "c", "title": "Shop opens", "text": "The shop opened on Monday.",
                "newslint_accept": [{"code": "NL203", "reason": "was an entity once"}]}]
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    result = check("crawl.jsonl", cwd=tmp_path)
    assert result.exit_code == 1
    assert "crawl.jsonl[1]" not in result.stdout and "crawl.jsonl[2]:3:" in result.stdout
    assert "crawl.jsonl[3]: newslint_accept NL203 accepts nothing any more (stale)" in result.stdout


def test_a_malformed_record_field_is_reported_by_record(tmp_path: Path) -> None:
    (tmp_path / "crawl.jsonl").write_text(json.dumps({"title": "A", "text": "B &amp; c.", "newslint_accept": "NL203"}) + "\n")
    result = check("crawl.jsonl", cwd=tmp_path)
    assert result.exit_code == 2
    assert "crawl.jsonl:1: record 1: newslint_accept must be a list of objects with code and reason" in result.stderr


def test_fix_leaves_accepted_findings_as_they_are(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Council meets\n\nThe council\u200b met\u200b on Monday.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("")
    accept(tmp_path, 'path = "story.txt"\ncode = "NL204"\ntext = "\\u200b"\nreason = "kept on purpose"')
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "NL204", "--fix", str(story)])
    assert result.exit_code == 0, result.output
    assert story.read_text(encoding="utf-8").count("\u200b") == 2  # neither was repaired
