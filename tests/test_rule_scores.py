"""Rules' raw scores (what newslint.confidence calibrates): in [0, 1], and higher for the kinds
of finding a rule is surer of."""
from __future__ import annotations

import pytest

from newslint.registry import load_rules
from newslint.testing import corpus_findings, findings

RULES = load_rules(plugins=False).rules
LEAD = "Shares in Acme rose 5% on Monday after the firm beat forecasts for the quarter, analysts said."
OTHER = "The company said sales in Asia had doubled, while costs stayed flat for a third year running."


def scores(text: str, code: str) -> dict[str, float | None]:
    return {d.message: d.score for d in findings(text, code, min_confidence=0)}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_raw_scores_are_none_or_between_0_and_1(rule) -> None:
    found = corpus_findings(rule.bad_examples, rule.code, min_confidence=0)
    assert found and all(d.score is None or 0 <= d.score <= 1 for d in found)


def test_a_headline_sharing_no_key_term_scores_highest() -> None:
    rule = next(r for r in RULES if r.code == "NL101")
    unrelated = [d.score for d in findings(rule.bad_examples[0], "NL101")]
    assert unrelated == [1.0]  # "KXIP vs KKR Live Score" over a council story


def test_a_repeated_sentence_scores_below_a_repeated_paragraph() -> None:
    paragraph = scores(f"Acme beats forecasts\n\n{LEAD}\n\n{OTHER}\n\n{LEAD}\n", "NL402")
    sentence = scores(f"Acme beats forecasts\n\n{LEAD}\n\n{OTHER} {LEAD}\n", "NL402")
    assert len(paragraph) == len(sentence) == 1
    assert max(sentence.values()) < min(paragraph.values())


def test_a_missing_headline_scores_above_a_headline_of_two_sentences() -> None:
    missing = scores(f"\n{LEAD}\n", "NL504")
    two = scores("The council approved the budget for next year after a long debate. Councillors voted for it "
                 f"on Tuesday night by a large majority.\n\n{LEAD}\n",
                 "NL504")
    assert len(missing) == len(two) == 1
    assert min(missing.values()) > max(two.values())
