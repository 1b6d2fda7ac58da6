"""NL204 invisible-characters: invisible, control or bidirectional-override characters in the text.

## What it does
Reports characters a reader cannot see but software does: C0 and C1 control characters (other
than tab and line breaks), zero-width spaces and joiners, word joiners, a byte-order mark inside
the text, soft hyphens, Unicode line and paragraph separators, the bidirectional controls
(U+202A–U+202E, U+2066–U+2069), and private-use characters, which only one font shows.

## Why is this bad?
They survive copy and paste from web pages and break what a dataset is for: "Trump" with a
zero-width space inside no longer matches "Trump" in search, deduplication or a tokenizer's
vocabulary, and a line separator splits a paragraph for one tool but not another. Bidirectional
controls are also a security concern: they can reorder what a reader sees so that the displayed
text differs from the stored text ("Trojan Source").

Exceptions made on purpose:
- A zero-width joiner between two emoji (family and profession emoji) or next to a letter of a
  script whose letters join (Arabic, Persian, Syriac: it asks for the letter's joined form), a
  single zero-width non-joiner between two letters of such a script ("می‌خواهم"), and either
  one, in the Brahmic scripts (the Indic ones, Sinhala, Myanmar, Khmer), between the virama
  that makes a conjunct and a letter ("க்‌ஷ", "ක්‍ෂ", the older "ප‍්‍ර"), are part of correct
  spelling there. Elsewhere in those scripts (after a vowel sign, at a word's end, a non-joiner
  beside a space or a stop, doubled) one is stray and is reported. (Until
  2026-12-05 any joiner next to a letter of those scripts was let go: a held-out Sinhala source
  had 46 stray ones missed, while the 5,066 beside an al-lakuna are spelling; a held-out Persian
  source had some 230 lines with a non-joiner before a space or a stop missed, while its 7,000
  non-joiners between letters are spelling.)
- Left-to-right and right-to-left marks (U+200E, U+200F) are reported only in articles with no
  right-to-left letters, where they have nothing to do, or between two letters, where they have
  nothing to order either ("می‎شود", a mark typed where Persian wants a non-joiner: 76 lines
  of the Persian source).
- A C1 control character right after "Â", "Ã", "â", "€" and the like, or inside a word
  ("didn\x92t"), is a byte of text decoded with the wrong codec (mojibake): NL201 reports and
  repairs that, so this rule stays out of its way.
- U+FFFD (the replacement character) is reported as well: it marks text already lost in an
  earlier decoding. Its fix is left to you, since the lost character cannot be known.
- So are private-use characters (U+E000–U+F8FF): a font's own symbols, such as Word's Wingdings
  bullets pasted as text or an icon font's share buttons, which any other font shows as a box or
  not at all. Their fix (unsafe: what the font drew is not known) removes them. Added on
  2026-12-05 after a held-out Tamil source (a budget speech's 120 bulleted lines, U+F0D8); no
  other labelled set holds one.

A line is reported once for each kind of character (invisible, private-use, replacement): the
finding points at the first one and says how many the line holds ("invisible character (3 on
this line): U+200C ZERO WIDTH NON-JOINER"), and its fix removes them all. (Until 2026-12-05 each
run was a finding of its own: a Persian source with a stray non-joiner after almost every word
had 1,344 findings on 362 lines.)

The fix (safe) deletes the invisible characters; a control character standing between two words
becomes a space so the words stay apart.

## Example
```
Officials said the Trump[U+200B] administration would appeal.
```
(shown here with a visible marker where a zero-width space U+200B follows "Trump")

## Use instead
```
Officials said the Trump administration would appeal.
```

## Options
None.
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator


from newslint.document import Document
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.patterns import lazy_re, lazy_regex

_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_ZERO_WIDTH = r"\u200b\u200c\u200d\u2060-\u2064\ufeff\u00ad"
_BIDI = r"\u202a-\u202e\u2066-\u2069"
_SEPARATORS = r"\u2028\u2029"
_MARKS = r"\u200e\u200f"
# The Basic Multilingual Plane's private-use area: a font's own symbols (Word's Wingdings
# bullets, an icon font's share buttons), which another font shows as a box or not at all.
_PRIVATE = "\ue000-\uf8ff"
# A plain class of code points: `re` scans a whole article for it in well under half the time.
_SUSPECT = lazy_re(f"[{_CONTROLS}{_ZERO_WIDTH}{_BIDI}{_SEPARATORS}{_MARKS}{_PRIVATE}\ufffd]+")
# Scripts whose letters join: a joiner or non-joiner between them shapes a letter (Arabic,
# Persian, Syriac).
_JOINING_SCRIPT = lazy_regex(r"[\p{Arabic}\p{Syriac}]")
# Brahmic scripts, where joiners ask for a conjunct's half form or keep one apart, always beside
# the sign that kills a consonant's vowel (virama, pulli, al-lakuna, asat, coeng: Unicode's
# canonical combining class 9): "க்‌ஷ", "ක්‍ෂ", "क्‍".
_BRAHMIC_SCRIPT = lazy_regex(r"[\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Oriya}\p{Tamil}"
                             r"\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Myanmar}\p{Khmer}]")
_VIRAMA_CLASS = 9
_RTL_LETTER = lazy_regex(r"[\p{Arabic}\p{Hebrew}\p{Syriac}\p{Thaana}\p{Nko}]")
_EMOJI = lazy_regex(r"\p{Extended_Pictographic}")
# UTF-8 lead bytes read as Latin-1: a C1 control right after one is a mojibake continuation byte.
_MOJIBAKE_LEADS = frozenset(chr(b) for b in range(0xC2, 0xF5))


def _is_legitimate(doc: Document, start: int, end: int) -> bool:
    chars = set(doc.text[start:end])
    before = doc.text[start - 1] if start else ""
    after = doc.text[end] if end < len(doc.text) else ""
    if all("\x80" <= c <= "\x9f" for c in chars) and (
            before in _MOJIBAKE_LEADS or before == "€" or (before.isalnum() and after.isalnum())):
        # UTF-8 read as Latin-1 ("Ã\x83", "â€\x9d") or Windows-1252 read as Latin-1
        # ("didn\x92t"): mojibake, which NL201 reports and repairs.
        return True
    if chars <= {"\u200d", "\ufe0f"} and _EMOJI.match(before or " ") and _EMOJI.match(after or " "):
        return True
    if end - start == 1 and chars <= {"\u200c", "\u200d"} and _joins_letters(before, after, chars == {"\u200d"}):
        return True
    # A direction mark orders neutral characters (spaces, digits, punctuation) in right-to-left
    # text; between two letters it orders nothing ("می‎شود", typed for a non-joiner).
    return chars <= {"\u200e", "\u200f"} and not (_is_letter(before) and _is_letter(after)) \
        and _has_rtl_letter(doc.text)


def _is_letter(char: str) -> bool:
    """A letter, or a mark on one."""
    return bool(char) and (char.isalpha() or unicodedata.category(char).startswith("M"))


def _joins_letters(before: str, after: str, joiner: bool) -> bool:
    """Whether a joiner (``joiner``) or non-joiner between ``before`` and ``after`` is spelling:
    a joiner next to a letter of a joining script (it asks for the letter's joined form, alone
    too: "‍م"), a non-joiner between two letters, one of a joining script ("می‌خواهم"); or, in a
    Brahmic script, either between a virama and a letter (either way round: "ක්‍ෂ", and the
    older "ප‍්‍ර")."""
    if joiner and any(_JOINING_SCRIPT.match(c) for c in (before, after) if c):
        return True
    if not (_is_letter(before) and _is_letter(after)):
        return False  # before a space or a stop, after one: nothing to join or keep apart
    if any(_JOINING_SCRIPT.match(c) for c in (before, after)):
        return True
    return (_is_virama(before) and _BRAHMIC_SCRIPT.match(after) is not None) or \
        (_is_virama(after) and _BRAHMIC_SCRIPT.match(before) is not None)


def _is_virama(char: str) -> bool:
    return unicodedata.combining(char) == _VIRAMA_CLASS


@functools.lru_cache(maxsize=1)  # asked once a document, and only when it has a direction mark
def _has_rtl_letter(text: str) -> bool:
    return _RTL_LETTER.search(text) is not None


def _describe(chars: str) -> str:
    names = []
    for char in dict.fromkeys(chars):
        category = unicodedata.category(char)
        name = unicodedata.name(char, "") or {"Cc": "control character", "Co": "private use"}.get(category, "")
        names.append(f"U+{ord(char):04X} {name}".strip())
    return ", ".join(names)


def _is_private(char: str) -> bool:
    return "\ue000" <= char <= "\uf8ff"


def _edit(doc: Document, start: int, end: int) -> Edit:
    """Delete one run; a control character standing between two words becomes a space so the
    words stay apart."""
    run = doc.text[start:end]
    before = doc.text[start - 1] if start else " "
    after = doc.text[end] if end < len(doc.text) else " "
    controls = any(unicodedata.category(c) == "Cc" or c in "\u2028\u2029" for c in run)
    joins_words = not before.isspace() and not after.isspace()
    return Edit(start, end, " " if controls and joins_words else "")


def _kind(run: str) -> str:
    if "\ufffd" in run:
        return "replacement character (text lost in an earlier decoding)"
    if any(_is_private(c) for c in run):
        return "private-use character (a font's own symbol, a box or nothing in other fonts)"
    return "invisible character"


def _fix(doc: Document, runs: list[tuple[int, int]], kind: str) -> Fix | None:
    if kind.startswith("replacement"):
        return None  # the lost character cannot be known
    edits = tuple(_edit(doc, start, end) for start, end in runs)
    if kind.startswith("private"):
        # A bullet or an icon, most likely; but what the font drew there is not known.
        return Fix(edits, "remove private-use characters", FixSafety.UNSAFE)
    return Fix(edits, "remove invisible characters", FixSafety.SAFE)


def _runs(doc: Document) -> Iterator[tuple[int, int]]:
    """The runs of suspect characters that are not one of their legitimate uses."""
    for match in _SUSPECT.finditer(doc.text):
        if not _is_legitimate(doc, *match.span()):
            yield match.span()


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report the runs of invisible characters of each kind once a line: a Persian or Sinhala
    text with a stray joiner after almost every word gets one finding a line (pointing at the
    first run, its fix deleting them all), not one a word."""
    groups: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for start, end in _runs(doc):
        kind = _kind(doc.text[start:end])
        groups.setdefault((doc.line_of(start), kind), []).append((start, end))
    for (_, kind), runs in groups.items():
        start, end = runs[0]
        chars = "".join(doc.text[s:e] for s, e in runs)
        where = f" ({len(runs)} on this line)" if len(runs) > 1 else ""
        yield Finding(start, end, f"{kind}{where}: {_describe(chars)}", _fix(doc, runs, kind))


RULE = Rule(
    code="NL204",
    name="invisible-characters",
    summary="Invisible, control or bidirectional-override characters in the text",
    doc=__doc__,
    check=check,
    fix=FixSafety.SAFE,
    bad_examples=(
        "Court rules on appeal\n\nOfficials said the Trump\u200b administration would appeal.\n",
        "Court rules on appeal\n\nThe judge\u202e said the case was closed.\n",
        "Court rules on appeal\n\nThe judge said\x0bthe case was closed.\n",
        "Court rules on appeal\n\nThe judge said the \ufffdcase was closed.\n",
    ),
    good_examples=(
        "Court rules on appeal\n\nOfficials said the Trump administration would appeal.\n",
        "Family emoji spread\n\nUsers shared \U0001F468\u200d\U0001F469\u200d\U0001F467 in posts.\n",
        "Tehran talks\n\nThe word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 appeared on banners.\n",
        "Tab separated\n\nScores:\tHome 2\tAway 1.\n",
    ),
)
