"""The compiled code of `regex` and `re` patterns kept between command-line runs
(`keep_compiled`): a pattern rebuilt from it matches as one compiled afresh, and a missing,
corrupt, foreign or symlinked store only means compiling again."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from newslint.text import patterns
from newslint.text.patterns import _PatternStore, _ReEngine

NAME = r"(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(?:said|says)\b"
TEXT = "“We are back,” Jean-Luc Picard said, and Renée Dupont says so too."


def _store(folder: Path) -> _PatternStore:
    return _PatternStore(folder)


def _names(pattern: regex.Pattern) -> list[str]:
    return [m.group("name") for m in pattern.finditer(TEXT)]


def test_a_kept_pattern_is_rebuilt_without_compiling_and_matches_the_same(tmp_path, monkeypatch) -> None:
    first = _store(tmp_path)
    made = first.compiled(NAME, regex.IGNORECASE)
    first.save()
    assert first.path.is_file() and first.path.parent == tmp_path
    assert regex.__version__ in first.path.name

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", no_compiling)
    rebuilt = _store(tmp_path).compiled(NAME, regex.IGNORECASE)
    assert _names(rebuilt) == _names(made) == ["Picard", "Dupont"]
    assert rebuilt.flags == made.flags and rebuilt.groupindex == made.groupindex


def test_the_same_pattern_with_other_flags_is_another_entry(tmp_path) -> None:
    store = _store(tmp_path)
    store.compiled(NAME, 0)
    store.save()
    ignoring_case = _store(tmp_path).compiled(NAME, regex.IGNORECASE)
    assert ignoring_case.flags & regex.IGNORECASE
    assert ignoring_case.search("jean-luc picard SAID").group("name") == "picard"


@pytest.mark.parametrize("content", [b"", b"\x00garbage\xff" * 10, marshal.dumps([1, 2, 3]),
                                     marshal.dumps({("x", 0): ("not the pattern", 0)}),
                                     marshal.dumps({(NAME, 0): (NAME, 0, b"\x01\x02", {}, {}, {}, [], 0, (), 0, 1)})])
def test_a_corrupt_or_foreign_store_means_compiling_again(tmp_path, content: bytes) -> None:
    store = _store(tmp_path)
    store.path.write_bytes(content)
    assert _names(store.compiled(NAME, 0)) == ["Picard", "Dupont"]
    store.save()  # and the file is made whole again
    assert _names(_store(tmp_path).compiled(NAME, 0)) == ["Picard", "Dupont"]
    assert (NAME, 0) in marshal.loads(store.path.read_bytes())


RE_NAME = r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:said|says)\b"


def test_a_kept_re_pattern_is_rebuilt_without_compiling_and_matches_the_same(tmp_path, monkeypatch) -> None:
    first = _PatternStore(tmp_path, _ReEngine())
    made = first.compiled(RE_NAME, re.IGNORECASE | re.VERBOSE)
    first.save()
    assert first.path.name.startswith("re-") and first.path.is_file()

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re, "compile", no_compiling)
    rebuilt = _PatternStore(tmp_path, _ReEngine()).compiled(RE_NAME, re.IGNORECASE | re.VERBOSE)
    assert isinstance(rebuilt, re.Pattern)
    assert [m.group("name") for m in rebuilt.finditer(TEXT)] == [m.group("name") for m in made.finditer(TEXT)] \
        == ["Picard", "Dupont"]
    assert (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (made.flags, made.groups, made.groupindex)


@pytest.mark.parametrize("program", [[1, 2, 3], [0] * 40, [255, 7, 1, 0]])
def test_re_code_the_engine_rejects_means_compiling_again(tmp_path, program: list[int]) -> None:
    # The C engine checks the code it is given before running any: a tampered store compiles again.
    store = _PatternStore(tmp_path, _ReEngine())
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(marshal.dumps({(RE_NAME, 0): (RE_NAME, 32, program, 1, {"name": 1}, (None, "name"))}))
    assert [m.group("name") for m in store.compiled(RE_NAME, 0).finditer(TEXT)] == ["Picard", "Dupont"]


def test_a_symlinked_store_is_not_read(tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    planted = _store(elsewhere)
    planted.compiled(NAME, 0)
    planted.save()
    store = _store(tmp_path)
    store.path.symlink_to(planted.path)
    assert store._table() == {}


def test_a_store_that_cannot_be_written_is_no_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = _store(blocker / "newslint")
    assert _names(store.compiled(NAME, 0)) == ["Picard", "Dupont"]
    store.save()
    assert blocker.read_text() == "not a folder"


def test_the_store_folder_follows_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(patterns.STORE_VARIABLE, "off")
    assert patterns.pattern_store_folder() is None
    monkeypatch.setenv(patterns.STORE_VARIABLE, str(tmp_path))
    assert patterns.pattern_store_folder() == tmp_path
    monkeypatch.delenv(patterns.STORE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform not in ("win32", "darwin"):
        assert patterns.pattern_store_folder() == tmp_path / "xdg" / "newslint"


def _check(article: Path, store: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, patterns.STORE_VARIABLE: store}
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json", str(article)],
                          capture_output=True, text=True, env=env)


def test_the_command_line_keeps_the_code_and_finds_the_same_with_it(tmp_path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    article = sorted(seeds.glob("*.txt"))[0]
    store = tmp_path / "store"
    without = _check(article, "off")
    first = _check(article, str(store))  # compiles, then writes the store at exit
    kept = list(store.glob("regex-*.marshal"))
    assert len(kept) == 1 and len(marshal.loads(kept[0].read_bytes())) >= 20
    kept_re = list(store.glob("re-*.marshal"))
    assert len(kept_re) == 1 and len(marshal.loads(kept_re[0].read_bytes())) >= 10
    second = _check(article, str(store))  # rebuilds from it
    assert without.returncode == first.returncode == second.returncode == 1
    assert without.stdout == first.stdout == second.stdout and '"code"' in second.stdout
    assert not list(store.glob(".patterns-*"))  # no temporary file left behind
