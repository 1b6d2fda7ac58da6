"""Output never fails on content, and nothing from an article reaches a terminal raw.

Through the real command (a subprocess writing to a pipe or a pseudo-terminal, since click
behaves differently on each) and through click's test runner: a lone surrogate in a JSON Lines
record, a file name that is not UTF-8, terminal escape sequences and bidi overrides in articles,
record ids and file names, and GitHub workflow commands smuggled in through a file name.
"""
from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.reporters.escape import json_text, shown, shown_lines

DATA = Path(__file__).parent / "data"
FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")
HEADLINE = "Council approves cycle lanes"
BODY = "The council approved three new lanes on Monday."
FURNITURE = "Click here to subscribe to our newsletter {} now."  # NL302 quotes the whole line
# NL401 quotes the repeated quotation as it is (other rules quote text with repr())
QUOTED = ('"This {0} has been an extremely difficult decision for all of us," the managing director'
          ' said.\n\nA union spokeswoman said: "This {0} has been an extremely difficult decision for all of us."')
# What an article may carry to take over a terminal: set the window title (OSC 0), clear the
# screen (CSI 2J), a hyperlink (OSC 8), an 8-bit CSI (C1), a bell, and a right-to-left override.
ATTACK = "\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x9b31m \u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")
COMMAND = re.compile(r"::(error|warning|notice) file=[^:,\r\n]*(,[a-zA-Z]+=[^:,\r\n]*)*::[^\r\n]*")
SGR = re.compile(rb"\x1b\[[0-9;]*m")  # colours, which newslint writes itself on a terminal
OWN = re.compile(rb"\x1b\[[0-9;]*[mK]")  # and erasing the progress line


def newslint() -> str:
    found = shutil.which("newslint", path=os.path.dirname(sys.executable)) or shutil.which("newslint")
    assert found, "the newslint command is not installed"
    return found


def environment() -> dict[str, str]:
    """Strict UTF-8 streams, as Python has them under an ordinary UTF-8 locale (under C.UTF-8 it
    would quietly pass lone surrogates through as invalid bytes instead of failing)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}


def run_piped(folder: Path, *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([newslint(), "check", "--no-cache", *args], cwd=folder, capture_output=True,
                          env=environment(), timeout=120)


def run_on_terminal(folder: Path, *args: str, expect: int = 1) -> bytes:
    """What newslint writes to a terminal (stdout and stderr on one pseudo-terminal)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([newslint(), "check", "--no-cache", *args], cwd=folder, stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, env=environment())
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == expect
    return b"".join(chunks)


def assert_no_raw_escapes(text: str) -> None:
    assert not [c for c in RAW if c in text], repr(text)


def strings(value: Any) -> list[str]:
    """Every string in a JSON document."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def visible(fmt: str, out: str, document: Any) -> str:
    """The text of the output as a viewer shows it (JSON and XML escapes undone)."""
    if fmt in ("json", "gitlab", "sarif"):
        return "\n".join(strings(document))
    if fmt == "junit":
        return "\n".join([*document.itertext(), *(v for e in document.iter() for v in e.attrib.values())])
    return out


def parse(fmt: str, out: str, sarif_validator: Any) -> Any:
    """The output parsed as its format says it is (and SARIF checked against the schema)."""
    if fmt in ("json", "gitlab", "sarif"):
        document = json.loads(out)
        if fmt == "sarif":
            assert list(sarif_validator.iter_errors(document)) == []
        return document
    if fmt == "junit":
        return ET.fromstring(out.encode("utf-8"))
    return out


# -- the escaping itself --------------------------------------------------------------------------
def test_shown_escapes_exactly_what_is_unsafe() -> None:
    text = "a\x1b[2J\tb\n\r\x07\x7f\x9b\u202e\u2066\u200b\u00ad\u2028\ud800\udce9\U000e0041\ufffe"
    assert shown(text) == ("a\\x1b[2J\\tb\\n\\r\\x07\\x7f\\x9b<U+202E><U+2066><U+200B><U+00AD><U+2028>"
                           "<U+D800>\\xe9<U+E0041><U+FFFE>")
    kept = "Café, 東京, مرحبا, नमस्ते, می\u200cخواهم, 👨\u200d👩\u200d👧, \u00a0«¿?», \ufffd"
    assert shown(kept) == kept  # letters of every script, joiners, NBSP, U+FFFD: nothing to escape


def test_shown_lines_keeps_line_breaks_and_json_text_only_escapes_surrogates() -> None:
    assert shown_lines("-a\x1b[2J\r\n+b\n") == "-a\\x1b[2J\\r\n+b\n"
    dumped = json.dumps({"path": "caf\udce9.txt", "id": "r\ud800", "text": "\x1b\u202e"}, ensure_ascii=False)
    assert json.loads(json_text(dumped)) == {"path": "caf\\xe9.txt", "id": "r<U+D800>", "text": "\x1b\u202e"}
    json_text(dumped).encode("utf-8")  # strictly


# -- #12 finding 6: output never fails on content ----------------------------------------------
def write_records(path: Path) -> None:
    text = f"{BODY}\n\n{QUOTED.format(chr(0xD800))}\n\n{FURNITURE.format(chr(0xD800))}"
    records = [{"id": "r\ud800", "title": HEADLINE, "text": text},
               {"id": "r2", "title": HEADLINE, "text": f"{BODY}\n\n{FURNITURE.format('today')}"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")  # "\ud800" escaped


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_in_a_record_loses_no_finding(fmt: str, tmp_path: Path, sarif_validator) -> None:
    write_records(tmp_path / "crawl.jsonl")
    proc = run_piped(tmp_path, "crawl.jsonl", "--select", "NL302,NL401", "--format", fmt)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    out = proc.stdout.decode("utf-8")  # strictly: valid UTF-8
    assert "\ud800" not in out
    document = parse(fmt, out, sarif_validator)
    assert out.count("NL302") >= 2 and "NL401" in out  # both records' findings
    assert "This <U+D800> has been" in visible(fmt, out, document)  # NL401 quotes the article
    if fmt == "json":
        assert [(d["record"], d["record_id"]) for d in document] == [(1, "r<U+D800>")] * 2 + [(2, "r2")]
    if fmt == "text":
        assert "crawl.jsonl[1]:9:1: NL302" in out and "(record id: r<U+D800>)" in out
        assert "9 | Click here to subscribe to our newsletter <U+D800> now." in out


def test_a_lone_surrogate_through_click_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_records(tmp_path / "crawl.jsonl")
    for fmt in FORMATS:
        result = CliRunner().invoke(main, ["check", "--no-cache", "crawl.jsonl", "--select", "NL302,NL401",
                                           "--format", fmt])
        assert result.exception is None or isinstance(result.exception, SystemExit), (fmt, result.exception)
        assert result.exit_code == 1 and result.stdout_bytes.decode("utf-8").count("NL302") >= 2


def undecodable_name(folder: Path, name: bytes, text: str) -> str:
    """Create a file whose name is the bytes ``name`` (skip where the file system refuses)."""
    try:
        fd = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as exc:
        pytest.skip(f"this file system refuses the name {name!r}: {exc}")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return os.fsdecode(name)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8(fmt: str, tmp_path: Path, sarif_validator) -> None:
    undecodable_name(tmp_path, b"caf\xe9.txt", f"{HEADLINE}\n\n{BODY}\n\n{FURNITURE.format('today')}\n")
    proc = run_piped(tmp_path, ".", "--select", "NL302", "--format", fmt)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    out = proc.stdout.decode("utf-8")
    document = parse(fmt, out, sarif_validator)
    if fmt == "sarif":  # a URI names the bytes exactly
        result = document["runs"][0]["results"][0]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.txt"
    else:  # the byte that is not UTF-8 is shown as such
        assert "caf\\xe9.txt" in visible(fmt, out, document)


# -- #12 finding 8: escape sequences from articles ----------------------------------------------
@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An article whose furniture line carries terminal escapes, and a record whose id does."""
    text = f"{HEADLINE}\n\n{BODY}\n\n{FURNITURE.format(ATTACK)}\n\n{QUOTED.format(ATTACK)}\n"
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    record = {"id": "a\x1b]0;pwned\x07", "title": HEADLINE, "text": f"{BODY}\n\n{FURNITURE.format('today')}"}
    (tmp_path / "crawl.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return tmp_path


def test_escapes_never_reach_a_terminal(hostile: Path) -> None:
    screen = run_on_terminal(hostile, "story.txt", "crawl.jsonl")
    assert SGR.search(screen), "a terminal gets colours: this really ran on a terminal"
    shown = OWN.sub(b"", screen).decode("utf-8")
    assert_no_raw_escapes(shown)
    assert "Click here to subscribe to our newsletter \\x1b]0;pwned\\x07\\x1b[2J\\x1b]8;;" in shown
    assert "\\x9b31m <U+202E> now." in shown
    assert "(record id: a\\x1b]0;pwned\\x07)" in shown


def test_escapes_never_reach_a_pipe(hostile: Path) -> None:
    proc = run_piped(hostile, "story.txt", "crawl.jsonl")
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 1 and "\x1b" not in out
    assert_no_raw_escapes(out)
    assert "(record id: a\\x1b]0;pwned\\x07)" in out
    assert "5 | Click here to subscribe to our newsletter \\x1b]0;pwned\\x07\\x1b[2J" in out


def test_the_carets_point_at_the_escaped_character(hostile: Path) -> None:
    # NL204 reports the line's invisible characters once, at the first (ESC, shown "\\x1b")
    out = run_piped(hostile, "story.txt", "--select", "NL204").stdout.decode("utf-8")
    block = out.split("U+202E RIGHT-TO-LEFT OVERRIDE", 1)[1].splitlines()
    line, carets = block[2], block[3]
    start = carets.index("^")
    assert line[start:start + len(carets) - start] == "\\x1b"


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit", "gitlab"])
def test_ci_formats_show_article_escapes_escaped(fmt: str, hostile: Path, sarif_validator) -> None:
    proc = run_piped(hostile, "story.txt", "crawl.jsonl", "--format", fmt)
    out = proc.stdout.decode("utf-8")
    document = parse(fmt, out, sarif_validator)
    assert_no_raw_escapes(visible(fmt, out, document))
    assert "\\x1b]0;pwned\\x07" in visible(fmt, out, document)


def test_github_workflow_commands_cannot_be_smuggled_in(tmp_path: Path) -> None:
    injected = "x\n::warning::pwned.txt"
    (tmp_path / injected).write_text(f"{HEADLINE}\n\n{BODY}\n\n{FURNITURE.format('today')}\n", encoding="utf-8")
    (tmp_path / "bin\n::error::pwned.txt").write_bytes(b"\x00binary")
    proc = run_piped(tmp_path, ".", "missing\r\n::error file=a::pwned", "--format", "github")
    assert proc.returncode == 2
    commands = [line for line in proc.stdout.decode("utf-8").splitlines() if line.startswith("::")]
    assert len(commands) == 3  # the finding and the two input problems, nothing more
    assert all(COMMAND.fullmatch(c) for c in commands), commands
    assert not [line for line in proc.stderr.decode("utf-8").splitlines() if line.startswith("::")]
    assert "newslint: ./bin\\n::error::pwned.txt: binary file" in proc.stderr.decode()
    assert "file=x\\n%3A%3Awarning%3A%3Apwned.txt," in proc.stdout.decode()
