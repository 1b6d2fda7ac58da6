"""Run the enabled rules over documents, files and folders, in parallel, and collect results.

Knows the rule API, never a particular rule. Each worker lints whole documents and returns
located diagnostics plus the compact signatures of corpus-scope rules; those are finished once,
in the parent, after every document was read.
"""
from __future__ import annotations

import base64
import gc
import itertools
import os
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newslint.confidence import calibrated
from newslint.config import Config, ResolvedConfig, find_config, load_config, resolve
from newslint.corpus_store import CorpusEntries
from newslint.document import Document
from newslint.registry import RuleSet, load_rules
from newslint.rule import CorpusFinding, Finding, Fix, FixSafety, Rule, Scope, Severity
from newslint.sources import Problem, Source, discover, read_document
from newslint.text.edits import delete_line
from newslint.text.patterns import compile_all
from newslint.validate import check_finished, check_signature, describe, validated

# The time budget's clock is read at the first finding and every this many after: reading a
# thread's CPU time costs microseconds (tens on a busy machine), as much as locating a finding.
CLOCK_EVERY = 16
PARALLEL_THRESHOLD = 32  # below this many files a process pool costs more than it saves
BATCH = 4096
# A diagnostic keeps at most this much of its line, around the finding (a reporter shows 100
# characters of it): a copy of the whole line per finding made memory grow with findings x line.
CONTEXT_CHARS = 200
CONTEXT_BEFORE = 80  # characters of the line kept before the finding, when the line is cut
# How long one rule may run on one document before it is stopped (CPU time, checked between its
# findings): this many seconds, plus RULE_SECONDS_PER_MB for each megabyte of the document.
RULE_SECONDS = 10.0
RULE_SECONDS_PER_MB = 5.0
# How many findings one rule may make on one document before it is stopped: memory and time
# stay bounded however many zero-width characters or entities a file holds.
RULE_MAX_FINDINGS = 10_000


@dataclass(frozen=True, slots=True)
class LocatedEdit:
    """An edit with both its character offsets and its 1-based line/column positions."""

    start: int
    end: int
    replacement: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class LocatedFix:
    """A rule's fix, located in the file."""

    edits: tuple[LocatedEdit, ...]
    description: str
    safety: FixSafety


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in a file: what reporters, baselines and fixers work with."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    message: str
    severity: Severity
    snippet: str  # the flagged text, whitespace-normalised: the stable part of a fingerprint
    fix: LocatedFix | None = None
    # The first flagged line, for reporters that show it; at most CONTEXT_CHARS of it around
    # the finding, starting at column ``context_column`` of the line.
    context: str = ""
    record: int | None = None
    record_id: str | None = None
    confidence: float | None = None  # calibrated, in [0, 1] (newslint.confidence); None if unknown
    score: float | None = None  # the rule's own raw score, which ``confidence`` calibrates
    context_column: int = 1  # the column of the line where ``context`` starts

    @property
    def sort_key(self) -> tuple[str, int, int, int, str]:
        """Output order: path, record, line, column, code."""
        return (self.path, self.record or 0, self.line, self.column, self.code)


@dataclass(frozen=True, slots=True)
class Crash:
    """A rule raised an exception on a file, or (``stopped``) ran out of its time or findings
    budget there and was stopped; the rest of the run went on."""

    path: str
    code: str
    rule: str
    error: str
    stopped: bool = False

    def __str__(self) -> str:
        if self.stopped:
            return f"{self.path}: rule {self.code} ({self.rule}) stopped: {self.error}"
        return f"{self.path}: internal error in rule {self.code} ({self.rule}): {self.error}"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a corpus rule may report a document, located while the document was at hand: its
    signature's span, and the lines the signature declared, packed (``LINE_FIELDS`` integers a
    line in ``lines``; their texts joined by newlines in ``texts``) so that signatures of a
    hundred thousand documents stay small."""

    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str
    lines: bytes = b""
    texts: str = ""


    def to_data(self) -> list[Any]:
        """The anchor as JSON-ready data (the packed lines as base64)."""
        return [self.line, self.column, self.end_line, self.end_column, self.snippet,
                base64.b64encode(self.lines).decode("ascii"), self.texts]

    @classmethod
    def from_data(cls, data: Sequence[Any]) -> Anchor:
        """The anchor ``to_data`` gave (a ValueError for packed lines that are not base64)."""
        line, column, end_line, end_column, snippet, lines, texts = data
        return cls(line, column, end_line, end_column, snippet, base64.b64decode(lines, validate=True), texts)


# A declared line, packed: its number, the columns of its stripped text, and the edit that
# deletes it (start, end, start line, start column, end line, end column).
LINE_FIELDS = 9


@dataclass
class FileResult:
    """What linting one source produced."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    # corpus rule code -> (signature value, where the rule may report the document)
    signatures: dict[str, tuple[Any, Anchor]] = field(default_factory=dict)
    checked: bool = False


@dataclass
class RunResult:
    """Everything a run produced, sorted for output."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    files_checked: int = 0
    notes: list[str] = field(default_factory=list)  # extra summary lines (baseline, fixes, ...)


def _normalise(text: str) -> str:
    return " ".join(text.split())


class Linter:
    """Applies one resolved configuration to documents. Holds no mutable state."""

    def __init__(self, resolved: ResolvedConfig, cache_dir: str | Path | None = None,
                 untrusted_rules_dirs: Sequence[Path] = ()):
        self.resolved = resolved
        self.rule_seconds, self.rule_seconds_per_mb = RULE_SECONDS, RULE_SECONDS_PER_MB
        self.rule_max_findings = RULE_MAX_FINDINGS
        self.untrusted_rules_dirs = tuple(untrusted_rules_dirs)  # a config's, not loaded
        self.cache = None
        if cache_dir is not None:
            from newslint.cache import Cache

            self.cache = Cache(cache_dir, self)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        """Every loaded rule, enabled or not."""
        return self.resolved.available

    def options(self, rule: Rule) -> Any:
        """The merged options for ``rule``."""
        return self.resolved.options.get(rule.code, rule.options)

    def confident(self, diagnostic: Diagnostic) -> bool:
        """Whether a finding reaches its rule's ``min-confidence`` (one of unknown confidence
        always does: it is never a reason to hide a finding)."""
        threshold = self.resolved.min_confidence.get(diagnostic.code, 0.0)
        return diagnostic.confidence is None or diagnostic.confidence >= threshold

    def lint_source(self, source: Source, corpus: bool = True, use_cache: bool = True) -> FileResult:
        """Read one source and lint it (or take the cached result); bad input becomes a Problem."""
        if use_cache and self.cache is not None and source.data is None:
            return self.cache.lint(self, source, corpus)
        doc = read_document(source)
        if isinstance(doc, Problem):
            return FileResult(problems=[doc])
        return self.lint_document(doc, source, corpus)

    def lint_document(self, doc: Document, source: Source | None = None,
                      corpus: bool = True) -> FileResult:
        """Run every enabled rule on one document (corpus rules only collect, and only when
        ``corpus``: a run over a single document has nothing to compare it with)."""
        result = FileResult(checked=True)
        record = (source.record, source.record_id) if source else (None, None)
        for rule in self.resolved.rules_for(doc.path):
            if doc.decode_problem is not None and not rule.runs_on_undecodable:
                continue
            if rule.scope is Scope.CORPUS and not corpus:
                continue
            try:
                if rule.scope is Scope.CORPUS:
                    self._collect(rule, doc, result)
                else:
                    self._check(rule, doc, result, record)
            except Exception as exc:  # a broken rule must not stop the run
                result.crashes.append(Crash(doc.path, rule.code, rule.name, describe(exc)))
        return result

    def _check(self, rule: Rule, doc: Document, result: FileResult, record: tuple[int | None, str | None]) -> None:
        """Locate the rule's findings; stop it, with a note, once it is over its time budget or
        has made ``rule_max_findings``. The clock is read between findings (cheap, and safe in
        any worker: no signal, no thread), so it bounds rules that find much; every built-in
        rule is linear besides."""
        budget = self.rule_seconds + self.rule_seconds_per_mb * len(doc.text) / 1e6
        # CPU time of this thread: a busy machine, or other threads of a Dask worker, must not
        # stop a rule that is working at its normal pace.
        deadline = time.thread_time() + budget
        why = ""
        for count, finding in enumerate(rule.check(doc, self.options(rule)), 1):  # type: ignore[misc]
            diagnostic = locate(doc, rule, validated(finding, len(doc.text)), *record)
            if self.confident(diagnostic):
                result.diagnostics.append(diagnostic)
            if (count == 1 or count % CLOCK_EVERY == 0) and time.thread_time() >= deadline:
                why = f"it took longer than {budget:.0f} s of CPU time on this file"
            elif count >= self.rule_max_findings:
                why = f"it made {count:,} findings on this file"
            if why:
                result.crashes.append(Crash(doc.path, rule.code, rule.name,
                                            f"{why}; the findings it made until then are reported", stopped=True))
                return

    def _collect(self, rule: Rule, doc: Document, result: FileResult) -> None:
        signature = rule.collect(doc, self.options(rule))  # type: ignore[misc]
        if signature is None:
            return
        check_signature(signature, len(doc.text))
        line, column = doc.position(signature.start)
        end_line, end_column = doc.position(signature.end)
        snippet = _normalise(doc.text[signature.start:signature.end])
        lines, texts = _pack_lines(doc, signature.lines)
        result.signatures[rule.code] = (signature.value, Anchor(line, column, end_line, end_column,
                                                                snippet, lines, texts))

    def finish_corpus(self, entries: Mapping[str, Sequence[tuple[Source, Any, Anchor]]]) -> FileResult:
        """Run corpus rules over the signatures gathered from every document (each rule's a
        list of (source, value, anchor), or the ``CorpusEntries`` that ``corpus_entries`` makes)."""
        result = FileResult()
        for rule in self.resolved.rules:
            if rule.scope is not Scope.CORPUS or rule.code not in entries:
                continue
            items = entries[rule.code]
            try:
                if isinstance(items, CorpusEntries):
                    values, names = items.values, items.paths
                else:
                    values = [value for _, value, _ in items]
                    names = [source.path for source, _, _ in items]
                for found in rule.finish(values, names, self.options(rule)):  # type: ignore[misc]
                    if not isinstance(found, CorpusFinding):  # (index, message[, score]) of older rules
                        index, message, *score = found if isinstance(found, tuple) and len(found) in (2, 3) \
                            else (found, None)
                        found = CorpusFinding(index, message, confidence=score[0] if score else None)
                    check_finished(found.index, found.message, len(items))
                    source, _, anchor = items[found.index]
                    diagnostic = _corpus_diagnostic(rule, source, anchor, found)
                    if self.confident(diagnostic):
                        result.diagnostics.append(diagnostic)
            except Exception as exc:
                result.crashes.append(Crash("<corpus>", rule.code, rule.name, describe(exc)))
        return result


def _pack_lines(doc: Document, offsets: Iterable[int]) -> tuple[bytes, str]:
    """Locate the lines holding ``offsets`` and the edits deleting them, packed (see Anchor)."""
    numbers, texts = array("i"), []
    for offset in offsets:
        index = doc.line_of(offset) - 1
        raw = doc.lines[index]
        text = raw.text(doc)
        start = raw.start + len(text) - len(text.lstrip())
        end = raw.start + len(text.rstrip())
        edit = delete_line(doc, offset)
        numbers.extend((index + 1, start - raw.start + 1, end - raw.start + 1, edit.start, edit.end,
                        *doc.position(edit.start), *doc.position(edit.end)))
        texts.append(text)
    return numbers.tobytes(), "\n".join(texts)


def _corpus_diagnostic(rule: Rule, source: Source, anchor: Anchor, found: CorpusFinding) -> Diagnostic:
    """A corpus rule's finding placed in its document: at the anchor, or on a declared line
    with a fix deleting it."""
    if found.line is None:
        return Diagnostic(source.path, anchor.line, anchor.column, anchor.end_line, anchor.end_column,
                          rule.code, rule.name, found.message, rule.severity, anchor.snippet, None, "",
                          source.record, source.record_id, calibrated(rule.code, found.confidence),
                          found.confidence)
    packed = array("i", anchor.lines)
    line, column, end_column, *edit = packed[found.line * LINE_FIELDS:(found.line + 1) * LINE_FIELDS]
    context = anchor.texts.split("\n")[found.line]
    fix = None
    if rule.fix is not FixSafety.NONE:
        fix = LocatedFix((LocatedEdit(edit[0], edit[1], "", *edit[2:]),), "delete the line", rule.fix)
    return Diagnostic(source.path, line, column, line, end_column, rule.code, rule.name, found.message,
                      rule.severity, _normalise(context), fix, context, source.record, source.record_id,
                      calibrated(rule.code, found.confidence), found.confidence)


def locate(doc: Document, rule: Rule, finding: Finding, record: int | None = None,
           record_id: str | None = None) -> Diagnostic:
    """Turn a rule's character-span finding into a located diagnostic."""
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    context, context_column = _context(doc, line, column)
    snippet = _normalise(doc.text[finding.start:finding.end]) or _normalise(context)
    return Diagnostic(doc.path, line, column, end_line, end_column, rule.code, rule.name,
                      finding.message, rule.severity, snippet, _locate_fix(doc, finding.fix),
                      context, record, record_id, calibrated(rule.code, finding.confidence),
                      finding.confidence, context_column)


def _context(doc: Document, line: int, column: int) -> tuple[str, int]:
    """At most CONTEXT_CHARS of line ``line`` around ``column``, and the column it starts at."""
    if not 1 <= line <= len(doc.lines):
        return "", 1
    span = doc.lines[line - 1]
    if span.end - span.start <= CONTEXT_CHARS:
        return span.text(doc), 1
    left = min(max(0, column - 1 - CONTEXT_BEFORE), span.end - span.start - CONTEXT_CHARS)
    return doc.text[span.start + left:span.start + left + CONTEXT_CHARS], left + 1


def _locate_fix(doc: Document, fix: Fix | None) -> LocatedFix | None:
    if fix is None:
        return None
    edits = tuple(LocatedEdit(e.start, e.end, e.replacement, *doc.position(e.start), *doc.position(e.end))
                  for e in fix.edits)
    return LocatedFix(edits, fix.description, fix.safety)


# -- setting up a run -----------------------------------------------------------------------
def prepare(paths: Sequence[str] = (), config: Config | Path | str | None = None,
            plugins: bool = True, cache_dir: str | Path | None = None,
            rules_dirs: Sequence[str | Path] = (), trust_local_rules: bool | None = None,
            find_config: bool = False, rules: Sequence[Rule] = (), **cli: Any) -> Linter:
    """Load the config (a file named by ``config``, or with ``find_config`` the nearest one
    above ``paths``; none otherwise), load the rules (plus ``rules``, Rule objects that replace
    any rule of the same code), apply CLI overrides
    (``select``, ``ignore``, ..., ``min_confidence``), resolve; with ``cache_dir``, results of
    unchanged files are reused from that folder. Nothing is read from the current folder unless
    asked, so the same call gives the same linter wherever it runs.

    A config's ``rules-dir`` runs Python files from wherever the config lives (a checked-out
    repository), so it is loaded only when trusted (``trust_local_rules``, default: the
    ``NEWSLINT_TRUST_LOCAL_RULES`` environment variable); ``rules_dirs`` named by the caller
    are always loaded. Skipped folders are in ``Linter.untrusted_rules_dirs``."""
    if config is None or isinstance(config, (str, Path)):
        found = Path(config) if config else (_discover_config(paths) if find_config else None)
        config = load_config(found) if found else Config(base=Path.cwd())
    config = config.with_cli(**{k: v for k, v in cli.items()  # 0 and False are values
                                if v or v is False or (k == "min_confidence" and v is not None)})
    trusted = trusted_local_rules() if trust_local_rules is None else trust_local_rules
    skipped = () if trusted else config.rules_dirs
    ruleset = load_rules((*(Path(d) for d in rules_dirs), *(() if skipped else config.rules_dirs)),
                         plugins=plugins)
    if rules:
        given = {rule.code: rule for rule in rules}
        ruleset = RuleSet(tuple(sorted((*given.values(), *(r for r in ruleset.rules if r.code not in given)),
                                       key=lambda r: r.code)))
    try:
        resolved = resolve(config, ruleset)
    except ValueError as exc:  # ConfigError, SelectionError: a skipped folder may be why
        if skipped:
            raise type(exc)(f"{exc}; {untrusted_hint(config)}") from None
        raise
    return Linter(resolved, cache_dir, untrusted_rules_dirs=skipped)


TRUST_VARIABLE = "NEWSLINT_TRUST_LOCAL_RULES"


def trusted_local_rules() -> bool:
    """Whether the environment trusts the ``rules-dir`` of configs (``NEWSLINT_TRUST_LOCAL_RULES=1``)."""
    return os.environ.get(TRUST_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def untrusted_hint(config: Config) -> str:
    """Why a config's local rules were not loaded, and how to load them."""
    folders = ", ".join(str(d) for d in config.rules_dirs)
    return (f"{config.where} names rules-dir {folders}, whose Python files newslint runs only when "
            f"trusted: pass --trust-local-rules (or set {TRUST_VARIABLE}=1), or name the folder "
            "with --rules-dir")


def _discover_config(paths: Sequence[str]) -> Path | None:
    real = [p for p in paths if p != "-" and os.path.exists(p)]
    start = Path(os.path.commonpath([os.path.abspath(p) for p in real])) if real else Path.cwd()
    return find_config(start)


# -- running -------------------------------------------------------------------------------
def lint_text(text: str | bytes, path: str = "<text>", linter: Linter | None = None,
              **settings: Any) -> list[Diagnostic]:
    """Lint one article given as text (or bytes); ``settings`` as for ``prepare`` (no config
    file is read unless ``config=PATH`` names one)."""
    linter = linter or prepare([], **settings)
    return run(linter, [Source(path, text)], jobs=1).diagnostics


def lint_paths(paths: Sequence[str], jobs: int | None = None, linter: Linter | None = None,
               fields: Any = None, **settings: Any) -> RunResult:
    """Lint files and folders (JSON Lines files record by record, reading ``fields``, a
    ``newslint.jsonl.Fields``); ``settings`` as for ``prepare`` (config, select, ignore, ...),
    by default with the config found above ``paths`` (``find_config=False``: none)."""
    linter = linter or prepare(paths, **{"find_config": True, **settings})
    return run(linter, sources_of(linter, paths, fields), jobs)


def sources_of(linter: Linter, paths: Sequence[str], fields: Any = None,
               records: bool = True) -> Iterator[Source | Problem]:
    """The articles under ``paths`` that the linter's config says to lint (see ``discover``)."""
    config = linter.resolved.config
    return discover(paths, config.include, config.exclude, fields, config.root,
                    config.respect_gitignore, records)


def run(linter: Linter, inputs: Iterable[Source | Problem], jobs: int | None = None,
        on_result: Callable[[FileResult], None] | None = None) -> RunResult:
    """Lint every source (in parallel when worthwhile), finish corpus rules, sort results.

    Sources stream through in batches, so memory does not grow with the number of inputs
    beyond the findings and the corpus rules' compact signatures."""
    result = RunResult()
    return gather(linter, _map(linter, _sources_only(inputs, result), jobs), result, on_result)


def lint_each(linter: Linter, inputs: Iterable[Source | Problem], jobs: int | None = None,
              result: RunResult | None = None) -> Iterator[tuple[Source, FileResult]]:
    """Each source with its result as it is linted (in parallel when worthwhile), in input
    order; problems among ``inputs`` go to ``result``. ``gather`` finishes a run from them."""
    return _map(linter, _sources_only(inputs, result if result is not None else RunResult()), jobs)


def gather(linter: Linter, pairs: Iterable[tuple[Source, FileResult]], result: RunResult | None = None,
           on_result: Callable[[FileResult], None] | None = None) -> RunResult:
    """Merge per-source results (computed here, in a pool, or on a cluster), finish the corpus
    rules over the signatures gathered from all of them, and sort."""
    result = result if result is not None else RunResult()
    corpus: dict[str, CorpusEntries] = {}
    for source, file_result in pairs:
        _merge(result, file_result)
        if on_result is not None:
            on_result(file_result)
        collect_signatures(corpus, replace(source, data=None), file_result)
    _merge(result, linter.finish_corpus(corpus))
    for entries in corpus.values():
        entries.close()
    result.diagnostics.sort(key=lambda d: d.sort_key)
    result.problems.sort(key=lambda p: p.path)
    result.crashes.sort(key=lambda c: (c.path, c.code))
    return result


def corpus_entries() -> CorpusEntries:
    """An empty, compact list of (source, signature value, anchor) for one corpus rule."""
    return CorpusEntries(Source, Anchor)


def collect_signatures(corpus: dict[str, CorpusEntries], source: Source, file_result: FileResult) -> None:
    """Keep a document's corpus signatures under their rules' codes, for ``finish_corpus``."""
    for code, (value, anchor) in file_result.signatures.items():
        if code not in corpus:
            corpus[code] = corpus_entries()
        corpus[code].append((source, value, anchor))


def _sources_only(inputs: Iterable[Source | Problem], result: RunResult) -> Iterator[Source]:
    for item in inputs:
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            yield item


def _merge(result: RunResult, file_result: FileResult) -> None:
    result.diagnostics.extend(file_result.diagnostics)
    result.problems.extend(file_result.problems)
    result.crashes.extend(file_result.crashes)
    result.files_checked += file_result.checked


_WORKER_LINTER: Linter | None = None  # set once per worker process by _init_worker


# The first-generation collection threshold of a process newslint owns (a pool worker, the
# CLI). Linting allocates many short-lived containers (words, runs of words, spans) that
# reference counting frees; at Python's default (700) the cycle collector ran after every few
# paragraphs for nothing, 2% of a run's time. Cycles are still collected. A library caller's
# process is left as it is.
OWN_PROCESS_GC_THRESHOLD = 10_000


def tune_collector() -> None:
    """Collect cycles less often in a process newslint owns (see OWN_PROCESS_GC_THRESHOLD)."""
    gc.set_threshold(OWN_PROCESS_GC_THRESHOLD, *gc.get_threshold()[1:])


def _init_worker(linter: Linter) -> None:
    global _WORKER_LINTER
    _WORKER_LINTER = linter
    tune_collector()


def _lint_in_worker(source: Source) -> FileResult:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER.lint_source(source)


def _map(linter: Linter, sources: Iterator[Source], jobs: int | None
         ) -> Iterator[tuple[Source, FileResult]]:
    """Pair each source with its result, in input order, using a process pool for big runs."""
    jobs = jobs or os.cpu_count() or 1
    batch = list(itertools.islice(sources, BATCH))
    if jobs <= 1 or len(batch) < PARALLEL_THRESHOLD:
        corpus = len(batch) > 1  # corpus rules compare documents: one alone needs no signature
        yield from ((s, linter.lint_source(s, corpus)) for s in itertools.chain(batch, sources))
        return
    import multiprocessing  # here: a run on one file or a few starts no pool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":  # forked workers share what is loaded now
        compile_all()
        for rule in linter.resolved.rules:
            if rule.warm_up is not None:
                rule.warm_up()
    with context.Pool(jobs, initializer=_init_worker, initargs=(linter,)) as pool:
        while batch:  # bounded batches: the pool never holds more than BATCH sources at once
            yield from zip(batch, pool.imap(_lint_in_worker, batch, chunksize=16))
            batch = list(itertools.islice(sources, BATCH))
