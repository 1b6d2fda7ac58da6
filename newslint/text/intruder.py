"""Which copy of a passage given twice is the intruder, and which is the story's own.

A scraped article often gives a sentence twice for a reason other than a careless paste: a
deck (standfirst) under the headline copies a sentence of the lead, a pull quote repeats a
quotation between two story paragraphs, a caption restates a sentence of the story. The copy
that stands as a paragraph of its own, outside the story or between its paragraphs, is the
intruder; the one inside a longer story paragraph, with its attribution and context, is the
story's. Duplication rules ask :func:`choose` which of two copies to report, so that the
story's text is never the one reported, nor deleted by a fix.

A copy zoned as a caption, or saying where someone stands in the picture ("(right)",
"(pictured)") when the other does not, is the intruder whatever else holds. Otherwise the
evidence is shape first (a copy that is its whole paragraph, against one inside a longer
paragraph), then zone (``Document.zones``: a copy outside the story, against one inside it).
Two copies alike in both (a paragraph pasted twice by a scraper) are told apart by order only:
the later one is reported, as an editor would delete it; except in an excerpt block at the top
(:func:`excerpt_block`), a page's highlights given again by the story below in another order,
whose copies are the intruders.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from newslint.document import Document, Span
from newslint.text.known_furniture import is_known_furniture
from newslint.text.line_features import ends_sentence
from newslint.text.memo import per_document
from newslint.text.quotes import quoted_share
from newslint.text.similarity import coverage, normalise_words, shingles
from newslint.text.zoning import Place, Zone, has_position_marker, is_credit

# At most this many loose words beside a copy ("Pictured:", "Above:") leave it standing alone,
# and a photo credit of at most ALONE_SLACK_WORDS words.
_LOOSE_WORDS = 2
ALONE_SLACK_WORDS = 12
_SHAPE, _ZONE = 2, 1  # how much each kind of evidence weighs: shape is the surer sign


@dataclass(frozen=True, slots=True)
class Copy:
    """One copy of a repeated passage: the paragraph (by number) holding it, and its span."""

    paragraph: int
    span: Span


@dataclass(frozen=True, slots=True)
class Choice:
    """The copy to report, the other one, and what told them apart: ``shape`` when the copy
    reported stands alone and the other does not, ``zone`` when it lies outside the story and
    the other inside; ``alike`` when both stand alone in the same kind of zone (a paragraph
    pasted twice: the later one is reported, and that is no guess either); ``cut`` when the
    copy reported is the other's paragraph cut short (:func:`cut_short`)."""

    report: Copy
    other: Copy
    shape: bool
    zone: bool
    alike: bool
    cut: bool = False

    @property
    def clear(self) -> bool:
        """Whether shape or zone told the copies apart."""
        return self.shape or self.zone

    @property
    def earlier_reported(self) -> bool:
        """Whether the copy reported comes first in the article."""
        return self.report.span.start < self.other.span.start


def extra_words(doc: Document, copy: Copy) -> int:
    """How many words its paragraph holds beside the copy."""
    return max(0, doc.paragraph_word_count(copy.paragraph) - len(normalise_words(copy.span.text(doc))))


def stands_alone(doc: Document, copy: Copy) -> bool:
    """Whether the copy is (nearly) its whole paragraph: beside it at most a few words, or a
    photo credit ("Photo: Jane Smith/Reuters"), never a sentence of its own."""
    extra = extra_words(doc, copy)
    if extra <= _LOOSE_WORDS:
        return True
    if extra > ALONE_SLACK_WORDS:
        return False  # told before the rest is copied out: a huge paragraph, once per copy
    paragraph = doc.paragraphs[copy.paragraph]
    rest = (doc.text[paragraph.start:copy.span.start] + " " + doc.text[copy.span.end:paragraph.end]).strip()
    return is_credit(rest, extra)


def outside_story(doc: Document, number: int) -> bool:
    """Whether paragraph ``number`` is zoned as something other than story text inside the
    story (a standfirst, caption, furniture, or anything before or after the story)."""
    zoned = doc.zones[number]
    return not zoned.is_story or zoned.place is not Place.INSIDE


def _position_marked(doc: Document, copy: Copy) -> bool:
    """Whether the copy says where someone stands in a picture (``zoning.has_position_marker``)."""
    return has_position_marker(copy.span.text(doc))


def _is_caption(doc: Document, number: int) -> bool:
    return doc.zones[number].zone is Zone.CAPTION


def is_headline_copy(doc: Document, copy: Copy) -> bool:
    """Whether the copy's paragraph is the headline given again (NL504 reports those)."""
    return doc.zones[copy.paragraph].zone is Zone.HEADLINE


# An excerpt block lies within the first paragraphs of the body, starts in its first two, and
# holds at least two paragraphs that the story gives again below.
EXCERPT_REACH = 8
EXCERPT_MIN_COPIES = 2
EXCERPT_COVERAGE = 0.8  # the share of a paragraph's words in 3-word runs of the later paragraph
_EXCERPT_MIN_WORDS = 8


@per_document
def excerpt_block(doc: Document) -> frozenset[int]:
    """The paragraphs (by number) of an excerpt block at the top of the body: from the first or
    second paragraph on, paragraphs each given again further down, inside or as a story
    paragraph (one paragraph that is not may stand between two that are), at least two of
    them, each given again below the paragraph that follows the block, and their later copies
    in another order than theirs (some publishers put a few sentences of the story above it; a
    scraper takes them as paragraphs).
    A block of the page captured twice repeats in the same order: its later copy is the
    intruder, and this is empty. Computed once per document."""
    texts = doc.paragraph_texts
    reach = min(EXCERPT_REACH, len(texts) - 1)
    words = [normalise_words(texts[i]) for i in range(reach)]
    later_grams: dict[int, set] = {}
    block: list[tuple[int, int]] = []  # (paragraph, where its later copy is)
    misses = 0  # paragraphs in a row not given again: one may stand between two excerpts, or
    # before the first (a kicker, a byline, an excerpt the story gives in other words)
    for i in range(reach):
        copy_at = _given_again(doc, words[i], i, later_grams) if len(words[i]) >= _EXCERPT_MIN_WORDS else None
        if copy_at is None:
            misses += 1
            if misses > 1:
                break
            continue
        misses = 0
        block.append((i, copy_at))
    end = block[-1][0] if block else -1
    if len(block) < EXCERPT_MIN_COPIES or any(at <= end + 1 for _, at in block):
        return frozenset()  # a copy right under the block: a passage captured twice in a row
    places = [at for _, at in block]
    if places == sorted(places):
        return frozenset()  # the same order: a block of the page captured again
    return frozenset(i for i, _ in block)


def _given_again(doc: Document, words: tuple[str, ...], number: int,
                 later_grams: dict[int, set]) -> int | None:
    """The first paragraph after ``number`` that holds (nearly) all of ``words``, or None."""
    texts = doc.paragraph_texts
    for j in range(number + 1, len(texts)):
        grams = later_grams.get(j)
        if grams is None:
            grams = later_grams[j] = shingles(normalise_words(texts[j]), 3)
        if coverage(words, grams) >= EXCERPT_COVERAGE:
            return j
    return None


@dataclass(frozen=True)
class Joined:
    """A paragraph that is other paragraphs of the article run together (``joined_paragraphs``)."""

    number: int  # the joined paragraph
    sources: frozenset[int]  # the paragraphs whose sentences it gives again
    share: float  # the share of its sentences of ``min_words`` or more given again


# At least this many sentences of a joined paragraph, and half of those of ``min_words`` words
# or more, are sentences of other paragraphs.
JOINED_MIN_SENTENCES = 3
# A paragraph mostly inside quotation marks that gives again sentences of two paragraphs is a
# writer quoting a speaker again (a recap: NL401's to judge); one that runs together this many
# or more is a block, whatever its marks say (a closing mark left over from the story's text
# makes a whole run-together paragraph look quoted: isolezwe-za-xh 0217).
JOINED_QUOTED_SOURCES = 3
JOINED_MIN_WORDS = 8  # sentences shorter are not compared: NL402 duplicate-paragraph's default min-words
_JOINED: WeakKeyDictionary[Document, dict[tuple[int, int, int], list[Joined]]] = WeakKeyDictionary()


def joined_paragraphs(doc: Document, numbers: range, min_words: int) -> list[Joined]:
    """The paragraphs among ``numbers`` that are others of them run together: at least
    ``JOINED_MIN_SENTENCES`` of their sentences, half of those of ``min_words`` words or more,
    are sentences of two or more other paragraphs, word for word (a scraper that took a wrapper
    element's text and then each paragraph in it, or a summary block made of the story's
    sentences). Such a paragraph is the copy: compared sentence by sentence, each short
    paragraph of the story would look like the intruder standing alone. Computed once per
    document (NL401 and NL402 both ask)."""
    known = _JOINED.setdefault(doc, {})
    key = (numbers.start, numbers.stop, min_words)
    if key not in known:
        known[key] = _joined_paragraphs(doc, numbers, min_words)
    return known[key]


def _joined_paragraphs(doc: Document, numbers: range, min_words: int) -> list[Joined]:
    holders: dict[tuple[str, ...], set[int]] = {}
    sentences_of: dict[int, list[tuple[str, ...]]] = {}
    for number in numbers:
        words = [normalise_words(sentence.text(doc)) for sentence in doc.sentences_in(doc.paragraphs[number])]
        sentences_of[number] = [w for w in words if len(w) >= min_words]
        for sentence in sentences_of[number]:
            holders.setdefault(sentence, set()).add(number)
    joined = []
    for number, sentences in sentences_of.items():
        if len(sentences) < JOINED_MIN_SENTENCES:
            continue
        twins = {other for other in holders[sentences[0]] if sentences_of[other] == sentences}
        others = [holders[sentence] - twins for sentence in sentences]  # the same paragraph given twice is NL402's
        found = [held for held in others if held]
        sources = frozenset().union(*found) if found else frozenset()
        if len(found) < JOINED_MIN_SENTENCES or 2 * len(found) < len(sentences) or len(sources) < 2:
            continue
        if len(sources) < JOINED_QUOTED_SOURCES and quoted_share(doc, doc.paragraphs[number]) >= 0.5:
            continue  # mostly quotation from two paragraphs: a writer quoting a speaker again
        joined.append(Joined(number, sources, len(found) / len(sentences)))
    return joined


# A document printed in full under the story (a statement, a letter): an introducing line
# ("Here's Paul's statement in full:", "Joint Statement by the Caucus ...") of at most
# INTRODUCING_WORDS words, not a sentence, after at least FULL_TEXT_MIN_BEFORE paragraphs, then
# at least FULL_TEXT_MIN_PARAGRAPHS paragraphs to the end, most of them not given before it.
INTRODUCING_WORDS = 25
FULL_TEXT_MIN_BEFORE = 2
FULL_TEXT_MIN_PARAGRAPHS = 3
FULL_TEXT_COPIED = 0.5  # the share of its paragraphs given before, from which it is a capture
QUOTED_COPY = 0.5  # the share of a paragraph inside quotation marks from which it quotes


@per_document
def full_text_start(doc: Document) -> int | None:
    """The number of the introducing line of a document printed in full after the story, or
    None. A story quotes a statement, then prints it whole: the quotation and the statement's
    sentence are both the article's, and neither is an intruder. A page captured twice is told
    from it by what follows the line: there most paragraphs are given before it. Computed once
    per document."""
    texts = doc.paragraph_texts
    zones = doc.zones
    # The last line that may introduce a section (a crosshead heads one of several: only the
    # last section can be a document printed whole to the end). Found first: most texts have
    # none, and then no paragraph need be compared with the ones before it.
    lines = [k for k in range(FULL_TEXT_MIN_BEFORE, len(texts)) if _introduces(texts[k])
             and zones[k].zone not in (Zone.FURNITURE, Zone.HEADLINE) and not is_known_furniture(texts[k])]
    if not lines or len(texts) - lines[-1] - 1 < FULL_TEXT_MIN_PARAGRAPHS:
        return None
    k = lines[-1]
    given = _given_before(texts)  # whether each paragraph is (nearly) all in the ones before it
    copied, section = sum(given[k + 1:]), len(texts) - k - 1
    return k if 0 < copied < FULL_TEXT_COPIED * section else None


def _given_before(texts: Sequence[str]) -> list[int]:
    seen: set = set()
    given = []
    for text in texts:
        words = normalise_words(text)
        given.append(int(bool(words) and coverage(words, seen) >= EXCERPT_COVERAGE))
        seen |= shingles(words, 3)
    return given


def _introduces(text: str) -> bool:
    """A line that may title or introduce what follows: short, and ending in a colon or in no
    sentence end at all."""
    if len(text) > 12 * INTRODUCING_WORDS or not 4 <= len(text.split()) <= INTRODUCING_WORDS:
        return False
    stripped = text.rstrip()
    return stripped.endswith(":") or not ends_sentence(stripped)


def straddles_full_text(doc: Document, first: int, second: int) -> bool:
    """Whether of two paragraphs the earlier is a quotation in the story and the later lies in
    a document printed in full after it (:func:`full_text_start`): the story quoting the
    statement it then prints whole. A deck, caption or pull quote above such a section is
    still an intruder (it quotes nothing)."""
    start = full_text_start(doc)
    earlier, later = sorted((first, second))
    return start is not None and earlier < start < later and \
        quoted_share(doc, doc.paragraphs[earlier]) >= QUOTED_COPY


def choose(doc: Document, earlier: Copy, later: Copy, alone: tuple[bool, bool] | None = None) -> Choice:
    """Which of two copies of a passage to report: the one that looks inserted (standing alone
    against one inside a longer paragraph; outside the story against one inside it; a copy in
    an excerpt block at the top against the story's below it), else the later one. ``alone``
    overrides :func:`stands_alone` for the two copies (a rule with its own notion of it, such as
    a quotation with a short attribution)."""
    block = excerpt_block(doc)
    if earlier.paragraph in block and later.paragraph not in block:
        return Choice(earlier, later, shape=False, zone=True, alike=False)
    captioned = _is_caption(doc, earlier.paragraph), _is_caption(doc, later.paragraph)
    if captioned[0] != captioned[1]:
        # A caption holding the story's words (a photo caption with the lede run into it) is
        # the intruder however the story's copy stands: a caption is never the story's own text.
        return Choice(earlier, later, shape=False, zone=True, alike=False) if captioned[0] else \
            Choice(later, earlier, shape=False, zone=True, alike=False)
    marked = _position_marked(doc, earlier), _position_marked(doc, later)
    if marked[0] != marked[1]:
        # Two copies, one saying where someone stands in the picture ("Arkhom (right) said"):
        # that one is the photo's caption, however both stand.
        return Choice(earlier, later, shape=False, zone=True, alike=False) if marked[0] else \
            Choice(later, earlier, shape=False, zone=True, alike=False)
    if alone is None:
        alone = stands_alone(doc, earlier), stands_alone(doc, later)
    outside = outside_story(doc, earlier.paragraph), outside_story(doc, later.paragraph)
    first, second = (_points(alone[0], alone[1], outside[0], outside[1]),
                     _points(alone[1], alone[0], outside[1], outside[0]))
    if first == second:
        if cut_short(doc, earlier.paragraph, later.paragraph):
            return Choice(earlier, later, shape=False, zone=False, alike=False, cut=True)
        if cut_short(doc, later.paragraph, earlier.paragraph):
            return Choice(later, earlier, shape=False, zone=False, alike=False, cut=True)
    if first > second:
        return Choice(earlier, later, shape=alone[0] and not alone[1], zone=outside[0] and not outside[1],
                      alike=False)
    return Choice(later, earlier, shape=alone[1] and not alone[0], zone=outside[1] and not outside[0],
                  alike=all(alone) and outside[0] == outside[1])


# A paragraph cut short holds at least this many words of the other.
_CUT_MIN_WORDS = 8


def cut_short(doc: Document, number: int, other: int) -> bool:
    """Whether paragraph ``number`` is paragraph ``other`` cut short: its words are the other's
    first words (the last perhaps cut inside), it ends no sentence and the other does. A deck
    or teaser that a page shows above the story is often the story's paragraph cut at a length
    ("... to perform their tasks. Digitalising ... is not without challenges like the need for");
    the story gives it whole."""
    spans = doc.paragraphs
    if number == other or spans[number].end - spans[number].start >= spans[other].end - spans[other].start:
        return False  # (told from the spans: two copies inside one huge paragraph are not copied out)
    texts = doc.paragraph_texts
    short, whole = texts[number], texts[other]
    if ends_sentence(short) or not ends_sentence(whole):
        return False
    cut, full = normalise_words(short), normalise_words(whole)
    if len(cut) < _CUT_MIN_WORDS or len(cut) > len(full):
        return False
    return cut[:-1] == full[:len(cut) - 1] and full[len(cut) - 1].startswith(cut[-1])


def _points(alone: bool, other_alone: bool, outside: bool, other_outside: bool) -> int:
    """How much a copy looks like the intruder, against the other copy."""
    return _SHAPE * (alone and not other_alone) + _ZONE * (outside and not other_outside)
