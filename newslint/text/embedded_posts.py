"""Social media posts embedded in an article, as a scraper takes them.

A page that embeds a post (Twitter's and Mastodon's blockquote, Instagram's) gives its text as
one or two paragraphs and then the post's signature: the author's name, the handle in
brackets and the date ("— Donald J. Trump (@realDonaldTrump) September 22, 2017",
"— ZDF heute (@ZDFheute) 26. Mai 2019"), on the post's last paragraph or on a line of its own.
Stories quote the posts they embed, so the post's words stand twice in the text: the story's
quotation and the post. The story's quotation is never the copy: NL401 asks
:func:`embedded_posts` so as not to report it as one. The post is the page's, not the story's,
and may be reported (NL402 does, as other labelled sources want); the ground truths of
extraction benchmarks keep it as text.
"""
from __future__ import annotations

from collections.abc import Sequence

from newslint.document import Document
from newslint.text.memo import per_document
from newslint.text.patterns import lazy_regex

# The signature closing an embedded post: a dash, a name, "(@handle)", a date ending in a year,
# at the end of the paragraph. The date's words are the page's language ("June 1, 2020",
# "26. Mai 2019"), so only its shape is asked: a few characters and a four-digit year.
_SIGNATURE = lazy_regex(r"(?:^|\s)[—–-]\s*[^\n()]{1,80}\(@\w{1,30}\)\s+[^()\n]{3,30}\b\d{4}\s*$")
# A post is at most 280 characters (a tweet's limit; links shortened) and a scraper gives its
# text as one paragraph, or two when it holds a line break and the signature ends the second:
# the signature's paragraph and, when the two fit in a post's length, the one before it are the
# post. A paragraph ending in a colon introduces the post ("He wrote:"): it is the story's.
_POST_CHARS = 280
_POST_PARAGRAPHS = 2
_LINK = lazy_regex(r"\S*(?:https?://|pic\.twitter\.com/|www\.)\S*")


@per_document
def embedded_posts(doc: Document) -> frozenset[int]:
    """The body paragraphs (by number) that are an embedded post: each paragraph ending in a
    post's signature, and the paragraphs just before it that hold the rest of the post's text
    (the one before it, when the two fit in a post's length). Computed once per document."""
    return _embedded_posts(doc.paragraph_texts)


def _embedded_posts(texts: Sequence[str]) -> frozenset[int]:
    posts: set[int] = set()
    for number, text in enumerate(texts):
        if "(@" not in text:
            continue  # told cheaply: most paragraphs hold no handle
        tail = text[-200:]
        signature = _SIGNATURE.search(tail)
        if signature is None:
            continue
        posts.add(number)
        own = _chars(text[:len(text) - len(tail) + signature.start()])
        length, paragraphs = own, 1  # a signature on its own line follows a post of one paragraph
        earlier = number - 1
        while earlier >= 0 and earlier not in posts and paragraphs < _POST_PARAGRAPHS:
            length += _chars(texts[earlier])
            if length > _POST_CHARS or texts[earlier].rstrip().endswith(":"):
                break
            posts.add(earlier)
            paragraphs += 1
            earlier -= 1
    return frozenset(posts)


def _chars(text: str) -> int:
    """A post's length of ``text``: its characters, links left out."""
    return len(_LINK.sub("", text).strip())


# A post's text given as more lines than ``embedded_posts`` takes for it (a thread, a post in
# bullet points) still stands within this many paragraphs above the signature closing it.
_POST_REACH = 4


def in_post_text(texts: Sequence[str], number: int) -> bool:
    """Whether paragraph ``number`` is a line of an embedded post's text: a signature ("— Name
    (@handle) date") closes it or one of the next ``_POST_REACH`` paragraphs, each of which is no
    longer than a post ("🚨 German citizen planned ..." / "🔹 An attack on ..." / "— RT
    (@RT_com) ...")."""
    for later in range(number, min(number + _POST_REACH + 1, len(texts))):
        if len(_LINK.sub("", texts[later]).strip()) > _POST_CHARS + 120:
            return False  # (a signature's line may hold the post's last words: some slack)
        if "(@" in texts[later] and _SIGNATURE.search(texts[later][-200:]) is not None:
            return True
    return False


def is_signature(text: str) -> bool:
    """Whether a paragraph is a post's signature alone ("— Ayatollah ... (@MKhamenei_ir) April
    30, 2026"): two posts of one account on one day sign alike, and that is no copy."""
    text = text.strip()
    return "(@" in text and _SIGNATURE.search(text) is not None and text.lstrip()[:1] in "—–-"
