"""The corpus rules' per-document entries kept compactly (`newslint.corpus_store`): what is
read back is what was stored, beyond the in-memory part too, and a run finds the same with
every document's source and anchor in the temporary file as with all of them in memory."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newslint import corpus_store
from newslint.runner import Anchor, corpus_entries, lint_paths
from newslint.sources import Source

HERE = Path(__file__).resolve().parent


def _item(i: int, value: object) -> tuple[Source, object, Anchor]:
    source = Source(f"site/{i}.txt", None, i if i % 3 else None, f"id-{i}" if i % 2 else None,
                    "example.org" if i % 5 else None, (("NL307", "Sign up"),) if i % 7 == 0 else ())
    anchor = Anchor(i + 1, 1, i + 1, 40, f"Headline {i} “quoted”", bytes([i % 256]) * 8, f"line {i}\nmore")
    return source, value, anchor


def test_entries_read_back_as_stored_in_memory_and_from_the_file(monkeypatch) -> None:
    monkeypatch.setattr(corpus_store, "IN_MEMORY", 5)
    entries = corpus_entries()
    items = [_item(i, bytes(range(i % 50)) if i != 13 else {"plugin": [i]}) for i in range(40)]
    for item in items:
        entries.append(item)
    assert len(entries) == 40 and list(entries) == items
    assert entries[-1] == items[-1] and entries[3:6] == items[3:6]
    assert list(entries.values) == [value for _, value, _ in items]
    assert list(entries.paths) == [source.path for source, _, _ in items]
    assert entries.values[13] == {"plugin": [13]} and entries.values[14] == bytes(range(14))
    with pytest.raises(IndexError):
        entries[40]
    more = [_item(i, bytes([i])) for i in range(40, 50)]  # appended after reads
    for item in more:
        entries.append(item)
    assert list(entries) == items + more
    entries.close()


def test_a_small_run_writes_no_file() -> None:
    entries = corpus_entries()
    for i in range(10):
        entries.append(_item(i, b"x"))
    assert entries._spill is None


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """Articles from the seeds and clean fixtures under two sites, with a template line under
    some and one article saved twice (what NL307 and NL403 report)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures" / "clean").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt"))]
    for i, text in enumerate(texts * 2):
        site = tmp_path / ("a" if i % 2 else "b")
        site.mkdir(exist_ok=True)
        footer = "\nSign up for our morning briefing and never miss a story.\n" if i % 2 else ""
        (site / f"{i:03}.txt").write_text(text + footer, encoding="utf-8")
    shutil.copy(tmp_path / "a" / "001.txt", tmp_path / "b" / "copy.txt")
    return tmp_path


def _found(folder: Path) -> list[tuple]:
    result = lint_paths([str(folder)], jobs=1, find_config=False, select=["NL307", "NL403"])
    return [(d.path, d.line, d.code, d.message, d.confidence) for d in result.diagnostics]


def test_a_run_finds_the_same_with_entries_in_the_file(corpus, monkeypatch) -> None:
    in_memory = _found(corpus)
    assert {code for _, _, code, _, _ in in_memory} == {"NL307", "NL403"}
    monkeypatch.setattr(corpus_store, "IN_MEMORY", 3)
    assert _found(corpus) == in_memory
