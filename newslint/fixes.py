"""Fixes: apply the rules' repairs to articles, and write files so that no byte is ever lost.

A fix is a set of edits on character spans of ``Document.text``. Each pass lints the text, takes
the applicable fixes in a fixed order (where they start, then rule code), applies every fix whose
edits overlap none already taken (a fix is applied whole or not at all), and lints again; the
rest wait for the next pass. Fixes that have not settled after ``MAX_PASSES`` passes are
abandoned and the article is left as it was, so that ``--fix`` run twice changes nothing the
second time.

Writing never leaves a half-written file: the new bytes go to a temporary file in the same
folder, are flushed and fsynced, get the old file's permissions, and replace it atomically
(``os.replace``); nothing is ever written through a symbolic link (``newslint.files``). A file
is not rewritten when nothing changed, never when it did not decode as UTF-8, and not when it
changed on disk since it was read. A JSON Lines file is never rewritten in place: once all
its records were read, it is copied to ``corpus.fixed.jsonl`` (or ``--output``), every record
byte for byte except the repaired ones (``--diff`` shows those as ``path:record``).

``--diff`` is made of the very bytes ``--fix`` would write (BOM, CRLF, control characters and a
missing final newline included), names files relative to the current folder (``patch`` refuses
absolute names) and quotes names as git does when they need it, so ``patch -p0`` applies it.
"""
from __future__ import annotations

import contextlib
import dataclasses
import difflib
import io
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, Any, NamedTuple

from newslint.baseline import normal_path
from newslint.corpus_store import CorpusEntries
from newslint.document import BOM, Document
from newslint.files import FileChanged, atomic_file, write_atomically
from newslint.rule import FixSafety
from newslint.runner import (Diagnostic, FileResult, Linter, LocatedEdit, LocatedFix, RunResult, _merge,
                             collect_signatures, prepare, sources_of)
from newslint.sources import Problem, ProblemKind, Source, read_document
from newslint.text.patterns import lazy_re

MAX_PASSES = 10  # each pass applies every non-overlapping fix, so real articles settle in 2 or 3
STDOUT = "-"  # as ``output``: the repaired article goes to ``FixReport.diff``, for stdout


# -- choosing and applying fixes --------------------------------------------------------------
def applicable(diagnostic: Diagnostic, unsafe: bool = False) -> bool:
    """Whether ``--fix`` applies this finding's fix (unsafe fixes only when asked)."""
    fix = diagnostic.fix
    if fix is None or not fix.edits:
        return False
    return fix.safety is FixSafety.SAFE or (unsafe and fix.safety is FixSafety.UNSAFE)


def _clash(a: LocatedEdit, b: LocatedEdit) -> bool:
    """Two edits touch the same characters, or insert at the same place (order unknowable)."""
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def choose_fixes(diagnostics: Iterable[Diagnostic], length: int, unsafe: bool = False) -> list[LocatedFix]:
    """The fixes to apply in one pass over a text of ``length`` characters: ordered by where
    they start, then by rule code; a fix that overlaps one already taken waits for a later pass."""
    candidates = sorted((d for d in diagnostics if applicable(d, unsafe)),
                        key=lambda d: (min(e.start for e in d.fix.edits), d.code, d.line,  # type: ignore[union-attr]
                                       d.column, d.message))
    chosen: list[LocatedFix] = []
    taken: list[LocatedEdit] = []
    for diagnostic in candidates:
        edits = diagnostic.fix.edits  # type: ignore[union-attr]
        if not all(0 <= e.start <= e.end <= length for e in edits):
            continue  # a broken rule pointing outside the text: never guess what it meant
        own = [a for i, a in enumerate(edits) for b in edits[i + 1:] if _clash(a, b)]
        if own or any(_clash(a, b) for a in edits for b in taken):
            continue
        chosen.append(diagnostic.fix)  # type: ignore[arg-type]
        taken.extend(edits)
    return chosen


def apply_fixes(text: str, fixes: Iterable[LocatedFix]) -> str:
    """``text`` with the (non-overlapping) edits of ``fixes`` applied."""
    parts, cursor = [], 0
    for edit in sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end)):
        parts += [text[cursor:edit.start], edit.replacement]
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


@dataclass(frozen=True)
class DocumentFix:
    """The outcome of fixing one document."""

    text: str             # the repaired text (without a BOM), or the original when not settled
    fixed: int            # how many findings' fixes were applied
    result: FileResult    # the lint of ``text``: what remains
    settled: bool = True  # False when fixes kept changing the text for MAX_PASSES passes
    before: FileResult | None = None  # the lint of the text as it was read (None: ``result``)
    passes: tuple[tuple[LocatedFix, ...], ...] = ()  # the fixes applied, pass by pass


def _reparse(text: str, doc: Document) -> Document:
    # Document strips one leading BOM; giving it one to strip keeps ``text`` exactly as it is.
    return Document(BOM + text, doc.path, site=doc.site)


def fix_document(linter: Linter, doc: Document, source: Source | None = None, unsafe: bool = False,
                 corpus: bool = False) -> DocumentFix:
    """Lint, apply non-overlapping fixes, and lint again until nothing applicable is left."""
    first = result = linter.lint_document(doc, source, corpus)
    if doc.decode_problem is not None:  # the text holds U+FFFD for lost bytes: never write it
        return DocumentFix(doc.text, 0, first)
    text, fixed, applied = doc.text, 0, []
    for passes in range(MAX_PASSES + 1):
        chosen = choose_fixes(result.diagnostics, len(text), unsafe)
        new = apply_fixes(text, chosen) if chosen else text
        if new == text:
            return DocumentFix(text, fixed, result, before=first, passes=tuple(applied))
        if passes == MAX_PASSES:
            break  # still changing: a rule's fix may undo another's, so trust none of it
        text, fixed = new, fixed + len(chosen)
        applied.append(tuple(chosen))
        result = linter.lint_document(_reparse(text, doc), source, corpus)
    return DocumentFix(doc.text, 0, first, settled=False)


def fix_text(text: str, linter: Linter | None = None, unsafe: bool = False, path: str = "<text>",
             **settings: object) -> tuple[str, int, list[Diagnostic]]:
    """Fix one article given as text: (new text, findings fixed, findings that remain)."""
    linter = linter or prepare([], **settings)
    doc = Document(text, path)
    outcome = fix_document(linter, doc, unsafe=unsafe)
    new = (BOM if doc.had_bom else "") + outcome.text
    return new, outcome.fixed, sorted(outcome.result.diagnostics, key=lambda d: d.sort_key)


# -- diffs -----------------------------------------------------------------------------------
_LINE = lazy_re(rb"[^\n]*\n|[^\n]+")  # split on LF only: CR, VT, U+2028 stay inside a line
_PLAIN_NAME = lazy_re(rb'[^\x00-\x20"\\\x7f]+')  # needs no quotes in a diff header
_CONTROL = lazy_re(rb"[\x00-\x1f\x7f]")


def unified_diff(old: bytes, new: bytes, name: bytes) -> bytes:
    """A unified diff from the bytes ``old`` to ``new`` of the file ``name`` (see ``diff_name``)."""
    out = []
    for line in difflib.diff_bytes(difflib.unified_diff, _LINE.findall(old), _LINE.findall(new), name, name):
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def diff_name(path: str) -> bytes:
    """A file's name for a diff header: relative to the current folder when inside it (``patch``
    refuses absolute names), its bytes exactly, in C quotes as git writes it when it holds white
    space, quotes, backslashes or control characters (``patch`` reads them back)."""
    name = os.fsencode(normal_path(path))
    if _PLAIN_NAME.fullmatch(name):
        return name
    name = name.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
    return b'"' + _CONTROL.sub(lambda m: b"\\%03o" % m.group()[0], name) + b'"'


def _diff(source: Source, doc: Document, text: str) -> bytes:
    """What fixing a source would change: for a file, the bytes ``--fix`` would write."""
    if source.record is None:
        return unified_diff(encode(doc.text, doc.had_bom), encode(text, doc.had_bom), diff_name(source.path))
    # A record is shown for review, never patched: its lone surrogates (valid JSON) are escaped.
    record = [t.encode("utf-8", "backslashreplace") for t in (doc.text, text)]
    return unified_diff(*record, diff_name(f"{source.path}:{source.record}"))


def original_offset(offset: int, passes: Sequence[Sequence[LocatedFix]]) -> int:
    """Where a character offset in the repaired text was before the fixes of ``passes`` were
    applied (text a fix inserted maps to where its edit started)."""
    for fixes in reversed(passes):
        shift = 0
        for edit in sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end)):
            new_start = edit.start + shift
            if offset < new_start:
                break
            if offset < new_start + len(edit.replacement):
                offset = edit.start - shift
                break
            shift += len(edit.replacement) - (edit.end - edit.start)
        offset -= shift
    return offset


def relocated(outcome: DocumentFix, doc: Document) -> FileResult:
    """The findings that would remain after fixing, placed in the text as it is on disk (what
    ``--diff`` reports, since it writes nothing)."""
    result = outcome.result
    if not outcome.passes:
        return result
    fixed = _reparse(outcome.text, doc)

    def back(line: int, column: int) -> int:
        return original_offset(fixed.offset(line, column), outcome.passes)

    def place_fix(fix: LocatedFix | None) -> LocatedFix | None:
        if fix is None:
            return None
        edits = tuple(LocatedEdit(start, end, e.replacement, *doc.position(start), *doc.position(end))
                      for e in fix.edits
                      for start, end in [(back(e.start_line, e.start_column), back(e.end_line, e.end_column))])
        return dataclasses.replace(fix, edits=edits)

    def place(d: Diagnostic) -> Diagnostic:
        start, end = back(d.line, d.column), back(d.end_line, d.end_column)
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(start, end))
        return dataclasses.replace(d, line=line, column=column, end_line=end_line, end_column=end_column,
                                   context=doc.line_text(line) if d.context else d.context,
                                   fix=place_fix(d.fix))
    return dataclasses.replace(result, diagnostics=[place(d) for d in result.diagnostics])


# -- writing safely --------------------------------------------------------------------------
def encode(text: str, had_bom: bool) -> bytes:
    """The bytes of a document's text, with its BOM put back."""
    return ((BOM if had_bom else "") + text).encode("utf-8")


# -- fixing files ------------------------------------------------------------------------------
@dataclass
class FixReport:
    """What a fixing run did: the remaining findings (``result``) and what changed."""

    result: RunResult = field(default_factory=RunResult)
    fixed: int = 0
    changed: list[str] = field(default_factory=list)
    diff: bytes = b""  # for stdout: the unified diff of every change (--diff), or the repaired article (--output -)
    diffs: dict[str, bytes] = field(default_factory=dict)  # --diff: each change's diff, by path (path:record)
    # JSON Lines file -> record number -> its repair, written once the whole file was read
    records: dict[str, dict[int, RecordFix]] = field(default_factory=dict)


class RecordFix(NamedTuple):
    """The repair of one JSON Lines record, waiting to be written."""

    article: str                  # the article as read
    repaired: str                 # the article repaired
    fixed: int                    # findings fixed
    before: list[Diagnostic]      # the findings it had: they stand if the copy is not written


@dataclass(frozen=True)
class FixSettings:
    """How to fix: with unsafe fixes or not, diff instead of write, where to write."""

    unsafe: bool = False
    diff: bool = False
    output: str | None = None


def fix_sources(linter: Linter, inputs: Iterable[Source | Problem], unsafe: bool = False,
                diff: bool = False, output: str | None = None, fields: Any = None) -> FixReport:
    """Fix every source one at a time (each file is written before the next is read), then
    finish corpus rules on the repaired texts; the report holds what remains."""
    settings = FixSettings(unsafe, diff, output)
    report = FixReport()
    items = iter(inputs)
    head = list(itertools.islice(items, 2))
    corpus = sum(isinstance(i, Source) for i in head) > 1  # as in run(): one alone has no peers
    gathered: dict[str, CorpusEntries] = {}
    first = ""
    for item in itertools.chain(head, items):
        if isinstance(item, Problem):
            report.result.problems.append(item)
            continue
        first = first or item.path
        if output and item.path != first:  # --output holds one input's repair, never a mix
            report.result.problems.append(Problem(item.path, ProblemKind.NOT_WRITTEN,
                                                  f"not fixed: --output {output} is for {first} only"))
            continue
        file_result = _fix_source(linter, item, settings, report, corpus)
        _merge(report.result, file_result)
        collect_signatures(gathered, Source(item.path, None, item.record, item.record_id), file_result)
    corpus_result = linter.finish_corpus(gathered)
    for entries in gathered.values():
        entries.close()
    fix_corpus_findings(linter, corpus_result, settings, report, fields)
    _merge(report.result, corpus_result)
    for path, repaired in report.records.items():
        if (repaired or output) and not diff:
            _write_jsonl(path, repaired, output or fixed_jsonl_path(path), fields, report)
    _finish(report, settings)
    return report


def _fix_source(linter: Linter, source: Source, settings: FixSettings, report: FixReport,
                corpus: bool) -> FileResult:
    """Fix one source and write (or diff) it; on any failure its original findings stand."""
    doc = read_document(source)
    if isinstance(doc, Problem):
        return FileResult(problems=[doc])
    outcome = fix_document(linter, doc, source, settings.unsafe, corpus)
    if not outcome.settled:
        report.result.notes.append(f"{source.path}: fixes did not settle after {MAX_PASSES} passes; "
                                   "left as it was (two rules' fixes may undo each other)")
    if doc.decode_problem is not None:  # lost bytes are reported, never written back as U+FFFD
        if settings.output and not settings.diff:
            outcome.result.problems.append(Problem(source.path, ProblemKind.NOT_WRITTEN,
                                                   f"not valid UTF-8, so nothing written to {settings.output}"))
        return outcome.result
    changed = outcome.text != doc.text
    if source.record is not None and not settings.diff:  # written once the whole file was read
        repaired = report.records.setdefault(source.path, {})
        if changed:
            before = (outcome.before or outcome.result).diagnostics
            repaired[source.record] = RecordFix(doc.text, outcome.text, outcome.fixed, before)
        return outcome.result
    if not changed and not settings.output:
        return outcome.result
    if settings.diff:
        report.diffs[_where(source)] = _diff(source, doc, outcome.text)
        outcome = DocumentFix(outcome.text, outcome.fixed, relocated(outcome, doc))
    elif settings.output == STDOUT:
        report.diff += encode(outcome.text, doc.had_bom)
    else:
        problem = _write(source, doc, outcome.text, settings.output)
        if problem is not None:
            result = linter.lint_document(doc, source, corpus)
            result.problems.append(problem)
            return result
    if changed:
        report.fixed += outcome.fixed
        report.changed.append(source.path)
    return outcome.result



def _where(source: Source) -> str:
    return source.path if source.record is None else f"{source.path}:{source.record}"


# -- fixes of corpus rules ------------------------------------------------------------------------
def fix_corpus_findings(linter: Linter, corpus: FileResult, settings: FixSettings, report: FixReport,
                        fields: Any = None) -> None:
    """Apply the fixes of corpus rules' findings, known only once every document was read, to
    the texts the first pass left (as written; with ``--diff``, as it would have written them).
    The findings so fixed leave ``corpus``; the documents' other findings are found again."""
    found: dict[tuple[str, int | None], list[Diagnostic]] = {}
    for diagnostic in corpus.diagnostics:
        found.setdefault((diagnostic.path, diagnostic.record), []).append(diagnostic)
    wanted: dict[str, set[int | None]] = {}  # path -> the documents in it to fix
    for path, record in found:
        if any(applicable(d, settings.unsafe) for d in found[(path, record)]):
            wanted.setdefault(path, set()).add(record)
    now: dict[tuple[str, int | None], list[Diagnostic]] = {}  # a fixed document's findings
    for path, records in wanted.items():
        for source, first in _originals(path, records, fields):
            key = (source.path, source.record)
            outcome = _fix_one(linter, source, first, found[key], settings, report)
            if outcome is not None:
                found[key], now[key] = outcome
    corpus.diagnostics = [d for ds in found.values() for d in ds]
    report.result.diagnostics = ([d for d in report.result.diagnostics if (d.path, d.record) not in now]
                                 + [d for ds in now.values() for d in ds])


def _originals(path: str, records: set[int | None], fields: Any) -> Iterator[tuple[Source, Document]]:
    """The documents of ``path`` named (a file, or records of a JSON Lines file), read again."""
    if records == {None}:
        doc = read_document(Source(path))
        if isinstance(doc, Document):
            yield Source(path), doc
        return
    from newslint.jsonl import Fields, records as read_records

    for item in read_records(path, fields or Fields()):
        if isinstance(item, Source) and item.record in records:
            yield item, Document(item.data, path, site=item.site)  # type: ignore[arg-type]


def _fix_one(linter: Linter, source: Source, first: Document, findings: list[Diagnostic],
             settings: FixSettings, report: FixReport) -> tuple[list[Diagnostic], list[Diagnostic]] | None:
    """Apply one document's corpus findings' fixes; its corpus findings and document findings
    after that (None: it was left as it was)."""
    pending = report.records.get(source.path, {}).get(source.record) if source.record is not None else None
    if settings.diff:
        current = fix_document(linter, first, source, settings.unsafe).text
    elif pending is not None:
        current = pending.repaired
    else:
        current = first.text  # as the first pass wrote it
    doc = Document(BOM + current, source.path, site=first.site)
    # The line is still there (compared whitespace-normalised, as a diagnostic keeps it).
    valid = [d for d in findings if " ".join(doc.line_text(d.line).split()) == d.snippet]
    chosen = choose_fixes(valid, len(current), settings.unsafe)
    if not chosen:
        return None
    new = apply_fixes(current, chosen)
    if source.record is not None and not settings.diff:  # written with the file's other records
        before = pending.before if pending is not None else findings
        fixed = pending.fixed if pending is not None else 0
        report.records.setdefault(source.path, {})[source.record] = RecordFix(
            first.text, new, fixed + len(chosen), before)
    else:
        if settings.diff:
            report.diffs[_where(source)] = _diff(source, first, new)
        else:
            problem = _write(source, first, new, None)
            if problem is not None:
                report.result.problems.append(problem)
                return None
        report.fixed += len(chosen)
        if source.path not in report.changed:
            report.changed.append(source.path)
    new_doc = Document(BOM + new, source.path, site=first.site)
    edits = sorted((e for fix in chosen for e in fix.edits), key=lambda e: e.start)
    left = [moved for d in findings if d.fix not in chosen
            for moved in [_relocated(d, doc, new_doc, edits)] if moved is not None]
    return left, linter.lint_document(new_doc, source, corpus=False).diagnostics


def _relocated(d: Diagnostic, old: Document, new: Document, edits: list[LocatedEdit]) -> Diagnostic | None:
    """A finding moved past the edits applied before it (None when they edited its text)."""
    def moved(offset: int) -> int | None:
        shift = 0
        for edit in edits:
            if edit.end <= offset:
                shift += edit.end - edit.start - len(edit.replacement)
            elif edit.start < offset:
                return None
        return offset - shift

    if d.end_line > len(old.lines):
        return None
    start = moved(old.lines[d.line - 1].start + d.column - 1)
    end = moved(old.lines[d.end_line - 1].start + d.end_column - 1)
    fix_edits = [(moved(e.start), moved(e.end), e.replacement) for e in d.fix.edits] if d.fix else []
    if start is None or end is None or any(a is None or b is None for a, b, _ in fix_edits):
        return None
    fix = d.fix and replace(d.fix, edits=tuple(LocatedEdit(a, b, text, *new.position(a), *new.position(b))  # type: ignore[arg-type]
                                               for a, b, text in fix_edits))
    return replace(d, line=new.position(start)[0], column=new.position(start)[1],
                   end_line=new.position(end)[0], end_column=new.position(end)[1], fix=fix)

def _write(source: Source, doc: Document, text: str, output: str | None) -> Problem | None:
    """Write the repaired text in place (or to ``output``); a Problem says why it was not."""
    if output is None and source.data is not None:
        return Problem(source.path, ProblemKind.NOT_WRITTEN,
                       "cannot fix text read from stdin in place; use --output FILE or --diff")
    try:
        if output is not None:
            write_atomically(output, encode(text, doc.had_bom),
                             mode_from=source.path if source.data is None else None)
        else:
            write_atomically(source.path, encode(text, doc.had_bom), expected=encode(doc.text, doc.had_bom))
    except FileChanged:
        return Problem(source.path, ProblemKind.NOT_WRITTEN,
                       "changed on disk while newslint was fixing it; left as it is")
    except OSError as exc:
        return Problem(output or source.path, ProblemKind.NOT_WRITTEN,
                       f"fixes not written: {exc.strerror or exc}")
    return None


def _finish(report: FixReport, settings: FixSettings) -> None:
    """Sort the remaining findings and add the summary lines."""
    result = report.result
    report.diff += b"".join(report.diffs.values())  # --diff; --output - wrote the article already
    result.diagnostics.sort(key=lambda d: d.sort_key)
    result.problems.sort(key=lambda p: p.path)
    result.crashes.sort(key=lambda c: (c.path, c.code))
    fixed, files, left = _count(report.fixed, "finding"), _count(len(report.changed), "file"), len(result.diagnostics)
    if settings.diff:
        result.notes.append(f"Would fix {fixed} ({files} would change); {left} would remain.")
    else:
        result.notes.append(f"Fixed {fixed} ({files} changed); {left} remain{'s' if left == 1 else ''}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def fix_paths(paths: Sequence[str], unsafe: bool = False, diff: bool = False, output: str | None = None,
              linter: Linter | None = None, **settings: object) -> FixReport:
    """Fix the articles under ``paths`` (files and folders); ``settings`` as for ``prepare``."""
    linter = linter or prepare(paths, **{"find_config": True, **settings})  # type: ignore[arg-type]
    return fix_sources(linter, sources_of(linter, paths), unsafe, diff, output)


# -- JSON Lines ---------------------------------------------------------------------------------
def fixed_jsonl_path(path: str) -> str:
    """Where the repaired records of a JSON Lines file go: ``corpus.fixed.jsonl`` beside it."""
    from newslint.sources import JSONL_SUFFIXES

    suffix = next((s for s in JSONL_SUFFIXES if path.lower().endswith(s)), "")
    return f"{path[:len(path) - len(suffix)]}.fixed{path[len(path) - len(suffix):]}"


def _write_jsonl(path: str, repaired: dict[int, RecordFix], target: str, fields: Any,
                 report: FixReport) -> None:
    """Copy a JSON Lines file to ``target`` (never onto itself), every record byte for byte
    except the repaired ones; when that cannot be done safely, a Problem, and the repaired
    records' findings stand as they were read."""
    import gzip
    import zlib

    from newslint.jsonl import Fields, open_jsonl, pieces

    def problem(why: str) -> None:
        report.result.problems.append(Problem(path, ProblemKind.NOT_WRITTEN, f"fixes not written: {why}"))
        _restore(report.result, path, repaired)
    if os.path.realpath(target) == os.path.realpath(path):
        return problem("a JSON Lines file is never rewritten in place; name another --output")
    try:
        with open_jsonl(path) as source, _sink(target, path, report) as out:
            sink = gzip.GzipFile(fileobj=out, mode="wb", mtime=0) if target.lower().endswith(".gz") else out
            for number, raw, whole in pieces(source):  # a record too long to lint is copied in pieces
                fix = repaired.get(number)
                if fix is not None and not whole:  # it was read whole: the file changed since
                    raise FileChanged(path)
                sink.write(_rewrite(raw, fix.article, fix.repaired, fields or Fields()) if fix else raw)
            if sink is not out:
                sink.close()
    except FileChanged:
        return problem("the file changed while newslint was fixing it")
    except ValueError as exc:
        return problem(str(exc))
    except (OSError, EOFError, zlib.error) as exc:
        return problem(getattr(exc, "strerror", None) or str(exc))
    report.fixed += sum(fix.fixed for fix in repaired.values())
    report.changed.append(target)
    report.result.notes.append(f"Wrote {path} with {len(repaired)} repaired record"
                               f"{'' if len(repaired) == 1 else 's'} to {target}.")


@contextlib.contextmanager
def _sink(target: str, path: str, report: FixReport) -> Iterator[IO[bytes]]:
    """Where repaired records go: a file written atomically, or ``report.diff`` for stdout."""
    if target != STDOUT:
        with atomic_file(target, mode_from=path) as out:
            yield out
        return
    buffer = io.BytesIO()
    yield buffer
    report.diff += buffer.getvalue()


def _restore(result: RunResult, path: str, repaired: dict[int, RecordFix]) -> None:
    """Put back the findings of records whose repair was not written."""
    result.diagnostics[:] = [d for d in result.diagnostics if d.path != path or d.record not in repaired]
    result.diagnostics.extend(d for fix in repaired.values() for d in fix.before)


def _rewrite(raw: bytes, old: str, new: str, fields: Any) -> bytes:
    """One record's line with its title and text fields set from the repaired article."""
    import json

    from newslint.jsonl import article_of

    record = json.loads(raw)
    if article_of(record, fields) != old:
        raise FileChanged(old[:40])
    end = raw[len(raw.rstrip(b"\r\n")):]
    return json.dumps(repaired_record(record, old, new, fields), ensure_ascii=False).encode("utf-8") + end


def repaired_record(record: dict[str, Any], old: str, new: str, fields: Any) -> dict[str, Any]:
    """``record`` (whose article is ``old``) with its title and text fields set from the
    repaired article ``new``, each field in its original style; a ValueError when the repair
    changed the article's layout so that its title and text cannot be told apart."""
    (old_title, old_body), (new_title, new_body) = _split(old), _split(new)
    if (new_title is None) != (old_title is None):
        raise ValueError("a repair added or removed a record's title")
    record = dict(record)
    if new_title != old_title:
        record[fields.title] = new_title
    if new_body != old_body:
        record[fields.text] = _restyle(new_body, record[fields.text])
    return record


def _split(article: str) -> tuple[str | None, str]:
    """The (title, body) an article was built from by ``newslint.jsonl.article_of``."""
    article = article[:-1] if article.endswith("\n") else article
    if article.startswith("\n"):
        return None, article[1:]
    title, blank, body = article.partition("\n\n")
    if not blank or "\n" in title:
        raise ValueError("a repair changed the layout of a record's title and text")
    return title, body


def _restyle(body: str, original: str) -> str:
    """The repaired body in the original field's style: its line breaks and outer breaks."""
    if "\r\n" in original:
        body = body.replace("\n", "\r\n")
    lead = original[:len(original) - len(original.lstrip("\r\n"))]
    trail = original[len(original.rstrip("\r\n")):]
    return lead + body + trail
