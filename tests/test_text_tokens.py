"""newslint.text.tokens: letter-junk-rest shapes, notation, word frequency."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.text.tokens import english_zipf, find_splices, looks_like_notation


def shapes(text: str) -> list[tuple[str, str, str, str]]:
    """(head, junk, tail, covered text) of every splice shape in ``text``."""
    return [(s.head_text, s.junk_text, s.tail_text, text[s.head.start:s.tail.end]) for s in find_splices(text)]


@pytest.mark.parametrize("text, expected", [
    ('"R$3 ecipient', [("R", "$3", "ecipient", "R$3 ecipient")]),
    ("an e8*conomist", [("e", "8*", "conomist", "e8*conomist")]),
    ("loss-m24# aking", [("m", "24#", "aking", "m24# aking")]),
    ("the G8 summit", [("G", "8", "summit", "G8 summit")]),  # a shape; the rule decides
    ("R$3 ECIPIENT", [("R", "$3", "ECIPIENT", "R$3 ECIPIENT")]),
    ("R$3bn", [("R", "$3", "bn", "R$3bn")]),
    ("US$3 billion", [("US", "$3", "billion", "US$3 billion")]),  # the rule passes it: notation
    ("eco8* nomist", [("eco", "8*", "nomist", "eco8* nomist")]),
    ("govern#ment", [("govern", "#", "ment", "govern#ment")]),  # longer heads are shapes too
    ("TheUS$3 billion", [("TheUS", "$3", "billion", "TheUS$3 billion")]),  # the rule passes it  # a shape too: "bn" is a word, so the rule passes it
])
def test_shapes_are_found(text: str, expected: list) -> None:
    assert shapes(text) == expected


@pytest.mark.parametrize("text", [
    "AT&T results",  # ("Yahoo! said" is a shape since longer heads count; the rule passes it)
    "F-16 jets", "Covid-19 cases", "e-mail", "O'Brien",
    "1. e4 e5",  # the rest must be letters only
    "x2 y",  # the rest needs two letters
    "R&amp;D",  # an HTML entity
    "https://example.com/a1b2 site", "www.a1site.org", "mail a@bbc.co.uk", "#G8summit", "@U2fans",
])
def test_non_shapes(text: str) -> None:
    assert shapes(text) == []


def test_spans_cover_the_junk_and_its_space() -> None:
    [splice] = find_splices("x R$3 ecipient")
    assert (splice.head.start, splice.junk.start, splice.junk.end, splice.tail.start) == (2, 3, 6, 6)
    assert splice.joined == "Recipient"


@pytest.mark.parametrize("head, junk, expected", [
    ("G", "8", True), ("M", "25", True), ("R", "$3", True), ("A", "$", True), ("C", "#", True),
    ("c", "#", True), ("C", "++", True), ("A", "*", True), ("w", "/", True),
    ("US", "$3", True), ("HK", "$", True), ("MI", "6", True), ("ITV", "1", True),
    ("p", "$4", False), ("s", "3$6", False), ("t", "44", False), ("e", "8*", False), ("R", "$3#", False),
    ("ABC", "+", True), ("govern", "#", False), ("Minis", "#", False),  # a symbol after a word is junk
])
def test_looks_like_notation(head: str, junk: str, expected: bool) -> None:
    assert looks_like_notation(head, junk) is expected


def test_english_zipf() -> None:
    assert english_zipf("recipient") > 3 > english_zipf("ecipient") == 0.0
    assert english_zipf("Recipient") == english_zipf("recipient")
    assert 0 < english_zipf("keaveney") < 2  # the large list knows rarer names


def test_english_zipf_is_wordfreq_s_zipf_frequency() -> None:
    # Words a list does not hold skip wordfreq's tokenizer: the answer must not change.
    import re
    from pathlib import Path

    import wordfreq

    from newslint.text import keywords

    seeds = Path(__file__).parent.parent / "seeds"
    words = {w for p in seeds.glob("*.txt") for w in re.findall(r"\w+", p.read_text(encoding="utf-8"))}
    words |= {w.lower() for w in words} | {"kalomivic", "qwerto", "don't", "café", "abc123", "straße", ""}
    for wordlist in ("small", "best"):
        assert [keywords.english_zipf(w, wordlist) for w in sorted(words)] == \
            [wordfreq.zipf_frequency(w, "en", wordlist=wordlist) for w in sorted(words)]


@pytest.mark.parametrize("seed", range(10))
def test_shapes_inside_addresses_are_skipped_as_when_each_was_read_around(seed: int) -> None:
    # The runs holding an address are found once; reading the run around each shape again (as
    # before) must skip the same shapes.
    import random

    from newslint.text import tokens

    def chunk_holds_address(text: str, start: int, end: int) -> bool:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        return tokens._URL_OR_EMAIL.search(text[start:end]) is not None

    pieces = ["R$3 ecipient", "e8*conomist", "https://", "www.", "x.com", "a@b.co", ".uk", " ", "-", "\u00a0",
              "\x1c", "govern#ment", "site", "/"]
    rng = random.Random(seed)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        every = [m for m in tokens._SPLICE.finditer(text) if not ("&" in m["junk"] and text[m.end():m.end() + 1] == ";")]
        expected = [m.span() for m in every if not chunk_holds_address(text, m.start(), m.end())]
        assert [(s.head.start, s.tail.end) for s in find_splices(text)] == expected, text


@settings(max_examples=600, derandomize=True)
@given(st.text(alphabet="abXY09$@#*%&^~+=/\\|<>_!?.,'- \t\n", max_size=30))
def test_the_ascii_splice_gate_matches_ascii_text_where_the_general_one_does(text: str) -> None:
    # find_splices tests ASCII text with a faster pattern; a text it passes over must have no
    # splice the general pattern would have let through (letters of both cases, every junk
    # character, spaces).
    from newslint.text import tokens

    assert [m.span() for m in tokens._ASCII_LETTER_THEN_JUNK.finditer(text)] == \
        [m.span() for m in tokens._LETTER_THEN_JUNK.finditer(text)]


def test_the_ascii_splice_gate_finds_the_seed_s_splice() -> None:
    from newslint.text import tokens

    assert tokens._ASCII_LETTER_THEN_JUNK.search('"R$3 ecipient jurisdictions that fail"')
    assert [s.joined for s in find_splices('"R$3 ecipient jurisdictions"')] == ["Recipient"]
