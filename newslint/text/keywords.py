"""Key terms of a text: words weighted by how rare they are in the text's language, lightly stemmed.

Word rarity comes from the `wordfreq` library (Zipf scale: 7 for "the", about 3 for a word met
once in a million, 0 for unknown words and most names), in any of its 40-odd languages: French
"les" and "que" are as common as English "the" and "that", and weighed by English frequencies
they would look like rare, telling words. English figures come from a table built from wordfreq
and shipped in the package (`zipf_table`); wordfreq itself is imported on first use only.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from newslint.text import zipf_table
from newslint.text.marks import WORD_PIECE
from newslint.text.patterns import lazy_re

WORD = lazy_re(rf"{WORD_PIECE}(?:['’]{WORD_PIECE})*")
# The same words in ASCII text, where letters and digits are [A-Za-z0-9]: a third faster.
ASCII_WORD = lazy_re(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
STEM_LENGTH = 6  # "sanctuary"/"sanctuaries" and "politics"/"political" meet at six letters
COMMON_ZIPF = 6.0  # words at least this common ("the", "said", "new") carry no topic
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
ENGLISH = "en"
# Languages that elide an article or pronoun onto the next word ("l'ancienneté", "dell'anno"):
# the word is what follows the apostrophe.
_ELISION = {
    "fr": lazy_re(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=\w)", re.IGNORECASE),
    "it": lazy_re(r"\b(?:[ldcmtsv]|un|dell|all|dall|nell|sull|quell|quest|bell)['’](?=\w)", re.IGNORECASE),
    "ca": lazy_re(r"\b(?:[ldmnst])['’](?=\w)", re.IGNORECASE),
}


# wordfreq needs a word segmenter (jieba, MeCab) installed to look words of these up.
_SEGMENTED = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = ENGLISH) -> float:
    """How common ``word`` is in ``language`` (wordfreq's Zipf scale, small word list; see
    weighing_language for the languages read as English)."""
    weighing = weighing_language(language)
    if weighing == ENGLISH:
        return english_zipf(word, "small")
    from wordfreq import zipf_frequency

    return zipf_frequency(word, weighing, wordlist="small")


def english_zipf(word: str, wordlist: str = "best") -> float:
    """wordfreq's Zipf frequency of ``word`` in English: from the table shipped in the package
    for plain lower-case words (zipf_table: the same figures, without loading wordfreq, which
    cost a one-article run about 0.2 CPU-seconds), from wordfreq itself for any other word."""
    found = zipf_table.lookup(word, wordlist)
    if found is not None:
        return found
    import wordfreq  # heavy: loaded only when a word is not in the table

    return wordfreq.zipf_frequency(word, "en", wordlist=wordlist)


@lru_cache(maxsize=64)
def weighing_language(language: str) -> str:
    """``language`` when wordfreq has its word frequencies (and needs no word segmenter to
    read them), English otherwise."""
    if language == ENGLISH:
        return ENGLISH
    from wordfreq import available_languages

    known = available_languages(wordlist="small")
    return language if language in known and language not in _SEGMENTED else ENGLISH


def load_word_list() -> None:
    """Load the word-frequency list now rather than on first use."""
    zipf("the")


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Lower-case, unify apostrophes, drop a possessive "'s"."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: plural and verb endings off, then the first STEM_LENGTH letters."""
    word = normalise(word)
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]  # "sneeze" and "sneezing", "police" and "policing"
    return word[:STEM_LENGTH]


# Snowball's stemmers by ISO 639-1 code: words of these languages inflect more than English's
# light stem undoes ("погода"/"погоде", "amarelo"/"amarela"), so another language's words are
# stemmed by its own algorithm.
_SNOWBALL = {"ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
             "da": "danish", "nl": "dutch", "eo": "esperanto", "et": "estonian", "fi": "finnish",
             "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
             "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
             "no": "norwegian", "nb": "norwegian", "fa": "persian", "pl": "polish", "pt": "portuguese",
             "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish",
             "ta": "tamil", "tr": "turkish", "yi": "yiddish"}


@lru_cache(maxsize=64)
def _snowball(language: str) -> Callable[[str], str] | None:
    """The stemming function of ``language``'s Snowball algorithm, or None (imported on first
    need: an English run never loads it)."""
    algorithm = _SNOWBALL.get(language)
    if algorithm is None:
        return None
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm).stemWord


@lru_cache(maxsize=65536)
def stem_in(word: str, language: str) -> str:
    """``stem`` for English (and languages Snowball has no algorithm for); for another language
    its Snowball stem, cut to STEM_LENGTH letters as well."""
    stemmer = None if language == ENGLISH else _snowball(language)
    return stem(word) if stemmer is None else stemmer(normalise(word))[:STEM_LENGTH]


def rarity(word: str, language: str = ENGLISH) -> float:
    """A weight for a content word: rarer words say more about the topic."""
    return _rarity_of(zipf(normalise(word), language))


def _rarity_of(figure: float) -> float:
    return max(0.5, 7.0 - figure)


@lru_cache(maxsize=65536)
def table_weight(word: str) -> float | None:
    """``rarity`` of an English content word (None for any other word), from the table shipped
    in the package alone, never wordfreq, which a rule weighing every word of every body would
    otherwise load for its amounts ("284m") and accented names (0.05 to 0.2 CPU-seconds of a
    one-file run): numbers and amounts are no content words, a word not in plain ASCII ("José")
    is looked up without its accents, and one the table cannot place counts as rare."""
    plain = normalise(word)
    if len(plain) <= 2 or any(c.isdigit() for c in plain):
        return None
    figure = zipf_table.lookup(plain, "small")
    if figure is None:
        import unicodedata

        folded = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
        figure = zipf_table.lookup(folded, "small") if folded else None
    figure = 0.0 if figure is None else figure
    return _rarity_of(figure) if figure < COMMON_ZIPF else None


def is_content_word(word: str, language: str = ENGLISH) -> bool:
    """Words that can carry a topic: not numbers, not very common words, not one or two letters."""
    plain = normalise(word)
    return len(plain) > 2 and not plain.isdigit() and zipf(plain, language) < COMMON_ZIPF


def mostly_unspaced(text: str) -> bool:
    """Whether most letters of ``text`` are Thai, Lao, Burmese, Khmer, Tibetan, Chinese or
    Japanese: scripts that put no spaces between words, so that their runs of letters are
    phrases (or, where vowel signs break them, fragments), not words to compare."""
    if text.isascii():
        return False  # (the usual case) no letter of those scripts
    import regex

    letters = regex.findall(r"\p{L}", text)
    unspaced = regex.findall(r"[\p{Thai}\p{Lao}\p{Myanmar}\p{Khmer}\p{Tibetan}\p{Han}\p{Hiragana}"
                             r"\p{Katakana}]", "".join(letters))
    return bool(letters) and len(unspaced) * 2 > len(letters)


def split_elisions(text: str, language: str = ENGLISH) -> str:
    """``text`` with an elided article or pronoun set apart, in a language that elides
    ("L'ancienneté": "L ancienneté"); as it is in any other."""
    elision = _ELISION.get(language)
    return elision.sub(lambda m: m[0][:-1] + " ", text) if elision else text


def words(text: str, language: str = ENGLISH) -> list[str]:
    """The word tokens of ``text``; in a language that elides ("l'ancienneté"), the elided
    article or pronoun is a word of its own."""
    text = split_elisions(text, language)
    return (ASCII_WORD if text.isascii() else WORD).findall(text)


def key_terms(texts: Iterable[str], count: int = 3, language: str = ENGLISH) -> list[str]:
    """The ``count`` terms that best say what the texts are about (frequency x rarity), each
    shown in its most frequent lower-case form."""
    scores: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in words(text, language):
            term = _term(word, language)
            if term is not None:
                key, weight, form = term
                scores[key] += weight
                forms.setdefault(key, Counter())[form] += 1
    return [forms[key].most_common(1)[0][0] for key, _ in scores.most_common(count)]


@lru_cache(maxsize=65536)
def _term(word: str, language: str) -> tuple[str, float, str] | None:
    """A content word's stem, rarity and normal form (None for any other word), for key_terms:
    an article repeats its words, and each was looked up four times."""
    if not is_content_word(word, language):
        return None
    return stem(word), rarity(word, language), normalise(word)
