"""newslint as datatrove pipeline steps: annotate, filter, fix, and the corpus-rule stages.

Optional: ``pip install 'newslint[datatrove]'``. A datatrove ``Document`` is linted as a record
whose text is ``doc.text``, whose title is ``doc.metadata[title_key]`` (when there is one) and
whose id is ``doc.id``, so the findings are those of ``newslint check`` on the same records.

- ``NewslintAnnotator`` adds ``doc.metadata["newslint_findings"]``: a list of finding records
  (``newslint.integrations.findings``: code, rule, message, severity, line/column span,
  character ``start``/``end``, confidence, fix).
- ``NewslintFilter`` drops documents by a ``Policy`` (default: any error-severity finding); its
  ``exclusion_writer`` receives them with ``metadata["filter_reason"]`` set to the code.
- ``NewslintFixer`` applies the safe fixes to ``doc.text`` (and the title in metadata).

Corpus-scope rules (NL403 near-duplicates) need every document. Each task sees only its share,
so the annotator never finishes them: it writes each document's signatures to
``signatures_folder`` (one file per task, stage 1); ``NewslintCorpusFinish``, run once with
``tasks=1`` after every stage-1 task (``depends=``), finishes them over all tasks' signatures
and writes the findings by document id (stage 2); ``NewslintCorpusAnnotator`` joins them back
onto the documents in a later pipeline (stage 3). The result is what one machine would find
over the documents in task order (task 0's first); ids must be unique across the corpus.
"""
from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from newslint.integrations.corpus import corpus_codes, finish
from newslint.integrations.findings import Policy, merged
from newslint.integrations.records import FINDINGS, FIXED, PROBLEM, fix_record, fix_row, lint_record
from newslint.jsonl import Fields
from newslint.runner import Linter, prepare

CORPUS_FINDINGS_FILE = "corpus_findings.jsonl"
_FIELDS = Fields("text", "title", ("id",))


class _Newslint:
    """What every newslint step shares: a linter built once (it pickles to the tasks) and the
    record a document is linted as."""

    def _setup(self, title_key: str | None, linter: Linter | None, settings: dict[str, Any]) -> None:
        self.title_key = title_key
        self.linter = linter or prepare([], **settings)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        # The executor deep-copies the pipeline for each task run in its own process; a Linter
        # holds no mutable state (and its read-only option mappings do not copy), so it is shared.
        if hasattr(self, "linter"):
            memo[id(self.linter)] = self.linter
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        twin.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return twin

    def record(self, doc: Document) -> dict[str, Any]:
        """The document as a record: its text, its title from metadata, its id."""
        title = doc.metadata.get(self.title_key) if self.title_key else None
        return {"text": doc.text, "title": title, "id": doc.id}

    def annotate(self, doc: Document, rank: int, number: int) -> str | None:
        """Lint ``doc`` into its metadata; its stage-1 corpus signatures, if any."""
        linted = lint_record(self.linter, self.record(doc), _FIELDS, f"<task {rank}>", number, doc.id)
        doc.metadata[FINDINGS] = linted.findings
        if linted.problem:
            doc.metadata[PROBLEM] = linted.problem
        return linted.signatures


class NewslintAnnotator(_Newslint, PipelineStep):
    """Adds each document's findings to ``doc.metadata["newslint_findings"]``; with corpus rules
    selected, writes their signatures to ``signatures_folder`` (stage 1)."""

    name = "📰 newslint annotator"
    type = "🏷 - ANNOTATOR"

    def __init__(self, signatures_folder: DataFolderLike | None = None, title_key: str | None = "title",
                 linter: Linter | None = None, **settings: Any):
        super().__init__()
        self._setup(title_key, linter, settings)
        self.signatures_folder = signatures_folder
        if corpus_codes(self.linter) and signatures_folder is None:
            raise ValueError(f"{', '.join(sorted(corpus_codes(self.linter)))} compare documents across "
                             "tasks: give signatures_folder= and run NewslintCorpusFinish after this step")

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Annotate every document of this task, in order."""
        folder = get_datafolder(self.signatures_folder) if self.signatures_folder is not None else None
        with folder.open(f"{rank:05d}.jsonl", "wt") if folder else contextlib.nullcontext() as out:
            for number, doc in enumerate(data or (), 1):
                self.stat_update(StatHints.total)
                with self.track_time():
                    signatures = self.annotate(doc, rank, number)
                if signatures is not None and out is not None:
                    out.write(signatures + "\n")
                self.stat_update(*{f["code"] for f in doc.metadata[FINDINGS]})
                yield doc


class NewslintFilter(_Newslint, BaseFilter):
    """Drops the documents whose findings meet ``policy`` (default: any error-severity
    finding). Uses the annotator's findings when present, else lints the document itself."""

    name = "📰 newslint filter"

    def __init__(self, policy: Policy | None = None, exclusion_writer: Any = None,
                 title_key: str | None = "title", linter: Linter | None = None, **settings: Any):
        super().__init__(exclusion_writer)
        self._setup(title_key, linter, settings)
        self.policy = policy or Policy()

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Keep the document, or drop it naming the code that decided."""
        if FINDINGS not in doc.metadata:
            self.annotate(doc, 0, 1)
        reason = self.policy.reason(doc.metadata[FINDINGS])
        return True if reason is None else (False, reason)


class NewslintFixer(_Newslint, BaseFormatter):
    """Applies the rules' safe fixes (and unsafe ones with ``unsafe=True``) to ``doc.text`` and
    the title in metadata; ``newslint_findings`` then holds what remains, and
    ``newslint_fixed`` how many findings were fixed."""

    name = "📰 newslint fixer"

    def __init__(self, unsafe: bool = False, title_key: str | None = "title",
                 linter: Linter | None = None, **settings: Any):
        super().__init__()
        self._setup(title_key, linter, settings)
        self.unsafe = unsafe

    def format(self, text: str) -> str:
        """``text`` (an article without a title) with its fixes applied."""
        return fix_record(self.linter, {"text": text}, Fields(title=None), self.unsafe).record["text"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Fix every document; corpus findings already in its metadata are kept."""
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                fixed = fix_row(self.linter, {**self.record(doc), FINDINGS: doc.metadata.get(FINDINGS)},
                                _FIELDS, self.unsafe)
            if fixed.fixed:
                doc.text = fixed.record["text"]
                if self.title_key and fixed.record.get("title") is not None:
                    doc.metadata[self.title_key] = fixed.record["title"]
                self.stat_update("fixed", value=fixed.fixed)
            doc.metadata[FINDINGS] = fixed.findings
            doc.metadata[FIXED] = fixed.fixed
            if fixed.problem:
                doc.metadata[PROBLEM] = fixed.problem
            yield doc


class NewslintCorpusFinish(_Newslint, PipelineStep):
    """Stage 2: finishes the corpus rules once over every task's signatures and writes their
    findings by document id to ``output_folder`` (run with ``tasks=1``, after stage 1)."""

    name = "📰 newslint corpus finish"
    type = "🫂 - DEDUP"

    def __init__(self, signatures_folder: DataFolderLike, output_folder: DataFolderLike,
                 linter: Linter | None = None, **settings: Any):
        super().__init__()
        self._setup(None, linter, settings)
        self.signatures_folder = signatures_folder
        self.output_folder = output_folder

    def _signatures(self) -> Iterator[str]:
        folder = get_datafolder(self.signatures_folder)
        for name in sorted(folder.list_files(glob_pattern="*.jsonl")):  # task order
            with folder.open(name, "rt") as handle:
                yield from (line for line in handle if line.strip())

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Finish the corpus rules; documents passing through are left as they are."""
        if world_size != 1:
            raise ValueError("NewslintCorpusFinish compares the documents of every task: run it with tasks=1")
        with self.track_time():
            found = finish(self.linter, self._signatures())
        with get_datafolder(self.output_folder).open(CORPUS_FINDINGS_FILE, "wt") as out:
            for key, records in found.items():
                out.write(json.dumps({"id": key, FINDINGS: records}, ensure_ascii=False) + "\n")
        self.stat_update("documents_with_corpus_findings", value=len(found))
        yield from data or ()


class NewslintCorpusAnnotator(PipelineStep):
    """Stage 3: adds the corpus findings that ``NewslintCorpusFinish`` wrote to the documents
    they are about (by ``doc.id``), beside the annotator's findings."""

    name = "📰 newslint corpus annotator"
    type = "🏷 - ANNOTATOR"

    def __init__(self, corpus_folder: DataFolderLike):
        super().__init__()
        self.corpus_folder = corpus_folder

    def _found(self) -> dict[str, list[dict[str, Any]]]:
        with get_datafolder(self.corpus_folder).open(CORPUS_FINDINGS_FILE, "rt") as handle:
            return {item["id"]: item[FINDINGS] for item in map(json.loads, handle)}

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Join the corpus findings onto the documents (a document keeps each finding once)."""
        found = self._found()
        for doc in data or ():
            extra = found.get(doc.id, ())
            if extra:
                doc.metadata[FINDINGS] = merged(doc.metadata.get(FINDINGS, []), extra)
                self.stat_update(*{f["code"] for f in extra})
            yield doc
