"""Other stories' titles and prompts set among a story's lines, told by their shape.

Two kinds the line model misses, because each line on its own reads like a headline or a
crosshead, and a headline is what the model knows best as story:

- **A closing list of titles**: the titles of other stories a page lists under the article
  ("15 Amazing Images of Stars", "11 Fascinating Facts About Our Milky Way Galaxy"), flattened
  into lines of their own at the end of the text, directly after the story's last prose
  paragraph. Each is headline-shaped (a few capitalised words, no closing full stop) and the
  lines differ in shape from one another, where the story's own closing table or list (tour
  dates, scores, candidates, a film's credits, bills by number, a numbered ranking) repeats a
  pattern of separators, numbers or opening words. Many publishers write their headlines as
  sentences without the full stop ("BASL calls for independent probe into surge in killings
  by police"); such lines read one by one like a story's crossheads or a list's items, so a
  closing run of them takes four lines, not three (added on 2026-12-05, seventeenth session,
  after a Sri Lankan source's lists of other stories: 13 lines there, 4 on `fnc-train/`, no
  other change on the sources or `../shared/corpus`; at three lines, 8 false alarms more on
  three sources).
- **A line in capitals set in the story**: some publishers put a promo for another story or an
  app prompt between a story's paragraphs in capitals ("TAYLOR SWIFT'S FORMER LABEL BOSS BLASTS
  HER ...", "GET FOX BUSINESS ON THE GO BY CLICKING HERE"). A crosshead is set so too; it is
  shorter, and the paragraph under it takes up its words; a question in capitals is a Q&A's or
  an explainer's heading, and a sentence in capitals (closed by its stop) a slogan or a call of
  the story's own; and a text with one long line in capitals is as often a story with
  one long crosshead, so it takes two.

Both work on the paragraphs' texts and their line features (``line_features``), so zoning can
call them before it places the story.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from newslint.text import line_features
from newslint.text.boilerplate import MAX_WORDS, is_boilerplate_line
from newslint.text.patterns import lazy_regex

CLOSING_TITLES = 3  # lines of a closing list of titles (the story's own or furniture ones among them)
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 14
TITLE_CAPITALISED = 0.8  # of the words of four letters or more
# Titles written as sentences read like a story's crossheads or a list's items one by one: a
# closing run of them takes more lines than one in headline case.
SENTENCE_CASE_TITLES = 4
SENTENCE_CASE_MAX_WORDS = 20
# A table's or list's separators: a spaced dash, bar or at sign, a score or a time ("2:2",
# "06.48", "2-0": a results box's rows), a trailing comma (a sentence broken over lines); and a
# semicolon, tested apart (``_title_tokens``: a title written as a sentence may hold one).
_TABLE_SEPARATOR = lazy_regex(r"\s[-–—|@]\s|[@|]|\d[:.]\d|\d\s?[-–]\s?\d|,\s*$")
_WORD = lazy_regex(r"\p{L}[\p{L}\p{N}'’.-]*|\p{N}+")

SHOUTED_MIN_WORDS = 8  # a crosshead in capitals is shorter
SHOUTED_MIN_LINES = 2  # a text with one such line is as often a story with one long crosshead
SHOUTED_UPPER = 0.9  # of the letters that have a case
SHOUTED_CASED = 0.8  # of the letters: a line of kana or han with a Latin name in capitals is not shouted
SHOUTED_MIN_CASED = 12
SHOUTED_PROSE = 3  # paragraphs of prose in mixed case the text needs to be read so
SHOUTED_NEXT_SHARE = 0.25  # of its longer words the next paragraph may take up; a heading's take up more
_LONG_WORD = lazy_regex(r"\p{L}[\p{L}'’-]{3,}")
_TIME_OR_NUMBER_LED = lazy_regex(r"^\W*\d")


def closing_titles(paragraphs: Sequence[str], rows: Sequence[dict[str, float]],
                   is_story: Callable[[int], bool], is_furniture: Callable[[int], bool]) -> list[int]:
    """The story paragraphs of a closing list of titles (above): after the last paragraph that
    is not furniture already or a boilerplate line, a run of at least ``CLOSING_TITLES``
    headline-shaped lines and furniture, directly after a prose paragraph that does not
    introduce it (no closing colon); no line numbered, no two opening on the same word, and no
    small word in every one of them."""
    k = len(paragraphs) - 1
    while k >= 0 and (not is_story(k) or is_boilerplate_line(paragraphs[k], MAX_WORDS)):
        k -= 1
    run, sentence_case = [], False
    while k >= 0 and not rows[k]["prose"]:
        if not (is_furniture(k) or _title_shaped(paragraphs[k], rows[k])):
            if not _sentence_case_title(paragraphs[k], rows[k]):
                break
            sentence_case = True
        run.append(k)
        k -= 1
    if len(run) < CLOSING_TITLES or k < 0 or not rows[k]["prose"] or paragraphs[k].rstrip().endswith(":"):
        return []
    titles = [i for i in run if is_story(i)]
    if sentence_case and (len(titles) < SENTENCE_CASE_TITLES or _reads_as_own_list([paragraphs[i] for i in titles])):
        return []
    if any(_numbered(paragraphs[i]) for i in titles):
        return []  # "1. Petroleum Engineering", "2. ...": the story's own ranking
    openings = [_WORD.findall(_unmarked(paragraphs[i]))[0].lower() for i in titles]
    if len(titles) < 2 or len(set(openings)) < len(openings):
        return []  # a table's rows open alike ("4E Global's ...", "June 9 ...")
    if set.intersection(*(_lowercase_words(paragraphs[i]) for i in titles)):
        return []  # nor do they share a small word: "Bolton v Arsenal or Sheffield United" is a draw's fixture
    return sorted(titles)


def _unmarked(text: str) -> str:
    """The line without its list mark ("- ", "• ", "3. ")."""
    return line_features.LIST_MARK.sub("", text, count=1)


def _numbered(text: str) -> bool:
    mark = line_features.LIST_MARK.match(text)
    return mark is not None and mark[1][0].isdigit()


def _lowercase_words(text: str) -> set[str]:
    return {t for t in _WORD.findall(text) if t[0].islower()}


def _reads_as_own_list(lines: Sequence[str]) -> bool:
    """Whether lines written as sentences are rather the story's own list: marked as a list's
    items ("- Internetzugang und moderner Webbrowser"), or half of them a label and its value
    ("Länge: 2,44 Meter", "Xinhua: Backgrounder ...": a table, a list of sources)."""
    labelled = sum(1 for line in lines if _LABEL_LED.match(line))
    return any(line_features.LIST_MARK.match(line) for line in lines) or 2 * labelled >= len(lines)


_LABEL_LED = lazy_regex(r"^\W*[\w’'.-]+(?:\s+[\w’'.-]+)?\s*:\s")


def _sentence_case_title(text: str, row: dict[str, float]) -> bool:
    """A headline written as a sentence without its full stop ("BASL calls for independent
    probe into surge in killings by police"), as many publishers write theirs: a headline's
    shape (``_title_tokens``; a semicolon allowed, "... stalls CSE; negative ..."), not
    closed by a colon, not in capitals."""
    tokens = _title_tokens(text, row, SENTENCE_CASE_MAX_WORDS, semicolon=True)
    if tokens is None or text.rstrip().endswith((":", "：")):
        return False
    # Acronyms are common in such titles ("CSE partners with SLIM ..."); a line mostly in
    # capitals is shouted, shouted_promos' case.
    return 3 * sum(1 for t in tokens if len(t) >= 3 and t.isupper()) <= len(tokens)


def _title_shaped(text: str, row: dict[str, float]) -> bool:
    """A headline's shape (``_title_tokens``), most of the longer words capitalised, not in
    capitals (two words or more in capitals are a credit's roles or a table's heads)."""
    tokens = _title_tokens(text, row, TITLE_MAX_WORDS)
    if tokens is None:
        return False
    longer = [t for t in tokens if len(t) > 3 and t[0].isalpha()]
    if len(longer) < 2 or sum(t[0].isupper() for t in longer) < TITLE_CAPITALISED * len(longer):
        return False
    return sum(1 for t in tokens if len(t) >= 3 and t.isupper()) < 2


def in_headline_case(text: str) -> bool:
    """Whether a line is in headline case: at least three words of four letters or more,
    ``TITLE_CAPITALISED`` of them opening on a capital, not all in capitals. A story's sentence
    capitalises its names only ("A Grain Of Saul: Stopping Sexual Assault Is Not A Partisan
    Issue Or A Women's Issue. It's Up To All Of Us." is a title)."""
    longer = _LONG_WORD.findall(text)
    if len(longer) < 3 or all(word.isupper() for word in longer):
        return False
    return sum(word[0].isupper() for word in longer) >= TITLE_CAPITALISED * len(longer)


def _title_tokens(text: str, row: dict[str, float], max_words: int, semicolon: bool = False) -> list[str] | None:
    """The words of a line shaped as a headline, or None: a few words (``TITLE_MIN_WORDS`` to
    ``max_words``), opening on a capital or a number, no closing full stop and no table
    separator (a semicolon counts as one unless ``semicolon``)."""
    body = _unmarked(text)
    if not TITLE_MIN_WORDS <= line_features.word_count(row) <= max_words or line_features.ends_sentence(body):
        return None
    if (";" in body and not semicolon) or _TABLE_SEPARATOR.search(body):
        return None
    tokens = _WORD.findall(body)
    return tokens if tokens and (tokens[0][0].isupper() or tokens[0][0].isdigit()) else None


def shouted_promos(paragraphs: Sequence[str], rows: Sequence[dict[str, float]],
                   is_story: Callable[[int], bool]) -> list[int]:
    """The story paragraphs below the first that are lines in capitals set in a story in mixed
    case (above): at least ``SHOUTED_MIN_LINES`` such lines and none of them shorter than
    ``SHOUTED_MIN_WORDS`` words (a text with crossheads); each not a sentence (a slogan or a
    call the story makes ends with its stop, where a promo is set as a headline), not a question,
    not led by a number or a time ("06.48 Reuters - ..." is a live blog's entry), and the next
    paragraph taking up at most ``SHOUTED_NEXT_SHARE`` of its longer words."""
    shouted = [i for i in range(1, len(paragraphs)) if not rows[i]["prose"] and _in_capitals(paragraphs[i])]
    if len(shouted) < SHOUTED_MIN_LINES or any(line_features.word_count(rows[i]) < SHOUTED_MIN_WORDS for i in shouted):
        return []
    if sum(1 for i, row in enumerate(rows) if row["prose"] and not _in_capitals(paragraphs[i])) < SHOUTED_PROSE:
        return []
    return [i for i in shouted if is_story(i) and not _heading(paragraphs, i)
            and not line_features.ends_sentence(paragraphs[i])]


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    cased = [c for c in letters if c.isupper() or c.islower()]
    return len(cased) >= SHOUTED_MIN_CASED and len(cased) >= SHOUTED_CASED * len(letters) \
        and sum(c.isupper() for c in cased) >= SHOUTED_UPPER * len(cased)


def _heading(paragraphs: Sequence[str], index: int) -> bool:
    """Whether a line in capitals heads what follows: a question, a number or time first, or
    its words taken up by the next paragraph."""
    text = paragraphs[index].strip()
    if text.endswith(("?", "？")) or _TIME_OR_NUMBER_LED.match(text):
        return True
    words = {w.lower() for w in _LONG_WORD.findall(text)}
    if not words or index + 1 >= len(paragraphs):
        return False
    taken = words & {w.lower() for w in _LONG_WORD.findall(paragraphs[index + 1])}
    return len(taken) > SHOUTED_NEXT_SHARE * len(words)
