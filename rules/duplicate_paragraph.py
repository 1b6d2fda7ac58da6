"""NL402 duplicate-paragraph: a paragraph or sentence that repeats an earlier one in the article.

## What it does
Reports a paragraph whose words are, almost all of them, an earlier paragraph's words in the
same order (verbatim or near-verbatim: a word changed, dropped or added), and a sentence of at
least `min-words` words that repeats an earlier sentence the same way.

Of the two copies it reports the intruder, never the story's own (`newslint.text.intruder`):
- a copy in a paragraph zoned as a caption (a photo caption with the story's lead run into it,
  "FILE - In this ... file photo, ... . As Democrats champion ...") is the intruder however the
  other stands (added on 2026-12-05: allsides-us-en 0132, where the story's lead was reported;
  no other finding changed); NL303 caption-in-body reports the caption. The zoning calls a
  caption closed by a photo credit one too (a scene of one sentence, then "(AP Photo/...)",
  "Фото: ...", "/사진=뉴스1": added later on 2026-12-05 after two held-out sources, Korean and
  Vietnamese, where the story's paragraph was reported beside its photo's caption: on the sources
  3 findings moved to the caption, none added or lost; nothing changed on the training pages);
- a copy that says where someone stands in the picture, in brackets ("Mr Arkhom (right) said",
  "(pictured)", "(à gauche)", "(phải)": `zoning.has_position_marker`), when the other does not, is
  a photo's caption and the intruder;
- of two copies alike (both alone, in the same zone), an earlier one under a label of one to
  three words and a colon, its stop dropped, is display text (a crosshead with its speaker,
  "Siemoniak: Oni muszą mieć zgodę premiera ..."; a caption with its label, "Pose: Another picture
  shows him ...") and the copy reported (added on 2026-12-05, twentieth session, after a held-out
  Polish source's false alarm: on `fnc-train/` 5 findings moved from the story's sentence to such
  captions; nothing else changed);
- a copy that is a paragraph of its own (at most two loose words or a photo credit beside it)
  while the other sits inside a longer paragraph is the intruder, before or after the other: a
  deck (standfirst) copying a sentence of the lead, a caption or an unquoted pull quote
  restating a sentence of the story ("paragraph stands alone and repeats a sentence on line
  N", or "paragraph repeats a sentence on line N" when it comes second);
- else a copy zoned outside the story (a standfirst, caption or furniture, anything before or
  after the story: `Document.zones`) while the other is story text is the intruder;
- else a copy in an excerpt block at the top (`newslint.text.intruder.excerpt_block`: from the
  first or second paragraph on, two or more paragraphs that the story gives again further
  down, in another order; a page's highlights, which a scraper takes as paragraphs) is the
  intruder, and the story's copy below it is left alone ("paragraph of an excerpt block at the
  top repeats ..."); nor is a story paragraph holding several of the block's sentences reported
  as paragraphs run together. Added on 2026-12-04 after a held-out source of US publishers
  (three Christian Science Monitor articles whose story copies were reported); it changed no
  finding on the development corpus, `fnc-train/` or the other nineteen sources. The same
  paragraphs repeated in the same order are a block of the page captured twice, whose later
  copy is the intruder, as before;
- else a paragraph that is the other one cut short (its words the other's first words, the
  last perhaps cut inside, ending no sentence while the other does: a teaser cut at a length,
  a highlight or caption given without its full stop) is the intruder, first or last
  ("paragraph repeats the one on line N without its end", with "(a deck or highlight)" when it
  comes first; `newslint.text.intruder.cut_short`). Added on 2026-12-04 after a held-out Sri
  Lankan source whose decks copy a story paragraph cut short (3 story copies reported); it
  moved 8 findings on `fnc-train/` to the unpunctuated highlight or caption (all of them
  Daily Mail-style bullets and captions) and changed none elsewhere;
- else a one-sentence first paragraph under the headline given again as a paragraph of the
  story is a deck (a standfirst restating the story) when the paragraph after it shares more of
  the headline (the lead is that one): the deck is reported ("paragraph under the headline (a
  deck) repeats the one on line N"; added on 2026-12-04 after a held-out Brazilian source,
  where the story's paragraph was reported in its place; it moved 3 findings to the deck on
  `fnc-train/` and 3 on the Belgian sources, all decks). So is a first paragraph that gives a
  later one again with words changed (a capture repeats a paragraph word for word; an editor
  writing a deck or a summary lead from it changes a few: "گفت", "said", for "افزود", "added")
  and is given nowhere else word for word, whatever its length (added on 2026-12-05 after a
  held-out Persian source, Fars News's abstracts: 3 findings moved to the deck there, 3 on
  `fnc-train/`, all decks or teasers; on the line model's training pages 4, 3 to teasers and
  pointers the labels leave open, 1 to a blog's first paragraph whose copy below is a cut
  teaser);
- else (a paragraph pasted twice, or a sentence repeated inside two longer paragraphs) the
  later copy is reported and the finding names the line of the first.
A paragraph that is other paragraphs of the article run together (three or more of its
sentences, and at least half of those of `min-words` words or more, are sentences of two or
more other paragraphs, word for word) is the copy, and it is reported once ("paragraph repeats
the paragraphs on lines N to M run together"): a scraper that took a wrapper element's text and
then each paragraph in it, or a page block captured again with its paragraphs joined. Compared
sentence by sentence, each short paragraph of the story would look like the intruder standing
alone (added on 2026-12-04 after a held-out source where ten story paragraphs were reported,
with safe fixes, instead of the joined copy below them; it moved 2 findings on the Belgian
sources from a deck to the joined copy, both allowed, and changed no other). Once reported, a
copy's sentences are neither compared nor taken for originals: the story's paragraphs are not
reported as copies of the joined one's sentences. A joined paragraph mostly inside quotation
marks is a writer quoting a speaker again when it gives sentences of two paragraphs (NL401's to
judge), and a block when it runs three or more together (added on 2026-12-05 after a held-out
isiXhosa source where a closing mark left in a block of the whole story made it look quoted, and
its 6 story paragraphs were reported instead of it; elsewhere it took back 2 findings of
`fnc-train/` that had reported story paragraphs as well as their joined copy, and changed no
other).
A deck in the first paragraphs that copies a lead sentence *shortened* (a clause dropped: the
deck is a copy of part of the sentence, not the sentence of the deck) is found too, when it is
the intruder by shape or zone. A copy that is the headline given again in the body is left to
NL504 headline-repeated-in-body.

## Why is this bad?
Scrapers often capture a lead twice (the standfirst and the first paragraph), or glue the same
block in again after an advert. A model trained on the article learns the repetition; a summary
of it repeats itself.

Exceptions made on purpose:
- A statement, speech or letter the story quotes and then prints in full under an introducing
  line is the article's own, as for NL401 duplicate-quote (see its exceptions;
  `newslint.text.intruder.full_text_start`): a quotation before that line given again as a
  paragraph below it is not reported. Added on 2026-12-04 with NL401's.
- Short paragraphs and sentences (fewer than `min-words` words, default 8) are left alone:
  "He denied the charges." may well be said twice.
- A paragraph or sentence that is mostly a quotation is left to NL401 duplicate-quote, which reports
  repeated quotations with its own rules.
- The headline is not compared with the body: a lead that restates the headline is normal;
  and a body paragraph that is the headline again is NL504's, not reported here.
- A quotation repeated by an unquoted paragraph (a pull quote) is NL401's.
- Each copy is reported once: when a whole paragraph repeats, its sentences are not reported
  again.
- An item of a list given again under another of its headings (every line between the two a
  list line: short, no sentence end; at least two lines between, one in a catalogue of twelve
  list lines or more; the neighbours not repeated with it) is listed twice, not captured twice.
  Two list lines nearly the same that differ *inside*, between words they share before and
  after ("... Hand Sanitizer Aloe, with 70% alcohol" and "... Lavender, with 70% alcohol"),
  are two items; lines that differ at an end only are one line with a label glued to it
  ("lRelated ...") and still reported. (The catalogue and the inside difference were added on
  2026-12-04 after an FDA recall list on a held-out source of US publishers, 3 false alarms;
  nothing else changed anywhere.)
- A listing's field (a label of one to three words, a colon and a value that ends no sentence,
  15 words at most: "Offer valid: from 1 July (Tammuz) to 31 September") given again not word
  for word belongs to two entries of the listing; given word for word ("Opinion: Why Kim is
  probably still in charge" twice) it is a copy. Added on 2026-12-04 (thirteenth session) for
  an Arabic list of offers on saudinewsnet-ar (one false alarm); nothing else changed anywhere.
- A heading or label ending with a colon, given again over other content ("Explain the stages
  of the graph:" in each answer of an exercise): the paragraph after each copy is another one
  (under 80% of its words in runs of the first one's). A block captured twice, label and all,
  is still reported. Added on 2026-12-05 after a held-out Vietnamese source's exercise page (2
  false alarms); nothing else changed on any labelled set or the training pages. A transcript's
  tag line counts as such a label too (a bracketed tag, then a speaker or a clip's source, 15
  words at most, no sentence: "<녹취> 이재명 / 더불어민주당 대선 후보 (어제, KBS 더라이브)" before each
  clip of one candidate), after a held-out Korean source's 3 false alarms; on the training pages
  it let go one finding, a forum thread's title ("[»] Slackware Linux VS ...") their ground truth
  keeps as story.
- Two embedded posts' signatures alike ("— Name (@handle) April 30, 2026": one account's two
  posts of one day) are no copy. Added on 2026-12-05 after a held-out Greek source's false alarm;
  nothing else changed.
- One line of two records written to one template: a neighbour of the later copy, at the same
  distance (one or two paragraphs) as a neighbour of the first copy, opens with the same words
  and then says something else. Either it is a field of the same label ("Temperature: 11 to 27
  degrees." and "Temperature: 14 to 24 degrees." around "Winds: north, 4 to 6 Beaufort." twice:
  a forecast's regions), or it shares four opening words and two closing words with a slot
  between ("He thanked {caller} for the call", then the same condolence after each caller). A
  block captured twice repeats its neighbours (or cuts one short), a paragraph glued in again
  has neighbours unrelated to the first one's, and a story paragraph rewritten below its caption
  opens alike but ends its own way: those are still reported.
- A heading given three times or more, each copy between paragraphs given once (an award's
  category over each of its nominees), heads a section each time. Given twice it may be a title
  captured again; promoted titles repeated down a page come in blocks of other repeated titles
  and advertisement labels: both are still reported.
- A heading that a table of contents lists (a paragraph at least three of whose sentences end
  with the article's one-sentence paragraphs: "In This Article What Are the Fees? How Do I ...?")
  is not a copy of the table's sentence. The table is furniture, NL3xx's.
  (These three, and the caption told by a position in brackets under *Of the two copies*, were
  added on 2026-12-05, twentieth session, after held-out sources: 9 false alarms of NL402 on four
  of them gone, 1 moved to the caption; on `fnc-train/` 3 findings moved from the story's
  paragraph to its "(pictured)" caption; on `pages/` 3 findings gone, a photo contest's "Vote for
  Olga on the last page!" given under two entries of one template (furniture, which NL402 does not
  score); nothing changed on the line model's 9,314 held-out training pages.)
- In a file of many megabytes (not an article), paragraphs and sentences are compared within
  stretches of about 1 MB, which keeps time and memory bounded: a copy a megabyte or more
  from its original is not found.

The raw score is the copies' similarity (1 when word for word) for a paragraph given twice,
and for a paragraph that repeats a sentence when it is both standing alone and zoned outside
the story (a standfirst above a byline, a caption); 0.7 of it when only its shape tells it
from the story's copy (a publisher's own standfirst or pull quote looks the same); half of it
for a sentence inside a longer paragraph, whose intruder could not be told. The calibrated
default threshold (0.7 since the fit of 2026-12-04, evening) reports the first two kinds and
leaves the third out.

The fix deletes the reported copy: its whole line when it stands alone, safe only when it is
the whole paragraph and repeats the other copy word for word (after case and spacing are
normalised), unsafe otherwise. A sentence inside a longer paragraph is deleted only by an
unsafe fix: story text is never deleted without a look.

## Example
```
Shares in Acme rose 5% on Monday after the firm beat forecasts.

Analysts had expected a loss.

Shares in Acme rose 5% on Monday after the firm beat forecasts.
```

## Use instead
```
Shares in Acme rose 5% on Monday after the firm beat forecasts.

Analysts had expected a loss.
```

## Options
- `min-words` (int, default 8): shorter paragraphs and sentences are not compared.
- `coverage` (float, default 0.9): the share of a passage's words that must lie in three-word
  runs of one earlier passage for it to count as a copy; the earlier passage must in turn be
  covered at least 0.1 less by the copy, so a short sentence that restates part of a long one
  is not a copy.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from newslint.document import Document, Span, more_words_than
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.edits import delete_line
from newslint.text.embedded_posts import is_signature
from newslint.text.intruder import (JOINED_MIN_WORDS, Choice, Copy, choose, excerpt_block, extra_words,
                                    is_headline_copy, joined_paragraphs, stands_alone, straddles_full_text)
from newslint.text.line_features import ends_sentence
from newslint.text.memo import per_document
from newslint.text.patterns import lazy_re, lazy_regex
from newslint.text.quotes import quoted_share
from newslint.text.similarity import (ShingleIndex, common_affixes, coverage, normalise_words, repeated_hashes,
                                      runs, segments, shingles)
from newslint.text.zoning import LEAD_PARAGRAPHS


def _deletion(doc: Document, span: Span, safe: bool, whole_line: bool) -> Fix:
    """Delete the copy: its whole line (keeping the layout), or the sentence and its space."""
    if whole_line:
        edit = delete_line(doc, span.start)
    else:
        start, end = span.start, span.end
        while end < len(doc.text) and doc.text[end] == " ":
            end += 1
        if end == span.end:  # the paragraph's last sentence: take the space before it instead
            while start > 0 and doc.text[start - 1] == " ":
                start -= 1
        edit = Edit(start, end, "")
    return Fix((edit,), "delete the repeated copy", FixSafety.SAFE if safe else FixSafety.UNSAFE)


def _repeats(doc: Document, spans: tuple[Span, ...], options: Options, what: str,
             skip: list[Span], reported: set[Span]) -> Iterator[tuple[Span, Finding]]:
    index = ShingleIndex(n=3)
    seen: dict[int, tuple[str, ...]] = {}
    skip_starts = [s.start for s in skip]  # in order, not overlapping
    for number, span in enumerate(spans):
        at = bisect.bisect_right(skip_starts, span.start) - 1
        if at >= 0 and span.start < skip[at].end:
            continue  # inside a copy reported already: no copy of anything, nor anything's original
        words = normalise_words(span.text(doc))
        grams = shingles(words, 3)
        # Mostly quotation: NL401's (asked first: it is the cheaper question).
        if len(words) >= options["min-words"] and quoted_share(doc, span) < 0.5:
            match = index.best_match(words, grams=grams)
            # Both ways: a short sentence restating part of a long one is not a copy of it.
            if match is not None and match.coverage >= options["coverage"] and \
                    coverage(seen[match.key], grams) >= options["coverage"] - 0.1:
                exact = seen[match.key] == words
                finding = _finding(doc, spans[match.key], span, exact, match.coverage, what, reported)
                if finding is not None:
                    yield span, finding
                continue  # a copy is not itself a first occurrence
        index.add(number, words, grams=grams)
        seen[number] = words


def _finding(doc: Document, first: Span, second: Span, exact: bool, similarity: float, what: str,
             reported: set[Span]) -> Finding | None:
    """The finding at whichever copy is the intruder (``newslint.text.intruder``): the later
    one, unless only the earlier one stands alone or outside the story. None when that copy is
    already reported, is the headline given again (NL504's) or mostly a quotation (NL401's)."""
    if _listed_twice(doc, _paragraph_of(doc, first), _paragraph_of(doc, second)):
        return None  # one item of a list given under two of its headings
    if not exact and _field_line(first.text(doc)) and _field_line(second.text(doc)):
        return None  # a listing's field, valued differently for two of its entries ("Offer valid: ...")
    if not exact and _items_apart(first.text(doc), second.text(doc)):
        return None  # two items of a list a word apart name two things ("... Aloe", "... Lavender")
    if straddles_full_text(doc, _paragraph_of(doc, first), _paragraph_of(doc, second)):
        return None  # a statement quoted or told by the story, then printed in full under it
    if _introduces_other_content(doc, _paragraph_of(doc, first), _paragraph_of(doc, second)):
        return None  # a heading or label ending with a colon, each copy over other content
    if is_signature(first.text(doc)) and is_signature(second.text(doc)):
        return None  # two embedded posts of one account on one day: their signatures alike
    if _parallel_records(doc, _paragraph_of(doc, first), _paragraph_of(doc, second)):
        return None  # one line of two records written to one template (a forecast's regions)
    if what == "sentence" and _lists_headings(doc, _paragraph_of(doc, first)):
        return None  # a heading of the article, listed again in its table of contents (NL3xx's)
    choice = choose(doc, Copy(_paragraph_of(doc, first), first), Copy(_paragraph_of(doc, second), second))
    deck = what == "paragraph" and not choice.earlier_reported and not choice.cut and \
        _deck_given_again(doc, choice, exact)
    if deck:  # the deck under the headline is the copy, not the story's paragraph
        choice = Choice(choice.other, choice.report, shape=False, zone=False, alike=False)
    elif choice.alike and _speaker_crosshead(first.text(doc), second.text(doc)):
        choice = Choice(choice.other, choice.report, shape=False, zone=True, alike=False)
    copy = choice.report
    if copy.span in reported or is_headline_copy(doc, copy) or \
            (choice.earlier_reported and quoted_share(doc, copy.span) >= 0.5):
        return None  # reported already; a repeated headline (NL504's); a quotation (NL401's)
    reported.add(copy.span)
    alone = what == "paragraph" or stands_alone(doc, copy)
    line = doc.line_of(choice.other.span.start)
    near = "" if exact else " nearly word for word"
    if deck:
        message = f"paragraph under the headline (a deck) repeats the one on line {line}{near}"
    elif choice.cut:  # the story's paragraph cut at a length or without its full stop
        message = f"paragraph repeats the one on line {line} without its end" + \
            (" (a deck or highlight)" if choice.earlier_reported else "")
    elif choice.earlier_reported and copy.paragraph in excerpt_block(doc):
        repeated = "the one" if what == "paragraph" else "a sentence"
        message = f"paragraph of an excerpt block at the top repeats {repeated} on line {line}{near}"
    elif choice.earlier_reported:
        message = (f"paragraph outside the story repeats the one on line {line}{near}" if what == "paragraph"
                   else f"paragraph stands alone and repeats a sentence on line {line}{near}")
    elif what == "sentence" and alone:
        message = f"paragraph repeats a sentence on line {line}{near}"
    else:
        message = f"{what} repeats the one on line {line}{near}"
    # Safe only when the copy deleted is its whole paragraph, word for word: story text inside
    # a longer paragraph is never deleted without a look.
    safe = exact and alone and extra_words(doc, copy) == 0
    score = (1.0 if exact else similarity) * (DECK_WEIGHT if deck else _weight(what, alone, choice))
    span = doc.paragraphs[copy.paragraph] if alone else copy.span
    reported.add(span)
    return Finding.at(span, message, _deletion(doc, span, safe, alone), confidence=score)


# A label's copies introduce other content when less than this share of the paragraph after
# the later copy lies in runs of the one after the first (items written to one template share
# half their words); from it on, the block after the label was captured again too.
_OTHER_CONTENT = 0.8
# A transcript's tag opening a line: a few characters in brackets ("<녹취>", "[SOUNDBITE]", "◀ 앵커 ▶").
_TAG_LED = lazy_re(r"[<\[(◀【〈《][^<>\[\]()◀▶【】〈〉《》\n]{1,15}[>\])▶】〉》]")
_LABEL_WORDS = 15
# A deck told from the story's paragraph by its place only keeps this much of its similarity,
# as a copy told by its shape does (a weaker kind than a paragraph given twice).
DECK_WEIGHT = 0.7


def _speaker_crosshead(earlier: str, later: str) -> bool:
    """Whether the earlier copy is the later one under a label, display text: a crosshead with
    its speaker's name that quotes the section it heads ("Siemoniak: They must have the prime
    minister's consent" over the story's "They must have the prime minister's consent"), or a
    caption with its label ("Pose: Another picture shows him ..."). A label of one to three words
    and a colon, then the later copy's words, the stop dropped. The display text is the copy."""
    if _FIELD.match(earlier) is None or ends_sentence(earlier):
        return False
    return normalise_words(_field_parts(earlier)[1]) == normalise_words(later)


def _deck_given_again(doc: Document, choice: Choice, exact: bool) -> bool:
    """Whether a paragraph given twice is a deck: the earlier copy is the first paragraph under
    the headline, the later copy is not part of the page captured again (the paragraph after
    it is not the paragraph after the first one), and either the deck restates the story's
    paragraph with words changed (``exact`` false: a capture repeats a paragraph word for word,
    an editor writing a deck or summary lead from it changes a few, "گفت" for "افزود") and the
    first paragraph is given nowhere else word for word, or it is one sentence and the paragraph
    after it shares more of the headline (it is the lead). Both copies look alike, so ``choose``
    reports the later, which is the story's own paragraph."""
    first, later = choice.other.paragraph, choice.report.paragraph
    if first != 0 or later <= 1 or doc.headline is None:
        return False
    texts = doc.paragraph_texts
    if later + 1 < len(texts) and normalise_words(texts[1]) == normalise_words(texts[later + 1]):
        return False  # the page captured again, not a deck
    if not exact:
        return len(_places(doc)[normalise_words(texts[0])]) == 1  # given nowhere else word for word
    if len(doc.sentences_in(doc.paragraphs[0])) != 1:
        return False
    # A deck adds a detail; the lead under it sums up the headline. When the first paragraph
    # shares more of the headline than the next, it is the lead itself, captured again below.
    headline = _long_words(doc.headline.text(doc))
    return len(headline & _long_words(texts[0])) < len(headline & _long_words(texts[1]))


def _is_label(text: str) -> bool:
    """A heading or label: a line ending with a colon, or a transcript's tag line (a bracketed
    tag, then a speaker or a clip's source, no sentence: "<녹취> 이재명 / 더불어민주당 대선 후보 (어제,
    KBS 더라이브)", "[SOUNDBITE] Jane Smith, Acme chief executive")."""
    text = text.strip()
    if text.endswith((":", "：")):
        return True
    return _TAG_LED.match(text) is not None and not more_words_than(text, _LABEL_WORDS) \
        and not text.endswith((".", "!", "?", "。"))


# A heading given this many times or more in an article heads a section each time (a
# category over each of its nominees); given twice, it may be a title captured again.
_HEADING_RECURS = 3


def _recurring_heading(doc: Document, number: int) -> bool:
    """Whether paragraph ``number`` is a heading (no sentence end, ``_LABEL_WORDS`` words at
    most) that the article gives, word for word, ``_HEADING_RECURS`` times or more, each copy
    between paragraphs given once (its own section's). Promoted titles repeated down a page
    come in blocks of other repeated titles and advertisement labels: they are still reported."""
    texts = doc.paragraph_texts
    text = texts[number]
    if ends_sentence(text) or more_words_than(text, _LABEL_WORDS):
        return False
    places = _places(doc)
    copies = places[normalise_words(text)]
    if len(copies) < _HEADING_RECURS:
        return False
    neighbours = [texts[k + step] for k in copies for step in (-1, 1) if 0 <= k + step < len(texts)]
    return all(len(places[normalise_words(other)]) == 1 for other in neighbours)


def _introduces_other_content(doc: Document, first: int, later: int) -> bool:
    """Whether paragraphs ``first`` and ``later`` are one heading or label (``_is_label``), each
    copy introducing a different paragraph: an exercise's step given in each answer ("Explain
    the stages of the graph:"), a talk show's label for each clip of one speaker. A block of the
    page captured twice repeats the paragraph after the label too, and is still reported."""
    texts = doc.paragraph_texts
    if later - first < 2 or later + 1 >= len(texts):
        return False  # given twice in a row, or the later copy closes the text: nothing it introduces
    if not all(_is_label(texts[k]) for k in (first, later)) \
            and not (_recurring_heading(doc, first) and _recurring_heading(doc, later)):
        return False
    after_first, after_later = normalise_words(texts[first + 1]), normalise_words(texts[later + 1])
    return coverage(after_later, shingles(after_first, 3)) < _OTHER_CONTENT


# Two neighbours share at least this many opening words when written to one template (a
# formula's fixed words, then the slot filled in: "He thanked His Highness Sheikh ... for his
# call", "He thanked His Excellency the Minister ... for his call"); fewer, and no closing
# words, when the opening is a field's label.
_TEMPLATE_OPENING = 4
# ... and the same closing words (a paragraph rewritten, a caption's sentence made a story's,
# shares its opening only).
_TEMPLATE_CLOSING = 2
# Neighbours this far from each copy, either way, are compared.
_RECORD_REACH = 2


def _parallel_records(doc: Document, first: int, later: int) -> bool:
    """Whether paragraphs ``first`` and ``later`` are one line of two records written to one
    template (a weather forecast's regions, "Wind: north, 4 to 6 Beaufort." under two of them;
    a formula of condolence after each caller's thanks): a neighbour of the later copy, at the
    same distance as one of the first copy's, opens with the same words (four or more, or the
    same field label) and then says something else. A block captured twice repeats its
    neighbours word for word (or cut short), and a paragraph glued in again after an advert has
    neighbours unrelated to the first one's: both are still reported."""
    texts = doc.paragraph_texts
    for step in (-1, 1, -_RECORD_REACH, _RECORD_REACH):
        a, b = first + step, later + step
        if not (0 <= a < len(texts) and 0 <= b < len(texts)) or {a, b} & {first, later}:
            continue
        if _template_pair(texts[a], texts[b]):
            return True
    return False


def _template_pair(one: str, other: str) -> bool:
    """Whether two paragraphs open alike and then differ: the same template, filled in twice."""
    a, b = normalise_words(one), normalise_words(other)
    head, tail = common_affixes(a, b)
    if head + tail >= min(len(a), len(b)):
        return False  # the same, or one the other with words added: a block captured again
    if head and _opens_field(one) and _opens_field(other) and _field_parts(one)[0] == _field_parts(other)[0]:
        pass  # one field of two records ("Temperature: 11 to 27 degrees.", "Temperature: 14 to 24 ...")
    elif head < _TEMPLATE_OPENING or tail < _TEMPLATE_CLOSING:
        return False  # a story's paragraph rewritten opens alike too, and ends its own way
    if coverage(b, shingles(a, 3)) >= _OTHER_CONTENT:
        return False  # nearly the same paragraph (a caption given again, its place changed)
    middle_a, middle_b = a[head:len(a) - tail], b[head:len(b) - tail]
    return coverage(middle_b, shingles(middle_a, 3)) < _OTHER_CONTENT


def _opens_field(text: str) -> bool:
    """Whether a paragraph is a field of a record: a label of one to three words, a colon and a
    value of a sentence or two ("Temperature: 11 to 27 degrees. Two lower in Thrace."),
    ``_RECORD_FIELD_WORDS`` words at most."""
    return _FIELD.match(text) is not None and not more_words_than(text, _RECORD_FIELD_WORDS)


_RECORD_FIELD_WORDS = 30


def _field_parts(text: str) -> tuple[str, str]:
    """A field's label (case-folded) and its value: what comes before its first colon (or
    full-width colon), and what follows it."""
    label, _, value = text.replace("：", ":", 1).partition(":")
    return label.strip().casefold(), value


# A table of contents lists at least this many of the article's headings.
_CONTENTS_HEADINGS = 3


def _lists_headings(doc: Document, number: int) -> bool:
    """Whether paragraph ``number`` is a table of contents: at least ``_CONTENTS_HEADINGS`` of
    its sentences end with the words of a heading of the article (a paragraph of one sentence
    given elsewhere on its own; the first may carry the box's title, "In This Article What Are
    the Fees?"). Each heading below it repeats one of its sentences, and is not the copy."""
    headings = _one_sentence_paragraphs(doc)  # (the table itself, of three or more, is none of them)
    listed = 0
    for sentence in doc.sentences_in(doc.paragraphs[number]):
        words = normalise_words(sentence.text(doc))
        if any(words[len(words) - size:] in headings for size in range(1, len(words) + 1)):
            listed += 1
            if listed >= _CONTENTS_HEADINGS:
                return True
    return False


def _listed_twice(doc: Document, first: int, later: int) -> bool:
    """Whether paragraphs ``first`` and ``later`` are one item of a list given under two of its
    headings (a song nominated in two categories, a team in two groups): both copies and every
    paragraph between them are list lines (short, no sentence end), at least two lines stand
    between them (one in a catalogue, ``_in_catalogue``), and neither neighbour of the later copy is the earlier copy's neighbour given
    again. A block of the page captured twice repeats its neighbours too, and a caption or a
    title captured twice comes again next to itself or with a label line between ("+12",
    "Related"): those are still reported."""
    texts = doc.paragraph_texts
    if later - first < 2 or not _all_list_lines(doc, first, later):
        return False
    if later - first < 3 and not _in_catalogue(texts, first, later):
        return False
    def words(k: int) -> tuple[str, ...]:
        return normalise_words(texts[k]) if 0 <= k < len(texts) else ()
    return words(first - 1) != words(later - 1) and (words(first + 1) != words(later + 1) or not words(later + 1))


def _all_list_lines(doc: Document, first: int, later: int) -> bool:
    """Whether paragraphs ``first`` to ``later`` are all list lines (``_is_list_line``), told
    from a count kept once per document: each copy of a line given a thousand times was compared
    with its first, and the lines between read again each time (time quadratic in paragraphs)."""
    counts = _prose_before(doc)
    return counts[later + 1] == counts[first]


@per_document
def _prose_before(doc: Document) -> list[int]:
    """For each paragraph (and the end), how many paragraphs before it are not list lines."""
    counts = [0]
    for text in doc.paragraph_texts:
        counts.append(counts[-1] + (not _is_list_line(text)))
    return counts


@per_document
def _places(doc: Document) -> dict[tuple[str, ...], list[int]]:
    """The paragraphs (by number) that give each paragraph's words, once per document (asked for
    each copy found: looked up again each time, a text of many copies took time quadratic in
    its paragraphs)."""
    places: dict[tuple[str, ...], list[int]] = {}
    for number, text in enumerate(doc.paragraph_texts):
        places.setdefault(normalise_words(text), []).append(number)
    return places


@per_document
def _one_sentence_paragraphs(doc: Document) -> frozenset[tuple[str, ...]]:
    """The words of each paragraph of one sentence (a heading, a title)."""
    texts = doc.paragraph_texts
    return frozenset(normalise_words(texts[k]) for k in range(len(texts))
                     if len(doc.sentences_in(doc.paragraphs[k])) == 1) - {()}


def _items_apart(first: str, second: str) -> bool:
    """Whether two list lines that are nearly the same differ inside, between words they share
    before and after ("... Advanced Hand Sanitizer Aloe, with 70% alcohol" and "... Lavender,
    with ..."): a word changed inside names another item. Lines that differ at an end only are
    one line with a label glued to it ("lRelated Kim had ankle surgery", "EnlargeThe class ...")."""
    if not (_is_list_line(first) and _is_list_line(second)):
        return False
    a, b = normalise_words(first), normalise_words(second)
    head, tail = common_affixes(a, b)
    return head > 0 and tail > 0 and (head + tail < len(a) or head + tail < len(b))


# A list of at least this many lines in a row is a catalogue (products recalled, nominees):
# there an item given twice with one other item between is listed twice, not captured twice.
CATALOGUE_ITEMS = 12


def _in_catalogue(texts: Sequence[str], first: int, later: int) -> bool:
    """Whether paragraphs ``first`` and ``later``, and the list lines between them, lie in one
    run of at least ``CATALOGUE_ITEMS`` list lines."""
    start, end = first, later
    while start > 0 and end - start + 1 < CATALOGUE_ITEMS and _is_list_line(texts[start - 1]):
        start -= 1
    while end + 1 < len(texts) and end - start + 1 < CATALOGUE_ITEMS and _is_list_line(texts[end + 1]):
        end += 1
    return end - start + 1 >= CATALOGUE_ITEMS


def _is_list_line(text: str) -> bool:
    """A line of a list: no sentence end (nor a colon that introduces one), and no longer than a
    headline."""
    return not (ends_sentence(text) or text.rstrip().endswith(":")) and not more_words_than(text, _LIST_LINE_WORDS)


_LIST_LINE_WORDS = 20
# A field of a listing: a label of one to three words, a colon, and a value that ends no
# sentence ("Offer valid: 1 July to 31 September", "Venue: City Hall, 7pm").
_FIELD = lazy_regex(r"^\W*\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}\s*[:：]\s+\S")
_FIELD_WORDS = 15


def _field_line(text: str) -> bool:
    """Whether a paragraph is a listing's field (label, colon, value): one given, not word for
    word, for two entries of the listing is no copy (given word for word, it is: a title or a
    caption with a label, "Opinion: Why Kim is still in charge", repeated by the scraper)."""
    return _FIELD.match(text) is not None and not ends_sentence(text) and not more_words_than(text, _FIELD_WORDS)


def _long_words(text: str) -> set[str]:
    """The words of four letters or more, normalised: what a headline and a lead share."""
    return {word for word in normalise_words(text) if len(word) >= 4}


def _weight(what: str, alone: bool, choice: Choice) -> float:
    """How much of the similarity the raw score keeps, by kind of repeat: a paragraph given
    twice, or a paragraph that repeats a sentence and lies outside the story while the sentence
    is inside it (a deck, a caption), keeps it all; a paragraph told from the sentence by its
    shape only keeps less (a publisher's own standfirst or pull quote looks the same); a
    sentence inside a longer paragraph whose intruder
    could not be told keeps half (a weaker sign, and perhaps the story's own words)."""
    if what == "paragraph" or (alone and choice.shape and choice.zone):
        return 1.0
    return 0.7 if alone and choice.clear else 0.5


def _paragraph_of(doc: Document, span: Span) -> int:
    """The number of the paragraph holding ``span``."""
    return doc.paragraph_index(span.start)  # starts listed once per document, not per call


def _has_repeated_run(doc: Document, n: int = 5) -> bool:
    """Whether any run of ``n`` words may occur twice in the body (a few say so wrongly, at
    the cost of a closer look only): a copy of eight words or more that covers 90% of its
    original always repeats one (it can miss at most one word in ten), and most articles repeat
    none."""
    seen: set[tuple[str, ...]] = set()  # built in C: a run seen twice leaves it short of the count
    count = 0
    for paragraph in doc.paragraphs:
        words = normalise_words(paragraph.text(doc))
        if count + len(words) > _SET_GRAMS:  # a long text: counted in bounded memory instead
            body = (gram for p in doc.paragraphs for gram in runs(normalise_words(p.text(doc)), n))
            return bool(repeated_hashes(body, len(doc.text) // 2))
        seen.update(runs(words, n))
        count += max(len(words) - n + 1, 0)
        if len(seen) < count:
            return True
    return False


_SET_GRAMS = 100_000  # runs of words _has_repeated_run keeps in a set (about 12 MB at most)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report repeated paragraphs, then repeated sentences outside them, then decks that
    repeat part of a lead sentence."""
    if not _has_repeated_run(doc):
        return
    copied: list[Span] = []  # the later copies of whole paragraphs: their sentences are not compared
    reported: set[Span] = set()  # the copies reported, by span (paragraph or sentence)
    for numbers in segments(doc.paragraphs):
        spans = doc.paragraphs[numbers.start:numbers.stop]
        for span, finding in _repeats(doc, spans, options, "paragraph", [], reported):
            copied.append(span)
            yield finding
        for span, finding in _joined_copies(doc, numbers, options, reported):
            copied.append(span)
            yield finding
    copied.sort(key=lambda span: span.start)
    for numbers in segments(doc.sentences):
        sentences = doc.sentences[numbers.start:numbers.stop]
        for _, finding in _repeats(doc, sentences, options, "sentence", copied, reported):
            yield finding
    yield from _shortened_decks(doc, options, reported)


def _joined_copies(doc: Document, numbers: range, options: Options,
                   reported: set[Span]) -> Iterator[tuple[Span, Finding]]:
    """The paragraphs that are other paragraphs of the article run together
    (``intruder.joined_paragraphs``), each reported once, unless reported already or the story's
    own paragraph whose sentences an excerpt block at the top gave first."""
    for joined in joined_paragraphs(doc, numbers, options["min-words"]):
        paragraph = doc.paragraphs[joined.number]
        if paragraph in reported:
            continue
        block = excerpt_block(doc)
        if joined.sources <= block and joined.number not in block:
            continue  # the story's paragraph, whose sentences an excerpt block at the top gave first
        reported.add(paragraph)
        first = doc.line_of(doc.paragraphs[min(joined.sources)].start)
        last = doc.line_of(doc.paragraphs[max(joined.sources)].start)
        fix = _deletion(doc, paragraph, safe=False, whole_line=True)
        yield paragraph, Finding.at(paragraph, f"paragraph repeats the paragraphs on lines {first} to {last} "
                                               "run together", fix, confidence=joined.share)


def _shortened_decks(doc: Document, options: Options, reported: set[Span]) -> Iterator[Finding]:
    """A one-sentence paragraph in the lead whose words (nearly) all stand in a longer sentence
    of the next few paragraphs: a deck that copies the lead and drops a clause ("..., despite
    objections from traders."). The two-way comparison above misses it (the sentence is not a
    copy of the deck); it is reported only when the deck is the intruder by shape or zone."""
    lead = doc.paragraphs[:LEAD_PARAGRAPHS]
    for number, deck in enumerate(lead):
        words = normalise_words(deck.text(doc))
        if len(words) < options["min-words"] or deck in reported or len(doc.sentences_in(deck)) != 1 \
                or quoted_share(doc, deck) >= 0.5:
            continue
        for later in range(number + 1, min(number + 1 + LEAD_PARAGRAPHS, len(doc.paragraphs))):
            sentence = _containing_sentence(doc, later, words, options["coverage"])
            if sentence is None:
                continue
            finding = _finding(doc, deck, sentence, False, options["coverage"], "sentence", reported)
            if finding is not None and finding.start == deck.start:
                yield finding
            break


def _containing_sentence(doc: Document, number: int, words: tuple[str, ...], share: float) -> Span | None:
    """The first sentence of paragraph ``number``, longer than ``words``, that holds at least
    ``share`` of them in runs of three."""
    for sentence in doc.sentences_in(doc.paragraphs[number]):
        theirs = normalise_words(sentence.text(doc))
        if len(theirs) > len(words) and coverage(words, shingles(theirs, 3)) >= share:
            return sentence
    return None


_LEAD = "Shares in Acme rose 5% on Monday after the firm beat forecasts for the quarter."

RULE = Rule(
    code="NL402",
    name="duplicate-paragraph",
    summary="A paragraph or sentence repeats an earlier one in the same article",
    doc=__doc__,
    check=check,
    fix=FixSafety.SAFE,
    options={"min-words": JOINED_MIN_WORDS, "coverage": 0.9},
    bad_examples=(
        f"Acme beats forecasts\n\n{_LEAD}\n\nAnalysts had expected a loss.\n\n{_LEAD}\n",
        f"Acme beats forecasts\n\n{_LEAD} Analysts had expected a loss.\n\n"
        "Its chief executive was pleased. Shares in Acme rose 5% on Monday after the company "
        "beat forecasts for the quarter.\n",
    ),
    good_examples=(
        f"Acme beats forecasts\n\n{_LEAD}\n\nAnalysts had expected a loss.\n\nHe denied it. "
        "He denied it.\n",
        f"Acme beats forecasts\n\n{_LEAD}\n\n\"We will keep investing in our factories next year,\" "
        "he said.\n\n\"We will keep investing in our factories next year,\" he repeated.\n",
    ),
)
