"""NL203 html-residue and NL204 invisible-characters: exceptions and fixes."""
from __future__ import annotations

import pytest

from newslint.rule import FixSafety
from newslint.testing import findings

HEAD = "Markets rally\n\n"


def codes(body: str, code: str) -> list[str]:
    return [d.code for d in findings(HEAD + body + "\n", code)]


def fixed(body: str, code: str) -> str:
    """Apply every fix of ``code``'s findings to the body (edits do not overlap here)."""
    text = HEAD + body
    edits = sorted((e for d in findings(text, code) if d.fix for e in d.fix.edits),
                   key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[:e.start] + e.replacement + text[e.end:]
    return text[len(HEAD):]


@pytest.mark.parametrize("body", [
    "Profits &amp; losses rose.", "It cost &pound;5m.", "He said &#8220;no&#8221;.",
    "Prices&nbsp;fell.", "The <strong>deal</strong> was signed.", "<p>Shares rose.</p>",
    '<a href="https://example.com/story">Read</a> the report.', "[embed]https://example.com/v[/embed]",
    "[gallery ids=\"1,2,3\"]", "function() { return false; } var x = 1;",
    ".story-body { color: red; } @media print { a { color: black; } }",
])
def test_html_residue_is_reported(body: str) -> None:
    assert "NL203" in codes(body, "NL203")


@pytest.mark.parametrize("body", [
    "AT&T and M&S results were strong.", "R&B and Q&A sessions sold out.",
    "The &foo; code is unknown to HTML.", "If x < y and y > z then x < z.",
    "The <unknown> tag is not HTML.", "He said [the ruling party] would win [sic].",
    "Children write a JavaScript function in class.", "Use the window. Then the door.",
    "Email me at news@example.com; tweet #news.",
])
def test_html_residue_exceptions(body: str) -> None:
    assert codes(body, "NL203") == []


@pytest.mark.parametrize("body,expected", [
    ("Profits &amp; losses rose.", "Profits & losses rose."),
    ("A communiqu&#233; and a caf&#xE9;.", "A communiqué and a café."),
    ("Prices&nbsp;fell.", "Prices fell."),
    ("Leaders met.<br/>They agreed.", "Leaders met.They agreed."),
    ("one<br>two", "one two"),
    ("The <b>deal</b> was signed.", "The deal was signed."),
])
def test_html_residue_fix(body: str, expected: str) -> None:
    assert fixed(body, "NL203") == expected


def test_html_residue_is_off_by_default() -> None:
    text = HEAD + "Profits &amp; losses.\n"
    assert "NL203" not in [d.code for d in findings(text)]  # the default set
    assert [d.code for d in findings(text, "NL203")] == ["NL203"]  # selected by its code


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066",
                                  "\x07", "\x85", "\u2028", "\ufffd", "\u200e"])
def test_invisible_characters_are_reported(char: str) -> None:
    assert codes(f"The vote{char} passed.", "NL204") == ["NL204"]


def test_marks_are_fine_in_right_to_left_text() -> None:
    assert codes("The word \u05e9\u05dc\u05d5\u05dd\u200f means peace.", "NL204") == []


@pytest.mark.parametrize("body,expected", [
    ("The Trump\u200b administration.", "The Trump administration."),
    ("The vote\x0bpassed.", "The vote passed."),
    ("The vote \x0b passed.", "The vote  passed."),
    ("Inter\u00adnational law.", "International law."),
])
def test_invisible_characters_fix(body: str, expected: str) -> None:
    assert fixed(body, "NL204") == expected


def test_replacement_character_has_no_fix() -> None:
    (finding,) = findings(HEAD + "Caf\ufffd society.\n", "NL204")
    assert finding.fix is None and "replacement character" in finding.message


def test_mojibake_control_bytes_are_left_to_the_mojibake_rule() -> None:
    latin1_mojibake = "The caf\u00e9\u2019s owner".encode("utf-8").decode("latin-1")
    assert "\x80" <= latin1_mojibake[-9] <= "\x9f" or any("\x80" <= c <= "\x9f" for c in latin1_mojibake)
    assert codes(latin1_mojibake + " said.", "NL204") == []
    assert codes("He didn\x92t vote.", "NL204") == []  # Windows-1252 read as Latin-1
    assert codes("The vote\x85 passed.", "NL204") == ["NL204"]  # a lone C1 control is still reported


def _nl203_check():
    from newslint.registry import load_rules

    return next(r for r in load_rules(plugins=False).rules if r.code == "NL203").check


def test_nl203_reports_a_paragraph_in_order_of_position() -> None:
    from newslint.document import Document

    check = _nl203_check()
    text = HEAD + 'Cost &pound;5 <b>each</b> [caption id="1"]x[/caption] and &#233;t&eacute; <br/> too.\n'
    starts = [f.start for f in check(Document(text, "a.txt"), {})]
    assert len(starts) == 8 and starts == sorted(starts)


def test_nl203_decodes_only_the_entities_it_reports(monkeypatch) -> None:
    import html
    import itertools

    from newslint.document import Document

    check = _nl203_check()
    decoded = []
    unescape = html.unescape
    monkeypatch.setattr(html, "unescape", lambda text: decoded.append(text) or unescape(text))
    doc = Document(HEAD + "&amp; " * 50_000 + "\n", "a.txt")
    first = list(itertools.islice(check(doc, {}), 10))  # as the runner stops at its findings budget
    assert len(first) == 10 and len(decoded) < 100


@pytest.mark.parametrize("word", [
    "\u0dc3\u0dde\u0d9b\u0dca\u200d\u0dba",          # Sinhala සෞඛ්‍ය: a joiner after the al-lakuna, before a letter
    "\u0db4\u200d\u0dca\u200d\u0dbb",                # Sinhala ප‍්‍ර, the older encoding: a joiner on each side
    "\u0b9a\u0bc1\u0bb0\u0b95\u0bcd\u200c\u0bb7\u0bbe",  # Tamil சுரக்‌ஷா: a non-joiner after the pulli
    "\u0915\u094d\u200d\u0937",                      # Devanagari क्‍ष: a half form
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian می‌خواهم
])
def test_joiners_that_spell_a_word_are_fine(word: str) -> None:
    assert codes(f"{word} {word}.", "NL204") == []


@pytest.mark.parametrize("word", [
    "\u0d9a\u0dbb\u0db1\u0dc0\u0dcf\u200d",          # Sinhala: a joiner after a vowel sign, at the word's end
    "\u0d9a\u0dca\u200d",                            # Sinhala: after the al-lakuna but before no letter
    "\u0b95\u0bbe\u200c\u0bb7",                      # Tamil: a non-joiner after a vowel sign
])
def test_stray_joiners_in_brahmic_scripts_are_reported(word: str) -> None:
    # lk-news-si: stray joiners next to Sinhala letters, once all let go as spelling.
    assert codes(f"{word} is here.", "NL204") == ["NL204"]


@pytest.mark.parametrize("text, reported", [
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u0631\u0648\u0645.", False),  # می‌خواهم: between letters
    ("\u06a9\u062a\u0627\u0628\u200c \u062e\u0648\u0628.", True),          # a non-joiner before a space
    ("\u06a9\u062a\u0627\u0628\u060c\u200c \u062e\u0648\u0628.", True),    # after a comma
    ("\u0645\u06cc\u200c\u200c\u0634\u0648\u062f.", True),                 # doubled
    ("\u0645\u06cc\u200e\u0634\u0648\u062f.", True),                       # a direction mark between letters
    ("\u0633\u0627\u0644 2020\u200f \u0628\u0648\u062f.", False),          # a direction mark after a number
    ("\u0641 \u200d\u0645\u0624\u062a\u0645\u0631.", False),               # a joiner asking for a joined form
])
def test_joiners_and_marks_in_persian(text: str, reported: bool) -> None:
    # farsnews-fa: stray non-joiners (beside a space or a stop) and direction marks typed for one.
    assert codes(text, "NL204") == (["NL204"] if reported else [])


def test_private_use_characters_are_reported_with_an_unsafe_fix() -> None:
    # lk-news-ta: a budget speech pasted from Word, each bulleted line opening with U+F0D8
    # (a Wingdings arrow), which other fonts show as a box or not at all.
    (finding,) = findings(HEAD + "\uf0d8 Rural roads will be repaired this year.\n", "NL204")
    assert finding.message == ("private-use character (a font's own symbol, a box or nothing in other fonts): "
                               "U+F0D8 private use")
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    assert codes("The \ue000 icon.", "NL204") == ["NL204"]
    assert codes("Rural roads will be repaired this year.", "NL204") == []


def test_a_lines_stray_characters_are_one_finding_a_kind_whose_fix_removes_them_all() -> None:
    # farsnews-fa: an article with a stray non-joiner after almost every word made one finding a
    # word (1,344 on 362 lines); a line is now reported once for each kind of character.
    text = "\u0645\u0646\u200c \u0648\u200c \u062a\u0648\u200c \u0627\u06cc\u0646\u062c\u0627 \ufffd\u0647\u0633\u062a\u06cc\u0645."
    joiners, lost, other_line = findings(HEAD + text + "\nThe vote\u200b passed.\n", "NL204")
    assert joiners.message == "invisible character (3 on this line): U+200C ZERO WIDTH NON-JOINER"
    assert (joiners.line, joiners.column) == (3, 3) and len(joiners.fix.edits) == 3
    # the replacement character is a kind of its own (no fix), reported on the same line apart
    assert lost.line == 3 and lost.message.startswith("replacement character") and lost.fix is None
    assert other_line.line == 4 and other_line.message == "invisible character: U+200B ZERO WIDTH SPACE"
    assert fixed(text, "NL204") == text.replace("\u200c", "")
