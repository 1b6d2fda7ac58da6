"""NL502 surname-never-introduced: bare surnames that nothing introduced, and introductions."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document import Document
from newslint.registry import load_rules
from newslint.rules.surname_never_introduced import RULE
from newslint.testing import findings

HEAD = "Mayors reject threat\n\n"
CLEAN = sorted((Path(__file__).parent / "fixtures" / "clean").glob("*.txt"))


def names(body: str) -> list[str]:
    return [d.message.split("'")[1] for d in findings(HEAD + body + "\n", "NL502")]


def test_registered_and_on_by_default() -> None:
    codes = {r.code: r.default_enabled for r in load_rules(plugins=False).rules}
    assert codes["NL502"] is True


def test_clean_articles_are_silent() -> None:
    assert CLEAN
    assert [(p.name, d.line) for p in CLEAN for d in findings(p.read_bytes(), "NL502")] == []


@pytest.mark.parametrize("body, expected", [
    ('"We will not be bullied," said Wheeler.', ["Wheeler"]),
    ('"It is a red herring", Rivera said.', ["Rivera"]),
    ("The mayors met. Kautz is a past president of the conference.", ["Kautz"]),
    ("Okonkwo said she would appeal the ruling.", ["Okonkwo"]),
    ('They met in Lagos, Okonkwo, and Abuja.\n\n"Yes," said Okonkwo.', ["Okonkwo"]),
    ('The coach praised Okonkwo.\n\n"He was superb," said Okonkwo.', ["Okonkwo"]),  # a verb
])
def test_bare_surnames_are_reported(body: str, expected: list[str]) -> None:
    assert names(body) == expected


def test_only_the_first_bare_mention_is_reported() -> None:
    assert names('"No," said Okonkwo.\n\n"Never," Okonkwo added.') == ["Okonkwo"]


@pytest.mark.parametrize("body", [
    '"No," said Okonkwo.\n\n"Never," Okonkwo added.\n\nCouncillor Ada Okonkwo left.',  # a title, later
    '"No," said Okonkwo.\n\nAda Okonkwo, who chairs the board, left.',  # the full name, later
    '"No," said Okonkwo.\n\nBut Ada Okonkow says the board will meet.',  # misspelt once
    'Cardinal Gerhard Müller spoke first.\n\n"It is a provocation," Mueller said.',  # umlaut spelt out
    'Judge María José Peña left.\n\n"No," said Pena.',  # accents dropped
    'Saudi Arabia, Kuwait, Russia, Iran and Malaysia want less.\n\n"It cannot stay," said Kuwait.',  # a country
    'The Irish coach expects a real test. "They are organised," said Okonkwo.',  # a role before
    'Two robots, Pal and Chum, met reporters. "I want to walk," Pal told reporters.',  # named
    '"Oil will not crack," said Okonkwo, Ball and Turben analyst Ada Lee.',  # a firm of names
])
def test_introduced_anywhere_described_or_misspelt_is_not_reported(body: str) -> None:
    """A surname counts as introduced when the full name or a title appears anywhere in the
    article, before or after; introduced in a spelling a letter off; by a role described in
    its paragraph; or named by the text. A list of names before another speaker is a firm."""
    assert names(body) == []


@pytest.mark.parametrize("body", [
    'Portland Mayor Ted Wheeler spoke.\n\n"We will not be bullied," said Wheeler.',
    'Mayor Wheeler spoke.\n\n"We will not be bullied," said Wheeler.',
    'Gov. Kate Brown spoke.\n\n"We will not be bullied," Brown said.',
    'Mayor Bill de Blasio spoke.\n\n"We will not be bullied," de Blasio said.',
    'Brazil forward Neymar scored twice.\n\n"It was a great night," Neymar said.',  # a role
    'His spokesman, Okonkwo, spoke.\n\n"We hold the valley," Okonkwo said.',  # apposition
    'The singer Okonkwo spoke.\n\n"I will tour again," Okonkwo said.',
    'Ada Okonkwo spoke.\n\n"We will not be bullied," said Ada.',  # first name after full name
    '"We will cut 200 jobs," Qwerto said.\n\nShares in Qwerto fell 3%.',  # a company
    '"We will not be bullied," said Sessions.',  # also an ordinary word
    '"We will not be bullied," Analysts said.',
    "Qwerto said the figures were strong.",  # indirect speech: no sign of a person
])
def test_introductions_and_non_persons_are_not_reported(body: str) -> None:
    assert names(body) == []


def test_known_names_option() -> None:
    doc = Document(HEAD + '"I will sing," said Okonkwo.\n')
    assert [f.message for f in RULE.check(doc, RULE.options)]
    assert list(RULE.check(doc, {**RULE.options, "known_names": ["Okonkwo"]})) == []


def test_a_role_far_back_in_one_huge_paragraph_is_not_searched_for() -> None:
    # The role search looks at most ROLE_WINDOW characters back (a file of one huge paragraph
    # would otherwise be searched from its start for every name in it).
    from newslint.rules.surname_never_introduced import ROLE_WINDOW

    filler = "The match went on. " * (ROLE_WINDOW // 19 + 1)
    near = 'The Irish coach expects a real test. "We are ready," said Osullivanne.'
    far = 'The Irish coach expects a real test. ' + filler + '"We are ready," said Osullivanne.'
    assert [d.code for d in findings(f"Cup tie\n\n{near}\n", "NL502")] == []
    assert [d.code for d in findings(f"Cup tie\n\n{far}\n", "NL502")] == ["NL502"]


def test_a_list_of_surnames_does_not_make_its_names_places() -> None:
    # Listed with common words that are people's names ("Brown", "Jones"), a name is no place.
    assert names('Smith, Jones, Brown and Okonkwo signed.\n\n"No," said Okonkwo.') == ["Okonkwo"]


@pytest.mark.parametrize(("text", "introduction", "instead", "name"), [
    # Two given names sharing a surname introduce both.
    ("Sisters sue the state\n\nAmong the plaintiffs were Beatriz and Elizabeth Vergara, sisters from "
     "Pacoima, who were 15 and 16.\n\n\"We just want good teachers,\" said Beatriz.\n",
     "Beatriz and Elizabeth Vergara", "two sisters", "Beatriz"),
    # A scraper that lost the space after a full stop ("week.Gene Sperling") still gives the full name.
    ("Shutdown enters second week\n\nThe shutdown entered its second week.Gene Sperling, a senior "
     "adviser, spoke on Monday.\n\n\"The clock is ticking,\" Sperling told reporters.\n",
     "week.Gene Sperling", "week. He", "Sperling"),
    # "Ahmad al-Khatib" introduces "Al-Khatib said" at a sentence's start.
    ("Blast hits Beirut suburb\n\n\"The world turned upside down,\" recalled Ahmad al-Khatib, a postal "
     "worker.\n\nAl-Khatib said he had pulled his daughter out from under the debris.\n",
     "Ahmad al-Khatib", "a neighbour", "Al-Khatib"),
])
def test_a_name_introduced_in_another_form_is_introduced(text: str, introduction: str, instead: str,
                                                         name: str) -> None:
    assert findings(text, "NL502") == []
    without = text.replace(introduction, instead)
    assert [d.message.split("'")[1] for d in findings(without, "NL502")] == [name]
