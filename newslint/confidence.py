"""Calibrated confidence: how often a finding like this one was real on labelled articles.

A rule may give each finding a raw score in [0, 1] (``Finding.confidence``; higher means surer:
a model's probability, a similarity, how far past its threshold a measure fell). The
calibration table, ``newslint/data/calibration.json``, maps each built-in rule's raw score to
the precision its findings had at that score on labelled articles (a monotone curve fitted by
``benchmarks/calibration.py`` on one half of the labelled data and checked on the other). A
finding without a raw score gets its rule's measured precision. A rule the table does not know
(a plugin's) keeps the score it gives, or None when it gives none: an unknown confidence is not
made up.

The table also holds each rule's default ``min-confidence``: the lowest confidence a finding
needs to be reported, measured so the rule stays at or under its budget of false alarms on
clean articles (0 for most rules: they report everything).
"""
from __future__ import annotations

import bisect
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parent / "data" / "calibration.json"
FORMAT = 1


@dataclass(frozen=True)
class Curve:
    """One rule's calibration: blocks of raw scores, each with the precision observed there."""

    blocks: tuple[tuple[float, float, float], ...]  # (lowest score, highest score, precision), rising
    unscored: float  # the precision of the rule's findings that carry no raw score
    min_confidence: float = 0.0  # the rule's default threshold

    def __call__(self, score: float | None) -> float:
        """The calibrated confidence of a finding with raw ``score``: its block's precision, or
        between two blocks the nearer one's (scores often come in kinds, not a continuum).
        Above the highest block, that block's precision (precision does not fall as the score
        rises). Below the lowest, no finding was seen in fitting: that block's precision is only
        an upper bound there, so the confidence falls in proportion to the score, to 0 at 0 (a
        rule's weakest kind, never seen in fitting, is not shown as sure as its strongest)."""
        if score is None or not self.blocks:
            return self.unscored
        at = bisect.bisect_left([high for _, high, _ in self.blocks], score)
        if at == len(self.blocks):
            return self.blocks[-1][2]
        low, _, precision = self.blocks[at]
        if at == 0 and score < low:
            return precision * max(0.0, score) / low if low > 0 else 0.0
        if score >= low:
            return precision
        below = self.blocks[at - 1]
        return below[2] if score - below[1] <= low - score else precision


def curve_from_json(entry: Mapping[str, Any]) -> Curve:
    """A rule's entry of the table as a Curve."""
    blocks = tuple(sorted((float(lo), float(hi), float(p)) for lo, hi, p in entry.get("curve", ())))
    return Curve(blocks, float(entry["unscored"]), float(entry.get("min-confidence", 0.0)))


def curve_to_json(curve: Curve) -> dict[str, Any]:
    """A Curve as an entry of the table (rounded: the table is read by people too)."""
    return {"curve": [[round(lo, 4), round(hi, 4), round(p, 4)] for lo, hi, p in curve.blocks],
            "unscored": round(curve.unscored, 4), "min-confidence": round(curve.min_confidence, 4)}


@lru_cache(maxsize=1)
def curves() -> Mapping[str, Curve]:
    """The shipped table's curves by rule code (empty when the table is missing)."""
    try:
        data = json.loads(TABLE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    if data.get("newslint-calibration") != FORMAT:
        raise ValueError(f"{TABLE}: not a newslint calibration table of format {FORMAT}")
    return {code: curve_from_json(entry) for code, entry in data["rules"].items()}


@lru_cache(maxsize=1)
def digest() -> str:
    """A hash of the table: findings' confidences (and so the results cache) depend on it."""
    import hashlib  # here: only the results cache asks
    try:
        return hashlib.blake2b(TABLE.read_bytes(), digest_size=16).hexdigest()
    except FileNotFoundError:
        return "none"


def calibrated(code: str, score: float | None) -> float | None:
    """The confidence of a finding of rule ``code`` with the rule's raw ``score``. Rules give a
    few kinds of score, so the answers for plain floats are remembered: a file with thousands
    of findings would otherwise look each one up in its curve again."""
    if score is None or type(score) is float:
        return _calibrated_float(code, score)
    return _calibrate(code, score)


@lru_cache(maxsize=4096)
def _calibrated_float(code: str, score: float | None) -> float | None:
    return _calibrate(code, score)


def _calibrate(code: str, score: float | None) -> float | None:
    if score is not None and not math.isfinite(score):
        score = None  # a broken score says nothing (and NaN is not JSON)
    curve = curves().get(code)
    if curve is not None:
        return round(curve(score), 3)  # as shown: what is filtered is what is printed
    return None if score is None else round(min(1.0, max(0.0, score)), 3)


def default_min_confidence(code: str) -> float:
    """The threshold a rule's findings must reach unless the config or command line says."""
    curve = curves().get(code)
    return curve.min_confidence if curve is not None else 0.0


def explained(code: str, name: str) -> str:
    """What ``newslint explain`` adds about a rule's default threshold (empty when it has none)."""
    floor = default_min_confidence(code)
    if not floor:
        return ""
    text = (f"By default only findings with a confidence of {floor} or more are reported: weaker "
            f"kinds were too often wrong on articles from other publishers. To see them all: "
            f"`--min-confidence 0`, or `min-confidence = 0` under `[tool.newslint.rules.{name}]`.")
    import textwrap

    return "\n## Confidence\n" + textwrap.fill(text, 96, break_on_hyphens=False) + "\n"


def checked_threshold(value: Any) -> float | None:
    """``value`` as a threshold in [0, 1], or None when it is not one (NaN, a bool, text)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if not math.isnan(value) and 0.0 <= value <= 1.0 else None
