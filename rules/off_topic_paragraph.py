"""NL304 off-topic-paragraph: a paragraph from another story.

## What it does
For each paragraph of at least `min-words` words, measures how much of its content (words
weighted by how rare they are in English, lightly stemmed; numbers and amounts left out) appears anywhere else in the article,
headline included, and compares that with the same measure for the article's other paragraphs.
A paragraph sharing less than `max-share` of its weight with the rest *and* less than
`max-ratio` times what the article's paragraphs typically share is a candidate: the bar is
relative to the article, so a story whose paragraphs each bring new names is not held to the
standard of one that keeps repeating its topic.

Words alone are not enough: a paragraph that opens a new thread with new names (a side story,
a list of award winners, the background of a long feature) shares few words with the rest
and still belongs. So a candidate is reported only when its meaning is far from the story's
too: the sentence model of the optional extra `newslint[semantic]` (the one NL101 uses) gives
the cosine similarity of the paragraph's vector and the mean vector of up to six other story
paragraphs (`Document.zones`: furniture is not the story), and it must be under
`max-similarity`.

## Why is this bad?
Content farms and careless scrapers splice a paragraph of another story into an article.
Readers and models take it as part of the story.

Exceptions made on purpose:
- Short paragraphs (transitions such as "Still, many mayors did attend.") are never judged.
- Articles with fewer than five paragraphs are not judged: there is no typical share to compare
  with; nor files of more than 2,000 paragraphs (a dump of lines, not an article: story zoning
  gives up on them too).
- A paragraph that is mostly quotation is not judged: a speaker's own words often bring a new
  point (and a quotation running over several paragraphs continues the story).
- A paragraph that answers a question is not reported: one right after a short paragraph
  that is a question (ending with its question mark, not with a quotation's), or one opening
  with an interview's speaker label ("A:", "R:"). An interview's answers range over topics
  ("Q: Where did you grow up?" / "A: St. Croix, ..."). Added on 2026-12-04 after the one false
  alarm of `pages/` (an interview's answer); on the training pages it changed nothing, and it
  lost 1 of 542 paragraphs inserted at random into clean articles (one after a question).
- An item of a list (two or more paragraphs in a row opening with the same dash, bullet or
  number) is not reported: a roundup's items, an award's finalists, each bring their own
  subject. On the line model's training pages (never used to tune NL304) this let go 3 false
  alarms and 1 real finding (an item of a list of other stories' titles).
- A paragraph that names a person both the paragraph before it and the one after it name (a
  given name or surname of the US Census's lists that the body writes capitalised inside a
  sentence somewhere) continues their thread: a column that turns to a film's setting between
  two paragraphs about its character, a side story about the same man. Added on 2026-12-04
  after a held-out source's one false alarm (a business column's paragraph on the film River's
  Edge between two that name its character John); on `benchmarks/off_topic.py` it lost none of
  the 574 inserted paragraphs found by default (2 of 1,205 on words alone) and let go 4 more
  false alarms on words alone.
- A paragraph close in meaning to one of the two story paragraphs on either side of it
  (similarity 0.3 or more) continues their thread, though far from the story as a whole: a
  roundup of business briefs under crossheads, whose mean means little. Added on 2026-12-04
  after a held-out source's false alarm (a brief's paragraph on a bottle shop's six-packs,
  0.47 from the brief's first paragraph); on `benchmarks/off_topic.py` it lost none of the 612
  inserted paragraphs found, at 0.3 or at 0.4. It costs a second look by the model for each
  paragraph the first one would report.
- The article's last paragraph, where scrapers most often take in another story (the next one
  on the page), is reported up to a similarity of 0.3 to the story instead of 0.15, when it is
  far in meaning from the paragraph just before it too (under 0.2): a splice follows nothing,
  while a story's closing paragraph carries on from the one before (a Guardian story's last
  quotation from the footage the paragraph before describes, 0.23 from it, is not reported).
  Added on 2026-12-04 (a looser bar at the end without that second test, tried the day before,
  reported story lines of real scraped pages and was taken back). It found seed 000's last
  paragraph; on `pages/` one more furniture line (a teaser of another story) and no story line;
  on the sources one site's promotion paragraph (furniture, labelled so since) and nothing
  else; on `fnc-train/` another story's paragraph and a programme promotion. In
  `benchmarks/off_topic.py` it changed nothing (985 of the 8,182 inserted paragraphs found,
  before and after: few are inserted last, and those are mostly far from the story anyway).
- Without the extra, and in a body that is not in English (the model's language), nothing is
  reported: the words alone made 9 false alarms per 1,000 clean articles (below). Set
  `semantic = false` to report on words alone, to screen spun or stitched text and review
  what comes out.

## Measured
On 2026-12-03, on 4,939 clean articles of nine sources (the BBC development articles and
eight sets from other publishers and languages, `benchmarks/SOURCES.md`) and one damaged copy
of each with a paragraph of 30 words or more from another article of the same source inserted
anywhere in the body (4,141 copies):
- with the meaning test (default): **no false alarm** in the 4,939 clean articles; found 25%
  of the inserted paragraphs in the BBC articles, 27% in Reuters, 16% in BBC technology, 15% in
  the Guardian, 1% in BBC sport (a football paragraph in a football story means much the same);
  none in the French, Spanish and Chinese sets (not judged);
- on words alone (`semantic = false`): 43 false alarms (8.7 per 1,000; 148 per 1,000 on the
  Guardian's long features, 22 on Reuters) and 23% of the inserted paragraphs found.
The threshold 0.15 was chosen on the same English sets (their clean candidates' similarities
run from 0.17 up; inserted paragraphs' mostly under 0.3), so these figures are not held out.
Seed 000's last paragraph (a county jail settlement under a story about sanctuary cities)
shares 10% of its key words but means much what the story means (similarity 0.26: both are
about detention and immigration law); it is found by the looser bar at the article's end (below).

The fix deletes the paragraph; it is unsafe (a judgement call).

## Example
A story about a council closing libraries, with a paragraph about a football match in it:
"Striker Marcus Rashford scored twice as Manchester United beat Aston Villa at Old Trafford."

## Use instead
Remove the paragraph, or find the story it came from.

## Options
- `min-words` (int, default 25): shorter paragraphs are not judged.
- `max-share` (float, default 0.12): the most of its weight a reported paragraph may share with
  the rest of the article.
- `max-ratio` (float, default 0.3): the most a reported paragraph may share, relative to the
  median of the article's paragraphs.
- `semantic` (bool, default true): report only what the sentence model confirms (and nothing
  without the extra or in other languages); false reports on the shared words alone.
- `max-similarity` (float, default 0.15): the highest similarity in meaning to the story a
  reported paragraph may have.
"""
from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence

from newslint.document import Document
from newslint.rule import Finding, Fix, FixSafety, Options, Rule
from newslint.text import embeddings
from newslint.text.edits import delete_line
from newslint.text.keywords import load_word_list, stem, table_weight, words
from newslint.text.patterns import lazy_re
from newslint.text.person_names import is_given_name, is_surname
from newslint.text.quotes import quoted_share
from newslint.text.zoning import MODEL_MAX_PARAGRAPHS, list_items

MIN_PARAGRAPHS = 5
# The story's meaning is the mean of this many of its other paragraphs (spread over it) of at
# least REFERENCE_MIN_WORDS words: on the measuring set six gave the same verdicts as all of
# them, and the sentence model's cost grows with every paragraph it reads.
REFERENCE_PARAGRAPHS = 6
REFERENCE_MIN_WORDS = 8
# Candidates the sentence model is asked about per document, those sharing least first: an
# article with one spliced paragraph has one or two; a file of thousands of unrelated
# paragraphs (a dump) would otherwise cost the model's time for each of them.
MAX_ASKED = 10


def _weights(text: str) -> dict[str, float]:
    """A paragraph's content words by stem, each weighed by its rarity in English (from the
    table shipped in the package: every body word is weighed, and wordfreq costs a one-file run
    a tenth of a second to load)."""
    bag = {}
    for word in words(text):
        weight = table_weight(word)
        if weight is not None:
            bag[stem(word)] = weight
    return bag


def shares(doc: Document, min_words: int) -> list[tuple[int, float]]:
    """(paragraph index, share of its content weight found elsewhere) for judged paragraphs."""
    head = set(_weights(doc.headline.text(doc))) if doc.headline else set()
    texts = doc.paragraph_texts
    seen_in: dict[str, int] = {}
    bags: dict[int, dict[str, float]] = {}  # the judged paragraphs' (an article's few hundred)
    for index, text in enumerate(texts):
        bag = _weights(text)
        for key in bag:
            seen_in[key] = seen_in.get(key, 0) + 1
        if len(text.split()) >= min_words:
            bags[index] = bag
    judged = []
    for index, bag in bags.items():
        total = sum(bag.values())
        # A paragraph that is mostly quotation speaks in its own words, often on a new point.
        if total and quoted_share(doc, doc.paragraphs[index]) < 0.5:
            # A stem counts as shared when the headline or another paragraph has it too.
            shared = sum(w for key, w in bag.items() if key in head or seen_in[key] > 1)
            judged.append((index, shared / total))
    return judged


# A speaker's label opening an interview's line: "Q:", "A:", "R:" (resposta, réponse), "P:".
_INTERVIEW_LABEL = lazy_re(r"[A-Z]{1,2}:\s")


QUESTION_WORDS = 40  # an interviewer's question is a paragraph of its own, and short


def answers(texts: Sequence[str], index: int) -> bool:
    """Whether paragraph ``index`` answers a question: an interview's line under a speaker's
    label, or a paragraph after a short one that is a question (the writer's own: one that
    ends in a quoted question is reported speech, not an interviewer's)."""
    if _INTERVIEW_LABEL.match(texts[index]):
        return True
    before = texts[index - 1].rstrip() if index > 0 else ""
    return before.endswith(("?", "？")) and len(before.split()) <= QUESTION_WORDS


# A capitalised word, with its letters (and inner apostrophes or hyphens), as a name's token.
_CAPITALISED = lazy_re(r"(?<![\w'’])([A-Z][a-z]+(?:[-'’][A-Za-z]+)*)")
_MID_SENTENCE_CAPITAL = lazy_re(r"(?<=[\w,;:)\]\"“”‘’'] )[‘'\"“]?([A-Z][a-z]+)")


def _names(text: str) -> set[str]:
    """The capitalised words of ``text``, without a possessive ending ("John's" is "John")."""
    return {match.group(1).split("'")[0].split("’")[0] for match in _CAPITALISED.finditer(text)}


def _continues_a_thread(texts: Sequence[str], index: int) -> bool:
    """Whether paragraph ``index`` names a person that both the paragraph before it and the one
    after it name: a given name or surname of the US Census's lists (not a word as common as
    "Mr" or "The"), which the body writes capitalised inside a sentence somewhere (so not a word
    capitalised by its place). A paragraph spliced in from another story seldom shares its
    neighbours' people; a feature that turns to a film, a side story or a background between
    two paragraphs about the same person does (a business column's paragraph on the film
    River's Edge, between two that name its character John)."""
    if index == 0 or index + 1 >= len(texts):
        return False
    shared = {name for name in _names(texts[index]) & _names(texts[index - 1]) & _names(texts[index + 1])
              if (is_given_name(name) or is_surname(name)) and table_weight(name.lower()) is not None}
    if not shared:
        return False
    return any(match.group(1) in shared for text in texts for match in _MID_SENTENCE_CAPITAL.finditer(text))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def similarity_to_story(doc: Document, index: int) -> float | None:
    """How close in meaning paragraph ``index`` is to the rest of the story: the cosine of its
    vector and the mean vector of up to REFERENCE_PARAGRAPHS other story paragraphs (None when
    the story has too few to compare with)."""
    texts = doc.paragraph_texts
    others = [i for i, zoned in enumerate(doc.zones)
              if i != index and zoned.is_story and len(texts[i].split()) >= REFERENCE_MIN_WORDS]
    if len(others) < MIN_PARAGRAPHS - 2:
        return None
    if len(others) > REFERENCE_PARAGRAPHS:  # spread over the story, first and last included
        last = len(others) - 1
        others = [others[round(k * last / (REFERENCE_PARAGRAPHS - 1))] for k in range(REFERENCE_PARAGRAPHS)]
    vectors = _paragraph_vectors(doc, [index, *others])
    return _cosine_to_mean(vectors[0], vectors[1:])


NEIGHBOURS = 2  # story paragraphs on each side a paragraph may continue
# A paragraph this close in meaning to a neighbour continues its thread: no paragraph inserted from
# another article that NL304 found was this close to one (benchmarks/off_topic.py, at 0.3 and 0.4).
NEIGHBOUR_SIMILARITY = 0.3


def _close_to_a_neighbour(doc: Document, index: int) -> bool:
    """Whether paragraph ``index`` is close in meaning to one of the story paragraphs just
    before or after it: it continues their thread, in an article whose parts each have their own
    subject (a roundup of business briefs under crossheads, where the story as a whole means
    little). A paragraph spliced in from another story is far from its neighbours too."""
    texts = doc.paragraph_texts
    zones = doc.zones
    around = [i for i in range(max(0, index - NEIGHBOURS), min(len(texts), index + NEIGHBOURS + 1))
              if i != index and zones[i].is_story and len(texts[i].split()) >= REFERENCE_MIN_WORDS]
    if not around:
        return False
    vectors = _paragraph_vectors(doc, [index, *around])
    return max(_cosine_to_mean(vectors[0], [row]) for row in vectors[1:]) >= NEIGHBOUR_SIMILARITY


# The sentence model's vectors of each document's paragraphs, kept while the document lives: a
# paragraph the model judges is compared with the story and then with its neighbours, which are
# often among the story's reference paragraphs too; each is embedded once.
_VECTORS: weakref.WeakKeyDictionary[Document, dict[int, Sequence[float]]] = weakref.WeakKeyDictionary()


def _paragraph_vectors(doc: Document, indices: Sequence[int]) -> list[Sequence[float]]:
    """The vectors of paragraphs ``indices``, those not embedded yet in one call."""
    known = _VECTORS.setdefault(doc, {})
    missing = [i for i in dict.fromkeys(indices) if i not in known]
    if missing:
        texts = doc.paragraph_texts
        known.update(zip(missing, embeddings.embed([texts[i] for i in missing])))
    return [known[i] for i in indices]


def _cosine_to_mean(vector: Sequence[float], rows: Sequence[Sequence[float]]) -> float:
    """The cosine of ``vector`` (a unit vector, as the model gives) and the mean of ``rows``."""
    import numpy as np

    mean = np.asarray(rows).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return float(np.asarray(vector) @ mean) / norm if norm else 0.0


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report paragraphs that share far less with the article than its paragraphs usually do
    and, unless told not to ask it, that the sentence model finds far from the story too."""
    if not MIN_PARAGRAPHS <= len(doc.paragraphs) <= MODEL_MAX_PARAGRAPHS:
        return  # too few to have a typical paragraph; or a dump of lines, no article (as zoning has it)
    semantic = options["semantic"]
    if semantic and not embeddings.reads(doc.language):
        return  # the words alone are too often wrong to report by default (see Measured)
    judged = shares(doc, options["min-words"])
    if len(judged) < MIN_PARAGRAPHS - 1:
        return
    typical = _median([share for _, share in judged])  # (statistics costs a one-file run 15 ms to import)
    limit = min(options["max-share"], options["max-ratio"] * typical)
    # An interview's answers and a list's items range over topics: they count in what is
    # typical, and are never reported.
    texts = doc.paragraph_texts
    candidates = [(index, share) for index, share in judged if share < limit and not answers(texts, index)]
    if candidates:  # (most articles have none: their marks are not read)
        items = list_items(texts)
        candidates = [(index, share) for index, share in candidates
                      if index not in items and not _continues_a_thread(texts, index)]
    if semantic and len(candidates) > MAX_ASKED:
        candidates = sorted(sorted(candidates, key=lambda c: c[1])[:MAX_ASKED])
    for index, share in candidates:
        margin = 1 - share / limit  # how far below the nearer limit
        meaning = ""
        if semantic:
            similarity = similarity_to_story(doc, index)
            ceiling = options["max-similarity"]
            if similarity is not None and ceiling <= similarity < END_SIMILARITY and _ends_on_a_splice(doc, index):
                ceiling = END_SIMILARITY
            if similarity is None or similarity >= ceiling or _close_to_a_neighbour(doc, index):
                continue
            margin = (margin + min(1.0, 1 - similarity / ceiling)) / 2
            meaning = f", and its meaning is far from the story's (similarity {similarity:.2f})"
        paragraph = doc.paragraphs[index]
        fix = Fix((delete_line(doc, paragraph.start),), "delete the paragraph", FixSafety.UNSAFE)
        yield Finding.at(paragraph, f"paragraph looks like part of another story: it shares "
                                    f"{share:.0%} of its key words with the rest of the article "
                                    f"(its paragraphs typically share {typical:.0%}){meaning}", fix,
                         confidence=margin)


# The article's last paragraph is where a scraper most often takes in another story (the next
# one on the page): there, sharing this little, a paragraph may be this much closer in meaning
# to the story, when it is far from the paragraph just before it (under END_PREVIOUS): a
# splice follows nothing, a closing paragraph carries on from the one before.
END_SIMILARITY = 0.3
END_PREVIOUS = 0.2


def _ends_on_a_splice(doc: Document, index: int) -> bool:
    """Whether paragraph ``index`` is the article's last and far in meaning from the one before
    it (under ``END_PREVIOUS``)."""
    if index != len(doc.paragraphs) - 1 or index == 0:
        return False
    vectors = _paragraph_vectors(doc, [index, index - 1])
    return _cosine_to_mean(vectors[0], [vectors[1]]) < END_PREVIOUS


_PARAS = [
    "The city council voted on Tuesday to close two libraries and a swimming pool to save money "
    "next year, as councillors struggle with falling grants from central government.",
    "Councillors said the library closures would save the council two million pounds a year, while "
    "library users protested outside the town hall against the closures.",
    "The council leader said the library service would move into the civic centre and that the "
    "swimming pool would be sold to a leisure company to cut council costs.",
    "Campaigners said they would challenge the library closures in court, arguing that the council "
    "had not consulted library users properly before the vote on the closures.",
]
_INTRUDER = ("Striker Marcus Rashford scored twice as Manchester United beat Aston Villa at Old "
             "Trafford, lifting the visitors' manager's hopes of a European place despite injuries.")
_RELATED = ("Library users and campaigners said the council should have kept the libraries open and "
            "closed the swimming pool instead, since the pool costs the council more to run.")

RULE = Rule(
    code="NL304",
    name="off-topic-paragraph",
    summary="A paragraph that belongs to another story",
    doc=__doc__,
    check=check,
    fix=FixSafety.UNSAFE,
    options={"min-words": 25, "max-share": 0.12, "max-ratio": 0.3, "semantic": True, "max-similarity": 0.15},
    # what it finds depends on the extra: the results cache and `newslint rules` say so
    extras=tuple((package, f"pip install '{embeddings.EXTRA}'") for package in embeddings.PACKAGES),
    warm_up=load_word_list,
    bad_examples=("Council to shut libraries\n\n" + "\n\n".join([*_PARAS, _INTRUDER]) + "\n",),
    good_examples=("Council to shut libraries\n\n" + "\n\n".join([*_PARAS, _RELATED]) + "\n",),
)
