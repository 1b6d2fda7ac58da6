"""Paywall notices: the line a site puts where it cut a story for non-subscribers.

Shared by NL503 truncated-article, which reports an article that ends with one (the story was
cut there), and NL302 boilerplate-line, which leaves such a last line to NL503 so that the one
defect makes one finding.
"""
from __future__ import annotations

import re

from newslint.document import more_words_than
from newslint.text.memo import short_text_cache
from newslint.text.patterns import lazy_re
from newslint.text.quotes import reports_speech

# The same notices in the other languages most news is scraped in (as NL301's link prefixes and
# NL302's prompts: a closed table of these concepts, written from the languages): the article is
# for subscribers only (the whole line: "Solo per gli abbonati il prezzo scende" is a sentence),
# to read on subscribe or log in (the request must follow), already a subscriber? log in, so much
# of the article is left to read.
_ALONE = r"(?:\s+\w+)?[\s.!:…]*$"  # at most one more word ("verfügbar", "disponible"), then the end
_ASKS = r"[\s,:.]*(?:{}|$)"  # what a reader is asked to do next, or nothing
_OTHER_LANGUAGES = (
    # German
    r"(?:dieser\s+(?:artikel|beitrag|inhalt)\s+ist\s+)?(?:nur|exklusiv)\s+f(?:ü|u)r\s+(?:abonnenten|abonnentinnen|abonnierende)" + _ALONE,
    r"(?:sie\s+sind\s+)?bereits\s+abonnent(?:in)?\s*\??\s*(?:jetzt\s+|hier\s+)?(?:einloggen|anmelden)\b",
    r"um\s+(?:diesen\s+(?:artikel|beitrag)\s+)?(?:weiter(?:zu)?lesen|zu\s+lesen)" +
    _ASKS.format(r"(?:m(?:ü|u)ssen|melden|loggen|registrieren|abonnieren|ben(?:ö|o)tigen)\b"),
    r"jetzt\s+(?:weiter)?lesen\s+mit\s+\w", r"weiterlesen\s+mit\s+(?:\w+\s+)?(?:abo|plus|\w+\+)",
    # French
    r"(?:cet\s+article\s+est\s+|article\s+|la\s+suite\s+est\s+)?r(?:é|e)serv(?:é|e)e?s?\s+aux\s+abonn(?:é|e)s" + _ALONE,
    r"d(?:é|e)j(?:à|a)\s+abonn(?:é|e)e?\s*\??\s*(?:se\s+connecter|connectez[\s-]+vous|identifiez[\s-]+vous)\b",
    r"pour\s+(?:lire|continuer\s+(?:à|a)\s+lire)\s+(?:la\s+suite|cet\s+article)" +
    _ASKS.format(r"(?:abonnez|connectez|identifiez|inscrivez|cr(?:é|e)ez)\b"),
    r"il\s+vous\s+reste\s+\d+\s*%\s+de\s+cet\s+article\s+(?:à|a)\s+lire\b",
    # Spanish
    r"(?:este\s+)?(?:contenido|art(?:í|i)culo)\s+(?:es\s+)?exclusivo\s+para\s+(?:suscriptores|socios|abonados)" + _ALONE,
    r"(?:¿\s*)?ya\s+eres\s+(?:suscriptor|socio|abonado)\w*\s*\??\s*(?:inicia\s+sesi(?:ó|o)n|identif(?:í|i)cate|accede|entra)\b",
    r"para\s+(?:seguir|continuar)\s+leyendo" +
    _ASKS.format(r"(?:suscr(?:í|i)bete|hazte|inicia|reg(?:í|i)strate|identif(?:í|i)cate|accede|debes|necesitas)\b"),
    r"s(?:ó|o)lo\s+para\s+(?:suscriptores|abonados)" + _ALONE,
    # Portuguese
    r"(?:conte(?:ú|u)do|mat(?:é|e)ria|reportagem)\s+exclusiv[oa]\s+para\s+assinantes" + _ALONE,
    r"j(?:á|a)\s+(?:é|e)\s+assinante\s*\??\s*(?:fa(?:ç|c)a\s+(?:o\s+)?(?:seu\s+)?login|entre|acesse)\b",
    r"para\s+continuar\s+lendo" + _ASKS.format(r"(?:assine|fa(?:ç|c)a|cadastre|entre|acesse)\b"),
    r"s(?:ó|o)\s+para\s+assinantes" + _ALONE,
    # Italian
    r"(?:contenuto|articolo)\s+riservato\s+agli\s+abbonati" + _ALONE, r"sei\s+gi(?:à|a)\s+abbonato\s*\??\s*accedi\b",
    r"per\s+continuare\s+a\s+leggere" + _ASKS.format(r"(?:abbonati|accedi|registrati|iscriviti)\b"),
    r"solo\s+per\s+(?:gli\s+)?abbonati" + _ALONE,
    # Dutch
    r"(?:dit\s+artikel\s+is\s+)?(?:alleen|exclusief)\s+(?:beschikbaar\s+)?voor\s+abonnees" + _ALONE,
    r"al\s+abonnee\s*\??\s*(?:log\s+(?:hier\s+)?in|inloggen)\b", r"lees\s+verder\s+met\s+(?:een\s+)?(?:abonnement|\w+\s+premium)\b",
    # Romanian, Polish, Czech
    r"(?:con(?:ț|t|ţ)inut|articol)\s+(?:disponibil\s+)?(?:exclusiv\s+)?(?:pentru|doar\s+pentru)\s+abona(?:ț|t|ţ)i" + _ALONE,
    r"(?:artyku(?:ł|l)\s+)?(?:dost(?:ę|e)pny\s+)?tylko\s+dla\s+(?:prenumerator(?:ó|o)w|subskrybent(?:ó|o)w)" + _ALONE,
    r"masz\s+ju(?:ż|z)\s+(?:prenumerat(?:ę|e)|subskrypcj(?:ę|e)|konto)\s*\??\s*zaloguj\b",
    r"(?:tento\s+)?(?:(?:č|c)l(?:á|a)nek|obsah)\s+je\s+(?:dostupn(?:ý|y)\s+)?(?:pouze|jen)\s+pro\s+p(?:ř|r)edplatitele" + _ALONE,
    # Russian
    r"(?:материал|статья|текст)\s+доступ(?:ен|на)\s+только\s+(?:для\s+)?подписчик(?:ам|ов)" + _ALONE,
    r"(?:уже\s+)?(?:есть\s+подписка|подписаны)\s*\??\s*войдите",
    r"чтобы\s+(?:продолжить\s+чтение|читать\s+дальше)" + _ASKS.format(r"(?:оформите|войдите|подпишитесь|зарегистрируйтесь)"),
)
# Matched from the line's first letter or digit (``is_paywall_notice``), not after a leading
# run of punctuation in the pattern: a line of thousands of quotation marks made every
# alternative be tried after each of them.
PAYWALL = lazy_re(
    r"""(?:
        to\s+(?:continue|keep)\s+reading(?:\s+(?:this|the)\s+(?:article|story))?[\s,:.]*(?:please\s+)?
        (?:subscribe|sign|log|register|become|create|you\s+(?:must|need|will\s+need)|$)
      | (?:continue|keep)\s+reading\s+(?:with|for|by)\s+(?:subscribing|signing|logging|registering|a\s+subscription)
      | this\s+(?:content|article|story|page)\s+is\s+(?:only\s+)?(?:available\s+)?(?:exclusively\s+)?(?:for|to)\s+
        (?:our\s+)?(?:paid\s+)?(?:subscribers|members|premium)
      | (?:subscribe|register|sign\s+up)\s+(?:now\s+)?to\s+(?:continue|read|unlock|keep\s+reading|access)\b
      | (?:sign|log)\s+in\s+to\s+(?:continue|read|keep\s+reading)\b
      | you\s+have\s+(?:\d+|one|two|three|no)\s+free\s+(?:articles?|stories|reads)\b
      | already\s+(?:a\s+)?(?:subscriber|member)\s*(?:\?|[,.]?\s*(?:log|sign)\s+in)
      | subscribers?\s+only\b
      | """ + "|".join(f"(?:{phrase})" for phrase in _OTHER_LANGUAGES) + r"""
    )""",
    re.IGNORECASE | re.VERBOSE,
)


_FIRST_WORD = lazy_re(r"\w")


def is_paywall_notice(text: str, max_words: int = 25) -> bool:
    """Whether ``text`` (a short line) is a paywall notice. Answers for lines up to 2,000
    characters long are kept: the zoning, NL302 and NL503 ask about the same paragraphs."""
    return _is_paywall_notice(text, max_words)  # (the arguments always passed alike: one entry a line)


@short_text_cache(max_chars=2_000, maxsize=512)
def _is_paywall_notice(text: str, max_words: int) -> bool:
    if more_words_than(text, max_words):
        return False
    first = _FIRST_WORD.search(text)
    return (first is not None and PAYWALL.match(text, first.start()) is not None
            and not reports_speech(text))  # "To continue reading the report, he said, ..."
