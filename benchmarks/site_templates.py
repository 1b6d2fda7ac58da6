#!/usr/bin/env python3
"""NL307 site-template-line, measured on synthetic sites built from real articles.

Every article is a real, professionally edited story (the clean BBC articles of
``../shared/corpus/clean``); only the sites, their template lines and their syndicated copies
are made up here, by this script, with a fixed random seed. Scenarios:

1. templates: sites (a folder each) put 2 to 4 template lines of their own into a share of
   their articles (all, 60%, 30% or 15%): subscribe lines, polls, sign-offs, bylines, contact
   lines, and promo lines that open with fixed words before a different article's headline
   each time ("Read more: ..."); at the end, at the start or between paragraphs.
2. syndication: agency stories published whole by several sites (once each; some under a new
   headline, some without their last paragraph) and by one site as 3 to 6 updated write-thrus
   (a paragraph added, one cut, a new headline each time). Nothing may be reported.
3. stock line: one short real story sentence closing a third of the different stories of a
   site (a recurring line of story text, the hard case), and the same sentence inside a third
   of them, or not.
4. clean: the clean articles by section (3 sites of 386 to 510) and in sites of 20.
5. mixed: scenarios 1 and 2 in the same sites.

Half of the sites lay their articles out one sentence a line (as many scrapers do), which
gives the rule many more short lines to judge. Prints, for each scenario, the template lines
placed, those found, precision, recall and false alarms per 1,000 articles.

    python benchmarks/site_templates.py --clean ../shared/corpus/clean     # default options
    python benchmarks/site_templates.py --option min-share=0.2 --jobs 2
    python benchmarks/site_templates.py --memory 100000 [--no-template]   # signature memory
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.document import Document, Span, split_sentences
from newslint.runner import lint_paths
from newslint.text.quotes import reports_speech

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"

Article = tuple[str, list[str]]  # headline, paragraphs

TOWNS = ["Ashford", "Bramley", "Carrow", "Dunmore", "Elmstead", "Fairholt", "Glenbrook", "Harwick",
         "Ingleby", "Kestow", "Langmere", "Millbank", "Northam", "Oakridge", "Pembry", "Quarrick",
         "Redfern", "Stanway", "Thornbury", "Upwell", "Westcott", "Yardley"]
TITLES = ["Gazette", "Echo", "Courier", "Herald", "Post", "Chronicle", "Mercury", "Observer", "Times"]

# Template lines, written for this benchmark: {name} the site's name, {domain} its domain,
# {title} another article's headline (a different one each time), {n} a number.
END = [
    "Sign up to the {name} newsletter to get the day's top stories in your inbox.",
    "Do you have a story for us? Email newsdesk@{domain}",
    "Follow {name} on Facebook, Instagram and X for the latest updates",
    "What do you think? Vote in our poll below",
    "Got a news tip? Call the {name} newsroom on 0{n} {n}",
    "{name} is part of the {town} Media group of local news websites",
    "Support local journalism: become a {name} member today",
    "Comments are closed on this article.",
    "Tell us what you think in the comments",
    "Like this story? Share it with a friend",
]
START = [
    "By {name} reporters",
    "Listen to this article",
    "Last updated: {n}:{n}",
    "{name} | News",
    "This article is more than {n} years old",
]
MIDDLE = [
    "Read more: {title}",
    "RELATED | {title}",
    "Watch: {title}",
    "» Also on {name}: {title}",
    "Story continues below advertisement",
    "ALSO READ - {title}",
]
SHARES = [1.0, 1.0, 0.6, 0.3, 0.15]


@dataclass
class Corpus:
    """Articles to write, keyed by site/file name, with the line numbers placed as template."""

    articles: dict[str, str] = field(default_factory=dict)
    expected: dict[str, set[int]] = field(default_factory=dict)

    def add(self, site: str, name: str, headline: str, body: list[str], template: set[int]) -> None:
        """Add one article; ``template`` holds the indices in ``body`` of template lines."""
        path = f"{site}/{name}.txt"
        self.articles[path] = f"{headline}\n\n" + "\n\n".join(body) + "\n"
        self.expected[path] = {3 + 2 * i for i in template}


def read_clean(folder: Path) -> list[Article]:
    """The clean articles: headline and paragraphs."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), path.name)
        if doc.headline is not None and doc.paragraphs:
            found.append((doc.headline.text(doc), [p.text(doc) for p in doc.paragraphs]))
    return found


def sentence_lines(paragraphs: list[str]) -> list[str]:
    """The paragraphs one sentence a line."""
    return [p[s.start:s.end] for p in paragraphs for s in split_sentences(p, Span(0, len(p)))]


class Sites:
    """Makes up sites: a name, a layout and template lines; hands out unused real articles."""

    def __init__(self, pool: list[Article], seed: int):
        self.pool, self.rng, self.count = pool, random.Random(seed), 0
        self.rng.shuffle(self.pool)

    def take(self) -> Article:
        """An article not used yet."""
        return self.pool.pop()

    def new(self) -> tuple[str, dict[str, str], Callable[[list[str]], list[str]]]:
        """A site's folder name, the words its templates use, and its layout."""
        self.count += 1
        town, paper = self.rng.choice(TOWNS), self.rng.choice(TITLES)
        words = {"name": f"The {town} {paper}", "domain": f"{town.lower()}{paper.lower()}.co.uk",
                 "town": self.rng.choice(TOWNS)}
        layout = sentence_lines if self.count % 2 else (lambda paragraphs: list(paragraphs))
        return f"site{self.count:02}", words, layout

    def templates(self) -> list[tuple[str, str, float]]:
        """2 to 4 template lines for a site: (where, pattern, share of articles)."""
        kinds = [("end", END), ("start", START), ("middle", MIDDLE)]
        chosen = []
        for _ in range(self.rng.randint(2, 4)):
            where, patterns = self.rng.choice(kinds)
            chosen.append((where, self.rng.choice(patterns), self.rng.choice(SHARES)))
        return chosen


def fill(pattern: str, words: dict[str, str], rng: random.Random, headlines: list[str]) -> str:
    """A template line: the same each time, except a promo's title and numbers' digits."""
    return pattern.format(**words, title=rng.choice(headlines), n=rng.randint(10, 99))


def place(body: list[str], lines: list[tuple[str, str]], rng: random.Random) -> tuple[list[str], set[int]]:
    """The body with template lines put where they go; the indices of those lines."""
    tagged = [(text, False) for text in body]
    for where, text in lines:
        if where == "end":
            tagged.append((text, True))
        elif where == "start":
            tagged.insert(0, (text, True))
        else:  # between two story paragraphs
            story = [i for i, (_, t) in enumerate(tagged) if not t]
            at = story[rng.randrange(1, len(story))] if len(story) > 1 else len(tagged)
            tagged.insert(at, (text, True))
    return [t for t, _ in tagged], {i for i, (_, t) in enumerate(tagged) if t}


def template_sites(corpus: Corpus, sites: Sites, count: int, headlines: list[str]) -> None:
    """Scenario 1: sites with template lines in a share of their articles."""
    for _ in range(count):
        site, words, layout = sites.new()
        templates = sites.templates()
        for n in range(sites.rng.randint(10, 60)):
            headline, paragraphs = sites.take()
            lines = [(where, fill(pattern, words, sites.rng, headlines)) for where, pattern, share in templates
                     if sites.rng.random() < share]
            body, template = place(layout(paragraphs), lines, sites.rng)
            corpus.add(site, f"a{n:03}", headline, body, template)


def syndication(corpus: Corpus, sites: Sites, count: int, stories: int) -> None:
    """Scenario 2: agency stories across sites, and write-thrus within one site."""
    made = [sites.new() for _ in range(count)]
    for site, _, layout in made:
        for n in range(sites.rng.randint(15, 40)):
            headline, paragraphs = sites.take()
            corpus.add(site, f"own{n:03}", headline, layout(paragraphs), set())
    for story in range(stories):
        headline, paragraphs = sites.take()
        for site, _, layout in sites.rng.sample(made, sites.rng.randint(3, 6)):
            copy = layout(paragraphs[:-1] if sites.rng.random() < 0.3 and len(paragraphs) > 1 else paragraphs)
            title = f"{headline} - latest" if sites.rng.random() < 0.3 else headline
            corpus.add(site, f"agency{story:03}", title, copy, set())
    for story in range(stories // 2):  # write-thrus: one site publishes updates of a story
        headline, paragraphs = sites.take()
        extra = sites.take()[1]
        site, _, layout = sites.rng.choice(made)
        body = list(paragraphs)
        for version in range(sites.rng.randint(3, 6)):
            body = [extra[version % len(extra)]] + body if version % 2 else body + [extra[version % len(extra)]]
            if version == 3 and len(body) > 2:
                body = body[:-1]
            corpus.add(site, f"update{story:03}-{version}", f"{headline} (update {version})", layout(body), set())


def stock_line(corpus: Corpus, sites: Sites, sentence: str, inside: bool) -> None:
    """Scenario 3: a short real story sentence closing many different stories (and, when
    ``inside``, inside as many others)."""
    for _ in range(2):  # one site of each layout
        site, _, layout = sites.new()
        for n in range(40):
            headline, paragraphs = sites.take()
            body = layout(paragraphs)
            if n % 3 == 0:
                body = body + [sentence]
            elif n % 3 == 1 and inside and len(body) > 2:
                body = body[:2] + [sentence] + body[2:]
            corpus.add(site, f"a{n:03}", headline, body, set())


def clean_sites(corpus: Corpus, pool: list[Article], names: list[str]) -> None:
    """Scenario 4: the clean articles by section, and in sites of 20 (half one sentence a line)."""
    for (headline, paragraphs), name in zip(pool, names):
        corpus.add(name.split("-")[0], name, headline, paragraphs, set())
    for index, (headline, paragraphs) in enumerate(pool):
        layout = sentence_lines if (index // 20) % 2 else list
        corpus.add(f"chunk{index // 20:03}", f"a{index:04}", headline, layout(paragraphs), set())


@dataclass
class Score:
    """Findings against the template lines placed."""

    articles: int
    placed: int
    found: int
    false: int
    examples: list[str]

    def row(self, name: str) -> str:
        precision = self.found / (self.found + self.false) if self.found + self.false else float("nan")
        recall = self.found / self.placed if self.placed else float("nan")
        return (f"| {name} | {self.articles} | {self.placed} | {self.found} | {self.false} | "
                f"{precision:.3f} | {recall:.3f} | {1000 * self.false / self.articles:.1f} |")


def score(corpus: Corpus, folder: Path, jobs: int, options: dict[str, float]) -> Score:
    """Write the corpus, lint it with NL307 alone, and compare with what was placed."""
    for path, text in corpus.articles.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    config = None
    if options:
        config_path = folder / "newslint.toml"
        config_path.write_text("[rules.NL307]\n" + "".join(f"{k} = {v}\n" for k, v in options.items()))
        config = str(config_path)
    result = lint_paths([str(folder)], jobs=jobs, select=["NL307"], config=config)
    found = false = 0
    examples, hit = [], set()
    for d in result.diagnostics:
        path = Path(d.path).relative_to(folder).as_posix()
        if d.line in corpus.expected.get(path, ()):
            found += 1
            hit.add((path, d.line))
        else:
            false += 1
            examples.append(f"false alarm {path}:{d.line} {d.snippet[:70]!r}")
    missed = Counter(_shape(corpus.articles[path].split("\n")[line - 1])
                     for path, lines in corpus.expected.items() for line in lines if (path, line) not in hit)
    examples += [f"missed {n} x {shape!r}" for shape, n in missed.most_common(4)]
    placed = sum(len(lines) for lines in corpus.expected.values())
    return Score(len(corpus.articles), placed, found, false, examples)


def _shape(line: str) -> str:
    """A missed template line, its promo title cut off, so misses group by template."""
    return line.split(":")[0].split("|")[0][:40]


def memory(count: int, pool: list[Article], template: bool) -> None:
    """Lint ``count`` articles in this process with NL307 alone (sites of 1,000 articles, half
    of them one sentence a line, with ``template`` a template line under every article) and
    print the size of the signatures kept per article, the time to finish, and the peak memory
    (which, with ``template``, holds as many findings as articles)."""
    import resource
    import time
    from dataclasses import replace

    from newslint.runner import corpus_entries, prepare
    from newslint.sources import Source

    linter = prepare([], config=None, select=["NL307"])
    start, base = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    corpus: dict[str, Any] = {}  # as the runner keeps them (newslint.corpus_store)
    kept = 0
    for index in range(count):
        headline, paragraphs = pool[index % len(pool)]
        site = f"site{index // 1000:03}"
        body = (sentence_lines(paragraphs) if index // 1000 % 2 else paragraphs) + (
            [f"Sign up to the {site} newsletter"] if template else [])
        source = Source(f"{site}/a{index:06}.txt", f"{headline}\n\n" + "\n\n".join(body) + "\n")
        for code, (value, anchor) in linter.lint_source(source).signatures.items():
            corpus.setdefault(code, corpus_entries()).append((replace(source, data=None), value, anchor))
            kept += (sys.getsizeof(value) + sys.getsizeof(anchor) + sys.getsizeof(anchor.lines)
                     + sys.getsizeof(anchor.texts))
    collected = time.perf_counter()
    result = linter.finish_corpus(corpus)
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    held = sum(len(e._packed) + e._ends.itemsize * len(e._ends) + e._where.itemsize * len(e._where)
               for e in corpus.values())
    print(f"{count:,} articles: signatures {kept / count:.0f} bytes an article as objects (value and "
          f"located lines), {held / count:.0f} bytes held in memory (the rest in a temporary file), "
          f"collect {collected - start:.1f} s, finish {done - collected:.1f} s, "
          f"{len(result.diagnostics):,} findings, peak {peak / 1024:.0f} MB (from {base / 1024:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", type=Path, default=CLEAN, help="the clean BBC articles")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--option", action="append", default=[], help="NAME=VALUE for NL307")
    parser.add_argument("--memory", type=int, metavar="N", help="measure signature memory on N articles instead")
    parser.add_argument("--no-template", action="store_true", help="with --memory: no template lines")
    args = parser.parse_args()
    options = {k: float(v) if "." in v else int(v) for k, v in (o.split("=", 1) for o in args.option)}
    if not args.clean.is_dir():
        sys.exit(f"needs the clean articles in {args.clean} (--clean FOLDER)")
    pool = read_clean(args.clean)
    headlines = [h for h, _ in pool]
    names = [p.stem for p in sorted(args.clean.glob("*.txt"))]
    if args.memory:
        return memory(args.memory, pool, not args.no_template)
    stock = next(s for _, ps in pool for s in sentence_lines(ps)  # not one that reports speech
                 if 8 <= len(s.split()) <= 14 and not reports_speech(s))

    scenarios: dict[str, Callable[[Corpus, Sites], None]] = {
        "templates": lambda c, s: template_sites(c, s, 25, headlines),
        "syndication": lambda c, s: syndication(c, s, 20, 60),
        "stock line, last or inside": lambda c, s: stock_line(c, s, stock, True),
        "stock line, always last": lambda c, s: stock_line(c, s, stock, False),
        "mixed": lambda c, s: (template_sites(c, s, 12, headlines), syndication(c, s, 8, 30)),
    }
    print(f"NL307 on synthetic sites (seed {args.seed}, options {options or 'default'})\n")
    print("| scenario | articles | template lines placed | found | false alarms | precision | recall "
          "| false alarms per 1,000 articles |")
    print("|---|---|---|---|---|---|---|---|")
    notes = []
    for name, build in scenarios.items():
        corpus = Corpus()
        build(corpus, Sites(list(pool), args.seed))
        with tempfile.TemporaryDirectory() as folder:
            result = score(corpus, Path(folder), args.jobs, options)
        print(result.row(name))
        notes += [f"{name}: {e}" for e in result.examples[:8]]
    corpus = Corpus()
    clean_sites(corpus, pool, names)
    with tempfile.TemporaryDirectory() as folder:
        result = score(corpus, Path(folder), args.jobs, options)
    print(result.row("clean (by section, and sites of 20)"))
    notes += [f"clean: {e}" for e in result.examples[:5]]
    if notes:
        print("\nfalse alarms (first few) and misses (most common):\n" + "\n".join(notes))


if __name__ == "__main__":
    main()
