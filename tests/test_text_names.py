"""newslint.text.names: bare names in speaker position, introductions, organisations."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.text.names import (
    introduced_before, is_common_word, person_mentions, used_as_organisation, word_zipf,
)


def mentions(sentence: str) -> list[str]:
    return [m.name for m in person_mentions(sentence, 0, len(sentence))]


@pytest.mark.parametrize("sentence, expected", [
    ('"It is unconscionable", said Wheeler.', ["Wheeler"]),
    ('"It is a red herring", Rivera said.', ["Rivera"]),
    ("Kautz is a past president of the US Conference of Mayors.", ["Kautz"]),
    ("Garcia said he would appeal.", ["Garcia"]),
    ('"It is over," said Mayor Wheeler.', []),  # titled
    ('"It is over," said Ted Wheeler.', []),  # full name
    ('"It is over," de Blasio said.', []),  # particle: part of a full name
    ("Garcia said the firm would appeal.", []),  # indirect speech: could be a company
    ("The cross-Channel market is improving, Eurotunnel said.", []),  # no quotation
    ('"Yes," said Wheeler chief executive Ann Lee.', []),  # a modifier, not the speaker
    ('"I love it," said Aiden, 7, at the fair.', []),  # an age introduces a child
    ('"No," said Kautz, a lawyer for the city.', []),  # an apposition introduces
    ('"No," said Kautz, adding that the case was closed.', ["Kautz"]),
    ("Sideways is the best film of the year.", []),  # not a person's role
])
def test_person_mentions(sentence: str, expected: list[str]) -> None:
    assert mentions(sentence) == expected


def test_introduced_before_by_full_name_title_particle_or_first_name() -> None:
    text = "Mayor Ted Wheeler spoke. Gov. Brown left. Bill de Blasio came. John C. Bienvenu said."
    for name in ("Wheeler", "Brown", "Blasio", "Bienvenu", "Ted"):
        assert introduced_before(text, name, len(text)), name
    assert not introduced_before(text, "Kautz", len(text))
    # Only what stands before the limit counts: a later introduction is not an earlier one.
    late = '"No," said Wheeler. Ted Wheeler is the mayor.'
    assert not introduced_before(late, "Wheeler", late.index("Wheeler"))
    assert introduced_before('"No," said Wheeler. Mayor Wheeler left.', "Wheeler", 40)


@pytest.mark.parametrize("text, name", [
    ("Shares in Qwerto rose.", "Qwerto"),
    ("Qwerto shares rose.", "Qwerto"),
    ("Qwerto's profits rose.", "Qwerto"),
    ("He works at Qwerto.", "Qwerto"),
    ("Qwerto Bank said so.", "Qwerto"),
    ("Qwerto said it would cut jobs.", "Qwerto"),
    ("Qwerto, which makes cars, left.", "Qwerto"),
])
def test_used_as_organisation(text: str, name: str) -> None:
    assert used_as_organisation(text, name)


def test_a_person_is_not_used_as_organisation() -> None:
    assert not used_as_organisation('"No," said Qwerto. Qwerto said he would appeal.', "Qwerto")


def test_common_words() -> None:
    assert word_zipf("the") > word_zipf("kautz")
    assert is_common_word("", "Sessions", 4.0)  # a common word
    assert is_common_word("", "Analysts", 4.0)  # the plural of one
    assert is_common_word("the qwerto way", "Qwerto", 4.0)  # written in lower case here
    assert not is_common_word("", "Kautz", 4.0)


# -- the one-pass reading gives what a pattern per name gave ----------------------------------
def _introduced_by_pattern(text: str, name: str, limit: int) -> bool:
    """The former reading: a pattern naming ``name``, run over ``text[:limit]``."""
    import regex

    from newslint.text.names import _NAME, _introduces, _is_role_noun

    word = regex.escape(name)
    after = regex.compile(rf"(?<=(?P<prev>\S+)[ \t]+){word}\b")
    if any(_introduces(m.group("prev")) for m in after.finditer(text, 0, limit)):
        return True
    apposition = regex.compile(rf"\b(?P<role>\p{{Ll}}+),[ \t]+{word},")
    if any(_is_role_noun(m.group("role")) for m in apposition.finditer(text, 0, limit)):
        return True
    return bool(regex.compile(rf"\b{word}[ \t]+{_NAME}\b").search(text, 0, limit))


def _organisation_by_pattern(text: str, name: str) -> bool:
    import regex

    from newslint.text import names

    word = regex.escape(name)
    return bool(regex.search(
        rf"\b(?i:{names._ORG_BEFORE})\s+{word}\b|\b{word}(?:['’]s?)?\s+(?:{names._ORG_NOUNS})\b"
        rf"|\b{word}\s+(?:{names._ORG_SUFFIXES})\b"
        rf"|\b{word}\s+(?:has\s+|had\s+|also\s+)?(?:{names._SPEECH_VERBS})\s+(?:that\s+)?(?:it|its|they|their)\b"
        rf"|\b{word},?\s+which\b|\b{word}['’]s\s+(?:own\s+)?(?:\p{{Ll}}+\s+)?(?:{names._ORG_NOUNS})\b", text))


_PIECES = ("Mayor", "Ted", "Wheeler", "Smith-Jones", "Jones", "O'Brien", "McAdam", "Brien", "the", "at",
           "said", "his", "spokesman,", "Amin,", "shares", "Bank", "which", "it", "'s", "de", "Blasio",
           "C.", "Gov.", "\t", "-", "told", "he", "profits", "Qwerto", "Qwerto's", "Adam", "and")


@pytest.mark.parametrize("seed", range(30))
def test_one_pass_reading_matches_a_pattern_per_name(seed: int) -> None:
    import random

    rng = random.Random(seed)
    text = " ".join(rng.choice(_PIECES) for _ in range(rng.randrange(5, 60)))
    for name in ("Wheeler", "Jones", "Smith-Jones", "Smith", "O'Brien", "Brien", "McAdam", "Adam", "Amin",
                 "Qwerto", "Ted", "Blasio"):
        # Limits as NL502 sets them: where a mention starts, after a space or a mark.
        for limit in (len(text), text.rfind(" ", 0, len(text) // 2) + 1):
            assert introduced_before(text, name, limit) == _introduced_by_pattern(text, name, limit), (text, name)
        assert used_as_organisation(text, name) == _organisation_by_pattern(text, name), (text, name)


def test_name_phrases_keep_the_small_words_inside_a_name() -> None:
    from newslint.text.names import name_phrases

    text = "The Grand Hôpital de Charleroi and the Bank of England said so, and Ultra Wideband is fast."
    assert name_phrases(text) == [("The", "Grand", "Hôpital", "de", "Charleroi"), ("Bank", "of", "England"),
                                  ("Ultra", "Wideband")]


def _name_phrases_token_by_token(text: str) -> list[tuple[str, ...]]:
    """name_phrases as it was first written: a loop over every token."""
    from newslint.text.names import _NAME_LINKS, _TOKEN

    phrases: list[tuple[str, ...]] = []
    run: list[str] = []
    pending: list[str] = []
    for token in _TOKEN.findall(text):
        if token[:1].isupper():
            run.extend(pending)
            run.append(token)
            pending = []
        elif run and token.lower() in _NAME_LINKS and len(pending) < 2:
            pending.append(token)
        else:
            if run:
                phrases.append(tuple(run))
            run, pending = [], []
    if run:
        phrases.append(tuple(run))
    return phrases


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Bank", "England", "of", "OF", "oF", "de", "De", "della", "of", "de", "van", "the",
                                 "said", "d", "of", "Bank", "de",
                                 "O'Brien", "d'Artagnan", "rock'n'Roll", "3M", "iPhone", "Élysée", "éte", "Ωmega",
                                 "Москва", "и", "Ⅻ", "ǅemal", "x", "'", "’", "''", ",", ".", " - ", "\n", "  ",
                                 "\u0302", "_", "42"]), max_size=40),
       st.lists(st.sampled_from([" ", "", "'", "’", ", ", "-"]), min_size=40, max_size=40))
@example(["Bank", "of", "de", "van", "England"], [" "] * 40)  # a third link word ends the run
@example(["Jones", "'", "Bank", "rock'n'Roll", "d'Artagnan", "Ⅻ", "Oslo"], ["", " ", " ", " ", " ", " ", " "] + [" "] * 33)
def test_name_phrases_reads_runs_as_a_loop_over_every_token_would(pieces: list[str], gaps: list[str]) -> None:
    from newslint.text.names import name_phrases

    text = "".join(piece + gap for piece, gap in zip(pieces, gaps))
    assert name_phrases(text) == _name_phrases_token_by_token(text)


@pytest.mark.parametrize("short, phrase, expected", [
    ("GHDC", ("Grand", "Hôpital", "de", "Charleroi"), True),  # a link word may give its letter
    ("GHC", ("Grand", "Hôpital", "de", "Charleroi"), True),   # or not
    ("UWB", ("Ultra", "Wideband"), True),                     # later letters of a word, in order
    ("NATO", ("North", "Atlantic", "Treaty", "Organisation"), True),
    ("UN", ("United", "Nations", "Security", "Council"), True),  # the start of a longer name
    ("Utd", ("United",), True),                               # contracted: first and last letters
    ("Man", ("Manchester", "United"), True),                  # clipped
    ("USA", ("Usability",), False),                           # initials come from two words at least
    ("IBM", ("Big", "Machines"), False),
    ("Ma", ("Manchester",), False),                           # two letters begin too many words
    ("Mun", ("Manchester",), False),
])
def test_abbreviates(short: str, phrase: tuple[str, ...], expected: bool) -> None:
    from newslint.text.names import abbreviates

    assert abbreviates(short, phrase) is expected


def test_a_misspelt_or_later_introduction_and_a_role_count() -> None:
    from newslint.text.names import described_by_role, introduced

    assert introduced('"Yes," said Kudja. Jarek Kujda plays the GameBoy.', "Kudja")  # two letters swapped
    assert introduced('"Yes," said Okonkwo. Then Ada Okonkwo left.', "Okonkwo")  # after the mention
    assert not introduced('"Yes," said Lee. Then Ada Leo left.', "Lee")  # too short to call a misspelling
    assert not introduced('"Yes," said Okonkwo. Then Ada Okafor left.', "Okonkwo")
    text = 'The Irish coach expects a test. "Yes," said Okonkwo.'
    assert described_by_role(text, 0, text.index("Okonkwo"))
    assert not described_by_role('Rain fell. "Yes," said Okonkwo.', 0, 25)


_SENTENCE_PIECES = st.sampled_from(['"', "”", ",", " ", "\xa0", "\x1c", "\u2028", "\t", "said", "says", "added", "told",
                           "that", "he", "she", "her", "is", "was", "has been", "a", "the", "former", "mayor",
                           "Wheeler", "McCann", "O’Neil", "Kautz", "but", "while", "²", "é", ".", "also"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=14).map(" ".join), st.lists(_SENTENCE_PIECES, max_size=14).map("".join))
def test_the_quick_tests_before_each_pattern_skip_only_sentences_it_cannot_match(spaced: str, packed: str) -> None:
    from newslint.text import names

    for sentence in (spaced, packed):
        every_pattern = [(m.group("name"), m.start("name")) for p in names._PATTERNS for m in p.finditer(sentence)
                         if not names._preceded_by_name_part(sentence, m.start("name"))]
        assert [(m.name, m.start) for m in person_mentions(sentence, 0, len(sentence))] == every_pattern


def test_name_phrases_of_a_long_text_holds_no_list_of_every_token() -> None:
    import tracemalloc

    from newslint.text.names import name_phrases

    text = " ".join(["The mayor said it."] * 100_000)  # 1.9 MB, 100,000 one-word runs
    tracemalloc.start()
    try:
        phrases = name_phrases(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(phrases) == 100_000 and phrases[0] == ("The",)
    assert peak < 5 * len(text)  # a list of every token took 16 times the text
