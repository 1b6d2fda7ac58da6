"""The story/furniture line model: weights shipped as data, evaluated in plain Python.

The model is a small ensemble of regression trees (gradient boosting) over the named features
of :mod:`newslint.text.line_features`, trained by ``training/train_line_model.py`` and saved in
``newslint/data/line_model.json`` with the features it reads, the data and version that made
it, its held-out figures and the decision threshold chosen for precision. The file is plain
JSON: reading it runs no code. Two stages: the first scores each paragraph on its own features,
the second adds the first stage's scores of the paragraph's neighbours (furniture comes in
blocks), as in boilerpipe's and jusText's context-sensitive passes.

The first stage also reads a lexical score: a logistic regression over hashed words, word pairs
and character 4-grams of the line (digits folded to 0), whose weights ship as one byte per
bucket (``lexical`` in the file: base64 of signed bytes times ``scale``). Character n-grams
carry across languages and sites what shapes cannot ("newsletter", "abonn", "©", "min read").
Only the paragraphs the model judges (``line_features.judged``) are hashed.
"""
from __future__ import annotations

import base64
import itertools
import json
import math
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.text import line_features

MODEL_FILE = "data/line_model.json"


@dataclass(frozen=True, slots=True)
class Tree:
    """One regression tree in flat arrays: internal node ``i`` sends a row left when
    ``row[feature[i]] <= threshold[i]``; a child index below 0 is leaf ``~index``."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaves: tuple[float, ...]

    def value(self, row: Sequence[float]) -> float:
        """The tree's output for one row of feature values."""
        node = 0
        feature, threshold, left, right = self.feature, self.threshold, self.left, self.right
        if not feature:
            return self.leaves[0]
        while node >= 0:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        return self.leaves[~node]


@dataclass(frozen=True, slots=True)
class Stage:
    """A boosted ensemble: the logistic of the bias plus every tree's output."""

    features: tuple[str, ...]
    trees: tuple[Tree, ...]
    bias: float

    def probability(self, features: Mapping[str, float]) -> float:
        """The stage's probability that a paragraph with these features is furniture."""
        row = [features.get(name, -2.0) for name in self.features]
        score = self.bias + sum(tree.value(row) for tree in self.trees)
        return 1.0 / (1.0 + math.exp(-max(min(score, 40.0), -40.0)))


@dataclass(frozen=True, slots=True)
class LineModel:
    """The two stages, the threshold chosen for precision, and what made the model."""

    local: Stage
    context: Stage | None
    threshold: float
    about: Mapping[str, Any]
    lexical: Lexical | None = None

    def probabilities(self, rows: Sequence[dict[str, float]], paragraphs: Sequence[str]) -> list[float]:
        """Each paragraph's probability of being furniture (``rows`` from
        ``line_features.paragraph_features`` for ``paragraphs``; the lexical and context
        stages' inputs are added to them). Prose (``line_features.judged``) is story without
        asking the trees."""
        judge = line_features.judged(rows)
        if not any(judge):
            return [0.0] * len(rows)
        add_lexical_scores(rows, paragraphs, self.lexical, judge)
        first = [self.local.probability(row) if needed else 0.0 for row, needed in zip(rows, judge)]
        if self.context is None:
            return first
        add_context_scores(rows, first)
        return [self.context.probability(row) if needed else 0.0 for row, needed in zip(rows, judge)]


LEXICAL_CHARS = 300  # character n-grams are taken from the line's first 300 characters
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def lexical_keys(text: str, buckets: int) -> list[int]:
    """The hashed buckets of a line's words, word pairs and character 4-grams (CRC-32, so the
    same in every Python process)."""
    return list(_lexical_keys(text, buckets))


def _lexical_keys(text: str, buckets: int) -> Iterator[int]:
    """``lexical_keys``, one at a time: a line of megabytes is not held as lists of its word
    pairs and their keys."""
    low = text.lower().translate(_DIGITS_TO_ZERO)
    words = low.split()
    padded = " " + " ".join(words[:LEXICAL_CHARS])[:LEXICAL_CHARS] + " "  # no word is under a character
    grams = itertools.chain(words, (a + " " + b for a, b in zip(words, itertools.islice(words, 1, None))),
                            ("#" + padded[i:i + 4] for i in range(len(padded) - 3)))
    mask = buckets - 1
    return (zlib.crc32(g.encode("utf-8", "surrogatepass")) & mask for g in grams)  # a lone surrogate is text too


@dataclass(frozen=True, slots=True)
class Lexical:
    """The hashed-n-gram logistic regression: its logit for a line is the bias plus the mean
    weight of its buckets times the square root of their number (an L2-normalised bag)."""

    weights: array  # one signed byte per bucket
    scale: float
    bias: float

    def logit(self, text: str) -> float:
        """The line's lexical logit."""
        total = count = 0
        weights = self.weights
        for key in _lexical_keys(text, len(weights)):
            total += weights[key]
            count += 1
        if not count:
            return self.bias
        return self.bias + self.scale * total / math.sqrt(count)


def add_lexical_scores(rows: Sequence[dict[str, float]], paragraphs: Sequence[str], lexical: Lexical | None,
                       judge: Sequence[bool]) -> None:
    """Give each judged row its lexical logit (feature ``lexical``)."""
    if lexical is None:
        return
    for row, text, needed in zip(rows, paragraphs, judge):
        if needed:
            row["lexical"] = lexical.logit(text)


def add_context_scores(rows: Sequence[dict[str, float]], scores: Sequence[float]) -> None:
    """Give each row the first stage's score of itself, its neighbours and its block."""
    n = len(rows)
    # The highest score before and after each row, as running maxima: a max over the rest of
    # the article per row cost time growing with the square of its paragraphs.
    before, after = [-1.0] * n, [-1.0] * n
    for i in range(1, n):
        before[i] = max(before[i - 1], scores[i - 1])
    for i in range(n - 2, -1, -1):
        after[i] = max(after[i + 1], scores[i + 1])
    for i, row in enumerate(rows):
        row["score"] = scores[i]
        row["previous_score"] = scores[i - 1] if i > 0 else -1.0
        row["next_score"] = scores[i + 1] if i + 1 < n else -1.0
        window = scores[max(i - 2, 0):i + 3]
        row["window_score"] = sum(window) / len(window)
        row["after_score"] = after[i]
        row["before_score"] = before[i]
    _add_block_scores(rows, scores)


def _add_block_scores(rows: Sequence[dict[str, float]], scores: Sequence[float]) -> None:
    """Give each paragraph of a run of paragraphs that are not prose the run's mean and
    lowest first-stage score (``block_score``, ``block_min_score``; -1 for prose): the titles
    of a related-stories list are judged together, as the block they form."""
    runs = line_features.non_prose_runs([bool(row["prose"]) for row in rows])
    for i, row in enumerate(rows):
        length, offset = runs[i]
        block = scores[i - offset:i - offset + length]
        row["block_score"], row["block_min_score"] = (sum(block) / length, min(block)) if length else (-1.0, -1.0)


def _tree(raw: Mapping[str, Any]) -> Tree:
    return Tree(tuple(raw["feature"]), tuple(raw["threshold"]), tuple(raw["left"]),
                tuple(raw["right"]), tuple(raw["leaves"]))


def _stage(raw: Mapping[str, Any]) -> Stage:
    return Stage(tuple(raw["features"]), tuple(_tree(t) for t in raw["trees"]), float(raw["bias"]))


def from_json(data: Mapping[str, Any]) -> LineModel:
    """Build the model from its JSON form (see ``training/train_line_model.py``)."""
    context, lexical = data.get("context"), data.get("lexical")
    return LineModel(_stage(data["local"]), _stage(context) if context else None,
                     float(data["threshold"]), data.get("about", {}),
                     Lexical(array("b", base64.b64decode(lexical["weights"])), float(lexical["scale"]), float(lexical["bias"]))
                     if lexical else None)


@lru_cache(maxsize=1)
def load() -> LineModel:
    """The model shipped with newslint, read once per process."""
    raw = (Path(__file__).resolve().parent.parent / MODEL_FILE).read_text(encoding="utf-8")  # no importlib.resources: 30 ms
    return from_json(json.loads(raw))
