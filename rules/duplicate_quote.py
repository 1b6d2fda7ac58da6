"""NL401 duplicate-quote: the same quotation is given twice in one article.

## What it does
Compares every quotation of the body (straight or curly double quotes, paired per paragraph;
an unclosed quotation runs to the end of its paragraph, and a paragraph continuing a quotation
from the one before counts too) with the rest of the article, and reports a quotation when
either
- most of its words already appeared earlier in the body, verbatim or nearly so (a few words
  changed or dropped, another speaker named), whether earlier inside quotation marks or not; or
- it contains most of an earlier quotation and is itself mostly those words: the same words
  quoted again inside a (somewhat) longer quote.

The finding covers the intruding copy and names the line of the other
(`newslint.text.intruder`): the later quotation, unless only the *earlier* copy stands alone in
its paragraph (a bare quotation, or one with at most a short attribution, `"...," a spokesman
said.`) while the later sits in a fuller paragraph, or only the earlier one is bare while the
later stands alone with its attribution, or only the earlier one is zoned outside the story
(`Document.zones`), or lies in an excerpt block at the top (paragraphs that the story gives
again further down in another order: `newslint.text.intruder.excerpt_block`, added on
2026-12-04 after a held-out source of US publishers), or only the earlier one gives its speaker
after a dash ("“...” — Anthony Fauci, director of ...", a pull quote's or an epigraph's
attribution, where the story's own says "he said"; added the same day after one such pull quote
there, it changed no other finding): then the earlier copy is the likelier intruder (a pull
quote, deck or excerpt inserted before the original) and is the one reported ("quotation stands
alone and repeats the one on line N"). For the same reason a bare quotation whose words stand
unquoted in a later paragraph is reported too, when it has at least ten words: a shorter one is
a saying set apart as a heading and then discussed in the writer's own words ("All adopted kids
are messed up." over a paragraph asking whether they are; added on 2026-12-04 after a held-out
source's false alarm, no other finding changed). So is display text set apart before the
story's own quotation: a line of at most 30 words, one sentence ending on a word with its stop
dropped, that gives the quotation bare (a pull quote) or with its speaker (a caption or
crosshead: `'In the long run it can only help women', says Helen Edwards`), while the story's
quotation ends its sentence; the display line is reported, never the story's quotation (added
on 2026-12-04 after a held-out Brazilian source, where the story's quotation was reported
instead; on `fnc-train/` it moved 5 findings from the story's quotation to the pull quote or
embedded post before it). When neither copy looks inserted (see `report_unclear` below),
nothing is reported by default.

A pull quote without quotation marks is found as well: a paragraph that is nothing but a
quotation's words, unquoted, before or after the paragraph that gives the quotation with its
attribution, is reported ("paragraph stands alone and repeats the quotation on line N", or
"paragraph repeats the quotation on line N"), never the story's quotation.

An unquoted paragraph of two sentences or more that gives a later quotation whole, word for
word both ways (95% of each side's words in runs of the other's), is a pull quote too (its
speaker is often on the line below: "Nicholas Reader, UN OCHA"): reported speech rewords. Added
on 2026-12-05 (twentieth session) after vn-baomoi's false alarm (designed there: the finding
moved from the story's quotation to the pull quote, labelled `pull-quote`); on `fnc-train/` it
added 1 finding, a Daily Mail pull quote above its speaker's line; on the line model's training
pages 9 findings moved to the earlier copy (pull quotes or a page's excerpts), none added or lost.

Two quotations alike where the earlier is a display line with its speaker (mostly quotation,
its opening mark seen, its stop dropped: "Tusk odpowiada: "Albo w areszcie, albo w
Budapeszcie"" over the story's ""Albo w areszcie, albo w Budapeszcie"."), the display line is
reported, as a bare pull quote is; and a quoted crosshead (no sentence punctuation) whose words
the story then gives unquoted, in the writer's own sentence, is no copy, as an unquoted crosshead
over the story's quotation is not. Both added on 2026-12-05 (twentieth session) after a held-out
Polish source, where the story's copy was reported twice (designed there: 1 finding moved to the
crosshead, 1 gone); elsewhere 1 finding was added, ro-political-press 0003:11, a related-story
line repeating the quotation of another (labelled `repeated-furniture`); nothing else changed.

Words are compared case-folded with apostrophe variants unified, as runs of three words
(`newslint.text.similarity`), so a changed word costs only itself.

## Why is this bad?
A quotation repeated in a new paragraph is a trace of a scraper or a content mill stitching text
together, or of a careless edit: the reader gets the same words twice, sometimes attributed to
two different people, which is a factual error in news.

Exceptions made on purpose:
- One formula filled in twice is two quotations: when, inside both (words shared before and
  after), each gives two words or more where the other gives its own ("... the appointment of
  Roger W. Ferguson as a citizen regent ..." and "... of Michael Govan as ..."), neither repeats
  the other. A quotation given again with a word changed, cut, extended or framed by other words
  is still a copy. (Added on 2026-12-04 after a list of resolutions on a held-out source of US
  publishers; it changed no other finding anywhere.) The same holds when both end on their own
  words, three or more each, after a shared opening ("... of the rule submitted by the
  Department of Education relating to accountability and State plans ..." and "... relating to
  teacher preparation issues"). Added on 2026-12-05 after the next resolution of that list; on
  the line model's 9,314 held-out training pages it let go 6 findings, all quoted script
  values (`cv.c5="/news/uk_news/article/2007/12/29/..."`), and nothing else anywhere.
- A post the page embeds (its text, then the signature "— Name (@handle) date":
  `newslint.text.embedded_posts`) gives again the words the story quotes from it: the story's
  quotation is never reported as the copy; the post may be (it is the page's, not the story's),
  here or by NL402 duplicate-paragraph. Added on 2026-12-05 after two held-out sources of US
  publishers (a story's bare quotation of a tweet, and its attributed quotation after the
  tweet, each reported as a copy of the embed); on the held-out training pages it let go one
  finding, a retweet repeating an embedded tweet whose signature was missing.
- A statement, speech or letter the story quotes and then prints in full under an introducing
  line ("Here's Paul's statement in full:", "Joint Statement by ...", "Monsieur le Premier
  Ministre,": a line of 4 to 25 words ending in a colon or in no sentence end, the last such
  line of the article, followed by at least three paragraphs to the end, most of them given
  nowhere before) is the article's own: a quotation before that line repeated inside the text
  below it is not reported (`newslint.text.intruder.full_text_start`). A deck or pull quote that
  quotes nothing above such a section still is, and a page captured again under a line is told
  apart because most of what follows was given before. Added on 2026-12-04 after held-out
  sources (a joint statement and a memorandum on a Sri Lankan source, a senator's statement on
  a US one, a king's speech on a Belgian one: 8 false alarms); it changed no other finding on
  the development corpus, `pages/` or the sources; on `fnc-train/` it changed none either.
- Quotations shorter than `min_words` words are never compared: scare quotes and names in
  quotes ("sanctuary cities", "pure politics") are legitimately repeated.
- A quotation that reads like a title or a name (most of its words capitalised, no sentence
  punctuation: a film, a book, a campaign, a firm's legal name "Portuaria de Veracruz, S.A. de
  C.V.", whose stops end initials) is not compared.
- A phrase quoted *inside* the writer's own sentence (`said the plan was "only a small part of
  the agenda" and that...`), starting in lower case after a word, is the writer echoing words
  already reported, an accepted device: such a later occurrence makes no finding at all (so a
  bare copy inserted *before* such a phrase is not found either; precision first). So are words
  cited in capitals mid-sentence, with no stop or comma of their own before the closing mark and
  the sentence going on in lower case with no speech verb ('beginning with "There are those who
  are asking the devotees of civil rights" and ending with ...': added on 2026-12-05 after a
  held-out source of US blogs; on the line model's held-out training pages it let go 2 more
  findings, a German body's name quoted mid-sentence, left open, and an essay's citation, story).
- A phrase quoted in the lede (the first `lede_paragraphs` paragraphs), or just before (at
  most `follow_paragraphs` paragraphs before) a longer quotation that contains it, is the news
  convention of summarising a quotation and then giving it in full; it is not reported. The
  same phrase quoted again inside a longer quotation further on is (a phrase from paragraph 5
  quoted again in paragraph 12), and so is any quotation repeated (nearly) as it was.
- A quotation of the lede given again in a fuller story paragraph (the quotation with the
  story's own words beside it, more than a short attribution) is the convention of leading
  with the strongest words and quoting them again where the story comes to them; not
  reported. So is one given again with its attribution (`"...", répond Patrick Dils.`) after a
  lede that quoted it inside the writer's sentence (added on 2026-12-05 after a held-out
  Belgian source's court report; it let go one more finding there, an allowed one, and nothing
  else anywhere). A bare copy still is, and so is any copy of a lede that is nothing but the
  quotation with a short attribution.
- A quotation with its attribution (`"...," the mayor posted.`) whose words stand unquoted in a
  later paragraph is the story quoting a post that the page embeds after it: not reported (only
  a bare quotation is, as above). Added on 2026-12-04 after a held-out source (BASIL: New York
  Times, Fox News, HuffPost) showed it reporting the story's own quotation of a tweet; it let go
  3 more such findings on `fnc-train/` (tweets embedded after the story's quotation of them)
  and no other finding anywhere.
- A bare quotation that a sentence of the story hands over to ("Tortoreo told The Dodo:", a
  paragraph ending in a colon, not a heading in headline case) is the story's quotation,
  attributed by that line: not a pull quote, so a repeat of it is reported only as an unclear
  one (`report_unclear`). Added on 2026-12-05 after a held-out source of US blogs (a recap
  paragraph at the end quoting it again); it changed nothing else on the sources, and on the
  line model's held-out training pages it let go 10 findings on lines their ground truth keeps
  as story (essays quoting a passage after "..., wrote:"), none labelled furniture.
- A crosshead quoting its section (a bare line of at most 15 words, quoted or not, that ends
  on a word with no sentence punctuation, before the paragraph that gives the quotation), as
  French and Spanish papers title their sections, is not a copy; not reported. The same line
  *after* the quotation is.
- Unquoted words of the lede given again as a quotation (`China has said it will not allow
  new factories to be built.` ... `"We will not allow new factories to be built," he said.`)
  are the lede reporting the speech indirectly before quoting it; not reported. Anywhere in the
  story, speech reported (indirectly, or quoting a part of it) and given whole at most
  `follow_paragraphs` paragraphs on, inside a fuller paragraph, is the same convention and not
  reported either; a copy standing alone (bare, or with a short attribution) still is.
- A quotation given again where neither copy looks inserted (both in fuller paragraphs of the
  story: a live report giving testimony twice, a speaker repeating a line, "I repeat. ...";
  or given first with its attribution and again in a fuller paragraph) is most often the
  paper's own repetition; a pasted copy or pull quote stands alone, bare, or outside the
  story. Not reported unless `report_unclear` is on.
- A statement quoted in part and later in full: the later quotation holds the earlier phrase
  but is mostly other words (less than half of its words the earlier ones); not reported,
  however far apart (a fix would delete the new words).
- A quotation given again where one copy lies in a paragraph that is other paragraphs of the
  article run together (`newslint.text.intruder.joined_paragraphs`): NL402 duplicate-paragraph
  reports that paragraph whole, and the story's quotation is not reported as its copy (added on
  2026-12-05 after a held-out isiXhosa source whose block of the whole story at the top made two
  of the story's quotations look repeated; no other finding changed).
- A closing mark with no quotation open makes the document model read a "quotation" from the
  paragraph start; when that span holds other quotations it is a misreading and is skipped.
- The headline is not part of the body: a headline phrase echoed in a quotation is fine; a
  body paragraph that is the headline again is NL504's, not reported here.

In a file of many megabytes (not an article), quotations are compared within stretches of
about 1 MB of paragraphs, and with at most 200 earlier quotations sharing their words: time
and memory stay bounded; a repeat a megabyte or more from the original is not found.

Measured on the 1,313 clean BBC development articles: 0 findings. On the 50 development
articles with a repeated quotation: all 50 found. On the seeds: only the repeated quotation.
On `benchmarks/quality.py --clean` with those articles (copies with other attributions, in a
new paragraph somewhere after the original): 71 of 71 found, and one false alarm, a phrase the
writer quotes and a fuller quotation of it three paragraphs on (the injected line had pushed
them past `follow_paragraphs`). A copy inserted *before* the original is reported at the
original unless the copy stands alone (see above).

A paragraph copied whole is one defect, and NL402 duplicate-paragraph reports it: when a
paragraph repeats an earlier one almost word for word (90% of its words both ways, at least 8
words) and is mostly narrative, its quotations are not reported here as well. A copied
paragraph that is mostly quotation is NL402's exception, and is reported here.

## Example
```
Factory to close with loss of 400 jobs

"This has been an extremely difficult decision for all of us," the managing director said.

Production will move to Poland over the next six months.

A union spokeswoman said: "This has been an extremely difficult decision for all of us."
```
The last paragraph gives the director's words again, now as the union's.

## Use instead
Give the quotation once, attributed to whoever said it:
```
Factory to close with loss of 400 jobs

"This has been an extremely difficult decision for all of us," the managing director said.

Production will move to Poland over the next six months.

A union spokeswoman said the staff had been "treated with contempt".
```

## Options
- `min_words` (int, default 6): quotations with fewer words are never compared.
- `threshold` (float, default 0.8): the share of a quotation's words that must be found again
  (in runs of three words) for it to count as a repeat.
- `lede_paragraphs` (int, default 1): how many opening paragraphs count as the lede, whose
  quoted phrases may be given again inside a fuller quotation, and whose unquoted words may
  be quoted, anywhere later.
- `follow_paragraphs` (int, default 2): a quoted phrase may be given again inside a fuller
  quotation, and reported speech quoted in full, at most this many paragraphs later.
- `report_unclear` (bool, default false): also report repeats where neither copy looks
  inserted: both copies in fuller paragraphs of the story, or an attributed (not bare)
  quotation given again later in a fuller paragraph. On real articles of eight publishers
  (`benchmarks/sources.py`, and the calibration's labelled sets) all 12 such findings were
  the papers' own repetitions (live coverage giving testimony twice, a speaker repeating a
  line, a statement given first with its attribution and again in context), none a pasted
  copy; turn it on to find re-attributions inside fuller paragraphs too.

## Fix
Unsafe, and only when the reported copy's paragraph consists of nothing but the quotation, or
the pull quote's words (and punctuation): that paragraph is removed, never one that holds
story text beside the copy. Which of the two copies is the intruder is a guess, hence unsafe.
"""
from __future__ import annotations

import difflib
import functools
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from newslint.document import Document, Quotation, Span
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.embedded_posts import embedded_posts
from newslint.text.intruder import (JOINED_MIN_WORDS, QUOTED_COPY, Copy, choose, is_headline_copy, joined_paragraphs,
                                    outside_story, straddles_full_text)
from newslint.text.patterns import lazy_re, lazy_regex
from newslint.text.promo_lines import in_headline_case
from newslint.text.quotes import quoted_share
from newslint.text.similarity import (ShingleIndex, Shingle, common_affixes, coverage, normalise_words, runs,
                                      segments, shingles)

# A paragraph repeating an earlier one this closely, and this long, is a copied paragraph
# (NL402's defaults), not a repeated quotation.
_COPY_COVERAGE, _COPY_MIN_WORDS = 0.9, 8
# A pull quote gives the quotation's words as they were: at least this share of its words are
# the quotation's (the story restating a quotation, "According to them, ...", adds its own).
_PULL_COVERAGE = 0.9
_N = 3  # words per shingle: long enough to ignore stock phrases, short enough for small edits
# At most this many words beside a quotation make its paragraph a bare quotation ("she added").
_ATTRIBUTION_WORDS = 6
_ALNUM = lazy_re(r"[^\W_]")  # what str.isalnum accepts
_SENTENCE_MARK = lazy_re(r"[.!?;]")  # punctuation a title or a name does not hold
# Initials and abbreviations with stops ("S.A.", "C.V.", "U.S."): a name's, not a sentence's.
_ABBREVIATION = lazy_regex(r"\b(?:\p{Lu}\.){1,3}(?=\s|$|[,:;)])")
# A crosshead (a section's title quoted from it) has at most this many words.
_MOSTLY_REPEATED = 0.5  # a longer quotation holding an earlier one: its share of the earlier's words
_CROSSHEAD_WORDS = 15
# A bare quotation whose words the story gives later, unquoted, is a pull quote when it is at
# least this long; a shorter one is a saying set apart as a heading and then discussed ("All
# adopted kids are messed up." over a paragraph asking whether all adopted kids are messed up).
_PULL_QUOTE_MIN_WORDS = 10
# Display text (a caption, a pull quote) has at most this many words.
_DISPLAY_WORDS = 30
# A quotation set apart with its speaker after a dash ("... transmission.' — Anthony Fauci,
# director of ..."): a pull quote's or an epigraph's attribution; the story's own says "he said".
_DASH_ATTRIBUTION = lazy_regex(r"[\s,.]*(?:—|–|--)\s*\p{Lu}")  # matched at the quotation's end
# At most this many earlier quotations are compared with each one (news articles hold dozens).
_MAX_COMPARED = 200
# Words that stay lower case inside a title ("The Lord of the Rings").
_TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to with".split())


@dataclass(frozen=True, slots=True)
class _Quote:
    """A quotation of the body with its normalised words and shingles, its paragraph number,
    and how it stands there."""

    quotation: Quotation
    paragraph: int
    words: tuple[str, ...]
    grams: frozenset[Shingle]
    alone: bool  # its paragraph holds this quotation and at most a short attribution
    embedded: bool  # a lower-case phrase inside the writer's own sentence


@dataclass(frozen=True, slots=True)
class _Repeat:
    """The copy to report, and what it repeats where (the message's first part)."""

    copy: _Quote
    message: str
    score: float = 1.0  # the raw score: how sure this kind of repeat is (newslint.confidence)
    unclear: bool = False  # neither copy looks inserted: reported only with ``report_unclear``
    other: int = -1  # the paragraph (by number) of the copy it repeats


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report each quotation that repeats words the article gives elsewhere."""
    groups = _quotations_by_paragraph(doc)
    for numbers in segments(doc.paragraphs):
        yield from _check_paragraphs(doc, numbers, groups, options)


def _check_paragraphs(doc: Document, numbers: range, groups: list[list[Quotation]],
                      options: Options) -> Iterator[Finding]:
    """Report the quotations of paragraphs ``numbers`` that repeat words given among them."""
    if not any(_may_hold(q, options["min_words"]) for n in numbers for q in groups[n]):
        return  # no quotation long enough to compare (many articles): no paragraph need be read
    # Each paragraph's words, whole and outside its quotations, read once: a file of one huge
    # paragraph would otherwise be cut into words again by every step below. The words outside
    # are read when first asked: most articles repeat nothing and ask few of them.
    said_words = {n: normalise_words(doc.paragraphs[n].text(doc)) for n in numbers}
    narrative_words = _NarrativeWords(doc, groups)
    quotes: list[_Quote] = []
    read: dict[str, _Read | None] = {}  # each quotation text's words and runs, read once
    for number in numbers:
        quotes.extend(_quotes_in(doc, number, groups[number], narrative_words, options["min_words"], read))
    candidates = _may_repeat(quotes, said_words.values(), options)
    if not candidates:
        return  # nothing long enough, or nothing given twice: skip building the indexes
    paragraphs = {quotes[i].paragraph for i in candidates}
    indexes = _Indexes(said_words, narrative_words, [quotes[i].grams for i in candidates], paragraphs)
    copies = _copied_paragraphs(doc, indexes, paragraphs, said_words)
    joined: set[int] | None = None  # told when a repeat is found (few articles have one)
    reported: set[Span] = set()
    said = _Said()
    for index, quote in enumerate(quotes):
        earlier = said.sharing_runs(quote.grams)
        said.add(index, quote.grams)
        if index not in candidates or quote.paragraph in copies:
            continue  # words said once; or a paragraph copied whole: NL402 duplicate-paragraph's
        repeat = _repeat(doc, quote, (quotes[i] for i in earlier), indexes, options)
        if repeat is not None:
            if joined is None:
                joined = {j.number for j in joined_paragraphs(doc, numbers, JOINED_MIN_WORDS)}
            if repeat.copy.paragraph in joined or repeat.other in joined:
                continue  # one copy in a paragraph of others run together: NL402 reports that one whole
        if repeat is not None and repeat.unclear and not options["report_unclear"]:
            continue
        if repeat is not None and straddles_full_text(doc, repeat.copy.paragraph, repeat.other):
            continue  # a statement quoted by the story, then printed in full under it
        if repeat is not None and repeat.other in embedded_posts(doc) and \
                repeat.copy.paragraph not in embedded_posts(doc):
            continue  # the story quoting a post the page embeds: the post is the copy, if any
        if repeat is not None and repeat.copy.quotation.span not in reported and \
                not is_headline_copy(doc, _copy(repeat.copy)):  # a repeated headline is NL504's
            reported.add(repeat.copy.quotation.span)
            yield _finding(doc, repeat)


class _Indexes:
    """The paragraphs' words indexed by three-word runs, whole (``whole``) and outside their
    quotations (``narrative``), built on first use: most repeats are told from the quotations
    alone, and a file of one huge paragraph would otherwise index all its runs for nothing.
    The indexes are asked about the candidate quotations and their paragraphs only, so they keep
    just the runs of words those hold (the answers are the same; the index does not hold the text)."""

    def __init__(self, said_words: dict[int, tuple[str, ...]], narrative_words: _NarrativeWords,
                 asked_grams: list[frozenset[Shingle]], paragraphs: set[int]) -> None:
        self.said_words, self.narrative_words = said_words, narrative_words
        self._asked_grams, self._paragraphs = asked_grams, paragraphs
        # The first and last paragraph indexed: a quotation in the first has no earlier
        # paragraph to repeat, one in the last no later one (and needs no index built).
        self.first, self.last = min(said_words), max(said_words)

    @functools.cached_property
    def _quoted_runs(self) -> set[Shingle]:
        """The runs a question about a quotation can hold (all ``narrative`` is asked)."""
        return set().union(*self._asked_grams)

    @functools.cached_property
    def whole(self) -> ShingleIndex:
        # ``whole`` is also asked about the quotations' paragraphs (are they copies?)
        asked = self._quoted_runs.union(*(shingles(self.said_words[n], _N) for n in self._paragraphs))
        return self._index(self.said_words, asked)

    @functools.cached_property
    def narrative(self) -> ShingleIndex:
        # Built apart from ``whole``: quotations each in a paragraph of its own ask this one
        # alone, about the few words outside quotations.
        return self._index({n: self.narrative_words[n] for n in self.said_words}, self._quoted_runs)

    @staticmethod
    def _index(words_of: dict[int, tuple[str, ...]], asked: set[Shingle]) -> ShingleIndex:
        index = ShingleIndex(_N)
        for number, words in words_of.items():
            index.add(number, words, grams=shingles(words, _N) & asked)
        return index


class _Said:
    """Which quotations hold each three-word run, the first ``_MAX_COMPARED`` per run (no more
    are ever compared): an article quoting the same words hundreds of times would otherwise
    cost time that grows with the square of its length."""

    def __init__(self) -> None:
        self._holders: dict[Shingle, list[int]] = {}
        # Answers for runs whose holder lists are full: those lists never change again, so a
        # quotation repeated thousands of times is answered once, not rebuilt each time.
        self._settled: dict[frozenset[Shingle], list[int]] = {}

    def add(self, index: int, grams: frozenset[Shingle]) -> None:
        holders_of = self._holders
        for gram in grams:
            holders = holders_of.get(gram)
            if holders is None:
                holders_of[gram] = [index]
            elif len(holders) < _MAX_COMPARED:
                holders.append(index)

    def sharing_runs(self, grams: frozenset[Shingle]) -> list[int]:
        """The earlier quotations that share a run with ``grams``, in order (the others cannot
        repeat it), the first ``_MAX_COMPARED`` of them."""
        held = frozenset(self._holders.keys() & grams)  # intersected in C
        if not held:
            return []
        answer = self._settled.get(held)
        if answer is None:
            earlier: set[int] = set()
            for gram in held:
                earlier.update(self._holders[gram])
            answer = sorted(earlier)[:_MAX_COMPARED]
            if all(len(self._holders[gram]) == _MAX_COMPARED for gram in held):
                self._settled[held] = answer
        return answer


def _may_repeat(quotes: list[_Quote], paragraphs: Iterable[tuple[str, ...]], options: Options) -> set[int]:
    """The quotations that share enough three-word runs with the rest of the body to repeat
    anything: covering ``threshold`` of a ``min_words`` passage takes at least this many runs,
    so the rest (most quotations of most articles) cannot, and costs no index."""
    if not quotes:
        return set()
    needed = max(1, math.ceil(options["threshold"] * options["min_words"] / _N))
    quoted = set().union(*(q.grams for q in quotes))  # counted only: not every run of the body
    counts: Counter[Shingle] = Counter()
    for words in paragraphs:
        counts.update(filter(quoted.__contains__, runs(words, _N)))
    repeated = {gram for gram, count in counts.items() if count >= 2}
    return {i for i, q in enumerate(quotes) if sum(map(repeated.__contains__, q.grams)) >= needed}


def _repeat(doc: Document, quote: _Quote, earlier: Iterable[_Quote], indexes: _Indexes,
            options: Options) -> _Repeat | None:
    """Whether ``quote`` and some other passage give the same words, and which copy to report:
    the intruder (``newslint.text.intruder``), that is the copy standing alone (a pull quote)
    or outside the story (a deck) while the other sits in a fuller story paragraph; else the
    later one."""
    if quote.embedded:
        return None  # a phrase echoed inside the writer's sentence repeats a quotation on purpose
    for other in earlier:
        if _same_words(other, quote, options) and not _lede_then_story(doc, other, quote, options):
            return _between_quotations(doc, other, quote)
    source = None if quote.paragraph <= indexes.first else \
        _matching_paragraph(quote, indexes.whole, range(quote.paragraph, len(doc.paragraphs)), options,
                            indexes.said_words)
    if source is not None:
        if _is_crosshead(doc, source):
            return None  # an unquoted crosshead titling the section that gives the quotation
        if source >= options["lede_paragraphs"] and _is_display_line(doc, source):
            # A caption or pull quote giving the quotation with its speaker ("'In the long run
            # it can only help women', says Helen Edwards") above the story's own quotation. (A
            # standfirst quoting the story is the publisher's: see the lede, below.)
            return _Repeat(_whole(doc, source), f"paragraph stands alone and repeats the quotation on line "
                                                f"{_line(doc, quote)}", 0.75, other=quote.paragraph)
        if source >= options["lede_paragraphs"] and _whole_copy(doc, source, quote, options):
            # The quotation's sentences, all of them word for word and unquoted, above it: a
            # pull quote set apart (its speaker on the line below, as often), never the story
            # reporting the speech in its own words first.
            return _Repeat(_whole(doc, source), f"paragraph stands alone and repeats the quotation on line "
                                                f"{_line(doc, quote)}", 0.75, other=quote.paragraph)
        pull = _bare_copy(doc, source, quote, options)
        choice = None if pull is None else choose(doc, _copy(pull), _copy(quote), alone=(True, quote.alone))
        if pull is not None and choice is not None and choice.earlier_reported and \
                (source >= options["lede_paragraphs"] or outside_story(doc, source)):
            return _Repeat(pull, f"paragraph stands alone and repeats the quotation on line {_line(doc, quote)}",
                           1.0 if not quote.alone else 0.75, other=quote.paragraph)
        # Unquoted words of the lede quoted later: the lede reported the speech indirectly first.
        if source >= options["lede_paragraphs"] and not _reported_then_quoted(source, quote, options):
            return _Repeat(quote, f"quotation repeats words on line {_line(doc, source)}", 0.75, other=source)
    source = None if quote.paragraph >= indexes.last else \
        _matching_paragraph(quote, indexes.narrative, range(quote.paragraph + 1), options,
                            indexes.narrative_words)
    pull = None if source is None else _bare_copy(doc, source, quote, options)
    if pull is not None and _pull_quote_shaped(doc, quote) and _is_crosshead(doc, quote.paragraph):
        return None  # a crosshead quoting a sentence of the section it heads, a convention of the page
    if pull is not None:  # the quotation's words again, unquoted and alone: a pull quote
        return _Repeat(pull, f"paragraph repeats the quotation on line {_line(doc, quote)}", 0.75,
                       other=quote.paragraph)
    if source is not None and quote.alone and _pull_quote_shaped(doc, quote) and len(quote.words) >= _PULL_QUOTE_MIN_WORDS:
        return _Repeat(quote, f"quotation stands alone and repeats words on line {_line(doc, source)}", 0.5,
                       other=source)
    return None


def _between_quotations(doc: Document, earlier: _Quote, later: _Quote) -> _Repeat | None:
    """Which of two quotations giving the same words to report, and how sure that is: a bare
    quotation (nothing beside it: a pull quote) is a surer intruder than one with a short
    attribution; two copies in fuller paragraphs cannot be told apart (the later one, less sure)."""
    bare = _pull_quote_shaped(doc, earlier)
    # Introduced by the story ("He told reporters:"), the earlier copy is attributed: given again
    # by the story, neither copy looks inserted.
    introduced = _introduced(doc, earlier) and _is_bare(doc, earlier)
    if bare and _is_crosshead(doc, earlier.paragraph):
        return None  # a crosshead quoting the section it heads, a convention of the page
    if _dash_attributed(doc, earlier) and not _dash_attributed(doc, later):
        # A pull quote set apart with its speaker after a dash, before the story's quotation.
        return _Repeat(earlier, f"quotation stands alone and repeats the one on line {_line(doc, later)}", 0.75,
                       other=later.paragraph)
    # (its opening mark seen: a closing mark alone may be a short quotation's, "sunt „sperăm” în")
    with_speaker = earlier.alone and earlier.quotation.opened and \
        quoted_share(doc, doc.paragraphs[earlier.paragraph]) >= QUOTED_COPY
    if (bare or with_speaker) and _is_display_line(doc, earlier.paragraph) and \
            not _is_display_line(doc, later.paragraph):
        # A pull quote or a crosshead with its speaker (the words set apart, the sentence's stop
        # dropped: "Tusk replies: 'Either in custody or in Budapest'") before the story's own
        # quotation, which ends its sentence.
        return _Repeat(earlier, f"quotation stands alone and repeats the one on line {_line(doc, later)}", 0.75,
                       other=later.paragraph)
    choice = choose(doc, _copy(earlier), _copy(later), alone=(earlier.alone, later.alone))
    if choice.earlier_reported:
        # An attributed quotation given first and again in a fuller paragraph is how papers
        # write too; a bare one (nothing beside it) is a pull quote's shape.
        return _Repeat(earlier, f"quotation stands alone and repeats the one on line {_line(doc, later)}",
                       0.75 if bare else 0.5, unclear=not bare and not choice.zone, other=later.paragraph)
    if bare and later.alone and not choice.zone and not _is_bare(doc, later):
        # Both stand alone, only the earlier bare: it is the pull quote, and the later one, with
        # its attribution, the story's own.
        return _Repeat(earlier, f"quotation stands alone and repeats the one on line {_line(doc, later)}", 0.75,
                       other=later.paragraph)
    # Both in fuller story paragraphs: most often the writer (or the speaker) saying it again,
    # as live coverage and speeches do; a pasted copy or pull quote stands alone, or outside
    # the story. Unclear, and the least sure kind (a re-attribution in a fuller paragraph is one).
    both_in_story = not (earlier.alone or later.alone or choice.zone)
    return _Repeat(later, f"quotation repeats the one on line {_line(doc, earlier)}",
                   0.25 if both_in_story else 1.0 if choice.clear or choice.alike else 0.75,
                   unclear=both_in_story or (introduced and not choice.zone), other=earlier.paragraph)


def _lede_then_story(doc: Document, earlier: _Quote, later: _Quote, options: Options) -> bool:
    """Whether a quotation of the lede is given again in a fuller story paragraph, or with its
    attribution after a lede that quoted it inside the writer's sentence: the news convention
    of leading with the strongest words and quoting them again, attributed, where the story
    comes to them (`"J'ai perdu 15 ans de ma vie pour ça" : au procès ..., Patrick Dils ...`
    then `- "J'ai perdu 15 ans de ma vie pour ça", répond Patrick Dils.`). A pasted copy or
    pull quote stands alone bare, or copies a lede that is a bare quotation."""
    if not earlier.paragraph < options["lede_paragraphs"] <= later.paragraph:
        return False
    return not later.alone or (not earlier.alone and not _is_bare(doc, later))


def _reported_then_quoted(source: int, quote: _Quote, options: Options) -> bool:
    """Whether paragraph ``source`` reports speech (indirectly, or quoting a part of it) that
    ``quote`` then gives in full just after (at most ``follow_paragraphs`` paragraphs on),
    inside a fuller paragraph of the story: the summary-then-quote convention outside the
    lede ("Beattie insisted Gallas would have stayed down longer if he had headbutted him." ...
    `Beattie said: "He would have stayed down longer if I had headbutted him." ...`). A pasted
    copy stands alone, bare or with a short attribution."""
    return not quote.alone and quote.paragraph - source <= options["follow_paragraphs"]


def _is_crosshead(doc: Document, number: int) -> bool:
    """Whether paragraph ``number`` is shaped like a crosshead (an intertitle): one short line
    of at most ``_CROSSHEAD_WORDS`` words that ends on a word, with no sentence punctuation.
    French and Spanish papers title a section with a line quoted from it; a copy pasted by a
    scraper or a pull quote keeps the sentence's own punctuation."""
    text = doc.paragraphs[number].text(doc).strip().strip("\"“”«»„'‘’ ")
    return bool(text) and len(text.split()) <= _CROSSHEAD_WORDS and _ALNUM.fullmatch(text[-1]) is not None \
        and not any(mark in text for mark in ".!?;:…")


def _is_display_line(doc: Document, number: int) -> bool:
    """Whether paragraph ``number`` is set apart as display text (a caption, a pull quote, a
    crosshead with its speaker): one sentence of at most ``_DISPLAY_WORDS`` words that ends on a
    word, its stop dropped. The story's own sentences end with punctuation."""
    paragraph = doc.paragraphs[number]
    text = paragraph.text(doc).strip().rstrip("\"“”«»„'‘’ ")
    return bool(text) and _ALNUM.fullmatch(text[-1]) is not None and len(doc.sentences_in(paragraph)) == 1 \
        and len(text.split(None, _DISPLAY_WORDS)) <= _DISPLAY_WORDS


def _whole(doc: Document, number: int, words: tuple[str, ...] | None = None) -> _Quote:
    """Paragraph ``number`` (whose normalised ``words`` may be known) as one passage to report
    and remove whole."""
    paragraph = doc.paragraphs[number]
    words = normalise_words(paragraph.text(doc)) if words is None else words
    return _Quote(Quotation(paragraph, paragraph, closed=True), number, words, frozenset(shingles(words, _N)),
                  alone=True, embedded=False)


def _copy(quote: _Quote) -> Copy:
    return Copy(quote.paragraph, quote.quotation.span)


def _dash_attributed(doc: Document, quote: _Quote) -> bool:
    """Whether the quotation opens its paragraph and only a dash and its speaker follow it
    ("“...” — Anthony Fauci, director of ..."): display text, as pull quotes and epigraphs give
    their speaker."""
    paragraph = doc.paragraphs[quote.paragraph]
    span = quote.quotation.span
    if _ALNUM.search(doc.text, paragraph.start, span.start):
        return False
    # Matched in place: the rest of a huge paragraph is not copied out for each quotation in it.
    return _DASH_ATTRIBUTION.match(doc.text, span.end, paragraph.end) is not None


def _is_bare(doc: Document, quote: _Quote) -> bool:
    """Whether the quotation's paragraph holds nothing but the quotation (and punctuation)."""
    paragraph = doc.paragraphs[quote.paragraph]
    span = quote.quotation.span
    return not (_ALNUM.search(doc.text, paragraph.start, span.start) or _ALNUM.search(doc.text, span.end, paragraph.end))


def _introduced(doc: Document, quote: _Quote) -> bool:
    """Whether the paragraph before the quotation's hands over to it ("Tortoreo told The
    Dodo:"): a sentence of the story ending in a colon, not a heading in headline case ("Question
    and Answer with Sebastian Gorka:", over a pull quote). A bare quotation so introduced is the
    story's, attributed by that line: no pull quote's shape."""
    if quote.paragraph == 0:
        return False
    text = doc.paragraph_texts[quote.paragraph - 1].rstrip()
    return text.endswith(":") and not in_headline_case(text)


def _pull_quote_shaped(doc: Document, quote: _Quote) -> bool:
    """Whether the quotation stands bare, and no line of the story introduces it."""
    return _is_bare(doc, quote) and not _introduced(doc, quote)


def _bare_copy(doc: Document, number: int, quote: _Quote, options: Options) -> _Quote | None:
    """Paragraph ``number`` as a copy of the quotation, when it is nothing but the quotation's
    words without the marks (a pull quote or deck): one sentence, most of its words the
    quotation's."""
    paragraph = doc.paragraphs[number]
    # One sentence: a pull quote is short; several sentences of a quotation given again are
    # a speech's text, or the story restating it. (Told first: a huge paragraph is not cut
    # into words again for every quotation it is compared with.)
    if len(doc.sentences_in(paragraph)) > 1:
        return None
    words = normalise_words(paragraph.text(doc))
    if len(words) < options["min_words"] or \
            quoted_share(doc, paragraph) >= 0.5 or coverage(words, quote.grams, _N) < _PULL_COVERAGE:
        return None
    return _whole(doc, number, words)


# An unquoted paragraph of several sentences that gives at least this share of a quotation's
# words, and of its own, in runs of the quotation's is the quotation copied whole.
_WHOLE_COPY = 0.95


def _whole_copy(doc: Document, number: int, quote: _Quote, options: Options) -> bool:
    """Whether paragraph ``number``, unquoted and of two sentences or more, is the quotation
    copied whole (``_WHOLE_COPY`` of its words and of the quotation's, both ways): reported
    speech rewords, and a pull quote of one sentence is ``_bare_copy``'s."""
    paragraph = doc.paragraphs[number]
    if len(doc.sentences_in(paragraph)) < 2 or quoted_share(doc, paragraph) >= 0.5:
        return False
    words = normalise_words(paragraph.text(doc))
    return len(words) >= options["min_words"] and coverage(words, quote.grams, _N) >= _WHOLE_COPY and \
        coverage(quote.words, frozenset(shingles(words, _N)), _N) >= _WHOLE_COPY


def _copied_paragraphs(doc: Document, indexes: _Indexes, candidates: set[int],
                       said_words: dict[int, tuple[str, ...]]) -> set[int]:
    """The ``candidates`` paragraphs that repeat an earlier one whole (both ways, as NL402 duplicate-paragraph
    measures it by default) and are mostly narrative: NL402 reports those, once per copy."""
    copies = set()
    first = min(said_words)
    for number in sorted(candidates):
        if number == first:
            continue  # no earlier paragraph to repeat
        paragraph = doc.paragraphs[number]
        words = said_words[number]
        if len(words) < _COPY_MIN_WORDS or quoted_share(doc, paragraph) >= 0.5:
            continue  # too short, or mostly quotation (this rule's): told before any lookup
        match = indexes.whole.best_match(words, range(number, len(doc.paragraphs)))
        if match is None or match.coverage < _COPY_COVERAGE:
            continue
        earlier = said_words[int(match.key)]  # type: ignore[call-overload]
        if coverage(earlier, shingles(words, _N), _N) >= _COPY_COVERAGE - 0.1:
            copies.add(number)
    return copies


def _line(doc: Document, where: _Quote | int) -> int:
    """The line of a quotation, or of the start of a paragraph given by number."""
    if isinstance(where, _Quote):
        return doc.line_of(where.quotation.span.start)
    return doc.line_of(doc.paragraphs[where].start)


def _quotes_in(doc: Document, number: int, mine: list[Quotation], narrative: _NarrativeWords, min_words: int,
               read: dict[str, _Read | None]) -> Iterator[_Quote]:
    """The quotations of paragraph ``number`` (``narrative``: the words beside them) long
    enough to compare, titles and names left out; ``read`` keeps what short quotation texts
    were read as."""
    paragraph = doc.paragraphs[number]
    for quotation in mine:
        if not _may_hold(quotation, min_words):
            continue
        found = _read(quotation.inner.text(doc), min_words, read)
        if found is not None:
            embedded = _is_embedded(doc, quotation, paragraph)
            alone = len(mine) == 1 and len(narrative[number]) <= _ATTRIBUTION_WORDS and not embedded
            yield _Quote(quotation, number, *found, alone, embedded)


def _may_hold(quotation: Quotation, min_words: int) -> bool:
    """Whether a quotation is long enough to hold ``min_words`` words (each a character at
    least, a space between)."""
    return quotation.inner.end - quotation.inner.start >= 2 * min_words - 1


# A quotation text's normalised words and three-word runs.
_Read = tuple[tuple[str, ...], frozenset[Shingle]]
_READ_CHARS = 1_000  # texts kept by ``_read``: a quotation, not a paragraph run on unclosed


def _read(inner: str, min_words: int, known: dict[str, _Read | None]) -> _Read | None:
    """The words and runs of a quotation's text, or None when it is too short or reads as a
    title. A short text is read once (``known``): a file quoting the same words thousands of
    times would otherwise cut them into words and runs each time."""
    if inner in known:
        return known[inner]
    words = normalise_words(inner, cached=False)  # read once here (``known``)
    found = None
    if len(words) >= min_words and not _looks_like_title(inner):
        found = words, frozenset(runs(words, _N) if len(words) >= _N else shingles(words, _N))
    if len(inner) <= _READ_CHARS:
        known[inner] = found
    return found


def _quotations_by_paragraph(doc: Document) -> list[list[Quotation]]:
    """Each paragraph's quotations, without misread ones that hold others."""
    groups: list[list[Quotation]] = [[] for _ in doc.paragraphs]
    for quotation in doc.quotations:
        groups[doc.paragraph_index(quotation.span.start)].append(quotation)
    # A stray closing mark is read as ending a quotation opened at the paragraph start.
    return [_without(mine, _holding_others(mine)) for mine in groups]


def _without(quotations: list[Quotation], indexes: set[int]) -> list[Quotation]:
    return [q for i, q in enumerate(quotations) if i not in indexes] if indexes else quotations


def _holding_others(mine: list[Quotation]) -> set[int]:
    """The indexes of the quotations whose span holds another one's: from the last start to
    the first, keeping the smallest end seen (sorting, not comparing every pair)."""
    order = sorted(range(len(mine)), key=lambda i: (mine[i].span.start, mine[i].span.end))
    held: set[int] = set()
    smallest_end_after = math.inf  # among the quotations that start later
    last = len(order)
    while last > 0:
        first = last - 1  # the quotations starting at the same place, by end
        while first > 0 and mine[order[first - 1]].span.start == mine[order[last - 1]].span.start:
            first -= 1
        group = order[first:last]
        ends = [mine[i].span.end for i in group]
        for position, i in enumerate(group):
            other = ends[1] if position == 0 and len(ends) > 1 else ends[0] if position else math.inf
            if min(smallest_end_after, other) <= ends[position]:
                held.add(i)
        smallest_end_after = min(smallest_end_after, ends[0])
        last = first
    return held


class _NarrativeWords(dict[int, tuple[str, ...]]):
    """Each paragraph's normalised words outside its quotations, by number, read when first asked."""

    def __init__(self, doc: Document, groups: list[list[Quotation]]) -> None:
        super().__init__()
        self._doc, self._groups = doc, groups

    def __missing__(self, number: int) -> tuple[str, ...]:
        words = self[number] = _words_outside(self._doc, self._doc.paragraphs[number], self._groups[number])
        return words


def _words_outside(doc: Document, paragraph: Span, mine: list[Quotation]) -> tuple[str, ...]:
    """The normalised words of a paragraph that stand outside its quotations."""
    pieces, at = [], paragraph.start
    for quotation in mine:
        pieces.append(doc.text[at:quotation.span.start])
        at = max(at, quotation.span.end)
    pieces.append(doc.text[at:paragraph.end])
    return normalise_words(" ".join(pieces))


def _same_words(earlier: _Quote, later: _Quote, options: Options) -> bool:
    """Whether the later quotation repeats the earlier one, or quotes it again inside a longer
    quotation whose words are mostly the earlier ones (unless that is the summary-then-quote
    convention)."""
    if earlier.grams.isdisjoint(later.grams):
        return False  # the usual case, and cheap to tell
    threshold = options["threshold"]
    if coverage(later.words, earlier.grams, _N) >= threshold:
        return not _filled_differently(earlier.words, later.words)
    # Quoted again inside a longer quotation: only when the earlier words are most of it. A
    # statement quoted in part and then in full is mostly new words, the full text rather than
    # a copy (and removing it would delete them).
    return not _summarised(earlier, later, options) and coverage(earlier.words, later.grams, _N) >= threshold \
        and coverage(later.words, earlier.grams, _N) >= _MOSTLY_REPEATED


# A formula filled in differently: each quotation has a run of at least this many words that
# the other has not, where the other has its own; at the end (a title's object: "... relating to
# teacher preparation issues"), a run of at least _OWN_ENDING words each.
_OWN_RUN = 2
_OWN_ENDING = 3


def _filled_differently(earlier: Sequence[str], later: Sequence[str]) -> bool:
    """Whether two passages are one formula filled in twice ("... the appointment of Michael
    Govan as a citizen regent ..." and "... of Roger W. Ferguson as ..."): somewhere inside both
    (words they share before it and after it), each gives a run of ``_OWN_RUN`` words or more
    where the other gives its own; or both end on their own runs of ``_OWN_ENDING`` words or
    more after a shared opening ("... of the rule submitted by the Department of Education
    relating to accountability ..." and "... relating to teacher preparation issues"). A
    quotation given again with a word changed, cut, extended or framed by other words is a copy."""
    head, tail = common_affixes(earlier, later)
    if min(len(earlier), len(later)) - head - tail < _OWN_RUN:
        return False  # one side differs by less than a run (most copies): no alignment to search
    matcher = difflib.SequenceMatcher(None, earlier, later, autojunk=False)
    return any(tag == "replace" and 0 < i1 and 0 < j1 and (
        (i2 - i1 >= _OWN_RUN and j2 - j1 >= _OWN_RUN and i2 < len(earlier) and j2 < len(later))
        or (i2 - i1 >= _OWN_ENDING and j2 - j1 >= _OWN_ENDING and i2 == len(earlier) and j2 == len(later)))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes())


def _summarised(earlier: _Quote, later: _Quote, options: Options) -> bool:
    """Whether a phrase quoted earlier and given again inside a fuller quotation follows the
    news convention of summarising a quotation first: in the lede, or just before the full one."""
    return (earlier.paragraph < options["lede_paragraphs"]
            or later.paragraph - earlier.paragraph <= options["follow_paragraphs"])


def _matching_paragraph(quote: _Quote, index: ShingleIndex, exclude: Iterable[int], options: Options,
                        words: dict[int, tuple[str, ...]]) -> int | None:
    """The number of a paragraph (not in ``exclude``) whose indexed words (``words``) hold most
    of the quotation's, and not as a formula filled in differently."""
    match = index.best_match(quote.words, exclude)
    if match is None or match.coverage < options["threshold"] or match.words < options["min_words"]:
        return None
    number = int(match.key)  # type: ignore[call-overload]
    return None if _filled_differently(words[number], quote.words) else number


def _is_embedded(doc: Document, quotation: Quotation, paragraph: Span) -> bool:
    """Whether the quotation is a phrase inside the writer's own sentence: after a word, either
    in lower case, or cited mid-sentence (no stop or comma of its own before the closing mark,
    and the sentence going on after it in lower case, not with a speech verb: 'beginning with
    "There are those who are asking ..." and ending with ...')."""
    if not quotation.opened:
        return False
    at = quotation.span.start  # the last character before it, spaces skipped (not a copy)
    while at > paragraph.start and doc.text[at - 1].isspace():
        at -= 1
    if not (at > paragraph.start and doc.text[at - 1].isalnum()):
        return False
    inner = quotation.inner
    first = next((doc.text[i] for i in range(inner.start, inner.end) if doc.text[i].isalnum()), "")
    return first.islower() or (quotation.closed and _cited_mid_sentence(doc, quotation, paragraph))


# What goes on after a quotation that is speech: its attribution ("... ," he said).
_SPEECH_AFTER = lazy_re(r"\s*(?:said|says|added|adds|asked|asks|told|tells|wrote|writes|replied|explained)\b")
_NEXT_WORD = lazy_re(r"\s+([^\W\d_]+)")


def _cited_mid_sentence(doc: Document, quotation: Quotation, paragraph: Span) -> bool:
    """Whether a quotation is cited inside a sentence that goes on after it: no punctuation of its
    own before the closing mark, then a lower-case word that is no speech verb."""
    inner_end = quotation.inner.end
    while inner_end > quotation.inner.start and doc.text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end == quotation.inner.start or not doc.text[inner_end - 1].isalnum():
        return False  # '..., ' or '...!': the quotation's own punctuation, speech
    after = _NEXT_WORD.match(doc.text, quotation.span.end, paragraph.end)
    return after is not None and after.group(1).islower() and \
        _SPEECH_AFTER.match(doc.text, quotation.span.end, paragraph.end) is None


def _looks_like_title(inner: str) -> bool:
    """Whether quoted words read as a title or a name rather than speech: at least 80% of its
    content words capitalised. The stops of abbreviations and initials ("S.A. de C.V.",
    "U.S.") are not sentence ends, and lower-case words of one or two letters are the
    particles of names and titles in many languages ("de", "la", "di", "of")."""
    if _SENTENCE_MARK.search(_ABBREVIATION.sub("", inner)) or inner.isupper():
        return False  # sentences, and words shouted in capitals, are speech
    words = inner.split()
    allowed = 0.2 * len(words)  # lower-case content words a title may hold, at most
    content = lower = 0
    for word in words:
        if not word[:1].isalpha() or word.lower() in _TITLE_SMALL_WORDS or (len(word) <= 2 and word.islower()):
            continue
        content += 1
        if not word[0].isupper():
            lower += 1
            if lower > allowed:
                return False  # speech, told early (the usual case): the rest cannot make it a title
    return content > 0 and content - lower >= 0.8 * content


def _finding(doc: Document, repeat: _Repeat) -> Finding:
    """The finding at the copy, naming where the words also appear."""
    quotation = repeat.copy.quotation
    message = f"{repeat.message}: {_excerpt(quotation.inner.text(doc))}"
    return Finding.at(quotation.span, message, _removal(doc, quotation, repeat.copy.paragraph), repeat.score)


def _excerpt(text: str, limit: int = 60) -> str:
    """The quoted words, shortened to ``limit`` characters."""
    text = " ".join(text.split()).strip(" ,.")
    return f"“{text}”" if len(text) <= limit else f"“{text[:limit].rsplit(' ', 1)[0]}…”"


def _removal(doc: Document, quotation: Quotation, number: int) -> Fix | None:
    """Remove paragraph ``number`` (and the break before it) when it holds nothing but the
    quotation."""
    paragraph = doc.paragraphs[number]
    if _ALNUM.search(doc.text, paragraph.start, quotation.span.start) or \
            _ALNUM.search(doc.text, quotation.span.end, paragraph.end):
        return None
    if number == 0:
        return None
    return Fix((Edit(doc.paragraphs[number - 1].end, paragraph.end),),
               "remove the paragraph repeating the quotation", FixSafety.UNSAFE)


RULE = Rule(
    code="NL401",
    name="duplicate-quote",
    summary="The same quotation is given twice in one article",
    doc=__doc__,
    check=check,
    options={"min_words": 6, "threshold": 0.8, "lede_paragraphs": 1, "follow_paragraphs": 2,
             "report_unclear": False},
    fix=FixSafety.UNSAFE,
    bad_examples=(
        "Factory to close with loss of 400 jobs\n\n\"This has been an extremely difficult decision"
        " for all of us,\" the managing director said.\n\nProduction will move to Poland over the next"
        " six months.\n\nA union spokeswoman said: \"This has been an extremely difficult decision for"
        " all of us.\"\n",
        # Near-verbatim, in curly quotes: one word changed.
        "Bank holds rates\n\n“We expect inflation to stay close to target next year,” the governor"
        " said.\n\nShares rose after the decision.\n\n“We expect inflation to stay near to target next"
        " year.”\n",
        # A phrase quoted mid-article, then quoted again inside a longer quotation much later.
        "Mayors reject threat\n\nMayors met in Washington.\n\nThey discussed grants.\n\nThe"
        " spokeswoman said mayors cannot \"pick and choose which laws they want to follow\".\n\nThe"
        " meeting was cancelled.\n\nSeveral mayors left early.\n\nOthers stayed on.\n\n\"We cannot"
        " allow people to pick and choose which laws they want to follow.\"\n",
    ),
    good_examples=(
        # Scare quotes and a repeated short phrase are too short to compare.
        "Mayors reject threat\n\nThe mayor called the letter \"pure politics\" on Tuesday.\n\nOther"
        " mayors also spoke of \"pure politics\" and of \"sanctuary cities\".\n",
        # A lede phrase given again in a fuller quotation: the summary-then-quote convention.
        "Sky wins Oscar rights\n\nSky said it was \"honoured to have won exclusive broadcasting"
        " rights\" for the ceremony.\n\n\"We are honoured to have won the live and exclusive"
        " broadcasting rights,\" said a spokeswoman.\n",
        # A film title in quotes, given twice.
        "Festival line-up\n\nThe festival opens with \"The Return of the King of the Mountains\" on"
        " Friday.\n\nTickets for \"The Return of the King of the Mountains\" sold out in an hour.\n",
    ),
)
