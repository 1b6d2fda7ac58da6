"""The results cache: reused when nothing changed, never stale, robust to damage and sharing."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint import cache as cache_module
from newslint.runner import lint_paths, prepare

LATIN1 = "Café society\n\nThe café opened on Monday.\n".encode("latin-1")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(LATIN1)
    (folder / "good.txt").write_text("Café society\n\nThe café opened on Monday.\n", encoding="utf-8")
    return folder


def run(folder: Path, cache_dir: Path, **settings):
    linter = prepare([str(folder)], cache_dir=cache_dir, **settings)
    return lint_paths([str(folder)], jobs=1, linter=linter)


def entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in (cache_dir / "v1").rglob("*")
                  if p.is_file() and not p.name.startswith(".tmp") and p.name != cache_module.USED_MARKER)


def test_second_run_reuses_results(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    first = run(corpus, cache_dir)
    assert len(entries(cache_dir)) == 2
    # Prove the second run does not lint: any call into a rule would now fail.
    from newslint import runner

    monkeypatch.setattr(runner, "read_document", lambda source: pytest.fail("linted again"))
    second = run(corpus, cache_dir)
    assert second.diagnostics == first.diagnostics and second.files_checked == 2


def test_changed_file_is_linted_again(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    assert [d.code for d in run(corpus, cache_dir).diagnostics] == ["NL200"]
    (corpus / "bad.txt").write_text("Café society\n\nFixed now.\n", encoding="utf-8")
    assert run(corpus, cache_dir).diagnostics == []


def test_other_rules_or_options_use_other_entries(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    assert run(corpus, cache_dir).diagnostics
    assert run(corpus, cache_dir, ignore=["NL200"]).diagnostics == []
    assert len(list((cache_dir / "v1").iterdir())) == 2  # one salt per configuration


def test_new_version_or_changed_rule_code_never_serves_stale_results(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    linter = prepare([str(corpus)])
    before = cache_module.salt(linter)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert cache_module.salt(linter) != before
    monkeypatch.undo()
    rule_file = Path(sys.modules[linter.resolved.rules[0].check.__module__].__file__)
    stamp = cache_module._code_stamp(linter)
    assert any(path == str(rule_file.resolve()) for path, _, _ in stamp)
    # a retrained line model (data, not code) changes the zoning and NL306's findings
    assert any(path.endswith("line_model.json") for path, _, _ in stamp)


@pytest.mark.parametrize("select", [None, ["NL304"]], ids=["default rules", "NL304 alone"])
def test_installing_a_rules_optional_extra_changes_the_salt(
        corpus: Path, select: list[str] | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """NL101 judges by meaning, and NL304 reports at all, only with newslint[semantic]: results
    cached without the extra must not be served once it is installed, nor the other way round."""
    linter = prepare([str(corpus)], select=select)
    assert any(rule.extras for rule in linter.resolved.rules)
    monkeypatch.setattr(cache_module, "find_spec", lambda name: object())
    installed = cache_module.salt(linter)
    monkeypatch.setattr(cache_module, "find_spec", lambda name: None)
    assert cache_module.salt(linter) != installed


def test_corrupt_entry_is_ignored_and_rewritten(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first = run(corpus, cache_dir)
    for entry in entries(cache_dir):
        entry.write_bytes(b"\x80garbage")
    assert run(corpus, cache_dir).diagnostics == first.diagnostics
    assert all(e.read_bytes() != b"\x80garbage" for e in entries(cache_dir))


def test_no_cache_option_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--cache-dir",
                           str(cache_dir), str(corpus)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and not cache_dir.exists()
    subprocess.run([sys.executable, "-m", "newslint", "check", "--cache-dir", str(cache_dir),
                    str(corpus)], capture_output=True, timeout=60)
    assert len(entries(cache_dir)) == 2


def test_two_runs_sharing_the_cache_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"a{i:02}.txt").write_bytes(LATIN1 if i % 3 == 0 else b"Head\n\nBody text here.\n")
    cache_dir = tmp_path / "cache"
    command = [sys.executable, "-m", "newslint", "check", "-q", "--cache-dir", str(cache_dir), str(folder)]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert outputs[0] == outputs[1] and outputs[0].count("NL200") == 20
    third = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
    assert third == outputs[0]
    assert not list(cache_dir.rglob(".tmp-*"))


def test_folders_of_configurations_unused_for_a_week_are_removed(corpus: Path, tmp_path: Path) -> None:
    import os
    import time

    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir, ignore=["NL200"])  # an old configuration
    [old] = (cache_dir / "v1").iterdir()
    week_ago = time.time() - (cache_module.STALE_AFTER_DAYS * 86400 + 60)
    os.utime(old / cache_module.USED_MARKER, (week_ago, week_ago))
    run(corpus, cache_dir)  # today's configuration: the old one goes
    assert [f.name for f in (cache_dir / "v1").iterdir()] != [old.name] and not old.exists()
    # A configuration used recently stays, whatever else runs.
    current = next((cache_dir / "v1").iterdir())
    run(corpus, cache_dir, ignore=["NL200"])
    assert current.exists() and len(list((cache_dir / "v1").iterdir())) == 2
