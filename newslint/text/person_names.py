"""Common given names and surnames (US Census 1990, `newslint/data/person_names.txt`, built by
`training/build_person_names.py`), and the people an article names by their first name only.

A story may call someone by their first name throughout (a column on "Paula", a profile of a
child) while its headline uses the surname ("Radcliffe proves doubters wrong"). Nothing in the
text links the two; knowing which words are common given names and which are surnames lets
NL101 allow for it.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from newslint.text.patterns import lazy_re

DATA_FILE = Path("data") / "person_names.txt"
# A first name used alone at least this often is how the story calls that person.
MIN_FIRST_NAME_USES = 3
# A word this common is an ordinary word or a place first ("In", "China", "Dawn"), even when the
# Census lists it as a given name (wordfreq's Zipf scale; "Paula" is 3.75).
MAX_GIVEN_ZIPF = 4.5

_TOKEN = lazy_re(r"\S+")
_EDGES = "\"'“”‘’()[]{},.;:!?«»"
_CLOSES = (",", ".", ";", ":", "!", "?", '"', "”", "’", ")")  # a token that ends a clause or a quote
_ENDS_SENTENCE = (".", "!", "?", '"', "”")


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), lower case, read once (sliced, not parsed line by line: 3 ms, not 8)."""
    path = Path(__file__).resolve().parent.parent / DATA_FILE
    lines = path.read_text(encoding="ascii").split("\n")
    given, surnames = lines.index("[given]"), lines.index("[surname]")
    return frozenset(lines[given + 1:surnames]), frozenset(filter(None, lines[surnames + 1:]))


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name (case ignored)."""
    return word.lower() in _tables()[0]


def is_surname(word: str) -> bool:
    """Whether ``word`` is a common surname (case ignored)."""
    return word.lower() in _tables()[1]


def _bare(token: str) -> str:
    """A token without the punctuation around it nor a possessive "'s"."""
    core = token.strip(_EDGES)
    return core[:-2] if core.endswith(("'s", "’s")) else core


def first_name_only(text: str) -> frozenset[str]:
    """The given names that ``text`` uses alone, for a person it never gives a surname: a common
    given name, and no common surname ("Carroll", "Lita" alone are surnames), capitalised, used
    at least ``MIN_FIRST_NAME_USES`` times, never right before or after another capitalised
    word inside a clause ("Paula Radcliffe", "Pope Francis", "Paula Ran" all disqualify it)."""
    from newslint.text.keywords import zipf

    tokens = _TOKEN.findall(text)
    uses: Counter[str] = Counter()
    beside_a_name: set[str] = set()
    for i, token in enumerate(tokens):
        name = _bare(token)
        if not name[:1].isupper() or not name[1:].islower() or not is_given_name(name):
            continue
        uses[name] += 1
        following = i + 1 < len(tokens) and tokens[i + 1][:1].isupper() and not token.endswith(_CLOSES)
        previous = i > 0 and tokens[i - 1][:1].isupper() and not tokens[i - 1].endswith(_CLOSES) \
            and i - 1 > 0 and not tokens[i - 2].endswith(_ENDS_SENTENCE)
        if following or previous:
            beside_a_name.add(name)
    return frozenset(name for name, count in uses.items()
                     if count >= MIN_FIRST_NAME_USES and name not in beside_a_name
                     and not is_surname(name) and zipf(name.lower()) < MAX_GIVEN_ZIPF)
