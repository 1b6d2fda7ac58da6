"""Story zoning: what each paragraph of a scraped article is, computed once per document.

A scraped article is not all story. Under the headline come a standfirst (deck), a byline and
a dateline; then the story, with captions and credits pasted into it; and around it page
furniture (prompts, lists of other stories, notices) before, inside and after. Rules that
reason about position (the last story paragraph, the lead, which copy of a repeated passage is
the intruder) read these zones instead of raw line numbers: ``Document.zones`` gives one
:class:`Zoned` per body paragraph.

How: the line model (:mod:`newslint.text.line_model`) gives each paragraph a probability of
being furniture from shallow features; a few shape tests name the zones the model does not
(the headline repeated, bylines and datelines, photo credits), and the furniture the phrase
rules know (link lines, interface phrases, paywall notices) is furniture whatever the model
says; the story runs from the first to the last paragraph judged story, and everything else is
placed before, inside or after it.
"""
from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from newslint.text import line_features, line_model, player_chrome, promo_lines
from newslint.text.boilerplate import is_counter
from newslint.text.known_furniture import is_known_furniture
from newslint.text.link_lines import prefix_match
from newslint.text.memo import short_text_cache
from newslint.text.patterns import lazy_regex
from newslint.text.quotes import reports_speech

LEAD_PARAGRAPHS = 4  # a repeated headline, a standfirst or a byline sits within the first four
# The zoning judges the paragraphs of a text with at most this many (the line model's features
# and trees cost about 0.3 ms a paragraph in pure Python): a file of 10^5 short lines would
# otherwise cost half a minute.
MODEL_MAX_PARAGRAPHS = 2000


class Zone(str, enum.Enum):
    """What a paragraph is."""

    HEADLINE = "headline"  # the headline, repeated as a body paragraph
    STANDFIRST = "standfirst"  # the deck or summary under the headline
    BYLINE = "byline"  # author, date, place, "Reporting by ..."
    STORY = "story"
    CAPTION = "caption"  # a photo caption or credit
    FURNITURE = "furniture"  # page furniture: prompts, other stories, notices


class Why(str, enum.Enum):
    """Why a paragraph is furniture though the line model alone is not sure of it: the shape or
    place test that zoned it (each value reads as the reason NL306 gives)."""

    LISTED = "an item of a list of furniture"  # another item of its list is (``_extend_lists``)
    BORDERING = "in a block of furniture"  # it borders furniture at the story's edge (``_extend_edges``)
    CLOSING = "closing the text"  # it closes the text as furniture does (``_closing_line``)
    TITLES = "a title in a list of titles closing the text"  # ``promo_lines.closing_titles``
    SHOUTED = "a line in capitals set in the story"  # ``promo_lines.shouted_promos``
    PLAYER = "a video player's interface text"  # ``player_chrome.player_paragraphs``


class Place(str, enum.Enum):
    """Where a paragraph sits relative to the story."""

    BEFORE = "before"
    INSIDE = "inside"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class Zoned:
    """A body paragraph's zone, its place, the line model's furniture probability, and how
    sure the zoning is of the zone (the model's probability, or a shape test's measured one)."""

    zone: Zone
    place: Place
    furniture: float
    confidence: float
    why: Why | None = None  # the test that zoned it furniture, when the model alone did not

    @property
    def is_story(self) -> bool:
        """Whether the paragraph belongs to the story proper."""
        return self.zone is Zone.STORY


_BYLINE_CUE = lazy_regex(
    r"^(?:(?:written|words|reporting|reported|text|story|photos?)\s+)?(?:by|por|von|par|di|door|av|af|od|"
    r"автор|texto|text|от)\s*:?\s+\p{Lu}", regex.IGNORECASE)
_CONTRIBUTORS = lazy_regex(
    r"^\W*(?:contributing(?:\s+(?:writers?|reporters?|reporting))?\s*:|with\s+files\s+from\b|h/t\b"
    r"|with\s+(?:\S+\s+){0,2}wires\s*$|(?:compiled|edited)\s+by\b|additional\s+reporting\b"
    r"|with\s+assistance\s+(?:by|from)\b)"
    r"|\bcontributed\s+(?:reporting\s+)?(?:to\s+this\s+(?:report|article|story)|from)\b|\bcontributed\W*$"
    r"|^(?:\p{Lu}\S*\s+){1,3}reported\s+from\b", regex.IGNORECASE)
_DATE_OR_TIME = lazy_regex(
    r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b(?:19|20)\d{2}\b", regex.IGNORECASE)
# Photo agencies and picture libraries, as a credit names them after the photographer and a slash
# (NL303's credits closing a caption read the same class).
PHOTO_AGENCIES = (r"AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty(?:\s+Images)?|GETTY\s+IMAGES|Shutterstock|Alamy|iStock(?:photo)?"
                   r"|Rex|PA(?:\s+Wire)?|Bloomberg|Xinhua|Polaris|Redux|Sipa|SIPA|ZUMA(?:\s+Press)?|NurPhoto|Anadolu"
                   r"|dpa|Corbis|Imgur|Flickr|TASS|Kyodo|Yonhap|ANP|Belga|Keystone|Lusa|Efe|EFE|ANSA|Ritzau|NTB|TT"
                   r"|Splash(?:\s+News)?|WENN|Wenn|Backgrid|BACKGRID")
# Picture libraries a credit may name alone ("Shutterstock", "Pixabay") or before the
# photographer ("Flickr | Dave Haygarth").
_PICTURE_LIBRARIES = r"Shutterstock|Alamy|iStock(?:photo)?|Wikimedia\s+Commons|Wiki\s+Commons|Pixabay|Unsplash|Pexels|Flickr|Imgur"
_CAPITALISED = r"(?-i:\p{Lu})[\w.'’-]*"  # a word of a photographer's name
# The agency after the photographer: "/AP", "/AP Photo" ("Brynn Anderson/AP Photo"), "/
# Shutterstock.com".
_SLASH_AGENCY = r"\s*/\s*(?-i:" + PHOTO_AGENCIES + r")(?:\.com|\s+(?-i:Photos?))?"
# The words for "photo" and "source" with which a credit opens, in more languages than the
# table below spells out with its own forms: Vietnamese, Turkish, Greek, Dutch, Scandinavian,
# Finnish, Hungarian, Ukrainian, Arabic, Persian, Hebrew, Hindi, Korean, Japanese, Chinese. A
# closed class of words ("photo", "source"), written from the languages (NL303's credits closing
# a caption read the photo words too).
OTHER_PHOTO_WORDS = (r"ảnh|hình(?:\s+ảnh)?|fotoğraf|φωτογραφία|beeld|billede|kuva|صورة|عکس|צילום"
                     r"|फ\u093c?ोटो|사진(?:\s*제공)?|삽화|그래픽|写真|图片|圖片")
OTHER_SOURCE_WORDS = (r"nguồn|bron|k(?:ä|a)lla|kilde|l(?:ä|a)hde|forr(?:á|a)s|πηγή|джерело|المصدر|منبع|מקור"
                      r"|स्रोत|출처|자료|出典|来源|來源")
# Where someone stands in a picture, in brackets after the name: "Jane Smith (left)", "(à
# droite)", "(phải)", "(второй слева)". Only a caption says so. A closed class of words, written
# from the languages: left, right, centre, pictured, from left, second, far.
_POSITION_CORE = (r"left|right|cent(?:re|er)|pictured|gauche|droite|izquierda|derecha|esquerda|direita|links"
                  r"|rechts|mitte|midden|sinistra|destra|trái|phải|giữa|kiri|kanan|tengah|solda|sağda|ortada"
                  r"|слева|справа|центре|lewej|prawej|vlevo|vpravo|uprostřed|zleva|stânga|dreapta|αριστερά"
                  r"|δεξιά|κέντρο|왼쪽|오른쪽|가운데|왼쪽부터|يمين|يسار|اليمين|اليسار|左|右|中央")
_POSITION_WORDS = (_POSITION_CORE + r"|far|second|third|from|au|à|de|del|v|von|a|al|da|la|từ|sang|dari|soldan"
                   r"|sağa|в|второй|третий|z|od|în|din|στο")
_POSITION_MARKER = lazy_regex(r"[(（]\s*(?:(?:" + _POSITION_WORDS + r")\.?[\s-]+){0,3}(?:" + _POSITION_CORE
                              + r")(?:[\s-]+(?:" + _POSITION_WORDS + r")){0,3}\s*[)）]", regex.IGNORECASE)


def has_position_marker(text: str) -> bool:
    """Whether a paragraph says where someone stands in a picture, in brackets ("Jane Smith
    (left)", "ông Arkhom (phải)"): a caption's words."""
    return ("(" in text or "（" in text) and _POSITION_MARKER.search(text) is not None


# Korean credits: "(사진=연합뉴스)", "/사진=뉴스1" (the label and "=" before the source), and
# Yonhap's "[LG전자 제공. 재판매 및 DB 금지]" ("provided by ...; no resale or database use").
_KOREAN_PROVIDED = r"^\[[^\[\]\n]{1,40}?\s*제공(?:\s*\.\s*재판매\s*및\s*DB\s*금지)?\s*\]\s*$"
_CREDIT = lazy_regex(
    r"^[(/]?\s*(?:photo|photograph|picture|image|foto|фото|bild|crédit|credit|source|getty|reuters|ap|afp|epa"
    # the same labels in other languages: image, photograph, photo credit, picture source, source
    r"|imagen|fotograf(?:ía|ia|ie|i)|zdj(?:ę|e)cie|fot(?:ó|o)|cr(?:é|e)dits?\s+photos?|bildquelle|quelle|fuente|fonte"
    r"|источник|sursa|(?:ź|z)r(?:ó|o)d(?:ł|l)o|zdroj|kaynak|sumber|" + OTHER_PHOTO_WORDS + "|" + OTHER_SOURCE_WORDS + ")"
    r"(?:\s*(?:by|credit|courtesy|[:：=]|/(?=\s*(?-i:[\p{Lu}\p{N}]))))|" + _KOREAN_PROVIDED +
    r"|getty\s+images\)?\s*$|\(\s*(?:ap|afp|reuters|epa)\s+photo\b"
    # a photographer's credit, name and agency ("Evan Vucci/AP", "Rex/Shutterstock"), a stock
    # library's name alone ("Shutterstock"), a courtesy line ("Courtesy Danielle Beatty"): the
    # agencies and libraries are a closed class, written in their own case
    r"|^\(?(?:" + _CAPITALISED + r"\s+){0,3}" + _CAPITALISED + _SLASH_AGENCY + r"(?:\s*/\s*[^/\n]{1,40})?\)?\.?\s*$"
    # ... and the same credit closing a short line of other interface words ("Enlarge this image
    # toggle caption Matt Rourke/AP"), its name of two words at least
    r"|(?<=\s)(?:" + _CAPITALISED + r"\s+){1,3}" + _CAPITALISED + _SLASH_AGENCY + r"\)?\.?\s*$"
    r"|^\(?(?-i:" + _PICTURE_LIBRARIES + r")(?:\s*[/|]\s*[^/\n]{1,40})?\)?\.?\s*$"
    # a picture taken from elsewhere: "Image via Getty", "Featured image via Flickr user ..."
    r"|^\W*(?:featured\s+)?(?:photo|image|picture)s?\s+via\b"
    r"|^\(?(?:photo\s+)?courtesy(?:\s+of)?\s+(?-i:\p{Lu})",
    regex.IGNORECASE)


def repeats_headline(text: str, headline: str) -> bool:
    """Whether a paragraph is the headline again (same words, ignoring case and punctuation,
    or all of one inside the other when both are title-sized)."""
    if len(text) > 3 * len(headline) + 20:
        return False  # far longer than twice the headline's words: not worth tokenising
    para, head = _words(text), _words(headline)
    if not para or not head:
        return False
    if para == head:
        return True
    shorter, longer = sorted((para, head), key=len)
    return len(shorter) >= 4 and len(longer) <= 2 * len(shorter) and " ".join(shorter) in " ".join(longer)


CREDIT_MAX_WORDS = 40


def is_byline(text: str, words: float) -> bool:
    """A short author, date or time line ("By Jane Smith", "Updated 3:45 PM ET, Nov 19, 2019"),
    or a line crediting contributors ("AFP contributed to this report.", "Contributing: Jim
    Michaels", "With files from The Canadian Press")."""
    if "://" in text or "www." in text:
        return False  # a web address (whose path may hold a date) is no byline
    if words > 14:  # a long line is no byline, but a credit may name many ("Associated Press
        # writers A, B, C ... contributed"; the substring test spares most prose the search)
        return words <= CREDIT_MAX_WORDS and "ontribut" in text and _CONTRIBUTORS.search(text) is not None
    return _BYLINE_CUE.match(text) is not None or _CONTRIBUTORS.search(text) is not None \
        or (words <= 10 and _DATE_OR_TIME.search(text) is not None and not text.rstrip().endswith((".", "!", "?")))


# A news agency's caption for a file picture: "FILE - In this Nov. 21, 2014 file photo, comedian
# Bill Cosby performs ..." (AP's form; "FILE PHOTO:" and "In this ... photo" alike), which a page
# may run into the story's first sentence.
_AGENCY_FILE_CAPTION = lazy_regex(
    r"^\W*(?:FILE(?:\s+PHOTO)?\s*[-–—:]\s*)?In\s+this\s+(?:[\w.,]+\s+){1,5}(?:19|20)\d\d,?\s+"
    r"(?:file\s+)?(?:photo|image|picture|handout\s+photo)(?:\s+provided\s+by\s+[^,]{1,60})?,")


def is_file_photo_caption(text: str) -> bool:
    """Whether a paragraph opens with an agency's caption for a (file) picture."""
    return _AGENCY_FILE_CAPTION.match(text) is not None


_CREDIT_MAX_CHARS = 300  # twelve words of a credit are far shorter; a longer "line" is junk to search


# A photo credit closing the paragraph: "(AP Photo/Evan Vucci)", "Photograph: Guy Smallman/Getty
# Images", "REUTERS/Jim Young", "(Image credit: Getty Images)", "(Credit: AFP)". A caption is
# the only text that ends so; the scene before it needs no particular verb.
_AGENCIES = f"(?:{PHOTO_AGENCIES})"
# Other languages' words for a photo (and, in brackets, a source) that open a credit: "... Ảnh:
# Mỹ Linh", "(Nguồn: AFP/TTXVN)", "(Foto: Reuters)" (the table above, and its own forms). Korean
# captions close with the label and "=" ("... (사진=연합뉴스)", ".../사진=뉴스1") or with the place
# and agency of a wire photo ("... 덮여 있다. /벨링햄=AP.뉴시스").
_OTHER_PHOTO_LABELS = r"foto|фото|bild|imagen|imagem|immagine|fotograf(?:ía|ia|ie|i)|zdj(?:ę|e)cie|fot(?:ó|o)|" + OTHER_PHOTO_WORDS
_OTHER_LABELS = _OTHER_PHOTO_LABELS + r"|fuente|fonte|quelle|источник|(?:ź|z)r(?:ó|o)d(?:ł|l)o|zdroj|kaynak|sumber|" \
    + OTHER_SOURCE_WORDS
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"  # a photographer's name, as a credit gives it
# Atomic and possessive where a credit's last run meets the spaces and full stop after it: given
# back one by one, a long run of spaces cost time quadratic in its length.
_TRAILING_CREDIT = lazy_regex(
    rf"""(?:
        \((?:{_AGENCIES}\s+)?(?:Photo(?:graph)?|Picture|Image|Credit)s?(?:\s+credit)?(?:\s*[:/]|\s+(?:by|from|via)\s)[^()]{{1,60}}\)
      | \((?i:{_OTHER_LABELS})\s*[:：]\s*[^()]{{1,60}}\)
      | \((?:{_NAME}\s*/\s*)?{_AGENCIES}(?:\s*/\s*{_AGENCIES})*(?:\s+Photos?)?\)
      | \[{_AGENCIES}\]
      | (?<=[.!?)]\s)(?:Photo(?:graph)?|Picture|Image|Credit)s?(?:\s+credit)?\s*:\s*[^.:()]{{2,60}}
      | (?<=[.!?)]\s)(?i:{_OTHER_PHOTO_LABELS})\s*[:：]\s*[^.:()]{{2,60}}
      | [/(]\s*(?:사진(?:\s*제공)?|출처|자료|삽화|그래픽)\s*=\s*[^()/=]{{1,40}}\)?
      | (?<=[.!?]\s?)/[^\s/=]{{1,20}}=[^\s/=]{{1,30}}
      | (?<=[.!?)])(?:Credit){{1,2}}(?=\p{{Lu}})[^:()]{{2,60}}
      | \bREUTERS/\S.{{0,60}}
      | (?<=[.!?)]\s){_NAME}/{_AGENCIES}(?>/[\w\ ]+)?
      | (?<=\s)(?:[A-Z][\w.'’-]*\s+){{1,3}}[A-Z][\w.'’-]*/{_AGENCIES}(?>/[\w\ ]+)?
    )\s*+\.?\s*+$""",
    regex.VERBOSE)
_TRAILING_CREDIT_REACH = 240  # a credit closing a caption is shorter ("(VALERY HACHE/AFP/Getty Images)")
CAPTION_MAX_WORDS = 45  # a longer paragraph closed by a credit is no caption (NL303's default max-words)
_SENTENCE_BREAK = lazy_regex(r"[.!?。][\"'”’)\]]*\s+[\"'“‘(\[]?\p{Lu}")


def is_credited_scene(text: str, words: float) -> bool:
    """Whether a paragraph is a caption closed by a photo credit: a scene of one sentence that
    reports no speech, then the credit ("... in Hanoi. (AP Photo/Evan Vucci)", "... Фото:
    соцсети", ".../사진=뉴스1"), as NL303 reports it: a caption, whichever copy of a repeated
    passage it holds."""
    if words > CAPTION_MAX_WORDS or words < 2:
        return False
    start = trailing_credit_start(text)
    if start < 0 or reports_speech(text):
        return False
    return _SENTENCE_BREAK.search(text, 0, start) is None


@short_text_cache(max_chars=2_000, maxsize=512)
def trailing_credit_start(text: str) -> int:
    """Where a photo credit closing ``text`` starts (``_TRAILING_CREDIT``), or -1. Kept for
    paragraphs up to 2,000 characters: the zoning and NL303 ask about the same ones."""
    trailing = _TRAILING_CREDIT.search(text, max(0, len(text) - _TRAILING_CREDIT_REACH))
    return -1 if trailing is None else trailing.start()


def is_credit(text: str, words: float) -> bool:
    """A photo credit or gallery counter ("Photo: Hau Dinh, AP", "Image 1 of 8": the counter
    NL302 reports, boilerplate.is_counter); not a question ("AP: Why Cruise?", an interview's),
    nor a credit word in a compound ("credit/debit card")."""
    if text.rstrip().endswith(("?", "？")):
        return False  # "AP: Why Cruise?": an interview's question, not a credit
    return words <= 12 and len(text) <= _CREDIT_MAX_CHARS and (_CREDIT.search(text) is not None or is_counter(text))


_WORD = lazy_regex(r"[\p{L}\p{N}]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def zone_paragraphs(paragraphs: Sequence[str], headline: str = "",
                    model: line_model.LineModel | None = None, lang: str | None = None) -> tuple[Zoned, ...]:
    """Zone every body paragraph (texts in order; ``headline`` the article's own; ``lang`` its
    language, told from the paragraphs when not given)."""
    if not paragraphs:
        return ()
    if len(paragraphs) > MODEL_MAX_PARAGRAPHS:
        return _placed(_dump_zones(paragraphs, headline), [0.0] * len(paragraphs))
    paragraphs = list(paragraphs)  # (a lazy sequence, read several times below)
    model = model or line_model.load()
    rows = line_features.paragraph_features(paragraphs, headline, lang)
    furniture = model.probabilities(rows, paragraphs)
    zones = [_own_zone(i, text, headline, rows[i], furniture[i], model.threshold)
             for i, text in enumerate(paragraphs)]
    _mark_standfirst(zones)
    _keep_story_tables(paragraphs, rows, zones, furniture, model.threshold)
    listed = _extend_lists(paragraphs, zones)
    bordering = _extend_edges(paragraphs, rows, zones, furniture, model.threshold, listed)
    closing = _closing_line(paragraphs, rows, zones, furniture)
    titles = _zone_promos(zones, promo_lines.closing_titles(
        paragraphs, rows, lambda i: zones[i][0] is Zone.STORY, lambda i: zones[i][0] is Zone.FURNITURE))
    shouted = _zone_promos(zones, promo_lines.shouted_promos(paragraphs, rows, lambda i: zones[i][0] is Zone.STORY))
    player = _zone_player(zones, paragraphs)
    why = {i: reason for reason, found in ((Why.LISTED, listed), (Why.BORDERING, bordering), (Why.CLOSING, closing),
                                           (Why.TITLES, titles), (Why.SHOUTED, shouted), (Why.PLAYER, player))
           for i in found}
    return _placed(zones, furniture, why)


# How often a line zoned by ``promo_lines`` was furniture where its tests were designed
# (`pages/` 20 of 20; 5 of 5 on the sources and `fnc-train/`, 2 of them labelled when found): its
# raw confidence. Held out on the line model's training pages the closing titles were right 11
# times in 17 (22 more left open), which the calibration (``newslint.confidence``) brings it to.
PROMO_CONFIDENCE = 0.9


def _zone_promos(zones: list[tuple[Zone, float]], indexes: Sequence[int]) -> frozenset[int]:
    """Zone as furniture the paragraphs ``promo_lines`` found; return their indexes."""
    for i in indexes:
        zones[i] = (Zone.FURNITURE, PROMO_CONFIDENCE)
    return frozenset(indexes)


# How often a paragraph the player test found was furniture where it was designed (hyperpartisan-en,
# 2026-12-04: every one of them): its confidence.
PLAYER_CONFIDENCE = 0.95


def _zone_player(zones: list[tuple[Zone, float]], paragraphs: Sequence[str]) -> frozenset[int]:
    """Zone as furniture a video player's interface text zoned story or byline (``player_chrome``);
    return the paragraphs it found so, the others' zones kept."""
    found = frozenset(i for i in player_chrome.player_paragraphs(paragraphs)
                      if zones[i][0] in (Zone.STORY, Zone.BYLINE))
    for i in found:
        zones[i] = (Zone.FURNITURE, PLAYER_CONFIDENCE)
    return found


# The article's last line, when it is no prose and the model leans furniture on it (this much,
# short of its threshold), after the story's prose or after other furniture, is furniture:
# what a page puts under a story ("Read or Share this story: ...", "Follow X on Twitter",
# "Video loading", an editor's address) closes the text as scraped. A last line after lines of
# a list or table that are no prose either is the list's last item.
CLOSING_FURNITURE = 0.65
# How often a line so zoned was furniture where the rule was designed (`pages/` 3 of 3; the
# sources 19 of 19, 4 of them lines their labels allow; `fnc-train/` about 32 of 35): its confidence.
CLOSING_CONFIDENCE = 0.9


def _closing_line(paragraphs: Sequence[str], rows: Sequence[dict[str, float]],
                  zones: list[tuple[Zone, float]], furniture: Sequence[float]) -> frozenset[int]:
    """Zone the last paragraph as furniture when it closes the text as furniture does (above);
    return its index, or nothing."""
    last = len(paragraphs) - 1
    if last < 1 or zones[last][0] is not Zone.STORY or rows[last]["prose"] or \
            not _LETTER_OR_DIGIT.search(paragraphs[last]):
        return frozenset()
    before, bar = last - 1, CLOSING_FURNITURE
    if not _LETTER_OR_DIGIT.search(paragraphs[before]):
        before, bar = before - 1, EDGE_FURNITURE  # set apart by a rule line ("___"): less is needed
    if furniture[last] < bar or before < 0 or (zones[before][0] is Zone.STORY and not rows[before]["prose"]):
        return frozenset()  # a line the model doubts; the last item of a list or table of the story's
    if not any(row["prose"] for row in rows[:last]):
        return frozenset()
    zones[last] = (Zone.FURNITURE, CLOSING_CONFIDENCE)
    return frozenset({last})


def _placed(zones: Sequence[tuple[Zone, float]], furniture: Sequence[float],
            why: dict[int, Why] | None = None) -> tuple[Zoned, ...]:
    """The zones placed before, inside or after the story (first to last story paragraph)."""
    story = [i for i, (zone, _) in enumerate(zones) if zone is Zone.STORY]
    first, last = (story[0], story[-1]) if story else (len(zones), -1)
    why = why or {}
    made: dict[tuple[Zone, Place, float, float, Why | None], Zoned] = {}  # equal zonings one object
    # (a dump of a million lines is a million story paragraphs)
    placed = []
    for i, (zone, confidence) in enumerate(zones):
        key = (zone, _place(i, first, last), furniture[i], confidence, why.get(i))
        zoned = made.get(key)
        if zoned is None:
            zoned = made[key] = Zoned(*key)
        placed.append(zoned)
    return tuple(placed)


def _dump_zones(paragraphs: Sequence[str], headline: str) -> list[tuple[Zone, float]]:
    """No article has this many paragraphs: a dump of lines is all story, but for the headline
    repeated in its lead (judging every line's shape cost more than the rules reading it)."""
    story = (Zone.STORY, 1.0)
    lead = [(Zone.HEADLINE, 0.95) if headline and repeats_headline(paragraphs[i], headline) else story
            for i in range(min(LEAD_PARAGRAPHS, len(paragraphs)))]
    return lead + [story] * (len(paragraphs) - len(lead))


def _own_zone(index: int, text: str, headline: str, row: dict[str, float], furniture: float,
              threshold: float) -> tuple[Zone, float]:
    words = line_features.word_count(row)
    if index < LEAD_PARAGRAPHS and headline and repeats_headline(text, headline):
        return Zone.HEADLINE, 0.95
    if is_credit(text, words) or is_file_photo_caption(text) or is_credited_scene(text, words):
        return Zone.CAPTION, 0.9
    if is_known_furniture(text):
        return Zone.FURNITURE, max(furniture, 0.95)
    if furniture >= threshold:
        return Zone.FURNITURE, furniture
    if is_byline(text, words):
        return Zone.BYLINE, 0.8
    return Zone.STORY, 1.0 - furniture


# The story's own table or list (results, specifications, nominees) flattened into short lines
# is a run of non-prose paragraphs of which the model calls some furniture: short cells ("-",
# "max. 490") and names look like menu entries. A run of at least TABLE_RUN such paragraphs
# that the prose closes on both sides, or of at least LONG_TABLE_RUN of TABLE_WORDS words or
# fewer on average wherever it lies, of which under TABLE_FURNITURE_SHARE are the model's
# furniture, is the story's: a list of other stories or a menu is furniture nearly throughout.
TABLE_RUN = 8
LONG_TABLE_RUN = 20
TABLE_WORDS = 4
TABLE_FURNITURE_SHARE = 1 / 3


def _keep_story_tables(paragraphs: Sequence[str], rows: Sequence[dict[str, float]],
                       zones: list[tuple[Zone, float]], furniture: Sequence[float], threshold: float) -> None:
    """Zone as story the model's furniture in a table or list of the story's own (above)
    that lies inside the story."""
    story = [i for i, (zone, _) in enumerate(zones) if zone is Zone.STORY]
    if len(story) < TABLE_RUN:
        return
    runs = line_features.non_prose_runs([bool(row["prose"]) for row in rows])
    i = story[0] - runs[story[0]][1]  # (from the start of the run the story opens in)
    while i <= story[-1]:
        length = max(runs[i][0], 1)
        run = range(i, i + length)
        i += length
        if length < TABLE_RUN or not (_closed(run, len(rows)) or _short_and_long(run, rows)):
            continue
        model_said = [k for k in run if zones[k][0] is Zone.FURNITURE and furniture[k] >= threshold
                      and not is_known_furniture(paragraphs[k])]
        if len(model_said) < TABLE_FURNITURE_SHARE * length or (_closed(run, len(rows)) and _introduced(paragraphs, run)):
            for k in model_said:
                zones[k] = (Zone.STORY, 1.0 - furniture[k])


# A list the story introduces: one of the run's first lines is a label ending with a colon
# ("For:", "Disse stemte mot:") that opens no link.
INTRODUCED_WITHIN = 3


def _introduced(paragraphs: Sequence[str], run: range) -> bool:
    """Whether a run of short lines inside the story is a list the story introduces: one of its
    first ``INTRODUCED_WITHIN`` lines ends with a colon and is neither known furniture nor a
    link's prefix ("Related:", "Follow us:")."""
    for k in run[:INTRODUCED_WITHIN]:
        text = paragraphs[k].rstrip()
        if text.endswith((":", "：")) and not is_known_furniture(text) and not prefix_match(text):
            return True
    return False


def _closed(run: range, paragraphs: int) -> bool:
    """Whether prose lies on both sides of a run of non-prose paragraphs."""
    return run.start > 0 and run.stop < paragraphs


def _short_and_long(run: range, rows: Sequence[dict[str, float]]) -> bool:
    return len(run) >= LONG_TABLE_RUN and \
        sum(line_features.word_count(rows[k]) for k in run) <= TABLE_WORDS * len(run)


# How often an item so zoned was furniture on the labelled training pages (344 of 370, lines
# no other rule reported; README, "Line model"): the confidence of the zone.
LISTED_CONFIDENCE = 0.93


def _list_mark(text: str) -> str | None:
    mark = line_features.LIST_MARK.match(text)
    if mark is None:
        return None
    return "1." if mark[1][0].isdigit() else mark[1]


def _lists(paragraphs: Sequence[str]) -> Iterator[range]:
    """The lists among the paragraphs: each run of two or more in a row opening with the same
    dash, bullet or number, as a range of indexes."""
    marks = [_list_mark(text) for text in paragraphs]
    start = 0
    while start < len(paragraphs):
        end = start + 1
        if marks[start] is not None:
            while end < len(paragraphs) and marks[end] == marks[start]:
                end += 1
        if end - start >= 2:
            yield range(start, end)
        start = end


def list_items(paragraphs: Sequence[str]) -> frozenset[int]:
    """The indexes of the paragraphs that are items of a list (``_lists``)."""
    return frozenset(k for items in _lists(paragraphs) for k in items)


def _extend_lists(paragraphs: Sequence[str], zones: list[tuple[Zone, float]]) -> frozenset[int]:
    """Zone as furniture the story items of a list (two or more paragraphs in a row opening with
    the same mark) one of whose items is furniture, and return their indexes. A list of other
    stories' titles is furniture as a whole, though the model is sure of only some of its items
    (a title that reads like a sentence, a title with a teaser glued to it); a story's own list
    (steps, results, names) rarely has an item that is furniture."""
    listed: set[int] = set()
    for items in _lists(paragraphs):
        if any(zones[k][0] is Zone.FURNITURE for k in items):
            for k in items:
                if zones[k][0] is Zone.STORY:
                    zones[k] = (Zone.FURNITURE, LISTED_CONFIDENCE)
                    listed.add(k)
    return frozenset(listed)


# A line the model leans furniture on (short of its threshold) is furniture when it borders
# furniture at the story's edge: furniture comes in blocks, and the model is sure of only some
# of a block's lines ("Thanks for signing up!", "Sorry!" beside a newsletter form's lines).
EDGE_FURNITURE = 0.4
_LETTER_OR_DIGIT = lazy_regex(r"[\p{L}\p{N}]")
# How often a line so zoned was furniture on `pages/`, where the rule was designed (9 of 10, the
# tenth a wire credit its labels leave open; 13 of 13 on twenty other sources): its confidence.
BORDERING_CONFIDENCE = 0.93


def _extend_edges(paragraphs: Sequence[str], rows: Sequence[dict[str, float]], zones: list[tuple[Zone, float]],
                  furniture: Sequence[float], threshold: float, listed: frozenset[int]) -> frozenset[int]:
    """Zone as furniture the story paragraphs that border the model's furniture (probability
    ``threshold`` or more, or an item of a list of it) lying before or after the story, one
    after another outward from it, while each is no prose, lies outside the prose (before the
    first paragraph that reads as prose, or after the last) and has a furniture probability of
    at least ``EDGE_FURNITURE``; return their indexes. Furniture inside the story does not spread: there a run of short
    lines is as often the story's own list or table. Nor does a line that only a phrase rule
    calls furniture ("Follow Datoc on Twitter" under a blog post's last lines)."""
    story = [i for i, (zone, _) in enumerate(zones) if zone is Zone.STORY]
    prose = [i for i, row in enumerate(rows) if row["prose"]]
    if not story or not prose:
        return frozenset()
    first, last = story[0], story[-1]
    grown = set(listed)  # spreading as the model's own furniture does
    for start, step, outside in ((last, -1, lambda i: i > prose[-1]), (first, 1, lambda i: i < prose[0])):
        i = start
        while 0 <= i < len(zones) and outside(i) and _spreads(zones, furniture, threshold, i - step, grown):
            if zones[i][0] is not Zone.STORY:
                if not _spreads(zones, furniture, threshold, i, grown):
                    break  # a caption, a byline, a phrase rule's line: the block ends there
            elif rows[i]["prose"] or furniture[i] < EDGE_FURNITURE or not _LETTER_OR_DIGIT.search(paragraphs[i]):
                break  # prose; a line the model calls story; a rule of dashes ("___"), neither
            else:
                zones[i] = (Zone.FURNITURE, BORDERING_CONFIDENCE)
                grown.add(i)
            i += step
    return frozenset(grown - listed)


def _spreads(zones: Sequence[tuple[Zone, float]], furniture: Sequence[float], threshold: float,
             index: int, grown: set[int]) -> bool:
    """Whether paragraph ``index`` is furniture the model is sure of, an item of a list of it,
    or a line zoned so beside it."""
    return 0 <= index < len(zones) and (index in grown or (zones[index][0] is Zone.FURNITURE
                                                           and furniture[index] >= threshold))


def _mark_standfirst(zones: list[tuple[Zone, float]]) -> None:
    """A story-like paragraph directly above a byline in the lead is the standfirst."""
    for i in range(min(len(zones), LEAD_PARAGRAPHS - 1)):
        if zones[i][0] is Zone.STORY and i + 1 < len(zones) and zones[i + 1][0] is Zone.BYLINE:
            zones[i] = (Zone.STANDFIRST, 0.7)


def _place(index: int, first: int, last: int) -> Place:
    if index < first:
        return Place.BEFORE
    return Place.AFTER if index > last else Place.INSIDE
