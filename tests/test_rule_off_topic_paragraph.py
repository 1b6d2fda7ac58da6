"""NL304 off-topic-paragraph: judged against the article's own paragraphs; off by default."""
from __future__ import annotations

from newslint.registry import load_rules
from newslint.testing import findings

RULE = load_rules(plugins=False).by_code("NL304")
PARAS = [p for p in RULE.good_examples[0].split("\n\n")[1:] if p.strip()]
HEAD = "Council to shut libraries"
INTRUDER = ("Striker Marcus Rashford scored twice as Manchester United beat Aston Villa at Old Trafford, "
            "lifting the visitors' manager's hopes of a European place despite injuries.")


def article(*paragraphs: str) -> str:
    return HEAD + "\n\n" + "\n\n".join(p.strip() for p in paragraphs) + "\n"


def test_paragraph_from_another_story_is_reported_with_the_shares() -> None:
    (finding,) = findings(article(*PARAS[:4], INTRUDER), "NL304")
    assert finding.line == 11
    assert finding.message.startswith("paragraph looks like part of another story: it shares 0% of its key words")


def test_short_transitions_and_short_articles_are_not_judged() -> None:
    assert findings(article(*PARAS[:4], "Still, many mayors did attend."), "NL304") == []
    assert findings(article(PARAS[0], INTRUDER), "NL304") == []


def test_off_by_default_and_fix_is_unsafe() -> None:
    text = article(*PARAS[:4], INTRUDER)
    assert "NL304" not in [d.code for d in findings(text)]
    (finding,) = findings(text, "NL304")
    assert finding.fix.safety.value == "unsafe" and not RULE.default_enabled


def test_a_paragraph_of_quotation_is_not_judged() -> None:
    quote = ('"The government has been told again and again that this cannot go on. Every September '
             'we lose more good people to jobs that pay better and ask less," she said.')
    assert findings(article(*PARAS[:4], quote), "NL304") == []
