#!/usr/bin/env python3
"""Convert public news datasets into newslint's article format, one folder per source.

Each source is read straight from a git snapshot of its public repository (a bare git directory,
as `git clone --mirror` or the project's fetch tool makes one) at a pinned commit, and written as
`OUT/<source>/<id>.txt`: the real headline on line 1, a blank line, then one paragraph per line
with blank lines between. Nothing is cleaned beyond what the source's own format needs (see
benchmarks/SOURCES.md): scraper furniture, truncations and odd headlines stay as published, and
the articles that really have a defect are labelled in `benchmarks/source_labels/<source>.json`,
which this script copies to `OUT/<source>/labels.json` (a file not listed there is clean).

    python benchmarks/convert_sources.py --mirrors /work/.mirror --out /work/data/clean
    python benchmarks/convert_sources.py --only reuters-21578 --git-dir reuters-21578=/tmp/r.git

The data is not part of this repository: the articles stay their publishers' copyright.
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
FAMILIES = ["headline", "encoding", "injected", "duplication", "structure"]


@dataclass(frozen=True)
class Article:
    key: str          # the source's own id or path, for provenance
    headline: str
    paragraphs: list[str]


class Snapshot:
    """Files of one repository at one commit, read with `git show` (no work tree needed)."""

    def __init__(self, git_dir: Path, commit: str) -> None:
        self.git_dir, self.commit = git_dir, commit

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.git_dir), *args],
                              capture_output=True, check=True).stdout

    def files(self, folder: str) -> list[str]:
        out = self._git("ls-tree", "-r", "--name-only", self.commit, "--", folder)
        return sorted(out.decode("utf-8").splitlines())

    def all_files(self, folder: str) -> list[str]:
        """Like ``files``, with names git would quote (accented, non-Latin) as they are."""
        out = self._git("ls-tree", "-r", "-z", "--name-only", self.commit, "--", folder)
        return sorted(name for name in out.decode("utf-8").split("\0") if name)

    def read(self, path: str) -> bytes:
        return self._git("show", f"{self.commit}:{path}")

    def read_all(self, paths: list[str]) -> Iterator[tuple[str, bytes]]:
        """Each of ``paths`` with its bytes, through one `git cat-file --batch` (thousands of
        small files, where a `git show` each would take minutes)."""
        yield from zip(paths, self.read_objects([f"{self.commit}:{path}" for path in paths]))

    def read_objects(self, names: list[str]) -> list[bytes]:
        """The bytes of each git object named (``commit:path``, a blob id), through one
        `git cat-file --batch`."""
        out = subprocess.run(["git", "--git-dir", str(self.git_dir), "cat-file", "--batch"],
                             input="".join(f"{name}\n" for name in names).encode("utf-8"),
                             capture_output=True, check=True).stdout
        result, at = [], 0
        for _ in names:
            header_end = out.index(b"\n", at)
            size = int(out[at:header_end].split()[2])
            result.append(out[header_end + 1:header_end + 1 + size])
            at = header_end + 1 + size + 1  # the blob, then a newline
        return result


def _paragraphs(lines: list[str]) -> list[str]:
    """Non-empty lines, stripped, inner runs of spaces kept as published."""
    return [line.strip() for line in lines if line.strip()]


# --- one reader per source format ------------------------------------------------------------

def _seeded_sample(items: list[Article], limit: int, seed: int) -> list[Article]:
    """At most ``limit`` of ``items``: all of them, or a seeded random sample kept in their order
    (``random.sample`` picks the same positions of any list of that length)."""
    if len(items) <= limit:
        return items
    picked = set(random.Random(seed).sample(range(len(items)), limit))
    return [item for number, item in enumerate(items) if number in picked]


def bbc_section(section: str) -> Callable[[Snapshot], Iterator[Article]]:
    """ZitRos/news-articles-dataset: news/<section>/<slug>.txt, headline then paragraphs."""
    def read(snap: Snapshot) -> Iterator[Article]:
        for path in snap.files(f"news/{section}"):
            lines = snap.read(path).decode("utf-8").splitlines()
            if lines and lines[0].strip():
                yield Article(path, lines[0].strip(), _paragraphs(lines[1:]))
    return read


REUTERS_DOC = re.compile(r"<REUTERS(?P<attrs>[^>]*)>(?P<doc>.*?)</REUTERS>", re.S)


def _tag(doc: str, name: str) -> str | None:
    m = re.search(rf"<{name}>(.*?)</{name}>", doc, re.S)
    return m.group(1) if m else None


def _reuters_body(body: str, dateline: str) -> list[str]:
    """Paragraphs of a wire story: each starts on an indented line; wrapped lines are joined.
    The transmission's end mark (\\x03) and the 'Reuter' sign-off line are not story text."""
    body = html.unescape(body).replace("\x03", "")
    lines = body.rstrip().split("\n")
    while lines and lines[-1].strip().lower() in {"reuter", "reuters", ""}:
        lines.pop()
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.startswith((" ", "\t")) and paragraphs[-1]:
            paragraphs.append([])
        if line.strip():
            paragraphs[-1].append(line.strip())
    result = [" ".join(p) for p in paragraphs if p]
    if result and dateline.strip():  # "LONDON, March 9 - " opens the first paragraph
        result[0] = f"{' '.join(html.unescape(dateline).split())} {result[0]}"
    return result


def _prose(paragraphs: list[str]) -> bool:
    """A story, not a table of results ('Shr 10 cts vs 5 cts', 'Net 1.2 mln vs ...')."""
    words = " ".join(paragraphs).split()
    if len(paragraphs) < 3 or len(words) < 120:
        return False
    numeric = sum(any(c.isdigit() for c in w) for w in words)
    return numeric / len(words) < 0.12 and " vs " not in " ".join(paragraphs)


def reuters(snap: Snapshot, limit: int = 600, seed: int = 21578) -> Iterator[Article]:
    """mihaibogdan10/json-reuters-21578: sgm-data/reut2-NNN.sgm (Reuters-21578, 1987 wire copy)."""
    found = []
    for path in snap.files("sgm-data"):
        text = snap.read(path).decode("latin-1")
        for m in REUTERS_DOC.finditer(text):
            title, body = _tag(m.group("doc"), "TITLE"), _tag(m.group("doc"), "BODY")
            newid = re.search(r'NEWID="(\d+)"', m.group("attrs"))
            if not title or not body or not newid:
                continue
            paragraphs = _reuters_body(body, _tag(m.group("doc"), "DATELINE") or "")
            if _prose(paragraphs):
                found.append(Article(f"{path}#NEWID={newid.group(1)}",
                                     " ".join(html.unescape(title).split()), paragraphs))
    # Wire services send the same story more than once (corrections, repeats): keep one.
    seen: set[str] = set()
    unique = [a for a in found if not (a.paragraphs[-1] in seen or seen.add(a.paragraphs[-1]))]
    yield from sorted(random.Random(seed).sample(unique, min(limit, len(unique))),
                      key=lambda a: int(a.key.split("=")[1]))


def fakedes_true(snap: Snapshot) -> Iterator[Article]:
    """jpposadas/FakeNewsCorpusSpanish test.xlsx (FakeDeS 2021): the items labelled true."""
    try:
        import openpyxl
    except ImportError:
        raise SystemExit("fakedes-es needs openpyxl to read test.xlsx: pip install openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(snap.read("test.xlsx")), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    header = [str(h).upper() for h in rows[0]]
    for row in rows[1:]:
        item = dict(zip(header, row))
        if item["CATEGORY"] is not True or not item["HEADLINE"]:
            continue
        text = str(item["TEXT"]).replace("\r\n", "\n")
        yield Article(f"test.xlsx#ID={item['ID']}", " ".join(str(item["HEADLINE"]).split()),
                      _paragraphs(text.split("\n")))


DOC_WITH_TITLE = re.compile(r'<(?:doc|text)\b(?P<attrs>[^>]*?\btitle="(?P<title>[^"]*)"[^>]*)>'
                            r"(?P<body>.*?)</(?:doc|text)>", re.S)


def xml_docs(*paths: str) -> Callable[[Snapshot], Iterator[Article]]:
    """feryah/gilets_jaunes corpora: <doc title="..."> or <text title="...">, a paragraph a line.
    Bodies hold HTML entities (&quot;) as the scrapers wrote them into XML: unescaped once."""
    def read(snap: Snapshot) -> Iterator[Article]:
        seen: set[str] = set()
        for path in paths:
            text = snap.read(path).decode("utf-8").replace("\r\n", "\n")
            for number, m in enumerate(DOC_WITH_TITLE.finditer(text)):
                headline = " ".join(html.unescape(m.group("title")).split())
                paragraphs = _paragraphs(html.unescape(m.group("body")).split("\n"))
                if not headline or not paragraphs or (headline, paragraphs[0]) in seen:
                    continue  # the same story saved twice by the scraper
                seen.add((headline, paragraphs[0]))
                yield Article(f"{path}#{number}", headline, paragraphs)
    return read


def basil(snap: Snapshot) -> Iterator[Article]:
    """launchnlp/BASIL (EMNLP 2019 media-bias corpus): articles/<year>/<triplet>_<n>.json, each
    with its "title" and its "body-paragraphs", a list of paragraphs each a list of the corpus
    authors' sentences (joined again with one space). An article without a title is left out."""
    for path in snap.files("articles"):
        if not path.endswith(".json"):
            continue
        item = json.loads(snap.read(path).decode("utf-8"))
        headline = " ".join((item.get("title") or "").split())
        paragraphs = _paragraphs([" ".join(s.strip() for s in ([p] if isinstance(p, str) else p) if s and s.strip())
                                  for p in item.get("body-paragraphs") or []])
        if headline and paragraphs:
            yield Article(path, headline, paragraphs)


PTBR_CATEGORIES = ("ciencia e tecnologia", "economia", "entretenimento", "esportes", "politica")
# Stray copies: a one-line film synopsis, and a shorter copy of esportes/63.txt.
PTBR_EXCLUDED = {"esportes/1(1).txt", "esportes/63(1).txt"}


def news_pt_br(snap: Snapshot, limit: int = 400, seed: int = 20240917) -> Iterator[Article]:
    """mauricio-seiji/Dataset-news-articles-pt-br: <category>/<n>.txt, the headline on line 1,
    then the standfirst (most articles) and one paragraph a line. A seeded sample of ``limit``;
    the __summarization__ folder (machine summaries) is not read."""
    names = sorted(path for category in PTBR_CATEGORIES for path in snap.files(category)
                   if path.endswith(".txt") and path.count("/") == 1 and path not in PTBR_EXCLUDED)
    for path in sorted(random.Random(seed).sample(names, min(limit, len(names)))):
        lines = _paragraphs(snap.read(path).decode("utf-8").splitlines())
        if len(lines) >= 2:
            yield Article(path, lines[0], lines[1:])


RU_MOLDOVA_HOSTS = ("nokta.md", "evedomosti.md", "md.kp.media", "gagauzinfo.md", "gagauznews.com")


def _markdown_article(text: str) -> tuple[str, list[str]] | None:
    """The "# " headline and the paragraphs (one a line) of a scraped article in Markdown with a
    YAML front matter; only the CRLF line ends are normalised, the scraper's "> " and "**" stay."""
    text = text.replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end < 0:
            return None
        text = text[end + 5:]
    headline, paragraphs = None, []
    for line in _paragraphs(text.split("\n")):
        if headline is None and line.startswith("# "):
            headline = line[2:].strip()
        else:
            paragraphs.append(line)
    return (headline, paragraphs) if headline else None


def ru_moldova(snap: Snapshot, limit: int = 400, seed: int = 20250310) -> Iterator[Article]:
    """gavriil-f/ugthesis: data/raw/articles/<host>/<host>_<slug>.md, Russian-language articles of
    five Moldovan and Gagauz sites that the thesis scraped from Wayback Machine copies. Articles
    with a headline and at least three paragraphs; a seeded sample of ``limit`` of them."""
    paths = [path for path in snap.files("data/raw/articles/")
             if path.endswith(".md") and path.split("/")[3] in RU_MOLDOVA_HOSTS]
    usable = []
    for path, data in snap.read_all(paths):
        parsed = _markdown_article(data.decode("utf-8"))
        if parsed is not None and len(parsed[1]) >= 3:
            usable.append(Article(path, *parsed))
    yield from sorted(random.Random(seed).sample(usable, min(limit, len(usable))), key=lambda a: a.key)


FUNDUS_EXCLUDED = {"BBC", "TheGuardian", "FoxNews", "Reuters", "HuffPost", "NYTimes", "TheNewYorkTimes",
                   "WorldTruth", "TheGatewayPundit", "OccupyDemocrats"}  # used elsewhere; misinformation sites
_ENGLISH_COMMON = frozenset("the of and to in a is that for on with as was at by it from he said his be are has "
                            "have an not".split())


def _flat(item: object) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, list):
        return [text for part in item for text in _flat(part)]
    raise ValueError(type(item))


def _fundus_article(data: dict[str, object]) -> tuple[str, list[str]] | None:
    """Headline and paragraphs of one expected parse: the summary (deck) first, then each
    section's sub-headings and paragraphs, one list item a paragraph."""
    body, title = data.get("body"), data.get("title")
    if not isinstance(body, dict) or not isinstance(title, str):
        return None
    try:
        items = _flat(body.get("summary") or [])
        for section in body.get("sections") or []:
            items += _flat(section.get("headline") or []) + _flat(section.get("paragraphs") or [])
    except ValueError:
        return None
    return title.strip(), [item.strip() for item in items if item.strip()]


def fundus(snap: Snapshot, limit: int = 400, seed: int = 10) -> Iterator[Article]:
    """flairNLP/fundus: its parsers' test data, tests/resources/**/<Publisher>.json in every commit
    up to the pinned one (articles replaced later are still there), each mapping a parser version
    to the expected parse of one real article. English ones (a fifth of the words or more among
    very common English words), other publishers than those above, one copy per headline and per
    body (a body sharing more than 0.6 of its word 5-grams with one kept is the same story
    re-parsed), a headline and 3+ paragraphs."""
    log = snap._git("log", snap.commit, "--format=C %H", "--raw", "--no-abbrev", "--", "tests/resources")
    blobs: dict[str, tuple[str, str]] = {}  # blob -> (path, commit), newest commit first
    commit = ""
    for line in log.decode("utf-8").splitlines():
        if line.startswith("C "):
            commit = line[2:]
        elif line.startswith(":"):
            meta, path = line.split("\t", 1)
            blob = meta.split()[3]
            if path.endswith(".json") and set(blob) != {"0"}:
                blobs.setdefault(blob, (path, commit))
    kept: dict[str, tuple[str, list[str], str, str]] = {}
    bodies: list[set[tuple[str, ...]]] = []
    for blob, (path, commit) in blobs.items():
        publisher = path.rsplit("/", 1)[-1][:-5]
        if publisher in FUNDUS_EXCLUDED:
            continue
        try:
            data = json.loads(snap._git("cat-file", "-p", blob))
        except (json.JSONDecodeError, subprocess.CalledProcessError):
            continue
        for version, parse in (data.items() if isinstance(data, dict) else ()):
            article = _fundus_article(parse) if isinstance(parse, dict) else None
            if article is None:
                continue
            title, paragraphs = article
            words = re.findall(r"\w+", " ".join(paragraphs).lower())
            if not words or sum(w in _ENGLISH_COMMON for w in words) / len(words) < 0.2 or not title \
                    or len(paragraphs) < 3:
                continue
            key = re.sub(r"\W+", " ", title.lower()).strip()
            tokens = re.sub(r"\W+", " ", " ".join(paragraphs).lower()).split()
            grams = {tuple(tokens[i:i + 5]) for i in range(max(1, len(tokens) - 4))}
            if key in kept or any(len(grams & g) / len(grams | g) > 0.6 for g in bodies):
                continue
            kept[key] = (title, paragraphs, publisher, f"{commit}:{path}#{version}")
            bodies.append(grams)
    items = sorted(kept.values(), key=lambda item: (item[2], item[3]))
    if len(items) > limit:
        items = random.Random(seed).sample(items, limit)
    for title, paragraphs, _, where in items:
        yield Article(where, title, paragraphs)


NEWSPAPER_EXCLUDED = ("arabic", "chinese", "japanese", "spanish", "thai", "vogue.de", "cnn_summary", "reuters.com",
                      "foxnews.com", "foxbusiness.com", "huffingtonpost.com", "theonion.com")
NEWSPAPER_HTML_FOR = {"cnn": "cnn_article"}  # the one text whose saved page has another name


class _PageTitle(HTMLParser):
    """A saved page's og:title, twitter:title and <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.og: str | None = None
        self.twitter: str | None = None
        self.title: str | None = None
        self._parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        key = (values.get("property") or values.get("name") or "").lower()
        if tag == "meta" and key == "og:title" and self.og is None:
            self.og = values.get("content", "")
        elif tag == "meta" and key == "twitter:title" and self.twitter is None:
            self.twitter = values.get("content", "")
        elif tag == "title" and self.title is None:
            self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._parts is not None and self.title is None:
            self.title, self._parts = "".join(self._parts), None

    def handle_data(self, data: str) -> None:
        if self._parts is not None:
            self._parts.append(data)


def _page_headline(page: str) -> str:
    parser = _PageTitle()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # a broken page keeps what was read
        pass
    for title in (parser.og, parser.twitter, parser.title):
        if title and title.strip():
            return " ".join(title.split()) if "\n" in title or "\t" in title else title.strip()
    return ""


def newspaper_pages(snap: Snapshot, limit: int = 400, seed: int = 20261210) -> Iterator[Article]:
    """AndyTheFactory/newspaper4k at its last commit with the per-site test set: the body is the
    library's expected text of each saved page (tests/data/text/<page>.txt, a paragraph a line),
    the headline the page's og:title (else twitter:title, else <title>) as the publisher wrote
    it. Non-English pages, a summary, satire and publishers used elsewhere are left out."""
    items = []
    for path in snap.files("tests/data/text"):
        stem = path.rsplit("/", 1)[1][:-4]
        if not path.endswith(".txt") or stem.startswith(NEWSPAPER_EXCLUDED):
            continue
        try:
            page = snap.read(f"tests/data/html/{NEWSPAPER_HTML_FOR.get(stem, stem)}.html")
        except subprocess.CalledProcessError:
            continue
        headline = _page_headline(page.decode("utf-8", errors="replace"))
        paragraphs = _paragraphs(snap.read(path).decode("utf-8").splitlines())
        if headline and len(paragraphs) >= 3:
            items.append(Article(path, headline, paragraphs))
    yield from _seeded_sample(items, limit, seed)


_WIKINEWS_NAME = re.compile(r"^\s*\d+\s+-\s+(.*?)\s+\(\d{4}-\d{2}-\d{2}\)\s*$", re.S)


def wikinews_de(snap: Snapshot, limit: int = 400, seed: int = 20261210) -> Iterator[Article]:
    """uhh-lt/german-news-quotation-attribution-2024: German Wikinews articles (April 2022 dump),
    data/{train,dev,test}/*.pretty.json, one article each: the headline is `documentName`
    without its id and date ("<id> - <title> (<date>)"), the paragraphs the lines of
    `originalText`. Articles with 3+ paragraphs; a seeded sample of ``limit``."""
    paths = [path for path in snap.all_files("data/") if path.endswith(".json")]
    usable = []
    for path, data in snap.read_all(paths):
        record = json.loads(data.decode("utf-8"))
        name = _WIKINEWS_NAME.match(record.get("documentName") or "")
        paragraphs = _paragraphs((record.get("originalText") or "").split("\n"))
        if name and name.group(1).strip() and len(paragraphs) >= 3:
            usable.append(Article(path, name.group(1).strip(), paragraphs))
    yield from _seeded_sample(usable, limit, seed)


def cmoncrawl_cs(snap: Snapshot, limit: int = 400, seed: int = 11) -> Iterator[Article]:
    """hynky1999/CmonCrawl: its sample output, Processor/output/**/*.json, Czech articles (mostly
    idnes.cz, from Common Crawl) with `headline`, `brief` (the site's standfirst) and `content`,
    a paragraph or crosshead a line; the standfirst's lines first. The same item twice is kept
    once; a seeded sample of ``limit``, in the sample's order."""
    paths = [path for path in snap.all_files("Processor/output/") if path.endswith(".json")]
    usable, seen = [], set()
    for path, data in snap.read_all(paths):
        record = json.loads(data.decode("utf-8"))
        headline = (record.get("headline") or "").strip()
        paragraphs = _paragraphs((record.get("brief") or "").split("\n")) + \
            _paragraphs((record.get("content") or "").split("\n"))
        key = (headline, tuple(paragraphs))
        if headline and len(paragraphs) >= 3 and key not in seen:
            seen.add(key)
            usable.append(Article(path, headline, paragraphs))
    yield from (random.Random(seed).sample(usable, limit) if len(usable) > limit else usable)


def dawn_pk(snap: Snapshot, limit: int = 400, seed: int = 11) -> Iterator[Article]:
    """gitcodeuu/xai_articles: Dawn (Pakistan) articles a scraper commits as JSON,
    data/dawn/articles/YYYY/MM/DD/*.json: `title` (the page's <h1> or its title, with the
    site's suffix) and `content`, the story's <p> elements joined with blank lines. One copy per
    `link`; a seeded sample of ``limit``, in path order."""
    paths = [path for path in snap.all_files("data/dawn/articles/") if path.endswith(".json")]
    usable, seen = [], set()
    for path, data in snap.read_all(paths):
        try:
            record = json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        link = record.get("link") or path
        if link in seen:
            continue
        seen.add(link)
        title = (record.get("title") or "").strip()
        paragraphs = _paragraphs((record.get("content") or "").split("\n"))
        if title and len(paragraphs) >= 3:
            usable.append(Article(path, title, paragraphs))
    yield from _seeded_sample(usable, limit, seed)


LIVEDOOR_CATEGORIES = ("topic-news", "sports-watch")  # the corpus's two news categories


def livedoor_ja(snap: Snapshot, limit: int = 400, seed: int = 12) -> Iterator[Article]:
    """jkatsuta/18_4q_doc2vec: the livedoor News Corpus (ldcc-20140209) under experiments/text/,
    its news categories only: line 1 the URL, line 2 the date (metadata, not written), line 3
    the headline, then a paragraph a line. The files in a seeded shuffle, the first ``limit``
    with a headline and 3+ paragraphs."""
    paths = [path for path in snap.all_files("experiments/text/")
             if len(parts := path.split("/")) == 4 and parts[2] in LIVEDOOR_CATEGORIES
             and parts[3].startswith(parts[2] + "-") and parts[3].endswith(".txt")]
    random.Random(seed).shuffle(paths)
    taken = 0
    for path in paths:
        if taken >= limit:
            break
        lines = snap.read(path).decode("utf-8").split("\n")
        paragraphs = _paragraphs(lines[3:])
        if len(lines) >= 4 and lines[2].strip() and len(paragraphs) >= 3:
            taken += 1
            yield Article(path, lines[2].strip(), paragraphs)


KOMPAS_CSV = "csv/2019-08-31_kompas_p_single_50detik.csv"


def kompas_id(snap: Snapshot) -> Iterator[Article]:
    """greysian777/indo-news-dataset: one scrape of Kompas.com (Indonesian, 2019) as CSV, the
    headline in `judul`, the body in `paragraf` with a <p> a line. Rows with a headline and 3+
    paragraphs, in file order (fewer than 400)."""
    csv.field_size_limit(sys.maxsize)
    rows = csv.DictReader(io.StringIO(snap.read(KOMPAS_CSV).decode("utf-8"), newline=""))
    for number, row in enumerate(rows):
        headline = (row.get("judul") or "").strip()
        paragraphs = _paragraphs((row.get("paragraf") or "").split("\n"))
        if headline and len(paragraphs) >= 3:
            yield Article(f"{KOMPAS_CSV}#row={row.get('') or number}", headline, paragraphs)


RO_CSV = "dataset/romanian_political_articles2.csv"
# informat.ro rows are left out: their `title` is the site's one-sentence summary, not the headline
# (the URL slug gives another wording), and their body is one ~50-word paragraph that reaches
# "3+ paragraphs" only through the byline, the section label "Politică" and a photo credit.
RO_EXCLUDED_SITES = {"informat.ro"}


def ro_political_press(snap: Snapshot, limit: int = 400, seed: int = 13) -> Iterator[Article]:
    """HoriaMoraru/Romanian-News-Political-Bias-Detection: dataset/romanian_political_articles2.csv,
    Romanian political articles of four sites (three read: informat.ro left out) scraped with news-please (2025): `title` is the
    headline, `maintext` the body with a paragraph (or crosshead, or scraper line) a line; the
    meta `description` is not body text and is not read. One copy per `url`; rows with a headline
    and 3+ paragraphs; a seeded sample of ``limit``, in file order."""
    csv.field_size_limit(sys.maxsize)
    rows = csv.DictReader(io.StringIO(snap.read(RO_CSV).decode("utf-8"), newline=""))
    usable, seen = [], set()
    for number, row in enumerate(rows):
        if (row.get("source_domain") or "").strip() in RO_EXCLUDED_SITES:
            continue
        link = (row.get("url") or "").strip() or f"row{number}"
        if link in seen:
            continue
        seen.add(link)
        headline = (row.get("title") or "").strip()
        paragraphs = _paragraphs((row.get("maintext") or "").split("\n"))
        if headline and len(paragraphs) >= 3:
            usable.append(Article(f"{RO_CSV}#row={number}", headline, paragraphs))
    yield from _seeded_sample(usable, limit, seed)


# Publishers other held-out sources already cover (BBC, Reuters, Guardian; the NYT, Fox News and
# CNN of basil-en / newspaper-en), and research / polling / think-tank pages and one quote-digest
# newsletter, which are not news articles.
ALLSIDES_EXCLUDED = (
    "bbc.com", "bbc.co.uk", "reuters.com", "theguardian.com", "dawn.com",
    "nytimes.com", "foxnews.com", "foxbusiness.com", "huffingtonpost.com", "huffpost.com", "cnn.com",
    "pewresearch.org", "people-press.org", "journalism.org", "brookings.edu",
    "americanprogress.org", "hrw.org", "theflipside.io",
)


def _allsides_excluded(host: str) -> bool:
    host = host.strip().lower().split(":")[0]
    return any(host == d or host.endswith("." + d) for d in ALLSIDES_EXCLUDED)


def allsides_us(snap: Snapshot, limit: int = 400, seed: int = 1313) -> Iterator[Article]:
    """data/jsons/<ID>.json: `title` is the headline, `content_original` (newspaper3k's text,
    paragraphs split by blank lines) the body, nothing cleaned. One article per `url` (and per
    identical body); publishers in ALLSIDES_EXCLUDED (by `source_url` or the link's host) left
    out; a headline and 3+ paragraphs; a seeded sample of ``limit``, in path order."""
    paths = [path for path in snap.all_files("data/jsons/") if path.endswith(".json")]

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for path, data in snap.read_all(paths):
            record = json.loads(data.decode("utf-8"))
            link = (record.get("url") or path).strip()
            if _allsides_excluded(record.get("source_url") or "") or _allsides_excluded(urlsplit(link).netloc):
                continue
            yield (f"{path}#{link}", link, record.get("title") or "",
                   _paragraphs((record.get("content_original") or "").split("\n")))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


def _one_per_link_and_body(candidates: Iterable[tuple[str, str, str, list[str]]]) -> list[Article]:
    """The articles of ``candidates`` (key, link, headline, paragraphs), in order: the first of
    each link and of each body, with a headline and three paragraphs or more."""
    usable, seen_links, seen_bodies = [], set(), set()
    for key, link, headline, paragraphs in candidates:
        headline = " ".join(headline.split())
        body = "\n".join(paragraphs)
        if link in seen_links or body in seen_bodies:
            continue
        seen_links.add(link)
        seen_bodies.add(body)
        if headline and len(paragraphs) >= 3:
            usable.append(Article(key, headline, paragraphs))
    return usable


# BBC Sinhala is a publisher covered elsewhere (and not English); the Sinhala and Tamil papers
# are left out by the `lang` field.
LK_EXCLUDED_NEWSPAPERS = {"bbccomsinhala"}
# Wire copy of publishers other sources cover or the brief excludes, credited in the dateline
# ("May 24 (BBC) - ...", "Colombo, May 2 (Reuters) - ..."): left out.
LK_EXCLUDED_CREDIT = re.compile(r"^[^.\n]{0,80}\((?:BBC|Reuters|CNN|The Guardian|Guardian|Dawn|NYT|"
                             r"New York Times|Fox News|HuffPost)\)")


def _blob_ids(snap: Snapshot, folder: str) -> dict[str, str]:
    """path -> blob id of every file under ``folder`` (one `git ls-tree`)."""
    out = snap._git("ls-tree", "-r", "-z", snap.commit, "--", folder)
    blobs = {}
    for entry in out.decode("utf-8").split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            blobs[path] = meta.split()[2]
    return blobs


def _read_blobs(snap: Snapshot, ids: list[str]) -> list[bytes]:
    """Like Snapshot.read_all, by blob id: `commit:path` names make git search the 120,000-entry
    folder of a year once per file (minutes for this repository), a blob id does not."""
    return snap.read_objects(ids)


def _mostly_latin(text: str) -> bool:
    """Mostly Latin letters: a few items marked `lang` "en" are in Tamil or Sinhala."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) / len(letters) > 0.9


def _lk_news_articles(snap: Snapshot, wanted: Callable[[dict], bool],
                      papers: tuple[str, ...] = ()) -> Iterator[Article]:
    """nuuuwan/lk_news, branch `data`: data/lk_news/2020s/<year>/<doc_id>/doc.json (metadata:
    `lang`, `newspaper_id`, `url_metadata`, `description` = the headline) and doc.txt beside it,
    the scraper's text: the headline on line 1, a blank line, then one paragraph (or whatever
    line the scraper took from the page) per line, blank lines between. The documents whose
    metadata is ``wanted`` (only those of ``papers``, told by their paths, are read when given),
    one per URL, in path order; the headline is doc.txt's first line, the paragraphs the rest; a
    headline and 3+ paragraphs."""
    blobs = _blob_ids(snap, "data/lk_news/2020s/")
    metas = sorted(p for p in blobs if p.endswith("/doc.json") and p[:-4] + "txt" in blobs
                   and (not papers or any(f"-{paper}-" in p for paper in papers)))
    links: dict[str, str] = {}  # doc.txt's path -> the document's URL
    seen: set[str] = set()
    for path, data in zip(metas, _read_blobs(snap, [blobs[p] for p in metas])):
        try:
            meta = json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if not wanted(meta):
            continue
        link = (meta.get("url_metadata") or path).strip()
        if link in seen:
            continue
        seen.add(link)
        links[path[:-4] + "txt"] = link
    texts = sorted(links)
    for path, data in zip(texts, _read_blobs(snap, [blobs[p] for p in texts])):
        lines = data.decode("utf-8", errors="replace").split("\n")
        headline = lines[0].strip() if lines else ""
        paragraphs = _paragraphs(lines[1:])
        if headline and len(paragraphs) >= 3:
            yield Article(f"{path}#{links[path]}", headline, paragraphs)


def lk_news_en(snap: Snapshot, limit: int = 400, seed: int = 1313) -> Iterator[Article]:
    """nuuuwan/lk_news (``_lk_news_articles``): English documents only (`lang` "en" and nine
    tenths of the letters Latin; BBC Sinhala, and wire copy credited to BBC, Reuters, CNN and the
    like in the dateline, left out); a seeded sample of ``limit``."""
    usable = [article for article in _lk_news_articles(
                  snap, lambda meta: meta.get("lang") == "en" and meta.get("newspaper_id") not in LK_EXCLUDED_NEWSPAPERS)
              if _mostly_latin(" ".join([article.headline, *article.paragraphs]))
              and not LK_EXCLUDED_CREDIT.match(article.paragraphs[0])]
    yield from _seeded_sample(usable, limit, seed)


def _lk_news_in(lang: str, papers: tuple[str, ...]) -> Callable[[dict], bool]:
    return lambda meta: meta.get("lang") == lang and meta.get("newspaper_id") in papers


LK_TAMIL_NEWSPAPERS = ("virakesarilk", "tamilmirrorlk")


def lk_news_ta(snap: Snapshot, limit: int = 400, seed: int = 18) -> Iterator[Article]:
    """nuuuwan/lk_news (``_lk_news_articles``): the Tamil-language documents (`lang` "ta":
    Virakesari and Tamil Mirror); a seeded sample of ``limit``. Nothing is cleaned: the papers'
    sign-offs ("(a)"), photo credits and bylines stay."""
    usable = list(_lk_news_articles(snap, _lk_news_in("ta", LK_TAMIL_NEWSPAPERS), LK_TAMIL_NEWSPAPERS))
    yield from _seeded_sample(usable, limit, seed)


LK_SINHALA_NEWSPAPERS = ("adaderanasinhalalk", "adalk", "lankadeepalk")


def lk_news_si(snap: Snapshot, limit: int = 400, seed: int = 19) -> Iterator[Article]:
    """nuuuwan/lk_news (``_lk_news_articles``): the Sinhala-language documents (`lang` "si": Ada
    Derana Sinhala, Ada and Lankadeepa; BBC Sinhala left out, as ``lk_news_en`` leaves out the
    BBC); a seeded sample of ``limit``. Nothing is cleaned: the papers' sign-offs, bylines and
    photo credits stay."""
    usable = list(_lk_news_articles(snap, _lk_news_in("si", LK_SINHALA_NEWSPAPERS), LK_SINHALA_NEWSPAPERS))
    yield from _seeded_sample(usable, limit, seed)


def saudinewsnet_ar(snap: Snapshot, limit: int = 400, seed: int = 20150721) -> Iterator[Article]:
    """parallelfold/SaudiNewsNet: dataset/YYYY-MM-DD.zip, each with one JSON array of articles;
    `title` is the headline, `content` the body (blank-line separated paragraphs). One copy per
    `url` (the crawler met some stories on more than one day); a headline and 3+ paragraphs; a
    seeded sample of ``limit``, in file order."""
    paths = [path for path in snap.all_files("dataset/") if path.endswith(".zip")]
    usable, seen = [], set()
    for path, data in snap.read_all(paths):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in sorted(archive.namelist()):
                if not member.endswith(".json"):
                    continue
                records = json.loads(archive.read(member).decode("utf-8"))
                for number, record in enumerate(records):
                    link = (record.get("url") or "").strip() or f"{path}#{number}"
                    if link in seen:
                        continue
                    seen.add(link)
                    headline = " ".join((record.get("title") or "").split())
                    paragraphs = _paragraphs((record.get("content") or "").split("\n"))
                    if headline and len(paragraphs) >= 3:
                        key = f"{path}:{member}#{number} {record.get('source', '')} {link}"
                        usable.append(Article(key, headline, paragraphs))
    yield from _seeded_sample(usable, limit, seed)


HYPERPARTISAN_ARTICLES = "articles-training-byarticle-20181122.xml"
HYPERPARTISAN_TRUTH = "ground-truth-training-byarticle-20181122.xml"


def _hyperpartisan_lines(article: object) -> list[str]:
    """The lines of one <article> of the SemEval-2019 hyperpartisan data: each <p> a paragraph
    (its links' text kept inline), and each run of text between the <p> elements (the
    extractor's other blocks: captions, ad and promo lines, block quotes, transcripts) a line of
    its own, split at its line breaks. Nothing else is changed: entities that the XML still holds
    once decoded (`&amp;`, `&gt;`) stay."""
    lines: list[str] = []
    run: list[str] = [article.text or ""]

    def flush() -> None:
        lines.extend(_paragraphs("".join(run).split("\n")))
        run.clear()

    for child in article:
        if child.tag == "p":
            flush()
            lines.extend(_paragraphs("".join(child.itertext()).split("\n")))
        else:
            run.append("".join(child.itertext()))
        run.append(child.tail or "")
    flush()
    return lines


def hyperpartisan_en(snap: Snapshot, limit: int = 400, seed: int = 2019) -> Iterator[Article]:
    """The by-article training data of SemEval-2019 Task 4 (Hyperpartisan News Detection: 645
    articles of 2012-18 from some 280 sites, mostly US political blogs, partisan and tabloid
    sites), as a copy in anshuly10/Biased-News-Detection holds it: `title` is the headline, the
    body each <p> and each run of text between them (see ``_hyperpartisan_lines``). The ground
    truth file beside it gives each article's URL: publishers in ALLSIDES_EXCLUDED (covered by
    other sources) left out; one per URL and per body; a headline and 3+ paragraphs; a seeded
    sample of ``limit``, in id order."""
    import xml.etree.ElementTree as ET

    links = {item.get("id"): (item.get("url") or "").strip()
             for item in ET.fromstring(snap.read(HYPERPARTISAN_TRUTH)).iter("article")}

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for article in ET.fromstring(snap.read(HYPERPARTISAN_ARTICLES)).iter("article"):
            ident = article.get("id") or ""
            link = links.get(ident) or ident
            if not _allsides_excluded(urlsplit(link).netloc):
                yield (f"{HYPERPARTISAN_ARTICLES}#id={ident} {link}", link, article.get("title") or "",
                       _hyperpartisan_lines(article))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


ISOLEZWE_SPLITS = ("data/xho/train.tsv", "data/xho/dev.tsv", "data/xho/test.tsv")


def isolezwe_xh(snap: Snapshot, limit: int = 400, seed: int = 16) -> Iterator[Article]:
    """masakhane-io/masakhane-news: data/xho/{train,dev,test}.tsv, MasakhaNEWS's isiXhosa part,
    articles of Isolezwe lesiXhosa (South Africa, Independent Media) as the dataset's crawler kept
    them: `headline` is the headline, each line of `text` a paragraph (the lines end in " \n";
    stripped, empty ones dropped); `category` and `url` ("not available") are not read. One
    article per body; a headline and 3+ paragraphs; a seeded sample of ``limit``, in split and row
    order. The other languages of the dataset are BBC's, or have no paragraph breaks."""
    csv.field_size_limit(sys.maxsize)

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for path in ISOLEZWE_SPLITS:
            rows = csv.DictReader(io.StringIO(snap.read(path).decode("utf-8"), newline=""), delimiter="\t")
            for number, row in enumerate(rows):
                key = f"{path}#row={number}"
                yield (key, key, row.get("headline") or "", _paragraphs((row.get("text") or "").split("\n")))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


FARS_NEWS_FILES = tuple(f"exploring-datasets/news/fars-news-{n}.json" for n in range(1, 6))


def farsnews_fa(snap: Snapshot, limit: int = 400, seed: int = 20) -> Iterator[Article]:
    """language-ml/course-nlp-ir-1-text-exploring: exploring-datasets/news/fars-news-{1..5}.json,
    1,500 Fars News Agency (farsnews.ir) articles in Persian, 2003-21, a JSON array each: `title`
    is the headline, `abstract` (the lead the site prints above the story, most opening with the
    agency's "خبرگزاری فارس:") the first paragraph, its lines joined with a space (45 break the
    line after that dateline only), then each item of `paragraphs` (the site's text blocks, one a
    paragraph; crossheads, list items and verse lines stay). `cat`, `subcat` and `tags` are not
    read. One article per `link`; a headline and 3+ paragraphs; a seeded sample of ``limit``, in
    file order."""
    usable, seen = [], set()
    for path in FARS_NEWS_FILES:
        for number, record in enumerate(json.loads(snap.read(path).decode("utf-8"))):
            link = (record.get("link") or "").strip() or f"{path}#{number}"
            if link in seen:
                continue
            seen.add(link)
            headline = " ".join((record.get("title") or "").split())
            lead = " ".join((record.get("abstract") or "").split())
            paragraphs = _paragraphs([lead, *(record.get("paragraphs") or [])])
            if headline and len(paragraphs) >= 3:
                usable.append(Article(f"{path}#{number} {link}", headline, paragraphs))
    yield from _seeded_sample(usable, limit, seed)


BD_PRESS_FILES = ("Prothomalo/data.csv", "Samakal/data.csv")


def bd_press_bn(snap: Snapshot, limit: int = 400, seed: int = 21) -> Iterator[Article]:
    """iamaber/bangla-news-scraper: Prothomalo/data.csv (Prothom Alo, January 2024) and
    Samakal/data.csv (Samakal, 5-9 August 2024), Bengali articles a student scraper committed as
    CSV (`Date Published`, `Headline`, `Article Body`): the headline is `Headline` (its whitespace
    collapsed), each line of `Article Body` a paragraph (Prothom Alo's break a line, Samakal's
    with a blank line between). The Jugantor CSV (bodies on one line) and Bangladesh Protidin's
    (not in the snapshot) are not read. One article per body; a headline and 3+ paragraphs; a
    seeded sample of ``limit``, in file order."""
    csv.field_size_limit(sys.maxsize)

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for path in BD_PRESS_FILES:
            rows = csv.DictReader(io.StringIO(snap.read(path).decode("utf-8"), newline=""))
            for number, row in enumerate(rows):
                key = f"{path}#row={number}"
                yield (key, key, row.get("Headline") or "",
                       _paragraphs((row.get("Article Body") or "").split("\n")))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


READABILITY_PAGES = "test/test-pages"
# The test pages that are news or magazine articles, reviews, features or opinion and blog posts
# on current affairs, in any language: 59 of the 130 folders. Left out: Readability's synthetic
# tests (base URLs, tag cleaning, right-to-left, lorem ipsum, ...), documentation, engineering and
# product blogs (Mozilla Hacks, Dropbox, V8, GitLab, Factorio, a Tumblr patch list...), Wikipedia,
# fiction and fairy tales, how-to pages (eHow), a travel blog, a colophon, product pages, the
# New York Times en Español front page, and lifehacker-post-comment-load (the same expected
# output as lifehacker-working). LWN's weekly edition front page (three stories under the
# edition's title) is kept.
READABILITY_KEPT = (
    "aclu", "aktualne", "ars-1", "article-author-tag", "bbc-1", "breitbart", "bug-1255978",
    "buzzfeed-1", "citylab-1", "cnet", "cnet-svg-classes", "cnn", "ebb-org", "engadget", "folha",
    "gmw", "guardian-1", "heise", "herald-sun-1", "iab-1", "keep-images", "la-nacion",
    "lazy-image-2", "lemonde-1", "liberation-1", "lifehacker-working", "lwn-1", "medicalnewstoday",
    "medium-1", "medium-2", "medium-3", "msn", "nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4",
    "qq", "quanta-1", "salon-1", "schema-org-context-object", "seattletimes-1", "simplyfound-1",
    "spiceworks", "telegraph", "theverge", "tmz-1", "videos-1", "videos-2", "wapo-1", "wapo-2",
    "webmd-1", "webmd-2", "wikia", "wordpress", "yahoo-1", "yahoo-2", "yahoo-3", "yahoo-4", "youth",
)
_READABILITY_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul"))


class _ReadabilityBlocks(HTMLParser):
    """The text of each block element of Readability's extracted HTML, in document order: a
    paragraph, heading, list item, caption, preformatted block, table row (cells joined by
    " | ") or run of text directly in a div; whitespace collapsed (a <br> is a space), entities
    decoded once, empty blocks dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._parts: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        self._parts = []
        if text and text.strip(" |"):
            self.blocks.append(text.strip(" |").strip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        elif tag in _READABILITY_BLOCKS:
            self._flush()
        elif tag in ("td", "th"):
            if "".join(self._parts).strip():
                self._parts.append(" | ")
        elif tag == "br":
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in _READABILITY_BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def readability_pages(snap: Snapshot) -> Iterator[Article]:
    """mozilla/readability: test/test-pages/<page>/, real web pages as Readability.js (Firefox's
    Reader View) extracts them. The headline is expected-metadata.json's `title` (the page's
    title as Readability picks it, site suffix and all); the paragraphs are the blocks of
    expected.html, the extracted article, in document order (``_ReadabilityBlocks``). Everything
    Readability kept stays: captions, credits, bylines, related links. Only the pages in
    ``READABILITY_KEPT``, with a headline and 3+ paragraphs, in name order."""
    for page in READABILITY_KEPT:
        folder = f"{READABILITY_PAGES}/{page}"
        title = json.loads(snap.read(f"{folder}/expected-metadata.json").decode("utf-8")).get("title") or ""
        parser = _ReadabilityBlocks()
        parser.feed(snap.read(f"{folder}/expected.html").decode("utf-8"))
        parser.close()
        headline = " ".join(title.split()) if "\n" in title or "\t" in title else title.strip()
        if headline and len(parser.blocks) >= 3:
            yield Article(f"{folder}/expected.html", headline, parser.blocks)


VN_BAOMOI_FOLDER = "vn_news/repository/20170702_3000"


def vn_baomoi(snap: Snapshot, limit: int = 400, seed: int = 22) -> Iterator[Article]:
    """magizbox/scraper: vn_news/repository/20170702_3000/<baomoi id>.txt, 3,756 Vietnamese
    articles that the repository's first spider (vn_news/spiders/baomoi.py at 16d2ac6) took from
    baomoi.com's category RSS feeds in February 2017 and saved as the page's <h1> text followed
    by "\\n".join() of every text node of the story body (`.body ::text`) and then of the
    standfirst (`.sapo ::text`). So line 1 is the headline, each later non-empty line a paragraph
    (or a caption, byline, related-story link, table cell...), and the standfirst comes last,
    where the scraper put it; an inline element (a link, <em>, <strong>) splits its paragraph
    into several lines, as the scraper wrote it. Nothing is moved or joined. The corpus's
    `vn_news/data/` files are not read (from May 2017 the spider joined each body into one
    line). One article per baomoi id and per body; a headline and 3+ paragraphs; a seeded
    sample of ``limit``, in file order."""

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        paths = snap.files(VN_BAOMOI_FOLDER)
        for path, data in snap.read_all(paths):
            lines = data.decode("utf-8").split("\n")
            article_id = path.rsplit("/", 1)[-1].removesuffix(".txt")
            yield path, article_id, lines[0], _paragraphs(lines[1:])
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


KO_NAVER_FILES = (
    "naver_news_economy_normal_content_2021-12-28.xlsx",
    "naver_news_politics_normal_content_2021-12-28.xlsx",
    "naver_news_social_accident_content_2021-12-28.xlsx",
    "naver_news_social_normal_content_2021-12-28.xlsx",
)


def ko_naver_news(snap: Snapshot, limit: int = 400, seed: int = 1228) -> Iterator[Article]:
    """kimchijoa/naver_news_crolling: four workbooks its Selenium crawler wrote on 28 December
    2021 from Naver News's economy, politics and society sections (Korean articles of the papers,
    agencies and broadcasters Naver carries: 54 of them in the sample, led by Yonhap, News1,
    Newsis and KBS). Each row holds the headline (`기사 제목`, the page's .tts_head), the link,
    and `기사 내용`, the rendered text (WebElement.text) of the page's #articleBodyContents: the
    standfirst lines, photo captions, crossheads, bylines and the broadcasters' tip-off blocks
    stay, a line each, as the browser laid them out. Each non-empty line is a paragraph; nothing
    is joined or cleaned. The summary workbook total_news_data_2021-12-28.xlsx (a copy of the
    rows) is not read. One article per link and per body; a headline and 3+ paragraphs; a
    seeded sample of ``limit``, in file order."""
    try:
        import openpyxl
    except ImportError:
        raise SystemExit("ko-naver-news needs openpyxl to read the workbooks: pip install openpyxl")

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for path in KO_NAVER_FILES:
            book = openpyxl.load_workbook(io.BytesIO(snap.read(path)), read_only=True)
            rows = book.active.iter_rows(values_only=True)
            header = [str(h) for h in next(rows)]
            for number, row in enumerate(rows, start=2):
                item = dict(zip(header, row))
                link = str(item.get("기사 링크") or f"{path}#{number}").strip()
                headline = str(item.get("기사 제목") or "").strip()
                body = str(item.get("기사 내용") or "")
                yield f"{path}#row={number}", link, headline, _paragraphs(body.split("\n"))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


# inadinatv/haberlerim: a GitHub Actions bot (bot.py, run every hour) reads AA's five category
# RSS feeds (12 items each), opens each story page and rewrites haberler.json. The final bot.py
# (6c2cc87, 26 July 2026) is the one whose output is read: every later commit of haberler.json.
TR_AA_BOT_COMMIT = "6c2cc8767a8f0a97786c4431baf89ef81bc8e28b"
TR_AA_PARAGRAPH = re.compile(r"<p class='mb-4'>(.*?)</p>", re.S)


def _revisions(snap: Snapshot, path: str, since: str) -> Iterator[tuple[str, bytes]]:
    """(commit, bytes) of ``path`` at every commit after ``since`` up to the pinned commit that
    changed it, oldest first, read through one `git cat-file --batch`."""
    commits = snap._git("rev-list", "--reverse", f"{since}..{snap.commit}", "--", path).decode("ascii").split()
    yield from zip(commits, snap.read_objects([f"{commit}:{path}" for commit in commits]))


def tr_aa(snap: Snapshot, limit: int = 400, seed: int = 23) -> Iterator[Article]:
    """inadinatv/haberlerim: haberler.json, a JSON array that the repository's bot (bot.py)
    rewrites every hour from Anadolu Ajansı's five category RSS feeds (Gündem, Ekonomi, Spor,
    Dünya, Yaşam & Sanat; 12 items each). For each item the bot opens the story page and keeps
    `baslik` (the page's og:title) and `tam_metin`: each <p> of the page's story area (the first
    <div> whose class contains "detay-icerik", "content-detail", "story" or "detail", else the
    whole page) whose text (BeautifulSoup's get_text(strip=True)) is over 40 characters and holds
    none of "Anadolu Ajansı", "Abone Ol", "İlgili Haber", "KAYNAK", written as
    <p class='mb-4'>text</p>, after any <div> it built for the page's iframes and .mp4 videos.
    Every version of haberler.json that the final bot.py (6c2cc87) wrote up to the pinned commit
    is read, oldest first. The headline is `baslik`; each <p class='mb-4'> of `tam_metin` is a
    paragraph, as the bot wrote it (the text is not HTML-escaped by the bot, so nothing is
    decoded but the JSON); the video <div>s hold no text. `aciklama` (the RSS description, AA's
    standfirst) is not read. The first copy of each link and of each body; a headline and 3+
    paragraphs; a seeded sample of ``limit``, in the order first scraped."""

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for commit, data in _revisions(snap, "haberler.json", TR_AA_BOT_COMMIT):
            for number, item in enumerate(json.loads(data.decode("utf-8"))):
                paragraphs = _paragraphs(TR_AA_PARAGRAPH.findall(item.get("tam_metin") or ""))
                yield (f"haberler.json@{commit}#{number}", item.get("link") or "",
                       item.get("baslik") or "", paragraphs)
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


# wijnandb/leestmeer: a Jekyll site ("Leest meer", reading practice for vmbo pupils) whose bot
# committed every half hour a _posts/<date>-<slug>.md for each new item of NOS's and De
# Telegraaf's RSS feeds (posts dated March to October 2019); on 6 December 2019 _posts/ was deleted.
# The last commit that still holds it (1,073 posts) is pinned.
NL_LEESTMEER_COMMIT = "c7e67b19b74c12af9c340bfd6b0c9bff8150f0e3"


def _front_matter_value(raw: str) -> str:
    """A one-line YAML scalar as the bot wrote it: double-quoted (\\" and \\\\ escapes) or plain."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return raw


class _FeedBlocks(_ReadabilityBlocks):
    """``_ReadabilityBlocks``, where a line break inside a block also ends a paragraph: the
    Telegraaf feed gives lists (results, fixtures, seedings) one item a line inside one <p>."""

    def handle_data(self, data: str) -> None:
        for number, piece in enumerate(data.split("\n")):
            if number:
                self._flush()
            super().handle_data(piece)


def nl_nos_telegraaf(snap: Snapshot, limit: int = 400, seed: int = 2019) -> Iterator[Article]:
    """wijnandb/leestmeer: _posts/*.md, Dutch news posts a bot wrote from NOS's (nos.nl,
    feeds.nos.nl) and De Telegraaf's RSS feeds in 2019 (plus a few of jeugdjournaal.nl and
    politie.nl). Each post is YAML front matter (`title`, `externe_link`, `bron`, ...) and then
    the feed item's full-text HTML as the feed gave it: <p> paragraphs, <h2> crossheads, and the
    feeds' tracking <img>. The headline is `title`; the paragraphs are the blocks of the HTML in
    document order (``_ReadabilityBlocks``: each <p>, <h2>..., entities decoded once, whitespace
    collapsed), a line break inside a block ending a paragraph too (``_FeedBlocks``: the
    Telegraaf's lists of results, one a line in one <p>). Everything the feed carried stays: the
    leftover lead-ins of dropped embeds ("Tekst gaat verder onder de tweet:"), credits, links to
    other stories. One article per
    `externe_link` and per body; a headline and 3+ paragraphs; a seeded sample of ``limit``, in
    file-name order."""

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        paths = snap.all_files("_posts")
        for path, data in snap.read_all(paths):
            text = data.decode("utf-8")
            if not text.startswith("---"):
                continue
            _, front, body = text.split("---", 2)
            fields = {}
            for line in front.splitlines():
                name, sep, value = line.partition(":")
                if sep and not line.startswith((" ", "-")):
                    fields[name.strip()] = _front_matter_value(value)
            parser = _FeedBlocks()
            parser.feed(body)
            parser.close()
            yield path, fields.get("externe_link") or path, fields.get("title") or "", parser.blocks
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


# zoetzikra/greek-news-aggregator: a daily pipeline (GitHub Actions / a scheduled task running
# scripts/collect_rss.py) scrapes kathimerini.gr section pages (politics, economy, society, world,
# opinion, culture, the Θεωρείο column), opens each article and keeps every <p> of the story
# container over 40 characters, joined by blank lines, then commits the day's items, with an LLM's
# bilingual summary and tags, as <date>/<category>.json under web/data/ and frontend/static/data/.
GR_KATHIMERINI_DATA = ("web/data/", "frontend/static/data/")
GR_KATHIMERINI_DAY_FILE = re.compile(r"\d{4}-\d{2}-\d{2}/[a-z]+\.json")  # index.json (no items) left out


def gr_kathimerini(snap: Snapshot, limit: int = 400, seed: int = 30) -> Iterator[Article]:
    """zoetzikra/greek-news-aggregator: <data>/<YYYY-MM-DD>/<category>.json (not summary.json),
    each an object whose `items` hold `title` (the page's og:title or <h1>, "| Καθημερινή"
    stripped by the scraper) and `content` (the scraped <p> texts joined by blank lines; the
    committed text stops at 2,000 characters, cut by the pipeline, often mid-word). The headline
    is `title`; each non-empty line of `content` is a paragraph, as committed; `summary` and
    `tags` (the LLM's) are not read. Files in date order (web/data/ before frontend/static/data/
    on a date); the first copy of each `url` and of each body; a headline and 3+ paragraphs; a
    seeded sample of ``limit``, in that order."""
    paths = [path for folder in GR_KATHIMERINI_DATA for path in snap.all_files(folder)
             if GR_KATHIMERINI_DAY_FILE.fullmatch(path[len(folder):]) and not path.endswith("/summary.json")]
    paths.sort(key=lambda path: (path.split("/")[-2], GR_KATHIMERINI_DATA.index(
        next(f for f in GR_KATHIMERINI_DATA if path.startswith(f))), path))

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for path, data in snap.read_all(paths):
            for item in json.loads(data.decode("utf-8")).get("items") or []:
                link = (item.get("url") or "").strip() or f"{path}#{item.get('id')}"
                yield (f"{path}#id={item.get('id')}", link, item.get("title") or "",
                       _paragraphs((item.get("content") or "").split("\n")))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


# mkonefal2/clickbait_verifier: a student project that rates Polish headlines for clickbait and
# commits the pages its scraper fetched, one JSON file each.
PL_RMF24_DATA = "reports/scraped/"


def pl_rmf24(snap: Snapshot, limit: int = 400, seed: int = 24) -> Iterator[Article]:
    """mkonefal2/clickbait_verifier: reports/scraped/scraped_<id>.json at the pinned commit (1,632
    files, one page each; `removed_log.json` and `.gitkeep` not read), each an object with
    `source`, `title`, `url`, `published`, `fetched_at`, `content`, `content_preview`, `image_url`.
    Only `source` "rmf24" is read (523 files): Onet's 1,105 pages lost their story to the site's
    script loading (1,050 keep only the lead, the share buttons, the audio player's speed labels and
    a caption) and FocusPL / naukawpolsce have two pages each. What the scraper
    (`clickbait_verifier/scraper.py`, `extract_content_and_title`) wrote: `title` is the page's
    og:title (else twitter:title, else <title>); `content` is BeautifulSoup's
    `get_text(separator="\\n", strip=True)` of `div.article-body` (the rmf24 extractor's
    `content_css`) after removing script, style, aside, footer and elements classed promo,
    newsletter, related, read-more, comments, advertisement...: every text node on a line of its
    own, so a paragraph with a bold phrase or link inside comes in pieces ("Jednak" / "nie każde
    drzewo można usunąć bez formalności" / ". Kluczowe są ..."), and the site's in-body promo
    ("Więcej ciekawych informacji z Polski i świata znajdziesz na" / "RMF24.pl" / "."), its
    "Zobacz również:" boxes with their story titles, crossheads, list items and captions stay.
    The headline is `title` (whitespace collapsed); each non-empty line of `content` is a
    paragraph, as committed (nothing joined, moved or cleaned; the JSON holds no entities).
    `content_preview` (the first 500 characters), `published` and `image_url` are not read. Files
    in path order (the id is the fetch time in milliseconds); the first of each `url` and of each
    body; a headline and 3+ paragraphs; a seeded sample of ``limit``, in that order."""
    paths = [path for path in snap.files(PL_RMF24_DATA)
             if path.rsplit("/", 1)[-1].startswith("scraped_") and path.endswith(".json")]

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for path, data in snap.read_all(paths):
            item = json.loads(data.decode("utf-8"))
            if item.get("source") != "rmf24":
                continue
            yield (path, (item.get("url") or "").strip() or path, item.get("title") or "",
                   _paragraphs((item.get("content") or "").split("\n")))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


# VG's newsroom-data team published the 60 stories two journalists and four models rated for
# "main perspective" (Israeli, Palestinian or neutral): one JSON object a line.
NB_VG_DATA = "data/articles.jsonl"


def nb_vg(snap: Snapshot, limit: int = 400, seed: int = 2024) -> Iterator[Article]:
    """vgno/2024-ai-news-perspectives: `data/articles.jsonl` at the pinned commit (60 lines, one
    article each, unchanged since the repository's first commit f09a65a), each an object with
    `PUBLISHED_DATE` (2023-10-09 to 2024-05), `CONTENT_ID` (VG's article id), `CONTENT_TAGS` (a
    JSON list as a string), `CONTENT_NEWSROOM` (always "vg"), `CONTENT_TITLE` and `TEXT`. `TEXT` is
    VG's plain-text export of the story (how it was made is not documented; `run.py` reads it from
    an internal VG API): the title on its first line (7 of 60 with a trailing space), then the
    body's blocks separated by blank lines (two or three newlines): the standfirst, image captions
    in VG's style ("TO DREPT: En mann og en kvinne ..."), wire photos' English descriptions ("A sheet
    covers the passenger side of a damaged car ..."), crossheads, fact-box lines ("Dette har
    skjedd"), in-text promotions of other stories and the closing credit line ("I Israel: Espen
    Rasmussen (tekst) og Harald Henden (foto).") all stay where the export put them. The headline
    is `CONTENT_TITLE` (whitespace collapsed); the first line of `TEXT` is dropped when, stripped,
    it is that title (all 60: the export's own heading, not a paragraph); every other non-empty
    line is a paragraph, stripped, as committed (nothing joined, moved or cleaned; no-break spaces
    inside lines stay). Lines in file order; the first of each `CONTENT_ID` and of each body; a
    headline and 3+ paragraphs; a seeded sample of ``limit`` (all 60 are kept: fewer than
    ``limit``), in that order."""
    lines = snap.read(NB_VG_DATA).decode("utf-8").splitlines()

    def candidates() -> Iterator[tuple[str, str, str, list[str]]]:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            item = json.loads(line)
            title = item.get("CONTENT_TITLE") or ""
            text_lines = (item.get("TEXT") or "").split("\n")
            if text_lines and " ".join(text_lines[0].split()) == " ".join(title.split()):
                text_lines = text_lines[1:]
            key = f"{NB_VG_DATA}:{number}:{item.get('CONTENT_ID')}"
            yield (key, item.get("CONTENT_ID") or key, title, _paragraphs(text_lines))
    yield from _seeded_sample(_one_per_link_and_body(candidates()), limit, seed)


@dataclass(frozen=True)
class Source:
    repo: str
    commit: str
    licence: str
    read: Callable[[Snapshot], Iterator[Article]]


GJ = "feryah/gilets_jaunes"
GJ_COMMIT = "69d104955e6dc1aea04d7aad796f70696878f495"
BBC, BBC_COMMIT = "ZitRos/news-articles-dataset", "f0ee062afc877254b3283731e8eff33dee78dfd4"
SOURCES: dict[str, Source] = {
    "bbc-sport": Source(BBC, BBC_COMMIT, "repository MIT; articles (c) BBC", bbc_section("sport")),
    "bbc-tech": Source(BBC, BBC_COMMIT, "repository MIT; articles (c) BBC", bbc_section("tech")),
    "reuters-21578": Source("mihaibogdan10/json-reuters-21578", "af8b9c6096e4a4625a490ab41b676927265c3fec",
                            "Reuters-21578 Distribution 1.0: research use; repository MIT", reuters),
    "fakedes-es": Source("jpposadas/FakeNewsCorpusSpanish", "732f4870abd8d3f5ab4956fd92b040a7913614e3",
                         "CC BY 4.0 (corpus); articles (c) their publishers", fakedes_true),
    "lalibre-be-fr": Source(GJ, GJ_COMMIT, "no licence stated; articles (c) La Libre Belgique",
                            xml_docs("Francais/Belgique/LaLibre.xml", "Francais/Belgique/LaLibreContrast.xml")),
    "dh-be-fr": Source(GJ, GJ_COMMIT, "no licence stated; articles (c) La DH",
                       xml_docs("Francais/Belgique/DH.xml", "Francais/Belgique/DH_CONTRAST.xml")),
    "cn-press-zh": Source(GJ, GJ_COMMIT, "no licence stated; articles (c) Xinhua, People's Daily, Huanqiu, CE",
                          xml_docs("Chinois_CN/corpus/corpus_zh_cn.xml", "Chinois_CN/corpus/corpus_contrast_zh_cn.xml")),
    "basil-en": Source("launchnlp/BASIL", "4fdbc4f68d5ddae648990063cb6dd11424d96222",
                       "no licence stated (research corpus); articles (c) The New York Times, Fox News, HuffPost",
                       basil),
    "news-pt-br": Source("mauricio-seiji/Dataset-news-articles-pt-br", "f84986779c20b0413c458ed7aa392e90a5f95c7b",
                         "no licence stated; articles (c) their publishers (g1 and other Brazilian sites)",
                         news_pt_br),
    "ru-moldova-press": Source("gavriil-f/ugthesis", "bcfef3aa17c9926272aa1309862d3294b863f8f5",
                               "no licence stated (a thesis's data); articles (c) their publishers "
                               "(Nokta, Moldavskie Vedomosti, KP Moldova, Gagauzinfo, Gagauznews)", ru_moldova),
    "fundus-en": Source("flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8",
                        "repository MIT; articles (c) their publishers", fundus),
    "newspaper-en": Source("AndyTheFactory/newspaper4k", "79553f6302cea1a6e36103fb4dc1c675ca704cd3",
                           "repository MIT; articles (c) their publishers", newspaper_pages),
    "wikinews-de": Source("uhh-lt/german-news-quotation-attribution-2024", "74e7bd6d1b57b662865f570c4d1de26ff15d2689",
                          "data CC BY-NC-SA 4.0; Wikinews texts CC BY", wikinews_de),
    "cmoncrawl-cs": Source("hynky1999/CmonCrawl", "66ecbb8ce8bcec257e4bbf2ddc186bbbbaef802d",
                           "repository MIT; articles (c) their publishers (iDNES and others)", cmoncrawl_cs),
    "dawn-pk": Source("gitcodeuu/xai_articles", "b0dabd22a0086d29d54129bf571ec10588070823",
                      "scraper MIT (README); articles (c) Dawn", dawn_pk),
    "livedoor-ja": Source("jkatsuta/18_4q_doc2vec", "2bd5f73aa53b7ff81e1e08429eb91d080a09f3cd",
                          "articles CC BY-ND 2.1 JP (livedoor News Corpus); repository: no licence stated",
                          livedoor_ja),
    "kompas-id": Source("greysian777/indo-news-dataset", "06fa3610736ad9c3cf5e77f1b74519c452a8de74",
                        "no licence stated; articles (c) Kompas.com", kompas_id),
    "ro-political-press": Source("HoriaMoraru/Romanian-News-Political-Bias-Detection",
                                 "01bbeb6f328a86e7da382fab5df89c1b022885bd",
                                 "no licence stated (a student project's scraped data); articles (c) their "
                                 "publishers (Gazeta de Sud, a1.ro / Antena 1, antidotul.ro)", ro_political_press),
    "allsides-us-en": Source("ramybaly/Article-Bias-Prediction", "ced8111a720948e6a410e52031ace99c4e53f096",
                             "repository Apache-2.0; articles (c) their publishers", allsides_us),
    "lk-news-en": Source("nuuuwan/lk_news", "ad3253ef61c1ccccdb606228145761a1fd0cb8c4",
                         ("repository MIT (code; no separate data licence); articles (c) their publishers "
           "(Ada Derana, Daily FT, The Island, EconomyNext, Daily Mirror LK, Colombo Telegraph, "
           "dbsjeyaraj.com, News 1st)"), lk_news_en),
    "lk-news-ta": Source("nuuuwan/lk_news", "ad3253ef61c1ccccdb606228145761a1fd0cb8c4",
                         ("repository MIT (code; no separate data licence); articles (c) their publishers "
           "(Virakesari, Tamil Mirror)"), lk_news_ta),
    "lk-news-si": Source("nuuuwan/lk_news", "ad3253ef61c1ccccdb606228145761a1fd0cb8c4",
                         ("repository MIT (code; no separate data licence); articles (c) their publishers "
           "(Ada Derana Sinhala, Ada, Lankadeepa)"), lk_news_si),
    "saudinewsnet-ar": Source("parallelfold/SaudiNewsNet", "4e39239966c2ae8a3faa591201acb9cd1f51199d",
                              ("CC BY-NC-SA 4.0 (README: research use only); articles (c) their newspapers "
           "(Al-Riyadh, Al-Jazirah, Al-Yaum, Al-Eqtisadiya, Asharq Al-Awsat, Okaz, Al-Watan, "
           "Al-Madina, Al-Weeam, Ain Alyoum, Sabq, Saudi Press Agency, Arreyadi, Arriyadiyah)"), saudinewsnet_ar),
    "hyperpartisan-en": Source("anshuly10/Biased-News-Detection", "89e4073cca91dfa8a250a2636082788bad170f4e",
                               ("data CC BY 4.0 (PAN @ SemEval 2019 Task 4, Zenodo 10.5281/zenodo.5776081); "
           "repository: no licence stated; articles (c) their publishers"), hyperpartisan_en),
    "isolezwe-za-xh": Source("masakhane-io/masakhane-news", "819be052e79e0a600e0ed4a7356594681cb5c4f3",
                             ("data AFL-3.0 (MasakhaNEWS, its dataset card); repository: no licence file; "
           "articles (c) Isolezwe lesiXhosa (Independent Media)"), isolezwe_xh),
    "readability-test-mul": Source("mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba",
                                   "repository Apache-2.0 (LICENSE.md); pages (c) their publishers",
                                   readability_pages),
    "farsnews-fa": Source("language-ml/course-nlp-ir-1-text-exploring", "48c7d56a33a6f75709e90b001529bf7705420674",
                          ("repository Apache-2.0 (LICENSE; a university NLP course's text collections); "
           "articles (c) Fars News Agency"), farsnews_fa),
    "bd-press-bn": Source("iamaber/bangla-news-scraper", "34caef29666ce7f7e59f913cc6000773c9c123ca",
                          ("no licence stated (a student scraper's committed output; README and pyproject.toml "
           "state none); articles (c) Prothom Alo and Samakal"), bd_press_bn),
    "vn-baomoi": Source("magizbox/scraper", "3387ada618569fd73517092f2215a89398d8f7ee",
                        ("no licence stated (the repository has no licence file; README states none); "
           "articles (c) their publishers (Vietnamese papers whose stories Báo Mới carries)"), vn_baomoi),
    "ko-naver-news": Source("kimchijoa/naver_news_crolling", "e2372c0dd16960e7e043283dff3c8d0ea2376ff0",
                            ("no licence stated (a student project's committed crawler output; the repository "
           "has no licence file and no README); articles (c) their publishers (Korean papers, agencies "
           "and broadcasters as Naver News carries them)"), ko_naver_news),
    "tr-aa": Source("inadinatv/haberlerim", "7e0fecc60f5a7948b90511be5dbf3fc516ccc710",
                    "no licence stated (a news bot's committed scrape: no licence file, no README); "
                    "articles (c) Anadolu Ajansı", tr_aa),
    "nl-nos-telegraaf": Source("wijnandb/leestmeer", NL_LEESTMEER_COMMIT,
                               "no licence stated; articles (c) NOS and De Telegraaf (from their RSS feeds)",
                               nl_nos_telegraaf),
    "gr-kathimerini": Source("zoetzikra/greek-news-aggregator", "5a770746dae2b4764fe1d15586df5b9ee69caf69",
                             ("repository MIT (README's 'License: MIT'; no LICENSE file); articles (c) "
           "Kathimerini (H Kαθημερινή)"), gr_kathimerini),
    "pl-rmf24": Source("mkonefal2/clickbait_verifier", "ae58483ed63c47965175e15a45785cb4939c1f4e",
                       ("no licence stated for the repository or its data (no LICENSE at the root; an "
                        "MIT LICENSE sat only in android_feed_app/, an app folder later deleted); "
                        "articles (c) RMF24 / RMF FM"), pl_rmf24),
    "nb-vg": Source("vgno/2024-ai-news-perspectives", "799b8a807ac3764cec667e891696c3a7a679c15e",
                    "repository MIT (LICENSE.txt, (c) Verdens Gang AS); articles (c) VG", nb_vg),
    "guardian-en": Source(GJ, GJ_COMMIT, "no licence stated; articles (c) Guardian News & Media",
                          xml_docs("Anglais/Anglais_GB/corpus/Guardian_original.xml",
                                   "Anglais/Anglais_GB/corpus/Guardian_contraste.xml")),
}


def write_source(name: str, source: Source, git_dir: Path, out: Path) -> int:
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    keys = {}
    for number, article in enumerate(source.read(Snapshot(git_dir, source.commit)), start=1):
        file = f"{number:04}.txt"
        lines = [article.headline, *article.paragraphs]
        (folder / file).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        keys[file] = article.key
    labels_file = HERE / "source_labels" / f"{name}.json"
    labels = (json.loads(labels_file.read_text(encoding="utf-8")) if labels_file.exists()
              else {"score_families": FAMILIES, "files": {}})
    (folder / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    (folder / "provenance.json").write_text(json.dumps(
        {"repo": source.repo, "commit": source.commit, "licence": source.licence, "files": keys},
        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                        help="folder of snapshots named OWNER+NAME/repo (bare git directories)")
    parser.add_argument("--git-dir", action="append", default=[], metavar="SOURCE=PATH",
                        help="the git directory of one source's repository (overrides --mirrors)")
    parser.add_argument("--out", type=Path, default=Path("/work/data/clean"))
    parser.add_argument("--only", action="append", choices=sorted(SOURCES), help="convert only these")
    args = parser.parse_args()
    explicit = dict(item.split("=", 1) for item in args.git_dir)
    for name in args.only or SOURCES:
        source = SOURCES[name]
        git_dir = Path(explicit.get(name) or args.mirrors / source.repo.replace("/", "+") / "repo")
        if (git_dir / ".git").is_dir():  # a snapshot with a work tree
            git_dir = git_dir / ".git"
        if not git_dir.exists():
            print(f"{name}: no git directory at {git_dir} (fetch {source.repo})", file=sys.stderr)
            continue
        count = write_source(name, source, git_dir, args.out)
        print(f"{name}: {count} articles from {source.repo}@{source.commit[:7]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
