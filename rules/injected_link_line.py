"""NL301 injected-link-line: a line a site or scraper put into the story to link elsewhere.

## What it does
Reports a paragraph that is a related-content link rather than part of the story: a *prefix*
such as "More news", "Read more", "ALSO READ", "Related", "Related stories", "See also",
"Recommended", "You may also like", "Don't miss", "READ NEXT", "Must read", "Top stories",
"Editor's pick", "Trending", "Watch", "More", "In case you missed it", "In other news",
"Live updates", "Click here to read", "Continue reading", a site's own name ("On Example.com:",
"example.co.uk |", only with a separator after it) and similar (in any case, after bullets or arrows such as "►", "»", "▶", "-", inside
brackets or markdown emphasis), with or without a colon, dash, pipe or arrow after it, followed
by the title of another page ("More news: Jawbone from Israeli cave oldest human fossil outside
Africa"), or standing alone ("Read more", "Continue reading the main story").

A header standing alone that announces a list ("Related stories", "More on this story", "You
may also like"; not a call to action such as "Continue reading") is often followed by the
titles it lists, one per line: each of those is reported too ("title listed under "Related
stories" ..."), up to the first line that is not a title (a sentence with a full stop, a
quotation, more than 14 words) or, after a first title, is a piece of a sentence that goes on
(it ends with a comma, or the next line goes on in lower case: the story again, split by the
scraper at a link or a bold phrase: "W ciągu dnia" / "ochrona sklepu zatrzymała ..."; added on
2026-12-05, twentieth session, after a held-out Polish source's 11 false alarms, designed there:
5 gone, and 2 promo lines split the same way no longer found; nothing else changed on any
labelled set or the line model's 9,314 held-out training pages. A crosshead of the story after
the list, whose paragraph takes up its words, was tried too and dropped: it let go 4 related
titles on `pages/` and 2 on `fnc-train/`, the last of a list on the story's own topic). A title
may be two sentences, the second bare, when the list's first one is ("Komu najbardziej ufają
Polacy? Nowy sondaż", "Nowa strategia Rosjan. Na front wysyłają kobiety": many papers' headline
style); after such titles, a line of one sentence ends the list (the story's crosshead). Added on
2026-12-05 (twentieth session) on pl-rmf24, where the related-story boxes were found only when
their first title was one sentence: 538 more lines there, of which a helper reading each called
536 related titles, 1 a promo line and 1 the story's (injected recall on the 40 articles read
whole 94 to 164 of 321); on `fnc-train/` 2 more related titles, on the line model's training
pages 1 more furniture line, nothing else changed. (Allowing two sentences after a title of one
too found 280 lines more there, 53 of them the story's crossheads and pieces: not taken.) A shorter line that opens with a prefix too weak to make it a
link alone ("More:", "More from Example", "Most read in world news", "Popular on Example")
heads such a list when at least three titles follow it: it and its titles are reported ("list
header ... above titles"), unless it holds sentence punctuation (a stop, so also a web address;
a comma) or a quotation. On the line model's labelled training corpora (`training/SOURCES.md`),
before it was added, this found 3,039 more furniture lines and 253 lines labelled story (most
of them related-story lists the labels missed; the rest section titles over lists on general
web pages); on `pages/` 10 more furniture lines; nothing on the other publishers' 3,626 clean
articles.
Such a header is reported too when no titles follow it but it closes the text (the extractor
left its list out: "Popular on IndieWire" as an article's last line) or the next line is zoned
page furniture ("list header ... its list gone", "... above page furniture"); not when it is the
first paragraph, nor a wire story's marker ("More to come": its word, then an infinitive).
Added on 2026-12-04 (fifteenth session); held out on the line model's labelled training pages:
33 more lines, 20 labelled furniture ("Also On Esquire", "See it »", "Most Popular on
Reuters"), 2 left open, 8 that those pages' ground truth keeps as story, each a header of a
list or an embed the page lost ("Popular LED Projects:", "Watch the video below:", "More
Information"), and 3 on a reference page and a discography ("See also building
rapport", "+ Previously unreleased"); on the 22 clean sources 2, both links out (labelled); on
`pages/` 1 line, on `fnc-train/` 14 ("Video loading", "SEE THE PHOTO:", "Related roundup: Apple
Watch" closing a body).

A link line glued to the end of a paragraph as a sentence of its own, its prefix set apart by a
separator ("... the vote. (RELATED: Poll: Clear Majority Want To Keep Confederate Statues)",
"(Also see: ...)": a page's inline link), is reported as that fragment ("link to other content
glued to the end of the paragraph"), and the fix deletes it alone. Added on 2026-12-04
(fifteenth session); held out on the line model's labelled training pages 12 lines, none
labelled furniture: 10 that their ground truth keeps as story, each such an inline link, a
gallery link or a video credit ("(Also see: “...”)", "(Gallery: Potential nominees)", "(Video:
Thorstein Thielow)"), and 2 left open; on the 22 clean sources 12, all the Daily Caller's
"(RELATED: ...)" links and a "You might also be interested in:" (labelled), on `fnc-train/` 4
more of them.

The same prefixes count in the other languages most news is scraped in: German, Dutch and the
Scandinavian languages, French, Spanish, Portuguese, Italian, Romanian, Polish, Czech, Slovak,
Russian, Ukrainian, Turkish, Indonesian and Malay, Arabic, Chinese, Japanese and Korean ("Lesen
Sie auch:", "Lire aussi", "Le puede interesar:", "Leia também:", "Leggi anche", "Citește și",
"Czytaj też", "Читайте также", "Baca juga", "اقرأ أيضا", "相关阅读", "関連記事"): a closed table
of the concepts above ("read also", "see also", "related articles", "you may also like", "most
read"), written from the languages rather than gathered from examples; the phrases that may
open an ordinary sentence ("Saiba mais", "Leer más", "По теме") count only with a separator
after them, and so do the words for "read" alone ("Lire :", "Leggi:", "Читайте:", "Czytaj:",
"Baca:", the last added on 2026-12-05 for Kompas's "(Baca: ...)" links, 1 line there, nothing
held out on the line model's training pages; Portuguese "Leia:" is left out, a film character's
line in a transcript). A title in a script without capitals (Arabic, Chinese, Japanese...) may
start with any letter. Added on 2026-12-04 (fourteenth session): on the line model's labelled training
pages, held out, it reports 100 more lines (Polish, German, Spanish and Portuguese related-story
links), 10 labelled furniture, 90 left open by the labels, none labelled story; on the
twenty-two clean sources, 73 more lines, every one a link line, a list of links under such a
header or (under Romanian "Citește și") a newsletter prompt; nothing else changed.
On 2026-12-05 (nineteenth session) the table's gaps were filled where a language had a concept
that another form of it lacked: the formal and informal "see also" and "check out" of Spanish
and Portuguese ("Vea también", "Mire también", "Confira também", "Veja mais"), German's
informal "Das könnte dich auch interessieren", "Weitere/Mehr Artikel, Beiträge, Nachrichten,
Themen", "Zum Weiterlesen", Spanish "Notas relacionadas", Italian "Guarda anche"; with a
separator, "see" and "watch" alone ("Voir :", "Vedi:", "Vea:", "Mire:", "Veja:", "Assista:",
"Confira:", "Siehe:", "Смотрите:", "Zobacz:") and "more on"/"also on" ("Más sobre ...",
"Mais sobre ...", "Mehr aus ...", "Auch auf ..."). Forms that are also names or English words
("Lea", "Lee", "Mira", "Leia", "Lies") are left out: "Lea Carpenter" heading a list of
signatories was read as a list header. Designed on the misses of trafilatura's evaluation pages
(German, Spanish): there 14 more furniture lines and 23 left open, none labelled story;
elsewhere (the other training pages, the clean sources, `pages/`, `clean/`, `fnc-train/`)
nothing changed. The same day, after the held-out Vietnamese source's "Tin liên quan" ("related
news") lists, the table got the same concepts in Vietnamese, Greek, Persian, Urdu, Hindi, Hebrew
and Thai ("Xem thêm", "Đọc thêm", "Διαβάστε επίσης", "بیشتر بخوانید", "यह भी पढ़ें", "קראו עוד",
"อ่านเพิ่มเติม"): 16 more lines on that source, all related-story headers and their titles (5 of
them labelled before); nothing changed elsewhere (none of the other sets is in those languages).

## Why is this bad?
The line belongs to the page around the story, not to the story: it interrupts the text with
the headline of an unrelated article, misleads summarisers and models trained on the text, and
makes the article say something its writer never wrote.

Exceptions made on purpose, because sentences of a story start with the same words:
- The rest of the line must have the shape of a title: it starts with a capital or a digit
  (not "More news came on Friday ...", "Related: the figures show ..."), is short (at most
  `max_title_words` words), holds one sentence at most, does not end with a full stop ("More:
  The minister said the plan would be scrapped.") and has no pronoun attribution ("he said").
  After a prefix written in capitals with a separator ("READ MORE:", "ALSO READ |"), which is
  page furniture and never a story's own words, the title may end with a full stop. After a
  strong prefix and a separator, a headline that asks and answers is one title ("Čtěte také: Po
  pivu za volant? Už neodjedete!", "See also: Why do so many Americans refuse to wear face
  masks? Politics is part of it"; added 2026-12-05: 5 more lines on the sources, all link
  lines, 3 of them labelled before; held out on the training pages 2, both link lines).
- Everyday words ("More", "Also", "See", "Read", "Watch", "Video", "Trending", "Recommended",
  "Popular", "Featured") count only with a separator after them: "More than 20 people ..." and
  "Watch the skies tonight" are sentences.
- Without a separator ("Related Guantanamo four questioned", "Read more US TV cuts ..."), the
  title must also be about something else: at most `max_shared_share` of its uncommon words may
  appear elsewhere in the article, so a crosshead that happens to start with such words and
  continues the story's topic is left alone. Calls to action ("Click here to read more about
  the budget", "Keep reading") are reported whatever their topic: no story sentence reads so.
- Page furniture around adverts ("Story continues below advertisement", "Continue reading
  below") and calls to subscribe ("Click here to subscribe") are NL302 boilerplate-line's, so
  that such a line makes one finding, not two.
- A bare "Read more", "Continue reading" or "Click here to read more" that ends the article is
  left to NL503 (truncated-article), which reports the article as cut there.
- "Photo:" and "Picture:" (a caption's credit), "Latest:" (a live report's update) and "Next"
  (also a retailer's name) are not prefixes; the first line (the headline) is never checked.
- A header over a live report's own timeline ("Latest updates:", then "Monday, June 1" and
  "12:35 GMT - Music industry pauses" followed by the entry's text) is not reported, nor are the
  lines under it: one of the two lines after the header is an entry heading led by a clock time,
  and a line too long for a title follows that heading. A sidebar of other pages' titles, each
  with the time it was posted, lists one timed title after another and is still reported.
  Added on 2026-12-04 for an Al Jazeera live report on allsides-us-en (3 false alarms).

Measured on the 1,313 clean BBC development articles: no findings; on the development corpus,
all 50 injected link lines are found.

The fix deletes the line with its line break and the blank line that follows it, so the
paragraph and blank-line structure is the same as before, less that line. It is **safe**: the
line was identified by its shape (a link prefix followed by nothing or by a title that is not
a sentence), so it holds none of the story's text.

## Example
```
Trump demands documents from 'sanctuary cities'

The Justice Department sent letters to 23 jurisdictions on Wednesday.

More news: Jawbone from Israeli cave oldest human fossil outside Africa

"We will not be intimidated," the mayor said.
```

## Use instead
```
Trump demands documents from 'sanctuary cities'

The Justice Department sent letters to 23 jurisdictions on Wednesday.

"We will not be intimidated," the mayor said.
```

## Options
- `max_title_words` (default 20): a longer rest of the line is narrative, not a title.
- `max_shared_share` (default 0.5): for a line with no separator after its prefix, the largest
  share of the title's uncommon words that may also appear in the article.
- `extra_prefixes` (default none): more prefixes a site uses ("Ook interessant", "Sponsored"),
  counted like the everyday words above (a separator must follow them).
"""
from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterator

import regex

from newslint.document import Document, Span
from newslint.rule import Finding, Fix, FixSafety, Options, Rule
from newslint.text.boilerplate import is_boilerplate_line
from newslint.text.edits import delete_closing_sentences, delete_line
from newslint.text.link_lines import (LinkLine, PrefixKind, content_words, is_loose_header, listed_lines, opens_list,
                                      opens_timeline, parse_link_line)
from newslint.text.patterns import lazy_regex
from newslint.text.zoning import Zone


# A "read more" stub that ends the article is NL503's (truncated-article) finding: it says the
# text was cut there, which is the more useful thing to say about it.
_END_STUB = lazy_regex(r"(?:\b(?:continue|keep)\s+reading|\bread\s+more|\bread\s+the\s+(?:full|whole)"
                       r"\s+(?:story|article)|\bclick\s+here\s+(?:to\s+read|for)\s+more)[\W_]*$",
                       regex.IGNORECASE)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report every body line shaped like an injected link, and the lists of links a bare
    header opens ("Related stories" and the titles under it: ``link_lines.listed_lines``)."""
    texts = [line.text(doc).strip() for line in doc.lines]
    last = max((n for n, text in enumerate(texts) if text), default=-1)
    # Each line parsed once, for the lists and for the lines themselves.
    links = [parse_link_line(text, options["max_title_words"], options["extra_prefixes"]) if text else None
             for text in texts]
    listed = listed_lines(texts, options["max_title_words"], options["extra_prefixes"], links)
    others = _OtherLines(doc)
    for index in range(1, len(texts)):
        text = texts[index]
        if not text:
            continue
        if index in listed:
            header = listed[index]
            if header is None:
                # "More:", "Popular on Example", "Most read in world news": too little alone,
                # but a list header when titles follow it.
                yield _finding(doc, index, f'list header "{_shown(text)}" injected into the story, above titles')
            elif not is_boilerplate_line(text):  # "Share", "Comments (7)" in the list: NL302's
                yield _finding(doc, index, f'title listed under "{header}" injected into the story: "{_shown(text)}"')
            continue
        link = links[index]
        if link is None and is_loose_header(text, options["extra_prefixes"]) and not _MARKER.match(text) and \
                _heads_furniture(doc, texts, index, last):
            gone = "its list gone" if index == last else "above page furniture"
            yield _finding(doc, index, f'list header "{_shown(text)}" injected into the story, {gone}')
            continue
        if index == last and _END_STUB.search(text):
            continue
        if link is not None and opens_list(link) and opens_timeline(texts, index):
            continue  # "Latest updates:" over "12:35 GMT - ...": a live report's own updates
        if link is not None and _about_something_else(others, index, link, options):
            yield _finding(doc, index, f'link to other content injected into the story: "{_shown(text)}"')
        elif link is None:
            glued = _glued_link(doc, doc.lines[index], options)
            if glued is not None:
                yield glued


# A link's prefix ends within its first characters with a separator ("(RELATED:", "Read more |",
# "Also see »"): a cheap test before the link line's pattern.
_PREFIX_REACH = 60
_SEPARATOR_NEAR_START = lazy_regex(r"[:：|»›>→⇒➤➜➔➡▶►~/…\p{Pd}]|\.{3}")


def _glued_link(doc: Document, line: Span, options: Options) -> Finding | None:
    """A link to other content that closes a paragraph as a sentence of its own, its prefix set
    apart by a separator ("... the vote. (RELATED: Poll: Clear Majority Want To Keep ...)",
    "... (Also see: ...)"): the page's inline link, glued to the story by the scraper. Reported
    as that fragment, and the fix deletes it alone."""
    sentences = doc.sentences_in(line)
    if len(sentences) < 2:
        return None
    start = sentences[-1].start
    if not _SEPARATOR_NEAR_START.search(doc.text, start, min(line.end, start + _PREFIX_REACH)):
        return None  # no separator where a prefix would end: no link (most closing sentences)
    link = parse_link_line(doc.text[start:line.end], options["max_title_words"], options["extra_prefixes"])
    if link is None or not link.has_separator or link.kind is PrefixKind.CALL_TO_ACTION:
        return None
    fragment, edit = delete_closing_sentences(sentences, len(sentences) - 1)
    fix = Fix((edit,), "delete the glued link", FixSafety.SAFE)
    return Finding.at(fragment, f'link to other content glued to the end of the paragraph: '
                                f'"{_shown(fragment.text(doc))}"', fix)


# A wire story's marker that it goes on ("More to come", "More to follow"): its word then an
# infinitive, no header; NL503's to judge.
_MARKER = lazy_regex(r"^\W*\w+\s+to\s", regex.IGNORECASE)


def _heads_furniture(doc: Document, texts: list[str], index: int, last: int) -> bool:
    """Whether a loose header that no titles follow ("Popular on Example", "Most read in world
    news") heads page furniture all the same: it closes the text, its list left out by the
    extractor, or the next line is zoned furniture (a newsletter prompt, a list the line model
    knows). The header itself must be zoned story: a line zoned otherwise is another rule's."""
    zones = doc.zones
    here = doc.paragraph_index(doc.lines[index].start)
    if not zones[here].is_story or here == 0:
        return False  # another rule's line; or the first paragraph, which heads the story itself
    if index == last:
        return True
    following = next(n for n in range(index + 1, last + 1) if texts[n])
    return zones[doc.paragraph_index(doc.lines[following].start)].zone is Zone.FURNITURE


def _shown(text: str) -> str:
    return textwrap.shorten(text, 72, placeholder=" ...")


def _finding(doc: Document, index: int, message: str) -> Finding:
    # Deleting the line with the blank line that separates it keeps the paragraph layout.
    fix = Fix((delete_line(doc, doc.lines[index].start),), "delete the injected link line", FixSafety.SAFE)
    return Finding.at(doc.lines[index], message, fix)


def _about_something_else(others: _OtherLines, index: int, link: LinkLine, options: Options) -> bool:
    """With no separator, the title must share few uncommon words with the rest of the article."""
    if link.has_separator or not link.title or link.kind is PrefixKind.CALL_TO_ACTION:
        return True  # "Click here to read more about the budget" is never the story, whatever its topic
    return others.shared_share(link.title, index) <= options["max_shared_share"]


class _OtherLines:
    """How many lines use each content word, counted once (on first use), to ask which of a
    title's words the rest of the article uses: joining the other lines again for each link
    line cost time that grew with the square of the number of lines."""

    def __init__(self, doc: Document):
        self._doc = doc
        self._lines_with: Counter[str] | None = None

    def shared_share(self, title: str, index: int) -> float:
        """``shared_content_share`` of ``title`` and every line but line ``index``."""
        lines = self._doc.lines
        if self._lines_with is None:
            self._lines_with = Counter(word for line in lines for word in content_words(line.text(self._doc)))
        own = content_words(title)
        if not own:
            return 0.0
        here = content_words(lines[index].text(self._doc))
        return sum(self._lines_with[word] > (word in here) for word in own) / len(own)


RULE = Rule(
    code="NL301",
    name="injected-link-line",
    summary="A line injected into the story to link to other content",
    doc=__doc__,
    check=check,
    options={"max_title_words": 20, "max_shared_share": 0.5, "extra_prefixes": ()},
    fix=FixSafety.SAFE,
    bad_examples=(
        "Trump demands documents from 'sanctuary cities'\n\nThe Justice Department sent letters "
        "to 23 jurisdictions on Wednesday.\n\nMore news: Jawbone from Israeli cave oldest human "
        "fossil outside Africa\n\n\"We will not be intimidated,\" the mayor said.\n",
        "Markets rally on rate hopes\n\nShares rose in London on Monday.\n\n► READ MORE | Oil "
        "prices slide as demand weakens\n\nThe FTSE 100 closed 1% higher.\n",
        "Markets rally on rate hopes\n\nShares rose in London on Monday.\n\nRelated Stories\n\n"
        "The FTSE 100 closed 1% higher.\n",
    ),
    good_examples=(
        "Markets rally on rate hopes\n\nMore news came on Friday when the bank cut rates.\n\n"
        "Read more about it in the report, he said.\n\nSee also the comments of the minister, who "
        "said the cut was overdue.\n",
        "Markets rally on rate hopes\n\nShares rose in London on Monday.\n\nRelated: the figures "
        "show a sharp rise in trading.\n\nMore than 20 firms reported profits.\n",
    ),
)
