"""The similarity helpers: normalised words, shingles, containment, coverage, ShingleIndex."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.text.similarity import (
    MAX_OWNERS,
    Match,
    ShingleIndex,
    containment,
    coverage,
    covered_words,
    jaccard,
    normalise_words,
    shingles,
)


def test_normalise_words_folds_case_apostrophes_and_punctuation() -> None:
    assert normalise_words("“Don’t” STOP, the long-term plan!") == ("don't", "stop", "the", "long-term", "plan")
    assert normalise_words("Don't stop the long‑term plan") == normalise_words("don’t stop the long-term plan")


def test_normalise_words_keeps_accents_and_digits_and_unifies_compatibility_forms() -> None:
    assert normalise_words("Café ﬁnances rose 12% in 2004") == ("café", "finances", "rose", "12", "in", "2004")


def test_normalise_words_of_empty_or_punctuation_only_text() -> None:
    assert normalise_words("") == ()
    assert normalise_words(" -- ... \"\" ") == ()


def test_shingles_are_runs_of_n_words() -> None:
    assert shingles(["a", "b", "c", "d"], 3) == {("a", "b", "c"), ("b", "c", "d")}
    assert shingles(["a", "b", "c", "d"], 1) == {("a",), ("b",), ("c",), ("d",)}


def test_short_passage_is_one_shingle_and_empty_has_none() -> None:
    assert shingles(["a", "b"], 3) == {("a", "b")}
    assert shingles([], 3) == set()
    with pytest.raises(ValueError):
        shingles(["a"], 0)


def test_containment_is_asymmetric() -> None:
    short = shingles(normalise_words("pick and choose what laws they want to follow"))
    long = shingles(normalise_words("we cannot allow people to pick and choose what laws they want to follow"))
    assert containment(short, long) == 1.0
    assert 0.5 < containment(long, short) < 0.7
    assert containment(set(), long) == 0.0


def test_jaccard() -> None:
    a, b = {("x",), ("y",)}, {("y",), ("z",)}
    assert jaccard(a, b) == pytest.approx(1 / 3)
    assert jaccard(a, a) == 1.0
    assert jaccard(set(), set()) == 0.0


def test_one_changed_word_costs_coverage_of_one_word_only() -> None:
    original = normalise_words("the economy will grow by about three per cent in the coming year")
    edited = normalise_words("the economy will grow by about four per cent in the coming year")
    other = shingles(original)
    assert covered_words(edited, other) == [True] * 6 + [False] + [True] * 6
    assert coverage(edited, other) == pytest.approx(12 / 13)
    # The shingle measure loses three trigrams for the same change.
    assert containment(shingles(edited), other) == pytest.approx(8 / 11)


def test_coverage_of_unrelated_text_and_of_short_passages() -> None:
    other = shingles(normalise_words("shares rose sharply on the news"))
    assert coverage(normalise_words("the minister resigned on friday"), other) == 0.0
    assert coverage([], other) == 0.0
    assert coverage(["shares", "rose"], shingles(["shares", "rose"])) == 1.0
    assert coverage(["shares", "fell"], other) == 0.0


def test_coverage_is_the_share_of_words_covered_words_flags() -> None:
    # coverage counts without building the flags: the two must agree on every kind of overlap
    # (runs overlapping, adjacent, apart; passages shorter than a run; run sizes 1 to 4).
    rng = random.Random(7)
    for _ in range(5_000):
        n = rng.randrange(1, 5)
        words = [rng.choice("abc") for _ in range(rng.randrange(0, 12))]
        other = shingles([rng.choice("abc") for _ in range(rng.randrange(0, 12))], n)
        flags = covered_words(words, other, n)
        assert coverage(words, other, n) == (sum(flags) / len(flags) if flags else 0.0)


def test_index_finds_the_passage_that_covers_a_probe_best() -> None:
    index = ShingleIndex()
    index.add(1, normalise_words("The company said profits rose by a fifth last year."))
    index.add(2, normalise_words("Its chief executive said the results were very encouraging for everyone."))
    index.add(3, normalise_words("Analysts said the results were better than expected."))
    match = index.best_match(normalise_words("The results were very encouraging for everyone"))
    assert match == Match(2, 1.0, 7)
    assert 1 in index and 4 not in index


def test_index_exclude_and_no_match() -> None:
    index = ShingleIndex()
    index.add("a", normalise_words("one two three four"))
    index.add("b", normalise_words("one two three five"))
    assert index.best_match(normalise_words("one two three four"), exclude=["a"]) == Match("b", 0.75, 3)
    assert index.best_match(normalise_words("six seven eight")) is None
    assert index.best_match([]) is None


def test_exclude_may_be_a_range() -> None:
    index = ShingleIndex()
    for key in range(5):
        index.add(key, normalise_words(f"one two three {'four' if key % 2 else 'five'}"))
    probe = normalise_words("one two three four")
    assert index.best_match(probe, exclude=range(0, 2)) == index.best_match(probe, exclude=[0, 1]) == Match(3, 1.0, 4)


def test_a_run_votes_for_the_first_passages_that_hold_it_only() -> None:
    # Thousands of passages sharing runs cost a vote each per probe without the cap; a later
    # passage is found by the runs that fewer passages hold.
    index = ShingleIndex()
    for key in range(MAX_OWNERS + 10):
        index.add(key, normalise_words("the same words in every passage"))
    index.add("later", normalise_words("the same words in every passage and more"))
    assert index.best_match(normalise_words("the same words in every passage"), exclude=[0]) == Match(1, 1.0, 6)
    assert index.best_match(normalise_words("words in every passage and more")) == Match("later", 1.0, 6)


def test_adding_to_a_key_extends_its_passage() -> None:
    index = ShingleIndex(n=2)
    index.add("p", ["a", "b"])
    index.add("p", ["c", "d"])
    assert index.best_match(["a", "b", "c", "d"]) == Match("p", 1.0, 4)


def test_run_counts_count_repeats_within_and_across_passages() -> None:
    from newslint.text.similarity import run_counts

    counts = run_counts([("a", "b", "c", "a", "b", "c"), ("x", "a", "b", "c"), ("a", "b")])
    assert counts[("a", "b", "c")] == 3 and counts[("b", "c", "a")] == 1
    assert ("a", "b") not in counts  # a passage shorter than a run has none


@pytest.mark.parametrize("exact", [1_000_000, 50])
def test_repeated_hashes_holds_every_repeated_gram(exact: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Exact while the distinct grams are few; past EXACT_GRAMS a bit filter may let in a few
    # grams seen once, never leave out one seen twice.
    from newslint.text import similarity

    monkeypatch.setattr(similarity, "EXACT_GRAMS", exact)
    grams = [("a", str(i)) for i in range(300)] + [("a", "7"), ("b", "1"), ("a", "250"), ("b", "1")]
    found = similarity.repeated_hashes(grams, 64)
    assert {hash(("a", "7")), hash(("b", "1")), hash(("a", "250"))} <= found
    if exact > len(grams):
        assert found == {hash(("a", "7")), hash(("b", "1")), hash(("a", "250"))}


def test_segments_split_long_documents_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.document import Span
    from newslint.text import similarity

    spans = [Span(i * 10, i * 10 + 8) for i in range(10)]
    assert list(similarity.segments(spans)) == [range(0, 10)]  # any article: one run
    monkeypatch.setattr(similarity, "SEGMENT_CHARS", 25)
    assert list(similarity.segments(spans)) == [range(0, 2), range(2, 4), range(4, 6), range(6, 8), range(8, 10)]
    assert list(similarity.segments([])) == []


def test_a_copy_is_looked_for_within_its_segment(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.testing import findings
    from newslint.text import similarity

    lead = "Shares in Acme rose 5% on Monday after the firm beat forecasts for the quarter."
    filler = [f"Paragraph {i} tells the council's story at its own considerable length here." for i in range(6)]
    text = "Acme beats forecasts\n\n" + "\n\n".join([lead, *filler, lead]) + "\n"
    assert [d.line for d in findings(text, "NL402")] == [17]
    monkeypatch.setattr(similarity, "SEGMENT_CHARS", 200)  # the copy is 500 characters on
    assert findings(text, "NL402") == []


@settings(max_examples=400, derandomize=True)
@given(st.text(alphabet="abZ09'-_ .,\u2019", max_size=40))
def test_the_ascii_word_pattern_reads_ascii_text_as_the_general_one_does(text: str) -> None:
    # ASCII text takes a faster pattern; it must cut words exactly as the general one
    # (apostrophes and hyphens in any order between letters, never at a word's edge).
    from newslint.text import similarity

    if text.isascii():
        lowered = text.lower()
        assert similarity._ASCII_WORD.findall(lowered) == similarity._WORD.findall(lowered)


@settings(max_examples=400, derandomize=True)
@given(st.text(alphabet="abZ09'-_ .,\u2019", max_size=40))
def test_keywords_ascii_word_pattern_reads_ascii_text_as_the_general_one_does(text: str) -> None:
    from newslint.text import keywords

    if text.isascii():
        assert keywords.ASCII_WORD.findall(text) == keywords.WORD.findall(text)


def test_common_affixes_count_the_shared_start_then_the_shared_end() -> None:
    from newslint.text.similarity import common_affixes

    assert common_affixes(("a", "b", "x", "c"), ("a", "b", "y", "z", "c")) == (2, 1)
    assert common_affixes("abc", "abc") == (3, 0)  # the end's run never reaches back into the start's
    assert common_affixes("ab", "b") == (0, 1)
    assert common_affixes((), ("a",)) == (0, 0)
