"""The rule API: the record a rule module exports, and the findings its check yields.

A rule module exports ``RULE = Rule(...)``. A document-scope rule has a pure
``check(doc, options)`` yielding ``Finding``s (character spans into ``doc.text``). A corpus-scope
rule instead has ``collect(doc, options)``, run on every document (possibly in another process or
on another machine) and returning a small picklable signature, and ``finish(signatures, paths,
options)``, run once after every document was read, yielding ``(index, message)`` pairs that name
the document (its index in ``signatures``) to report at the signature's anchor span,
``(index, message, score)`` triples, or ``CorpusFinding``s, which may instead report one of the
lines the signature declared, with a fix that deletes it.

A finding's raw score (``Finding.confidence``, or a corpus finding's ``score``) is in [0, 1],
higher meaning surer; newslint turns it into a calibrated confidence (``newslint.confidence``).
"""
from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from newslint.document import Document, Span

CODE_PATTERN = re.compile(r"^[A-Z]{2,}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
FAMILIES = {"NL1": "headline", "NL2": "encoding", "NL3": "injected", "NL4": "duplication",
            "NL5": "structure"}
DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")


class Severity(str, enum.Enum):
    """How serious a finding is; reporters map it to their own levels."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Scope(str, enum.Enum):
    """What a rule looks at: one document, or the whole corpus once every document was read."""

    DOCUMENT = "document"
    CORPUS = "corpus"


class FixSafety(str, enum.Enum):
    """Whether a rule offers a fix, and whether ``--fix`` applies it without ``--unsafe-fixes``."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (an empty replacement deletes)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A repair: edits applied together, or not at all."""

    edits: tuple[Edit, ...]
    description: str
    safety: FixSafety = FixSafety.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """What a document rule yields: a problem at ``[start, end)`` of ``doc.text``."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    # How sure the rule is that this is a real problem: a raw score in [0, 1], higher meaning
    # surer (a model's probability, a similarity, a margin past a threshold), which
    # newslint.confidence maps to the precision measured at that score; None when the rule
    # does not say (its findings then get the rule's measured precision).
    confidence: float | None = None

    @classmethod
    def at(cls, span: Span, message: str, fix: Fix | None = None,
           confidence: float | None = None) -> Finding:
        """A finding covering ``span``."""
        return cls(span.start, span.end, message, fix, confidence)


@dataclass(frozen=True, slots=True)
class Signature:
    """What a corpus rule's ``collect`` keeps of one document: a compact picklable ``value``
    and the span to point at if the document is reported; ``lines`` (an offset inside each) are
    the lines ``finish`` may report instead, each with a fix that deletes it. The runner locates
    them while the document is at hand, so declare only the few lines that may be reported."""

    value: Any
    start: int = 0
    end: int = 0
    lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusFinding:
    """What a corpus rule's ``finish`` may yield instead of an ``(index, message)`` pair: a
    finding in the document at ``index``, on the line at position ``line`` of its signature's
    ``lines`` (None: at the signature's span). A reported line gets a fix that deletes it, safe
    or unsafe as the rule's ``fix`` says (none when the rule offers no fix)."""

    index: int
    message: str
    line: int | None = None
    confidence: float | None = None


Options = Mapping[str, Any]
CheckFn = Callable[[Document, Options], Iterable[Finding]]
CollectFn = Callable[[Document, Options], "Signature | None"]
FinishFn = Callable[[Sequence[Any], Sequence[str], Options],
                    Iterable["tuple[int, str] | tuple[int, str, float] | CorpusFinding"]]


@dataclass(frozen=True)
class Rule:
    """The plain record a rule module exports as ``RULE``."""

    code: str
    name: str
    summary: str
    doc: str
    check: CheckFn | None = None
    severity: Severity = Severity.WARNING
    default_enabled: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    scope: Scope = Scope.DOCUMENT
    fix: FixSafety = FixSafety.NONE
    bad_examples: tuple[str | bytes, ...] = ()  # whole articles; bytes for decoding rules
    good_examples: tuple[str | bytes, ...] = ()
    collect: CollectFn | None = None
    finish: FinishFn | None = None
    # False for rules that only make sense on text that decoded cleanly (almost all of them).
    runs_on_undecodable: bool = False
    # Optional packages the rule imports (lazily), as (import name, how to install) pairs;
    # selecting the rule without them is a clear configuration error, not a crash per file.
    requires: tuple[tuple[str, str], ...] = ()
    # Optional packages the rule uses (lazily) when they are installed and does without when
    # not, as (import name, how to install) pairs; whether each is there is part of the results
    # cache's key, since the rule's findings may differ.
    extras: tuple[tuple[str, str], ...] = ()
    # Loads what the rule loads lazily (a word list, a model) once in the parent process
    # before worker processes start, so each worker does not load it again.
    warm_up: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))

    @property
    def family(self) -> str:
        """The family a built-in code belongs to ("headline", ...), or "plugin"."""
        return FAMILIES.get(self.code[:3], "plugin")


def problems_with(rule: Any) -> list[str]:
    """Why ``rule`` is not a valid Rule record (empty when it is)."""
    if not isinstance(rule, Rule):
        return [f"expected a newslint.rule.Rule, got {type(rule).__name__}"]
    problems = []
    if not CODE_PATTERN.match(rule.code):
        problems.append(f"code {rule.code!r} is not a prefix of 2+ capital letters and 3 digits")
    if not NAME_PATTERN.match(rule.name):
        problems.append(f"name {rule.name!r} is not kebab-case")
    if rule.scope is Scope.DOCUMENT and rule.check is None:
        problems.append("a document rule needs a check function")
    if rule.scope is Scope.CORPUS and (rule.collect is None or rule.finish is None):
        problems.append("a corpus rule needs collect and finish functions")
    return problems
