"""The runner: parallel output identical to serial, the library API, stable ordering."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from click.testing import CliRunner

from newslint import lint_paths, lint_text
from newslint.cli import main

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
CLEAN = ROOT / "tests" / "fixtures" / "clean"


def make_corpus(folder: Path, count: int) -> None:
    """Copies of real articles, some damaged in ways the default rules look for."""
    sources = sorted(SEEDS.glob("*.txt")) + sorted(CLEAN.glob("*.txt"))
    rng = random.Random(7)
    for index in range(count):
        text = rng.choice(sources).read_text(encoding="utf-8")
        sub = folder / f"part{index % 3}"
        sub.mkdir(exist_ok=True)
        if index % 5 == 0:
            (sub / f"a{index:04}.txt").write_bytes(text.encode("cp1252", errors="replace"))
        else:
            (sub / f"a{index:04}.txt").write_text(text, encoding="utf-8")


def json_output(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_jobs_2_matches_jobs_1_on_the_seeds() -> None:
    assert json_output("--jobs", "2", str(SEEDS)) == json_output("--jobs", "1", str(SEEDS))


def test_jobs_2_matches_jobs_1_on_generated_files(tmp_path: Path) -> None:
    make_corpus(tmp_path, 300)
    serial = json_output("--jobs", "1", str(tmp_path))
    assert serial, "the generated corpus should produce findings"
    assert json_output("--jobs", "2", str(tmp_path)) == serial
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in serial]
    assert keys == sorted(keys)


def test_hidden_folders_and_non_txt_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(b"\xff")
    (tmp_path / "notes.md").write_bytes(b"\xff")
    (tmp_path / "a.txt").write_bytes(b"Head\n\n\xff")
    result = lint_paths([str(tmp_path)], jobs=1)
    assert [Path(d.path).name for d in result.diagnostics] == ["a.txt"] and result.files_checked == 1


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    for name in ("a.txt", "b.text", "drafts/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"Head\n\n\xff")
    result = lint_paths([str(tmp_path)], jobs=1, include=["*.txt", "*.text"], exclude=["drafts"])
    assert sorted(Path(d.path).name for d in result.diagnostics) == ["a.txt", "b.text"]


def test_library_api_has_no_hidden_state() -> None:
    bad = "Head\n\nCaf\xe9".encode("latin-1")
    first = lint_text(bad, select=["NL200"])
    assert [d.code for d in first] == ["NL200"]
    assert lint_text(bad, ignore=["NL200"]) == []
    assert lint_text(bad, select=["NL200"]) == first  # the ignore call changed nothing


def test_explicit_file_outside_include_is_linted(tmp_path: Path) -> None:
    path = tmp_path / "story.text"
    path.write_bytes(b"Head\n\n\xff")
    assert [d.code for d in lint_paths([str(path)], jobs=1).diagnostics] == ["NL200"]


def test_a_rule_s_confidence_reaches_the_diagnostic_and_the_json_format() -> None:
    from newslint.document import Document
    from newslint.reporters.json import diagnostic_to_json
    from newslint.rule import Finding, Rule
    from newslint.runner import locate

    rule = Rule(code="ZZ001", name="sure-or-not", summary="s", doc="d", check=lambda doc, options: ())
    doc = Document("Head\n\nFirst paragraph.\n\nSecond paragraph.\n")
    sure = locate(doc, rule, Finding.at(doc.paragraphs[0], "unsure", confidence=0.625))
    unsure = locate(doc, rule, Finding.at(doc.paragraphs[1], "no confidence given"))
    # A rule the calibration table does not know keeps its own score; none stays unknown.
    assert (sure.confidence, unsure.confidence) == (0.625, None)
    assert diagnostic_to_json(sure)["confidence"] == 0.625
    assert diagnostic_to_json(unsure)["confidence"] is None


# -- corpus rules reporting lines ---------------------------------------------------------------
def _corpus_rule(code: str, finish, fix=None, lines=True):  # type: ignore[no-untyped-def]
    """A corpus rule whose signatures declare every body line (or none)."""
    from newslint.rule import FixSafety, Rule, Scope, Signature

    def collect(doc, options):  # type: ignore[no-untyped-def]
        return Signature(len(doc.paragraphs), 0, 5, tuple(p.start for p in doc.paragraphs) if lines else ())
    return Rule(code=code, name=code.lower(), summary="s", doc="", scope=Scope.CORPUS, collect=collect,
                finish=finish, fix=fix or FixSafety.NONE)


def _linter_with(*rules):  # type: ignore[no-untyped-def]
    from newslint.config import Config, ResolvedConfig
    from newslint.runner import Linter

    return Linter(ResolvedConfig(Config(), rules, {r.code: r.options for r in rules}, rules))


TEXTS = ["Title\n\nFirst.\n\n  Last line here  \n", "Other\n\nOne.\n\nTwo.\n"]


def test_a_corpus_rule_reports_the_lines_its_signatures_declare() -> None:
    from newslint.rule import CorpusFinding, FixSafety
    from newslint.runner import run
    from newslint.sources import Source

    def last(values, paths, options):  # type: ignore[no-untyped-def]
        return (CorpusFinding(i, "last line", n - 1, confidence=0.5) for i, n in enumerate(values))
    sources = [Source(f"{n}.txt", t) for n, t in enumerate(TEXTS)]
    found = run(_linter_with(_corpus_rule("XT001", last)), sources, jobs=1).diagnostics
    assert [(d.path, d.line, d.column, d.end_column, d.snippet, d.context, d.fix, d.confidence) for d in found] == [
        ("0.txt", 5, 3, 17, "Last line here", "  Last line here  ", None, 0.5),
        ("1.txt", 5, 1, 5, "Two.", "Two.", None, 0.5)]
    # A rule that declares a fix gets one deleting the line with the blank line before it.
    (fixed, _) = run(_linter_with(_corpus_rule("XT002", last, FixSafety.SAFE)), sources, jobs=1).diagnostics
    (edit,) = fixed.fix.edits  # type: ignore[union-attr]
    assert fixed.fix.safety is FixSafety.SAFE and TEXTS[0][:edit.start] + TEXTS[0][edit.end:] == "Title\n\nFirst.\n"
    assert (edit.start_line, edit.start_column, edit.end_line, edit.end_column) == (3, 7, 5, 19)


def test_a_corpus_rule_may_still_yield_index_and_message_pairs() -> None:
    from newslint.runner import run
    from newslint.sources import Source

    rule = _corpus_rule("XT003", lambda values, paths, options: [(1, "second")], lines=False)
    found = run(_linter_with(rule), [Source(f"{n}.txt", t) for n, t in enumerate(TEXTS)], jobs=1).diagnostics
    assert [(d.path, d.line, d.column, d.end_column, d.snippet, d.message, d.fix) for d in found] == [
        ("1.txt", 1, 1, 6, "Other", "second", None)]
