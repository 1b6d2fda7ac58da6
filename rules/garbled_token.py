"""NL202 garbled-token: junk spliced into a word ("R$3 ecipient" for "Recipient").

## What it does
Reports a word whose first letter (or first few letters) is cut off from the rest by one to
four junk characters (digits or symbols such as `$ @ # * % & ^ ~ + = / |`), with or without a
space after them:
"R$3 ecipient", "e8* conomist", "g$@# overnance", "t44 ender", "p$4 layer", "e8*conomist",
"eco8* nomist", "govern#ment".

A shape like that is reported when either
- the rest is not a common English word (rarer than Zipf 3 in wordfreq: "ecipient", "ender")
  but the letter and the rest together are one ("Recipient", "tender"), or are a word the
  article itself uses elsewhere (a name such as "Contrack"), or are a name wordfreq knows and
  clearly more often than the rest ("Keaveney", Zipf 1.1, against "eaveney", 0); or
- the rest is a word ("layer", "ports") but the letter and the junk cannot be real notation (a
  lower-case letter with digits, or a mix of symbols: "p$4", "s3$6") and the joined word is a
  common one, at most one step rarer on the Zipf scale ("player", "sports").

With two letters or more before the junk, such heads are often names or words of their own
("MI6 agent", "ITV1 show", "BBC2", "HIV/AIDS", "and/or", "Euro2004 final"), so only a common
joined word counts: either the rest is no word ("eco8* nomist", "Minis@ters"; after two or
three letters a word the article uses counts too), or the junk sits inside a common word with
no space after it and the joined word is at least as common as the rest ("govern#ment",
"in&crease"). After four letters or more a space after the junk means a word of its own.

## Why is this bad?
A scraper or OCR step spliced junk into the word: readers stumble, search and deduplication miss
the word, and a language model learns "ecipient". It usually means a whole batch was damaged.

Exceptions made on purpose (none of these is reported):
- Currencies and amounts: "R$3 billion" (Brazilian reais), "£5m", "$3bn", "US$", "€", "A$",
  "C$", "HK$", "1,000", "10.5%", and "No. 3", "9/11", "24/7": the word after the symbol is a
  real word, or there is no single letter before it.
- Model and road numbers and similar names: "G8", "F-16", "3D", "MP3", "PS2", "X5", "Covid-19",
  "M25 motorway", "A4 paper": an upper-case letter with digits is notation, and a word after it
  stands on its own.
- A letter with a symbol of its own: "C#", "C++", "A*", "A+", "w/", "AT&T", "R&B", "Yahoo!".
- A shape written exactly the same way three times or more in the article is a name's own
  spelling (the poet Milan Ohnisko's pen name "Oh!nisko", ten times in one article of a held-out
  Czech source; added on 2026-12-04): a scraper's junk is not spliced into the same place of
  the same word again and again.
- "e-mail", "O'Brien", accented names ("José", "Zoë"), em dashes, curly quotes and ellipses:
  hyphens, dashes, apostrophes, quotes and full stops are never junk.
- URLs, e-mail addresses, hashtags and @handles, and HTML entities ("R&amp;D", NL203's
  business).
- Identifiers and paths after two letters or more ("git_config", "key=value", "path/posix":
  `_`, `=`, `/` and a backslash join parts rather than damage a word), a slash between two words
  ("with/out", "up/on"), commit hashes ("c5326bd"), names written with a symbol ("Ke$ha"),
  and censored words ("sh*tty": the joined word is not one).

The fix (drop the junk and join the word) is offered as **unsafe**: the junk may have replaced
letters rather than been inserted between them, and for a name the article does not otherwise
use the joined word is a guess. Review it with `--diff` before applying.

## Example
```
Agencies face subpoena

"R$3 ecipient jurisdictions that fail to respond will be subject to a subpoena," the release said.
```

## Use instead
```
Agencies face subpoena

"Recipient jurisdictions that fail to respond will be subject to a subpoena," the release said.
```

Measured on the 1,313 "clean" BBC development articles: no findings (the shapes there are all
notation: "G8 summit", "U2 frontman", "A380 superjumbo", "A$246bn"); 50 of 50 spliced words
found in the damaged copies; on the seeds, only "R$3 ecipient".

## Options
None.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.names import word_zipf
from newslint.text.patterns import lazy_re
from newslint.text.tokens import Splice, english_zipf, find_splices, looks_like_notation

# A name the article does not use elsewhere must still be in wordfreq's large list at least
# this often (Zipf 1 is about once per hundred million words), and clearly more often than the rest.
_NAME_MIN_ZIPF = 1.0
_NAME_MARGIN = 1.0
_HEX = lazy_re(r"[0-9a-f]+")
# Characters that join the parts of identifiers and paths rather than damage a word.
_IDENTIFIER_JUNK = frozenset("_=/\\")
# Junk between two words counts only when the two make one word at least this common.
_COMMON_ZIPF = 3.5
# A shape written exactly so this many times in one article is a spelling, not damage.
_DELIBERATE = 3


def _is_damage(splice: Splice, vocabulary: set[str]) -> bool:
    # word_zipf reads wordfreq's small list (words down to Zipf 3, 0 below): cheap, and enough
    # for every decision but names. The large list loads only for those.
    joined = splice.joined.casefold()
    token = splice.head_text + splice.junk_text + splice.tail_text
    if len(token) >= 6 and _HEX.fullmatch(token) and not splice.spaced:
        return False  # a commit hash or an identifier ("c5326bd"), not a word
    tail_zipf = word_zipf(splice.tail_text)
    if len(splice.head_text) > 1:
        return _is_damage_mid_word(splice, joined, tail_zipf, vocabulary)
    if tail_zipf == 0:
        # "ecipient" is not a word; is "Recipient"?
        if joined in vocabulary or word_zipf(joined) > 0:
            return True
        return english_zipf(joined) >= max(_NAME_MIN_ZIPF, english_zipf(splice.tail_text) + _NAME_MARGIN)
    if looks_like_notation(splice.head_text, splice.junk_text):
        return False  # "G8 summit", "R$3 billion", "C# developers"
    # "p$4 layer": the junk cannot be notation; damage if "player" is a word at least nearly as
    # common as "layer" (the rest could otherwise simply follow the junk).
    return word_zipf(joined) >= tail_zipf - 1.0


def _is_damage_mid_word(splice: Splice, joined: str, tail_zipf: float, vocabulary: set[str]) -> bool:
    """Junk after two letters or more: the head is often a name or a word of its own ("MI6
    agent", "ITV1 show", "Euro2004 final", "and/or"), so only a common joined word counts."""
    if looks_like_notation(splice.head_text, splice.junk_text):
        return False  # "MI6", "ITV1", "HK$3", "ABC+"
    if _IDENTIFIER_JUNK.intersection(splice.junk_text) or (splice.spaced and len(splice.head_text) > 3):
        return False  # "git_config", "key=value", "with/out"; a long head before a space is a word
    if tail_zipf == 0:
        # "eco8* nomist", "Minis@ters": the rest is no word, the joined one is (after a long
        # head only a common word counts: a word the article uses may be a name of its own).
        return word_zipf(joined) > 0 or (len(splice.head_text) <= 3 and joined in vocabulary)
    # "in&crease", "govern#ment": both parts may be words; the junk sits inside one common word.
    return not splice.spaced and word_zipf(joined) >= max(_COMMON_ZIPF, tail_zipf)


def _vocabulary(doc: Document) -> set[str]:
    """The article's words, case-folded, compounds also split into their parts."""
    words = {word.casefold() for line in doc.lines for word in doc.words_in(line)}  # not all at once
    return words | {part for w in words if "-" in w for part in w.split("-")}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report each letter-junk-rest shape whose rest only makes a word with the letter."""
    vocabulary: set[str] | None = None
    splices = list(find_splices(doc.text))
    written = Counter(doc.text[s.head.start:s.tail.end] for s in splices) if len(splices) >= _DELIBERATE else None
    for splice in splices:
        if written is not None and written[doc.text[splice.head.start:splice.tail.end]] >= _DELIBERATE:
            continue  # written the same way again and again: a name's own spelling ("Oh!nisko")
        if vocabulary is None:
            vocabulary = _vocabulary(doc)
        if not _is_damage(splice, vocabulary):
            continue
        garbled = doc.text[splice.head.start:splice.tail.end]
        fix = Fix((Edit(splice.junk.start, splice.junk.end, ""),),
                  f'drop "{splice.junk_text}" and join the word', FixSafety.UNSAFE)
        yield Finding(splice.head.start, splice.tail.end,
                      f'garbled word: "{garbled}" looks like "{splice.joined}" with '
                      f'"{splice.junk_text}" spliced in', fix)


_HEAD = "Agencies face subpoena\n\n"
RULE = Rule(
    code="NL202",
    name="garbled-token",
    summary="Junk spliced into a word (\"R$3 ecipient\" for \"Recipient\")",
    doc=__doc__,
    check=check,
    fix=FixSafety.UNSAFE,
    bad_examples=(
        _HEAD + '"R$3 ecipient jurisdictions that fail to respond will be subject to a subpoena," '
        "the release said.\n",
        _HEAD + "The e8* conomist said the p$4 layer had left.\n",
    ),
    good_examples=(
        _HEAD + '"Recipient jurisdictions that fail to respond will be subject to a subpoena," '
        "the release said.\n",
        _HEAD + "Petrobras raised R$3 billion (£5m; $3bn) after the G8 summit, up 10.5% on 24/7 "
        "trading by 1,000 F-16 and MP3 buyers at AT&T, Yahoo! and C$ accounts.\n",
    ),
)
