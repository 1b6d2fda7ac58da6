"""People's names in running text: how a person is introduced, and bare surname mentions.

News style introduces a person once by full name or by title ("Mayor Ted Wheeler", "Mr Brown")
and afterwards uses the surname alone. A surname used alone where nothing introduced it is the
mark of text stitched together from several articles. This module finds the places where a
single capitalised word stands *as a person* (the speaker of a quotation, the subject of a
speech verb, or "X is a former president"), whether the same word was introduced with a first
name or a title, and whether the article uses it like an organisation or a common word.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint.text.keywords import english_zipf
from newslint.text.patterns import lazy_re, lazy_regex
from newslint.text.person_names import is_given_name, is_surname

# Titles that introduce a person when they stand before a surname ("Mayor Wheeler", "Gov. Brown").
TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron rev reverend father "
    "sister brother rabbi imam bishop archbishop cardinal pope king queen prince princess sheikh "
    "president vice premier chancellor minister secretary senator sen rep representative "
    "congressman congresswoman councillor councilman councilwoman alderman assemblyman "
    "assemblywoman mayor governor gov lt lieutenant general gen colonel col major maj captain capt "
    "commander cmdr admiral adm sergeant sgt officer ofc detective det inspector insp superintendent "
    "supt constable chief judge justice attorney ambassador commissioner coach manager chairman "
    "chairwoman director spokesman spokeswoman spokesperson sheriff deputy trooper agent "
    "speaker leader mp mep msp mla st saint uncle aunt".split()
)
# Verbs after which a speaker may follow, inverted, after a quotation ('..." said Wheeler.').
_INVERTED_VERBS = "said|says|added|adds|explained|explains|noted|notes|wrote|writes|continued|recalled|replied"
# Verbs of which a speaker is the subject ("Wheeler said", "Rivera added").
_SPEECH_VERBS = (
    "said|says|added|adds|told|explained|explains|noted|notes|argued|argues|insisted|"
    "insists|warned|warns|claimed|claims|wrote|writes|replied|replies|stated|"
    "recalled|recalls|acknowledged|acknowledges|admitted|admits|suggested|suggests|continued|"
    "countered|counters|conceded|concedes|contended|contends|testified|testifies|"
    "emphasised|emphasized|stressed|stresses|observed|remarked"
)
# Nouns that describe a person, after "X is/was a/the (former|past ...)".
_PERSON_ROLES = (
    "president|vice-president|chairman|chairwoman|director|spokesman|spokeswoman|"
    "spokesperson|professor|lecturer|founder|co-founder|executive|lawyer|attorney|"
    "analyst|economist|minister|senator|congressman|congresswoman|mayor|governor|councillor|"
    "councilman|councilwoman|candidate|author|writer|actor|actress|singer|"
    "coach|judge|teacher|resident|mother|father|son|daughter|wife|husband|"
    "activist|researcher|scientist|doctor|nurse|reporter|journalist|editor|historian|"
    "veteran|secretary|commissioner|sheriff|graduate|volunteer|advocate|consultant"
)
_NAME = r"(?:(?:Mc|O['’]|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
_QUOTE_END = r"(?:[\"”]\s*,?|,\s*[\"”])\s*"  # the end of a direct quotation: '",' ',"' '"'
_PATTERNS = (
    # '..." said Wheeler.' / '...", added Kautz,'
    # An apposition after the name introduces the person ('said Aiden, 7,' 'said Kautz, a lawyer').
    lazy_regex(rf"{_QUOTE_END}(?:{_INVERTED_VERBS})\s+(?P<name>{_NAME})"
               rf"(?=\s*(?:[.;:!?]|$|,(?!\s*(?:\d|\p{{Lu}}|(?:a|an|the|who|whose|one|now|then)\b))))"),
    # '"...", Rivera said.'
    lazy_regex(rf"{_QUOTE_END}(?P<name>{_NAME})\s+(?:also\s+|later\s+|then\s+)?(?:{_SPEECH_VERBS})\b"),
    # 'Rivera said he would ...': only a person says "he" or "she" of itself.
    lazy_regex(rf"(?:^|{_QUOTE_END}|\b(?:but|while|as|when|although|though)\s+)(?P<name>{_NAME})\s+"
               rf"(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:{_SPEECH_VERBS})\s+(?:that\s+)?(?:he|she)\b"),
    # 'Kautz is a past president of ...'
    lazy_regex(rf"(?:^|{_QUOTE_END})(?P<name>{_NAME})\s+(?:is|was|has\s+been|had\s+been)\s+(?:a|an|the)\s+"
               rf"(?:[\p{{Ll}}-]+\s+){{0,3}}?(?:{_PERSON_ROLES})\b"),
)
# What a match of each pattern above needs somewhere in the sentence, tested first (a tenth of
# the cost or less): a quotation mark (a substring test), "he" or "she" after a space,
# "is/was/been" before "a/an/the" (plain `re`). Each is looser than its pattern (`re`'s \s takes
# every space the regex module's does), so a sentence without it has no match.
# "he" or "she" ends a word in its pattern (\b): no ASCII letter, digit or "_" follows it, and
# the test lets any other character follow, whatever either module counts as a word character.
_HE_OR_SHE = lazy_re(r"\ss?he(?![A-Za-z0-9_])")
_IS_A = lazy_re(r"\s(?:is|was|been)\s+(?:a|an|the)\s")


def _has_quote_mark(sentence: str) -> bool:
    return '"' in sentence or "”" in sentence


def _has_he_or_she(sentence: str) -> bool:
    return _HE_OR_SHE.search(sentence) is not None


def _has_is_a(sentence: str) -> bool:
    return _IS_A.search(sentence) is not None


_NEEDED = (_has_quote_mark, _has_quote_mark, _has_he_or_she, _has_is_a)  # one per pattern
# A particle inside a full name ("Bill de Blasio", "Ludwig van Beethoven").
_PARTICLES = frozenset("de del della di da van von der den la le du dos das bin al el ibn ben".split())
_CAPITALISED = lazy_regex(r"\p{Lu}[\p{L}'’.-]*")
# Words after which a capitalised word is a place or an organisation, not a person.
_ORG_BEFORE = r"the|at|in|from|of|across|throughout|inside|within|near|via|on"
# Lower-case nouns that a company or body, not a person, stands before ("Yukos shares").
_ORG_NOUNS = (
    "shares?|stock|stocks|profits?|sales|revenues?|earnings|results|chief|boss|bosses|executives?|"
    "director|directors|chairman|spokesman|spokeswoman|spokesperson|staff|employees|workers|board|"
    "unit|division|subsidiary|group|brand|products?|plant|factory|stores?|shops?|customers|"
    "investors|shareholders|analysts?|economists?|officials|members|leader|leaders|star|stars|"
    "producer|founder|boss|policy|policies|plans?|bid|deal|takeover|offer|report|survey|figures|"
    "index|data|agency|network|chain|owner|owners|president|manager|management|executive|team|"
    "party|government|council|authorities|headquarters|website|statement|officers"
)
# Capitalised words after a name that make it part of an organisation's name ("Halifax Bank").
_ORG_SUFFIXES = (
    "Inc|Corp|Corporation|Co|Group|Bank|Airlines?|Airways|Motors?|Plc|plc|PLC|Ltd|Limited|"
    "Holdings|Capital|Securities|Partners|Party|Council|University|College|Institute|Foundation|"
    "Association|Union|Agency|Ministry|Department|Committee|Commission|Board|Trust|Fund|Times|"
    "News|Post|Journal|Magazine|Records|Pictures|Studios|Entertainment|Media|Energy|Oil|Gas|"
    "Telecom|Pharmaceuticals?|Industries|International|Systems|Technologies|Software|Network|"
    "Services|Insurance|Investments?|Electronics|Foods|Stores|Express|Club|Festival|Awards"
)


# Capitalised at a sentence start, these are never names; checked before wordfreq is loaded.
_FUNCTION_WORDS = frozenset(
    "he she it they we you i this that these those there here who what which everybody everyone "
    "nobody someone somebody whoever one both all each".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A single capitalised word standing for a person at ``start``..``end`` of the text."""

    name: str
    start: int
    end: int


def person_mentions(text: str, start: int, end: int) -> Iterator[Mention]:
    """Bare single-word names in speaker or role position inside ``text[start:end]`` (one
    sentence): '..." said X', 'X said', 'according to X', 'X is a former president'."""
    sentence = text[start:end]  # matched on its own, so that ``^`` is the sentence start
    found: dict[object, bool] = {}  # each test's answer, asked once (two patterns share one)
    for needed, pattern in zip(_NEEDED, _PATTERNS):
        if needed not in found:
            found[needed] = needed(sentence)
        if not found[needed]:
            continue
        for match in pattern.finditer(sentence):
            if not _preceded_by_name_part(sentence, match.start("name")):
                yield Mention(match.group("name"), start + match.start("name"), start + match.end("name"))


def _preceded_by_name_part(text: str, offset: int) -> bool:
    """Whether the word right before ``offset`` (only a space between) is a first name,
    initial, title or name particle: then the mention is not bare."""
    end = offset  # read back over the spaces and the word before: not a copy of the prefix
    if not end or not text[end - 1].isspace():
        return False
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return end > 0 and _introduces(text[start:end])


def _introduces(word: str) -> bool:
    """A word that, standing right before a surname, makes it a full name or titled name. A
    sentence glued to the next without its space ("week.Gene Sperling") gives the word after
    the stop."""
    glued = _GLUED_SENTENCE.fullmatch(word)
    if glued:
        word = glued.group("next")
    core = word.strip("\"'“”‘’()")
    if not core or core.endswith((",", ";", ":", "!", "?")):
        return False
    if word[-1] in "\"”" and core.endswith("."):
        return False  # the end of a quoted sentence, not an initial
    bare = core.rstrip(".")
    if bare.lower() in TITLES or bare in _PARTICLES:
        return True
    if core == bare and _is_role_noun(bare):
        return True  # "Brazil forward Neymar", "singer Adele": a role introduces the person
    return bool(bare) and bool(_CAPITALISED.fullmatch(bare))


# Lower-case words that can stand right before a name without introducing it: speech and other
# verbs ("said Wheeler", "beat Nadal") and function words ("and Smith", "with Jones").
_NOT_ROLES = frozenset("""
    said says told tells asked asks added adds claimed claims insisted insists warned warns replied
    explained admitted argued noted wrote writes tweeted announced confirmed denied urged believes
    thinks thought called named dubbed praised criticised criticized thanked blamed accused met
    joined beat beats defeated replaced succeeded sacked signed hired fired appointed elected backed
    supported opposed against according and or but nor with without by for from to of in on at as
    than that when while where because after before since if is was were are be been being has have
    had not also then so like about between whom who which what whose under over into onto upon via
    per versus vs including include includes like unlike among amid despite toward towards until
    """.split())


def _is_role_noun(word: str) -> bool:
    """A lower-case noun that can describe a person ("forward", "spokeswoman", "singer")."""
    return (len(word) >= 3 and word.isalpha() and word.islower() and word not in _NOT_ROLES
            and not word.endswith(("ed", "ly", "ing", "'s")))


def introduced_before(text: str, name: str, limit: int, floor: int = 0) -> bool:
    """Whether ``name`` appears in ``text[floor:limit]`` as part of a full or titled name:
    after a first name, initial, title or particle ("Ted Wheeler", "John C. Bienvenu", "Mayor
    Wheeler", "de Blasio"), as the first name of one ("Ozzy Osbourne", then "Ozzy"), or set off
    after a role ("his spokesman, Amin, told ...")."""
    return any(floor <= start and end <= limit for start, end in _usage(text).introductions.get(name, ()))


def introduced(text: str, name: str) -> bool:
    """Whether ``name`` is introduced anywhere in ``text``, before its bare use or after it
    (see introduced_before), in this spelling, in one a letter off ("Kudja" for "Kujda": a
    surname misspelt once is still the person introduced), with its opening particle in lower
    case ("al-Khatib" for "Al-Khatib"), or in another transliteration ("Mueller" for "Müller",
    "Muller")."""
    if any(introduced_before(text, spelling, len(text)) for spelling in (name, *_misspellings(text, name))):
        return True
    if _particle_capitalised(text, name):
        return True
    # Another transliteration either way: "Mueller" for "Müller", "Pena" for "Peña".
    others = _usage(text).introductions
    if not others:
        return False  # (nothing introduced: no need to spell the name other ways)
    forms = transliterations(name) | {name}
    return any(not forms.isdisjoint(transliterations(other)) for other in others)


_JOINED_PARTICLE = lazy_regex(r"(?P<particle>\p{L}+)(?P<join>[-'’])(?P<rest>\p{Lu}\p{L}*)")
_JOINED_PARTICLES = _PARTICLES | {"d", "l"}  # and the elided "d'" and "l'" ("d'Amato")


def _particle_capitalised(text: str, name: str) -> bool:
    """Whether ``name`` opens with a particle joined to it and capitalised at a sentence's start
    ("Al-Khatib said", "D'Amato said"), and the text introduces the name with the particle in
    lower case after a first name ("Ahmad al-Khatib", "Alfonse d'Amato")."""
    joined = _JOINED_PARTICLE.fullmatch(name)
    if joined is None or joined["particle"].lower() not in _JOINED_PARTICLES:
        return False
    lowered = joined["particle"].lower() + joined["join"] + joined["rest"]
    return regex.search(rf"\p{{Lu}}[\p{{L}}.]*[ \t]+{regex.escape(lowered)}\b", text) is not None


# How German (and Scandinavian) umlauts are written without them: "Müller" is "Mueller".
_UMLAUTS = (("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("Ü", "Ue"), ("Ö", "Oe"), ("Ä", "Ae"), ("ß", "ss"))


@functools.lru_cache(maxsize=4096)
def transliterations(name: str) -> frozenset[str]:
    """Other ways the same name is written: its umlauts spelt out or kept ("Müller",
    "Mueller"), and its accents dropped ("Muller", "Jose" for "José"). Kept per name: each
    bare surname is compared with every name the article introduces."""
    forms = {name}
    for letter, spelt in _UMLAUTS:
        forms |= {form.replace(letter, spelt) for form in forms} | {form.replace(spelt, letter) for form in forms}
    forms |= {_without_accents(form) for form in forms}
    forms.discard(name)
    return frozenset(forms)


def _without_accents(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


MIN_MISSPELT = 5  # shorter names a letter apart are different names ("Lee", "Leo")


def _misspellings(text: str, name: str) -> list[str]:
    """The capitalised words of ``text`` one edit from ``name`` (a letter changed, added,
    dropped, or two swapped), its first letter kept, that stand introduced somewhere (no
    other spelling can make ``introduced`` true)."""
    if len(name) < MIN_MISSPELT:
        return []
    near = _usage(text).one_deletion_apart
    candidates = {w for key in (name, *_deletions(name)) for w in near.get(key, ())}
    return [w for w in candidates if w[0] == name[0] and len(name) - 1 <= len(w) <= len(name) + 1
            and w != name and _one_edit(w, name)]


def _deletions(word: str) -> Iterator[str]:
    """``word`` with one of its letters left out, each way."""
    return (word[:i] + word[i + 1:] for i in range(len(word)))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one edit apart (Damerau: a substitution, an insertion or
    deletion, or a swap of neighbours)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


# A person described by a role earlier in the paragraph: "The Irish coach knows ... ", then
# '"...," said O'Sullivan.' The surname is that person's, as sports and court copy write it.
_ROLE_DESCRIPTION = lazy_regex(
    rf"\b(?i:the|their|his|her|its)[ \t]+(?:[\p{{L}}'’-]+[ \t]+){{0,2}}?(?:{'|'.join(sorted(TITLES))}|{_PERSON_ROLES})\b")


def described_by_role(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (the paragraph before a mention) describes a person by a
    role ("the Irish coach", "the company's chairman")."""
    return _ROLE_DESCRIPTION.search(text, start, end) is not None


def used_as_organisation(text: str, name: str) -> bool:
    """Whether the article uses ``name`` like a company, body or place anywhere: "the X",
    "at X", "X shares", "X's profits", "X Bank", "X said it ...", "X, which"."""
    return name in _usage(text).organisations


# How the article uses each name, read in one pass per pattern: every name-shaped word where it
# stands (overlapping matches too, so each word is read as a pattern naming it would read it).
# A pattern per name, compiled and run over the whole text for each name judged, cost time that
# grew with names x text, and compiling alone took a tenth of a second per name.
_AFTER_WORD = lazy_regex(rf"(?<=(?P<prev>\S+)[ \t]+)(?P<name>{_NAME})\b")  # "Mayor Wheeler"
_AFTER_ROLE = lazy_regex(rf"\b(?P<role>\p{{Ll}}+),[ \t]+(?P<name>{_NAME}),")  # "his spokesman, Amin,"
_BEFORE_NAME = lazy_regex(rf"\b(?P<name>{_NAME})[ \t]+{_NAME}\b")  # "Ozzy Osbourne"
# Named by the text: "a robot called Emiew", "two robots, Pal and Chum, ..."
_CALLED = lazy_regex(rf"\b(?:called|named|dubbed|nicknamed|known[ \t]+as)[ \t]+(?P<name>{_NAME})\b")
# Two given names sharing one surname: "Beatriz and Elizabeth Vergara", "Bill and Hillary Clinton".
_SHARED_SURNAME = lazy_regex(rf"\b(?P<first>{_NAME})[ \t]+(?:and|&)[ \t]+{_NAME}[ \t]+{_NAME}\b")
_GLUED_SENTENCE = lazy_regex(r"\p{Ll}{2,}[.!?](?P<next>\p{Lu}\p{Ll}+)")  # "week.Gene"
_PAIR_NAMED = lazy_regex(rf"\p{{L}}s,[ \t]+(?P<first>{_NAME})[ \t]+and[ \t]+(?P<second>{_NAME}),")
_AFTER_ORG_WORD = lazy_regex(rf"\b(?i:{_ORG_BEFORE})\s+(?P<name>{_NAME})\b")
_ORGANISATION = lazy_regex(
    rf"\b(?P<name>{_NAME})(?:"
    rf"(?:['’]s?)?\s+(?:{_ORG_NOUNS})\b"
    rf"|\s+(?:{_ORG_SUFFIXES})\b"
    rf"|\s+(?:has\s+|had\s+|also\s+)?(?:{_SPEECH_VERBS})\s+(?:that\s+)?(?:it|its|they|their)\b"
    rf"|,?\s+which\b"
    rf"|['’]s\s+(?:own\s+)?(?:\p{{Ll}}+\s+)?(?:{_ORG_NOUNS})\b)"
)
_WORD_CHARS = lazy_regex(r"\w+")
_LOWER_TAILED = lazy_regex(r"\b\p{L}\p{Ll}+\b")  # a letter, then lower-case letters: "Kujda"


def _with_first_part(name: str) -> tuple[str, ...]:
    """A hyphenated name and its first part: "Smith" stands before a word boundary in
    "Smith-Jones" too, so a pattern naming Smith would have matched there."""
    return (name, name.split("-", 1)[0]) if "-" in name else (name,)


class _Usage:
    """The introductions, organisation-like uses and words of one text, each read on first use."""

    def __init__(self, text: str):
        self.text = text

    @functools.cached_property
    def introductions(self) -> dict[str, list[tuple[int, int]]]:
        """Each name: where it stands introduced, as (start, end) of the words that show it."""
        found: dict[str, list[tuple[int, int]]] = {}
        for match in _AFTER_WORD.finditer(self.text, overlapped=True):
            if _introduces(match.group("prev")):
                for name in _with_first_part(match.group("name")):
                    found.setdefault(name, []).append((match.start(), match.start() + len(name)))
        for match in _AFTER_ROLE.finditer(self.text, overlapped=True):
            if _is_role_noun(match.group("role")):
                found.setdefault(match.group("name"), []).append(match.span())
        for match in _BEFORE_NAME.finditer(self.text, overlapped=True):
            found.setdefault(match.group("name"), []).append(match.span())
        for match in _CALLED.finditer(self.text, overlapped=True):
            found.setdefault(match.group("name"), []).append(match.span())
        for match in _SHARED_SURNAME.finditer(self.text, overlapped=True):
            if is_given_name(match.group("first")):
                found.setdefault(match.group("first"), []).append(match.span())
        for match in _PAIR_NAMED.finditer(self.text, overlapped=True):
            for group in ("first", "second"):
                found.setdefault(match.group(group), []).append(match.span())
        return found

    @functools.cached_property
    def organisations(self) -> set[str]:
        """The names used like a company, body or place somewhere."""
        found = {name for match in _AFTER_ORG_WORD.finditer(self.text, overlapped=True)
                 for name in _with_first_part(match.group("name"))}
        found |= {match.group("name") for match in _ORGANISATION.finditer(self.text, overlapped=True)}
        return found | set(self._listed_with_places())

    def _listed_with_places(self) -> Iterator[str]:
        """The names listed with two or more words that are common English words and no
        person's name ("Saudi Arabia, Kuwait, Russia, Iran, and Malaysia"): countries, cities,
        firms, listed with their kind."""
        for match in _NAME_LIST.finditer(self.text):
            items = [item.strip() for item in _LIST_SEPARATOR.split(match.group()) if item.strip()]
            places = [item for item in items if _is_place_like(item)]
            if len(places) >= 2:
                yield from (item for item in items if " " not in item)

    @functools.cached_property
    def one_deletion_apart(self) -> dict[str, list[str]]:
        """The text's words of a letter and lower-case letters that stand introduced (the only
        spellings of a misspelt name that can introduce it), indexed by themselves and by each
        of them with one letter left out: two words one edit apart share a key (Garbe's
        symmetric deletion), so a name's misspellings are looked up, not searched for in the
        whole text once per name."""
        index: dict[str, list[str]] = {}
        if not self.introductions:
            return index  # nothing introduced: no word of the text need be read
        for word in set(_LOWER_TAILED.findall(self.text)).intersection(self.introductions):
            for key in {word, *_deletions(word)}:
                index.setdefault(key, []).append(word)
        return index

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every maximal run of word characters."""
        return frozenset(_WORD_CHARS.findall(self.text))


def _is_place_like(item: str) -> bool:
    """A listed name that is a common English word and no common given name or surname
    ("Russia", "Iran"; not "Brown", "Smith")."""
    last = item.split()[-1]
    return word_zipf(last) >= _PLACE_ZIPF and not (is_given_name(last) or is_surname(last))


_PLACE_ZIPF = 4.0  # as common as "Malaysia" or "Kuwait" in English text
# Three names or more in a row, with commas (and "and" before the last): "A, B, C and D".
_NAME_LIST = lazy_regex(rf"(?:{_NAME}(?:[ \t]+{_NAME})?,[ \t]+){{2,}}(?:and[ \t]+)?{_NAME}(?:[ \t]+{_NAME})?")
_LIST_SEPARATOR = lazy_regex(r",\s*(?:and\s+)?|\s+and\s+")


@functools.lru_cache(maxsize=1)  # one article at a time; its text's hash is kept by the string
def _usage(text: str) -> _Usage:
    return _Usage(text)


def is_common_word(text: str, name: str, threshold: float) -> bool:
    """Whether ``name`` is (also) an ordinary word: a pronoun or determiner, common in English
    (Zipf frequency at least ``threshold``), the plural of a common word, or written in lower
    case in the article."""
    lower = name.lower()
    if lower in _FUNCTION_WORDS or _written(text, lower):
        return True
    if word_zipf(lower) >= threshold:
        return True
    return lower.endswith("s") and word_zipf(lower[:-1]) >= threshold - 0.5


def _written(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` between word boundaries."""
    if _WORD_CHARS.fullmatch(word):
        return word in _usage(text).words
    return regex.search(rf"\b{regex.escape(word)}\b", text) is not None  # "o'brien": rare


@functools.lru_cache(maxsize=4096)
def word_zipf(word: str) -> float:
    """How common ``word`` is in English (wordfreq's Zipf scale: about 7 for "the"). Read from
    wordfreq's small list, which loads ten times faster than the large one and holds every word
    down to about Zipf 3; rarer words count as 0, which is all a threshold above 3 needs."""
    return english_zipf(word.lower(), "small")


# Other forms of one name: initials and abbreviations of clubs, firms and bodies ("UWB" for
# Ultra Wideband, "Man Utd" for Manchester United), as a headline writes them.

# Small words that may stand inside a name ("Bank of England", "Grand Hôpital de Charleroi").
_NAME_LINKS = frozenset("of for de des du la le les d l van von der den di da del della".split())
_TOKEN = lazy_regex(r"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")
MIN_CLIPPING = 3  # "Man" for "Manchester"; two letters are too many words' start
# The runs name_phrases reads, found by one pattern in C (a loop over every token of the text
# in Python cost three times as long): a whole token (no letter, digit or apostrophe glued before
# it) opening with an upper-case letter (``str.isupper``: ``\p{Uppercase}``), then any number
# of further ones, each after a gap of no letter or digit and at most two whole link words
# ("of", "de") in lower case.
_WHOLE = r"(?<![\p{L}\p{N}])(?<![\p{L}\p{N}]['’])"
_CAPITALISED_TOKEN = _WHOLE + r"\p{Uppercase}[\p{L}\p{N}]*(?:['’][\p{L}\p{N}]+)*"
_LINK_TOKEN = _WHOLE + "(?!\\p{Uppercase})(?:" + "|".join(
    "".join(f"[{c}{c.upper()}]" for c in word) for word in sorted(_NAME_LINKS, key=len, reverse=True)
) + r")(?![\p{L}\p{N}])(?!['’][\p{L}\p{N}])"
_GAP = r"[^\p{L}\p{N}]+"
_NAME_RUN = lazy_regex(rf"{_CAPITALISED_TOKEN}(?:{_GAP}(?:{_LINK_TOKEN}{_GAP}){{0,2}}{_CAPITALISED_TOKEN})*")


def name_phrases(text: str) -> list[tuple[str, ...]]:
    """The runs of capitalised words in ``text``, with the small words that link them ("Bank of
    England", "Grand Hôpital de Charleroi"): read token by token (``_TOKEN``), a capitalised
    token extends the run, taking in at most two link words before it; any other token ends it."""
    # Equal tokens kept as one string: a list of every token of a text of many megabytes took
    # ten times the text.
    same: dict[str, str] = {}
    return [tuple(same.setdefault(token, token) for token in _TOKEN.findall(run.group()))
            for run in _NAME_RUN.finditer(text)]


def abbreviates(short: str, phrase: tuple[str, ...]) -> bool:
    """Whether ``short`` abbreviates the start of ``phrase``: an acronym ("UWB", "GHDC": its
    letters in order, each word giving its first letter and link words optionally theirs, as
    in Schwartz and Hearst's test for abbreviation definitions), or one clipped word ("Utd"
    for "United", "Man" for "Manchester": the first letters, or the first and last with
    letters between in order)."""
    if len(short) >= 2 and short.isupper() and short.isalpha():
        return _initials_match(short.lower(), [w.lower() for w in phrase], 0, 0, 0)
    word = phrase[0]
    return len(short) >= MIN_CLIPPING and len(word) > len(short) and clips(short, word)


def clips(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` clipped ("Man": "Manchester") or contracted ("Utd": "United",
    "Govt": "Government")."""
    short, word = short.lower(), word.lower()
    if word.startswith(short):
        return True
    if short[0] != word[0] or short[-1] != word[-1]:
        return False
    rest = iter(word[1:-1])
    return all(letter in rest for letter in short[1:-1])  # in order: ``in`` consumes the iterator


def _initials_match(letters: str, words: list[str], i: int, j: int, given: int) -> bool:
    """Whether ``letters[i:]`` are the initials of ``words[j:]`` up to some word, ``given``
    words having given letters so far; two at least must (see abbreviates)."""
    if i == len(letters):
        return given >= 2
    if j == len(words):
        return False
    word = words[j]
    if given and word in _NAME_LINKS and _initials_match(letters, words, i, j + 1, given):
        return True  # a link word may give no letter ("Grand Hôpital de Charleroi": GHC)
    if letters[i] != word[0]:
        return False
    # The word gives its first letter and perhaps later ones ("Wideband": W, B).
    end, k = i + 1, 1
    while True:
        if _initials_match(letters, words, end, j + 1, given + 1):
            return True
        if end == len(letters):
            return False
        k = word.find(letters[end], k) + 1
        if k == 0:
            return False
        end += 1
