"""--fix and --diff: every fixable rule's repairs on whole articles, overlapping fixes, and
writing that never loses a byte (atomic replace, permissions, BOM, CRLF, interrupted writes)."""
from __future__ import annotations

import difflib
import os
import re
import shutil
import stat
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import fixes
from newslint.cli import main
from newslint.config import Config, ResolvedConfig
from newslint.document import Document
from newslint.fixes import choose_fixes, fix_document, fix_paths, fix_text, unified_diff
from newslint.registry import load_rules
from newslint.rule import Edit, Finding, Fix, FixSafety, Rule, Scope
from newslint.runner import Linter, lint_paths, prepare
from newslint.sources import ProblemKind
from newslint.testing import linter_for

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "fixes"
CASES = sorted(p for p in FIXTURES.glob("*/*.txt") if not p.name.endswith(".fixed.txt"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXABLE = [r for r in load_rules(plugins=False).rules if r.fix is not FixSafety.NONE]
# A corpus rule fires only across many articles, so its fixes are tested on whole folders (the
# corpus tests at the end of this file, and the rule's own tests), not on one-article fixtures.
FIXABLE_ARTICLE = [r for r in FIXABLE if r.scope is Scope.DOCUMENT]
ZWSP = "\u200b"
ARTICLE = "Council approves cycle lanes\n\nThe council approved three new{} lanes on Monday.\n"


def read(path: Path) -> str:
    """A file's text exactly as stored: no newline translation (CRLF must survive)."""
    return path.read_bytes().decode("utf-8")


# -- every fixable rule, on whole articles ------------------------------------------------------
def test_every_fixable_rule_has_fix_fixtures() -> None:
    assert FIXABLE_ARTICLE, "no registered rule offers a fix: the parametrised tests below would be empty"
    missing = [r.code for r in FIXABLE_ARTICLE if not list((FIXTURES / r.code).glob("*.fixed.txt"))]
    assert not missing, f"rules with a fix but no tests/fixtures/fixes/<CODE>/ case: {missing}"


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.code)
def test_every_fixable_rule_says_whether_its_fix_is_safe_and_why(rule: Rule) -> None:
    # The rule's page must name its fix's safety ("safe" is not matched inside "unsafe").
    paragraphs = [p for p in re.split(r"\n\s*\n", rule.doc) if re.search(r"\bfix", p, re.I)]
    assert any(re.search(rf"\b{rule.fix.value}\b", p, re.I) for p in paragraphs), \
        f"{rule.code}'s documentation does not say that its fix is {rule.fix.value}"


def test_fix_fixtures_name_registered_fixable_rules() -> None:
    assert CASES
    assert {p.parent.name for p in CASES} <= {r.code for r in FIXABLE_ARTICLE}


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fix_fixture(case: Path) -> None:
    code = case.parent.name
    expected_file = case.with_name(case.stem + ".fixed.txt")
    assert expected_file.exists(), f"{case.name} has no .fixed.txt"
    original, expected = read(case), read(expected_file)
    linter = linter_for(code, min_confidence=0)  # every finding's fix, whatever the default hides
    found = [d for d in _lint(original, linter) if d.code == code]
    assert found, f"{code} does not fire on {case.name}: the case tests nothing"
    declared = next(r.fix for r in FIXABLE if r.code == code)
    # A rule declares its usual safety; on a doubtful case it may offer an unsafe fix instead,
    # never a safe fix when it declared unsafe.
    assert all(d.fix.safety in (declared, FixSafety.UNSAFE) for d in found if d.fix), \
        f"{code} offers fixes safer than it declared"
    new, fixed, remaining = fix_text(original, linter, unsafe=True)
    assert new == expected
    assert (fixed > 0) == (expected != original)
    assert not [d for d in remaining if fixes.applicable(d, unsafe=True)]
    # Idempotent: fixing the fixed article changes nothing.
    assert fix_text(new, linter, unsafe=True)[:2] == (new, 0)


def _lint(text: str, linter: Linter) -> list:
    return linter.lint_document(Document(text)).diagnostics


# -- local rules: overlapping fixes, fights, unsafe fixes ----------------------------------------
def _replacing(code: str, name: str, pattern: str, replacement: str,
               safety: FixSafety = FixSafety.SAFE) -> Rule:
    """A test rule that reports ``pattern`` and fixes it to ``replacement``."""
    def check(doc: Document, options: object) -> Iterator[Finding]:
        for match in re.finditer(pattern, doc.text):
            yield Finding(match.start(), match.end(), f"{pattern!r} found",
                          Fix((Edit(match.start(), match.end(), replacement),), "replace", safety))
    return Rule(code=code, name=name, summary=name, doc="", check=check, fix=safety)


def linter_with(*rules: Rule) -> Linter:
    """A linter running exactly these (unregistered) rules."""
    return Linter(ResolvedConfig(Config(), rules, {r.code: r.options for r in rules}, rules))


DOUBLE_SPACE = _replacing("XA001", "double-space", "  ", " ")
SPACE_COMMA = _replacing("XB001", "space-before-comma", " ,", ",")


def test_overlapping_fixes_resolve_over_passes_in_a_fixed_order() -> None:
    text = "Title\n\nRain  , wind  , and snow.\n"
    for rules in ((DOUBLE_SPACE, SPACE_COMMA), (SPACE_COMMA, DOUBLE_SPACE)):
        new, fixed, remaining = fix_text(text, linter_with(*rules))
        assert (new, fixed, remaining) == ("Title\n\nRain, wind, and snow.\n", 4, [])


def test_first_pass_takes_the_earliest_fix_and_defers_the_overlapping_one() -> None:
    text = "Title\n\nRain  , wind.\n"
    diagnostics = _lint(text, linter_with(SPACE_COMMA, DOUBLE_SPACE))
    chosen = choose_fixes(diagnostics, len(text))
    assert [(e.start, e.end, e.replacement) for f in chosen for e in f.edits] == [(11, 13, " ")]


def test_a_fix_is_applied_whole_or_not_at_all() -> None:
    def two_edits(doc: Document, options: object) -> Iterator[Finding]:
        # Its first edit overlaps DOUBLE_SPACE's (which starts earlier); its second overlaps
        # nothing, yet must wait too: a fix's edits go in together or not at all.
        yield Finding(12, 14, "two", Fix((Edit(12, 14, "_"), Edit(18, 18, "!")), "two edits"))
    rule = Rule(code="XC001", name="two-edits", summary="s", doc="", check=two_edits, fix=FixSafety.SAFE)
    text = "Title\n\nRain  falls.\n"
    chosen = choose_fixes(_lint(text, linter_with(DOUBLE_SPACE, rule)), len(text))
    assert [(e.start, e.end, e.replacement) for f in chosen for e in f.edits] == [(11, 13, " ")]


def test_fixes_that_undo_each_other_leave_the_article_as_it_was() -> None:
    grey = _replacing("XA002", "grey-to-gray", "grey", "gray")
    gray = _replacing("XB002", "gray-to-grey", "gray", "grey")
    text = "Title\n\nA grey sky.\n"
    outcome = fix_document(linter_with(grey, gray), Document(text))
    assert (outcome.text, outcome.fixed, outcome.settled) == (text, 0, False)


def test_unsafe_fixes_only_when_asked() -> None:
    rule = _replacing("XD001", "drop-rumour", " Rumour has it\\.", "", FixSafety.UNSAFE)
    text = "Title\n\nThe vote passed. Rumour has it.\n"
    assert fix_text(text, linter_with(rule))[:2] == (text, 0)
    assert fix_text(text, linter_with(rule), unsafe=True)[:2] == ("Title\n\nThe vote passed.\n", 1)


def test_an_edit_outside_the_text_is_never_applied() -> None:
    def broken(doc: Document, options: object) -> Iterator[Finding]:
        yield Finding(0, 1, "broken", Fix((Edit(0, len(doc.text) + 5, ""),), "delete beyond the end"))
    rule = Rule(code="XE001", name="broken-fix", summary="s", doc="", check=broken, fix=FixSafety.SAFE)
    text = "Title\n\nBody.\n"
    assert fix_text(text, linter_with(rule))[:2] == (text, 0)


def test_fix_text_keeps_a_bom_and_crlf() -> None:
    text = "\ufeff" + ARTICLE.format(ZWSP).replace("\n", "\r\n")
    new, fixed, remaining = fix_text(text, linter_for("NL204"))
    assert new == "\ufeff" + ARTICLE.format("").replace("\n", "\r\n") and fixed == 1 and remaining == []


def test_a_leading_second_bom_is_fixed_without_shifting_the_text() -> None:
    # The first BOM is the encoding mark (kept); a second one is an invisible character.
    new, fixed, _ = fix_text("\ufeff\ufeff" + ARTICLE.format(ZWSP), linter_for("NL204"))
    assert new == "\ufeff" + ARTICLE.format("") and fixed == 2


# -- files: safe writing ------------------------------------------------------------------------
@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.format(ZWSP).encode("utf-8"))
    path.chmod(0o640)
    return path


def nl204(paths: list[Path], **kwargs: object) -> fixes.FixReport:
    return fix_paths([str(p) for p in paths], linter=linter_for("NL204"), **kwargs)


def test_fix_writes_the_repair_and_keeps_permissions(damaged: Path) -> None:
    report = nl204([damaged])
    assert read(damaged) == ARTICLE.format("")
    assert stat.S_IMODE(damaged.stat().st_mode) == 0o640
    assert (report.fixed, report.changed, report.result.diagnostics) == (1, [str(damaged)], [])
    assert report.result.notes == ["Fixed 1 finding (1 file changed); 0 remain."]
    assert os.listdir(damaged.parent) == ["story.txt"]  # no temporary file left


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_fix_keeps_the_owner(damaged: Path) -> None:
    os.chown(damaged, 65534, 65534)
    nl204([damaged])
    assert (damaged.stat().st_uid, damaged.stat().st_gid) == (65534, 65534)
    assert read(damaged) == ARTICLE.format("")


def test_fix_keeps_bom_and_crlf_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.format(ZWSP).replace("\n", "\r\n").encode("utf-8"))
    nl204([path])
    assert path.read_bytes() == b"\xef\xbb\xbf" + ARTICLE.format("").replace("\n", "\r\n").encode("utf-8")


def test_second_fix_leaves_the_file_untouched(damaged: Path) -> None:
    nl204([damaged])
    before = damaged.stat()
    report = nl204([damaged])
    after = damaged.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not even rewritten
    assert (report.fixed, report.changed) == (0, [])


def test_diff_writes_nothing_and_patch_applies_it(damaged: Path, tmp_path: Path) -> None:
    before = damaged.stat()
    report = nl204([damaged], diff=True)
    assert damaged.stat().st_mtime_ns == before.st_mtime_ns and read(damaged) == ARTICLE.format(ZWSP)
    assert report.diff.startswith(f"--- {damaged}\n+++ {damaged}\n".encode())
    assert report.result.notes == ["Would fix 1 finding (1 file would change); 0 would remain."]
    if shutil.which("patch"):
        subprocess.run(["patch", "-s", str(damaged)], input=report.diff, check=True)
        assert read(damaged) == ARTICLE.format("")


def test_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("Title\n\nA\u200b.".encode(), b"Title\n\nA.", b"a.txt").decode()
    assert diff.endswith("-A\u200b.\n\\ No newline at end of file\n+A.\n\\ No newline at end of file\n")


def test_invalid_utf8_is_reported_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = ARTICLE.format(ZWSP).encode("utf-8") + "Café\n".encode("latin-1")
    path.write_bytes(data)
    report = fix_paths([str(path)], linter=linter_for("NL200", "NL204"))
    assert path.read_bytes() == data
    assert [d.code for d in report.result.diagnostics] == ["NL200"]


@pytest.mark.parametrize("fail_in", ["replace", "fsync"])
def test_a_failure_mid_write_leaves_the_original_and_no_temp_file(
        damaged: Path, monkeypatch: pytest.MonkeyPatch, fail_in: str) -> None:
    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(fixes.os, fail_in, boom)
    report = nl204([damaged])
    assert read(damaged) == ARTICLE.format(ZWSP)
    assert os.listdir(damaged.parent) == ["story.txt"]
    assert [p.kind for p in report.result.problems] == [ProblemKind.NOT_WRITTEN]
    assert "No space left on device" in report.result.problems[0].message
    assert report.fixed == 0 and [d.code for d in report.result.diagnostics] == ["NL204"]


def test_ctrl_c_mid_write_leaves_the_original_and_no_temp_file(
        damaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt
    monkeypatch.setattr(fixes.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        nl204([damaged])
    assert read(damaged) == ARTICLE.format(ZWSP) and os.listdir(damaged.parent) == ["story.txt"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(
        damaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fixes.fix_document

    def edit_meanwhile(*args: object, **kwargs: object) -> fixes.DocumentFix:
        outcome = real(*args, **kwargs)  # type: ignore[arg-type]
        damaged.write_text("Someone else's edit\n\nNew text.\n", encoding="utf-8")
        return outcome
    monkeypatch.setattr(fixes, "fix_document", edit_meanwhile)
    report = nl204([damaged])
    assert read(damaged) == "Someone else's edit\n\nNew text.\n"
    assert "changed on disk" in report.result.problems[0].message and report.fixed == 0


def test_a_read_only_file_is_not_replaced(damaged: Path) -> None:
    damaged.chmod(0o444)
    report = nl204([damaged])
    assert read(damaged) == ARTICLE.format(ZWSP)
    assert "read-only" in report.result.problems[0].message


def test_a_symlink_is_never_written_through(damaged: Path, tmp_path: Path) -> None:
    # Even to a file in the same folder: newslint does not judge where a link leads (README, Fixes).
    link = tmp_path / "link.txt"
    link.symlink_to(damaged)
    report = nl204([link])
    assert link.is_symlink() and read(damaged) == ARTICLE.format(ZWSP)
    assert [p.kind for p in report.result.problems] == [ProblemKind.NOT_WRITTEN]
    assert "is a symbolic link" in report.result.problems[0].message
    assert report.fixed == 0 and [d.code for d in report.result.diagnostics] == ["NL204"]


def test_output_writes_elsewhere_and_leaves_the_input(damaged: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "fixed.txt"
    out.parent.mkdir()
    nl204([damaged], output=str(out))
    assert read(damaged) == ARTICLE.format(ZWSP) and read(out) == ARTICLE.format("")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


# -- the command line ---------------------------------------------------------------------------
def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_cli_fix_prints_what_remains_and_exits_by_it(damaged: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Title\n\nThe replacement \ufffd character has no fix.\n", encoding="utf-8")
    result = invoke("check", "--fix", "--select", "NL204", str(tmp_path))
    assert result.exit_code == 1
    assert read(damaged) == ARTICLE.format("")
    assert "story.txt" not in result.stdout and f"{other}:3:17: NL204" in result.stdout
    assert result.stdout.splitlines()[-1] == "Fixed 1 finding (1 file changed); 1 remains."
    other.unlink()
    assert invoke("check", "--fix", "--select", "NL204", str(tmp_path)).exit_code == 0


def test_cli_diff_prints_only_the_diff_on_stdout(damaged: Path) -> None:
    result = invoke("check", "--diff", "--select", "NL204", str(damaged))
    assert result.exit_code == 0 and read(damaged) == ARTICLE.format(ZWSP)
    assert result.stdout.startswith("---") and "Would fix 1 finding" in result.stderr


def test_cli_unsafe_fixes_flag_and_summary_counts() -> None:
    text = ARTICLE.format(ZWSP).encode()
    result = invoke("check", "--select", "NL204", "-", input=text)
    assert "(1 fixable with --fix)" in result.stdout


def test_cli_stdin_needs_output_to_fix(tmp_path: Path) -> None:
    text = ARTICLE.format(ZWSP).encode()
    result = invoke("check", "--fix", "--select", "NL204", "-", input=text)
    assert result.exit_code == 2 and "use --output FILE or --diff" in result.stderr
    out = tmp_path / "fixed.txt"
    result = invoke("check", "--fix", "--select", "NL204", "--output", str(out), "-", input=text)
    assert result.exit_code == 0 and read(out) == ARTICLE.format("")


def test_cli_output_needs_fix_and_one_file(damaged: Path, tmp_path: Path) -> None:
    assert invoke("check", "--output", str(tmp_path / "x.txt"), str(damaged)).exit_code == 2
    assert invoke("check", "--fix", "--output", str(tmp_path / "x.txt"), str(tmp_path)).exit_code == 2


# -- the seeds ------------------------------------------------------------------------------------
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_seeds_after_fix_are_the_same_articles_minus_the_damage(tmp_path: Path, unsafe: bool) -> None:
    assert SEEDS
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
        (tmp_path / seed.name).chmod(0o644)
    linter = prepare([str(tmp_path)], config=None)
    damaged = {read(Path(d.path)).splitlines()[d.line - 1]
               for d in lint_paths([str(tmp_path)], linter=linter, jobs=1).diagnostics if fixes.applicable(d, unsafe)}
    report = fix_paths([str(tmp_path)], unsafe=unsafe, linter=linter)
    assert not report.result.problems and not report.result.crashes
    deleted = []
    for seed in SEEDS:
        before, after = read(seed).splitlines(), read(tmp_path / seed.name).splitlines()
        assert after[0] == before[0], "the headline must survive"
        # The fixed article is the original with lines taken out, in order; a damaged line may
        # instead be repaired in place (NL202 joins a garbled word).
        kept = iter(before)
        assert all(any(line == old or (old in damaged and _repaired(line, old)) for old in kept)
                   for line in after), seed.name
        deleted += [line for line in (Counter(before) - Counter(after)).elements() if line.strip()]
    assert sorted(deleted) == sorted(damaged), "exactly the damaged lines go, nothing else"
    if "NL301" in {r.code for r in FIXABLE} and not unsafe:  # unsafe fixes also drop the caption
        seed = next(s for s in SEEDS if s.name.startswith("000"))
        lost = Counter(read(seed).splitlines()) - Counter(read(tmp_path / seed.name).splitlines())
        assert [line for line in lost if line.strip()] == [line for line in lost if line.startswith("More news")]
        assert sum(1 for line in lost if line.startswith("More news")) == 1


def _repaired(new: str, old: str) -> bool:
    """A line repaired in place keeps nearly all of its characters."""
    return difflib.SequenceMatcher(None, old, new).ratio() > 0.9


def test_invalid_utf8_is_not_written_to_output_either(tmp_path: Path) -> None:
    path, out = tmp_path / "latin1.txt", tmp_path / "out.txt"
    path.write_bytes("Café\n\nLe café.\n".encode("latin-1"))
    report = fix_paths([str(path)], output=str(out), linter=linter_for("NL200"))
    assert not out.exists() and "not valid UTF-8" in report.result.problems[0].message


def _jsonl(path: Path, lines: list[str]) -> bytes:
    data = "".join(lines).encode("utf-8")
    if path.name.endswith(".gz"):
        import gzip
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return data


JSONL_LINES = [
    '{"id": "a1", "title": "Council approves cycle lanes", "text": "The council approved three new\\u200b lanes.\\r\\nWork starts in May.", "extra": [1, 2]}\n',
    '\n',
    '{ "id" : "a2", "title": "Clean", "text": "Nothing to fix here at all." }\n',
    '{"id": "a3", "title": "Caf\u00e9&amp;bar\u200b opens", "text": "It opened."}\n',
]


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
def test_json_lines_fixes_go_to_a_new_file_and_keep_other_records_byte_for_byte(
        tmp_path: Path, name: str) -> None:
    import gzip
    import json

    path = tmp_path / name
    _jsonl(path, JSONL_LINES)
    before = path.read_bytes()
    report = fix_paths([str(path)], linter=linter_for("NL204"))
    assert path.read_bytes() == before, "a JSON Lines file is never edited in place"
    out = tmp_path / name.replace("corpus.", "corpus.fixed.")
    assert report.changed == [str(out)] and report.fixed == 2
    written = (gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes()).decode()
    lines = written.splitlines(keepends=True)
    assert lines[1:3] == JSONL_LINES[1:3] and len(lines) == 4
    first, last = json.loads(lines[0]), json.loads(lines[3])
    assert first == {"id": "a1", "title": "Council approves cycle lanes", "extra": [1, 2],
                     "text": "The council approved three new lanes.\r\nWork starts in May."}
    assert last["title"] == "Caf\u00e9&amp;bar opens" and last["text"] == "It opened."


def test_json_lines_output_never_onto_the_input_and_diff_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    before = _jsonl(path, JSONL_LINES)
    report = fix_paths([str(path)], output=str(path), linter=linter_for("NL204"))
    assert path.read_bytes() == before and "never rewritten in place" in report.result.problems[0].message
    report = fix_paths([str(path)], diff=True, linter=linter_for("NL204"))
    assert report.diff.startswith(f"--- {path}:1\n".encode()) and sorted(os.listdir(tmp_path)) == ["corpus.jsonl"]
    out = tmp_path / "elsewhere.jsonl"
    result = invoke("check", "--fix", "--select", "NL204", "--output", str(out), str(path))
    assert result.exit_code == 0 and path.read_bytes() == before and out.exists()
    assert f"to {out}." in result.stdout


def test_corpus_rules_judge_the_repaired_texts(tmp_path: Path) -> None:
    from newslint.rule import Signature

    def collect(doc: Document, options: object) -> Signature:
        return Signature(doc.text, 0, 1)

    def finish(values: list, paths: list, options: object) -> Iterator[tuple[int, str]]:
        return ((i, "same text as another article") for i, v in enumerate(values) if values.count(v) > 1)
    same = Rule(code="XF001", name="same-text", summary="s", doc="", scope=Scope.CORPUS,
                collect=collect, finish=finish)
    (tmp_path / "a.txt").write_text(ARTICLE.format(ZWSP), encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.format(""), encoding="utf-8")
    nl204_rule = next(r for r in load_rules(plugins=False).rules if r.code == "NL204")
    report = fix_paths([str(tmp_path)], linter=linter_with(nl204_rule, same))
    assert [(Path(d.path).name, d.code) for d in report.result.diagnostics] == [("a.txt", "XF001"), ("b.txt", "XF001")]
    assert report.fixed == 1


# -- fixes of corpus rules' findings -----------------------------------------------------------
def _shared_line_rule(safety: FixSafety = FixSafety.SAFE) -> Rule:
    """A corpus rule that reports (and deletes) each body line found in every article."""
    from newslint.rule import CorpusFinding, Signature

    def collect(doc: Document, options: object) -> Signature:
        return Signature(tuple(p.text(doc) for p in doc.paragraphs), lines=tuple(p.start for p in doc.paragraphs))

    def finish(values: list, paths: list, options: object) -> Iterator[CorpusFinding]:
        for index, lines in enumerate(values):
            for k, line in enumerate(lines):
                if all(line in other for other in values):
                    yield CorpusFinding(index, "in every article", k)
    return Rule(code="XF002", name="shared-line", summary="s", doc="", scope=Scope.CORPUS,
                collect=collect, finish=finish, fix=safety)


def _last_line_rule() -> Rule:
    """A corpus rule that reports each article's last line, without a fix."""
    from newslint.rule import CorpusFinding, Signature

    def collect(doc: Document, options: object) -> Signature:
        return Signature(None, lines=(doc.paragraphs[-1].start,))
    return Rule(code="XF003", name="last-line", summary="s", doc="", scope=Scope.CORPUS, collect=collect,
                finish=lambda values, paths, options: (CorpusFinding(i, "last", 0) for i in range(len(values))))


SHARED = "Follow the Echo for more."
STORY = "Title {n}\n\nStory {n} opens{zwsp} here.\n\n{shared}\n\nStory {n} goes on.\n\nStory {n} ends.\n"


def _corpus(folder: Path, shared: str = SHARED) -> list[Path]:
    paths = []
    for n in range(3):
        path = folder / f"a{n}.txt"
        path.write_text(STORY.format(n=n, zwsp=ZWSP if n == 1 else "", shared=shared), encoding="utf-8")
        paths.append(path)
    return paths


def _nl204() -> Rule:
    return next(r for r in load_rules(plugins=False).rules if r.code == "NL204")


def test_corpus_findings_are_fixed_after_the_first_pass(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    linter = linter_with(_nl204(), _shared_line_rule(), _last_line_rule())
    report = fix_paths([str(tmp_path)], linter=linter)
    assert report.fixed == 3 + 1 and sorted(report.changed) == [str(p) for p in paths]
    for n, path in enumerate(paths):
        assert read(path) == f"Title {n}\n\nStory {n} opens here.\n\nStory {n} goes on.\n\nStory {n} ends.\n"
    # What remains was moved up with the text: the last line is now line 7, not 9.
    assert [(Path(d.path).name, d.line, d.code) for d in report.result.diagnostics] == [
        (f"a{n}.txt", 7, "XF003") for n in range(3)]
    assert report.result.notes == ["Fixed 4 findings (3 files changed); 3 remain."]
    assert fix_paths([str(tmp_path)], linter=linter).fixed == 0


def test_unsafe_corpus_fixes_wait_for_unsafe_fixes(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    before = [read(p) for p in paths]
    linter = linter_with(_shared_line_rule(FixSafety.UNSAFE))
    report = fix_paths([str(tmp_path)], linter=linter)
    assert report.fixed == 0 and [read(p) for p in paths] == before and len(report.result.diagnostics) == 3
    assert fix_paths([str(tmp_path)], unsafe=True, linter=linter).fixed == 3


def test_corpus_fixes_in_a_diff_join_the_article_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path)
    before = [read(p) for p in paths]
    monkeypatch.chdir(tmp_path)  # a diff names files relative to the current folder
    report = fix_paths(["."], diff=True, linter=linter_with(_nl204(), _shared_line_rule()))
    assert [read(p) for p in paths] == before and report.fixed == 4
    diff = report.diff.decode("utf-8")
    assert diff.count("+++ ") == 3 and diff.count(f"-{SHARED}\n") == 3
    assert f"-Story 1 opens{ZWSP} here.\n" in diff and "+Story 1 opens here.\n" in diff
    subprocess.run(["patch", "-s", "-p0"], input=report.diff, cwd=tmp_path, check=True)
    assert [read(p) for p in paths] == [b.replace(ZWSP, "").replace(f"{SHARED}\n\n", "") for b in before]


def test_corpus_fixes_of_json_lines_records(tmp_path: Path) -> None:
    import json

    path = tmp_path / "corpus.jsonl"
    rows = [{"id": n, "title": f"Title {n}", "text": f"Story {n}{ZWSP if n == 1 else ''}.\n{SHARED}\nEnd {n}."}
            for n in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = fix_paths([str(path)], linter=linter_with(_nl204(), _shared_line_rule()))
    assert report.fixed == 4 and not report.result.diagnostics
    fixed = [json.loads(line) for line in (tmp_path / "corpus.fixed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in fixed] == [f"Story {n}.\nEnd {n}." for n in range(3)]


def test_a_corpus_fix_waits_when_its_line_changed_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path)
    originals = fixes._originals

    def edited_meanwhile(path: str, records: set, fields: object) -> Iterator:
        if path == str(paths[0]):  # someone edits the file after the first pass read it
            paths[0].write_text(read(paths[0]).replace(SHARED, "Follow the Echo for more news."), encoding="utf-8")
        return originals(path, records, fields)
    monkeypatch.setattr(fixes, "_originals", edited_meanwhile)
    report = fix_paths([str(tmp_path)], linter=linter_with(_shared_line_rule()))
    assert report.fixed == 2 and "Follow the Echo for more news." in read(paths[0])
    assert [(Path(d.path).name, d.line) for d in report.result.diagnostics] == [("a0.txt", 5)]


def test_diff_reports_what_remains_at_its_line_on_disk(tmp_path: Path) -> None:
    """--diff writes nothing, so what would remain is placed in the file as it is (#16, item 3):
    the line a safe fix deletes above it does not move it."""
    import json

    from click.testing import CliRunner

    from newslint.cli import main

    story = tmp_path / "story.txt"
    story.write_text("Council meets over budget\n\nThe council met on Monday to discuss the budget.\n\n"
                     "Share this article on Facebook\n\nThe members agreed that the budget would be cut by ten "
                     "percent and that\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--diff", "--output-format", "json", str(story)])
    remaining = json.loads(result.stderr)
    assert [(d["code"], d["line"], d["column"]) for d in remaining] == [("NL503", 7, 1)]
    lines = story.read_text(encoding="utf-8").splitlines()
    assert lines[remaining[0]["line"] - 1].endswith("percent and that")
    fixed = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--output-format", "json", str(story)])
    assert [(d["code"], d["line"]) for d in json.loads(fixed.stdout)] == [("NL503", 5)]  # the file changed


def test_original_offset_maps_back_through_passes() -> None:
    from newslint.fixes import original_offset
    from newslint.rule import FixSafety
    from newslint.runner import LocatedEdit, LocatedFix

    def fix(start: int, end: int, text: str) -> LocatedFix:
        return LocatedFix((LocatedEdit(start, end, text, 1, start + 1, 1, end + 1),), "", FixSafety.SAFE)
    # "abcdefgh": pass 1 deletes "bc" -> "adefgh"; pass 2 inserts "XY" at 3 -> "adeXYfgh"
    passes = ((fix(1, 3, ""),), (fix(3, 3, "XY"),))
    assert [original_offset(i, passes) for i in range(8)] == [0, 3, 4, 5, 5, 5, 6, 7]
