"""NL202 garbled-token: junk spliced into a word is found; currency, notation and names are not."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint import fixes
from newslint.document import Document
from newslint.rule import FixSafety
from newslint.rules.garbled_token import RULE
from newslint.testing import findings, linter_for

HEAD = "Markets close higher\n\n"
SEED = Path(__file__).parent / "fixtures" / "rules" / "NL202" / "seed-004-recipient-after-a-currency-lookalike.txt"


def garbled(body: str) -> list[str]:
    """The garbled spans NL202 reports in a one-paragraph article."""
    text = HEAD + body + "\n"
    return [text.splitlines()[d.line - 1][d.column - 1:d.end_column - 1] for d in findings(text, "NL202")]


# Every exception the rule's documentation lists, each in a sentence of its own.
@pytest.mark.parametrize("body", [
    "Petrobras raised R$3 billion from investors.",  # Brazilian reais
    "The club paid £5m for the striker.",
    "The deal is worth $3bn to the company.",
    "Bonds worth US$3 trillion were sold.",
    "Fans spent €4 each on tickets.",
    "The miner made A$5bn, its rival C$2 million and the bank HK$3 billion.",
    "The A$ and the C$ rose against the dollar.",
    "No. 3 on the list was not named.",
    "Security was tightened after 9/11.",
    "Customers sent an e-mail to the firm.",
    "Mr O'Brien and Ms O’Neill agreed.",
    "José Núñez met Zoë Ball and Seán Ó Briain.",
    "The result — a draw — was “fair”, he said… ‘really’.",
    "See https://example.com/a1b2 or www.g8summit.org for details.",
    "Follow #G8summit, #a1ready and @U2fans for updates.",
    "Write to news@example.co.uk or x@ample.com today.",
    "The helpline is open 24/7.",
    "Covid-19 cases fell.",
    "G8 leaders met, and the G7 finance ministers agreed.",
    "Pilots flew F-16 jets over the city.",
    "Cinemas showed 3D films to MP3 fans.",
    "Sales reached 1,000 units, up 10.5% on the year.",
    "Owners of the PS2 console and the X5 car complained.",
    "AT&T, R&B acts and a Q&A session.",
    "Yahoo! and ex-Wham! singers joined.",
    "C# and C++ developers with A* grades and A+ ratings went w/ friends.",
    "The M25 motorway, A4 paper, the F1 light show and a K9 unit and a k9 unit.",
    "The A380 superjumbo flew; the U2 frontman sang.",
    "R&amp;D spending rose, a scraped entity.",
    "The 1. e4 e5 2. Nf3 opening and H2O or CO2 emissions.",
    "Petrobras raised R$3bn and R$3 bn.",
    "The MI6 agent saw the ITV1 show and BBC2 news on HIV/AIDS and/or her/his CS2 computer.",
    # Junk-like characters inside longer words: identifiers, hashes, names, alternatives.
    "Set git_config, GIT_CONFIG and file=config in the path/posix module.",
    "The fix is in commit c5326bd and f8193ab.",
    "TheUS$3 billion deal was signed.",  # a long head before a space: a word of its own
    "Ke$ha and A$AP Rocky played the Euro2004 final to Windows7 users.",
    "It comes with/out a charger, up/on request.",
    "The sh*tty service was motherf***ing awful, he said.",
])
def test_exceptions_are_clean(body: str) -> None:
    assert garbled(body) == []


@pytest.mark.parametrize("body, span", [
    ("The e8* conomist said so.", "e8* conomist"),  # a digit and a symbol, then a space
    ("The e8*conomist said so.", "e8*conomist"),  # no space
    ("The g$@#overnance review.", "g$@#overnance"),
    ("The b^~ iggest deal.", "b^~ iggest"),
    ("The f§ amilies agreed.", "f§ amilies"),
    ("The u°5 nveiled plan.", "u°5 nveiled"),
    ("The o£ fficial figures.", "o£ fficial"),
    ("The BIGGEST R$3 ECIPIENT list.", "R$3 ECIPIENT"),  # capitals
    ("The loss-m24# aking unit.", "m24# aking"),  # in a compound's second part
    ("Contrack won. Later C218 ontrack was fined.", "C218 ontrack"),  # a name the article uses
    ("The p$4 layer signed.", "p$4 layer"),  # the rest is a word too: the junk cannot be notation
    ("The s3$6 ports club.", "s3$6 ports"),
    ("The t44 ender closed.", "t44 ender"),
    ("The eco8* nomist said so.", "eco8* nomist"),  # junk after the first three letters
    ("The gov$@#ernance review.", "gov$@#ernance"),
    ("The govern#ment said so.", "govern#ment"),  # mid-word, both parts words of their own
    ("The in&crease was small.", "in&crease"),
    ("Minis@ters met.", "Minis@ters"),
    ("The econ^omy grew.", "econ^omy"),
])
def test_spliced_junk_is_reported(body: str, span: str) -> None:
    assert garbled(body) == [span]


def test_seed_recipient_after_a_currency_lookalike() -> None:
    got = findings(SEED.read_bytes(), "NL202")
    assert [(d.line, d.column) for d in got] == [(19, 2)]
    assert got[0].message == 'garbled word: "R$3 ecipient" looks like "Recipient" with "$3" spliced in'


def test_fix_is_unsafe_and_joins_the_word() -> None:
    text = HEAD + "The e8* conomist and the g$@#overnance expert spoke.\n"
    got = findings(text, "NL202")
    assert got and all(d.fix is not None and d.fix.safety is FixSafety.UNSAFE for d in got)
    linter = linter_for("NL202")
    assert fixes.fix_text(text, linter)[0] == text  # not applied without --unsafe-fixes
    assert fixes.fix_text(text, linter, unsafe=True)[0] == HEAD + "The economist and the governance expert spoke.\n"


def test_rare_names_count_when_wordfreq_knows_them_or_the_article_uses_them() -> None:
    # "Keaveney" is rare (Zipf about 1.1) but known, "eaveney" is not; "Zrovnik" is unknown.
    assert garbled("Chairman K#9 eaveney spoke.") == ["K#9 eaveney"]
    assert garbled("Chairman Z#9 rovnik spoke.") == []
    assert garbled("Zrovnik arrived. Chairman Z#9 rovnik spoke.") == ["Z#9 rovnik"]


def test_common_words_are_decided_without_the_large_word_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading wordfreq's large list costs about 0.1 s: only rare names need it.
    monkeypatch.setattr("newslint.rules.garbled_token.english_zipf", lambda word: pytest.fail(word))
    doc = Document(HEAD + "The e8* conomist, the p$4 layer and the G8 summit.\n")
    assert len(list(RULE.check(doc, RULE.options))) == 2


def test_a_shape_written_the_same_way_three_times_is_a_spelling() -> None:
    # A pen name with a symbol in it, used throughout; junk is not spliced the same way thrice.
    once = "Poet wins prize\n\nThe poet R$3 ecipient of the prize said little.\n"
    assert [d.code for d in findings(once, "NL202")] == ["NL202"]
    body = ("Poet wins prize\n\nThe poet Milan Ohnisko, who signs Oh!nisko, won the prize. Oh!nisko "
            "said little.\n\nCritics say Oh!nisko writes for children and adults alike.\n")
    assert [d.code for d in findings(body, "NL202")] == []
    assert [d.code for d in findings(body.replace("Oh!nisko said", "He said"), "NL202")] == ["NL202", "NL202"]
