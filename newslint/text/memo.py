"""Answers kept for questions asked again: of pure text functions, for short texts (several
rules and the zoning ask the same question about every paragraph of every article, while a
cache holding the answers for huge texts would hold copies of the document); of functions of a
document, while the document lives (``per_document``)."""
from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

R = TypeVar("R")
D = TypeVar("D")


class ShortTextCache(Generic[R]):
    """``function(text, *args)``, its answers kept (the last ``maxsize``) for texts of at most
    ``max_chars`` characters; ``uncached`` asks the function itself (for text no other caller
    reads, which would only churn the cache). Arguments must be passed the same way each time
    (positionally): a call that leaves a default out is a different entry."""

    def __init__(self, function: Callable[..., R], max_chars: int, maxsize: int):
        self.uncached = function
        self.max_chars = max_chars
        self._cached = functools.lru_cache(maxsize=maxsize)(function)
        functools.update_wrapper(self, function)

    def __call__(self, text: str, *args: Any) -> R:
        return self._cached(text, *args) if len(text) <= self.max_chars else self.uncached(text, *args)


def short_text_cache(max_chars: int, maxsize: int) -> Callable[[Callable[..., R]], ShortTextCache[R]]:
    """Decorate a pure function of a text (and hashable arguments) as a ShortTextCache."""
    return lambda function: ShortTextCache(function, max_chars, maxsize)


def per_document(function: Callable[[D], R]) -> Callable[[D], R]:
    """Decorate a function of a document alone so that it is computed once per document: its
    answer is kept while the document lives (weakly keyed), for the rules that ask it again."""
    answers: weakref.WeakKeyDictionary[Any, R] = weakref.WeakKeyDictionary()

    @functools.wraps(function)
    def once(doc: D) -> R:
        try:
            return answers[doc]
        except KeyError:
            answer = answers[doc] = function(doc)
            return answer

    return once
