"""Lines that a site or a scraper put into a story to send the reader elsewhere.

A related-content link, once the page is flattened to text, becomes a line of its own: a
*prefix* ("Read more", "ALSO READ", "Related stories", "► Watch") and usually a *separator*
(colon, dash, pipe, arrow) and the *title* of another page, in headline style. A sentence of
the story can begin with the same words ("More news came on Friday ...", "See also the
minister's comments ..."), so the prefix alone proves nothing: :func:`parse_link_line` also
asks whether the rest of the line has the shape of a title rather than of narrative (it starts
with a capital, is short, has one sentence at most (after a strong prefix and a separator, a
headline's question and answer are one title: "Čtěte také: Po pivu za volant? Už neodjedete!"),
does not end with a full stop and carries no "he said"). :func:`shared_content_share` measures
how much of a title is about the article, for the callers that want that evidence too.
"""
from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from newslint.document import more_words_than
from newslint.text.keywords import english_zipf
from newslint.text.memo import short_text_cache
from newslint.text.patterns import compile_regex, lazy_regex
from newslint.text.quotes import DOUBLE_MARKS

# Prefixes whose words say "go elsewhere" even with no separator after them ("Read more US TV
# cuts ..."). Longer alternatives come first, so "related stories" wins over "related".
_STRONG_PREFIXES = (
    r"read\s+(?:more|also|next|this(?:\s+next)?|the\s+latest)"
    r"(?:\s+(?:news|stories|here|on\s+this(?:\s+story)?|at|on|from|in))?",
    r"(?:see|view|discover|explore)\s+more",
    r"also\s+(?:read|see|watch|listen)",
    r"also\s+in\s+(?:the\s+)?news",
    r"live\s+(?:updates|coverage|blog)",
    r"see\s+also",
    r"must[\s-]+(?:reads?|see|watch)",
    r"more\s+(?:news|stories|coverage|headlines|reading|videos?|like\s+this|on\s+this(?:\s+(?:story|topic))?)",
    r"related\s+(?:stories|story|articles?|news|coverage|content|links?|reading|posts?|videos?|"
    r"topics?|items?|reports?|headlines|galleries|gallery|features?|internet\s+links)",
    r"related",
    r"recommended\s+(?:for\s+you|reading|stories|articles|videos?|content|links)",
    r"you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)",
    r"we\s+recommend",
    r"(?:don['’]?t|do\s+not)\s+miss(?:\s+this)?",
    r"(?:further|suggested|recommended|essential)\s+reading",
    r"editor['’]?s['’]?\s+(?:picks?|choices?)",
    r"top\s+(?:stories|story|picks|reads|headlines|news)",
    r"trending\s+(?:now|stories|news|articles|today)",
    r"most\s+(?:read|popular|viewed|shared|watched|commented)",
    r"latest\s+(?:news|stories|headlines|updates|videos?)",
    r"in\s+case\s+you\s+missed\s+it",
    r"icymi",
    r"(?:up|watch|read|coming\s+up)\s+next",
    r"watch\s+(?:more|now|the\s+video|video|live)",
    r"listen\s+(?:now|here|to\s+the\s+podcast)",
)
# The same "go elsewhere" prefixes in the other languages most news is scraped in: a closed
# table, one entry per language for each of the concepts above that sites use ("read also",
# "see also", "read more", "related articles", "you may also like", "most read"), written from
# the languages, not gathered from any corpus. Only phrases that open no ordinary sentence are
# here; a phrase that may ("По теме доклада ...", "Saiba mais sobre ...") is in the weak table
# below, counted only with a separator after it.
_OTHER_LANGUAGE_STRONG = (
    # German, Dutch, Scandinavian
    r"lesen\s+sie\s+auch", r"lies\s+auch", r"auch\s+interessant", r"siehe\s+auch", r"mehr\s+zum\s+thema",
    r"das\s+(?:thema\s+)?k(?:ö|oe)nnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren", r"meistgelesen(?:e|en)?(?:\s+artikel)?",
    r"(?:weitere|mehr)\s+(?:artikel|beitr(?:ä|a)ge|nachrichten|meldungen|themen)", r"zum\s+weiterlesen",
    r"lees\s+ook", r"zie\s+ook", r"meer\s+nieuws", r"gerelateerde\s+artikelen", r"meest\s+gelezen",
    r"l(?:ä|a)s\s+(?:ocks(?:å|a)|(?:ä|a)ven)", r"l(?:æ|a)s\s+ogs(?:å|a)", r"les\s+ogs(?:å|a)",
    # French, Spanish, Portuguese, Italian, Romanian
    r"(?:(?:à|a)\s+)?lire\s+(?:aussi|(?:é|e)galement)", r"(?:(?:à|a)\s+)?voir\s+aussi",
    r"sur\s+le\s+m(?:ê|e)me\s+sujet", r"les\s+plus\s+lus", r"articles?\s+(?:similaires|associ(?:é|e)s)",
    r"lea\s+(?:tambi(?:é|e)n|adem(?:á|a)s)", r"lee\s+tambi(?:é|e)n", r"tambi(?:é|e)n\s+(?:puede|puedes)\s+leer",
    r"(?:tambi(?:é|e)n\s+)?(?:te|le)\s+puede\s+interesar", r"puede\s+interesarte", r"ver\s+tambi(?:é|e)n",
    r"(?:mira|mire|v(?:é|e)a(?:se)?)\s+tambi(?:é|e)n", r"(?:noticias|notas)\s+relacionadas", r"lo\s+m(?:á|a)s\s+le(?:í|i)do",
    r"leia\s+(?:tamb(?:é|e)m|mais)", r"(?:veja|confira)\s+tamb(?:é|e)m", r"veja\s+mais", r"not(?:í|i)cias\s+relacionadas",
    r"mais\s+lidas", r"leggi\s+(?:anche|pure)", r"(?:vedi|guarda)\s+anche", r"(?:ti\s+)?potrebbe\s+interessar(?:ti|e)",
    r"articoli\s+correlati", r"i\s+pi(?:ù|u)\s+letti",
    r"cite(?:ș|s|ş)te\s+(?:(?:ș|s|ş)i|mai\s+mult)", r"vezi\s+(?:ș|s|ş)i",
    # Polish, Czech, Slovak, Russian, Ukrainian
    r"(?:prze)?czytaj\s+(?:tak(?:ż|z)e|te(?:ż|z)|r(?:ó|o)wnie(?:ż|z))", r"zobacz\s+(?:tak(?:ż|z)e|te(?:ż|z)|r(?:ó|o)wnie(?:ż|z))",
    r"(?:(?:č|c)t(?:ě|e)te|p(?:ř|r)e(?:č|c)t(?:ě|e)te\s+si)\s+(?:tak(?:é|e)|t(?:é|e)(?:ž|z))",
    r"souvisej(?:í|i)c(?:í|i)\s+(?:(?:č|c)l(?:á|a)nky|zpr(?:á|a)vy)", r"mohlo\s+by\s+v(?:á|a)s\s+zaj(?:í|i)mat",
    r"(?:pre)?(?:č|c)(?:í|i)tajte\s+(?:si\s+)?(?:aj|tie(?:ž|z))",
    r"читайте\s+(?:также|тоже|ещ(?:ё|е)|також)", r"смотрите\s+также", r"ещ(?:ё|е)\s+по\s+теме",
    r"самое\s+читаемое", r"дивіться\s+також",
    # Turkish, Indonesian and Malay, Arabic, Chinese, Japanese, Korean
    r"ayr(?:ı|i)ca\s+(?:okuyun|bak(?:ı|i)n(?:ı|i)z)", r"ilgili\s+haberler", r"bunlar\s+da\s+ilginizi\s+(?:ç|c)ekebilir",
    r"baca\s+(?:juga|pula)", r"berita\s+terkait", r"artikel\s+terkait",
    r"(?:ا|إ)قرأ\s+(?:أ|ا)يضا(?:ً)?", r"(?:مواضيع|أخبار|اخبار|مقالات)\s+ذات\s+صلة",
    r"相关阅读", r"延伸阅读", r"推荐阅读", r"相关新闻", r"相關閱讀", r"延伸閱讀", r"相關新聞",
    r"関連記事", r"あわせて読みたい", r"관련\s*기사",
    # Vietnamese, Greek, Persian, Urdu and Hindi, Hebrew, Thai (added 2026-12-05, after the
    # held-out Vietnamese source's "Tin liên quan" list)
    r"tin\s+li(?:ê|e)n\s+quan", r"b(?:à|a)i\s+(?:vi(?:ế|e)t\s+)?li(?:ê|e)n\s+quan", r"xem\s+th(?:ê|e)m",
    r"(?:đ|d)(?:ọ|o)c\s+th(?:ê|e)m", r"c(?:ó|o)\s+th(?:ể|e)\s+b(?:ạ|a)n\s+quan\s+t(?:â|a)m",
    r"tin\s+c(?:ù|u)ng\s+chuy(?:ê|e)n\s+m(?:ụ|u)c",
    r"διαβάστε\s+(?:επίσης|ακόμη)", r"δείτε\s+επίσης", r"σχετικά\s+άρθρα",
    r"بیشتر\s+بخوانید", r"(?:مطالب|اخبار)\s+مرتبط", r"یہ\s+بھی\s+پڑھیں",
    r"(?:यह|ये)\s+भी\s+प(?:ढ\u093c?|\u095d)ें", r"और\s+प(?:ढ\u093c?|\u095d)ें", r"संबंधित\s+(?:ख\u093c?|\u0959)बरें",
    r"כתבות\s+נוספות", r"קראו\s+עוד", r"อ่านเพิ่มเติม", r"ข่าวที่เกี่ยวข้อง",
)
# Words that are often the start of a sentence, so they count as a prefix only with a separator
# after them ("More: ...", "Watch - ...", "Trending | ...").
_WEAK_PREFIXES = (
    r"also\s+on(?:\s+[\w.]+){0,2}", r"more\s+(?:from|on|in)(?:\s+[\w.]+){0,2}", r"in\s+other\s+news",
    r"previously", r"earlier\s+coverage",
    r"in\s+pictures", r"photo\s+gallery", r"more", r"also", r"see", r"read", r"watch",
    r"videos?", r"listen", r"podcast", r"gallery", r"slideshow", r"trending", r"recommended",
    r"popular", r"featured", r"next\s+up",
    # Other languages' "read more", "related", "more on this" (see _OTHER_LANGUAGE_STRONG)
    r"saiba\s+mais", r"leer\s+m(?:á|a)s", r"lees\s+meer", r"lesen\s+sie\s+mehr", r"mehr\s+dazu", r"lire\s+la\s+suite",
    r"relacionad[oa]s?", r"correlat[oi]", r"по\s+теме", r"devam(?:ı|i)n(?:ı|i)\s+oku", r"selengkapnya",
    # ... their "more on" and "also on" ("Mehr aus Thüringen", "Más sobre La Tercera AM")
    r"m(?:á|a)s\s+(?:noticias|sobre(?:\s+[\w.]+){0,2})", r"mais\s+(?:not(?:í|i)cias|sobre(?:\s+[\w.]+){0,2})",
    r"mehr\s+(?:aus|von|über|zu)(?:\s+[\w.]+){0,2}", r"auch\s+(?:auf|bei)(?:\s+[\w.]+){0,2}",
    # ... and their "read", "see" and "watch" alone, as "Read: ..." ("Lire : ...", Le Monde's
    # related links; "Mire: ...", "Veja: ..."). Left out: the forms that are also a name or an
    # English word, which may open a transcript's line or a list of names ("Lea:", "Lee:", "Mira:",
    # "Leia:", "Lies:"; "Lea Carpenter" above the names of other signatories).
    r"lire", r"voir", r"leggi", r"vedi", r"vea", r"mire", r"veja", r"assista", r"confira", r"siehe",
    r"читайте", r"смотрите", r"czytaj", r"zobacz", r"baca",
    # A site's own name as the prefix ("On Example.com: Car sales plunge", "Example.com | Title"):
    # the title of a page of that site.
    r"(?:(?:also\s+)?(?:on|at|from)\s+)?(?:[a-z0-9-]+\.)+[a-z]{2,6}",
)
# Left out on purpose: "Photo:", "Picture:" (a caption's credit, "Photo: Reuters"), "Latest:"
# (a live report's update, "Latest: Police confirm two dead"), "Next" (a retailer's name).
# Calls to action whose rest is an infinitive or a place, not a title ("Click here to read the
# full story", "Continue reading below"); they may end with a full stop.
_CTA_PREFIXES = (
    # Only calls to go and read or watch something: "Click here to subscribe" is a newsletter
    # box's boilerplate, not a link to other content.
    r"(?:click|tap)\s+(?:here|this\s+link|the\s+link|below)\s+(?:to\s+(?:read|watch|see|view|listen|"
    r"find\s+out|learn|get\s+the\s+(?:full|latest)|continue)|for\s+(?:more|the\s+(?:full|latest|rest)|related))",
    r"(?:continue|keep)\s+reading(?!\s+below)",  # "Continue reading below" marks an advert: NL302
    r"read\s+(?:the\s+)?full\s+(?:story|article|report)",
    r"full\s+(?:story|article|coverage)",
)


class PrefixKind(str, enum.Enum):
    """How much a prefix says on its own (see the module docstring)."""

    STRONG = "strong"
    WEAK = "weak"
    CALL_TO_ACTION = "call-to-action"


# Bullets, arrows and markdown emphasis that sites put before a link line.
_LEAD = r"[\s\p{Pd}►▶▷▸▹»›>→⇒➤➜➔➡•·∙*■□▪▫●○◆◇◦#~+|_]*"
_SEPARATOR = r"\s*(?:[*_]*\s*(?:[:：|»›>→⇒➤➜➔➡▶►~/]+|\p{Pd}+|\.{3}|…)\s*[*_]*)"


def _alternatives(patterns: Iterable[str], name: str) -> str:
    return f"(?P<{name}>" + "|".join(patterns) + ")"




@functools.lru_cache(maxsize=16)
def _line_pattern(extra_prefixes: tuple[str, ...] = ()) -> regex.Pattern:
    """The link-line pattern; ``extra_prefixes`` (plain text) count as weak prefixes."""
    extra = tuple(r"\s+".join(regex.escape(w) for w in p.split()) for p in extra_prefixes if p.strip())
    # The leading runs are atomic and the title ends at its last non-space character: with
    # runs given back one by one, a line of a few thousand "*" or spaces cost time quadratic
    # in their length (every prefix starts with a letter, so nothing is lost).
    return compile_regex(
        rf"^(?>{_LEAD})(?P<open>[\[(]?)\s*+[*_]*+\s*+"
        rf"(?:{_alternatives(_CTA_PREFIXES, 'cta')}|{_alternatives(_STRONG_PREFIXES + _OTHER_LANGUAGE_STRONG, 'strong')}"
        rf"|{_alternatives(extra + _WEAK_PREFIXES, 'weak')})"
        rf"(?![\w'’])[*_]*(?P<sep>{_SEPARATOR})?\s*(?P<title>(?:.*\S)?)\s*$",
        regex.IGNORECASE | regex.DOTALL,
    )
# Arrows and closing marks a site puts after the title ("Read more: Title »").
_TRAILING = "»›>→⇒➤➜➔➡▶►*_"
_NOT_REGEX_SPACE = "\x1c\x1d\x1e\x1f"  # spaces to str.isspace, not to the regex module's \s
# A title starts like a headline: a capital or digit (after an opening quote or bracket), a letter
# of a script without capitals (Arabic, Chinese, Japanese...), a word with a capital inside
# ("iPhone", "eBay"), or a web address.
_TITLE_START = lazy_regex(r"^(?:[\"'“‘(\[«„「『]*[\p{Lu}\p{N}\p{Lo}$£€]|\p{Ll}+\p{Lu}|https?://|www\.)")
# The end of one sentence and the start of another inside the title.
_SENTENCE_BREAK = lazy_regex(r"(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Prof|Gen|Gov|Sen|Rep|No|vs))"
                             r"[.!?][\"'”’)]*\s+[\"'“‘(]?[\p{Lu}\p{N}]")
# A full stop that ends a headline-style abbreviation ("U.S.", "Inc.") rather than a sentence.
_ABBREVIATION_END = lazy_regex(r"(?:\b(?:\p{Lu}\.){2,}|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Bros|plc)\.)$")
# Narrative attribution: a pronoun speaking ("he said", "said she"), never in a link's title.
_PRONOUN_SPEECH = lazy_regex(
    r"\b(?:(?:he|she|they|we|i|it|you)\s+(?:said|says|told|added|asked|explained|wrote|claimed|"
    r"argued|insisted|warned|noted)|(?:said|says|told|added)\s+(?:he|she|they|we|i|it))\b",
    regex.IGNORECASE,
)
_CROSSHEAD_LIKE = lazy_regex(r"(?:up|coming\s+up|next)\s+(?:next|up)$", regex.IGNORECASE)
_WORDS = lazy_regex(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")


@dataclass(frozen=True, slots=True)
class LinkLine:
    """What :func:`parse_link_line` found: the prefix as written, whether a separator followed
    it, how strong the prefix is, and the title after it (empty for a bare "Read more")."""

    prefix: str
    kind: PrefixKind
    has_separator: bool
    title: str


def parse_link_line(line: str, max_title_words: int = 20,
                    extra_prefixes: Iterable[str] = ()) -> LinkLine | None:
    """The link line ``line`` is, or None when its prefix or the shape of its rest says it is
    a sentence of the story (or not a link line at all). ``extra_prefixes`` are more prefixes
    (plain words, any case) that count when a separator follows them. Answers for lines up to
    2,000 characters long are kept: the zoning and NL301 both ask about every paragraph, and
    the prefixes of twenty languages are many to try."""
    return _parse_link_line(line, max_title_words, tuple(extra_prefixes))


@short_text_cache(max_chars=2_000, maxsize=512)
def _parse_link_line(line: str, max_title_words: int, extra_prefixes: tuple[str, ...]) -> LinkLine | None:
    match = _line_pattern(extra_prefixes).match(line)
    if match is None:
        return None
    kind = PrefixKind.CALL_TO_ACTION if match["cta"] else (
        PrefixKind.STRONG if match["strong"] else PrefixKind.WEAK)
    has_separator = bool(match["sep"] and match["sep"].strip(" *_"))
    title = _without_trailing(match["title"])
    if match["open"] and title[-1:] in ")]":
        title = title[:-1].rstrip()
    link = LinkLine(match["cta"] or match["strong"] or match["weak"], kind, has_separator, title)
    if kind is PrefixKind.WEAK and not has_separator:
        return None  # "More than 20 people ...", "Watch the skies ...": ordinary sentences
    if not title:
        # A bare "Related stories" or "Continue reading" is a link; a bare "More:" says too
        # little, and a bare "Up next" may be a crosshead of the story.
        return link if kind is not PrefixKind.WEAK and not _CROSSHEAD_LIKE.match(link.prefix) else None
    # A prefix in capitals with a separator ("READ MORE:", "RELATED |") is page furniture: the
    # title after it may end with a full stop.
    shouted = kind is PrefixKind.STRONG and has_separator and link.prefix.isupper()
    asked = kind is PrefixKind.STRONG and has_separator
    return link if _title_shaped(title, kind, max_title_words, shouted, asked) else None


def prefix_match(line: str, extra_prefixes: Iterable[str] = ()) -> bool:
    """Whether ``line`` opens with a link prefix, whatever follows it (see parse_link_line for
    what makes the whole line a link)."""
    return _line_pattern(tuple(extra_prefixes)).match(line) is not None


def _without_trailing(title: str) -> str:
    """``title`` without the spaces, arrows and closing marks after it."""
    end = len(title)
    while end and (title[end - 1] in _TRAILING or (title[end - 1].isspace() and title[end - 1] not in _NOT_REGEX_SPACE)):
        end -= 1
    return title[:end]


_LEAD_ONLY = lazy_regex(rf"^{_LEAD}")


# A link line whose titles are web addresses: a prefix ("More:", "Read more:", "Read or Share this
# story:", "More AP NBA:"), a separator, then nothing but addresses (NL305 reports it).
_ADDRESS = r"(?:https?://|www\.)[^\s<>\"]+"
_LINKED_ADDRESSES = lazy_regex(
    rf"^[\s\-–—•·►▶»|*>]*(?P<head>[^:：|»›>\n]{{1,40}}?)\s*[:：|»›>]+\s*{_ADDRESS}"
    rf"(?:\s*(?:,|and|&|\||or)\s*{_ADDRESS})*[\s.]*$", regex.IGNORECASE)


def links_to_addresses(line: str) -> bool:
    """Whether a line is a link prefix followed by nothing but web addresses ("More AP NBA:
    https://apnews.com/NBA and https://twitter.com/AP_Sports")."""
    if "://" not in line and "www." not in line.lower():
        return False  # (most lines: no pattern run)
    linked = _LINKED_ADDRESSES.match(line)
    return linked is not None and prefix_match(linked["head"].strip() + ":")


def is_title_line(line: str, max_words: int = 20, two_sentences: bool = False) -> bool:
    """Whether a whole line (after any bullet) reads as the title of another page, as the lines
    listed under a bare "Related stories" header do: a capital first, one sentence (or two, when
    ``two_sentences``: "Nowa strategia Rosjan. Na front wysyłają kobiety"), no closing full stop."""
    title = _LEAD_ONLY.sub("", line)
    return bool(title) and _title_shaped(title, PrefixKind.STRONG, max_words, two_sentences=two_sentences)


def _two_sentences(title: str) -> bool:
    """Whether a title is two sentences ("Komu najbardziej ufają Polacy? Nowy sondaż")."""
    return _SENTENCE_BREAK.search(title) is not None


LIST_TITLE_WORDS = 14  # a related-stories title is a headline: rarely longer than this
# A line with a link prefix but no title after it ("More:", "Popular on Example") is a list
# header when at least this many titles follow it.
CONFIRMING_TITLES = 3
HEADER_WORDS = 7


def is_listed_title(text: str, max_title_words: int = 20, two_sentences: bool = False) -> bool:
    """Whether a line under a list header reads as one more title: short, headline-shaped
    (a capital first, one sentence, or two when ``two_sentences``, no closing full stop), with
    no quotation or speech."""
    if more_words_than(text, LIST_TITLE_WORDS) or not DOUBLE_MARKS.isdisjoint(text):
        return False
    return is_title_line(text, max_title_words, two_sentences)


def is_loose_header(text: str, extra_prefixes: Iterable[str] = ()) -> bool:
    """Whether a short line opens with a link prefix, whatever follows it ("More:", "Most read
    in world news", "More Great Example Stories"), and holds no sentence punctuation (a stop:
    a sentence's end, or a web address, as a bare "www.example.com" heading an event's details;
    a comma: "Also, check private vendors, such as") and no quotation (a section title: 'More
    "Questions" for your opponent')."""
    return not more_words_than(text, HEADER_WORDS) and not any(mark in text for mark in ".,;!?") \
        and DOUBLE_MARKS.isdisjoint(text) and prefix_match(text, extra_prefixes)


def titles_after(lines: Sequence[str], index: int, max_title_words: int = 20) -> int:
    """How many lines listed as titles (``is_listed_title``) follow line ``index`` of ``lines``
    (stripped texts; blank lines between them passed over), counted up to CONFIRMING_TITLES."""
    count = 0
    for following in range(index + 1, len(lines)):  # not a slice: a copy of the rest per header
        text = lines[following]
        if not text:
            continue
        if not is_listed_title(text, max_title_words):
            break
        count += 1
        if count >= CONFIRMING_TITLES:
            break
    return count


def opens_list(link: LinkLine) -> bool:
    """Whether a link line with no title ("Related stories") heads the titles after it."""
    return not link.title and link.kind is not PrefixKind.CALL_TO_ACTION


# A live report's entry heading: a clock time, maybe its zone, then a dash, colon or bar and the
# entry's title ("12:35 GMT - Music industry pauses", "06.48 - Body recovered").
_TIMED_ENTRY = lazy_regex(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4}(?:[+-]\d{1,2})?)?\s*[-–—:|]\s+\S",
                          regex.IGNORECASE)
TIMELINE_LOOKAHEAD = 2  # lines after a header that may open its timeline (a date line, then an entry)


def opens_timeline(lines: Sequence[str], index: int) -> bool:
    """Whether a live report's timeline follows line ``index`` (stripped texts): one of the next
    ``TIMELINE_LOOKAHEAD`` lines with text is an entry heading led by a clock time, and the
    entry's text follows it (a line too long for a title). "Latest updates:" over such entries
    heads the report's own updates; a sidebar of other pages' titles with their times lists
    one timed title after another."""
    texts = (lines[k] for k in range(index + 1, len(lines)) if lines[k])  # (not a slice: see titles_after)
    for _ in range(TIMELINE_LOOKAHEAD):
        text = next(texts, None)
        if text is None:
            return False
        if _TIMED_ENTRY.match(text):
            entry = next(texts, None)
            return entry is not None and more_words_than(entry, LIST_TITLE_WORDS)
    return False


def listed_lines(lines: Sequence[str], max_title_words: int = 20, extra_prefixes: Iterable[str] = (),
                 links: Sequence[LinkLine | None] | None = None) -> dict[int, str | None]:
    """The lines (indexes into ``lines``: stripped texts, the headline first) that belong to a
    list of links NL301 reports beyond the link lines themselves: a loose header confirmed by the
    titles after it ("More:", "Most read in world news"; None), and each title listed under a
    header (the header's words: the loose header, or the prefix of a link line with no title,
    "Related stories"). ``links``: each line's ``parse_link_line``, when the caller has them."""
    extra = tuple(extra_prefixes)
    listed: dict[int, str | None] = {}
    header: str | None = None  # the header whose titles may follow
    titles = 0  # the titles listed under the header so far
    paired = False  # whether they are written two sentences each
    for index in range(1, len(lines)):
        text = lines[index]
        if not text:
            continue
        if header is not None and is_listed_title(text, max_title_words, two_sentences=paired or not titles) \
                and not (titles and _story_resumes(lines, index)):
            # Many papers title a story in two sentences ("Nowa strategia Rosjan. Na front
            # wysyłają kobiety"), and list them so: after such titles, a line of one sentence
            # is where the story goes on (its crosshead), not one more of them.
            if not titles:
                paired = _two_sentences(text)
            if not paired or _two_sentences(text):
                listed[index] = header
                titles += 1
                continue
        titles, paired = 0, False
        link = parse_link_line(text, max_title_words, extra) if links is None else links[index]
        header = link.prefix if link is not None and opens_list(link) and not opens_timeline(lines, index) else None
        if link is None and is_loose_header(text, extra) and not opens_timeline(lines, index) and \
                titles_after(lines, index, max_title_words) >= CONFIRMING_TITLES:
            listed[index] = None
            header = text
    return listed


def _story_resumes(lines: Sequence[str], index: int) -> bool:
    """Whether line ``index``, after a title under a list header, is the story going on instead
    of one more title: a piece of a sentence the scraper split at a link or a bold phrase (it
    ends with a comma, or the next line goes on in lower case: "Kraj rządzony przez Maduro
    posiada" / "największe na świecie ..."). A list of other pages' titles ends where the story
    goes on. (A crosshead of the story's next section, whose paragraph takes up its words, looks
    the same as the last title of a list on the story's topic: both are still listed.)"""
    if lines[index].rstrip().endswith((",", "，", "、")):
        return True
    after = next((lines[k] for k in range(index + 1, len(lines)) if lines[k]), "")
    return bool(after) and after.split(maxsplit=1)[0].islower()  # (a name may open in lower case: "firstFT")


def _title_shaped(title: str, kind: PrefixKind, max_words: int, full_stop_allowed: bool = False,
                  asked: bool = False, two_sentences: bool = False) -> bool:
    """Whether ``title`` reads like the title of another page rather than narrative."""
    if len(_WORDS.findall(title)) > max_words or _PRONOUN_SPEECH.search(title):
        return False
    if kind is PrefixKind.WEAK and not any(c.isalpha() for c in title):
        return False  # "17 | 0.1%": a table's cells after its first ("FastMail.FM | 17 | 0.1%"), no title
    if kind is PrefixKind.CALL_TO_ACTION:
        return True  # "to read the full story.", "below": its grammar is the prefix's own
    if not _TITLE_START.match(title):
        return False
    # A headline may ask and answer ("Po pivu za volant? Už neodjedete!"): after a strong prefix
    # and its separator (``asked``), a question or exclamation mark may end a first sentence.
    breaks = [match.group()[0] for match in _SENTENCE_BREAK.finditer(title)]
    if breaks and not (asked and "." not in breaks) and not (two_sentences and len(breaks) == 1):
        return False
    # A closing full stop marks a sentence; headlines end bare, or with "?", "!", "..." or a quote.
    return full_stop_allowed or not (title.endswith(".") and not title.endswith(("..", "…"))
                                     and not _ABBREVIATION_END.search(title))


def content_words(text: str, common_zipf: float = 5.0) -> set[str]:
    """The case-folded words of ``text`` that carry its topic: three letters or more and rarer
    in English than ``common_zipf`` (wordfreq's Zipf scale), a final plural "s" dropped."""
    words = {w.casefold().replace("’", "'") for w in _WORDS.findall(text)}
    return {_stem(w) for w in words if len(w) >= 3 and not w.isdigit() and _zipf(w) < common_zipf}


def shared_content_share(title: str, text: str, common_zipf: float = 5.0) -> float:
    """The share of ``title``'s content words that ``text`` also uses (0.0 when it has none)."""
    own = content_words(title, common_zipf)
    if not own:
        return 0.0
    return len(own & content_words(text, common_zipf)) / len(own)


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@functools.lru_cache(maxsize=8192)
def _zipf(word: str) -> float:
    return english_zipf(word)
