"""NL501 unbalanced-quotes: a paragraph's double quotation marks do not pair up.

## What it does
Reads every double quotation mark of a paragraph (straight `"` or curly `“ ”`) by its context
(opening after a space, closing before one) and reports:
- a quotation that is still open when the paragraph ends, when the next paragraph does not open
  with a quotation mark;
- a closing mark with no quotation open.

## Why is this bad?
A lost quotation mark is the trace of an edit or a scrape that cut text: a quotation's end or
start went missing, or two pieces of different paragraphs were joined. Readers (and models) can
no longer tell whose words are whose, which in news is a matter of attribution.

Exceptions made on purpose:
- News style lets a quotation run over several paragraphs with no closing mark until the last;
  each following paragraph opens with a quotation mark. That is not reported, also when the
  paragraphs were merged into one line (`...the end of it. "The next part," he said.`).
- Inch and seconds marks after a number (`a 12" screen`) are not quotation marks.
- Single quotes are ignored entirely: they cannot be told apart from apostrophes
  ("the players' union", "rock 'n' roll").
- Nested double quotes (`"He called it "silly"," she said.`) balance and are not reported.
- German and Czech quotations open low and close high (`„Ja“, sagte sie.`): a “ after a word,
  inside a quotation, before a space or punctuation, closes it. (Added on 2026-12-04: on German
  Wikinews this rule made 1,407.5 findings per 1,000 articles, now 10.0; on the twelve other
  sources, 163.5 became 51.6 in all, and no labelled real finding was lost.)

Measured on the 1,313 clean BBC development articles: 23 findings in 21 articles (17.5 per
1,000). Every one is a mark really missing or extra in the published text (a quotation whose
closing mark was lost, `""unconscionable`, a paragraph split in the middle of a quotation),
but that is over the project's bar of 2 per 1,000 clean articles for a default rule, so this
rule is **off by default**: select it with `--extend-select NL501`. No findings on the seeds
(their quotation marks balance). On the 300 damaged development articles: 5 findings, three in
copies of clean articles that already had them and two where an injected line ("More news:
...") split a quotation that ran over paragraphs.

## Example
```
Mayors reject threat

"We will not be bullied by Washington, the mayor said on Tuesday.
```

## Use instead
```
Mayors reject threat

"We will not be bullied by Washington," the mayor said on Tuesday.
```

## Options
None.
"""
from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document, Span
from newslint.rule import Finding, Options, Rule
from newslint.text.quotes import imbalances, starts_with_opening_mark

_MESSAGES = {
    "unclosed": "quotation is never closed (and the next paragraph does not continue it)",
    "unopened": "closing quotation mark with no quotation open",
}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report the first unbalanced double quotation mark of each paragraph."""
    paragraphs = doc.paragraphs
    for number, paragraph in enumerate(paragraphs):
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        continued = following is not None and starts_with_opening_mark(doc.text, following.start, following.end)
        found = imbalances(doc.text, paragraph.start, paragraph.end, continued)
        if found:
            first = found[0]
            yield Finding.at(Span(first.offset, first.offset + 1), _MESSAGES[first.kind])


RULE = Rule(
    code="NL501",
    name="unbalanced-quotes",
    summary="A paragraph's double quotation marks do not pair up",
    doc=__doc__,
    check=check,
    default_enabled=False,
    bad_examples=(
        'Mayors reject threat\n\n"We will not be bullied by Washington, the mayor said on Tuesday.\n',
        "Mayors reject threat\n\nThe mayor said the city would not be bullied.” She left early.\n",
    ),
    good_examples=(
        'Mayors reject threat\n\n"We will not be bullied by Washington," the mayor said on Tuesday.\n',
        'Mayors reject threat\n\n"We have a duty to our residents.\n\n"We will not be bullied," '
        "the mayor said.\n\nShe bought a 12\" screen for the office.\n",
    ),
)
