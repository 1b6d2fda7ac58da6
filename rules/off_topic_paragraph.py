"""NL304 off-topic-paragraph: a paragraph from another story.

## What it does
For each paragraph of at least `min-words` words, measures how much of its content (words
weighted by how rare they are in English, lightly stemmed) appears anywhere else in the article,
headline included, and compares that with the same measure for the article's other paragraphs.
A paragraph is reported when it shares less than `max-share` of its weight with the rest *and*
less than `max-ratio` times what the article's paragraphs typically share: the bar is relative
to the article, so a story whose paragraphs each bring new names is not held to the standard of
one that keeps repeating its topic.

## Why is this bad?
Content farms and careless scrapers splice a paragraph of another story into an article (seed
000 ends with a county jail settlement in a story about sanctuary cities). Readers and models
take it as part of the story.

Exceptions made on purpose:
- Short paragraphs (transitions such as "Still, many mayors did attend.") are never judged.
- Articles with fewer than five paragraphs are not judged: there is no typical share to compare
  with.
- A paragraph that is mostly quotation is not judged: a speaker's own words often bring a new
  point (and a quotation running over several paragraphs continues the story).

Measured on the 1,313 clean BBC development articles: 4 findings (3.0 per 1,000), mostly
paragraphs that open a new thread with new names (a list of award winners, a side story). That
is over the project's bar of 2 per 1,000 clean articles for a default rule, so this rule is
**off by default**; turn it on with `--extend-select NL304` to screen spun or stitched text,
and expect to review what it reports. On the seeds it reports exactly the jail-settlement
paragraph (000 line 42). On the project's own labelled set it finds 37% to 45% of paragraphs
inserted from another story of the same kind (many share its vocabulary; the share varies
with the random draw of the set), with precision 0.84 to 0.86.

The fix deletes the paragraph; it is unsafe (a judgement call).

## Example
A story about sanctuary cities ending with: "A federal judge has already granted final approval
to a settlement San Juan County is closing, which will award $2,000 ... to each of almost 200
people who were illegally detained at the county jail."

## Use instead
Remove the paragraph, or find the story it came from.

## Options
- `min-words` (int, default 25): shorter paragraphs are not judged.
- `max-share` (float, default 0.12): the most of its weight a reported paragraph may share with
  the rest of the article.
- `max-ratio` (float, default 0.3): the most a reported paragraph may share, relative to the
  median of the article's paragraphs.
"""
from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Finding, Fix, FixSafety, Options, Rule
from newslint.text.edits import delete_line
from newslint.text.keywords import is_content_word, load_word_list, rarity, stem, words
from newslint.text.quotes import quoted_share

MIN_PARAGRAPHS = 5


def _weights(text: str) -> dict[str, float]:
    return {stem(w): rarity(w) for w in words(text) if is_content_word(w)}


def shares(doc: Document, min_words: int) -> list[tuple[int, float]]:
    """(paragraph index, share of its content weight found elsewhere) for judged paragraphs."""
    head = set(_weights(doc.headline.text(doc))) if doc.headline else set()
    seen_in: dict[str, int] = {}
    for paragraph in doc.paragraphs:  # each paragraph's words are read twice, not all kept
        for key in _weights(paragraph.text(doc)):
            seen_in[key] = seen_in.get(key, 0) + 1
    judged = []
    for index, paragraph in enumerate(doc.paragraphs):
        bag = _weights(paragraph.text(doc))
        total = sum(bag.values())
        # A paragraph that is mostly quotation speaks in its own words, often on a new point.
        if total and len(paragraph.text(doc).split()) >= min_words and quoted_share(doc, paragraph) < 0.5:
            # A stem counts as shared when the headline or another paragraph has it too.
            shared = sum(w for key, w in bag.items() if key in head or seen_in[key] > 1)
            judged.append((index, shared / total))
    return judged


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report paragraphs that share far less with the article than its paragraphs usually do."""
    if len(doc.paragraphs) < MIN_PARAGRAPHS:
        return
    judged = shares(doc, options["min-words"])
    if len(judged) < MIN_PARAGRAPHS - 1:
        return
    import statistics  # the rule is off by default: kept off start-up

    typical = statistics.median(share for _, share in judged)
    for index, share in judged:
        if share < options["max-share"] and share < options["max-ratio"] * typical:
            paragraph = doc.paragraphs[index]
            fix = Fix((delete_line(doc, paragraph.start),), "delete the paragraph", FixSafety.UNSAFE)
            yield Finding.at(paragraph, f"paragraph looks like part of another story: it shares "
                                        f"{share:.0%} of its key words with the rest of the article "
                                        f"(its paragraphs typically share {typical:.0%})", fix,
                             # how far below the nearer limit: the raw score
                             confidence=1 - share / min(options["max-share"], options["max-ratio"] * typical))


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
    default_enabled=False,
    fix=FixSafety.UNSAFE,
    options={"min-words": 25, "max-share": 0.12, "max-ratio": 0.3},
    warm_up=load_word_list,
    bad_examples=("Council to shut libraries\n\n" + "\n\n".join([*_PARAS, _INTRUDER]) + "\n",),
    good_examples=("Council to shut libraries\n\n" + "\n\n".join([*_PARAS, _RELATED]) + "\n",),
)
