"""Words written with combining marks are one word each, in every word pattern."""
from __future__ import annotations

import unicodedata

import pytest

from newslint.document import Document
from newslint.text import marks
from newslint.text.keywords import WORD
from newslint.text.similarity import normalise_words

TAMIL = "பருத்தித்துறை கடலில் கைது செய்யப்பட்ட 10 இந்திய மீனவர்களும் நிபந்தனைகளுடன் விடுதலை!"
HINDI = "प्रधानमंत्री ने संसद में बजट पेश किया।"
DECOMPOSED = unicodedata.normalize("NFD", "Le café de la Défense a fermé.")


@pytest.mark.skipif(unicodedata.unidata_version != marks.UNICODE_VERSION, reason="another Unicode version")
def test_the_written_out_ranges_are_unicodes_marks() -> None:
    assert marks.mark_ranges() == marks._RANGES


@pytest.mark.parametrize("text, count", [(TAMIL, 9), (HINDI, 7), (DECOMPOSED, 7)])
def test_a_word_with_marks_is_one_word(text: str, count: int) -> None:
    headline = text.rstrip("!.।")
    doc = Document(headline + "\n\nA paragraph.\n")
    assert len(doc.words_in(doc.headline)) == count  # type: ignore[arg-type]
    assert len(normalise_words(text)) == count
    assert len(WORD.findall(text)) == count


def test_text_without_marks_is_cut_as_before() -> None:
    doc = Document("Jean-Luc Picard's ship isn't due back until 2026, the crew said\n\nBody.\n")
    assert doc.words_in(doc.headline) == [  # type: ignore[arg-type]
        "Jean-Luc", "Picard's", "ship", "isn't", "due", "back", "until", "2026", "the", "crew", "said"]


def test_a_tamil_headline_is_no_paragraph_for_headline_problem() -> None:
    # lk-news-ta: a headline of 9 words was counted as 31 (cut at every vowel sign and virama)
    # and reported as a paragraph used as the headline.
    from newslint.testing import findings
    body = "இந்திய மீனவர்கள் பத்து பேர் நிபந்தனைகளுடன் விடுதலை செய்யப்பட்டனர் என்று நீதிமன்றம் தெரிவித்தது."
    assert findings(TAMIL + "\n\n" + body + "\n\n" + body + "\n", "NL504") == []


def test_joiners_inside_words_keep_them_whole() -> None:
    # lk-news-si: NL101's key terms cut "සෞඛ්‍ය" (health) at its joiner.
    text = "\u0dc3\u0dde\u0d9b\u0dca\u200d\u0dba \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 Trump"
    assert WORD.findall(text) == ["\u0dc3\u0dde\u0d9b\u0dca\u200d\u0dba", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "Trump"]
    assert len(normalise_words(text)) == 3
