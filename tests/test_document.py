"""The document model: structure, offsets and the awkward edges of real files."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document

SEEDS = Path(__file__).parent.parent / "seeds"


def texts(doc: Document, spans) -> list[str]:
    return [s.text(doc) for s in spans]


def test_headline_paragraphs_and_positions() -> None:
    doc = Document("Big news\n\nFirst paragraph here.\n\nSecond one.\n")
    assert doc.headline.text(doc) == "Big news"
    assert texts(doc, doc.paragraphs) == ["First paragraph here.", "Second one."]
    second = doc.paragraphs[1]
    assert doc.position(second.start) == (5, 1)
    assert doc.position(second.start + 7) == (5, 8)


def test_crlf_keeps_text_verbatim_and_counts_lines() -> None:
    raw = "Head\r\n\r\nOne.\r\nTwo.\r\n"
    doc = Document(raw)
    assert doc.text == raw
    assert texts(doc, doc.lines) == ["Head", "", "One.", "Two."]
    assert texts(doc, doc.paragraphs) == ["One.", "Two."]
    assert doc.position(raw.index("Two")) == (4, 1)


def test_bom_is_removed_and_remembered() -> None:
    doc = Document.from_bytes("\ufeffHead\n\nBody.".encode("utf-8"))
    assert doc.had_bom and doc.text == "Head\n\nBody."
    assert doc.headline.text(doc) == "Head"


def test_no_trailing_newline() -> None:
    doc = Document("Head\n\nLast line")
    assert texts(doc, doc.paragraphs) == ["Last line"]
    assert doc.position(len(doc.text)) == (3, 10)


def test_no_headline_when_line_two_is_text() -> None:
    doc = Document("Para one.\nPara two.\n")
    assert doc.headline is None
    assert texts(doc, doc.paragraphs) == ["Para one.", "Para two."]


def test_headline_standing_alone() -> None:
    doc = Document("Only a headline\n")
    assert doc.headline.text(doc) == "Only a headline" and doc.paragraphs == ()


def test_empty_and_blank_documents() -> None:
    for raw in ("", "\n\n", "   "):
        doc = Document(raw)
        assert doc.headline is None and doc.paragraphs == () and doc.sentences == ()
    assert Document("").position(0) == (1, 1)


def test_invalid_utf8_records_byte_offset() -> None:
    doc = Document.from_bytes(b"Head\n\nCaf\xe9 time")
    assert doc.decode_problem.byte_offset == 9
    assert "\ufffd" in doc.text


def test_sentences_respect_abbreviations_initials_and_numbers() -> None:
    doc = Document("H\n\nMr. Smith met Gov. Kate Brown in the U.S. on Monday. Profits rose 2.5% "
                   "to $3.1bn! Did John C. Bienvenu agree? \"Yes,\" he said.")
    assert texts(doc, doc.sentences) == [
        "Mr. Smith met Gov. Kate Brown in the U.S. on Monday.",
        "Profits rose 2.5% to $3.1bn!",
        "Did John C. Bienvenu agree?",
        "\"Yes,\" he said.",
    ]


def test_rupees_before_an_amount_end_no_sentence() -> None:
    # South Asian papers write amounts "Rs. 300 Mn": the stop is the abbreviation's.
    doc = Document("H\n\nThe group gave over Rs. 300 Mn in dry rations. Relief went out on Monday.")
    assert texts(doc, doc.sentences) == ["The group gave over Rs. 300 Mn in dry rations.", "Relief went out on Monday."]


@pytest.mark.parametrize("text, expected", [
    ("Wait.... Then it came. So... it went?! Yes", ["Wait....", "Then it came.", "So... it went?!", "Yes"]),
    ("It ended..." + "." * 50_000 + " Then more.", ["It ended..." + "." * 50_000, "Then more."]),
    ("." * 50_000, ["." * 50_000]),  # no sentence end: a run of dots followed by nothing
    ('He said "no!" Then "Yes." It was.', ['He said "no!"', 'Then "Yes."', "It was."]),
])
def test_runs_of_marks_end_a_sentence_once(text: str, expected: list[str]) -> None:
    # A run of marks is read from its first mark only (read from each, a long run of dots
    # took time quadratic in its length, for the same answer).
    doc = Document("H\n\n" + text)
    assert texts(doc, doc.sentences) == expected


def test_sentences_in_each_paragraph() -> None:
    doc = Document(next(SEEDS.glob("*.txt")).read_text(encoding="utf-8"))
    for p in doc.paragraphs:
        assert doc.sentences_in(p) == tuple(s for s in doc.sentences if p.start <= s.start < p.end)
    assert sum(len(doc.sentences_in(p)) for p in doc.paragraphs) == len(doc.sentences)


def test_sentences_never_cross_paragraphs() -> None:
    doc = Document("H\n\nOne without stop\n\nTwo.")
    assert texts(doc, doc.sentences) == ["One without stop", "Two."]
    assert texts(doc, doc.sentences_in(doc.paragraphs[1])) == ["Two."]


def test_quotations_straight_curly_and_unclosed() -> None:
    doc = Document('H\n\nHe said "we will win" and “they will lose”.\n\n"A quote running on\n\nends here."')
    quotes = doc.quotations
    assert [q.inner.text(doc) for q in quotes] == ["we will win", "they will lose", "A quote running on", "ends here."]
    assert [q.closed for q in quotes] == [True, True, False, True]
    assert [q.opened for q in quotes] == [True, True, True, False]
    assert quotes[0].span.text(doc) == '"we will win"'


def test_empty_quotation_pairs_are_left_out() -> None:
    # '""' quotes nothing; a run of marks must not become thousands of quotation objects.
    doc = Document('H\n\nHe said "" then "yes" and “”.\n\n' + '"' * 10_000)
    assert [q.inner.text(doc) for q in doc.quotations] == ["yes"]


def test_paragraph_index_of_an_offset() -> None:
    doc = Document("H\n\nFirst paragraph.\n\nSecond one.\n")
    first, second = doc.paragraphs
    assert [doc.paragraph_index(o) for o in (first.start, first.end - 1, second.start, second.end)] == [0, 0, 1, 1]


def test_paragraph_word_count_is_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.text.similarity as similarity

    doc = Document("H\n\nThe world’s biggest insurer took a £110m hit.\n\nTwo words.")
    assert doc.paragraph_word_count(0) == len(similarity.normalise_words(doc.paragraphs[0].text(doc))) == 8
    monkeypatch.setattr(similarity, "normalise_words", lambda text: pytest.fail("counted again"))
    assert doc.paragraph_word_count(0) == 8  # kept: the duplication rules ask once per copy


def test_words_keep_apostrophes_and_hyphens() -> None:
    doc = Document("H\n\nO'Brien's doubled-down e-mail cost £5m, café.")
    assert doc.words_in(doc.paragraphs[0]) == ["O'Brien's", "doubled-down", "e-mail", "cost", "5m", "café"]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds_parse(seed: Path) -> None:
    doc = Document(seed.read_text(encoding="utf-8"))
    assert doc.headline is not None and len(doc.paragraphs) >= 15
    for p in doc.paragraphs:
        assert doc.line_text(doc.line_of(p.start)).strip() == p.text(doc)


def test_site_is_given_or_the_folder(tmp_path: Path) -> None:
    from newslint.sources import Source, read_document

    path = tmp_path / "site-a" / "x.txt"
    path.parent.mkdir()
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")
    doc = read_document(Source(str(path)))
    assert isinstance(doc, Document) and doc.site == str(tmp_path / "site-a")
    given = read_document(Source(str(path), site="example.com"))
    assert isinstance(given, Document) and given.site == "example.com"
    assert Document("Headline\n\nBody.\n", "<text>").site == ""
    assert Document.from_bytes(b"Headline\n\nBody.\n", "a/b.txt", "example.org").site == "example.org"


def test_a_dump_of_short_lines_is_zoned_without_an_object_or_a_copy_per_line() -> None:
    text = "Council backs budget\n\n" + "".join(f"Line {i} here.\n" for i in range(5000))
    doc = Document(text, "dump.txt")
    assert len(doc.paragraph_texts) == 5000 and doc.paragraph_texts[-1] == "Line 4999 here."
    assert doc.paragraph_texts[:2] == ["Line 0 here.", "Line 1 here."]
    zones = doc.zones  # over 2,000 paragraphs: all story, no model
    assert len(zones) == 5000 and all(z.is_story for z in zones)
    assert len({id(z) for z in zones}) == 1  # one object for the equal zonings
    # A line with nothing to strip is its own paragraph, and a one-sentence paragraph its own
    # sentence: the same span object, not an equal one each.
    assert doc.paragraphs[5] is doc.lines[7]
    assert doc.sentences_in(doc.paragraphs[5]) == (doc.paragraphs[5],)
    assert doc.sentences_in(doc.paragraphs[5])[0] is doc.paragraphs[5]


@settings(max_examples=300, derandomize=True)
@given(st.text(alphabet="ab \t\u00a0\n.", max_size=60), st.integers(min_value=0, max_value=12))
def test_more_words_than_counts_as_split_does(text: str, limit: int) -> None:
    from newslint.document import more_words_than

    assert more_words_than(text, limit) == (len(text.split()) > limit)
