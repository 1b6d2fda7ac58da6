"""Readers for the public extraction benchmarks used to build the labelled line corpus.

Each reader yields `Page`s: the saved HTML, its URL (when known), and its hand-made ground truth
as paragraphs (or, for trafilatura's evaluation pages, only must/must-not snippets).
See training/SOURCES.md for where each dataset comes from and what was excluded.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import lxml.html

from labelling import Truth


@dataclass
class Page:
    source: str
    page_id: str
    html: str
    url: str | None
    truth: Truth | None = None
    partial: dict | None = None   # {"with": [...], "without": [...]}
    ground_truth: str = "hand"    # how the truth was made (hand / readability-output / snippets)
    extra: dict = field(default_factory=dict)


def read_text(path: Path) -> str:
    """Decode a file: UTF-16 or UTF-8 by BOM, UTF-8, else the HTML's own charset, else cp1252."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # some dragnet truths are UTF-16
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:4000].decode("ascii", "replace")
    match = re.search(r"charset\s*=\s*[\"']?([\w-]+)", head, re.IGNORECASE)
    for encoding in ([match.group(1)] if match else []) + ["cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def html_url(html: str) -> str | None:
    """The page's own URL from its canonical link or og:url, if it names one."""
    for pattern in (r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"'](https?://[^\"'\s]+)",
                    r"<link[^>]+href=[\"'](https?://[^\"'\s]+)[\"'][^>]*rel=[\"']canonical",
                    r"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"'](https?://[^\"'\s]+)",
                    r"<meta[^>]+content=[\"'](https?://[^\"'\s]+)[\"'][^>]*property=[\"']og:url"):
        match = re.search(pattern, html[:200000], re.IGNORECASE)
        if match and "fakehost" not in match.group(1):
            return match.group(1)
    return None


def _natural(path: Path) -> tuple:
    """R2 before R10: the order of the files in their benchmark."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.stem))


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---- dragnet (seomoz/dragnet_data, via j-szulc/html-cleaning-dataset-merged) -----------------

_COMMENTS_MARK = re.compile(r"^[!@#$%^&*()\s]*COMMENTS\s*$", re.MULTILINE)


def dragnet(merged: Path) -> Iterator[Page]:
    root = merged / "dragnet_data"
    for gold in sorted((root / "GoldStandard").glob("*.txt"), key=_natural):
        html = read_text(root / "input" / f"{gold.stem}.html")
        text = html_lib.unescape(read_text(gold))
        parts = _COMMENTS_MARK.split(text, maxsplit=1)
        comments = paragraphs(parts[1]) if len(parts) > 1 else []
        truth = Truth(paragraphs(parts[0]), regions={"comments": comments} if comments else {})
        yield Page("dragnet", gold.stem, html, html_url(html), truth)


# ---- CleanEval (dev + final) and CleanPortalEval: "URL: ..." then <p>/<h>/<l> blocks -----------

_CE_BLOCK = re.compile(r"<(?:p|h|l)>", re.IGNORECASE)
_CE_TEXT_TAG = re.compile(r"^\s*<text [^>]*>\s*|\s*</text>\s*$", re.IGNORECASE)


def _cleaneval_truth(text: str) -> tuple[str | None, list[str]]:
    match = re.match(r"\s*URL:\s*(\S+)", text)
    url = match.group(1) if match else None
    if match:
        text = text[match.end():]
    blocks = []
    for block in _CE_BLOCK.split(text):
        joined = re.sub(r"\s+", " ", block).strip()
        if joined:
            blocks.append(joined)
    return url, blocks


def cleaneval_like(merged: Path, folder: str, source: str) -> Iterator[Page]:
    root = merged / folder
    golds = sorted((root / "GoldStandard").glob("*.txt"), key=_natural)
    for gold in golds:
        source_html = root / "input" / f"{gold.stem}.html"
        if not source_html.exists():
            continue
        raw = read_text(source_html)
        id_match = re.match(r"\s*<text id=\"([^\"]+)\"", raw)
        html = _CE_TEXT_TAG.sub("", raw)
        url, blocks = _cleaneval_truth(html_lib.unescape(read_text(gold)))
        url = url or (id_match.group(1) if id_match else None) or html_url(html)
        page_id = f"{folder.split('-')[-1]}-{gold.stem}" if source == "cleaneval" else gold.stem
        yield Page(source, page_id, html, url, Truth(blocks))


# ---- L3S-GN1 (boilerpipe's Google News set, via geodrome/page-signal) ---------------------------

_L3S_CLASSES = {"x-nc-sel1": "headline", "x-nc-sel2": "fulltext", "x-nc-sel3": "supplemental",
                "x-nc-sel4": "related", "x-nc-sel5": "comments"}


def l3s_gn1(page_signal: Path) -> Iterator[Page]:
    root = page_signal / "L3S-GN1-20100130203947-00001"
    urls = {}
    for line in (root / "url-mapping.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        if "\t" in line:
            urn, url = line.split("\t", 1)
            urls[urn.strip("<>").rsplit(":", 1)[-1]] = url.strip()
    for annotated in sorted((root / "annotated").glob("*.html")):
        html = read_text(root / "original" / annotated.name)
        regions: dict[str, list[str]] = {name: [] for name in _L3S_CLASSES.values()}
        tree = lxml.html.fromstring(read_text(annotated))
        for span in tree.iter("span"):
            name = _L3S_CLASSES.get((span.get("class") or "").strip())
            if name and "x-nc-invisible" not in (span.get("class") or ""):
                text = re.sub(r"\s+", " ", span.text_content()).strip()
                if text:
                    regions[name].append(text)
        # Blocks are cut at every tag but <a>: score 3-grams over the running full text.
        story = regions.pop("fulltext")
        headline = " ".join(regions.pop("headline"))
        truth = Truth(story, headline=headline, regions={k: v for k, v in regions.items() if v},
                      stream=True)
        yield Page("l3s-gn1", annotated.stem, html, urls.get(annotated.stem), truth)


# ---- Mozilla Readability test pages (weak: readability's own output, via the merged repo) -------

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "td", "th",
           "figcaption", "dd", "dt"}


def _html_blocks(html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    out = []
    for element in tree.iter():
        if element.tag in _BLOCKS and not any(child.tag in _BLOCKS for child in element.iterdescendants()):
            text = re.sub(r"\s+", " ", element.text_content()).strip()
            if text:
                out.append(text)
    return out


def readability(merged: Path) -> Iterator[Page]:
    root = merged / "readability"
    for gold in sorted((root / "GoldStandard").glob("*.txt")):
        html = read_text(root / "input" / f"{gold.stem}.html")
        blocks = _html_blocks(read_text(gold))
        if blocks:
            yield Page("readability", gold.stem, html, html_url(html), Truth(blocks),
                       ground_truth="readability-output")


# ---- trafilatura's evaluation pages: must / must-not snippets only -----------------------------

def trafilatura_eval(trafilatura: Path) -> Iterator[Page]:
    tests = trafilatura / "tests"
    data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    for number, (url, entry) in enumerate(data.items()):
        path = tests / "eval" / entry["file"]
        if not path.exists():
            path = tests / "cache" / entry["file"]
        if not path.exists():
            continue
        partial = {"with": entry.get("with", []), "without": entry.get("without", [])}
        extra = {"file": entry["file"]}
        if not url.startswith("http"):  # "hard::site.com-name.html": no URL, the site is in the name
            url = None
            match = re.match(r"([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})[-_]", entry["file"].lower())
            if match:
                extra["site_hint"] = match.group(1)
        yield Page("trafilatura-eval", f"{number:04d}", read_text(path), url, None, partial,
                   ground_truth="snippets", extra=extra)


# ---- leogao2/htmltotext-benchmark: hand-made text of a few pages in de, en, hr, zh ------------

def htmltotext(repo: Path) -> Iterator[Page]:
    root = repo / "benchmarkdata"
    for html_path in sorted(root.glob("*/html/*.html")):
        if html_path.stem.startswith(("forum-", "wiki-")):
            continue  # forum threads and encyclopaedia pages are not news
        gold = html_path.parent.parent / "text" / f"{html_path.stem}.txt"
        if not gold.exists():
            continue
        html = read_text(html_path)
        lang = html_path.parent.parent.name
        yield Page("htmltotext", f"{lang}-{html_path.stem}", html, html_url(html),
                   Truth(paragraphs(read_text(gold))))


# ---- rodricios/crawl-to-the-future: Wayback copies of 10 news sites, 2000-2015 --------------------

_WAYBACK_TOOLBAR = re.compile(r"<!-- BEGIN WAYBACK TOOLBAR INSERT -->.*?<!-- END WAYBACK TOOLBAR INSERT -->",
                              re.DOTALL)
_WAYBACK_HEAD = re.compile(r"<script[^>]*(archive\.org|wombat|playback)[^>]*>.*?</script>"
                           r"|<link[^>]+(banner-styles|iconochive)[^>]*>", re.DOTALL | re.IGNORECASE)


def crawl_to_the_future(extracted: Path) -> Iterator[Page]:
    """`extracted`: the folder the per-site .7z archives of dataset/ were unpacked into.

    Each page comes with a text file that an extractor (eatiht) made and the author checked by
    hand (article, title, author and date). The Wayback Machine's toolbar is cut out of the HTML:
    it is the archive's furniture, not the site's.
    """
    for html_path in sorted(extracted.glob("*/*/*.html")):
        gold = html_path.with_suffix(".txt")
        if not gold.exists():
            continue
        html = _WAYBACK_HEAD.sub("", _WAYBACK_TOOLBAR.sub("", read_text(html_path)))
        site_folder, year = html_path.parent.parent.name, html_path.parent.name
        digest = hashlib.sha1(html_path.name.encode("utf-8")).hexdigest()[:10]
        yield Page("crawl-to-the-future", f"{site_folder}-{year}-{digest}", html, None,
                   Truth(paragraphs(read_text(gold))), ground_truth="hand-checked-extraction",
                   extra={"site_hint": site_folder, "year": int(year), "file": html_path.name})
