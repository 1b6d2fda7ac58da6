"""NL305 bare-link-line: a paragraph that is only a web address, an e-mail address or a source
label or link prefix with addresses, or an e-mail address a CDN replaced with a placeholder.

## What it does
Reports five shapes that need no model and no phrase list:
- **an e-mail-protection placeholder**: "[email protected]" (also with an entity for the space,
  or the `/cdn-cgi/l/email-protection` link): a CDN hid an address from scrapers, and the
  scraper kept the placeholder; the address is lost;
- **a contact line**: a paragraph that is only an e-mail address, a social-media profile
  ("twitter.com/janesmith", "@janesmith") or a list of them: the author's or the site's
  contact details under the story;
- **an attribution line**: a short label meaning "source" or "via" followed by nothing but a
  web address ("Source: https://...", "Fonte: ...", "Via www...");
- **a link line whose titles are addresses**: a link prefix as NL301 knows them, a separator,
  then nothing but web addresses ("More AP NBA: https://apnews.com/NBA and
  https://twitter.com/AP_Sports", "Read or Share this story: http://usat.ly/...", "See more at:
  http://..."). Added on 2026-12-04 (fifteenth session) for 2 lines of `pages/`; elsewhere 1
  more on the sources (labelled then), 2 on the line model's training pages (a cross-reference
  list's line labelled furniture and a "View more videos at: ..." their ground truth keeps), 2
  closing `fnc-train/` bodies; lines that other rules reported before are left to them;
- **a bare web address**: a paragraph that is only a URL. Before the story, or when it is the
  article's own address (its path repeats the headline's words), it is the scraper's or the
  page's chrome; after the story or inside it, it may be a reference the writer gave (a blog
  citing its sources, an event's website at the end of a listing), so it is reported only
  when asked (`references`).

## Why is this bad?
A text corpus keeps words, not links: a paragraph that is an address carries no story, breaks
sentence statistics, and often repeats on every article of a site. A placeholder in place of an
address says the text was scraped from a protected page and a word of it is gone.

Exceptions made on purpose:
- An address inside a sentence ("Details are at www.council.gov.uk, the council said.") is
  story and is left alone; only paragraphs that are nothing else are reported.
- A bare web address inside or after the story is reported only with `references = true`:
  it is as often a reference the writer gave (an event's website closing a listing, a blog's
  sources) as furniture, and labelled story in real pages as often as not (9 of 9 such
  findings on held-out pages and Belgian news, 2026-12-03). Reported, it has a raw score of
  0.5.

The fix is safe: it deletes the address-only paragraph, which holds no story text. A
placeholder has no fix (the address it replaced is lost; only the source page has it).

## Example
```
The council approved the budget on Tuesday.

Source: https://www.example-council.gov.uk/news/budget

jane.smith@example-news.com
```

## Use instead
```
The council approved the budget on Tuesday.
```

## Options
- `references` (bool, default false): also report a bare web address inside or after the
  story.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from newslint.document import Document, Span
from newslint.rule import Finding, Fix, FixSafety, Options, Rule
from newslint.text.edits import delete_line
from newslint.text.link_lines import links_to_addresses
from newslint.text.patterns import lazy_re, lazy_regex
from newslint.text.zoning import Place

# Sought in every paragraph: `re` does it in a quarter of the time, with the same matches.
_PLACEHOLDER = lazy_re(r"\[\s*email(?:\s|&#160;|&nbsp;|\xa0)*protected\s*\]|/cdn-cgi/l/email-protection\S*",
                       re.IGNORECASE)
_URL = r"(?:https?://|www\.)[^\s<>\"]+|(?:[\w-]+\.)+(?:com|org|net|gov|edu|info|io|co|tv|news|[a-z]{2})(?:/[^\s<>\"]*)?"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_PROFILE = (r"(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|t\.me|threads)"
            r"\.(?:com|net|me)?/?[\w.@/-]*|@\w{2,}")
_BULLETS = r"[\s\-–—•·►▶»|*>:]*"
_CONTACT = lazy_regex(rf"^{_BULLETS}(?:(?:{_EMAIL}|{_PROFILE})[\s,;|/·•]*)+$", regex.IGNORECASE)
_BARE_URL = lazy_regex(rf"^{_BULLETS}[(<\[]?(?P<url>{_URL})[)>\]]?[\s.]*$", regex.IGNORECASE)
# Words meaning "source" or "via" in the languages most scraped news is in: a label, not prose.
_ATTRIBUTION = lazy_regex(
    rf"^{_BULLETS}(?:sources?|via|from|credit|fonte|fontes|fuente|fuentes|quelle|quellen|источник|"
    rf"источники|bron|źródło|kaynak|nguồn|出典|来源|出处|출처)\s*[:：\-–—]?\s*(?:{_URL})[\s.]*$",
    regex.IGNORECASE)
_SLUG_WORD = lazy_regex(r"[a-z]{3,}")
OWN_ADDRESS_WORDS = 3  # a path sharing this many headline words is the article's own address


def _delete(doc: Document, paragraph: Span, what: str) -> Fix:
    return Fix((delete_line(doc, paragraph.start),), f"delete the {what}", FixSafety.SAFE)


def _own_address(url: str, headline: str) -> bool:
    path = url.lower().split("/", 3)[-1] if "/" in url else ""
    head = {w for w in regex.findall(r"\w+", headline.lower()) if len(w) >= 3}
    return len(head & set(_SLUG_WORD.findall(path))) >= OWN_ADDRESS_WORDS


def _line_finding(doc: Document, paragraph: Span, place: Place, references: bool) -> Finding | None:
    text = paragraph.text(doc)
    if _CONTACT.match(text):
        return Finding.at(paragraph, "contact line: only e-mail addresses or social-media profiles",
                          _delete(doc, paragraph, "contact line"), 0.9)
    if _ATTRIBUTION.match(text):
        return Finding.at(paragraph, "attribution line: a source label and a web address",
                          _delete(doc, paragraph, "attribution line"), 0.9)
    if links_to_addresses(text):
        return Finding.at(paragraph, "link line: a link prefix and web addresses only",
                          _delete(doc, paragraph, "link line"), 0.9)
    bare = _BARE_URL.match(text)
    if bare is None:
        return None
    headline = doc.headline.text(doc) if doc.headline else ""
    if place is Place.BEFORE or _own_address(bare["url"], headline):
        return Finding.at(paragraph, "bare web address before the story", _delete(doc, paragraph, "web address"), 0.9)
    if not references:
        return None
    return Finding.at(paragraph, f"bare web address {place.value} the story", _delete(doc, paragraph, "web address"), 0.5)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report placeholders anywhere, and paragraphs that are only addresses."""
    for paragraph, zoned in zip(doc.paragraphs, doc.zones):
        line = _line_finding(doc, paragraph, zoned.place, options["references"])
        if line is not None:
            yield line
            continue
        for match in _PLACEHOLDER.finditer(doc.text, paragraph.start, paragraph.end):
            yield Finding(match.start(), match.end(),
                          "e-mail-protection placeholder: a CDN hid an address here and it is lost",
                          None, 0.95)


_STORY = ("Council backs budget\n\nThe council approved the budget on Tuesday after a long debate "
          "about spending on roads and schools.\n\n{}\n\nCouncillors said taxes would rise.\n")

RULE = Rule(
    code="NL305",
    name="bare-link-line",
    summary="A paragraph that is only a web or e-mail address, or a CDN's e-mail placeholder",
    doc=__doc__,
    check=check,
    fix=FixSafety.SAFE,
    options={"references": False},
    bad_examples=(
        _STORY.format("Source: https://www.example-council.gov.uk/news/budget"),
        _STORY.format("jane.smith@example-news.com"),
        _STORY.format("twitter.com/janesmith"),
        _STORY.format("For details write to [email protected] before Friday."),
        "Council backs budget\n\nhttps://www.example-news.com/local/council-backs-budget-2019\n\n"
        "The council approved the budget on Tuesday.\n",
    ),
    good_examples=(
        _STORY.format("Details are at www.example-council.gov.uk, the council said."),
        _STORY.format("Residents can write to the council by e-mail or by post."),
    ),
)
