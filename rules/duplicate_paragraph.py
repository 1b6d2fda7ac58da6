"""NL402 duplicate-paragraph: a paragraph or sentence that repeats an earlier one in the article.

## What it does
Reports a paragraph whose words are, almost all of them, an earlier paragraph's words in the
same order (verbatim or near-verbatim: a word changed, dropped or added), and a sentence of at
least `min-words` words that repeats an earlier sentence the same way. The finding points at the
later copy and names the line of the first.

## Why is this bad?
Scrapers often capture a lead twice (the standfirst and the first paragraph), or glue the same
block in again after an advert. A model trained on the article learns the repetition; a summary
of it repeats itself.

Exceptions made on purpose:
- Short paragraphs and sentences (fewer than `min-words` words, default 8) are left alone:
  "He denied the charges." may well be said twice.
- A paragraph or sentence that is mostly a quotation is left to NL401 duplicate-quote, which reports
  repeated quotations with its own rules.
- The headline is not compared with the body: a lead that restates the headline is normal.
- Each copy is reported once: when a whole paragraph repeats, its sentences are not reported
  again.
- In a file of many megabytes (not an article), paragraphs and sentences are compared within
  stretches of about 1 MB, which keeps time and memory bounded: a copy a megabyte or more
  from its original is not found.

The fix deletes the later copy: safe when it repeats the first word for word (after case and
spacing are normalised), unsafe when it differs, since the two versions may not say the same.

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
from collections.abc import Iterator

from newslint.document import Document, Span
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.edits import delete_line
from newslint.text.quotes import quoted_share
from newslint.text.similarity import ShingleIndex, coverage, normalise_words, repeated_hashes, runs, segments, shingles


def _deletion(doc: Document, span: Span, exact: bool, whole_line: bool) -> Fix:
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
    safety = FixSafety.SAFE if exact else FixSafety.UNSAFE
    return Fix((edit,), "delete the repeated copy", safety)


def _repeats(doc: Document, spans: tuple[Span, ...], options: Options, what: str,
             skip: list[Span]) -> Iterator[tuple[Span, Finding]]:
    index = ShingleIndex(n=3)
    seen: dict[int, tuple[str, ...]] = {}
    skip_starts = [s.start for s in skip]  # in order, not overlapping
    for number, span in enumerate(spans):
        words = normalise_words(span.text(doc))
        grams = shingles(words, 3)
        at = bisect.bisect_right(skip_starts, span.start) - 1
        # Mostly quotation: NL401's (asked first: it is the cheaper question).
        if len(words) >= options["min-words"] and not (at >= 0 and span.start < skip[at].end) \
                and quoted_share(doc, span) < 0.5:
            match = index.best_match(words, grams=grams)
            # Both ways: a short sentence restating part of a long one is not a copy of it.
            if match is not None and match.coverage >= options["coverage"] and \
                    coverage(seen[match.key], grams) >= options["coverage"] - 0.1:
                first = spans[match.key]
                exact = seen[match.key] == words
                message = (f"{what} repeats the one on line {doc.line_of(first.start)}"
                           f"{'' if exact else ' nearly word for word'}")
                yield span, Finding.at(span, message, _deletion(doc, span, exact, what == "paragraph"),
                                       # a repeated sentence is a weaker sign than a paragraph
                                       confidence=(1.0 if exact else match.coverage) * (1 if what == "paragraph" else 0.5))
                continue  # a copy is not itself a first occurrence
        index.add(number, words, grams=grams)
        seen[number] = words


def _has_repeated_run(doc: Document, n: int = 5) -> bool:
    """Whether any run of ``n`` words may occur twice in the body (a few say so wrongly, at
    the cost of a closer look only): a copy of eight words or more that covers 90% of its
    original always repeats one (it can miss at most one word in ten), and most articles repeat
    none."""
    body = (gram for p in doc.paragraphs for gram in runs(normalise_words(p.text(doc)), n))
    return bool(repeated_hashes(body, len(doc.text) // 2))


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report repeated paragraphs, then repeated sentences outside them."""
    if not _has_repeated_run(doc):
        return
    reported: list[Span] = []
    for numbers in segments(doc.paragraphs):
        for span, finding in _repeats(doc, doc.paragraphs[numbers.start:numbers.stop], options, "paragraph", []):
            reported.append(span)
            yield finding
    for numbers in segments(doc.sentences):
        sentences = doc.sentences[numbers.start:numbers.stop]
        for _, finding in _repeats(doc, sentences, options, "sentence", reported):
            yield finding


_LEAD = "Shares in Acme rose 5% on Monday after the firm beat forecasts for the quarter."

RULE = Rule(
    code="NL402",
    name="duplicate-paragraph",
    summary="A paragraph or sentence repeats an earlier one in the same article",
    doc=__doc__,
    check=check,
    fix=FixSafety.SAFE,
    options={"min-words": 8, "coverage": 0.9},
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
