"""NL305 bare-link-line: address-only paragraphs and CDN e-mail placeholders, and the story
sentences with addresses in them that must stay clean."""
from __future__ import annotations

import pytest

from newslint.testing import findings

STORY = ("Council backs budget\n\nThe council approved the budget on Tuesday after a long debate "
         "about spending on roads and schools.\n\n{}\n\nCouncillors said taxes would rise next year.\n")


def found(paragraph: str) -> list[tuple[str, float | None]]:
    return [(d.message, d.score) for d in findings(STORY.format(paragraph), "NL305")]


CONTACT = "contact line: only e-mail addresses or social-media profiles"
ATTRIBUTION = "attribution line: a source label and a web address"
LINKED = "link line: a link prefix and web addresses only"


@pytest.mark.parametrize("line, message", [
    ("maria.lopez@example-gazette.com", CONTACT),
    ("twitter.com/marialopez", CONTACT),
    ("@janesmith | jane.smith@example-news.com", CONTACT),
    ("Source: https://www.example-council.gov.uk/news/budget", ATTRIBUTION),
    ("Fonte: www.example-jornal.com.br/politica/orcamento", ATTRIBUTION),
    ("Via http://example-blog.net/2019/11/budget", ATTRIBUTION),
    # a link prefix with addresses for titles
    ("More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports", LINKED),
    ("Read or Share this story: http://usat.ly/1h3RoDv", LINKED),
    ("- See more at: http://example-blog.com/2015/03/budget/#sthash.9lQcoDmF.dpuf", LINKED),
])
def test_address_only_lines(line: str, message: str) -> None:
    assert found(line) == [(message, 0.9)]


@pytest.mark.parametrize("line", [
    "Residents: https://www.example-council.gov.uk/consultation",  # a label no link prefix: a reference
    "More details are at www.example-council.gov.uk, the council said.",
])
def test_a_label_or_a_sentence_with_an_address_is_no_link_line(line: str) -> None:
    assert all(message != LINKED for message, _ in found(line))


def test_a_bare_address_inside_the_story_is_a_weaker_finding() -> None:
    address = "http://www.example-archive.org/2013/02/council-minutes.html"
    assert found(address) == []  # a reference the writer may have given: only when asked
    from dataclasses import replace

    from newslint.rules.bare_link_line import RULE

    asked = findings(STORY.format(address), replace(RULE, options={"references": True}), min_confidence=0)
    assert [(d.message, d.score) for d in asked] == [("bare web address inside the story", 0.5)]


def test_the_article_s_own_address_before_the_story() -> None:
    article = ("Dog rescued from frozen lake near Leeds\n\n"
               "https://www.example-news.com/news/article/Dog-rescued-from-frozen-lake-near-Leeds-2207.php\n\n"
               "A dog that ran onto a frozen lake near Leeds was rescued by firefighters on Sunday, its owners said.\n")
    assert [d.message for d in findings(article, "NL305")] == ["bare web address before the story"]


def test_email_protection_placeholders() -> None:
    got = findings(STORY.format("For details, write to [email protected] before Friday."), "NL305")
    assert [(d.line, d.column, d.message.split(":")[0]) for d in got] == [(5, 23, "e-mail-protection placeholder")]
    assert got[0].fix is None  # the address is lost: nothing to repair it with


@pytest.mark.parametrize("line", [
    "Details are at www.example-council.gov.uk, the council said.",
    "Residents can write to the council by e-mail or by post.",
    "Source: council officials, who asked not to be named.",
    "The firm's website, example.com, was down for an hour.",
])
def test_sentences_with_addresses_are_story(line: str) -> None:
    assert found(line) == []


def test_the_fix_deletes_the_line() -> None:
    from newslint.fixes import fix_text
    from newslint.testing import linter_for

    text = STORY.format("jane.smith@example-news.com")
    repaired, fixed, remaining = fix_text(text, linter_for("NL305"))
    assert "jane.smith" not in repaired and fixed == 1 and remaining == []
    assert repaired.count("\n\n") == text.count("\n\n") - 1
