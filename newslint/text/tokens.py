"""Word-level helpers: how common a word is in English, and junk spliced into a word.

A spliced word is one letter (or more), one to four junk characters (digits and symbols), an
optional space, and the rest of the word: "R$3 ecipient", "e8* conomist", "g$@#overnance",
"eco8* nomist", "govern#ment". This module
only finds the shapes; whether one is damage or real notation ("R$3 billion", "G8 summit") is
the rule's call, helped by ``english_zipf`` and ``looks_like_notation``.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint.document import Span
from newslint.text import keywords
from newslint.text.patterns import lazy_re, lazy_regex

# Characters that can be junk: digits and symbols, never letters, spaces or the punctuation
# that normally follows a word (".,;:" quotes, brackets, hyphens, dashes, apostrophes).
JUNK = r"\d$@#*%&^~+=/\\|<>_§°£€¥!?"
_SPLICE = lazy_regex(
    rf"""(?<=^|[\s"'“‘(\[{{—–-])       # the letter starts a word or a compound's second part
    (?P<head>\p{{L}}{{1,12}})         # usually one letter; more mid-word ("eco8* nomist", "govern#ment")
    (?P<junk>[{JUNK}]{{1,4}})
    \ ?
    (?P<tail>\p{{Ll}}{{2,}}|\p{{Lu}}{{2,}})
    (?!\p{{L}}|\d)""",
    regex.VERBOSE,
)
# A letter, junk, an optional space and two letters of one case: every splice has one, most
# texts none ("said? The" has an upper-case letter then a lower-case one). A looser test than
# ``_SPLICE`` (non-ASCII capitals pass as either case), and ``re`` is faster than ``regex``.
# Each opens on the junk and looks back for the letter: opened on the letter, the search was
# tried at nearly every character of the text; junk is rare, and the answer is the same
# (a match at the letter is one at the junk after it). Four times faster.
_LETTER_THEN_JUNK = lazy_re(rf"[{JUNK}](?<=[^\W\d_].)[{JUNK}]{{0,3}} ?(?:[^\W\dA-Z_]{{2}}|[A-Z]{{2}})")
# The same test for ASCII text, where a letter is [A-Za-z], a digit [0-9], a lower-case letter
# [a-z] and the junk its ASCII characters: the same matches, found in under half the time.
_ASCII_JUNK = r"[0-9$@#*%&^~+=/\\|<>_!?]"
_ASCII_LETTER_THEN_JUNK = lazy_re(rf"{_ASCII_JUNK}(?<=[A-Za-z].){_ASCII_JUNK}{{0,3}} ?(?:[a-z]{{2}}|[A-Z]{{2}})")
_CURRENCY = "$£€¥"
# Symbols that follow a letter in real notation: "C#", "C++", "A*", "A+", "w/" ("with").
_NOTATION_SYMBOLS = frozenset({"#", "+", "++", "*", "**", "/", "!", "?", "!!", "?!", "!?"})
_URL_OR_EMAIL = lazy_regex(r"://|\bwww\.|[\w.+-]@[\w-]+\.\w|\.(?:com|org|net|co|uk)\b", regex.I)


@dataclass(frozen=True, slots=True)
class Splice:
    """Junk between a word's first letters and its rest: ``head`` + ``junk`` + ``tail``."""

    head: Span
    junk: Span  # the junk characters and the space after them, if any
    tail: Span
    head_text: str
    junk_text: str  # the junk characters only
    tail_text: str

    @property
    def spaced(self) -> bool:
        """Whether a space follows the junk ("R$3 ecipient") rather than the rest ("e8*conomist")."""
        return self.junk.end - self.junk.start > len(self.junk_text)

    @property
    def joined(self) -> str:
        """The word with the junk dropped ("R" + "ecipient" = "Recipient")."""
        return self.head_text + self.tail_text


def find_splices(text: str, start: int = 0, end: int | None = None) -> Iterator[Splice]:
    """Every letter-junk-rest shape in ``text[start:end]`` outside URLs, e-mail addresses and
    HTML entities."""
    end = len(text) if end is None else end
    if not (_ASCII_LETTER_THEN_JUNK if text.isascii() else _LETTER_THEN_JUNK).search(text, start, end):
        return  # most articles: no letter is followed by junk, so the slower pattern need not run
    urls: _UrlRuns | None = None
    for match in _SPLICE.finditer(text, start, end):
        after = text[match.end():match.end() + 1]
        if "&" in match["junk"] and after == ";":
            continue  # an HTML entity ("R&amp;D") is NL203's business
        urls = urls or _UrlRuns(text)
        if urls.holds(match.start()) or urls.holds(match.end() - 1):
            continue
        yield Splice(Span(*match.span("head")), Span(match.start("junk"), match.start("tail")),
                     Span(*match.span("tail")), match["head"], match["junk"], match["tail"])


class _UrlRuns:
    """The runs of non-space characters that hold a URL or an e-mail address, found once: a
    shape inside one is part of an address. (Read again around each shape, a long run without
    spaces cost its length for each shape in it.)"""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for hit in _URL_OR_EMAIL.finditer(text):  # no match holds a space: each lies in one run
            if self.ends and hit.start() < self.ends[-1]:
                continue  # in the run already found
            start, end = hit.start(), hit.end()
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < len(text) and not text[end].isspace():
                end += 1
            self.starts.append(start)
            self.ends.append(end)

    def holds(self, offset: int) -> bool:
        """Whether the character at ``offset`` lies in a run holding an address."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def looks_like_notation(head: str, junk: str) -> bool:
    """True when ``head`` + ``junk`` is a real token: a model or road number ("G8", "X5",
    "M25"), a currency ("R$3", "A$", "C$5"), or a letter (or capitals) with a symbol of its own
    ("C#", "A*", "C++", "w/", "ABC+")."""
    if junk in _NOTATION_SYMBOLS:
        return len(head) == 1 or head.isupper()  # "C#", "ABC+"; after "govern" a "#" is junk
    if not head.isupper():
        return False  # "MI6", "ITV1", "BBC2" and "HK$3" pass below
    return junk.isdigit() or (junk[0] in _CURRENCY and (not junk[1:] or junk[1:].isdigit()))


@functools.lru_cache(maxsize=8192)
def english_zipf(word: str) -> float:
    """How common ``word`` is in English on wordfreq's Zipf scale (about 7 for "the", 0 for
    unknown), from wordfreq's large list so that rarer words and names still count."""
    return keywords.english_zipf(word.lower())
