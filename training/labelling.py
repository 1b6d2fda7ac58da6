"""Line labels for extracted article text, made the way shared/corpus/pages was made.

Each body line of an extraction is compared with the page's hand-made ground truth: `share` is
the fraction of the line's word 3-grams found in the ground truth (1-2 word lines: 1 if the line
is a ground-truth paragraph, 0.5 if it occurs inside one, else 0). share >= 0.8 is story,
share <= 0.2 is furniture (expect), in between is allow; debatable kinds (repeated headline,
standfirst, bylines and dates, markup residue, pull quotes, lines without words) are allow
whatever their share, and furniture or bylines the ground truth kept are allow too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

STORY_SHARE = 0.8
FURNITURE_SHARE = 0.2
TRUNCATED_COVERAGE = 0.6

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})
# Kana and CJK ideographs are one word each: Japanese and Chinese put no spaces between words.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    return list(_cached_words(text))


@lru_cache(maxsize=200_000)
def _cached_words(text: str) -> tuple[str, ...]:
    # Headlines and descriptions are compared with every line of a page: worth caching.
    return tuple(_WORD.findall(normalise(text)))


def trigrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}


@dataclass
class Truth:
    """A page's ground truth: story paragraphs, plus optional regions (L3S-GN1 style)."""

    paragraphs: list[str]
    headline: str = ""
    # Other annotated regions: name -> paragraphs (supplemental, related, comments ...)
    regions: dict[str, list[str]] = field(default_factory=dict)
    # True when paragraphs are text blocks cut at inline tags: 3-grams then run across them.
    stream: bool = False

    def __post_init__(self) -> None:
        self.para_words = [" ".join(words(p)) for p in self.paragraphs if words(p)]
        self.para_set = set(self.para_words)
        self.joined = " \n ".join(self.para_words)
        self.grams: set = set()
        if self.stream:
            self.grams = trigrams(words(" ".join(self.paragraphs)))
        for p in self.paragraphs:
            self.grams |= trigrams(words(p))
        self.region_grams = {name: set().union(*[trigrams(words(p)) for p in ps]) if ps else set()
                             for name, ps in self.regions.items()}
        self.region_joined = {name: " \n ".join(" ".join(words(p)) for p in ps)
                              for name, ps in self.regions.items()}


def share_in(tokens: list[str], grams: set, para_set: set[str], joined: str) -> float:
    if len(tokens) >= 3:
        line_grams = [tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)]
        return sum(g in grams for g in line_grams) / len(line_grams)
    phrase = " ".join(tokens)
    if phrase in para_set:
        return 1.0
    if re.search(rf"(?:^|\s){re.escape(phrase)}(?:\s|$)", joined):
        return 0.5
    return 0.0


def coverage(lines: list[str], truth: Truth) -> float:
    if not truth.grams:
        return 0.0
    got: set = set()
    for line in lines:
        got |= trigrams(words(line))
    return round(len(got & truth.grams) / len(truth.grams), 3)


# ---- debatable kinds -------------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "januar|februar|märz|mai|juni|juli|oktober|dezember|jänner|"
    "janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|"
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
)
_BYLINE = re.compile(
    r"^(posted|published|updated|last updated|created|modified|veröffentlicht|aktualisiert|"
    r"publié|mis à jour|publicado|atualizado|pubblicato|aggiornato|erstellt|stand)\b"
    r"|reporting by|writing by|editing by|contributed (to )?(this )?report|contributed reporting"
    r"|^source\s*:|^quelle\s*:|^fuente\s*:|^fonte\s*:"
    r"|^\(?(ap|afp|reuters|dpa|apa|sda|ansa|efe|upi|pa|cnn|bbc|ians|pti|xinhua|aap|"
    r"(the )?associated press|agence france-presse|press trust of india|(the )?canadian press|"
    r"bloomberg( news)?|united press international)\)?$"
    r"|\b(staff (writer|reporter)|correspondent|redakteur|redaktion)\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](19|20)?\d\d\b"
    r"|\b(19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}\b"
    r"|\b\d{1,2}:\d\d\s*(am|pm|uhr|h|a\.m\.|p\.m\.)?\b"
    r"|\b\d{1,2}\.?\s+(" + _MONTHS + r")\.?\s+(19|20)\d\d\b"
    r"|\b(" + _MONTHS + r")\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d\b"
    r"|\b\d+\s+(minutes?|hours?|days?|mins?|hrs?|stunden?|minuten|tagen?)\s+ago\b"
    r"|^(vor|il y a|hace|há)\s+\d+\s+\w+$",
    re.IGNORECASE,
)
# Entities, tags, and WordPress-style shortcodes ([/caption], [embed id="1"]); not "[sic]".
_MARKUP = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);|</?[a-z][a-z0-9]*(\s[^>]*)?/?>"
                     r"|\[/[a-z_]+\]|\[[a-z_]+\s+[a-z_-]+=[^\]]*\]|\{\{|\}\}", re.IGNORECASE)
_PULL_QUOTE = re.compile(r"click to tweet|tweet this", re.IGNORECASE)
# Lines that are furniture whatever their words (the ground truth may hold the same words).
_FURNITURE = re.compile(
    r"^(advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklama|"
    r"comments?|kommentare?|commentaires?|comentarios?|commenti|\d+ (comments?|kommentare?)|"
    r"more:?|related:?|related (stories|articles|content|links|posts):?|see also:?|"
    r"share( this( story| article| post)?)?:?|share on (facebook|twitter)|tweet|print|e-?mail|"
    r"read more:?|continue reading|mehr zum thema:?|lesen sie auch:?|weiterlesen|"
    r"(all rights reserved|alle rechte vorbehalten).*|(copyright|\(c\)|©).{0,120})$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\(?(photo|foto|image|picture|bild|credit|fotó|фото|изображение)s?\s*:"
    r"|^(photos?|images?|fotos?|pictures?) (by|von|par|por|di|courtesy)\b"
    r"|^photo gallery\b"
    r"|\b(photo|image|foto|bild)\s*(credit)?\s*:\s*\S"
    r"|\((photo|foto|image)s?:?[^)]*\)$"
    r"|\b(getty images|afp/getty|ap photo|reuters/|epa/|dpa/|istock|shutterstock)\b"
    r"|^image \d+ of \d+$",
    re.IGNORECASE,
)


# "By Jane Doe", "Von Hans Muster", "Por María ...": a short line starting so, then a capital.
_BY_START = re.compile(
    r"^(?i:by|von|par|por|di|door|de|av|af|autor|author|written by|posted by|reported by|"
    r"от|автор)\s*:?\s+\(?[A-ZÀ-ÖØ-ÞА-ЯЁ]|^(?i:text|texte)\s*:\s*[A-ZÀ-ÖØ-Þ]")


# "--Scott Ferguson", "— Jane Doe": a signed name on its own line.
# A single "-" is how trafilatura writes a list item ("- Related story"): not a signature.
_SIGNATURE = re.compile(r"^(--|—)\s*[A-ZÀ-ÖØ-Þ][\w.'-]+( [A-ZÀ-ÖØ-Þ][\w.'-]+){1,3}$")


# Prompts and link lines that some truths kept (Dragnet's often do): furniture all the same, so
# allow `furniture-in-ground-truth` rather than story. Generic patterns, as in pages/.
_FURNITURE_KEPT = re.compile(
    r"^(follow (us|me|[\w.'-]+( [\w.'-]+)?) on (twitter|facebook|instagram|google\+|tumblr)"
    r"|you (might|may) also like|more reading|related reading|further reading|also on\b"
    r"|click (here|below)\b|sign up (here|now|for)\b|read more (here|at|on)\b|more:\s*https?://"
    r"|subscribe (to|now|here)\b|share this\b|like us on facebook|full coverage of)",
    re.IGNORECASE)


# A caption signed at its end: "... in Wilson, N.Y. (AP Photo)", "(Credit: Getty)".
_CREDIT_END = re.compile(r"\((ap|afp|reuters|getty|epa|dpa|pa|file)?\s*(photo|image|foto|picture)s?\b[^)]*\)\s*$"
                         r"|\(credit:[^)]*\)\s*$", re.IGNORECASE)


def similar(a_words: list[str], b_words: list[str]) -> bool:
    """Same words, or nearly the same 3-grams (a title with a site suffix, a cut title)."""
    if not a_words or not b_words:
        return False
    if a_words == b_words:
        return True
    if len(a_words) < 3 or len(b_words) < 3:
        return False
    ga = trigrams(a_words)
    gb = trigrams(b_words)
    inter = len(ga & gb)
    # The line is (nearly) all title, and covers at least half of the title.
    return inter / len(ga) >= 0.8 and inter / len(gb) >= 0.5


def standfirst_like(line_words: list[str], description_words: list[str]) -> bool:
    if len(line_words) < 3 or len(description_words) < 3:
        return similar(line_words, description_words)
    gl = trigrams(line_words)
    gd = trigrams(description_words)
    inter = len(gl & gd)
    # Descriptions are often the line cut short, or the line is a cut description.
    return inter / len(gl) >= 0.8 or inter / len(gd) >= 0.8 and inter / len(gl) >= 0.5


@dataclass
class PageMeta:
    headlines: list[str]          # og:title, h1, scraper title, ground-truth headline
    descriptions: list[str]       # og:description, meta description


def debatable_kind(line: str, tokens: list[str], share: float, meta: PageMeta) -> str | None:
    """The debatable kind of a line, or None. Kinds that depend on share are decided here too."""
    if not tokens:
        return "no-words"
    stripped = line.strip()
    n = len(tokens)
    if _FURNITURE.match(stripped) and n <= 20:
        return None  # unmistakable furniture: decided by the caller
    if any(similar(tokens, words(h)) for h in meta.headlines if h):
        return "headline-repeated"
    if share < STORY_SHARE and any(standfirst_like(tokens, words(d)) for d in meta.descriptions if d):
        return "standfirst"
    if _MARKUP.search(stripped):
        return "markup-residue"
    if _PULL_QUOTE.search(stripped):
        return "pull-quote"
    if share < STORY_SHARE and n <= 15 and _BYLINE.search(stripped) or n <= 8 and (
            _BY_START.match(stripped) or _SIGNATURE.match(stripped)):
        return "byline-or-date" if share < STORY_SHARE else "byline-in-ground-truth"
    if share >= STORY_SHARE and n <= 10 and _BYLINE.search(stripped):
        # A story line that merely mentions a date is story; a short date or byline line the
        # ground truth kept is not.
        return "byline-in-ground-truth"
    if share >= STORY_SHARE and n <= 25 and _FURNITURE_KEPT.match(stripped):
        return "furniture-in-ground-truth"
    if share >= STORY_SHARE and (n <= 15 and _CREDIT.search(stripped) or _CREDIT_END.search(stripped)):
        return "credit-in-ground-truth"
    return None


def is_unmistakable_furniture(line: str, tokens: list[str]) -> bool:
    return bool(tokens) and len(tokens) <= 20 and bool(_FURNITURE.match(line.strip()))


_CAPNAME = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def missing_introductions(truth_text: str, extracted: str) -> set[str]:
    """Surnames whose full-name introduction is in the ground truth but not in the extraction."""
    surnames = set()
    for first, last in _CAPNAME.findall(truth_text):
        if f"{first} {last}" not in extracted and re.search(rf"\b{re.escape(last)}\b", extracted):
            surnames.add(last)
    return surnames


_CUT_MARK = re.compile(r"(\.\.\.|…)\s*$")


def label_lines(title: str, lines: list[str], truth: Truth, meta: PageMeta,
                partial: dict | None = None) -> tuple[list[dict], list[dict]]:
    """Labels for one file. Line n of the body is file line 3 + 2 * n (title, blank, line, blank...).

    `partial`, for sources without a full ground truth, holds `with` and `without` snippets:
    lines covered by a `without` snippet are furniture, lines with a `with` snippet are story,
    every other line is allow `not-judged`.
    """
    expect: list[dict] = []
    allow: list[dict] = []
    kinds: list[str] = []  # per line: story / expect / allow
    for index, line in enumerate(lines):
        number = 3 + 2 * index
        tokens = words(line)
        if partial is not None:
            label, share = _partial_label(line, tokens, meta, partial)
        else:
            share = share_in(tokens, truth.grams, truth.para_set, truth.joined) if tokens else 0.0
            label = _full_label(line, tokens, share, truth, meta)
        kinds.append(label[0] if label else "story")
        if label:
            entry = {"line": number, "family": "injected", "kind": label[1], "share": round(share, 3),
                     "text": line[:80]}
            if len(label) > 2:
                entry["region"] = label[2]
            (expect if label[0] == "expect" else allow).append(entry)
    if not title.strip():
        expect.append({"line": 1, "family": "structure", "kind": "missing-headline"})
    if lines and partial is None:
        _structure_labels(title, lines, truth, meta, kinds, expect, allow)
    return expect, allow


def _full_label(line: str, tokens: list[str], share: float, truth: Truth, meta: PageMeta):
    if is_unmistakable_furniture(line, tokens):
        return ("expect", "not-in-ground-truth") if share < STORY_SHARE or len(tokens) <= 3 \
            else ("allow", "furniture-in-ground-truth")
    kind = debatable_kind(line, tokens, share, meta)
    if kind:
        return ("allow", kind)
    if share >= STORY_SHARE:
        return None
    region = _best_region(tokens, truth)
    if share <= FURNITURE_SHARE:
        if region == "supplemental":
            # Captions, sub-heads and fact boxes the annotators kept with the article.
            return ("allow", "supplemental-in-ground-truth", region)
        return ("expect", "not-in-ground-truth", region) if region else ("expect", "not-in-ground-truth")
    return ("allow", "partly-in-ground-truth")


def _best_region(tokens: list[str], truth: Truth) -> str | None:
    best, best_share = None, 0.0
    for name, grams in truth.region_grams.items():
        s = share_in(tokens, grams, set(), truth.region_joined[name])
        if s > best_share:
            best, best_share = name, s
    return best if best_share >= STORY_SHARE else None


def _partial_label(line: str, tokens: list[str], meta: PageMeta, partial: dict):
    text = normalise(line)
    joined = " ".join(tokens)
    for snippet in partial["without"]:
        snip = " ".join(words(snippet))
        if snip and re.search(rf"(?:^|\s){re.escape(snip)}(?:\s|$)", joined):
            covered = len(snip.split()) / max(1, len(tokens))
            kind = debatable_kind(line, tokens, 0.0, meta)
            if kind:
                return ("allow", kind), 0.0
            if covered >= 0.5:
                return ("expect", "must-not-snippet"), 0.0
            return ("allow", "contains-must-not-snippet"), 0.0
    if any(normalise(s) in text for s in partial["with"] if normalise(s)):
        kind = debatable_kind(line, tokens, 1.0, meta)
        return (("allow", kind) if kind else None), 1.0
    kind = debatable_kind(line, tokens, 0.5, meta)
    return ("allow", kind or "not-judged"), 0.5


def _structure_labels(title, lines, truth, meta, kinds, expect, allow) -> None:
    last = 3 + 2 * (len(lines) - 1)
    cov = coverage(lines, truth)
    gt_last = truth.paragraphs[-1].strip() if truth.paragraphs else ""
    if gt_last and _CUT_MARK.search(gt_last) and _CUT_MARK.search(lines[-1]) and kinds[-1] == "story":
        expect.append({"line": last, "family": "structure", "kind": "truncated-at-source"})
    if cov < TRUNCATED_COVERAGE:
        allow.append({"line": last, "family": "structure", "kind": "truncated-extraction"})
    if kinds[-1] != "story":
        allow.append({"line": last, "family": "structure", "kind": "non-story-last-line"})
    first = words(lines[0])
    if any(similar(first, words(h)) for h in meta.headlines + [title] if h):
        allow.append({"line": 1, "family": "structure", "kind": "headline-repeated-as-first-paragraph"})
    surnames = missing_introductions("\n".join(truth.paragraphs), "\n".join(lines))
    for index, line in enumerate(lines):
        if any(re.search(rf"\b{re.escape(s)}\b", line) for s in surnames):
            allow.append({"line": 3 + 2 * index, "family": "structure",
                          "kind": "name-introduction-not-extracted"})
