"""NL101 headline-mismatch: the headline is not about the body.

## What it does
Weighs each content word of the headline by how rare it is in the body's language (word
frequencies from `wordfreq`, in the language the body's function words tell: French "les" and
"que" weigh as little as English "the"), and measures how much of that weight the body accounts
for: a headline word counts in full when its light stem ("cities" and "city", "mayors" and
"mayor") occurs at least twice in the body, half when once (in a language other than English, its
Snowball stem: "погода" and "погоде", "amarelo" and "amarela"; added on 2026-12-04 after a
held-out Russian source), and the first `lead-paragraphs`
paragraphs count double, since a real headline sums up the lead. A name the body spells out
counts as found: "Man Utd" for Manchester United, "UWB" for Ultra Wideband, "GHDC" for Grand
Hôpital de Charleroi (initials, clipped and contracted words). So does a surname the body
never uses when the body calls someone by first name only ("Radcliffe" over a column that says
"Paula" throughout: a common US given name used alone three times or more, never beside another
capitalised word, and a common US surname, from the Census's name files; the sentence model
then reads the headline with the first name in the surname's place). When the share of the
headline's weight found in the body falls below `threshold`, the headline is reported, with
the terms the body is about.

A headline that shares a little more (below `names-threshold`) is also reported when it names
someone or something the body never mentions: a capitalised word that is not capitalised by
its position (the first word, or one after a full stop, "...", a colon or a quotation mark,
counts only when rare), not in quotation marks, not an abbreviation in capitals, not a common
word standing alone ("November"), of which the body has no form: "Turkish" and "Turkey",
"Irish" and "Ireland", "Asia" and "Asian" are one name; a word the body writes in lower case
is an ordinary word. A real headline names the story's people, firms and places, and its body
names them too; a swapped one names those of another story.

With the optional extra `newslint[semantic]` installed and an English body, a small sentence
model (all-MiniLM-L6-v2, shipped on PyPI, run on the CPU with no network) measures how close
the headline's meaning is to the story's opening: the mean of its cosine similarity to the
closest of the first five sentences and to the lead paragraphs as a whole. It judges three
ways. A headline sharing under 40% of its key-term weight is reported when that similarity
plus half the overlap falls below `semantic-threshold`, or below `semantic-names-threshold`
when it also names what the body never mentions (this test replaces the shared-words one for
such headlines). A headline the shared words report is not reported when its meaning is close
to the story's (similarity at least `semantic-veto`: the words differ, the meaning does not;
when the lead is far from it, the opening sentences are not read, since none was ever found
close enough to change the answer).
And a body of a sentence or two, too short for shared words to say much, is judged by it (see
below).

Each finding carries a raw confidence (`Finding.confidence`): 0.5 just under the threshold it
fell below, rising to 1 as the measure falls to 0; at most 0.3 for weak evidence.

## Why is this bad?
A scraper that takes the page title instead of the article's headline ("KXIP vs KKR Live
Score" over a story about US sanctuary cities), or a pipeline that shifts headlines by one
article, produces training pairs that teach a summariser to invent. The body is usually fine;
the headline is what is wrong.

Exceptions made on purpose:
- A teaser whose subject is a personal pronoun pointing forward to the story ("They're innocent
  looking enough but actually quite dangerous", over a story on strawberry fumigants) is weak
  evidence, reported only with `weak-evidence`; and a rare adjective or participle opening an
  English headline ("Kindhearted police with holiday spirit") is not taken for a name the body
  lacks, nor, in another language, the headline's very first word, whatever it is (no word list
  tells a rare noun from a name there: a held-out Czech source's "Praotec všech offroadů
  omládl", forefather of all off-roaders; of the calibration's headlines swapped between
  Belgian articles it let go one, whose "name" was the common noun "Gilets" opening a part of
  the headline). Both added on 2026-12-04 after a held-out English source's two false alarms; no other
  finding changed on `../shared/corpus` or the other sources ("This ..." headlines were left
  out of the first: on `fnc-train/` they are a determiner before the subject, and 8 unrelated
  ones would have been let go).
- A headline with no content word (only very common words or numbers) is not judged, nor a
  body of fewer than `short-body-words` words. A body under `min-body-words` (a sentence or
  two) is judged only when the headline shares no key term with it and, with the sentence
  model, means something else as well (similarity under `short-semantic-threshold`).
- A headline plainly in another language than its body (three function words of the other
  at least, and not half as many of the body's) is not judged: their words cannot be compared.
- A body in a language newslint has no list for (told English or no language, yet under a
  tenth of its words English function words, as in isiXhosa) is weak evidence only, reported
  with `weak-evidence`: its words cannot be weighed (no word frequencies) and its names not
  matched (they carry class prefixes: "uMasualle" in the body, "kaMasualle" in the headline).
  Added on 2026-12-05 after a held-out isiXhosa source (`isolezwe-za-xh`), where all 10 of
  NL101's findings were about their stories; no other finding changed anywhere.
- A headline written mostly in another script than a body told English (a Sinhala headline over
  a Sinhala lead followed by an English report of the same story) is weak evidence too: its
  words cannot be compared with the body's, nor read by the English sentence model. Added on
  2026-12-05 after a held-out Sinhala source's one false alarm; nothing else changed anywhere.
- A headline mostly in a script written without spaces between words (Thai, Lao, Burmese,
  Khmer, Tibetan, Chinese, Japanese) is not judged: its runs of letters are phrases, not words,
  and a headline shares them with its body by chance only.
- A site's name after the headline, as scraped page titles carry it ("... | Fox News", "... -
  The Washington Post", "... - nytimes.com"), an author's after a slash ("... / Víctor Flores
  Olea"), and a short label before a colon (a rubric, a topic or a dateline: "Edito : ...",
  "La Dernière Humeur: ...", "Liège : ...", "Report: ...") do not count against it: the
  headline is judged with and without them, and the better counts; names in them are not
  names the body must give.
- A results or fixtures line ("Bristol City 2-1 Milton Keynes", "Ireland v USA (Sat)") is not
  reported when the body gives the score or names either side in any form: a match report
  calls the sides by city, nickname or demonym.
- A site's name after the headline in a page title ("... - Newspaper - DAWN.COM") counts
  neither against the headline nor for it: the body's "Published in Dawn" line shares it, the
  story does not.
- Korean words are matched by their pairs of syllables when the body lacks the whole word:
  Korean joins nouns into compounds and particles to nouns, a headline more than its story
  ("코로나환자" for "코로나19 환자", "국가난제해결" for "국가 난제를 해결"), and a word of two
  syllables ("예후") is a content word. With no capitals to tell names by, a Korean headline
  that shares (next to) nothing with a body of 100 words or more is strong evidence, unless it
  is a column's standing title, a rubric and a date ("[오늘의 운세] 7월 11일 목요일"). Added on
  2026-12-05 (twentieth session) after ko-naver-news's one false alarm, designed there: swapped
  headlines within that source found 53 of 100 (5 before), its false alarms 0 (1). Held out, on
  400 Chosun Ilbo society stories of 2023-26 (dejv0000/rfx's committed RSS feed, not a project
  source): swapped headlines 57 of 100 (none before), false alarms 2, both a daily horoscope's
  rubric-and-date title, until the standing-title exception was added after them (then 0).
- Headlines in Title Case or in capitals are judged by the overlap alone: their case does not
  tell names from words ("Asia Shares Defy Post-quake Gloom").
- A placeholder or a breadcrumb trail where the headline belongs ("Untitled", "404 Not Found",
  "Home | News | Business") is NL504 headline-problem's finding, not this rule's.
- Quoted words ("'Fido' to be taken off vote lists") and abbreviations in capitals are never
  taken as names the body lacks.
- Weak evidence is not reported unless `weak-evidence` asks for it (then with a raw confidence
  of at most 0.3): headlines that say the story in other words rather than another story's,
  the typical false alarm. These are a headline of one or two content words and no name the
  body lacks (a pun or an allusion: "A November to remember", "The future in your pocket"),
  unless the sentence model finds its meaning far from the story's too (similarity under
  0.15), or whatever the model says when it names nothing at all (in sentence case, no
  capitalised word after the first and no number: "A tough spot", "No time left" over two
  editorials; added on 2026-12-04 after a held-out source's false alarms, it changed no other
  finding on the development corpus, `fnc-train/` or eighteen sources); and, in a language other than English, where no sentence model reads the text, any
  but a headline that shares (next to) nothing with a body of 100 words or more and names what
  it never mentions: French and Spanish headlines over their own paywall teasers paraphrase
  them ("durcit le ton" over "la voie de la fermeté"), and columns are titled by allusion.

Measured on 2026-12-03 (before issue #14's changes in brackets; the extra installed unless
said): on FNC-1's training pairs (`fnc-train/`, 836 headlines written for another story, 837
for their own), F1 0.975 (0.961), precision 0.996 (0.990), recall 0.955 (0.933), 3.6 false
alarms per 1,000 related headlines (9.6); without the extra F1 0.926 (0.926), 7.2 (9.6). On
3,626 published articles from 8 other sources (`benchmarks/sources.py`): 0.8 false alarms per
1,000 (21.8), 1.1 without the extra (19.9): none on six sources, 4.0 on BBC Sport (a surname
the story never gives, "Radcliffe proves doubters wrong" over a feature that calls her Paula;
team nicknames, "Reds sink 10-man Magpies"), 1.7 on Reuters (a wire digest's slug). On the
development corpus: 1 clean finding in 1,313 ("New 'yob' targets to be unveiled") and 98 of
100 swapped headlines, as before (without the extra 85, one fewer: "issue" and "issues" now
share a stem). The changes were designed on `fnc-train/`, BBC Sport and La DH; the other
sources were looked at for their figures only. Headlines swapped between articles of one
source (100 per source, made for this measure) are found by default: 90% (BBC Sport), 88% (BBC
technology), 94% (Reuters), 63% (Guardian), 27% (Spanish), 22% (La DH), 4% (La Libre): within a
French source on one topic (the gilets jaunes) most swapped headlines share its words and are
weak evidence here.

## Example
```
KXIP vs KKR Live Score

Sanctuary laws and policies seek to build trust with immigrant communities ...
```

## Use instead
```
Justice Department threatens sanctuary cities with subpoenas

Sanctuary laws and policies seek to build trust with immigrant communities ...
```

## Options
- `threshold` (float, default 0.12): the share of the headline's weighted content words that
  the body must account for. Higher finds more swapped headlines and more false alarms.
- `names-threshold` (float, default 0.25): below this overlap, a headline naming what the body
  never mentions is reported too (without the sentence model). Set it to 0 to judge by the
  overlap alone.
- `lead-paragraphs` (int, default 2): how many opening paragraphs count double (paragraphs of
  fewer than ten words that are not a sentence, such as a byline, are passed over).
- `min-body-words` (int, default 40): shorter bodies are judged only on strong evidence.
- `short-body-words` (int, default 8): shorter bodies are not judged at all.
- `semantic` (bool, default true): judge by meaning too when `newslint[semantic]` is
  installed. Set it to false for the lexical rule alone (a cold run of every default rule
  is about 2.5 times as fast without it).
- `semantic-threshold` (float, default 0.38): the semantic similarity plus half the overlap
  below which the headline is reported. Higher finds more swapped headlines and more false
  alarms.
- `semantic-names-threshold` (float, default 0.48): the same measure's threshold for a headline
  that names what the body never mentions.
- `semantic-veto` (float, default 0.5): a headline the shared words report is let go when its
  similarity in meaning to the story's opening is at least this.
- `short-semantic-threshold` (float, default 0.25): a short body's headline that shares no key
  term with it is reported when its similarity in meaning is below this.
- `weak-evidence` (bool, default false): report findings on weak evidence too (see above), with
  a raw confidence of at most 0.3.
"""
from __future__ import annotations

import functools
import itertools
import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import regex

from newslint.document import Document
from newslint.rule import Finding, Options, Rule
from newslint.text import embeddings, language
from newslint.text.keywords import (ENGLISH, WORD, is_content_word, key_terms, load_word_list, mostly_unspaced,
                                    normalise, rarity, split_elisions, stem, stem_in, weighing_language,
                                    words, zipf)
from newslint.text.names import abbreviates, name_phrases
from newslint.text.page_titles import placeholder_kind
from newslint.text.person_names import first_name_only, is_given_name, is_surname
from newslint.text.patterns import lazy_regex

SATURATION = 2.0  # body occurrences (lead ones double) at which a headline word counts in full
LEAD_MIN_WORDS = 10  # shorter paragraphs ("By Jane Smith, Business reporter") are not the lead
# The semantic measure is asked only about headlines sharing less than 40% of their key-term
# weight with the body: one that shares more is about it in practice, and the model is what
# costs time. (A bar of 0.35 was tried on 2026-12-04: no headline sharing more was reported by
# meaning on fnc-train, injected/ or nine clean sources, but a swapped headline of the
# calibration's damaged BBC copies shares 0.37 and means something else, similarity 0.10.)
SEMANTIC_MAX_OVERLAP = 0.4
OPENING_SENTENCES = 5  # a real headline says what one of the story's first sentences says
OPENING_MIN_WORDS = 5  # shorter "sentences" are fragments ("Mr Smith said.")
DETECT_CHARACTERS = 1000  # the body's language is told from its opening
LEAD_MIN_SENTENCE_WORDS = 4  # "Jamie Costin should be paralysed." is a lead of its own


def _story_paragraphs(texts: Sequence[str]) -> Iterator[int]:
    """Indexes of the paragraphs of story, in order and read only as far as asked: a byline or
    a dateline line is not one, a short sentence is; a body of short lines only is all story."""
    found = False
    for i, text in enumerate(texts):
        count = len(text.split())
        if count >= LEAD_MIN_WORDS or (count >= LEAD_MIN_SENTENCE_WORDS and text.rstrip().endswith((".", "!", "?"))):
            found = True
            yield i
    if not found:
        yield from (i for i, text in enumerate(texts) if len(text.split()) >= LEAD_MIN_SENTENCE_WORDS)


def _lead(texts: Sequence[str], lead_paragraphs: int) -> list[int]:
    """The indexes of the first ``lead_paragraphs`` paragraphs of story."""
    return list(itertools.islice(_story_paragraphs(texts), lead_paragraphs))


@dataclass
class Body:
    """What NL101 reads of the body, computed once per article: its language, its words
    counted (the lead's apart), and, when asked, its runs of capitalised words."""

    text: str
    language: str
    lead: Counter[str]
    rest: Counter[str]
    size: int = field(init=False)
    _stems: dict[str, float] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.size = sum(self.lead.values()) + sum(self.rest.values())

    @classmethod
    def of(cls, doc: Document, lead_paragraphs: int) -> Body:
        """The body of ``doc``, with the first ``lead_paragraphs`` paragraphs of story as its lead."""
        # The paragraphs' texts are cut out as they are read, never listed: a body of a million
        # short lines held a list of them and of their indexes.
        texts = doc.paragraph_texts
        story = _lead(texts, lead_paragraphs)  # the lead: the first paragraphs of story
        lead_texts = [texts[i] for i in story]

        def rest_texts() -> Iterator[str]:
            return (text for i, text in enumerate(texts) if i not in story)

        lead, rest = _tally(lead_texts), _tally(rest_texts())
        # The opening's characters, each paragraph cut to them before it is copied out: a body
        # of many megabytes is not joined (nor its first paragraphs copied whole) for them.
        opening = "\n".join(doc.text[p.start:min(p.end, p.start + DETECT_CHARACTERS)]
                             for p in doc.paragraphs[:DETECT_CHARACTERS])[:DETECT_CHARACTERS]
        lang = _language_of((lead, rest), opening)
        if any(split_elisions(text, lang) != text for text in itertools.chain(lead_texts, rest_texts())):
            lead, rest = _tally(lead_texts, lang), _tally(rest_texts(), lang)
        return cls("\n".join(texts), lang, lead, rest)

    @functools.cached_property
    def syllable_pairs(self) -> frozenset[str]:
        """The pairs of Hangul syllables next to each other inside the body's words ("코로",
        "로나", "환자"): how a Korean headline's compound, or a word with its particle, is found
        in the body that writes it apart ("코로나환자" for "코로나19 환자")."""
        return frozenset(word[i:i + 2] for tally in (self.lead, self.rest) for word in tally
                         if _HANGUL_WORD.search(word) for i in range(len(word) - 1))

    def stem_counts(self, wanted: set[str]) -> dict[str, float]:
        """Counts of the ``wanted`` stems in the body (the lead's double), kept for the next
        question (a headline's variants ask about the same words)."""
        new = wanted - self._stems.keys()
        if new:
            prefixes = {w[:3] for w in new}  # a stem keeps its word's first three letters
            self._stems.update(dict.fromkeys(new, 0.0))
            for tally, weight in ((self.lead, 2.0), (self.rest, 1.0)):
                # (the words sharing a prefix picked out first, in one comprehension: a loop
                # over every word of the body with the stemming inside cost twice the time)
                for word in [w for w in tally if w[:3].lower() in prefixes]:
                    if (key := stem_in(word, self.language)) in new:
                        self._stems[key] += weight * tally[word]
        return self._stems

    @property
    def weights(self) -> str:
        """The language whose word frequencies weigh this body's words."""
        return weighing_language(self.language)

    @cached_property
    def vocabulary(self) -> set[str]:
        """Every word of the body, normalised."""
        return {normalise(w) for tally in (self.lead, self.rest) for w in tally}

    @cached_property
    def phrases(self) -> list[tuple[str, ...]]:
        """The body's runs of capitalised words, from each capitalised word on ("the Bank of
        England" gives "Bank of England", "England")."""
        runs = name_phrases(self.text)
        # Each cut to its first _PHRASE_WORDS words: an abbreviation is matched against a
        # phrase's start only (each of its letters spans at most three words), and a run of
        # thousands of capitalised words would otherwise give phrases of a size quadratic in it.
        return [run[i:i + _PHRASE_WORDS] for run in runs for i in range(len(run)) if run[i][:1].isupper()]

    def abbreviated(self, token: str) -> int:
        """How often the body spells out what ``token`` abbreviates ("Utd": "United")."""
        return sum(1 for phrase in self.phrases if abbreviates(token, phrase))

    @cached_property
    def first_named(self) -> frozenset[str]:
        """The people the body calls by their first name only (``person_names.first_name_only``)."""
        return first_name_only(self.text)

    def as_first_named(self, token: str) -> int:
        """1 when ``token`` may be the surname of someone the body calls by first name only: a
        capitalised word the body never uses, a common surname, no common given name, not an
        ordinary word ("Radcliffe" over a column that says "Paula" throughout); else 0. The
        body says nothing of it either way, so it is let go rather than counted against the
        headline."""
        if not token[:1].isupper():
            return 0
        name = normalise(token)
        # The cheap tests first: most headline names are common words or the body's own words.
        if zipf(name, self.weights) >= NAME_ZIPF or not is_surname(name) or is_given_name(name) \
                or name in self.vocabulary:
            return 0
        return 1 if self.first_named else 0


def _tally(texts: Iterable[str], lang: str = ENGLISH) -> Counter[str]:
    """The words of ``texts`` counted paragraph by paragraph (a list of every word of a body of
    many megabytes took ten times its size; no word spans two paragraphs), in one pass in C."""
    return Counter(itertools.chain.from_iterable(words(text, lang) for text in texts))


_PHRASE_WORDS = 48  # three words per letter of the longest abbreviation compared (16 letters)
ENGLISH_SHARE = 0.25  # English text is about 40% English function words; French or Spanish under 10%
# A body told English or no language at all, of at least UNLISTED_MIN_WORDS words, of which
# English function words are under NOT_ENGLISH_SHARE, is in a language newslint has no list for
# (isiXhosa, 2026-12-05: 1 or 2 in 100; every English body NL101 reported on ../shared/corpus and
# the sources, real or false, 20 in 100 or more). Its words can be neither weighed (no word
# frequencies) nor matched (its names carry a class prefix: "uMasualle", "kwiCAF"): the
# language UNLISTED, judged on weak evidence only (weak_evidence).
UNLISTED = "mis"  # ISO 639-2's code for uncoded languages
UNLISTED_MIN_WORDS = 30
NOT_ENGLISH_SHARE = 0.1


def _language_of(tallies: tuple[Counter[str], ...], opening: str) -> str:
    """The language of a body whose words are counted in ``tallies``: English at once when
    its share of English function words says so (the common case, and a cheap one), else as
    language.detect tells from the ``opening``."""
    english = language.stopwords(ENGLISH)
    total = sum(sum(tally.values()) for tally in tallies)
    # The function words as written first, found by a set intersection: English text reaches
    # the share with them alone, without a look at each of its words.
    function = sum(tally[w] for tally in tallies for w in tally.keys() & english)
    if total and function >= ENGLISH_SHARE * total:
        return ENGLISH
    # (a lower-case word is looked up as it is: most are, and lowering each cost more than the rest)
    function = sum(n for tally in tallies for w, n in tally.items()
                   if w in english or (not w.islower() and w.lower() in english))
    if total and function >= ENGLISH_SHARE * total:
        return ENGLISH
    told = language.detect([w.lower() for w in WORD.findall(opening)], opening)
    if told in (ENGLISH, language.UNDETERMINED) and total >= UNLISTED_MIN_WORDS and function < NOT_ENGLISH_SHARE * total:
        return UNLISTED  # no English, whatever the opening's few words suggested: a language of no list
    return told


@dataclass(frozen=True)
class Overlap:
    """How much of a headline's content-word weight the body accounts for."""

    score: float  # the share of the weight found
    shared: list[str]  # the headline words found
    weight: float  # the headline's content-word weight
    words: int  # the headline's content words


def overlap(doc: Document, options: Options, headline: str | None = None,
            body: Body | None = None) -> tuple[float, list[str]] | None:
    """The share of the headline's (or ``headline``'s) content weight the body accounts for,
    and the headline words found in the body; None when there is nothing to judge."""
    if doc.headline is None:
        return None
    body = body or Body.of(doc, options["lead-paragraphs"])
    measured = measure(headline or doc.headline.text(doc), body)
    if measured is None or body.size < options["min-body-words"]:
        return None
    return measured.score, measured.shared


def measure(headline: str, body: Body) -> Overlap | None:
    """The overlap of ``headline`` with ``body``; None when the headline has no content word.
    A word counts when the body has its stem, or spells out what it abbreviates."""
    lang = body.weights
    head = [w for w in words(headline, lang) if is_content_word(w, lang) or _is_korean_word(w)]
    if not head:
        return None
    counts = body.stem_counts({stem_in(w, body.language) for w in head})
    total = sum(rarity(w, lang) for w in head)
    shares = {}
    for w in head:
        found = counts[stem_in(w, body.language)] or (w[:1].isupper() and (body.abbreviated(w) or SATURATION * body.as_first_named(w)))
        shares[w] = min(1.0, found / SATURATION)
        if not found and _is_korean_word(w):
            shares[w] = _syllable_share(w, body)
    matched = sum(rarity(w, lang) * share for w, share in shares.items())
    return Overlap(matched / total, [normalise(w) for w, share in shares.items() if share > 0], total, len(head))


# A word of Hangul syllables (two or more: "예후", prognosis, is one word of two letters).
_HANGUL_WORD = lazy_regex(r"\p{Hangul}{2}")


# Languages whose script has no capitals to tell a name by, and whose words NL101 matches by
# their syllables (see _syllable_share).
CASELESS_LANGUAGES = frozenset({"ko"})


def _is_korean_word(word: str) -> bool:
    return not word.isascii() and _HANGUL_WORD.search(word) is not None


# What a column's standing title holds besides its rubric: brackets, and a date's words (figures
# with their units, "7월 11일"; a day of the week, "목요일").
_RUBRIC = lazy_regex(r"[\[(（【〈<][^\])）】〉>]*[\])）】〉>]")
_KOREAN_WEEKDAY = lazy_regex(r"\p{Hangul}요일$")


def _names_a_topic(headline: str) -> bool:
    """Whether a Korean headline has a word of its own outside its brackets that is no part of
    a date: "[오늘의 운세] 7월 11일 목요일 (음력 6월 6일 丙子)" ("[Today's fortune] Thursday 11
    July") titles a daily column and says nothing its body must share."""
    rest = _RUBRIC.sub(" ", headline)
    return any(_is_korean_word(w) and not any(c.isdigit() for c in w) and not _KOREAN_WEEKDAY.search(w)
               for w in WORD.findall(rest))


def _syllable_share(word: str, body: Body) -> float:
    """The share of a Korean word's pairs of syllables that the body's words hold: Korean joins
    nouns into compounds and particles to nouns, and a headline does so more than its story
    ("국가난제해결" for "국가 난제를 해결"), so whole words rarely match."""
    pairs = [word[i:i + 2] for i in range(len(word) - 1) if _HANGUL_WORD.fullmatch(word[i:i + 2])]
    return sum(pair in body.syllable_pairs for pair in pairs) / len(pairs) if pairs else 0.0


# Quoted words in a headline are a phrase or a nickname ("'Fido' to be taken off vote lists"),
# and capitals-only words are abbreviations the body may spell out ("TOTP", "OAPs").
_QUOTED = lazy_regex(r"(?<![\p{L}\p{N}])(['‘\"“«])[^'‘’\"“”«»]+(?:['’\"”»])(?![\p{L}\p{N}])")
_ABBREVIATION = lazy_regex(r"\p{Lu}{2,}s?")
# What ends a sentence, or opens a quotation or a title, inside a headline: the next word's
# capital is the position's ("Si l'élection devait se tenir... C'est encore Macron qui gagnerait").
_SENTENCE_BREAK = lazy_regex(r"(?:[.!?:;…]|[\"“”«»‘'(\[–—-])\s*$")
_COMPOUND_HEAD = lazy_regex(r"\b(\p{Lu}\p{L}*)-\p{Ll}")  # "Souped-up", "Anti-war"
NAME_ZIPF = 3.5  # a word capitalised by its position counts as a name only when rarer than this
# A capitalised word at least this common is an ordinary word first ("November", "Read", "Female"):
# a headline does not name something the body lacks by using it.
COMMON_NAME_ZIPF = 4.5
# Names that share this many first letters are one ("Turkish" and "Turkey", "Asian" and "Asia").
NAME_PREFIX = 4


def missing_names(doc: Document, headline: str | None = None, body: Body | None = None) -> list[str]:
    """The headline's (or ``headline``'s) names (capitalised words that are not capitalised by
    their position, quoted or an abbreviation) that the body never uses, not even in a related
    or abbreviated form."""
    body = body or Body.of(doc, 2)
    lang = body.weights
    headline = _QUOTED.sub(" ", headline or doc.headline.text(doc))  # type: ignore[union-attr]
    tokens = _positioned_words(headline, lang)
    longer = [t for t, _ in tokens if len(t) > 3]  # Title Case leaves "to", "a", "of" in lower case
    if sum(t[:1].isupper() for t in longer) >= 0.7 * len(longer):
        return []  # Title Case or capitals: case does not tell names from words ("Gloom", "Defy")
    compounds = set(_COMPOUND_HEAD.findall(headline))
    missing = []
    for index, (token, opens_sentence) in enumerate(tokens):
        name = normalise(token)
        if not token[:1].isupper() or len(name) < 3 or _ABBREVIATION.fullmatch(token):
            continue
        if token in compounds:
            continue  # a compound ("Souped-up", "Anti-war"), not a name
        commonness = zipf(name, lang)
        if opens_sentence and (commonness >= NAME_ZIPF or _describes(token, lang, index == 0)):
            continue  # an ordinary word capitalised as a sentence's first
        if commonness >= COMMON_NAME_ZIPF and not _in_capitalised_run(tokens, index):
            continue  # an ordinary word on its own ("November", "Read"), not a name ("South Bank")
        if not named_in(body, token):
            missing.append(token)
    return missing


# Endings of English adjectives and participles: a rare word with one, capitalised only because
# it opens the headline ("Kindhearted police with holiday spirit"), describes; it names nothing.
_DESCRIBING_ENDINGS = ("ed", "ful", "less", "ous", "ive", "able", "ible")


def _describes(token: str, lang: str, first: bool) -> bool:
    """Whether a word capitalised as a sentence's first reads as no name: in English, by an
    adjective's or participle's ending, when it is no common given name or surname; in another
    language, the headline's very first word, whatever it is (no word list tells a rare noun
    from a name there: "Praotec všech offroadů omládl", "forefather of all off-roaders")."""
    if lang != ENGLISH:
        return first
    return token.lower().endswith(_DESCRIBING_ENDINGS) and not (is_given_name(token) or is_surname(token))


def _in_capitalised_run(tokens: list[tuple[str, bool]], index: int) -> bool:
    """Whether the word at ``index`` stands next to another capitalised word that its position
    does not capitalise ("South Bank Awards", "Big Brother")."""
    neighbours = [tokens[i] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
    return any(word[:1].isupper() and not opens for word, opens in neighbours) or (
        index + 1 < len(tokens) and tokens[index + 1][0][:1].isupper())


def named_in(body: Body, token: str) -> bool:
    """Whether the body uses the headline's capitalised ``token``: as it is, as the ordinary
    word it also is (in lower case), in a related form ("Turkish" for "Turkey", "Irish" for
    "Ireland"), or spelt out ("Manchester United" for "Man Utd", "Ultra Wideband" for "UWB")."""
    name = normalise(token)
    if name in body.vocabulary:
        return True
    if any(_related(name, other) for other in body.vocabulary if other[:2] == name[:2]):
        return True
    return body.abbreviated(token) > 0 or body.as_first_named(token) > 0


# A results or fixtures line: two sides and a score or "v" ("Bristol City 2-1 Milton Keynes",
# "Ireland v USA (Sat)", "England 44-8 France: Six Nations player ratings").
_FIXTURE = lazy_regex(r"^(?P<home>\p{Lu}[\p{L}\p{N} .'’&-]{0,30}?)\s+(?P<score>\d{1,3}\s*[-–]\s*\d{1,3}|v|vs\.?)\s+"
                      r"(?P<away>\p{Lu}[\p{L}\p{N} .'’&-]{0,30}?)(?:\s*\([^)]*\))?(?:\s*[:,].*)?$")


def fixture_in_body(headline: str, body: Body) -> bool:
    """Whether ``headline`` is a results or fixtures line whose score, or one of whose sides,
    the body gives: a match report names the sides in its own way (a nickname, a demonym, the
    city alone), so the line's words are not the test."""
    line = _FIXTURE.match(headline)
    if line is None:
        return False
    score = regex.sub(r"\s+", "", line["score"])
    if score[0].isdigit() and regex.search(rf"(?<!\d){regex.escape(score)}(?!\d)", body.text.replace(" - ", "-")):
        return True
    return any(named_in(body, token) for side in ("home", "away") for token in WORD.findall(line[side])
               if token[:1].isupper() and len(token) >= 3)


def _positioned_words(text: str, lang: str) -> list[tuple[str, bool]]:
    """The words of a headline, each with whether it opens the headline, a sentence or a
    quotation. The first part of a compound opening one ("Souped-up", "Well-known") opens it
    too, and the compound is one word for that."""
    text = split_elisions(text, lang)
    words_at = []
    end = 0  # where the word before ended: only the characters since then can open this one
    for m in WORD.finditer(text):
        gap, first = text[end:m.start()], end == 0
        end = m.end()
        opens = (first and not gap.strip()) or _SENTENCE_BREAK.search(gap) is not None
        if words_at and gap.endswith("-") and words_at[-1][1] and m[0].islower():
            continue  # "up" of "Souped-up": the compound was judged by its capital
        words_at.append((m[0], opens))
    return words_at


# Endings of the words that name a people or a language ("Irish", "Chinese", "Brazilian",
# "français", "belge"): with the same first letters, a place's name and its people's are one.
_DEMONYM = lazy_regex(r"\p{L}?(?:ish|ese|ian|ean|ais|ois|aise|oise|ien|ienne|ench|ic|ano|ana|eño|eña|ense)")


def _related(name: str, other: str) -> bool:
    """Whether two words are forms of one name: a common start of ``NAME_PREFIX`` letters or
    more, differing only in their last three letters ("Turkish"/"Turkey", "Europe"/"Euro"); or
    a place and its people, with two first letters in common and a people's ending
    ("Ireland"/"Irish", "France"/"French", "Belgique"/"belges")."""
    common = len(os.path.commonprefix([name, other]))
    if common >= NAME_PREFIX and common >= min(len(name), len(other)) - 3:
        return True
    if common < 2 or min(len(name), len(other)) < 4:
        return False
    return any(_DEMONYM.fullmatch(a[common:]) and len(b) > common + 1 for a, b in ((name, other), (other, name)))


# A site's name after the title, as scraped page titles carry it: "... | Fox News", "... - The
# Washington Post", "... — BBC Sport", "... - nytimes.com"; or an author's name after a slash
# ("... / Víctor Flores Olea").
_SITE_SUFFIX = lazy_regex(
    r"\s*(?:\|.*|\s[-–—/]\s+(?:(?:The|the)\s+)?(?:[\p{Lu}\d][\p{L}\d.&'’]*\s*){1,4}"
    r"|\s[-–—]\s+[\w-]+\.(?:com|co\.uk|org|net|news)(?:\.\w\w)?)$")
_MAX_SUFFIXES = 3  # segments a page title may add after the headline (section, site, site again)
# A rubric, a topic or a dateline before a colon: "Edito : ...", "Liège : ...", "Report: ...".
_LABEL = lazy_regex(r"^(?P<label>[^:\"“”«»]{1,40}?)\s*:\s+(?P<rest>\S.*)$")
MAX_LABEL_WORDS = 4


def headline_variants(text: str) -> list[str]:
    """The headline as written, without a site's name after it, and without a short label
    before a colon, each when it has one, the barest last."""
    variants = [text]
    bare = text.strip()
    for _ in range(_MAX_SUFFIXES):  # "No time left - Newspaper - DAWN.COM": a section, then the site
        shorter = _SITE_SUFFIX.sub("", bare).strip()
        if shorter == bare or len(words(shorter)) < 2:
            break
        bare = shorter
    if bare != text.strip():
        variants.append(bare)
    label = _LABEL.match(variants[-1])
    if label and len(words(label["label"])) <= MAX_LABEL_WORDS and len(words(label["rest"])) >= 2:
        variants.append(label["rest"].strip())
    return variants


@dataclass
class Evidence:
    """What NL101 measured of one article's headline against its body."""

    doc: Document
    overlap: Overlap  # of the headline variant that shares most with the body
    body: Body
    headline: str  # the barest variant: what the sentence model reads
    lead_paragraphs: int
    written: str  # the headline as written

    @cached_property
    def names(self) -> list[str]:
        """The headline's names the body never mentions (see missing_names)."""
        return missing_names(self.doc, self.headline, self.body)

    @cached_property
    def meaning(self) -> Meaning:
        """The headline's meaning against the story's opening, read as far as asked."""
        return Meaning(self.doc, _by_first_name(self.headline, self.body), self.lead_paragraphs)

    @property
    def similarity(self) -> float | None:
        """The headline's similarity in meaning to the story's opening (see semantic_similarity)."""
        return self.meaning.value()


def evidence(doc: Document, options: Options) -> Evidence | None:
    """The headline measured against the body; None when it cannot be judged: no headline
    (or a placeholder), a script without spaces, a body too short or in another language, or
    no content word."""
    if doc.headline is None or placeholder_kind(doc.headline.text(doc)) is not None:
        return None  # no headline, or a page's placeholder: NL504 headline-problem's
    text = doc.headline.text(doc)
    if mostly_unspaced(text):
        return None  # words cannot be told apart without a segmenter for the language
    body = Body.of(doc, options["lead-paragraphs"])
    if body.size < options["short-body-words"] or _in_another_language(text, body):
        return None
    variants = headline_variants(text)
    # A site's name after the headline counts neither against it nor for it: "A tough spot -
    # Newspaper - DAWN.COM" shares "Dawn" with the body's "Published in Dawn" line, not the story.
    judged = variants[1:] if _SITE_SUFFIX.search(text.strip()) and len(variants) > 1 else variants
    measured = [m for m in (measure(v, body) for v in judged) if m is not None]
    if not measured:
        return None
    best = max(measured, key=lambda m: m.score)  # a site name or a rubric must not count against it
    return Evidence(doc, best, body, variants[-1], options["lead-paragraphs"], text)


def _by_first_name(headline: str, body: Body) -> str:
    """The headline as the sentence model reads it: a surname the body never uses, of the one
    person it calls by first name only, given as that first name ("Paula proves doubters wrong"
    for "Radcliffe proves doubters wrong"), since the model cannot know they are one person."""
    surnames = {token for token in WORD.findall(headline) if body.as_first_named(token)}
    if not surnames or len(body.first_named) != 1:
        return headline
    (first,) = body.first_named
    return WORD.sub(lambda match: first if match[0] in surnames else match[0], headline)


def _in_another_language(headline: str, body: Body) -> bool:
    """Whether the headline is plainly in another language than the body (a French headline
    over an English story): their words cannot be compared. Plainly: three function words of
    the other language at least, and not half as many of the body's ("Caught a catfish record
    in Po" has as many Slovenian as English ones)."""
    tokens = [w.lower() for w in WORD.findall(headline)]
    said = language.detect(tokens, headline)
    if language.UNDETERMINED in (said, body.language) or said == body.language:
        return False
    theirs = sum(t in language.stopwords(said) for t in tokens)
    own = sum(t in language.stopwords(body.language) for t in tokens)
    return theirs >= language.MIN_HITS and own * 2 < theirs


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report a headline whose key terms the body does not account for, or that names what
    the body never mentions while sharing little else with it."""
    found = evidence(doc, options)
    if found is None:
        return
    verdict = judge(found, options)
    if verdict is not None:
        why, confidence = verdict
        about = ", ".join(key_terms((p.text(doc) for p in doc.paragraphs), language=found.body.weights))
        yield Finding.at(doc.headline, f"{why}; the body is about: {about}", confidence=confidence)  # type: ignore[arg-type]


def _semantic_usable(found: Evidence, options: Options) -> bool:
    """Whether the sentence model may judge: asked for, installed, and the body in its language."""
    return options["semantic"] and embeddings.reads(found.body.language)


def _in_model_language(body: Body) -> bool:
    """Whether the body is in English (the sentence model's language, and the one NL101's
    thresholds were measured in) or in no language told apart."""
    return body.language in embeddings.MODEL_LANGUAGES


def judge(found: Evidence, options: Options) -> tuple[str, float] | None:
    """Why the headline is not about the body and how sure that is (a raw confidence in
    [0, 1]), or None when it may well be. Findings on weak evidence (see weak_evidence) are
    kept only when the ``weak-evidence`` option asks for them."""
    if fixture_in_body(found.written, found.body):
        return None
    semantic = _semantic_usable(found, options)
    if found.body.size < options["min-body-words"]:
        verdict = _judge_short(found, options, semantic)
    else:
        verdict = _judge_full(found, options, semantic)
    if verdict is None:
        return None
    why, confidence = verdict
    if weak_evidence(found, semantic):
        if not options["weak-evidence"]:
            return None
        confidence = min(confidence, WEAK_CONFIDENCE)
    return why, confidence


WEAK_CONFIDENCE = 0.3  # the raw confidence of a finding on weak evidence, at most


# In another language than English, only a headline that shares (next to) nothing with a body
# of this many words and names what the body never mentions is judged on strong evidence.
OTHER_LANGUAGE_BODY_WORDS = 100
OTHER_LANGUAGE_OVERLAP = 0.05
FEW_WORDS = 2  # a headline of this few content words and no name says little to judge by
# ... unless its meaning is this far from the story's (a pun is close to it, another story's is not)
WEAK_SIMILARITY = 0.15


def weak_evidence(found: Evidence, semantic: bool) -> bool:
    """Whether a mismatch rests on weak evidence: the kind of headline that says the story
    in other words (a pun, an allusion, a column's title) rather than another story's.
    - In a language newslint has no list for (``UNLISTED``), any.
    - In another language than English, any but a headline that shares (next to) nothing with
      a body of some length and names what it never mentions: French and Spanish headlines
      over their own paywall teasers paraphrase them ("durcit le ton" over "la voie de la
      fermeté"), and no sentence model reads them.
    - A headline of one or two content words and no name the body lacks ("A November to
      remember", "The future in your pocket"), unless the sentence model finds its meaning
      far from the story's too.
    - A teaser whose subject is a personal pronoun pointing forward to the story ("They're
      ...", "It's ...", "She ...") and that names nothing the body lacks.
    - A headline written mostly in another script than the body's language (a Sinhala headline
      over a body told English because an English report follows its Sinhala lead): its words
      cannot be compared with the body's, nor read by the English sentence model."""
    if found.body.language == UNLISTED:
        return True  # words it cannot weigh, names it cannot match
    if _in_model_language(found.body) and _mostly_other_script(found.written):
        return True
    if not _in_model_language(found.body):
        # A script without capitals (Hangul) has no names to tell: the overlap alone speaks.
        named = found.names or (found.body.language in CASELESS_LANGUAGES and _names_a_topic(found.written))
        return not (named and found.body.size >= OTHER_LANGUAGE_BODY_WORDS
                    and found.overlap.score <= OTHER_LANGUAGE_OVERLAP)
    if found.overlap.words <= FEW_WORDS and not found.names:
        if _names_nothing(found.headline):
            return True  # an editorial's or a column's title: "A tough spot", "No time left"
        return not semantic or found.meaning.reaches(lambda similarity: similarity >= WEAK_SIMILARITY) \
            or found.similarity is None
    if not found.names and _FORWARD_REFERENCE.match(found.written):
        return True  # a teaser hides its subject on purpose ("They're Innocent Looking Enough But ...")
    return False


def _mostly_other_script(headline: str) -> bool:
    """Whether most of a headline's letters are outside the Latin script (the English model's)."""
    letters = [c for c in headline if c.isalpha()]  # (a headline is short: each letter is named)
    other = sum(1 for c in letters if not c.isascii() and not unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and other * 2 > len(letters)


def _names_nothing(headline: str) -> bool:
    """Whether a headline in sentence case gives no name, number or capitalised word after its
    first ("A tough spot", "No time left"): a short one of that kind is an idiom, and nothing in
    it can tell another story's headline from a figurative title of its own story's."""
    tokens = WORD.findall(headline)
    return len(tokens) >= 2 and not any(c.isdigit() for c in headline) \
        and (len(tokens[0]) == 1 or tokens[0][1:].islower()) and all(token.islower() for token in tokens[1:])


# A headline whose subject is a pronoun with nothing before it to refer to points forward to the
# story (a teaser: "They're innocent looking enough but actually quite dangerous", "It's ..."):
# it withholds the words a mismatch is measured by. ("This ..." is most often a determiner with
# the subject after it: "This Guy Paid Off His Parents' Mortgage".)
_FORWARD_REFERENCE = lazy_regex(r"^[\s\"'“‘]*(?:they|they're|they’re|it's|it’s|she|he)\b", regex.IGNORECASE)


def _judge_full(found: Evidence, options: Options, semantic: bool) -> tuple[str, float] | None:
    """A body of full length: by shared words (with names), then by meaning."""
    score = found.overlap.score
    # With the sentence model, a headline that shares some words but names what the body lacks
    # is judged by meaning as well (_why_semantic's names test): "English clubs make Euro
    # history" over a story on the Champions League shares little but means the same.
    why = _why_lexical(found, options, names=not semantic)
    if why is not None:
        if semantic and found.meaning.likely_reaches(options["semantic-veto"]):
            return None  # the words differ, the meaning does not: a reworded headline
        return why, _margin(score, options["threshold"] if score < options["threshold"] else options["names-threshold"])
    if semantic and score < SEMANTIC_MAX_OVERLAP and not _meaning_passes(found, options):
        why = _why_semantic(found, options, found.similarity)
        if why is not None:
            combined = (found.similarity or 0.0) + score / 2
            bar = options["semantic-threshold"] if combined < options["semantic-threshold"] else options["semantic-names-threshold"]
            return why, _margin(combined, bar)
    return None


def _meaning_passes(found: Evidence, options: Options) -> bool:
    """Whether the headline's meaning is surely close enough for _why_semantic to let it be
    (settled, often, before every opening sentence has been through the model)."""
    bar = max(options["semantic-threshold"], options["semantic-names-threshold"]) if found.names \
        else options["semantic-threshold"]
    score = found.overlap.score
    return found.meaning.reaches(lambda similarity: similarity + score / 2 >= bar)


def _margin(value: float, bar: float) -> float:
    """A raw confidence from how far ``value`` fell below ``bar``: 0.5 just under it, 1 at 0."""
    return round(0.5 + 0.5 * max(0.0, min(1.0, (bar - value) / bar)), 3) if bar > 0 else 0.5


def _judge_short(found: Evidence, options: Options, semantic: bool) -> tuple[str, float] | None:
    """A body of a sentence or two is judged only on strong evidence: the headline shares no
    word with it and, with the sentence model, means something else too."""
    if found.overlap.score > 0:
        return None
    if not semantic:
        return "headline shares no key terms with the short body", 0.6
    if found.meaning.reaches(lambda similarity: similarity >= options["short-semantic-threshold"]):
        return None
    similarity = found.similarity
    if similarity is None:
        return None
    return (f"headline shares no key terms with the short body and means something else "
            f"(similarity in meaning {similarity:.2f} < {options['short-semantic-threshold']})"), \
        _margin(similarity, options["short-semantic-threshold"])


def _why_lexical(found: Evidence, options: Options, names: bool = True) -> str | None:
    """Why the headline is not about the body by its words (and, with ``names``, the names it
    gives that the body lacks), or None when it may well be."""
    score, shared = found.overlap.score, found.overlap.shared
    if score < options["threshold"]:
        if not shared:
            return "headline shares no key terms with the body"
        return (f"headline shares few key terms with the body (only {', '.join(shared)}; "
                f"overlap {score:.2f} < {options['threshold']})")
    if names and score < options["names-threshold"] and found.names:
        named = ", ".join(f"'{n}'" for n in found.names)
        return (f"headline names {named}, which the body never mentions, and shares few key terms "
                f"with it (overlap {score:.2f} < {options['names-threshold']})")
    return None


def _why_semantic(found: Evidence, options: Options, similarity: float | None) -> str | None:
    """Why the headline does not mean what the story's opening says, or None when it may."""
    if similarity is None:
        return None
    score = found.overlap.score
    combined = similarity + score / 2
    measured = f"similarity in meaning {similarity:.2f} + overlap {score:.2f} / 2 = {combined:.2f}"
    if combined < options["semantic-threshold"]:
        return f"headline means something other than the story's opening ({measured} < {options['semantic-threshold']})"
    if combined < options["semantic-names-threshold"] and found.names:
        named = ", ".join(f"'{n}'" for n in found.names)
        return (f"headline names {named}, which the body never mentions, and means something other "
                f"than the story's opening ({measured} < {options['semantic-names-threshold']})")
    return None


def semantic_similarity(doc: Document, headline: str, lead_paragraphs: int) -> float | None:
    """How close the headline's meaning is to the story's opening: the mean of its cosine
    similarity to the closest of the first sentences and to the lead paragraphs as a whole.
    The two views disagree on different headlines, so together they are steadier than either
    (and than the mean of the sentences' vectors in place of the lead's own)."""
    return Meaning(doc, headline, lead_paragraphs).value()


class Meaning:
    """semantic_similarity, computed only as far as a question needs. The sentence model is
    most of NL101's cost (5 to 80 ms a text, in proportion to its tokens), and whether the
    similarity passes a bar is often settled by the headline, the lead and the first opening
    sentence: the closest sentence can only raise it, so each sentence read gives a lower
    bound, and the last one the value itself."""

    def __init__(self, doc: Document, headline: str, lead_paragraphs: int):
        self.opening = opening_sentences(doc)
        texts = doc.paragraph_texts
        lead = " ".join(texts[i] for i in _lead(texts, lead_paragraphs))
        self._texts = [headline, lead, *self.opening] if self.opening else []
        self._vectors: list = []  # rows of the texts read so far, in order

    def _bound(self, sentences: int) -> float:
        """The similarity from the first ``sentences`` opening sentences (a lower bound)."""
        import numpy as np

        wanted = 2 + sentences
        if len(self._vectors) < wanted:
            # A question the first sentence leaves open is seldom settled before the last (a
            # swapped headline's is not): the rest are read at once, so they run as one batch.
            upto = wanted if wanted == 3 else len(self._texts)
            self._vectors.extend(embeddings.embed(self._texts[len(self._vectors):upto]))
        vectors = np.stack(self._vectors[:wanted])
        closest = float((vectors[2:] @ vectors[0]).max())
        return (closest + float(vectors[1] @ vectors[0])) / 2

    def value(self) -> float | None:
        """The similarity (None when the story has no opening sentence)."""
        return self._bound(len(self.opening)) if self.opening else None

    def reaches(self, enough: Callable[[float], bool]) -> bool:
        """Whether the similarity passes ``enough``, a test that any higher similarity passes
        too (False when there is no opening sentence)."""
        return any(enough(self._bound(count)) for count in range(1, len(self.opening) + 1))

    def likely_reaches(self, bar: float) -> bool:
        """Whether the similarity reaches ``bar``, as ``reaches`` tells, but settled from the
        headline and the lead alone when even an opening sentence ``SENTENCE_RISE`` closer to the
        headline than the lead could not lift it to ``bar``: the question NL101's veto asks of a
        headline the shared words report, mostly another story's, whose sentences would only
        confirm it (two texts through the model instead of seven)."""
        if not self.opening:
            return False
        if not self._vectors:
            self._vectors.extend(embeddings.embed(self._texts[:2]))
        lead = float(self._vectors[1] @ self._vectors[0])
        if (min(1.0, lead + SENTENCE_RISE) + lead) / 2 < bar:
            return False
        return self.reaches(lambda similarity: similarity >= bar)


# How much closer to the headline than the lead an opening sentence is taken to be at most, when
# a question is settled without the sentences (Meaning.likely_reaches). Measured on 2026-12-04
# over the 1,318 headlines that reached the model on fnc-train, injected/, clean/ and eight other
# sources of clean articles: at most 0.36. At 0.5, 753 of the 796 vetoes asked were settled
# from the headline and the lead, none otherwise than by reading the sentences.
SENTENCE_RISE = 0.5


def opening_sentences(doc: Document) -> list[str]:
    """The first ``OPENING_SENTENCES`` sentences of the story (bylines and fragments passed over)."""
    sentences: list[str] = []
    for index in _story_paragraphs(doc.paragraph_texts):
        for sentence in doc.sentences_in(doc.paragraphs[index]):
            text = sentence.text(doc)
            if len(text.split()) >= OPENING_MIN_WORDS:
                sentences.append(text)
                if len(sentences) == OPENING_SENTENCES:
                    return sentences
    return sentences



_BODY = ("The city council voted on Tuesday to close two libraries and a swimming pool to save "
         "money. Councillors said the closures would save the council 2m a year, while library "
         "users protested outside the town hall. The council leader said the library service "
         "would move to the civic centre and that the pool would be sold to a leisure company. "
         "Campaigners said they would challenge the library closures in court.")

RULE = Rule(
    code="NL101",
    name="headline-mismatch",
    summary="The headline is not about the body",
    doc=__doc__,
    check=check,
    options={"threshold": 0.12, "names-threshold": 0.25, "lead-paragraphs": 2, "min-body-words": 40,
             "short-body-words": 8, "semantic": True, "semantic-threshold": 0.38,
             "semantic-names-threshold": 0.48, "semantic-veto": 0.5, "short-semantic-threshold": 0.25,
             "weak-evidence": False},
    warm_up=load_word_list,
    extras=tuple((package, f"pip install '{embeddings.EXTRA}'") for package in embeddings.PACKAGES),
    bad_examples=(f"KXIP vs KKR Live Score\n\n{_BODY}\n",
                  f"Rooney scores twice as United beat Villa\n\n{_BODY}\n"),
    good_examples=(f"Council to shut libraries and pool\n\n{_BODY}\n",
                   f"Library closures spark protest\n\n{_BODY}\n"),
)
