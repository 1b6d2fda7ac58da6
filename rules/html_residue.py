"""NL203 html-residue: HTML left in the text: entities, tags, shortcodes, script or CSS.

## What it does
Reports markup that a scraper failed to strip:
- character entities (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`) that decode to a character;
- HTML tags (`<p>`, `<br/>`, `<a href="...">`, `</strong>`), recognised by real HTML tag names;
- WordPress-style shortcodes (`[caption id="attachment_9" ...]`, `[/caption]`, `[embed]`);
- leftover script or style text (`var x = ...;`, `function() {`, `document.write(`, a CSS rule
  such as `.story { color: red; }`), when a paragraph shows at least two such signs.

## Why is this bad?
Readers see "communiqu&#233;" instead of "communiqué", models learn markup as if it were prose,
and search misses the word. Tags and script text are page furniture, not the story.

Exceptions made on purpose:
- A bare ampersand ("AT&T", "M&S", "R&B") is not an entity; neither is a made-up one
  ("&foo;") that HTML would not decode.
- Angle brackets that are not a known HTML tag ("x < y", "<unknown>") are left alone.
- Square brackets used editorially ("[the ruling party]", "[sic]") are not shortcodes: a
  shortcode needs a known shortcode name or `name="value"` attributes.
- One programming word in a paragraph (an article about JavaScript) is not script residue.

Measured on the 1,313 "clean" BBC development articles: 12 findings in 10 articles (7.6 per
1,000), every one an entity really left in the published text ("communiqu&#233;",
"Mr Blair&#191;s", "&lt;"). That is over the project's bar of 2 per 1,000 clean articles for a
default rule, so this rule is **off by default**; select it with `--extend-select NL203` (its
findings there are all real residue). No findings on the seeds.

The fix (safe) decodes entities (`&nbsp;` becomes a plain space) and removes tags and
shortcodes; script and CSS text is reported without a fix, since what to keep is a judgement.

## Example
```
The G7 communiqu&#233; was agreed on Saturday.<br/>
```

## Use instead
```
The G7 communiqué was agreed on Saturday.
```

## Options
None.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import Any

import regex

from newslint.document import Document, Span
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.code_text import CODE_SIGNS as _CODE_SIGNS
from newslint.text.patterns import lazy_regex

_ENTITY = lazy_regex(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|center|cite|code|dd|div|dl|dt|em|"
    "embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|"
    "label|li|link|main|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|section|select|"
    "small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td|th|thead|time|title|tr|u|"
    "ul|video"
)
_TAG = lazy_regex(rf"</?(?:{_TAG_NAMES})(?:\s+[^<>]*?)?\s*/?>", regex.IGNORECASE)
_SHORTCODE = lazy_regex(
    r"\[/?(?:caption|embed|gallery|video|audio|playlist|youtube|tweet|instagram|vimeo|"
    r"related|ad|adsense|vc_\w+|et_pb_\w+)(?:\s[^\[\]]*)?\]"
    r"|\[\w+(?:\s+\w+=(?:\"[^\"]*\"|'[^']*'))+\s*/?\]",
    regex.IGNORECASE,
)



def _entity_fix(match: regex.Match, decoded: str) -> Fix:
    decoded = " " if match.group().lower() in ("&nbsp;", "&#160;", "&#xa0;") else decoded
    return Fix((Edit(match.start(), match.end(), decoded),), "decode the entity", FixSafety.SAFE)


def _removal_fix(doc: Document, start: int, end: int, what: str) -> Fix:
    before = doc.text[start - 1] if start else " "
    after = doc.text[end] if end < len(doc.text) else " "
    # Keep words apart: "one<br>two" becomes "one two", "one <b>two" becomes "one two".
    keep_space = not before.isspace() and not after.isspace() and before.isalnum() and after.isalnum()
    return Fix((Edit(start, end, " " if keep_space else ""),), f"remove the {what}", FixSafety.SAFE)


def _markup(doc: Document, span: Span) -> Iterator[Finding]:
    """Entities, tags and shortcodes in order of position, made as they are read: a paragraph
    of thousands of entities costs only the findings the runner takes (it stops at a budget)."""
    return heapq.merge(_entities(doc, span), _removed(doc, span, _TAG, "HTML tag"),
                       _removed(doc, span, _SHORTCODE, "shortcode"), key=lambda f: f.start)


def _entities(doc: Document, span: Span) -> Iterator[Finding]:
    for match in _ENTITY.finditer(doc.text, span.start, span.end):
        import html  # only for an article with an entity in it: kept off start-up

        decoded = html.unescape(match.group())
        if decoded != match.group():
            yield Finding(match.start(), match.end(), f"HTML entity {match.group()} left in the text",
                          _entity_fix(match, decoded))


def _removed(doc: Document, span: Span, pattern: Any, what: str) -> Iterator[Finding]:
    for match in pattern.finditer(doc.text, span.start, span.end):
        shown = match.group() if len(match.group()) <= 40 else match.group()[:37] + "..."
        yield Finding(match.start(), match.end(), f"{what} {shown} left in the text",
                      _removal_fix(doc, match.start(), match.end(), what))


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report entities, tags and shortcodes, and paragraphs that read as script or CSS."""
    spans = ([doc.headline] if doc.headline else []) + list(doc.paragraphs)
    for span in spans:
        found = []  # (start, end) of what was reported in the span
        for finding in _markup(doc, span):
            found.append((finding.start, finding.end))
            yield finding
        signs = list(_CODE_SIGNS.finditer(doc.text, span.start, span.end))
        if len(signs) >= 2 and not any(start <= signs[0].start() < end for start, end in found):
            yield Finding(signs[0].start(), signs[-1].end(),
                          "script or CSS text left in the article (" +
                          ", ".join(repr(m.group().strip()[:20]) for m in signs[:3]) + ")")


RULE = Rule(
    code="NL203",
    name="html-residue",
    summary="HTML entities, tags, shortcodes or script text left in the article",
    doc=__doc__,
    check=check,
    default_enabled=False,
    fix=FixSafety.SAFE,
    bad_examples=(
        "Summit ends\n\nThe G7 communiqu&#233; was agreed on Saturday.\n",
        "Summit ends\n\nLeaders met in Rome.<br/>They agreed a deal.\n",
        "Summit ends\n\n[caption id=\"attachment_12\" align=\"alignright\"]Leaders in Rome[/caption]\n",
        "Summit ends\n\nvar ad = googletag.defineSlot(); document.write('<div>');\n",
        "Summit ends\n\nProfits &amp; losses were published on Monday.\n",
    ),
    good_examples=(
        "Summit ends\n\nThe G7 communiqué was agreed on Saturday.\n",
        "AT&T and M&S results\n\nAT&T and R&B label sales rose; the &foo; code was unknown.\n",
        "Maths lesson\n\nPupils learnt that x < y and y > z means x < z.\n",
        "Summit ends\n\nHe said [the ruling party] would win, adding: \"It is [sic] done.\"\n",
        "Code clubs grow\n\nChildren learn to write a JavaScript function in their first lesson.\n",
    ),
)
