"""Page furniture known by its words: the interface phrases NL302 boilerplate-line reports
("Share this article", "Follow us on Twitter", "Sign up for our newsletter", "Advertisement",
"All rights reserved", ...), shared with the story zoning and NL306 so that a line NL302
reports is not reported again by the line model.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from newslint.document import more_words_than
from newslint.text.memo import short_text_cache
from newslint.text.patterns import lazy_re
from newslint.text.quotes import reports_speech

_BULLET = r"^[\s\-–—•·►▶»|*_]*\(?\s*"  # an opening bracket too: "(Story continues below)"
# The same prompts in the other languages most news is scraped in (as NL301's link prefixes:
# a closed table of these concepts, written from the languages): follow us on a network,
# subscribe to a newsletter or channel, share this article, download the app, an advert's
# label alone, a cookie notice, a comment prompt. Each names what it asks for, so that no
# sentence of a story reads so.
_OTHER_LANGUAGE_PHRASES = (
    r"folg(?:en\s+sie|t)\s+uns\s+(?:auf|bei|in)\b", r"suivez[\s-]+nous\s+sur\b", r"s(?:í|i)guenos\s+en\b",
    r"siga[\s-]+nos\s+(?:no|na|nas|nos|em)\b", r"seguici\s+su\b", r"volg\s+ons\s+op\b", r"f(?:ö|o)lj\s+oss\s+p(?:å|a)\b",
    r"urm(?:ă|a)re(?:ș|s|ş)te[\s-]*ne\b", r"urm(?:ă|a)ri(?:ț|t|ţ)i[\s-]*ne\b", r"obserwuj\s+nas\b", r"sledujte\s+n(?:á|a)s\b",
    r"bizi\s+takip\s+edin\b", r"ikuti\s+kami\s+di\b", r"تابعونا\s+على", r"تابعنا\s+على",
    r"(?:abonnieren\s+sie|abonniere)\s+(?:unseren|den|unsere|jetzt)\b", r"newsletter\s+abonnieren\b",
    r"abonnez[\s-]+vous\s+(?:(?:à|a)\s+)?(?:notre|la|nos)\b", r"inscrivez[\s-]+vous\s+(?:(?:à|a)\s+)?(?:notre|la)\s+newsletter\b",
    r"suscr(?:í|i)b(?:e|ete|ase)\s+(?:a|al)\s+(?:nuestro|nuestra|nuestros)\b",
    r"(?:assine|inscreva[\s-]+se\s+(?:no|na|em))\s+(?:a\s+|o\s+)?(?:nossa|nosso)\s+(?:newsletter|canal)\b",
    r"iscriviti\s+(?:alla|al)\s+(?:nostra|nostro)\b", r"abonneer\s+(?:je|u)\s+op\b", r"schrijf\s+je\s+in\s+voor\b",
    r"aboneaz(?:ă|a)[\s-]*te\s+la\b", r"abona(?:ț|t|ţ)i[\s-]*v(?:ă|a)\s+la\b", r"zapisz\s+si(?:ę|e)\s+(?:do|na)\s+newsletter",
    r"p(?:ř|r)ihlaste\s+se\s+k\s+odb(?:ě|e)ru\b", r"подп(?:ишитесь|исывайтесь)\s+на\s+(?:наш|нашу|наши|нас)\b",
    r"abone\s+olun\b", r"berlangganan\s+(?:newsletter|buletin)\b", r"اشترك\s+في\s+(?:نشرتنا|النشرة)",
    r"teilen\s+sie\s+(?:diesen|diese|den)\s+(?:artikel|beitrag)\b", r"partagez\s+(?:cet|cette)\s+article\b",
    r"comparte\s+(?:esta|este)\s+(?:noticia|art(?:í|i)culo|nota)\b", r"compartilhe\s+(?:esta|este|essa|esse)\s+(?:not(?:í|i)cia|mat(?:é|e)ria|artigo)\b",
    r"condividi\s+(?:questo|questa)\s+(?:articolo|notizia)\b", r"deel\s+dit\s+artikel\b", r"distribuie\s+(?:acest|aceast(?:ă|a))\s+(?:articol|(?:ș|s|ş)tire)\b",
    r"udost(?:ę|e)pnij\s+(?:ten|ten\s+artyku(?:ł|l))\b", r"поделитесь\s+(?:этой|этим)\s+(?:новостью|статьей|статьёй|материалом)",
    r"bagikan\s+(?:artikel|berita)\s+ini\b",
    r"laden\s+sie\s+(?:unsere|die)\s+(?:\w+[\s-])?app\b", r"t(?:é|e)l(?:é|e)chargez\s+(?:notre|l['’])\s*(?:application|appli)\b",
    r"descarg(?:a|ue)\s+(?:nuestra|la)\s+(?:app|aplicaci(?:ó|o)n)\b", r"baixe\s+(?:o\s+)?(?:nosso\s+)?(?:app|aplicativo)\b",
    r"scarica\s+(?:la\s+nostra\s+|l['’])\s*app\b", r"скачайте\s+(?:наше\s+)?приложение",
    r"(?:anzeige|werbung|publicit(?:é|e)|publicidad|publicidade|pubblicit(?:à|a)|advertentie|publicitate|reklama|реклама|reklam|iklan)\s*[:.]?\s*$",
    # a cookie notice, a comment prompt or a comment counter
    r"(?:wir\s+verwenden|diese\s+(?:web)?seite\s+(?:verwendet|nutzt))\s+cookies\b", r"nous\s+utilisons\s+(?:des\s+)?cookies\b",
    r"ce\s+site\s+utilise\s+(?:des\s+)?cookies\b", r"(?:este\s+(?:sitio|site)(?:\s+web)?|esta\s+web)\s+(?:utiliza|usa)\s+cookies\b",
    r"(?:utilizamos|usamos)\s+cookies\b", r"(?:questo\s+sito\s+(?:utilizza|usa)|utilizziamo)\s+(?:i\s+)?cookie",
    r"(?:wij\s+gebruiken|deze\s+(?:web)?site\s+gebruikt)\s+cookies\b", r"(?:acest\s+site\s+folose(?:ș|s|ş)te|folosim)\s+cookie",
    r"u(?:ż|z)ywamy\s+(?:plik(?:ó|o)w\s+)?cookies?\b", r"(?:мы\s+используем|(?:наш\s+)?сайт\s+использует)\s+(?:файлы\s+)?cookie",
    r"(?:deixe|deja|lascia|laissez|laisser|hinterlassen\s+sie|schreiben\s+sie|оставьте|оставить)\s+(?:(?:o\s+)?seu\s+|tu\s+|su\s+|un\s+|uno\s+|einen\s+)?"
    r"(?:coment(?:á|a)rio|commento|commentaire|kommentar|комментарий)\b",
    r"(?:kommentare|comentarios|coment(?:á|a)rios|commenti|commentaires|комментарии)\s*(?:\(\d+\))?\s*$",
)
# A prompt to the reader (follow us, subscribe, sign up for a newsletter, share or listen to
# this article, download the app, click here, leave a comment): of the English interface
# phrases, those that ask the reader to do something, and nothing else (no copyright, tag list
# or "posted by", which a story's sentence may open with: "Copyright law ...", "Topics: ...");
# and the other languages' table. A sentence of a story never opens so; a site's prompt glued
# to a story paragraph, or to a sentence of furniture ("Get the latest updates right in your
# inbox. Subscribe to NJ.com's newsletters."), is NL302's trailing prompt.
_READER_PROMPTS = r"""
    follow\s+(?:us|me|@\w+|\w+(?:\s\w+)?\s+on\s+(?:twitter|facebook|instagram|x|linkedin|tiktok|threads|bluesky))\b
  | like\s+us\s+on\s+facebook\b
  | (?:subscribe|sign\s+up|register)(?:\s+(?:now|today|here|free))?\s+(?:to|for)\s+(?:our|the|a|[\w.-]+['’]s)\s+
    (?:[\w'’-]+\s+){0,4}(?:newsletters?|updates|alerts|e-?mails?|briefings?|digest)
  | (?:subscribe|sign\s+up)\s+(?:now|today|here)\b | get\s+(?:our|the)\s+\w+\s+newsletter\b
  | subscribe\s+to\s+(?:our|my|[\w.-]+['’]s)\b | download\s+(?:our|the)\s+(?:\w+\s+)?app\b
  | (?:click|tap)\s+here\s+(?:to|for)\b(?!\s+(?:read|watch|see|view|listen|find\s+out|learn|continue|get\s+the\s+(?:full|latest)
                                              |more|the\s+(?:full|latest|rest)|related))
  | (?:leave|post|add)\s+a\s+comment\b | join\s+the\s+(?:conversation|discussion)\b | be\s+the\s+first\s+to\s+comment\b
  | (?:leave|post)\s+a\s+reply\b | cancel\s+reply\b
  | (?:join|follow)\s+(?:our|us\s+on)\s+(?:whatsapp|telegram)\b
  | (?:listen\s+to|print|save|share|email|e-mail|tweet)\s+this\s+(?:article|story|post)\b | share\s+(?:on|via)\s+\w
  | support\s+(?:our|independent|quality)\s+journalism\b | enjoyed\s+this\s+(?:article|story)\b
  | click\s+to\s+(?:share|email|print)\b
  | """ + "|".join(f"(?:{phrase})" for phrase in _OTHER_LANGUAGE_PHRASES)
# The prompts first, as a group of their own: one pattern answers both questions (is a line
# interface text, is a sentence a prompt), compiled once (a second one cost 7 ms a process).
_PHRASES = r"""(?:(?P<prompt>""" + _READER_PROMPTS + r""")
  | share\s+(?:this|on|via|the\s+story)\b | share\s*$ | tweet\s+this\b | email\s+this\b | e-mail\s+this\b
  | print\s+(?:this|the)\s+(?:page|article|story)\b | save\s+this\s+(?:article|story)\b
  | (?:we|this\s+(?:site|website))\s+uses?\s+cookies\b | accept\s+(?:all\s+)?cookies\b | cookie\s+(?:policy|settings)\b
  | advert(?:isement|ising|s)?\s*[:.]?\s*$ | sponsored(?:\s+content)?\s*[:.]?\s*$ | promoted\s+content\s*[:.]?\s*$
  | (?:image|photo(?:graph)?|video)s?\s*$
  | (?:foto|bild|imagen|imagem|immagine|afbeelding|zdj(?:ę|e)cie|фото|видео|vidéo|vídeo)\s*$
  | (?:story|article)\s+continues\b | continue\s+reading\s+below\b
  | (?:all\s+rights\s+reserved) | (?:copyright|[©ⓒⒸ])\s*(?:[©ⓒⒸ]\s*)?(?:\d{4}|the\b|[A-Z])
  | (?:image|photo|picture|video)\s+(?:copyright|caption|source|credit)\b | getty\s+images\s*$
  | comments?\s+(?:are|is)\s+(?:closed|open)\b | \d+\s+comments?\s*$
  | your\s+e-?mail\s+address\s+will\s+not\s+be\s+published\b | required\s+fields\s+are\s+marked\b
  | save\s+my\s+name,?\s+e-?mail,?\s+and\s+website\b
  | skip\s+to\s+(?:main\s+)?content\b | please\s+enable\s+javascript\b | javascript\s+is\s+disabled\b
  | related\s+topics\s*$ | back\s+to\s+top\s*$
  | subscribe\s+to\s+the\b
  | get\s+(?:the\s+)?(?:latest|breaking)\s+(?:news|updates|headlines)\s+(?:on|via|in|from|delivered)\b
  | this\s+(?:article|story|piece)\s+(?:was|is)\s+(?:originally|first)\s+published\b
  | comments?\s*\(\d+\)\s*$ | (?:advertisement\s*)+$ | loading\s*(?:\.{3}|…)?\s*$
  | (?:image|photo|picture)s?\s*(?:credit\s*)?:\s*[\w.&' /,-]{1,40}$
  | (?:read|view|see)\s+our\s+(?:privacy|cookie)\s+(?:policy|notice)\b
  | have\s+your\s+say\b | posted\s+by\s+\S+\s+(?:at|on)\b
  | (?:tags|filed\s+under|topics)\s*:\s*\w | you\s+have\s+\d+\s+free\s+(?:articles?|stories)\b
  | already\s+(?:a\s+)?(?:subscriber|registered|have\s+an\s+account)\s*(?:\?|[,.]?\s*(?:log|sign)\s+in)
  | (?-i:[A-Z]{2,3}-[A-Z]{2,4})--[a-z0-9][\w-]*(?:,\s*(?:\d+(?:st|nd|rd|th)\s+)?(?:ld-|lead-)?[\w-]+)?\s*$
  | (?:(?:estimated\s+)?reading\s+time|read\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura|temps\s+de\s+lecture
      |lesezeit|leestijd|tempo\s+di\s+lettura|czas\s+czytania|время\s+чтения)
    \s*(?::|von|de|di)?\s*(?:about\s+|less\s+than\s+|menos\s+de\s+|environ\s+|ca\.\s*)?\d+(?:\s*-\s*\d+)?\s*
    (?:min(?:ute)?s?|minutos?|minuten|minuti|mn|мин\w*)\.?\s*$
  | \d+\s*(?:min(?:ute)?s?|minutos?|minuten|minuti)\.?\s+(?:read(?:\s+time)?|de\s+leitura|de\s+lectura|de\s+lecture
      |lesezeit|leestijd|di\s+lettura)\s*$
)"""
WHOLE_LINE = lazy_re(_BULLET + _PHRASES, re.IGNORECASE | re.VERBOSE)
_QUOTE_MARKS = frozenset('"“”„«»')


def is_reader_prompt(sentence: str) -> bool:
    """Whether a sentence of at most ``MAX_WORDS`` words opens with a prompt to the reader and
    quotes nobody (no quotation mark, no speech verb)."""
    match = WHOLE_LINE.match(sentence)
    return match is not None and match["prompt"] is not None and not more_words_than(sentence, MAX_WORDS) \
        and _QUOTE_MARKS.isdisjoint(sentence) and not reports_speech(sentence)


# Interface text glued to the end of a paragraph that is no prompt to the reader (a prompt closing
# a paragraph is NL302's sentence test, ``is_reader_prompt``): a rights notice, an advert's label.
TRAILING = lazy_re(r"(?<=[.!?\"”])\s+(?:all\s+rights\s+reserved|advertisement)\.?\s*$", re.IGNORECASE)




# A copyright notice that runs on past the interface phrase: "Copyright 2019 The Associated Press.
# All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
# Opening with a copyright mark or word and a year or a capitalised name, and saying all rights are
# reserved (in a few languages' words for it), it is legal furniture at any length up to
# LEGAL_MAX_WORDS words, where NL302's other phrases stop at max_words.
LEGAL_NOTICE = lazy_re(
    _BULLET + r"(?:copyright|[©ⓒⒸ]|\(c\))\s*(?:[©ⓒⒸ]\s*|\(c\)\s*)?(?:\d{4}|(?-i:[A-Z]))"
    r"[^\n]*?\b(?:all\s+rights\s+reserved|todos\s+los\s+derechos\s+reservados|tous\s+droits\s+r[ée]serv[ée]s"
    r"|alle\s+rechte\s+vorbehalten|todos\s+os\s+direitos\s+reservados|tutti\s+i\s+diritti\s+riservati"
    r"|все\s+права\s+защищены)",
    re.IGNORECASE)
LEGAL_MAX_WORDS = 60


# A gallery's or a page's counter alone on its line, at most one word before it ("Image 1 of 8",
# "1 / 8", "(Foto 3 de 12)"), in a few languages' words for "of".
COUNTER = lazy_re(_BULLET + r"(?:[^\W\d_]+\s*)?(\d{1,3})\s*(?:/|of|de|di|von|sur|из)\s*/?\s*(\d{1,3})\s*\)?\s*$",
                  re.IGNORECASE)


def is_counter(text: str) -> bool:
    """Whether a line is a gallery's or a page's counter: one of so many, the first number no
    greater than the second ("24/7" and a cricket score, "India 245/6", are no counters)."""
    counter = COUNTER.match(text)
    return counter is not None and 0 < int(counter[1]) <= int(counter[2])


def counter_totals(texts: Iterable[str]) -> set[int]:
    """The totals the counter lines among ``texts`` count through ("Image 2 of 8": 8). A
    gallery's or a page's counters share one; lines of fractions with several ("39/94", "5/20",
    "9/57": a table's cells flattened one a line) are data, not counters."""
    return {int(counter[2]) for text in texts if (counter := COUNTER.match(text)) is not None
            and is_counter(text)}


# Interface phrases are judged on lines of at most SHORT_WORDS words; a line that opens with a
# prompt to the reader (follow, subscribe, sign up, click here) and runs on up to MAX_WORDS
# ("Subscribe to the 9to5Toys YouTube Channel for all of the latest videos, reviews, and more!",
# "Follow Guardian Cities on Twitter, Facebook and Instagram to join the discussion, ...") is
# one too. A longer copyright line must reserve all rights (LEGAL_NOTICE).
SHORT_WORDS = 14
MAX_WORDS = 25
_COPYRIGHT_LED = lazy_re(_BULLET + r"(?:copyright|[©ⓒⒸ]|\(c\))", re.IGNORECASE)


def is_boilerplate_line(text: str, max_words: int = SHORT_WORDS) -> bool:
    """Whether a short line (at most ``max_words`` words) opens with an interface phrase and
    reports no speech, or is a counter; or a longer one (up to ``LEGAL_MAX_WORDS``) is a
    copyright notice that reserves all rights; or one of up to ``MAX_WORDS`` words opens with
    a prompt to the reader (any interface phrase but a copyright). Answers for paragraphs up to
    2,000 characters long are kept: the zoning and NL302 boilerplate-line ask about every
    paragraph of every article."""
    return _is_boilerplate_line(text, max_words)  # (the arguments always passed alike: one entry a line)


@short_text_cache(max_chars=2_000, maxsize=512)
def _is_boilerplate_line(text: str, max_words: int) -> bool:
    if more_words_than(text, max_words):
        if more_words_than(text, LEGAL_MAX_WORDS) or reports_speech(text):
            return False
        if LEGAL_NOTICE.match(text) is not None:
            return True
        return not more_words_than(text, max(max_words, MAX_WORDS)) and _COPYRIGHT_LED.match(text) is None \
            and WHOLE_LINE.match(text) is not None
    if COUNTER.match(text) is not None:
        return is_counter(text)
    return not reports_speech(text) and WHOLE_LINE.match(text) is not None
