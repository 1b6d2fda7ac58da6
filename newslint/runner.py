"""Run the enabled rules over documents, files and folders, in parallel, and collect results.

Knows the rule API, never a particular rule. Each worker lints whole documents and returns
located diagnostics plus the compact signatures of corpus-scope rules; those are finished once,
in the parent, after every document was read.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newslint.config import Config, ResolvedConfig, find_config, load_config, resolve
from newslint.document import Document
from newslint.registry import RuleSet, load_rules
from newslint.rule import Finding, Fix, FixSafety, Rule, Scope, Severity
from newslint.sources import Problem, Source, discover, read_document
from newslint.validate import check_finished, check_signature, describe, validated

PARALLEL_THRESHOLD = 32  # below this many files a process pool costs more than it saves
BATCH = 4096


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
    context: str = ""  # the text of the first flagged line, for reporters that show it
    record: int | None = None
    record_id: str | None = None
    confidence: float | None = None  # the rule's confidence in [0, 1], when it gives one

    @property
    def sort_key(self) -> tuple[str, int, int, int, str]:
        """Output order: path, record, line, column, code."""
        return (self.path, self.record or 0, self.line, self.column, self.code)


@dataclass(frozen=True, slots=True)
class Crash:
    """A rule raised an exception on a file; the rest of the run went on."""

    path: str
    code: str
    rule: str
    error: str

    def __str__(self) -> str:
        return f"{self.path}: internal error in rule {self.code} ({self.rule}): {self.error}"


@dataclass
class FileResult:
    """What linting one source produced."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    # corpus rule code -> (signature value, anchor diagnostic fields)
    signatures: dict[str, tuple[Any, tuple[int, int, int, int, str]]] = field(default_factory=dict)
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
                    for finding in rule.check(doc, self.options(rule)):  # type: ignore[misc]
                        checked = validated(finding, len(doc.text))
                        result.diagnostics.append(locate(doc, rule, checked, *record))
            except Exception as exc:  # a broken rule must not stop the run
                result.crashes.append(Crash(doc.path, rule.code, rule.name, describe(exc)))
        return result

    def _collect(self, rule: Rule, doc: Document, result: FileResult) -> None:
        signature = rule.collect(doc, self.options(rule))  # type: ignore[misc]
        if signature is None:
            return
        check_signature(signature, len(doc.text))
        line, column = doc.position(signature.start)
        end_line, end_column = doc.position(signature.end)
        snippet = _normalise(doc.text[signature.start:signature.end])
        result.signatures[rule.code] = (signature.value, (line, column, end_line, end_column, snippet))

    def finish_corpus(self, entries: dict[str, list[tuple[Source, Any, tuple]]]) -> FileResult:
        """Run corpus rules over the signatures gathered from every document."""
        result = FileResult()
        for rule in self.resolved.rules:
            if rule.scope is not Scope.CORPUS or rule.code not in entries:
                continue
            items = entries[rule.code]
            try:
                values = [value for _, value, _ in items]
                names = [source.path for source, _, _ in items]
                for index, message in rule.finish(values, names, self.options(rule)):  # type: ignore[misc]
                    check_finished(index, message, len(items))
                    source, _, (line, column, end_line, end_column, snippet) = items[index]
                    result.diagnostics.append(Diagnostic(
                        source.path, line, column, end_line, end_column, rule.code, rule.name,
                        message, rule.severity, snippet, None, "", source.record, source.record_id))
            except Exception as exc:
                result.crashes.append(Crash("<corpus>", rule.code, rule.name, describe(exc)))
        return result


def locate(doc: Document, rule: Rule, finding: Finding, record: int | None = None,
           record_id: str | None = None) -> Diagnostic:
    """Turn a rule's character-span finding into a located diagnostic."""
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    snippet = _normalise(doc.text[finding.start:finding.end]) or _normalise(doc.line_text(line))
    return Diagnostic(doc.path, line, column, end_line, end_column, rule.code, rule.name,
                      finding.message, rule.severity, snippet, _locate_fix(doc, finding.fix),
                      doc.line_text(line), record, record_id, finding.confidence)


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
    any rule of the same code), apply CLI overrides, resolve; with ``cache_dir``, results of
    unchanged files are reused from that folder. Nothing is read from the current folder unless
    asked, so the same call gives the same linter wherever it runs.

    A config's ``rules-dir`` runs Python files from wherever the config lives (a checked-out
    repository), so it is loaded only when trusted (``trust_local_rules``, default: the
    ``NEWSLINT_TRUST_LOCAL_RULES`` environment variable); ``rules_dirs`` named by the caller
    are always loaded. Skipped folders are in ``Linter.untrusted_rules_dirs``."""
    if config is None or isinstance(config, (str, Path)):
        found = Path(config) if config else (_discover_config(paths) if find_config else None)
        config = load_config(found) if found else Config(base=Path.cwd())
    config = config.with_cli(**{k: v for k, v in cli.items() if v or v is False})
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
    corpus: dict[str, list[tuple[Source, Any, tuple]]] = {}
    for source, file_result in pairs:
        _merge(result, file_result)
        if on_result is not None:
            on_result(file_result)
        for code, (value, anchor) in file_result.signatures.items():
            corpus.setdefault(code, []).append((replace(source, data=None), value, anchor))
    _merge(result, linter.finish_corpus(corpus))
    result.diagnostics.sort(key=lambda d: d.sort_key)
    result.problems.sort(key=lambda p: p.path)
    result.crashes.sort(key=lambda c: (c.path, c.code))
    return result


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


def _init_worker(linter: Linter) -> None:
    global _WORKER_LINTER
    _WORKER_LINTER = linter


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
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":  # forked workers share what is loaded now
        for rule in linter.resolved.rules:
            if rule.warm_up is not None:
                rule.warm_up()
    with context.Pool(jobs, initializer=_init_worker, initargs=(linter,)) as pool:
        while batch:  # bounded batches: the pool never holds more than BATCH sources at once
            yield from zip(batch, pool.imap(_lint_in_worker, batch, chunksize=16))
            batch = list(itertools.islice(sources, BATCH))
