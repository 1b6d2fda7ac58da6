"""Rebuild the labelled line corpus (/work/data/lines) from local snapshots of public benchmarks.

    python training/build_lines.py --merged SRC/merged --page-signal SRC/page-signal \\
        --trafilatura SRC/trafilatura --htmltotext SRC/htmltotext \\
        --crawl-to-the-future SRC/ctf/x --out /work/data/lines \\
        [--jobs 2] [--only dragnet,...]

Each page's saved HTML is run through trafilatura 2.3.1 and newspaper4k 0.9.6 exactly as
shared/corpus/pages was built, and every extracted line is labelled against the page's hand-made
ground truth (see labelling.py and SOURCES.md). Extractions are cached under --cache, so a
relabelling run does not extract again. Pages whose URL is in the pages/ development set are
dropped, and a page found in two sources is kept once (first source in SOURCE_ORDER).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html  # noqa: E402

import sources  # noqa: E402
from labelling import PageMeta, coverage, label_lines, words  # noqa: E402

SOURCE_ORDER = ["l3s-gn1", "cleanportaleval", "htmltotext", "dragnet", "crawl-to-the-future", "cleaneval",
                "trafilatura-eval", "readability"]
# Read with --only: readability's "ground truth" is readability's own output (a weak source).
DEFAULT_SOURCES = [name for name in SOURCE_ORDER if name != "readability"]
EXTRACTORS = ("traf", "news")
VERSIONS = {"trafilatura": "2.3.1", "newspaper4k": "0.9.6"}


def read_pages(args) -> Iterator[tuple[str, list]]:
    """(source, pages) per source, read only when its turn comes."""
    readers = {
        "l3s-gn1": lambda: sources.l3s_gn1(args.page_signal),
        "dragnet": lambda: sources.dragnet(args.merged),
        "cleanportaleval": lambda: sources.cleaneval_like(args.merged, "CleanPortalEval-master",
                                                          "cleanportaleval"),
        "cleaneval": lambda: [*sources.cleaneval_like(args.merged, "cleaneval-dev", "cleaneval"),
                              *sources.cleaneval_like(args.merged, "cleaneval-final", "cleaneval")],
        "htmltotext": lambda: sources.htmltotext(args.htmltotext),
        "crawl-to-the-future": lambda: sources.crawl_to_the_future(args.crawl_to_the_future),
        "trafilatura-eval": lambda: sources.trafilatura_eval(args.trafilatura),
        "readability": lambda: sources.readability(args.merged),
    }
    wanted = args.only.split(",") if args.only else DEFAULT_SOURCES
    limit = args.limit or None
    for name in SOURCE_ORDER:
        if name in wanted:
            yield name, list(readers[name]())[:limit]


def url_key(url: str | None) -> str | None:
    if not url:
        return None
    url = re.sub(r"^https?://(www\d?\.)?", "", url.strip().lower())
    url = re.sub(r"#.*$", "", url)
    # Tracking parameters do not make another page; other query parameters may (story.asp?id=1).
    url = re.sub(r"([?&])(utm_[a-z]+|ref|cmp|ns_[a-z]+)=[^&]*", r"\1", url)
    return re.sub(r"[?&]+$", "", url).rstrip("/")


def dev_urls(pages_labels: Path) -> set[str]:
    files = json.loads(pages_labels.read_text(encoding="utf-8"))["files"]
    return {url_key(entry.get("url")) for entry in files.values() if entry.get("url")}


def dev_sites(pages_labels: Path) -> set[str]:
    files = json.loads(pages_labels.read_text(encoding="utf-8"))["files"]
    return {registered_domain(entry["url"]) for entry in files.values() if entry.get("url")}


# Sources whose pages may date from 2019 or later, like the Zyte benchmark's (saved in 2019).
# Its held-out pages are not listed anywhere we may read, so a page of these sources on a site
# of the development set is dropped: it could be one of them.
RECENT_SOURCES = {"htmltotext", "trafilatura-eval", "readability"}


# ---- extraction (worker processes) --------------------------------------------------------------

def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def extract(html: str, url: str | None, placeholder_url: str) -> dict:
    import trafilatura
    from newspaper import Article

    out: dict = {}
    try:
        body = trafilatura.extract(html, url=url, favor_recall=True, include_comments=False,
                                   include_tables=False)
        meta = trafilatura.extract_metadata(html)
        out["traf"] = {"title": (meta.title if meta and meta.title else "") or "", "lines": _lines(body)}
    except Exception as error:  # a page the extractor cannot read is reported, not fatal
        out["traf"] = {"error": repr(error)[:200]}
    try:
        article = Article(url or placeholder_url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        out["news"] = {"title": article.title or "", "lines": _lines(article.text)}
    except Exception as error:
        out["news"] = {"error": repr(error)[:200]}
    return out


def _extract_job(job: tuple[str, str, str | None, str]) -> tuple[str, dict]:
    cache_path, html, url, placeholder = job
    result = extract(html, url, placeholder)
    temporary = Path(cache_path + ".tmp")  # renamed when whole: an interrupted run leaves no half file
    temporary.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    temporary.replace(cache_path)
    return cache_path, result


def cached_extractions(pages: list, cache: Path, jobs: int, cached_only: bool = False) -> dict[str, dict]:
    results: dict[str, dict] = {}
    todo = []
    for page in pages:
        key = hashlib.sha1((page.html + "\0" + (page.url or "")).encode("utf-8", "replace")).hexdigest()
        path = cache / page.source / f"{page.page_id}-{key[:12]}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            results[page.page_id] = json.loads(path.read_text(encoding="utf-8"))
        elif not cached_only:
            placeholder = f"https://{page.source}.invalid/{page.page_id}.html"
            todo.append((str(path), page.html, page.url, placeholder))
    # Extract in a scrambled but fixed order: a run stopped half-way (see --cached-only) then
    # still covers every site and year of a source, not only its first folders.
    todo.sort(key=lambda job: hashlib.sha1(job[0].encode()).hexdigest())
    if todo:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for done, (path, result) in enumerate(pool.map(_extract_job, todo, chunksize=4), 1):
                page_id = Path(path).name.rsplit("-", 1)[0]
                results[page_id] = result
                if done % 100 == 0:
                    print(f"  extracted {done}/{len(todo)}", file=sys.stderr, flush=True)
    return results


# ---- page metadata -------------------------------------------------------------------------------

def page_meta(html: str) -> dict:
    try:
        tree = lxml.html.fromstring(html.encode("utf-8", "replace"))
    except Exception:
        return {"og_title": None, "h1": None, "descriptions": [], "html_lang": None}

    def first(xpath: str) -> str | None:
        found = tree.xpath(xpath)
        if not found:
            return None
        value = found[0] if isinstance(found[0], str) else found[0].text_content()
        value = re.sub(r"\s+", " ", value).strip()
        return value or None

    descriptions = [d for d in (first('//meta[@property="og:description"]/@content'),
                                first('//meta[@name="description"]/@content'),
                                first('//meta[@name="Description"]/@content')) if d]
    return {"og_title": first('//meta[@property="og:title"]/@content'), "h1": first("//h1"),
            "descriptions": descriptions, "html_lang": first("/html/@lang")}


_SUFFIXES = None


def registered_domain(url: str | None) -> str | None:
    global _SUFFIXES
    if not url:
        return None
    import tldextract

    if _SUFFIXES is None:  # the suffix list shipped with tldextract: no network
        _SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    parts = _SUFFIXES(url)
    return parts.top_domain_under_public_suffix or parts.domain or None


def language(text: str, html_lang: str | None) -> str | None:
    import py3langid

    sample = text[:3000]
    if len(words(sample)) >= 5:
        return py3langid.classify(sample)[0]
    if html_lang:
        return html_lang.split("-")[0].split("_")[0].lower()
    return None


def agrees(title: str, other: str | None):
    if not other:
        return None
    return words(title) == words(other)


# ---- writing ---------------------------------------------------------------------------------------

def file_text(title: str, lines: list[str]) -> str:
    return title.strip() + "\n\n" + "".join(line + "\n\n" for line in lines)


def build_source(name: str, pages: list, extractions: dict, out: Path) -> dict:
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("p*-*.txt"):
        old.unlink()
    files: dict[str, dict] = {}
    skipped = Counter()
    for number, page in enumerate(pages, 1):
        result = extractions[page.page_id]
        meta = page_meta(page.html)
        truth_text = "\n".join(page.truth.paragraphs) if page.truth else "\n".join(page.partial["with"])
        page_lang = None
        for extractor in EXTRACTORS:
            got = result.get(extractor, {})
            if "error" in got:
                skipped[f"{extractor}-error"] += 1
                continue
            if not got.get("lines"):
                skipped[f"{extractor}-empty"] += 1
                continue
            title, lines = got["title"], got["lines"]
            headlines = [h for h in (meta["og_title"], meta["h1"], title,
                                     page.truth.headline if page.truth else "") if h]
            pm = PageMeta(headlines=headlines, descriptions=meta["descriptions"])
            expect, allow = label_lines(title, lines, page.truth, pm, page.partial)
            if page_lang is None or len(words(truth_text)) < 20:  # once a page when the truth decides
                page_lang = language(truth_text if len(words(truth_text)) >= 20 else "\n".join(lines),
                                     meta["html_lang"])
            lang = page_lang
            filename = f"p{number:04d}-{extractor}.txt"
            (folder / filename).write_text(file_text(title, lines), encoding="utf-8")
            entry = {
                "expect": expect, "allow": allow, "source": name, "page": page.page_id,
                "url": page.url, "site": registered_domain(page.url or page.extra.get("site_hint")),
                "lang": lang,
                "extractor": extractor, "ground_truth": page.ground_truth,
                "headline": {"og_title": meta["og_title"], "h1": meta["h1"],
                             "agrees_og_title": agrees(title, meta["og_title"]),
                             "agrees_h1": agrees(title, meta["h1"]),
                             "in_ground_truth": bool(page.truth and words(title) and
                                                     " ".join(words(title)) in page.truth.joined)},
            }
            if page.truth:
                entry["coverage"] = coverage(lines, page.truth)
            entry.update(page.extra)
            files[filename] = entry
    labels = {
        "description": f"{name}: real pages of a public extraction benchmark, text extracted by "
                       f"trafilatura (-traf) and newspaper4k (-news), lines labelled against the "
                       f"page's ground truth. See training/SOURCES.md in the newslint repository.",
        "score_families": ["injected", "structure"],
        "extractor_versions": VERSIONS,
        "files": files,
    }
    (folder / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"files": files, "skipped": dict(skipped)}


def summarise(name: str, files: dict, out: Path) -> dict:
    pages, sites, langs = set(), set(), Counter()
    story = expect = allow = 0
    for filename, entry in files.items():
        pages.add(entry["page"])
        if entry["site"]:
            sites.add(entry["site"])
        text = (out / name / filename).read_text(encoding="utf-8")
        body_lines = len(text.split("\n\n")) - 2
        injected_e = sum(1 for e in entry["expect"] if e["family"] == "injected")
        injected_a = {a["line"] for a in entry["allow"] if a["family"] == "injected"}
        expect += injected_e
        allow += len(injected_a)
        story += body_lines - injected_e - len(injected_a)
    for entry in files.values():
        if entry["extractor"] == "traf" and entry["lang"]:
            langs[entry["lang"]] += 1
    return {"source": name, "files": len(files), "pages": len(pages), "sites": len(sites),
            "languages": len(langs), "top_languages": dict(langs.most_common(8)),
            "story_lines": story, "expect_lines": expect, "allow_lines": allow,
            "site_set": sorted(sites)}


# newspaper4k's output depends on the interpreter's string-hash seed (the same page gave the
# same text twice under one seed and different text under others, 2026-12-03): the build runs
# under a fixed seed so that two builds from an empty --cache write the same corpus.
HASH_SEED = "0"


def _with_fixed_hash_seed() -> None:
    """Run this script again under PYTHONHASHSEED=HASH_SEED unless it already is."""
    import os

    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": HASH_SEED})


def main() -> int:
    _with_fixed_hash_seed()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--merged", type=Path, required=True, help="j-szulc/html-cleaning-dataset-merged checkout")
    parser.add_argument("--page-signal", type=Path, required=True, help="geodrome/page-signal checkout")
    parser.add_argument("--trafilatura", type=Path, required=True, help="adbar/trafilatura checkout")
    parser.add_argument("--htmltotext", type=Path, required=True, help="leogao2/htmltotext-benchmark checkout")
    parser.add_argument("--crawl-to-the-future", type=Path, required=True,
                        help="rodricios/crawl-to-the-future dataset/*.7z unpacked into one folder")
    parser.add_argument("--pages-labels", type=Path, default=Path("/work/shared/corpus/pages/labels.json"),
                        help="development set whose URLs are excluded")
    parser.add_argument("--out", type=Path, default=Path("/work/data/lines"))
    parser.add_argument("--cache", type=Path, default=Path("/work/data/cache/extract"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", help="comma-separated sources (default: all)")
    parser.add_argument("--summary-only", action="store_true",
                        help="only rewrite SUMMARY.md/summary.json from the labels.json files in --out")
    parser.add_argument("--cached-only", action="store_true",
                        help="label only the pages already extracted into --cache (no extraction)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages per source (for trials)")
    args = parser.parse_args()

    import newspaper
    import trafilatura
    found = {"trafilatura": trafilatura.__version__, "newspaper4k": newspaper.__version__}
    if found != VERSIONS:
        print(f"error: need {VERSIONS}, found {found}", file=sys.stderr)
        return 2

    if args.summary_only:
        return summary_from_labels(args.out)
    excluded = dev_urls(args.pages_labels)
    excluded_sites = dev_sites(args.pages_labels)
    seen: set[str] = set()
    report = []
    for name, pages in read_pages(args):
        kept, dropped = [], Counter()
        for page in pages:
            key = url_key(page.url)
            if key and key in excluded:
                dropped["url-in-dev-set"] += 1
            elif name in RECENT_SOURCES and registered_domain(page.url or page.extra.get("site_hint")) \
                    in excluded_sites:
                dropped["recent-page-on-dev-site"] += 1
            elif key and key in seen:
                dropped["duplicate-url"] += 1
            elif page.truth is not None and not page.truth.paragraphs:
                dropped["empty-ground-truth"] += 1
            else:
                kept.append(page)
                if key:
                    seen.add(key)
        print(f"{name}: {len(kept)} pages ({dict(dropped)} dropped); extracting", file=sys.stderr, flush=True)
        extractions = cached_extractions(kept, args.cache, args.jobs, args.cached_only)
        if args.cached_only:
            dropped["not-extracted-yet"] = len(kept) - len(extractions)
            kept = [page for page in kept if page.page_id in extractions]
        built = build_source(name, kept, extractions, args.out)
        summary = summarise(name, built["files"], args.out)
        summary["dropped"] = dict(dropped)
        summary["no_file"] = built["skipped"]
        report.append(summary)
        print(f"  {name}: {summary['files']} files, {summary['pages']} pages, {summary['sites']} sites",
              file=sys.stderr, flush=True)
    write_summary(report, args.out)
    return 0


def summary_from_labels(out: Path) -> int:
    """Recount every source folder (after runs limited with --only wrote parts of the corpus)."""
    previous = json.loads((out / "summary.json").read_text()) if (out / "summary.json").exists() else {}
    report = []
    for name in SOURCE_ORDER:
        labels = out / name / "labels.json"
        if labels.exists():
            row = summarise(name, json.loads(labels.read_text(encoding="utf-8"))["files"], out)
            for key in ("dropped", "no_file"):
                row[key] = previous.get(name, {}).get(key, {})
            report.append(row)
    (out / "summary.json").unlink(missing_ok=True)
    write_summary(report, out)
    return 0


def write_summary(report: list[dict], out: Path) -> None:
    summary_path = out / "summary.json"
    previous = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    for row in report:
        previous[row["source"]] = row
    summary_path.write_text(json.dumps(previous, ensure_ascii=False, indent=1), encoding="utf-8")
    rows = [previous[name] for name in SOURCE_ORDER if name in previous]
    all_sites = set().union(*[set(r["site_set"]) for r in rows]) if rows else set()
    lines = ["| source | files | pages | sites | languages | story lines | expect lines | allow lines |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['source']} | {r['files']} | {r['pages']} | {r['sites']} | {r['languages']} "
                     f"| {r['story_lines']} | {r['expect_lines']} | {r['allow_lines']} |")
    lines.append(f"| **all** | {sum(r['files'] for r in rows)} | {sum(r['pages'] for r in rows)} "
                 f"| {len(all_sites)} | | {sum(r['story_lines'] for r in rows)} "
                 f"| {sum(r['expect_lines'] for r in rows)} | {sum(r['allow_lines'] for r in rows)} |")
    (out / "SUMMARY.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
