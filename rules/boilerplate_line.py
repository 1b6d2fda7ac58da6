"""NL302 boilerplate-line: page furniture left in the article (share, follow, subscribe, cookies,
adverts, copyright, photo credits, comment prompts).

## What it does
Reports a line that is website interface text rather than story ("Share this article",
"Follow us on Twitter", "Sign up for our newsletter", "We use cookies ...", "Advertisement",
"Click here to subscribe", "All rights reserved", "Image copyright Getty Images", "Photo:
Reuters", "Leave a comment", "Skip to main content", "Download our app", "Listen to this
article", "Comments (12)", "Tags: ...", "This article was originally published on ...",
"You have 3 free articles remaining", "Already a subscriber? Log in"), and the same text
glued to the end of a paragraph ("... he said. Share this article").

## Why is this bad?
A summariser trained on it learns to end stories with "Follow us on Twitter"; search indexes
and deduplication see every article of a site share the same sentences.

Exceptions made on purpose:
- Only short lines count (at most `max-words` words): a sentence of the story that mentions a
  newsletter, cookies or advertising ("The firm's advertising revenue rose 5%") is not
  interface text, and it does not start with the interface phrase either.
- A phrase must open the line (or close a paragraph, for the trailing case): "Shares in Twitter
  fell" and "Readers can sign up online, the paper said" are left alone.
- Lines with a quotation or a speech verb ("said") are never boilerplate.
- Link lines to other stories ("Read more: ...") are NL301's, and a paywall notice that ends
  the article ("Already a subscriber? Log in") is NL503's (truncated-article).
- Wire-service credits ("(Reporting by ...; Editing by ...)") are part of the article as the
  agency publishes it, so they are left alone.

Measured on the 1,313 clean BBC development articles: 0 findings.

The fix (safe) deletes the line, or the trailing fragment: interface text is never part of the
story.

## Example
```
The council approved the budget on Tuesday.

Share this article on Facebook

Councillors said taxes would rise.
```

## Use instead
```
The council approved the budget on Tuesday.

Councillors said taxes would rise.
```

## Options
- `max-words` (int, default 14): longer lines are never boilerplate.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document, Span
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.edits import delete_line
from newslint.text.paywall import is_paywall_notice
from newslint.text.quotes import reports_speech

_BULLET = r"^[\s\-–—•·►▶»|*_]*"
_PHRASES = r"""(?:
    share\s+(?:this|on|via|the\s+story)\b | share\s*$ | tweet\s+this\b | email\s+this\b | e-mail\s+this\b
  | print\s+(?:this|the)\s+(?:page|article|story)\b | save\s+this\s+(?:article|story)\b
  | follow\s+(?:us|me|@\w+|\w+(?:\s\w+)?\s+on\s+(?:twitter|facebook|instagram|x|linkedin|tiktok))\b
  | like\s+us\s+on\s+facebook\b
  | (?:subscribe|sign\s+up|register)(?:\s+(?:now|today|here|free))?\s+(?:to|for)\s+(?:our|the|a)\b.*(?:newsletter|updates|alerts|e-?mails?|briefing|digest)
  | (?:subscribe|sign\s+up)\s+(?:now|today|here)\b | get\s+(?:our|the)\s+\w+\s+newsletter\b
  | (?:we|this\s+(?:site|website))\s+uses?\s+cookies\b | accept\s+(?:all\s+)?cookies\b | cookie\s+(?:policy|settings)\b
  | advertisement\s*$ | advertising\s*$ | sponsored(?:\s+content)?\s*$ | promoted\s+content\s*$
  | (?:story|article)\s+continues\b | continue\s+reading\s+below\b
  | (?:click|tap)\s+here\s+(?:to|for)\b(?!\s+(?:read|watch|see|view|listen|find\s+out|learn|continue|get\s+the
                                              |more|the\s+(?:full|latest|rest)|related))
  | (?:all\s+rights\s+reserved) | (?:copyright|©)\s*(?:©\s*)?(?:\d{4}|the\b|[A-Z])
  | (?:image|photo|picture|video)\s+(?:copyright|caption|source|credit)\b | getty\s+images\s*$
  | (?:leave|post|add)\s+a\s+comment\b | join\s+the\s+(?:conversation|discussion)\b
  | comments?\s+(?:are|is)\s+(?:closed|open)\b | be\s+the\s+first\s+to\s+comment\b | \d+\s+comments?\s*$
  | skip\s+to\s+(?:main\s+)?content\b | please\s+enable\s+javascript\b | javascript\s+is\s+disabled\b
  | related\s+topics\s*$ | back\s+to\s+top\s*$
  | subscribe\s+to\s+(?:our|the|my)\b | download\s+(?:our|the)\s+(?:\w+\s+)?app\b
  | get\s+(?:the\s+)?(?:latest|breaking)\s+(?:news|updates|headlines)\s+(?:on|via|in|from|delivered)\b
  | (?:join|follow)\s+(?:our|us\s+on)\s+(?:whatsapp|telegram)\b
  | this\s+(?:article|story|piece)\s+(?:was|is)\s+(?:originally|first)\s+published\b
  | (?:listen\s+to|print|save|share|email)\s+this\s+(?:article|story)\b
  | comments?\s*\(\d+\)\s*$ | (?:advertisement\s*)+$ | loading\s*(?:\.{3}|…)?\s*$
  | (?:image|photo|picture)s?\s*(?:credit\s*)?:\s*[\w.&' /-]{1,40}$
  | support\s+(?:our|independent|quality)\s+journalism\b
  | (?:read|view|see)\s+our\s+(?:privacy|cookie)\s+(?:policy|notice)\b
  | enjoyed\s+this\s+(?:article|story)\b | have\s+your\s+say\b
  | click\s+to\s+(?:share|email|print)\b | posted\s+by\s+\S+\s+(?:at|on)\b
  | (?:tags|filed\s+under|topics)\s*:\s*\w | you\s+have\s+\d+\s+free\s+(?:articles?|stories)\b
  | already\s+(?:a\s+)?(?:subscriber|registered|have\s+an\s+account)\s*(?:\?|[,.]?\s*(?:log|sign)\s+in)
)"""
_WHOLE_LINE = re.compile(_BULLET + _PHRASES, re.IGNORECASE | re.VERBOSE)
_TRAILING = re.compile(
    r"(?<=[.!?\"”])\s+(?:share\s+this\s+(?:article|story)|follow\s+us\s+on\s+(?:twitter|facebook|instagram)"
    r"|click\s+here\s+to\s+(?:subscribe|sign\s+up|comment)|sign\s+up\s+for\s+our\s+\w+\s+newsletter"
    r"|all\s+rights\s+reserved|advertisement)\.?\s*$",
    re.IGNORECASE)


def _whole_line(doc: Document, paragraph: Span, options: Options) -> Finding | None:
    text = paragraph.text(doc)
    if len(text.split()) > options["max-words"] or reports_speech(text):
        return None
    if not _WHOLE_LINE.match(text):
        return None
    fix = Fix((delete_line(doc, paragraph.start),), "delete the boilerplate line", FixSafety.SAFE)
    return Finding.at(paragraph, f"boilerplate line: {text!r} is page furniture, not story", fix)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report short interface-text lines, and interface text closing a paragraph."""
    for paragraph in doc.paragraphs:
        if paragraph is doc.paragraphs[-1] and is_paywall_notice(paragraph.text(doc)):
            continue  # the story was cut there: NL503 truncated-article's finding
        whole = _whole_line(doc, paragraph, options)
        if whole is not None:
            yield whole
            continue
        match = _TRAILING.search(doc.text, paragraph.start, paragraph.end)
        if match is not None:
            fix = Fix((Edit(match.start(), match.end(), ""),), "delete the boilerplate fragment", FixSafety.SAFE)
            yield Finding(match.start() + len(match.group()) - len(match.group().lstrip()), match.end(),
                          f"boilerplate at the end of the paragraph: {match.group().strip()!r}", fix)


_STORY = "Council backs budget\n\nThe council approved the budget on Tuesday.\n\n{}\n\nCouncillors said taxes would rise.\n"

RULE = Rule(
    code="NL302",
    name="boilerplate-line",
    summary="Page furniture (share, follow, subscribe, cookies, adverts, credits) in the article",
    doc=__doc__,
    check=check,
    fix=FixSafety.SAFE,
    options={"max-words": 14},
    bad_examples=(
        _STORY.format("Share this article on Facebook"),
        _STORY.format("Sign up for our daily politics newsletter"),
        _STORY.format("ADVERTISEMENT"),
        _STORY.format("Copyright 2018 The Associated Press. All rights reserved."),
        _STORY.format("Residents protested outside. Follow us on Twitter"),
    ),
    good_examples=(
        _STORY.format("The firm's advertising revenue rose 5% in the quarter."),
        _STORY.format("Shares in Twitter fell after the results."),
        _STORY.format("Readers can sign up online, the paper said."),
        _STORY.format('"Follow us on this journey," the mayor told residents.'),
    ),
)
