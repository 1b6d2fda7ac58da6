"""NL101 headline-mismatch: the headline is not about the body.

## What it does
Weighs each content word of the headline by how rare it is in English (a word-frequency list,
`wordfreq`), and measures how much of that weight the body accounts for: a headline word counts
in full when its light stem ("cities" and "city", "mayors" and "mayor") occurs at least twice in
the body, half when once, and the first `lead-paragraphs` paragraphs count double, since a real
headline sums up the lead. When the share of the headline's weight found in the body falls
below `threshold`, the headline is reported, with the terms the body is about.

A headline that shares a little more (below `names-threshold`) is also reported when it names
someone or something the body never mentions: a capitalised word that is not only capitalised
by position (the first word counts only when rare), not in quotation marks and not an
abbreviation in capitals, of which the body has no form ("Turkish" and "Turkey", "Asia" and "Asian" are one
name). A real headline names the story's people, firms and places, and its body names them
too; a swapped one names those of another story ("Saudi investor picks up the Savoy" over a
story about a Japanese bank).

With the optional extra `newslint[semantic]` installed, a headline that passes those tests
while sharing under 40% of its key-term weight is also judged by meaning: a small sentence
model (all-MiniLM-L6-v2, shipped on PyPI, run on the CPU with no network) measures how close the
headline's meaning is to the story's opening: the mean of its cosine similarity to the closest
of the first five sentences and to the lead paragraphs as a whole. The headline is reported
when that similarity plus half the overlap falls below `semantic-threshold`, or below
`semantic-names-threshold` when it also names someone or something the body never mentions
(as above: two weak signs together). This finds swapped headlines from stories of the same
kind, which share the section's words or happen to share one ("Japan turns to beer
alternatives" over a story about a US pension fund deficit shares only "turns", but enough of
its weight to pass the overlap test). Without the extra the rule is lexical only; the results
cache knows which.

## Why is this bad?
A scraper that takes the page title instead of the article's headline ("KXIP vs KKR Live
Score" over a story about US sanctuary cities), or a pipeline that shifts headlines by one
article, produces training pairs that teach a summariser to invent. The body is usually fine;
the headline is what is wrong.

Exceptions made on purpose:
- A headline with no content word (only very common words or numbers) is not judged.
- A body of fewer than `min-body-words` words is not judged: there is too little to compare.
- A headline mostly in a script written without spaces between words (Thai, Lao, Burmese,
  Khmer, Tibetan, Chinese, Japanese) is not judged: its runs of letters are phrases, not words,
  and a headline shares them with its body by chance only.
- Headlines that say the same thing in other words share no stems with the body and can be
  reported: puns and allusions ("Jungle TV show ratings drop by 4m" for a story that never
  says "jungle") are the typical false positive. The threshold is set so that this stays under
  2 in 1,000 professionally edited articles.

- A site's name after the headline, as scraped page titles carry it ("... | Fox News", "... -
  The Washington Post", "... - nytimes.com"), does not count against it: the headline is
  judged with and without it, and the better of the two counts. (Added to every clean BBC
  headline, such suffixes made 20 false alarms per 1,000 before this exception, 0.8 after.)
- Headlines in Title Case or in capitals are judged by the overlap alone: their case does not
  tell names from words ("Asia Shares Defy Post-quake Gloom").
- A placeholder or a breadcrumb trail where the headline belongs ("Untitled", "404 Not Found",
  "Home | News | Business") is NL504 headline-problem's finding, not this rule's.
- Quoted words ("'Fido' to be taken off vote lists") and abbreviations in capitals ("TOTP",
  "OAPs", which the body may spell out) are never taken as names the body lacks.

Measured on the development corpus (1,313 clean BBC articles): 1 finding (0.8 per 1,000), a
headline whose key word ("yob") the body never uses, with or without the semantic extra. On 100
swapped headlines: lexical only, 47 of 50 taken from another section and 39 of 50 taken from
the same section are found (swaps within a section share the section's vocabulary; a
`names-threshold` of 0.3 finds 42 of the same-section swaps at 1.5 false alarms per 1,000);
with the semantic extra, 50 of 50 and 48 of 50, no clean article more reported. The nearest
clean one, a pun ("Jungle TV show ratings drop by 4m"), is 0.03 above `semantic-threshold`,
which stays clean from 0.36 to 0.40; the nearest clean headline naming what its body lacks
("Probe launched on Ken Nazi jibe") is 0.06 above `semantic-names-threshold`.

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
  never mentions is reported too. Set it to 0 to judge by the overlap alone.
- `lead-paragraphs` (int, default 2): how many opening paragraphs count double (paragraphs of
  fewer than ten words, such as a byline, are passed over).
- `min-body-words` (int, default 40): shorter bodies are not judged.
- `semantic` (bool, default true): judge by meaning too when `newslint[semantic]` is
  installed. Set it to false for the lexical rule alone (a cold run of every default rule
  is about 2.5 times as fast without it).
- `semantic-threshold` (float, default 0.38): the semantic similarity plus half the overlap
  below which the headline is reported. Higher finds more swapped headlines and more false
  alarms.
- `semantic-names-threshold` (float, default 0.48): the same measure's threshold for a headline
  that names what the body never mentions.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import regex

from newslint.document import Document
from newslint.rule import Finding, Options, Rule
from newslint.text import embeddings
from newslint.text.page_titles import placeholder_kind
from newslint.text.keywords import (is_content_word, key_terms, load_word_list, mostly_unspaced, normalise,
                                    rarity, stem, words, zipf)

SATURATION = 2.0  # body occurrences (lead ones double) at which a headline word counts in full
LEAD_MIN_WORDS = 10  # shorter paragraphs ("By Jane Smith, Business reporter") are not the lead
# The semantic measure is asked only about headlines sharing less than 40% of their key-term
# weight with the body: one that shares more is about it in practice (no swapped headline of
# the development corpus shares over 0.31), and the model is what costs time.
SEMANTIC_MAX_OVERLAP = 0.4
OPENING_SENTENCES = 5  # a real headline says what one of the story's first sentences says
OPENING_MIN_WORDS = 5  # shorter "sentences" are fragments ("Mr Smith said.")


def _story_paragraphs(texts: list[str]) -> list[int]:
    """Indexes of the paragraphs of story: a byline or a dateline line is not one."""
    return [i for i, text in enumerate(texts) if len(text.split()) >= LEAD_MIN_WORDS]


def _body_tallies(doc: Document, lead_paragraphs: int) -> tuple[Counter[str], Counter[str]]:
    """The words of the lead paragraphs and of the rest of the body, counted."""
    texts = [p.text(doc) for p in doc.paragraphs]
    story = _story_paragraphs(texts)[:lead_paragraphs]  # the lead: the first paragraphs of story
    lead, rest = Counter(), Counter()
    for index, text in enumerate(texts):  # paragraph by paragraph: no list of every word at once
        (lead if index in story else rest).update(words(text))
    return lead, rest


def _body_counts(tallies: tuple[Counter[str], Counter[str]], wanted: set[str]) -> tuple[Counter[str], int]:
    """Counts of the ``wanted`` stems in the body (lead paragraphs counting double), and the
    body's number of words."""
    lead, rest = tallies
    prefixes = {w[:3] for w in wanted}  # a stem keeps its word's first three letters
    counts: Counter[str] = Counter()
    for tally, weight in ((lead, 2.0), (rest, 1.0)):
        for word, count in tally.items():
            if word[:3].lower() in prefixes and stem(word) in wanted:
                counts[stem(word)] += weight * count
    return counts, sum(lead.values()) + sum(rest.values())


def overlap(doc: Document, options: Options, headline: str | None = None,
            tallies: tuple[Counter[str], Counter[str]] | None = None) -> tuple[float, list[str]] | None:
    """The share of the headline's (or ``headline``'s) content weight the body accounts for,
    and the headline words found in the body; None when there is nothing to judge.
    ``tallies`` are the body's counted words when the caller already has them."""
    if doc.headline is None:
        return None
    head = [w for w in words(headline or doc.headline.text(doc)) if is_content_word(w)]
    tallies = tallies or _body_tallies(doc, options["lead-paragraphs"])
    counts, body_words = _body_counts(tallies, {stem(w) for w in head})
    if not head or body_words < options["min-body-words"]:
        return None
    total = sum(rarity(w) for w in head)
    shares = {w: min(1.0, counts[stem(w)] / SATURATION) for w in head}
    matched = sum(rarity(w) * share for w, share in shares.items())
    return matched / total, [normalise(w) for w, share in shares.items() if share > 0]


# Quoted words in a headline are a phrase or a nickname ("'Fido' to be taken off vote lists"),
# and capitals-only words are abbreviations the body may spell out ("TOTP", "OAPs").
_QUOTED = regex.compile(r"(?<![\p{L}\p{N}])(['‘\"“])[^'‘’\"“”]+(?:['’\"”])(?![\p{L}\p{N}])")
_ABBREVIATION = regex.compile(r"\p{Lu}{2,}s?")
NAME_ZIPF = 3.5  # a headline's first word counts as a name only when rarer than this
# Names that share this many first letters are one ("Turkish" and "Turkey", "Asian" and "Asia").
NAME_PREFIX = 4


def missing_names(doc: Document, headline: str | None = None) -> list[str]:
    """The headline's (or ``headline``'s) names (capitalised words that are not just the
    first word, quoted or an abbreviation) that the body never uses, not even in a related form."""
    headline = _QUOTED.sub(" ", headline or doc.headline.text(doc))  # type: ignore[union-attr]
    tokens = words(headline)
    longer = [t for t in tokens if len(t) > 3]  # Title Case leaves "to", "a", "of" in lower case
    if sum(t[:1].isupper() for t in longer) >= 0.7 * len(longer):
        return []  # Title Case or capitals: case does not tell names from words ("Gloom", "Defy")
    body = {normalise(w) for p in doc.paragraphs for w in words(p.text(doc))}
    missing = []
    for index, token in enumerate(tokens):
        name = normalise(token)
        if not token[:1].isupper() or len(name) < 3 or _ABBREVIATION.fullmatch(token):
            continue
        if index == 0 and zipf(name) >= NAME_ZIPF:
            continue  # an ordinary word capitalised as the first
        if name not in body and not any(_related(name, other) for other in body if other[:2] == name[:2]):
            missing.append(token)
    return missing


def _related(name: str, other: str) -> bool:
    """Whether two words are forms of one name: a common start of ``NAME_PREFIX`` letters or
    more, differing only in their last three letters ("Turkish"/"Turkey", "Europe"/"Euro")."""
    common = len(os.path.commonprefix([name, other]))
    return common >= NAME_PREFIX and common >= min(len(name), len(other)) - 3


# A site's name after the title, as scraped page titles carry it: "... | Fox News", "... - The
# Washington Post", "... — BBC Sport", "... - nytimes.com".
_SITE_SUFFIX = regex.compile(
    r"\s*(?:\|.*|\s[-–—]\s+(?:(?:The|the)\s+)?(?:[\p{Lu}\d][\p{L}\d.&'’]*\s*){1,4}"
    r"|\s[-–—]\s+[\w-]+\.(?:com|co\.uk|org|net|news)(?:\.\w\w)?)$")


def headline_variants(text: str) -> list[str]:
    """The headline as written, and without a site's name after it when it has one."""
    bare = _SITE_SUFFIX.sub("", text).strip()
    return [text, bare] if bare != text.strip() and len(words(bare)) >= 2 else [text]


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report a headline whose key terms the body does not account for, or that names what
    the body never mentions while sharing little else with it."""
    if doc.headline is None or placeholder_kind(doc.headline.text(doc)) is not None:
        return  # no headline, or a page's placeholder: NL504 headline-problem's
    if mostly_unspaced(doc.headline.text(doc)):
        return  # words cannot be told apart without a segmenter for the language
    variants = headline_variants(doc.headline.text(doc))
    tallies = _body_tallies(doc, options["lead-paragraphs"])  # once, for every variant
    judgements = [j for j in (overlap(doc, options, v, tallies) for v in variants) if j is not None]
    if not judgements:
        return
    score, shared = max(judgements, key=lambda j: j[0])  # a site name must not count against it
    why = _why(doc, options, score, shared, variants[-1])
    if why is None and options["semantic"] and score < SEMANTIC_MAX_OVERLAP and embeddings.available():
        why = _why_semantic(doc, options, score, variants[-1])
    if why is not None:
        about = ", ".join(key_terms(p.text(doc) for p in doc.paragraphs))
        yield Finding.at(doc.headline, f"{why[0]}; the body is about: {about}", confidence=why[1])


def _margin(value: float, threshold: float) -> float:
    """How far below ``threshold`` a measure fell, as a share of it: the finding's raw score."""
    return max(0.0, min(1.0, 1 - value / threshold)) if threshold > 0 else 0.0


def _why(doc: Document, options: Options, score: float, shared: list[str],
         headline: str) -> tuple[str, float] | None:
    """Why the headline is not about the body and by what margin, or None when it may well be."""
    if score < options["threshold"]:
        margin = _margin(score, options["threshold"])
        if not shared:
            return "headline shares no key terms with the body", margin
        return (f"headline shares few key terms with the body (only {', '.join(shared)}; "
                f"overlap {score:.2f} < {options['threshold']})", margin)
    if score < options["names-threshold"] and (names := missing_names(doc, headline)):
        named = ", ".join(f"'{n}'" for n in names)
        return (f"headline names {named}, which the body never mentions, and shares few key terms "
                f"with it (overlap {score:.2f} < {options['names-threshold']})",
                _margin(score, options["names-threshold"]))
    return None


def _why_semantic(doc: Document, options: Options, score: float,
                  headline: str) -> tuple[str, float] | None:
    """Why the headline does not mean what the story's opening says and by what margin, or
    None when it may."""
    similarity = semantic_similarity(doc, headline, options["lead-paragraphs"])
    if similarity is None:
        return None
    combined = similarity + score / 2
    measured = f"similarity in meaning {similarity:.2f} + overlap {score:.2f} / 2 = {combined:.2f}"
    if combined < options["semantic-threshold"]:
        return (f"headline means something other than the story's opening ({measured} < {options['semantic-threshold']})",
                _margin(combined, options["semantic-threshold"]))
    if combined < options["semantic-names-threshold"] and (names := missing_names(doc, headline)):
        named = ", ".join(f"'{n}'" for n in names)
        return (f"headline names {named}, which the body never mentions, and means something other "
                f"than the story's opening ({measured} < {options['semantic-names-threshold']})",
                _margin(combined, options["semantic-names-threshold"]))
    return None


def semantic_similarity(doc: Document, headline: str, lead_paragraphs: int) -> float | None:
    """How close the headline's meaning is to the story's opening: the mean of its cosine
    similarity to the closest of the first sentences and to the lead paragraphs as a whole.
    The two views disagree on different headlines, so together they are steadier than either
    (and than the mean of the sentences' vectors in place of the lead's own)."""
    opening = opening_sentences(doc)
    if not opening:
        return None
    texts = [p.text(doc) for p in doc.paragraphs]
    lead = " ".join(texts[i] for i in _story_paragraphs(texts)[:lead_paragraphs])
    vectors = embeddings.embed([headline, lead, *opening])
    closest = float((vectors[2:] @ vectors[0]).max())
    return (closest + float(vectors[1] @ vectors[0])) / 2


def opening_sentences(doc: Document) -> list[str]:
    """The first ``OPENING_SENTENCES`` sentences of the story (bylines and fragments passed over)."""
    sentences: list[str] = []
    for index in _story_paragraphs([p.text(doc) for p in doc.paragraphs]):
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
             "semantic": True, "semantic-threshold": 0.38,
             "semantic-names-threshold": 0.48},
    warm_up=load_word_list,
    extras=tuple((package, f"pip install '{embeddings.EXTRA}'") for package in embeddings.PACKAGES),
    bad_examples=(f"KXIP vs KKR Live Score\n\n{_BODY}\n",
                  f"Rooney scores twice as United beat Villa\n\n{_BODY}\n"),
    good_examples=(f"Council to shut libraries and pool\n\n{_BODY}\n",
                   f"Library closures spark protest\n\n{_BODY}\n"),
)
