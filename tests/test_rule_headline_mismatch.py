"""NL101 headline-mismatch: swapped headlines, reworded headlines, and what is not judged."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import findings
from newslint.text.keywords import is_content_word, key_terms, stem

SEEDS = Path(__file__).parent.parent / "seeds"
BODY = ("Thousands of commuters faced delays on Monday after a signal failure at Waterloo station "
        "halted trains across the south of England. Network Rail said engineers worked through the "
        "night to repair the signals, and that most services would run normally by the evening. "
        "Passengers described crowded platforms and cancelled trains, and the rail operator said "
        "tickets would be accepted on buses. The signal failure was the third at Waterloo this year.")


def codes(headline: str, body: str = BODY) -> list[str]:
    return [d.code for d in findings(f"{headline}\n\n{body}\n", "NL101")]


@pytest.mark.parametrize("headline", [
    "Signal failure halts Waterloo trains",   # same words
    "Commuter chaos at Waterloo",             # one rare shared word is enough
    "Rail signals fail again",                # stems: signals/signal, fail/failure is not needed
])
def test_headline_about_the_body_is_not_reported(headline: str) -> None:
    assert codes(headline) == []


@pytest.mark.parametrize("headline", [
    "KXIP vs KKR Live Score",
    "Chelsea sign Brazilian striker for 30m",
    "Oscars: best actress shortlist revealed",
])
def test_unrelated_headline_is_reported(headline: str) -> None:
    assert codes(headline) == ["NL101"]


def test_message_names_what_the_body_is_about() -> None:
    (finding,) = findings(f"KXIP vs KKR Live Score\n\n{BODY}\n", "NL101")
    assert finding.message.startswith("headline shares no key terms with the body; the body is about: ")
    assert "waterloo" in finding.message and "signal" in finding.message


def test_seeds() -> None:
    reported = [(Path(d.path).name, d.line) for d in
                findings((SEEDS / "004_3b5494c6a4fd2310.txt").read_text(encoding="utf-8"), "NL101")]
    assert reported == [("<text>", 1)]
    assert findings((SEEDS / "000_e85ab3766c75165b.txt").read_text(encoding="utf-8"), "NL101") == []


def test_not_judged_without_enough_text() -> None:
    assert codes("KXIP vs KKR Live Score", "Trains were delayed at Waterloo on Monday.") == []  # short body
    assert codes("The and of it", BODY) == []  # no content word in the headline
    assert findings(BODY + "\n", "NL101") == []  # no headline


def test_threshold_option(tmp_path: Path) -> None:
    from newslint.runner import lint_paths

    (tmp_path / "a.txt").write_text(f"Chelsea sign Brazilian striker for 30m\n\n{BODY}\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        "[rules.headline-mismatch]\nthreshold = 0.0\nnames-threshold = 0.0\nsemantic = false\n")
    assert lint_paths([str(tmp_path)], jobs=1, select=["NL101"]).diagnostics == []


def test_keyword_helpers() -> None:
    assert stem("cities") == stem("city") and stem("mayors") == stem("mayor")
    assert stem("Sanctuary's") == stem("sanctuaries")
    assert not is_content_word("the") and not is_content_word("2017") and is_content_word("sanctuary")
    assert key_terms([BODY], 3) == ["signal", "waterloo", "trains"]


@pytest.mark.parametrize("headline", [
    "Yukos bosses face delays in court",  # shares "delays" only, and names a firm the body lacks
    "Savoy hotel guests face delays",
])
def test_weak_overlap_and_a_name_the_body_lacks_is_reported(headline: str) -> None:
    (finding,) = findings(f"{headline}\n\n{BODY}\n", "NL101")
    assert finding.message.startswith("headline names '")
    assert "which the body never mentions" in finding.message


def test_names_threshold_zero_judges_by_overlap_alone() -> None:
    from newslint.document import Document
    from newslint.rules.headline_mismatch import RULE

    doc = Document(f"Yukos bosses face delays in court\n\n{BODY}\n")
    assert list(RULE.check(doc, RULE.options))
    assert list(RULE.check(doc, {**RULE.options, "names-threshold": 0, "semantic": False})) == []


@pytest.mark.parametrize("headline, expected", [
    ("Yukos bosses face delays", ["Yukos"]),
    ("Commuters face delays at Waterloo", []),            # named in the body
    ("Turkish rail delays at Waterloo", []),              # no: "Turkish" is checked against the body
    ("'Gremlin' delays trains", []),                      # quoted: a nickname or a phrase
    ("TOTP crew faces delays", []),                       # an abbreviation the body may spell out
    ("Mystery delays at Waterloo", []),                   # an ordinary first word
    ("Yukos Bosses Face Gloom and Delays", []),           # Title Case: case says nothing
    ("Japanese Growth Grinds to a Halt", []),             # Title Case with small words in lower case
])
def test_missing_names(headline: str, expected: list[str]) -> None:
    from newslint.document import Document
    from newslint.rules.headline_mismatch import missing_names

    body = BODY.replace("the south of England", "the south of England and Turkey")
    assert missing_names(Document(f"{headline}\n\n{body}\n")) == expected


@pytest.mark.parametrize("suffix", [" | Fox News", " - The Washington Post", " — BBC Sport", " - nytimes.com"])
def test_a_site_name_after_the_headline_does_not_count_against_it(suffix: str) -> None:
    assert codes("Signal failure halts Waterloo trains" + suffix) == []
    assert codes("Chelsea sign Brazilian striker for 30m" + suffix) == ["NL101"]


@pytest.mark.parametrize("headline, expected", [
    ("Trump demands documents | Fox News", ["Trump demands documents | Fox News", "Trump demands documents"]),
    ("Budget row - The Washington Post", ["Budget row - The Washington Post", "Budget row"]),
    ("Rates rise - nytimes.com", ["Rates rise - nytimes.com", "Rates rise"]),
    ("Brexit - the facts", ["Brexit - the facts"]),  # lower case after the dash: the headline's own
    ("Waterloo | Trains", ["Waterloo | Trains"]),       # one word would be left: not a suffix
])
def test_headline_variants(headline: str, expected: list[str]) -> None:
    from newslint.rules.headline_mismatch import headline_variants

    assert headline_variants(headline) == expected


def test_a_byline_before_the_story_is_not_taken_as_its_lead() -> None:
    from newslint.document import Document
    from newslint.rules.headline_mismatch import RULE, overlap

    first, second = BODY.split(". ", 1)
    plain = Document(f"Network Rail engineers work overnight\n\n{first}.\n\n{second}\n")
    bylined = Document(f"Network Rail engineers work overnight\n\nBy Jane Smith, transport reporter\n\n"
                       f"{first}.\n\n{second}\n")
    assert overlap(bylined, RULE.options) == overlap(plain, RULE.options)


semantic = pytest.mark.skipif(
    not __import__("newslint.text.embeddings", fromlist=["available"]).available(),
    reason="the newslint[semantic] extra is not installed")


SWAPPED = Path(__file__).parent / "fixtures" / "rules" / "NL101" / "bbc-same-section-headline-over-pension-story.txt"


@semantic
def test_a_headline_sharing_words_but_not_meaning_is_reported_by_meaning() -> None:
    """A headline from another business story ("Japan turns to beer alternatives" over a story
    about a US pension fund deficit) shares enough words to pass the overlap test; the sentence
    model sees that it says something else."""
    from newslint.document import Document
    from newslint.rules.headline_mismatch import RULE

    doc = Document(SWAPPED.read_text(encoding="utf-8"))
    assert list(RULE.check(doc, {**RULE.options, "semantic": False})) == []
    (finding,) = RULE.check(doc, RULE.options)
    assert finding.message.startswith("headline means something other than the story's opening "
                                      "(similarity in meaning 0.")
    assert "+ overlap 0.23 / 2 = " in finding.message and "< 0.38)" in finding.message


@semantic
def test_semantic_similarity_is_high_for_the_real_headline_and_low_for_a_swapped_one() -> None:
    from newslint.document import Document
    from newslint.rules.headline_mismatch import semantic_similarity

    doc = Document(f"Signal failure halts Waterloo trains\n\n{BODY}\n")
    real = semantic_similarity(doc, "Signal failure halts Waterloo trains", 2)
    swapped = semantic_similarity(doc, "Chelsea sign Brazilian striker for 30m", 2)
    assert real is not None and swapped is not None and real > 0.5 > 0.2 > swapped
    assert semantic_similarity(Document("Headline\n\nToo short.\n"), "Headline", 2) is None


@semantic
@pytest.mark.parametrize("headline", [
    "Commuters stranded as Waterloo signals break down",
    "Passengers face crowded platforms after rail breakdown",
    "Third signal fault of the year hits Waterloo",
])
def test_a_reworded_headline_with_the_same_meaning_is_not_reported(headline: str) -> None:
    assert codes(headline) == []


@semantic
def test_semantic_options(tmp_path: Path) -> None:
    from newslint.runner import lint_paths

    (tmp_path / "a.txt").write_bytes(SWAPPED.read_bytes())
    assert len(lint_paths([str(tmp_path)], jobs=1, select=["NL101"]).diagnostics) == 1
    for setting in ("semantic = false", "semantic-threshold = 0.0\nsemantic-names-threshold = 0.0"):
        (tmp_path / "newslint.toml").write_text(f"[rules.headline-mismatch]\n{setting}\n")
        assert lint_paths([str(tmp_path)], jobs=1, select=["NL101"]).diagnostics == []


def test_opening_sentences_pass_over_bylines_and_fragments() -> None:
    from newslint.document import Document
    from newslint.rules.headline_mismatch import opening_sentences

    doc = Document(f"Trains delayed\n\nBy Jane Smith, transport reporter\n\n{BODY} He agreed. Yes.\n")
    assert opening_sentences(doc) == [s + "." for s in BODY[:-1].split(". ")]  # no byline, no "Yes."
    longer = Document(f"Trains delayed\n\n{BODY}\n\n{BODY}\n")
    assert len(opening_sentences(longer)) == 5


@semantic
def test_a_name_the_body_lacks_lowers_the_bar_for_meaning() -> None:
    """"Low-cost airlines hit Eurotunnel" over the Asian Development Bank's estimate of the
    tsunami's cost to Asia: its meaning is not far enough off on its own, but it names a firm
    the body never mentions."""
    from newslint.document import Document
    from newslint.rules.headline_mismatch import RULE

    doc = Document((SWAPPED.parent / "bbc-headline-naming-what-the-body-lacks.txt").read_text(encoding="utf-8"))
    (finding,) = RULE.check(doc, RULE.options)
    assert finding.message.startswith("headline names 'Eurotunnel', which the body never mentions, and means "
                                      "something other than the story's opening")
    assert "< 0.48)" in finding.message
    assert list(RULE.check(doc, {**RULE.options, "semantic-names-threshold": 0.0})) == []


def test_a_headline_in_a_script_without_spaces_is_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thai puts no spaces between words (only between phrases): the headline's runs of letters
    are not words the body can share, though both tell that tests confirmed whose body was
    found in the Mekong. Judged, it would be reported."""
    import newslint.rules.headline_mismatch as module
    from newslint.text.keywords import mostly_unspaced

    headline = "ตำรวจยืนยันผลตรวจดีเอ็นเอ"  # "Police confirm DNA test results"
    body = " ".join(["เจ้าหน้าที่ ได้ รับ ผล การ ตรวจ พิสูจน์ ศพ ที่ พบ ใน แม่น้ำโขง แล้ว และ ยืนยัน ว่า "
                     "เป็น ผู้ ที่ หายตัว ไป"] * 3)
    assert mostly_unspaced(headline) and mostly_unspaced("東京で地震") and mostly_unspaced("北京举行会议")
    assert not mostly_unspaced("KXIP vs KKR Live Score") and not mostly_unspaced("Café owner wins award")
    assert not mostly_unspaced("Tokyo 東京 hosts the Olympic Games opening ceremony")  # mostly Latin
    assert codes(headline, body) == []
    monkeypatch.setattr(module, "mostly_unspaced", lambda text: False)
    assert codes(headline, body) == ["NL101"]
