"""NL303 caption-in-body: a photo caption pasted into the story.

## What it does
Reports a one-sentence paragraph that reads like a photo caption, in either of two shapes:
- a scene closed by a photo credit, whatever its verb: "Firefighters battle a blaze near
  Athens. (Credit: AFP)", "... in Washington. (AP Photo/Evan Vucci)", "... on Saturday.
  Photograph: Guy Smallman/Getty Images", "... REUTERS/Jim Young", "(Image credit: ...)",
  "...in Queens.CreditChang W. Lee/The New York Times" (the label glued between caption and
  credit where a page's spans run together; added on 2026-12-05 after a held-out source of pages
  as Mozilla Readability extracts them, 5 captions there; elsewhere 1, a caption on basil-en
  labelled then; nothing on the line model's training pages or ../shared/corpus),
  "(Photo by Tom Briglia/FilmMagic)", "(Image by DonkeyHotey)" (the bracketed credit with "by"
  added on 2026-12-05, sixteenth session: held out on the line model's training pages 3 lines
  more, 2 furniture and 1 sports caption the labels leave open; on the sources 8, all captions,
  7 of them on hyperpartisan-en, which was read before; on `fnc-train/` 1, a Getty caption);
- a named person or group followed, within the first words, by a present-tense scene verb
  ("speaks", "holds", "arrives", "waves", "gather"), after an optional "FILE PHOTO:", and
  backed by caption evidence, either a full date with its year ("on November 16, 2016", "on 15
  December 2017") or a photo credit anywhere ("Getty Images", "File photo");
- a news agency's caption of two sentences: a dated scene (a full date with its year) that
  places its people (", left,", ", center,", ", second from right,"), then a sentence of the
  story's context ("U.S. Defense Secretary Mark Esper, left, and ... shake hands in Hanoi,
  Vietnam Wednesday, Nov. 20, 2019. Esper is ..."). Added on 2026-12-04 (fifteenth session) for
  4 lines of `pages/`; elsewhere 1 caption on the sources (labelled before), nothing on the
  line model's training pages;
- a news agency's caption for a file picture, whatever follows it: "FILE - In this Nov. 21,
  2014 file photo, comedian Bill Cosby performs ..." (AP's form, a page may run the story's
  lead into it). Added on 2026-12-04 (fifteenth session) after allsides-us-en's captions
  holding the lead: held out on the line model's training pages 1 line, furniture; on the
  sources 8 (6 on allsides-us-en, three captions given twice, labelled then, and 2 on
  hyperpartisan-en, labelled before);
- a photo credit split over two lines: a credit label alone on its line ("Photo:", "Фото:",
  "Foto", "Credits", in several languages) and the credit under it, a short line that is no
  sentence ("личный архив Андрея Рудькова", "(Mark Boster / LAT)"). Both lines are reported.
- a photo or source credit alone on its line, as the story zoning tells credits (twelve words
  at most, led by a credit word and a colon or slash in several languages, or closed by
  "Getty Images": "Foto: Intact Images", "Фото: соцсети", "(Reuters photo: Joshua Roberts)",
  "Image courtesy of Variety", "Source: Reuters", "Enlarge this image toggle caption Joe
  Raedle/Getty Images ..."), unless NL302 reports it or it gives a web or e-mail address
  (NL305's "Source: https://..."); a gallery counter or a table's ratio ("39/94") is not one. Added on 2026-12-04 (thirteenth session): these lines were zoned as
  credits but reported by no rule. On the twenty-two clean sources 81 more lines, all
  furniture once read (11 labelled then, 8 labels that named NL302 freed for any rule); on
  `fnc-train/` 38 (credits and "Source: ..." attributions of content farms); on `pages/` one
  "SOURCE: Al Jazeera News" line its labels allow; nothing on the BBC folders or the seeds.
  Held out on the line model's 9,314 labelled training files: 27 furniture lines, 183 the
  labels leave open (mostly "Source: ..." lines) and 28 story lines, 16 of them an interview's
  questions ("AP: Why Cruise?") and one "credit/debit card ..."; after that reading a question
  and a credit word in a lower-case compound are no credit: 26, 183 and 9 (citations and
  sources those pages' ground truth keeps: "Source: Eur Heart J. 2006 ...").
  The credit words of other languages were added on 2026-12-04 (fourteenth session: "Quelle:",
  "Bildquelle:", "Fuente:", "Fonte:", "Sursa:", "Zdroj:", "Źródło:", "Источник:", "Imagen:",
  "Fotografía:", "Crédit photo", ...): held out on the same training files 58 more lines, 56
  left open by the labels (German "Quelle: ..." attributions, as the English "Source:" ones)
  and 2 furniture, none story; on the sources 13, all source credits once read.
  On 2026-12-05 (nineteenth session) the words for "photo" and "source" of fifteen more
  languages joined them (Vietnamese "Ảnh:", "Nguồn:", Turkish, Greek, Dutch, Scandinavian,
  Finnish, Hungarian, Ukrainian, Arabic, Persian, Hebrew, Hindi, Korean, Japanese, Chinese), and
  a caption closed by a credit reads the other languages' photo words too ("... Фото: соцсети",
  "... Ảnh: Mỹ Linh", "(Nguồn: AFP/TTXVN)", "Maju Freiras. Foto: Fabriciano Júnior"), after the
  held-out Vietnamese source's injected recall of 0.02. On the sources 139 more lines, all
  captions or credits (97 on vn-baomoi, 20 Russian captions on ru-moldova-press; 119 of the
  139 labelled when found, by the existing criteria, the other 20 labelled before); held out
  on the training pages 4, all captions or credits left open by the labels; nothing else
  changed. Then Korean credits, after a held-out Korean source (its injected recall 0.20 on
  the 40 articles read whole, 13 of its 263 credits found): the label and "=" ("(사진=연합뉴스)",
  "/사진=뉴스1", "(자료=한은)"), a wire photo's place and agency closing a caption ("... 덮여 있다.
  /벨링햄=AP.뉴시스") and Yonhap's "[LG전자 제공. 재판매 및 DB 금지]": 69 more lines there, all
  credits (68 labelled before).
  A photographer's credit with no label, the name and a photo agency or picture library after
  a slash ("Evan Vucci/AP", "Sam Greenwood/Getty Images", "Rex/Shutterstock"), a library's
  name alone ("Shutterstock") and a courtesy line ("Courtesy Danielle Beatty") count too: the
  agencies are a closed class, written in their own case ("Day/AP style" is no credit). Added
  on 2026-12-04 (fifteenth session) after hyperpartisan-en's missed credits (10 lines there);
  held out on the training files 23 more lines, 10 furniture, 11 left open and 2 credits those
  pages' ground truth keeps ("Susan Walsh / AP", "courtesy of Dr. ..."); on the other sources
  4, all credits (1 labelled then); nothing on `../shared/corpus`.
- More forms of the same credits (seventeenth session, 2026-12-05, after the captions the
  sources' labels showed missed, 196 of 283): the photographer and agency in brackets closing a
  caption ("... (Leah Millis/Reuters)", "(AFP/Getty)"), an agency in square brackets ("[Rex]",
  "[Splash]"), "(Photo from ...)" and "(Photo via ...)", a name and agency closing a caption with
  no stop before them ("... in Paris Benoit Tessier/Reuters"), a credit after the caption's
  full stop that made it look like two sentences ("... Pennsylvania. (Getty)", "... DoctorX.
  Photo: Joseph Cox"); and on a short line of its own, "Name/AP Photo", "... /
  Shutterstock.com", "Image via Getty", a picture library before the photographer ("Flickr |
  Dave Haygarth") or alone ("Pixabay"), a credit closing interface words ("toggle caption Eric
  Draper/AP"). On the sources 53 more lines, all captions or credits (15 of them were missing
  from the labels and labelled then); caption recall there 0.30 to 0.41. Held out on the line
  model's 9,314 labelled training files: 41 more lines, every one a caption or a credit (2
  labelled furniture, 15 left open, 24 kept by ground truths that keep captions in the
  article), and one page's block of 3 furniture lines no longer reported by NL306. On
  `fnc-train/` 47 ("[Image via ...]" credits, "... Photo: AP" captions); nothing on `pages/`,
  the BBC folders or the seeds. A dash before an agency closing a paragraph ("... —Reuters") is
  left alone: on the labelled pages a story's last paragraph signs off so (2 lines) about as
  often as a caption ends so (3).

## Why is this bad?
Scrapers take the caption under the picture along with the text. It describes a scene outside
the story's timeline, in the present tense, and often names people the story never mentions
(seed 000: "Mayor Bill de Blasio speaks to the press in front of Trump Tower ... on November 16,
2016 in New York City.").

Exceptions made on purpose:
- Paragraphs of more than one sentence are story, not captions.
- A quotation or a speech verb ("said", "told") marks story text.
- Only a credit that *closes* the paragraph stands on its own: a story sentence naming "Getty
  Images" or "Reuters" as a company, or a wire dateline ("LONDON (Reuters) -"), does not end so.
- A credit label alone, with a sentence or nothing under it, is left alone: "Source" or
  "Credits" can head a story's own list.
- A scene verb right after "the", "of" or "and" is a noun ("The protests were in response to
  ... on October 7, 2023"; added on 2026-12-04 after a held-out Pakistani source's false alarm,
  no other finding changed).
- Historic-present narration without a dated scene or a credit ("The minister arrives in
  Brussels on Monday for talks") is left alone: a date without a year is a schedule, not a
  caption.

Measured on the 1,313 clean BBC development articles: 0 findings. On the seeds: the two captions
named in the project's founding issue (000 line 10, 004 line 21), nothing else. The split
credit, added for a Russian page of `pages/` (16 lines), was measured first on the line model's
labelled training pages (`training/SOURCES.md`): 15 furniture lines, no story line.

The fix deletes the line; it is unsafe (a judgement call: an unusual lead can look the same).

## Example
```
Attorney General Jeff Sessions holds a news conference at the Department of Justice on December 15, 2017.
```
(a paragraph of its own in the middle of the story)

## Use instead
Delete the caption, or move it to the article's image metadata.

## Options
- `max-words` (int, default 45): longer paragraphs are not captions.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import regex

from newslint.document import Document, Span, more_words_than
from newslint.rule import Finding, Fix, FixSafety, Options, Rule
from newslint.text.boilerplate import is_counter
from newslint.text.edits import delete_line
from newslint.text.known_furniture import is_known_furniture
from newslint.text.patterns import lazy_re, lazy_regex
from newslint.text.quotes import reports_speech
from newslint.text.zoning import Zone, is_file_photo_caption, trailing_credit_start

_SCENE_VERBS = (
    "speaks|talks|holds|arrives|arrive|leaves|waves|wave|attends|looks|look|walks|walk|poses|pose|"
    "gestures|listens|sits|stands|stand|delivers|addresses|greets|shakes|smiles|reacts|react|"
    "celebrates|celebrate|prays|pray|kneels|watches|watch|testifies|signs|visits|meets|embraces|"
    "hugs|salutes|departs|boards|exits|enters|rides|carries|carry|holds|hold|gathers|gather|march|"
    "marches|protest|protests|rally|rallies|wait|waits|cheer|cheers|mourn|mourns|inspects|tours"
)
# The verb right after "the", "of" or "and" is a noun ("The protests were ..."), not the scene's.
_SUBJECT_THEN_VERB = lazy_re(
    r"^(?:(?:[A-Z][\w.'’-]*|de|van|von|der|da|di|al|bin|and|of|the|The|U\.S\.)\s+){1,8}?"
    rf"(?<!\bthe\s)(?<!\bThe\s)(?<!\bof\s)(?<!\band\s)(?:{_SCENE_VERBS})\b")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_FULL_DATE = lazy_re(rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d\d)\b")
_CREDIT = lazy_re(r"\((?i:photo|picture|image)\s*:|\b(?:REUTERS|AP\s+Photo|AFP|EPA|Getty\s+Images|"
                  r"File\s+photo|Photo\s+by|Photograph:)\b|/(?:Getty|Reuters|AP|AFP)\b")
_FILE_PHOTO = lazy_re(r"^(?i:file\s+photo)\s*[:-]\s*")
# A credit label alone on its line: the word for a photo or a credit in a few languages, with an
# optional colon. A closed class of words, not a list of phrasings.
_CREDIT_LABEL = lazy_re(
    r"^[\s\-–—•·|*_(]*(?:(?:photo(?:graph)?|picture|image)s?(?:\s+credits?)?|credits?(?:\s+photo)?"
    r"|fotos?|фото(?:графия)?|bild(?:er)?|imagen(?:es)?|imagens?|immagin[ei]|zdj[eę]cie"
    r"|cr[ée]dits?(?:\s+photo)?|cr[ée]ditos?|사진|写真|图片|圖片)\s*[:：]?\s*\)?$",
    re.IGNORECASE)
_CREDIT_LABEL_MAX_CHARS = 24  # a cheap gate: the longest label, "Photograph credits:", is shorter
_CREDIT_MAX_WORDS = 8


# A caption places the people in its picture (", left,", ", center,", ", second from right,"):
# with a full date in the same sentence, a news agency's caption (its second sentence the
# story's context: "U.S. Defense Secretary Mark Esper, left, and ... shake hands in Hanoi,
# Vietnam Wednesday, Nov. 20, 2019. Esper is ...").
_PLACED = lazy_re(r",\s*(?:left|right|center|centre|(?:second|third)\s+(?:from\s+)?(?:left|right)|front|rear|top"
                  r"|bottom|foreground|background|in\s+the\s+(?:foreground|background))\s*,")


def _placed_scene(sentence: str) -> bool:
    return _PLACED.search(sentence) is not None and _FULL_DATE.search(sentence) is not None


def _caption_shape(doc: Document, paragraph: Span, options: Options) -> str | None:
    """What makes the paragraph a caption, or None when it is story text."""
    text = paragraph.text(doc)
    if is_file_photo_caption(text):  # whatever its length: a page may run the story's lead into it
        return "an agency's caption for a file picture (\"FILE - In this ... file photo, ...\")"
    if more_words_than(text, options["max-words"]) or reports_speech(text):
        return None
    # The credit closes the paragraph: its last characters are all the pattern needs to read.
    credit_at = trailing_credit_start(text)
    trailing = credit_at >= 0
    # A credit closing the paragraph is no sentence of its own ("... in Pittsburgh. (Getty)").
    credit_starts = paragraph.start + credit_at if trailing else paragraph.end
    sentences = [s for s in doc.sentences_in(paragraph)
                 if s.start < credit_starts and not _CREDIT.fullmatch(s.text(doc).strip(" ."))]
    credit = _CREDIT.search(text) is not None
    if len(sentences) == 2 and _placed_scene(sentences[0].text(doc)):
        return "a dated scene placing its people (\", left,\"), then a sentence of context"
    if len(sentences) > (2 if credit else 1):
        return None
    if trailing:
        return "a one-sentence scene closed by a photo credit"
    if _SUBJECT_THEN_VERB.match(_FILE_PHOTO.sub("", text)) and (credit or _FULL_DATE.search(text)):
        return "a one-sentence present-tense scene with a date or photo credit"
    return None


def _is_credit_under_label(text: str) -> bool:
    """Whether the line under a credit label is the credit: short, no sentence, no other label."""
    return not more_words_than(text, _CREDIT_MAX_WORDS) and not text.rstrip().endswith((".", "?", "!", ":", "：")) \
        and _CREDIT_LABEL.match(text) is None


def _split_credits(texts: Sequence[str]) -> dict[int, str]:
    """The paragraphs that are a credit label and the credit under it, by index, with the shape."""
    found: dict[int, str] = {}
    for index in range(len(texts) - 1):
        text = texts[index]
        if len(text) <= _CREDIT_LABEL_MAX_CHARS and _CREDIT_LABEL.match(text) \
                and _is_credit_under_label(texts[index + 1]):
            found[index] = "a photo credit label alone on its line, its credit under it"
            found[index + 1] = "a photo credit under a credit label"
    return found


_ADDRESS = lazy_regex(r"://|\bwww\.|\S@\S")
_LABEL_ALONE = lazy_regex(r"^\W*\p{L}+(?:\s+\p{L}+)?\s*[:：]\W*$")  # "Source:" with nothing after it


def _credit_line(doc: Document, index: int) -> str | None:
    """A photo credit alone on its line, as the story zoning tells it (``zoning.is_credit``:
    "Photo: Hau Dinh, AP", "Foto: Intact Images", "(Reuters photo: Joshua Roberts)", "... /Getty
    Images"), when NL302 does not report it, it gives no web or e-mail address (NL305 reports
    "Source: https://...") and it is no gallery counter or table ratio ("39/94")."""
    if doc.zones[index].zone is not Zone.CAPTION:
        return None
    text = doc.paragraph_texts[index]
    if is_counter(text) or is_known_furniture(text) or _ADDRESS.search(text) or _CREDIT_LABEL.match(text) \
            or _LABEL_ALONE.match(text) or is_file_photo_caption(text):
        return None  # a counter; NL302's; a web or e-mail address (NL305's); a label alone (above);
        # an agency's file-photo caption, which the zoning zones so too (_caption_shape's)
    return "a photo or source credit on a line of its own"


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report one-sentence scenes closed by a photo credit, present-tense scene paragraphs with a
    dated scene or a credit, and credits split over a label line and the credit line."""
    split = _split_credits(doc.paragraph_texts)
    for index, paragraph in enumerate(doc.paragraphs):
        # A credit the zoning tells on a short line is named so, whatever caption words precede
        # it ("toggle caption Eric Draper/AP").
        shape = split.get(index) or _credit_line(doc, index) or _caption_shape(doc, paragraph, options)
        if shape is not None:
            fix = Fix((delete_line(doc, paragraph.start),), "delete the caption", FixSafety.UNSAFE)
            yield Finding.at(paragraph, f"photo caption in the body: {shape}", fix)


_STORY = ("Sessions threatens subpoenas\n\nThe Justice Department threatened on Wednesday to subpoena 23 "
          "cities over their immigration policies.\n\n{}\n\nThe cities have until February 23 to reply, "
          "officials said.\n")

RULE = Rule(
    code="NL303",
    name="caption-in-body",
    summary="A photo caption pasted into the body of the story",
    doc=__doc__,
    check=check,
    fix=FixSafety.UNSAFE,
    options={"max-words": 45},
    bad_examples=(
        _STORY.format("Attorney General Jeff Sessions holds a news conference at the Department of "
                      "Justice on December 15, 2017."),
        _STORY.format("Protesters gather outside the courthouse in Chicago. REUTERS/Jim Young"),
    ),
    good_examples=(
        _STORY.format("Attorney General Jeff Sessions holds a news conference on Thursday to explain "
                      "the plan."),
        _STORY.format("Mr Sessions speaks often about the issue, and on December 15, 2017 he said the "
                      "cities were breaking the law."),
        _STORY.format("The mayor arrives in Washington on Monday for talks with the president."),
    ),
)
