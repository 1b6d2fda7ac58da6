"""NL307 site-template-line: a line a site puts into many of its articles (site template, not story).

## What it does
Compares the articles of each site with each other and reports the short lines that recur in
many of them: a subscribe line, a poll, a sign-off, a byline under or over every article, and
lines that open with the same words before a different title each time ("Read more: <another
headline>"). It uses no list of phrases, so it finds furniture in any wording and language.

**Sites.** Articles are grouped by site: for a JSON Lines record, its `domain` field, else the
host of its `url` field (lower-cased, without a port or a leading `www.`: `news.example.com`
and `example.com` are two sites); for a text file, its folder (lay a corpus out with a folder
per site); for a record with neither field, its file's folder. On Dask, record dicts are read
the same way.

**Recurring.** A line recurs when it appears (compared without case, spacing or digits) in at
least `min-articles` articles of its site and in at least `min-share` of them, or in
`enough-articles` of them whatever their share: a large site's template line, or one site's
line in a folder that mixes many sites ("Story Continued Below" under 38 of 400 articles of 74
publishers), is template however many other articles the folder holds. A line's
opening (one to five words before a `:`, `|`, `»`, `›`, `•`, `>` or a spaced dash) counts the
same way when the rest is a title, not a sentence (no closing full stop), and the opening is
on at most three lines of the article (more is a Q&A's "Q:" or a transcript's speaker labels).

**Judged lines.** At most `max-words` words, not reporting speech (no quotation mark, "said",
"says", "told", "according to"; for an opening, its words only), and, unless among the last
`end-lines` of the body, not ending like a sentence (a full stop after five words or more).
Each article keeps a compact signature: its site, 64-bit hashes of at most 8 such lines (the
nearest its ends) and of their openings, and 32-bit hashes of up to 24 of its other lines:
340 to 400 bytes an article with where each judged line is (measured on 100,000). A template
line deep inside a long article of many short lines, beyond those 8, is missed.

## Why is this bad?
Template lines are not the story: a model trained on them learns to end every article with
"Sign up for our newsletter", and they make one site's articles look alike to deduplication.

Exceptions made on purpose (they tell template lines from agency copy and stock text):
- A line without a letter or digit ("(...)" where a paper marks an elision, "***" between
  sections) is punctuation, not a template's text, and is never judged.
- A syndicated story recurs with the rest of its story: the same agency copy on many sites
  (each publishing it once: nothing recurs within a site), or updated write-thrus of a story
  on one site. A recurring line is reported only when the articles carrying it differ
  otherwise: in the median carrying article, at most `max-shared` of its other lines may be
  lines that half the carrying articles have too. Whole copies are NL403's business.
- A line that also sits inside the story of other articles of the site (in a quarter as many
  as carry it as a judged line) is story text: a stock background sentence, not a template.
- Sentences inside the story, long lines and lines reporting speech are never judged, nor is
  the headline (a site's " | Site name" suffix there is a headline problem).
- What is left is statistical: a story sentence that closes many of a site's different stories
  and appears nowhere else ("Anyone with information should call police.") is reported like a
  sign-off, and so are bylines on their own line ("By Staff Reporter") and a fixed label such as
  "Last updated: ..." that recur. That is why the fix is **unsafe**: it deletes the line, and
  `--fix` applies it only with `--unsafe-fixes`.
- Lines that NL301 or NL302 also report ("Read more: ...", "Share this article") are reported
  by both; `--fix` deletes them once.

Measured with `benchmarks/site_templates.py` (real BBC stories, made-up sites and template
lines; see the README's Quality section): precision 1.000 and recall 0.98 on template lines
of 25 sites; no finding on 886 articles with agency stories syndicated across sites and
republished as write-thrus (23 without the `max-shared` test), none on the clean articles as
3 section-sites and 66 sites of 20, none on the 1,313 clean articles as one folder.

## Example
In a folder `ashford-echo/` of 40 articles, 30 end with:
```
Sign up to the Ashford Echo newsletter for the day's top stories.
```

## Use instead
The same articles without the line: `newslint check --fix --unsafe-fixes ashford-echo/`.

## Options
- `min-articles` (int, default 5): a line must recur in at least this many articles of a site.
- `min-share` (float, default 0.1): ... and in at least this share of the site's articles.
- `enough-articles` (int, default 20): a line in at least this many articles of a site recurs
  whatever its share (0: only `min-share` counts). Added on 2026-12-04: on the twenty-two
  clean sources, whose folders mix publishers or hold one large site, NL307 found 730 more
  lines (927 in all), every one of them furniture once read: 307 already labelled as furniture
  (223 for NL302 alone, now for any rule), 423 labelled when found, by their kind (advertisement slots, reprint and
  copyright notices, newsletter and follow prompts, "Read also" lines in Romanian, photo
  credits in Russian and Romanian, "© AFP", related-links headers in Japanese, publication
  dates in a fixed form); on `fnc-train/` 79 ("Scroll down for video", "MORE: ..."), and
  nothing more on `pages/`, the BBC folders or the seeds. The price: a story sentence that
  closes 20 different stories of a site (and stands inside none) is reported, where before it
  had to close a tenth of them. Held out on the line model's 9,314 labelled files (a folder
  per benchmark, so many sites each): the lines it adds are 886 furniture, 230 left open by
  the labels and 26 story, all of those furniture that those pages' ground truth kept
  ("Comments may be no longer than 2000 characters ...", "Read our privacy guidelines.",
  "Special to MSN Movies").
- `max-words` (int, default 20): longer lines are never judged.
- `end-lines` (int, default 3): how many lines at the end of the body are judged even when
  they end like a sentence (sign-offs often do).
- `max-shared` (float, default 0.5): the most of the median carrying article's other lines
  that may be common to the carrying articles (above it, they are copies of one story).
"""
from __future__ import annotations

import struct
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from math import ceil

from newslint.document import Document
from newslint.rule import CorpusFinding, FixSafety, Options, Rule, Scope, Signature
from newslint.text.patterns import lazy_re
from newslint.text.quotes import reports_speech

MAX_LINES = 8       # candidate lines kept an article: the ones nearest its ends
SAMPLE = 24         # other lines kept an article (the smallest hashes: an unbiased sample)
PREFIX_WORDS = 5    # an opening is one to five words before its separator
_HAS_WORD = lazy_re(r"[^\W_]")  # a letter or digit, in any script
PREFIX_REPEATS = 3  # an opening on more lines of one article is structure (Q&A), not template
COMMON = 0.5        # a line carried by this share of the carrying articles is common to them
FLOATING = 0.25     # a line inside the story of this many other articles (per carrier) is story
LOW = 0xFFFFFFFF    # the sample keeps the low 32 bits of each line's hash

_SEPARATOR = lazy_re(r"(?:[:|»›•]|>{1,2}|\s[-–—]{1,2})(?=\s)")
OPENING_CHARS = 80  # an opening of five words is found within a line's first characters
_SPACE = lazy_re(r"\s+")
_DIGITS = lazy_re(r"\d+")
_EDGES = " \t-–—•·►▶»›|*_>"
_HEAD = struct.Struct("<HBB")  # site name length, sample size, candidate count


def _normal(text: str) -> str:
    """A line compared without case, spacing, digits or leading bullets."""
    return _SPACE.sub(" ", _DIGITS.sub("0", text.casefold())).strip(_EDGES)


def _hash(*parts: str) -> int:
    """A 64-bit hash that is the same in every process (unlike ``hash()``)."""
    import hashlib  # imported here: the rule is off by default and a one-article run pays for it

    digest = hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "little")


def _is_sentence(text: str) -> bool:
    """Whether a line ends with a full stop (before any closing quotation marks or brackets)."""
    return text.rstrip().rstrip("'\"’”)]").endswith(".")


def _opening(text: str) -> str | None:
    """The normalised opening words of a line that puts a title after them, or None."""
    text = text.lstrip(_EDGES)  # a bullet before the opening words is not one of them
    match = _SEPARATOR.search(text, 0, OPENING_CHARS)
    if match is None:
        return None
    head, rest = text[:match.start()].rstrip(), text[match.end():]
    if not 1 <= len(head.split()) <= PREFIX_WORDS or not rest.split() or _is_sentence(rest):
        return None
    return _normal(head) + " " + match.group().strip()


def _candidates(doc: Document, openings: Sequence[str | None], options: Options) -> list[int]:
    """Indices of the body lines that may be template: short, not a report of what someone
    said, and not a sentence unless among the last ``end-lines``; at most MAX_LINES, the ones
    nearest an end first."""
    paragraphs = doc.paragraphs
    last = len(paragraphs) - 1
    found = []
    for index, span in enumerate(paragraphs):
        text = span.text(doc)
        if len(text) > 40 * options["max-words"] or len(words := text.split()) > options["max-words"]:
            continue
        if not _HAS_WORD.search(text):
            continue  # "(...)", "***", "—": an elision mark or a separator, no template text
        # A promo's title may well report speech ("Read more: Minister says ..."); its opening not.
        if reports_speech(text if openings[index] is None else openings[index]):  # type: ignore[arg-type]
            continue
        if index < last - options["end-lines"] + 1 and len(words) >= 5 and _is_sentence(text):
            continue  # a sentence in the story: story text, even when it recurs
        found.append(index)
    found.sort(key=lambda i: (min(i, last - i), i))
    return found[:MAX_LINES]


def collect(doc: Document, options: Options) -> Signature:
    """The site; hashes of the candidate lines and of their openings; a sample of the rest."""
    texts = [span.text(doc) for span in doc.paragraphs]
    # Long lines are never judged, only compared with each other: as they stand will do.
    hashes = [_hash(_normal(t) if len(t) < 400 else t) for t in texts]
    openings = [_opening(text) for text in texts]
    chosen = _candidates(doc, openings, options)
    repeats = Counter(o for o in openings if o)
    lines = array("Q")
    for index in chosen:
        opening = openings[index]
        usable = opening is not None and repeats[opening] <= PREFIX_REPEATS
        lines.extend((hashes[index], _hash("opening", opening) if usable else 0))  # type: ignore[arg-type]
    others = {h & LOW for i, h in enumerate(hashes) if i not in chosen}
    if not others:  # an article of short lines only: they are its content
        others = {hashes[i] & LOW for i in chosen}
    sample = array("I", sorted(others)[:SAMPLE])
    site = doc.site.encode("utf-8", "surrogatepass")[:1000]
    value = _HEAD.pack(len(site), len(sample), len(chosen)) + site + sample.tobytes() + lines.tobytes()
    return Signature(value, lines=tuple(doc.paragraphs[i].start for i in chosen))


def _site(value: bytes) -> str:
    return value[_HEAD.size:_HEAD.size + _HEAD.unpack_from(value)[0]].decode("utf-8", "surrogatepass")


def _sample(value: bytes) -> set[int]:
    size, samples, _ = _HEAD.unpack_from(value)
    at = _HEAD.size + size
    return set(array("I", value[at:at + 4 * samples]))


def _lines(value: bytes) -> array:
    """Per candidate line: its hash, then its opening's hash (0: none)."""
    size, samples, count = _HEAD.unpack_from(value)
    at = _HEAD.size + size + 4 * samples
    return array("Q", value[at:at + 16 * count])


def _recurring(signatures: Sequence[bytes], salts: Sequence[int], options: Options) -> dict[int, list[int]]:
    """The salted hashes (a line's or an opening's, XOR its site's salt) that may be in
    ``min-articles`` articles or more, each with the articles carrying it (exactly)."""
    total = sum(len(_lines(value)) for value in signatures)
    bits = max(10, (4 * total).bit_length())
    # A saturating count a slot weeds out the lines seen only once or twice, so the exact
    # counts below need no dict entry for each of a hundred thousand articles' lines.
    rough, mask, floor = bytearray(1 << bits), (1 << bits) - 1, min(options["min-articles"], 255)
    keys = lambda index: {h ^ salts[index] for h in _lines(signatures[index]) if h}  # noqa: E731
    for index in range(len(signatures)):
        for key in keys(index):
            if rough[key & mask] < 255:
                rough[key & mask] += 1
    carriers: dict[int, list[int]] = defaultdict(list)
    for index in range(len(signatures)):
        for key in keys(index):
            if rough[key & mask] >= floor:
                carriers[key].append(index)
    return carriers


def _shared(signatures: Sequence[bytes], carriers: Sequence[int], line: int) -> float:
    """How much of its other content the median carrying article shares with the others."""
    samples = [_sample(signatures[i]) - {line & LOW} for i in carriers]
    counts = Counter(h for sample in samples for h in sample)
    common = {h for h, n in counts.items() if n >= COMMON * len(carriers)}
    from statistics import median  # rarely reached: kept off start-up

    return median(len(sample & common) / len(sample) if sample else 0.0 for sample in samples)


def _elsewhere(signatures: Sequence[bytes], sites: Sequence[str], lines: dict[int, tuple[str, int, set[int]]]
               ) -> Counter[int]:
    """For each recurring line (key -> site, line hash, carriers): how many other articles of
    its site have it among their story lines (in their sample), where a template never is."""
    needles: dict[str, dict[int, int]] = defaultdict(dict)
    for key, (site, line, _) in lines.items():
        needles[site][line & LOW] = key
    found: Counter[int] = Counter()
    for index, value in enumerate(signatures):
        wanted = needles.get(sites[index])
        if wanted:
            for h in _sample(value) & wanted.keys():
                if index not in lines[wanted[h]][2]:
                    found[wanted[h]] += 1
    return found


def _needed(site_size: int, options: Options) -> int:
    """How many of a site's articles a line must recur in: ``min-articles``, and ``min-share``
    of the site's articles up to ``enough-articles`` (a line in that many articles of a large
    site, or of a folder that mixes sites, recurs whatever its share)."""
    share = ceil(options["min-share"] * site_size)
    return max(options["min-articles"], min(share, options["enough-articles"]) if options["enough-articles"] else share)


def finish(signatures: Sequence[bytes], paths: Sequence[str], options: Options) -> Iterator[CorpusFinding]:
    """Report each candidate line whose hash or opening recurs across enough of a site's
    articles, when those articles' stories differ and the line is not story text elsewhere."""
    names: dict[str, str] = {}
    sites = [names.setdefault(name, name) for name in map(_site, signatures)]  # one string a site
    salt = {site: _hash("site", site) for site in names}
    sizes = Counter(sites)
    recurring = {}
    for key, carriers in sorted(_recurring(signatures, [salt[site] for site in sites], options).items()):
        site = sites[carriers[0]]
        if len(carriers) >= _needed(sizes[site], options):
            recurring[key] = (site, key ^ salt[site], set(carriers))
    elsewhere = _elsewhere(signatures, sites, recurring)
    found: dict[tuple[int, int], str] = {}
    for key, (site, line, carriers) in recurring.items():
        ordered = sorted(carriers)
        if elsewhere[key] >= FLOATING * len(carriers) or _shared(signatures, ordered, line) > options["max-shared"]:
            continue
        for index in ordered:
            for where, h in enumerate(_lines(signatures[index])):
                if h == line and ((index, where // 2) not in found or where % 2 == 0):
                    found[(index, where // 2)] = _message(where % 2 == 1, len(carriers), sizes[site], site)
    for (index, position), message in sorted(found.items()):
        yield CorpusFinding(index, message, position)


def _message(opening: bool, count: int, size: int, site: str) -> str:
    what = "the opening words of this line (before its separator) recur" if opening else "this line recurs"
    where = f"site {site!r}" if site else "the same site (no site or folder given)"
    return f"{what} in {count} of {size} articles from {where}, whose stories differ: site template, not story"


_STORIES = (
    ("Council backs budget", "The council approved the budget on Tuesday after a long debate."),
    ("Storm closes schools", "Heavy snow closed hundreds of schools across the north on Monday."),
    ("Port strike ends", "Dock workers returned to work after a three-week strike over pay."),
    ("New bridge opens", "The long-delayed river crossing opened to traffic on Friday morning."),
    ("Museum wins award", "The town museum was named the region's best small attraction."),
)
_TEMPLATE = "Sign up for our morning briefing and never miss a story."
_WRITE_THRU = ("Police said the investigation into the fire at the warehouse was continuing on "
               "Wednesday and that officers were keen to hear from anyone who saw the blaze start.")

RULE = Rule(
    code="NL307",
    name="site-template-line",
    summary="A line that recurs across many articles of one site: site template, not story",
    doc=__doc__,
    scope=Scope.CORPUS,
    collect=collect,
    finish=finish,
    fix=FixSafety.UNSAFE,
    options={"min-articles": 5, "min-share": 0.1, "enough-articles": 20, "max-words": 20, "end-lines": 3, "max-shared": 0.5},
    bad_examples=tuple(f"{title}\n\n{body}\n\n{_TEMPLATE}\n" for title, body in _STORIES),
    # The same story updated five times: its short closing line recurs with the story.
    good_examples=tuple(f"Warehouse fire: update {n}\n\n{body}\n\n{_WRITE_THRU}\n\nNo one was hurt.\n"
                        for n, (_, body) in enumerate(_STORIES, 1)),
)
