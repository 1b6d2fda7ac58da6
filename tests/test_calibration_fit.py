"""The calibration fit (benchmarks/calibration.py) on small hand-made sets of judged findings:
monotone, smoothed, thresholds within the false-alarm budget, halves stable."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
calibration = pytest.importorskip("calibration")
Judged, Data = calibration.Judged, calibration.Data


def judged(score: float | None, real: bool, source: str = "dev") -> Judged:
    return Judged(source, "a.txt", "NL999", score, real)


def test_pav_pools_blocks_until_precision_never_falls() -> None:
    blocks = calibration.pav([[0.1, 0.1, 3, 4], [0.2, 0.2, 1, 4], [0.3, 0.3, 4, 4]])
    assert blocks == [[0.1, 0.2, 4, 8], [0.3, 0.3, 4, 4]]


def test_a_curve_rises_with_the_score_and_never_claims_certainty() -> None:
    weak = [judged(0.1 + i / 1000, i % 2 == 0) for i in range(40)]  # half real
    strong = [judged(0.9 + i / 1000, True) for i in range(40)]  # all real
    curve = calibration.fit_curve(weak + strong)
    assert curve(0.1) == pytest.approx(21 / 42, abs=0.01)
    assert curve(0.95) == pytest.approx(41 / 42, abs=0.01) and curve(1.0) < 1
    assert [p for *_, p in curve.blocks] == sorted(p for *_, p in curve.blocks)


def test_unscored_findings_get_their_own_smoothed_precision() -> None:
    curve = calibration.fit_curve([judged(None, True)] * 8 + [judged(None, False)] * 2)
    assert curve.blocks == () and curve(None) == pytest.approx(9 / 12)


def test_the_default_threshold_is_the_lowest_within_the_budget() -> None:
    # 1,000 other articles; the weak findings there are false alarms, the strong ones real.
    findings = ([judged(0.1, False, "other")] * 5 + [judged(0.1, False)] * 13 + [judged(0.1, True)] * 2
                + [judged(0.9, True)] * 40 + [judged(0.9, False, "other")])
    data = Data(findings, other_articles=1000, other_sets={"other"})
    curve = calibration.fit_curve(findings)
    threshold = calibration.default_threshold(findings, data, curve)
    assert calibration.false_alarms_per_1000(findings, data, 0.0, curve) == 6.0
    assert threshold == calibration.shown(curve, 0.9)
    assert calibration.false_alarms_per_1000(findings, data, threshold, curve) == 1.0


def test_no_threshold_that_costs_more_than_a_tenth_of_the_real_findings() -> None:
    # The same, but 15 of the weak findings are real: the budget would cost 15 of 55.
    findings = ([judged(0.1, False, "other")] * 5 + [judged(0.1, True)] * 15
                + [judged(0.9, True)] * 40 + [judged(0.9, False, "other")])
    data = Data(findings, other_articles=1000, other_sets={"other"})
    assert calibration.default_threshold(findings, data, calibration.fit_curve(findings)) == 0.0
    alike = [judged(0.5, False, "other")] * 10 + [judged(0.5, True)] * 10  # nothing tells them apart
    data = Data(alike, other_articles=1000, other_sets={"other"})
    assert calibration.default_threshold(alike, data, calibration.fit_curve(alike)) == 0.0


def test_halves_are_stable_and_split_the_files() -> None:
    names = [f"{n:04}.txt" for n in range(400)]
    halves = [calibration.half("set", name) for name in names]
    assert halves == [calibration.half("set", name) for name in names]
    assert 150 < halves.count("fit") < 250
