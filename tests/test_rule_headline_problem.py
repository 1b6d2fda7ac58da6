"""NL504 headline-problem: missing headlines, paragraphs and sentences as headlines."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import findings

BODY = "The council approved a budget of £4m on Tuesday.\n\nCouncillors voted 30 to 12 in favour.\n"
CLEAN = sorted((Path(__file__).parent / "fixtures" / "clean").glob("*.txt"))


def messages(text: str) -> list[str]:
    return [d.message for d in findings(text, "NL504", min_confidence=0)]  # all it finds


def test_clean_articles_are_silent() -> None:
    assert CLEAN
    assert [(p.name, d.line) for p in CLEAN for d in findings(p.read_bytes(), "NL504")] == []


def test_missing_headline() -> None:
    assert messages("\n" + BODY) == ["no headline: the file starts with a blank line"]
    assert messages("A paragraph of the body.\n" + BODY)[0].startswith("no headline: line 1 is followed")


def test_empty_file_is_not_this_rules_business() -> None:
    assert messages("") == []


def test_paragraph_as_headline() -> None:
    long_line = " ".join(["word"] * 31)
    assert messages(long_line + ".\n\n" + BODY) == ["headline is a paragraph (31 words)"]
    assert messages(long_line + "!\"\n\n" + BODY) == ["headline is a paragraph (31 words)"]
    # A long line ending on a word or a question is a long headline (a tabloid's, a digest's)...
    assert messages(long_line + "\n\n" + BODY) == []
    assert messages(long_line + "?\n\n" + BODY) == []
    # ... up to twice max_words: a longer line is a paragraph however it ends.
    longer = " ".join(["word"] * 61)
    assert messages(longer + "\n\n" + BODY) == ["headline is a paragraph (61 words)"]
    # ... but for a line all in capitals: a site's headline and decks run together (Dagospia's)
    shouted = " – ".join(["ORBAN FACES FIVE DAYS OF PROTEST IN BUDAPEST OVER HIS NEW TAX LAW"] * 5) + "…"
    assert messages(shouted + "\n\n" + BODY) == []
    assert messages(shouted.capitalize() + "\n\n" + BODY) == ["headline is a paragraph (65 words)"]


def test_headline_repeating_the_first_paragraph() -> None:
    first = "The council approved a budget of £4m on Tuesday."
    assert messages(first + "\n\n" + BODY) == ["headline repeats the first paragraph"]
    # A short headline that the lead happens to begin with is not reported.
    assert messages("The council\n\n" + BODY) == []
    lead = ("On Tuesday night the council approved a budget of four million pounds for the schools and "
            "roads of the city after a long debate.")
    headline = "Approved a budget of four million pounds for the schools and roads of the city"
    assert messages(headline + "\n\n" + lead + "\n") == ["headline repeats the first paragraph"]
    # A shorter headline inside a long lead is the page's share or hover-card text glued to it.
    assert messages("A budget of four million pounds for the schools\n\n" + lead + "\n") == []


@pytest.mark.parametrize("headline", [
    "Councillors voted on Tuesday night to approve the budget for the coming year, with most of the money "
    "going to schools.",
    "The council approved the budget of four million pounds. Councillors voted for it on Tuesday night after "
    "a long debate.",
])
def test_sentence_as_headline(headline: str) -> None:
    assert len(messages(headline + "\n\nA different opening paragraph.\n")) == 1


def test_a_long_headline_in_headline_case_is_a_title() -> None:
    # hyperpartisan-en: two sentences, a full stop, every longer word capitalised.
    headline = ("A Grain Of Saul: Stopping Sexual Assault Is Not A Partisan Issue Or A Women's Issue. "
                "It's Up To All Of Us.")
    assert messages(headline + "\n\nA different opening paragraph.\n") == []
    # The same words as a sentence of the body are one.
    sentences = ("A grain of Saul: stopping sexual assault is not a partisan issue or a women's issue. "
                 "It's up to all of us.")
    assert messages(sentences + "\n\nA different opening paragraph.\n") == [
        "headline holds 2 sentences"]


def test_long_headline_with_a_full_stop_that_the_lead_restates_is_a_title() -> None:
    headline = ("Constitutional court rules that the general ban on entering public places to stop the "
                "spread of the coronavirus was illegal.")
    restating = ("The constitutional court has ruled that the general ban on public places, imposed to stop "
                 "the coronavirus from spreading, was illegal. A citizen had complained.")
    assert messages(headline + "\n\n" + restating + "\n") == []
    going_on = "A citizen of Vienna had complained that the measures went too far, the court said on Tuesday."
    assert messages(headline + "\n\n" + going_on + "\n") == [
        "headline ends with a full stop like a sentence of the body"]


@pytest.mark.parametrize("headline", [
    "Council approves budget",
    "Will the council's new budget really help the city's schools this year?",
    "Councillors say the new budget is 'the best in a decade'",
    "Police: Man held.",
    "Shareholders back takeover of carmaker by Detroit-based Motorworks Inc.",
    "Shares fall as the mayor of the city waits for the results of the vote...",
    "Councillors voted on Tuesday to approve the budget for the coming year.",  # a house style
    "The council approved the budget. Councillors voted for it on Tuesday night.",
    "Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.",
    "La TVA sur l'électricité de retour à 6% ? Ce sera non !",
])
def test_real_headlines(headline: str) -> None:
    assert messages(headline + "\n\n" + BODY) == []


@pytest.mark.parametrize("headline, kind", [
    ("Untitled", "a placeholder"),
    ("404 Not Found", "a placeholder"),
    ("Access Denied", "a placeholder"),
    ("Just a moment...", "a placeholder"),
    ("Home | News | Business", "a breadcrumb trail"),
    ("Home > Politics", "a breadcrumb trail"),
    ("Sport / Football / Premier League", "a breadcrumb trail"),
])
def test_placeholder_or_breadcrumb_as_headline(headline: str, kind: str) -> None:
    assert messages(f"{headline}\n\n{BODY}") == [f"headline is {kind}, not a title: {headline!r}"]


@pytest.mark.parametrize("headline", [
    "BBC NEWS | Business | Council approves £4m budget",  # a section, then the real title
    "Council approves budget | Fox News",
    "Buy / sell / hold?",
    "Home truths for the council",
    "Error-strewn budget approved",
])
def test_titles_with_separators_or_such_words_are_headlines(headline: str) -> None:
    assert messages(f"{headline}\n\n{BODY}") == []


def test_a_placeholder_is_left_to_this_rule_not_to_headline_mismatch() -> None:
    body = ("The government announced on Tuesday that it would raise the minimum wage by 5% next "
            "April, in a move welcomed by unions and criticised by some business groups. Ministers "
            "said the increase would benefit about two million workers across the country.\n")
    assert [d.code for d in findings(f"404 Not Found\n\n{body}", "NL101", "NL504")] == ["NL504"]


def test_headline_repeated_in_the_lead_zone() -> None:
    article = ("Council backs budget for schools\n\nBy Jane Smith, local democracy reporter\n\n"
               "Council backs budget for schools\n\n" + BODY)
    assert messages(article) == ["headline is repeated in the body (line 5)"]
    # Once the story has begun, a sentence echoing the headline is the story's own.
    later = ("Council backs budget for schools\n\n" + BODY + "\nCouncil backs budget for schools\n")
    assert messages(later) == []
