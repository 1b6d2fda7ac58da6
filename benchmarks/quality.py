#!/usr/bin/env python3
"""Quality benchmark: precision, recall and false positives per 1000 clean articles, per rule.

It builds its own labelled set: clean, professionally edited articles (the project's
`tests/fixtures/clean/`, plus any folder given with `--clean`, e.g. a development corpus) and
damaged copies made by the injectors below, each copy with one known defect at a known line. The
injectors use their own phrasings (link prefixes, boilerplate, captions, codecs) so that the
figures say how rules generalise, not how well they fit one corpus.

    python benchmarks/quality.py                      # the project's own clean articles
    python benchmarks/quality.py --clean ../shared/corpus/clean --limit 600
    python benchmarks/quality.py --calibration --corpus ../shared/corpus --sources /work/data/clean \
        --inject ../shared/corpus/clean               # confidence: calibration on held-out data

With `--calibration`, the rest of the arguments go to benchmarks/calibration.py, which shows
each rule's calibration (predicted confidence against observed precision) and what each
`min-confidence` threshold gives, on the half of the labelled data the shipped table was not
fitted on (`--shipped`, implied here), or fits a new table.

A finding counts as a true positive when its rule is the one the damage targets and it is on the
damaged line; a finding of another rule of the same family on that line is allowed (neither);
any other finding on a damaged copy, and every finding on a clean article, is a false positive.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Article:
    """An article as lines; damage edits the lines and says which line it broke."""

    lines: list[str]

    @property
    def body_indexes(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if i >= 2 and line.strip()]

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


Injector = Callable[[Article, Article, random.Random], "int | None"]  # returns 1-based line

LINK_PREFIXES = ["READ MORE:", "Also read |", "Related Story:", "► Recommended:", "MORE FROM US -",
                 "You might also like:", "WATCH NOW:", "Further reading:", "Trending now:", "Don't Miss:"]
BOILERPLATE = ["Share this article on Facebook", "Follow us on Twitter for the latest updates",
               "Sign up for our daily newsletter", "Click here to subscribe",
               "All rights reserved.", "Advertisement", "Image copyright Getty Images",
               "We use cookies to improve your experience on our site.",
               "Leave a comment below and join the conversation"]
CAPTIONS = ["{name} speaks to reporters outside the court in London on March 3, 2016.",
            "{name} arrives at a news conference in Washington, D.C., on June 12, 2018. (Photo: AP)",
            "Protesters gather outside parliament on Tuesday. REUTERS/Peter Nicholls",
            "{name} waves to supporters during a rally in Ohio on October 9, 2016."]
NAMES = ["Angela Merkel", "John Kerry", "Theresa May", "Justin Trudeau", "Emmanuel Macron"]
INVISIBLE = ["\u200b", "\u200d", "\u2060", "\u202e", "\x0b", "\u00ad"]


def _pick_paragraph(article: Article, rng: random.Random, min_words: int = 12) -> int | None:
    choices = [i for i in article.body_indexes if len(article.lines[i].split()) >= min_words]
    return rng.choice(choices) if choices else None


def headline_swap(a: Article, other: Article, rng: random.Random) -> int | None:
    a.lines[0] = other.lines[0]
    return 1


def mojibake(a: Article, other: Article, rng: random.Random) -> int | None:
    index = next((i for i in a.body_indexes if any(ord(c) > 127 for c in a.lines[i])), None)
    if index is None:
        index = _pick_paragraph(a, rng)
        if index is None:
            return None
        a.lines[index] = a.lines[index].replace("'", "\u2019", 2).replace(" - ", " \u2013 ", 1)
        if all(ord(c) < 128 for c in a.lines[index]):
            a.lines[index] += " \u201cIt is a caf\u00e9 culture,\u201d one said."
    codec = rng.choice(["cp1252", "latin-1"])
    a.lines[index] = a.lines[index].encode("utf-8").decode(codec, errors="replace")
    return index + 1


def garbled_token(a: Article, other: Article, rng: random.Random) -> int | None:
    index = _pick_paragraph(a, rng)
    if index is None:
        return None
    words = a.lines[index].split(" ")
    spots = [k for k, w in enumerate(words) if w.isalpha() and len(w) >= 7]
    if not spots:
        return None
    k = rng.choice(spots)
    junk = "".join(rng.choice("#%^*~|=+\\0123456789") for _ in range(rng.randint(1, 3)))
    words[k] = words[k][0] + junk + " " + words[k][1:] if rng.random() < 0.5 else words[k][0] + junk + words[k][1:]
    a.lines[index] = " ".join(words)
    return index + 1


def invisible(a: Article, other: Article, rng: random.Random) -> int | None:
    index = _pick_paragraph(a, rng)
    if index is None:
        return None
    words = a.lines[index].split(" ")
    k = rng.randrange(1, len(words))
    words[k] = rng.choice(INVISIBLE) + words[k]
    a.lines[index] = " ".join(words)
    return index + 1


def _insert(a: Article, line: str, rng: random.Random) -> int | None:
    body = a.body_indexes
    if len(body) < 3:
        return None
    at = rng.choice(body[1:-1])
    a.lines[at:at] = [line, ""]
    return at + 1


def injected_link(a: Article, other: Article, rng: random.Random) -> int | None:
    return _insert(a, f"{rng.choice(LINK_PREFIXES)} {other.lines[0]}", rng)


def boilerplate(a: Article, other: Article, rng: random.Random) -> int | None:
    return _insert(a, rng.choice(BOILERPLATE), rng)


def caption(a: Article, other: Article, rng: random.Random) -> int | None:
    return _insert(a, rng.choice(CAPTIONS).format(name=rng.choice(NAMES)), rng)


def off_topic(a: Article, other: Article, rng: random.Random) -> int | None:
    index = _pick_paragraph(other, rng, min_words=30)
    return None if index is None else _insert(a, other.lines[index], rng)


def duplicate_paragraph(a: Article, other: Article, rng: random.Random) -> int | None:
    """Capture a paragraph twice: the copy goes somewhere after the original."""
    index = _pick_paragraph(a, rng, min_words=15)
    if index is None:
        return None
    at = rng.choice([i for i in a.body_indexes if i > index] + [len(a.lines)])
    a.lines[at:at] = [a.lines[index], ""]
    return at + 1


def duplicate_quote(a: Article, other: Article, rng: random.Random) -> int | None:
    import re

    """Give a quotation again in a new paragraph after the one that has it (the rule reports
    the later occurrence, so the copy goes later)."""
    quotes = [(i, m.group(1)) for i in a.body_indexes for m in re.finditer(r'"([^"]{40,})"', a.lines[i])]
    if not quotes:
        return None
    index, quote = rng.choice(quotes)
    speaker = rng.choice(["a spokesman said", "she added", "he told reporters", "officials said"])
    at = rng.choice([i for i in a.body_indexes if i > index] + [len(a.lines)])
    a.lines[at:at] = [f'"{quote.rstrip(",.")}," {speaker}.', ""]
    return at + 1


def near_duplicate(a: Article, other: Article, rng: random.Random) -> int | None:
    """A copy saved twice with two words changed (build saves the original beside it)."""
    words = [w for w in a.lines[2:] if w.strip()]
    body = " ".join(words).split(" ")
    if len(body) < 80:
        return None
    for k in rng.sample(range(len(body)), 2):
        body[k] = "reportedly"
    a.lines = [a.lines[0], "", " ".join(body)]  # same headline: a copy saved twice
    return 1


def unbalanced_quote(a: Article, other: Article, rng: random.Random) -> int | None:
    for i in a.body_indexes:
        line = a.lines[i]
        if line.count('"') == 2 and line.rstrip().endswith(('"', '."', 'said.')) and i != a.body_indexes[-1]:
            last = line.rindex('"')
            a.lines[i] = line[:last] + line[last + 1:]
            nxt = next((j for j in a.body_indexes if j > i), None)
            if nxt is not None and a.lines[nxt].startswith('"'):
                continue
            return i + 1
    return None


def truncated(a: Article, other: Article, rng: random.Random) -> int | None:
    last = a.body_indexes[-1]
    words = a.lines[last].split()
    if len(words) < 12:
        return None
    a.lines[last] = " ".join(words[: len(words) // 2]) + rng.choice(["", " ...", " [\u2026]", " Continue reading"])
    return last + 1


SURNAMES = ["Hargreaves", "Okonkwo", "Lindqvist", "Castellano", "Whitfield", "Nakamura"]


def stray_surname(a: Article, other: Article, rng: random.Random) -> int | None:
    """A quotation from a paragraph of another article, its speaker named by surname only."""
    claim = rng.choice(["This decision will cost jobs across the region",
                        "We have been warning about this for years",
                        "Nobody consulted the people who will pay for it"])
    return _insert(a, f'"{claim}," {rng.choice(SURNAMES)} said.', rng)


def headline_is_paragraph(a: Article, other: Article, rng: random.Random) -> int | None:
    """The scraper took the first paragraph as the headline."""
    first = a.body_indexes[0] if a.body_indexes else None
    if first is None or len(a.lines[first].split()) < 20:
        return None
    a.lines[0] = a.lines[first]
    return 1


INJECTORS: dict[str, tuple[str, Injector]] = {
    "headline-swap": ("NL101", headline_swap),
    "mojibake": ("NL201", mojibake),
    "garbled-token": ("NL202", garbled_token),
    "invisible-characters": ("NL204", invisible),
    "injected-link": ("NL301", injected_link),
    "boilerplate": ("NL302", boilerplate),
    "caption": ("NL303", caption),
    "off-topic-paragraph": ("NL304", off_topic),
    "duplicate-quote": ("NL401", duplicate_quote),
    "duplicate-paragraph": ("NL402", duplicate_paragraph),
    "near-duplicate": ("NL403", near_duplicate),
    "unbalanced-quotes": ("NL501", unbalanced_quote),
    "surname-never-introduced": ("NL502", stray_surname),
    "headline-problem": ("NL504", headline_is_paragraph),
    "truncated-article": ("NL503", truncated),
}


def build(clean_files: list[Path], out: Path, seed: int) -> dict[str, list[tuple[str, int]]]:
    """Write clean copies and damaged copies into ``out``; return the labels."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in clean_files]
    (out / "clean").mkdir(parents=True)
    (out / "damaged").mkdir()
    labels: dict[str, list[tuple[str, int]]] = {}
    for index, text in enumerate(texts):
        (out / "clean" / f"{index:05}.txt").write_text(text, encoding="utf-8")
        kind = list(INJECTORS)[index % len(INJECTORS)]
        code, injector = INJECTORS[kind]
        article = Article(text.rstrip("\n").split("\n"))
        other = Article(texts[(index + 1 + rng.randrange(len(texts) - 1)) % len(texts)].rstrip("\n").split("\n"))
        line = injector(article, other, rng)
        if line is None:
            continue
        name = f"damaged/{index:05}-{kind}.txt"
        if kind == "near-duplicate":  # the story it copies sits just before it in the run
            (out / f"damaged/{index:05}-a-source.txt").write_text(text, encoding="utf-8")
        (out / name).write_text(article.text(), encoding="utf-8")
        labels[name] = [(code, line)]
    return labels


def run_newslint(folder: Path, rules: list[str]) -> list[dict]:
    cmd = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache",
           "--select", ",".join(rules), str(folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1) and "--no-cache" in proc.stderr:
        cmd.remove("--no-cache")  # older builds without a cache
        proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newslint failed ({proc.returncode}): {proc.stderr[-500:]}")
    return json.loads(proc.stdout)


def available_codes() -> list[str]:
    proc = subprocess.run([sys.executable, "-m", "newslint", "rules", "--format", "json"],
                          capture_output=True, text=True, check=True)
    return [r["code"] for r in json.loads(proc.stdout)]


def score(out: Path, labels: dict[str, list[tuple[str, int]]], codes: list[str],
          false_positives: list[str] | None = None) -> dict[str, dict]:
    """Per-rule figures; each false positive is also described in ``false_positives`` when given."""
    # Clean and damaged articles are linted in separate runs, as the damaged copies are
    # (correctly) near-duplicates of their clean originals.
    findings = run_newslint(out / "clean", codes) + run_newslint(out / "damaged", codes)
    n_clean = len(list((out / "clean").glob("*.txt")))
    stats: dict[str, collections.Counter] = {c: collections.Counter() for c in codes}
    got = collections.defaultdict(set)
    for f in findings:
        rel = Path(f["path"]).resolve().relative_to(out.resolve()).as_posix()
        got[(rel, f["code"])].add(f["line"])
    for (rel, code), lines in got.items():
        if code not in stats:
            continue
        expected = {line for c, line in labels.get(rel, []) if c == code}
        # A sibling rule of the same family on the damaged line is acceptable, not required
        # (a copied paragraph holding a quotation is also a repeated quotation).
        allowed = {line for c, line in labels.get(rel, []) if c[:3] == code[:3] and c != code}
        stats[code]["tp"] += len(lines & expected)
        stats[code]["fp"] += len(lines - expected - allowed)
        if false_positives is not None:
            false_positives += [f"{code} {rel}:{line} {(out / rel).read_text(encoding='utf-8').splitlines()[line - 1][:90]}"
                                for line in sorted(lines - expected - allowed)]
        if rel.startswith("clean/"):
            stats[code]["fp_clean"] += len(lines)
    for rel, items in labels.items():
        for code, line in items:
            if code in stats:
                stats[code]["damaged"] += 1
                stats[code]["fn"] += line not in got.get((rel, code), set())
    table = {}
    for code, c in stats.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        recall = c["tp"] / c["damaged"] if c["damaged"] else None
        table[code] = {"damaged": c["damaged"], "tp": c["tp"], "fp": c["fp"], "precision": precision,
                       "recall": recall, "fp_per_1000_clean": 1000 * c["fp_clean"] / n_clean}
    return table


def main() -> int:
    if "--calibration" in sys.argv[1:]:
        import calibration

        rest = [a for a in sys.argv[1:] if a != "--calibration"]
        return calibration.main(rest if "--write" in rest else [*rest, "--shipped"])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", type=Path, action="append", default=[],
                        help="a folder of clean articles to add (repeatable)")
    parser.add_argument("--limit", type=int, default=0, help="use at most this many clean articles")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json-out", type=Path)
    parser.add_argument("--show-false-positives", action="store_true",
                        help="list every false positive: rule, article, line and its text")
    args = parser.parse_args()
    files = sorted((ROOT / "tests" / "fixtures" / "clean").glob("*.txt"))
    for folder in args.clean:
        files += sorted(folder.glob("*.txt"))
    seen: set[str] = set()  # the same article from two folders would be a real duplicate
    files = [f for f in files if not (f.read_text(encoding="utf-8") in seen or seen.add(f.read_text(encoding="utf-8")))]
    if args.limit:
        files = random.Random(args.seed).sample(files, min(args.limit, len(files)))
    codes = available_codes()
    with tempfile.TemporaryDirectory() as tmp:
        labels = build(files, Path(tmp), args.seed)
        false_positives: list[str] = []
        table = score(Path(tmp), labels, codes, false_positives)
    fmt = lambda x: "-" if x is None else f"{x:.3f}"
    print(f"{len(files)} clean articles, {len(labels)} damaged copies\n")
    print("| rule | damaged | precision | recall | FP per 1000 clean |")
    print("|---|---|---|---|---|")
    for code, row in table.items():
        print(f"| {code} | {row['damaged']} | {fmt(row['precision'])} | {fmt(row['recall'])} | "
              f"{row['fp_per_1000_clean']:.1f} |")
    if args.show_false_positives:
        print("\nFalse positives:", *false_positives, sep="\n")
    if args.json_out:
        args.json_out.write_text(json.dumps(table, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
