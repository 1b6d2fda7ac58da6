#!/usr/bin/env python3
"""Speed benchmark: newslint against a floor and against peers, on the same articles.

It builds corpora of N articles (default 10,000 and 100,000) by repeating the project's own
articles (seeds, test fixtures, and ../shared/corpus when present), then measures, each in a
fresh process: wall time, articles/s, MB/s and peak memory (largest process) of

- floor: read every file and run one compiled regular expression over each line;
- newslint, cold (`--no-cache`) and warm (a second run that reuses the cache), and
  `newslint report` (the HTML corpus report, cold) against `newslint check` cold; when the
  `newslint[semantic]` extra is installed, also cold without the sentence model (NL101's
  semantic test off and NL304 left out, as when the extra is not installed);
- proselint (`proselint check`), if the command is installed: on a sample, throughput
  extrapolated (it is much slower);
- datatrove's Gopher and C4 quality filters over the same texts, if datatrove imports.

Then `newslint check` on one article, including interpreter start (median of 5 wall and CPU
seconds), and `proselint check` on the same article: seed 000, which asks the sentence model
(NL304 weighs its last paragraph), and, with the extra, an article that asks it nothing. The
cold run is measured with the default number of workers and with `-j 1`. Every process runs byte-compiled, as an installed package
does (PYTHONDONTWRITEBYTECODE is dropped for the measured runs).

    python benchmarks/speed.py                       # 10,000 and 100,000 articles
    python benchmarks/speed.py --sizes 2000 --quick  # a quick look
    python benchmarks/speed.py --report-only         # newslint report against newslint check
    python benchmarks/speed.py --sizes 2000 --extra-cost 5  # the semantic extra's cost, 5 pairs
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_SAMPLE = 2000

FLOOR = r"""
import re, sys, pathlib
pattern = re.compile(r"(?:More news|Read more|Related)\s*:")
hits = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    for line in path.read_text(encoding="utf-8").splitlines():
        hits += bool(pattern.search(line))
print(hits)
"""

DATATROVE = r"""
import sys, pathlib
from datatrove.data import Document
from datatrove.pipeline.filters import C4QualityFilter, GopherQualityFilter
gopher, c4 = GopherQualityFilter(), C4QualityFilter()
kept = 0
for i, path in enumerate(sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))):
    doc = Document(text=path.read_text(encoding="utf-8"), id=str(i))
    kept += gopher.filter(doc) is True and c4.filter(doc) is True
print(kept)
"""

MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime)
"""


# ../shared beside the checkout, or two levels up from a worktree in /work/wt/<branch>
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")


def sources(shared: Path = SHARED) -> list[str]:
    """The articles the corpora are made of."""
    folders = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "clean", ROOT / "tests" / "fixtures" / "clean-other",
               shared / "corpus" / "clean", shared / "corpus" / "injected"]
    return [p.read_text(encoding="utf-8") for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]


def build(folder: Path, count: int, texts: list[str]) -> int:
    """Write ``count`` articles into ``folder`` (1,000 per sub-folder); return total bytes."""
    size = 0
    for index in range(count):
        sub = folder / f"{index // 1000:04}"
        if index % 1000 == 0:
            sub.mkdir(parents=True)
        data = texts[index % len(texts)].encode("utf-8")
        (sub / f"{index:07}.txt").write_bytes(data)
        size += len(data)
    return size


def sample(folder: Path, count: int, into: Path) -> Path:
    """A folder with the first ``count`` articles of ``folder``."""
    into.mkdir()
    for path in sorted(folder.rglob("*.txt"))[:count]:
        shutil.copyfile(path, into / path.name)
    return into


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, float]:
    """Wall seconds, peak memory (MB, largest process), exit code and CPU seconds (user and
    system, every process) of one fresh run (``env`` added to the environment)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True,
                         env={**AS_INSTALLED, **(env or {})})
    wall, rss, code, cpu = out.stdout.split()
    return float(wall), int(rss) / 1024, int(code), float(cpu)


# As installed: pip byte-compiles a package when it installs it, so the runs may write and
# read .pyc files even where the environment says not to (compiling newslint's modules from
# source cost every process about 0.1 s).
AS_INSTALLED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_newslint() -> None:
    """Byte-compile the measured newslint, as installing it would."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "newslint"), str(ROOT / "rules")],
                   stdout=subprocess.DEVNULL, check=False, env=AS_INSTALLED)


def newslint_command() -> list[str]:
    exe = Path(sys.executable).with_name("newslint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]


PEER_PYTHON = sys.executable  # --peer-python: an interpreter that has datatrove


# The run "as without the extra": NL101 judges by words alone and NL304, which reports nothing
# without the sentence model, is left out (its words-alone mode reports more, not the same).
WITHOUT_MODEL = 'ignore = ["NL304"]\n\n[rules.headline-mismatch]\nsemantic = false\n'


def semantic_installed() -> bool:
    """Whether newslint[semantic] is installed beside the newslint being measured."""
    probe = "from newslint.text.embeddings import available; raise SystemExit(not available())"
    python = Path(newslint_command()[0]).with_name("python")
    return subprocess.run([str(python if python.exists() else sys.executable), "-c", probe]).returncode == 0


def datatrove_available() -> bool:
    check = subprocess.run([PEER_PYTHON, "-c", "import datatrove.pipeline.filters as f; "
                            "f.GopherQualityFilter().filter(__import__('datatrove.data', fromlist=['Document'])"
                            ".Document(text='a b c', id='0'))"], capture_output=True)
    return check.returncode == 0


REPORT = "newslint report (HTML, --no-cache)"

# NL403 at scale: what the parent process holds for each article (the runner's entry: the
# source without its text, the 256-byte signature, the anchor with the headline) and the
# rule's finish over all of them. The signatures are generated (a linting run over a million
# files would take hours here): random MinHash values, one article in fifty a copy of an
# earlier one with a few values changed, one in a hundred an exact copy.
NEAR_DUPLICATES = r"""
import random, resource, sys, time
import numpy as np
from dataclasses import replace
from newslint.registry import load_rules
from newslint.runner import Anchor
from newslint.sources import Source
count = int(sys.argv[1])
rule = load_rules(plugins=False).by_code("NL403")
start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rng = np.random.default_rng(1)
items, pick = [], random.Random(1)
for index in range(count):
    if index > 10 and pick.random() < 0.01:
        value = items[pick.randrange(index)][1]
    else:
        row = rng.integers(0, 2**32, 64, dtype=np.uint32)
        if index > 10 and pick.random() < 0.02:
            row = np.frombuffer(items[pick.randrange(index)][1], dtype=np.uint32).copy()
            row[pick.sample(range(64), 4)] = rng.integers(0, 2**32, 4, dtype=np.uint32)
        value = row.tobytes()
    source = replace(Source(f"corpus/{index // 1000:04}/{index:07}.txt", "text"), data=None)
    items.append((source, value, Anchor(1, 1, 1, 60, f"Headline of the generated article number {index:07}")))
held = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
began = time.perf_counter()
found = sum(1 for _ in rule.finish([v for _, v, _ in items], [s.path for s, _, _ in items], rule.options))
took = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(count, start_rss / 1024, held / 1024, peak / 1024, took, found)
"""


def near_duplicates(counts: list[int]) -> None:
    """Peak memory and time of NL403 over generated signatures (see NEAR_DUPLICATES)."""
    print("| articles | process at start MB | after holding the entries MB | peak (finish) MB | "
          "bytes an article (peak - start) | finish s | findings |")
    print("|---|---|---|---|---|---|---|")
    for count in counts:
        out = subprocess.run([sys.executable, "-c", NEAR_DUPLICATES, str(count)], capture_output=True,
                             text=True, check=True, env=AS_INSTALLED)
        n, start, held, peak, took, found = out.stdout.split()
        print(f"| {int(n):,} | {float(start):.0f} | {float(held):.0f} | {float(peak):.0f} | "
              f"{(float(peak) - float(start)) * 2**20 / int(n):,.0f} | {float(took):.1f} | {int(found):,} |")


def run_size(count: int, texts: list[str], work: Path, rows: list[dict], peers: bool,
             report_only: bool = False) -> None:
    corpus = work / f"corpus-{count}"
    size = build(corpus, count, texts)
    newslint = newslint_command()
    cache = work / f"cache-{count}"
    plans = [
        ("floor: read + one regex per line", [sys.executable, "-c", FLOOR, str(corpus)], count),
        ("newslint cold (--no-cache)", [*newslint, "check", "-q", "--no-cache", "--exit-zero", str(corpus)], count),
        ("newslint cold, -j 1", [*newslint, "check", "-q", "--no-cache", "--exit-zero", "-j", "1", str(corpus)], count),
        (REPORT, [*newslint, "report", "--no-cache", "-o", str(work / f"report-{count}.html"), str(corpus)], count),
        ("newslint warm cache (1st run fills it)", [*newslint, "check", "-q", "--cache-dir", str(cache), "--exit-zero", str(corpus)], count),
        ("newslint warm cache", [*newslint, "check", "-q", "--cache-dir", str(cache), "--exit-zero", str(corpus)], count),
    ]
    if report_only:  # `newslint report` against `newslint check` alone, NL101's meaning test off in
        plans, peers = plans[1:3], False  # both when installed (the sentence model would be most of the time)
        if semantic_installed():
            lexical = work / "lexical.toml"
            lexical.write_text(WITHOUT_MODEL, encoding="utf-8")
            at = len(newslint) + 1  # after the subcommand
            plans = [(label, [*command[:at], "--config", str(lexical), *command[at:]], n) for label, command, n in plans]
    elif semantic_installed():  # the extra changes NL101's cost: measure the run without it too
        lexical = work / "lexical.toml"
        lexical.write_text(WITHOUT_MODEL, encoding="utf-8")
        plans.insert(2, ("newslint cold, without the sentence model (NL101 semantic = false, NL304 off)",
                         [*newslint, "check", "-q", "--no-cache", "--exit-zero", "--config", str(lexical), str(corpus)],
                         count))
    if peers:
        subset = sample(corpus, min(PEER_SAMPLE, count), work / f"sample-{count}")
        if shutil.which("proselint"):  # found on PATH
            plans.append((f"proselint (on {min(PEER_SAMPLE, count):,}, extrapolated)",
                          ["proselint", "check", str(subset)], min(PEER_SAMPLE, count)))
        if datatrove_available():
            plans.append((f"datatrove Gopher+C4 (on {min(PEER_SAMPLE, count):,}, extrapolated)",
                          [PEER_PYTHON, "-c", DATATROVE, str(subset)], min(PEER_SAMPLE, count)))
    for label, command, n in plans:
        wall, rss, code, cpu = measure(command)
        rate = n / wall
        rows.append({"size": count, "tool": label, "wall": wall * count / n, "rate": rate,
                     "mb_s": rate * size / count / 1e6, "rss": rss, "exit": code, "cpu_ms": 1000 * cpu / n})
    if not peers:
        return
    if not shutil.which("proselint"):
        rows.append({"size": count, "tool": "proselint: not installed (pip install proselint)", "skip": True})
    if not datatrove_available():
        rows.append({"size": count, "tool": "datatrove: not importable here (pip install datatrove spacy)", "skip": True})


def extra_cost(count: int, texts: list[str], work: Path, repeats: int) -> None:
    """The semantic extra's cost: cold runs (default workers) with NL101's semantic test on
    and off, in alternating pairs (a busy machine slows both of a pair alike), as ranges over
    the pairs of wall and CPU seconds (every process) and of the ratio on to off."""
    if not semantic_installed():
        sys.exit("--extra-cost needs the newslint[semantic] extra installed beside newslint")
    corpus = work / f"corpus-{count}"
    build(corpus, count, texts)
    lexical = work / "lexical.toml"
    lexical.write_text(WITHOUT_MODEL, encoding="utf-8")
    check = [*newslint_command(), "check", "-q", "--no-cache", "--exit-zero"]
    pairs = []
    for _ in range(repeats):
        on = measure([*check, str(corpus)])
        off = measure([*check, "--config", str(lexical), str(corpus)])
        pairs.append((on, off))
    def span(values: list[float], unit: str = "") -> str:
        return f"{min(values):.2f}-{max(values):.2f}{unit} (median {statistics.median(values):.2f})"
    print(f"{count:,} articles, {repeats} pairs of cold runs, -j {os.cpu_count()}, load average "
          f"{os.getloadavg()[0]:.1f} at the end:")
    print(f"  with the extra:    wall {span([on[0] for on, _ in pairs], ' s')}, CPU {span([on[3] for on, _ in pairs], ' s')}")
    print(f"  without the extra: wall {span([off[0] for _, off in pairs], ' s')}, CPU {span([off[3] for _, off in pairs], ' s')}")
    print(f"  with / without: wall {span([on[0] / off[0] for on, off in pairs], 'x')}, "
          f"CPU {span([on[3] / off[3] for on, off in pairs], 'x')}")


PLAIN_ARTICLE = "Ad sales boost Time Warner profit"  # the development corpus's business-001


def one_article(texts: list[str], work: Path) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds (interpreter start included) of checking one article, for
    `newslint check FILE` and, when installed, `proselint check FILE`."""
    article = work / "one.txt"
    article.write_text(texts[0], encoding="utf-8")
    check = [*newslint_command(), "check", "--no-cache", str(article)]
    # The first run after installing compiles the patterns the article reaches; later runs
    # rebuild them from the code kept in the user's cache folder (NEWSLINT_PATTERN_CACHE).
    commands = {"newslint check FILE": (check, {}),
                "newslint check FILE, patterns compiled (a first run)": (check, {"NEWSLINT_PATTERN_CACHE": "off"})}
    if semantic_installed():  # seed 000 asks the sentence model (NL304 weighs its last paragraph):
        plain = work / "plain.txt"  # an article that asks it nothing shows the cost without it
        plain.write_text(next(t for t in texts if t.startswith(PLAIN_ARTICLE)), encoding="utf-8")
        commands["newslint check FILE, an article that needs no sentence model"] = (
            [*newslint_command(), "check", "--no-cache", str(plain)], {})
    if shutil.which("proselint"):
        commands["proselint check FILE"] = (["proselint", "check", str(article)], {})
    measure(check)  # keeps the patterns' code, as any earlier run would have
    found = {}
    for label, (command, env) in commands.items():
        runs = [measure(command, env) for _ in range(5)]
        found[label] = (statistics.median(r[0] for r in runs), statistics.median(r[3] for r in runs))
    return found


def report(rows: list[dict], one: dict[str, tuple[float, float]]) -> None:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}, "
          f"load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| articles | tool | wall s | articles/s | MB/s | CPU ms/article | peak MB | x newslint cold |")
    print("|---|---|---|---|---|---|---|---|")
    for size in sorted({r["size"] for r in rows}):
        cold = next(r["rate"] for r in rows if r["size"] == size and r["tool"].startswith("newslint cold"))
        for r in (r for r in rows if r["size"] == size):
            if r.get("skip"):
                print(f"| {size:,} | {r['tool']} | | | | | | |")
                continue
            print(f"| {size:,} | {r['tool']} | {r['wall']:.2f} | {r['rate']:,.0f} | {r['mb_s']:.1f} | "
                  f"{r['cpu_ms']:.1f} | {r['rss']:.0f} | {r['rate'] / cold:.2f} |")
        ratios(size, [r for r in rows if r["size"] == size and not r.get("skip")])
    sizes = sorted({r["size"] for r in rows})
    if len(sizes) > 1:
        small, big = sizes[0], sizes[-1]
        for tool in ("newslint cold (--no-cache)", REPORT, "newslint warm cache"):
            a = next((r for r in rows if r["size"] == small and r["tool"] == tool), None)
            b = next((r for r in rows if r["size"] == big and r["tool"] == tool), None)
            if a is None or b is None:
                continue
            print(f"\n{tool}: {big // small}x the articles took {b['wall'] / a['wall']:.1f}x the time; "
                  f"peak memory {a['rss']:.0f} MB -> {b['rss']:.0f} MB")
    for size in sizes:
        check = next((r for r in rows if r["size"] == size and r["tool"].startswith("newslint cold")), None)
        html = next((r for r in rows if r["size"] == size and r["tool"] == REPORT), None)
        if check and html:
            print(f"\n{size:,} articles: newslint report took {html['wall'] / check['wall']:.2f}x the time of "
                  f"newslint check ({html['rss']:.0f} MB peak against {check['rss']:.0f} MB)")
    for label, (wall, cpu) in one.items():
        print(f"\n{label} on one article (interpreter start included, median of 5): {wall:.2f} s wall, "
              f"{cpu:.2f} CPU-s")


def ratios(size: int, rows: list[dict]) -> None:
    """The ratios the targets are stated in, from rows of one run."""
    def rate(prefix: str) -> float | None:
        return next((r["rate"] for r in rows if r["tool"].startswith(prefix)), None)
    cold, serial, lexical = rate("newslint cold (--no-cache)"), rate("newslint cold, -j 1"), rate("newslint cold, without the sentence model")
    prose, trove = rate("proselint"), rate("datatrove")
    said = [f"{size:,} articles:"]
    if prose:
        said.append(f"newslint cold {cold / prose:.1f}x proselint's articles/s")
    if trove:
        said.append(f"{cold / trove:.1f}x datatrove's")
    if lexical:
        said.append(f"the semantic extra makes the cold run {lexical / cold:.2f}x as long")
    if serial:
        said.append(f"-j {os.cpu_count()} is {cold / serial:.2f}x -j 1")
    print("\n" + "; ".join(said[:2]) + (", " if len(said) > 2 else "") + "; ".join(said[2:]) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--quick", action="store_true", help="skip the peers")
    parser.add_argument("--report-only", action="store_true",
                        help="measure only `newslint report` against `newslint check` (both cold)")
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the shared folder whose corpus/ adds articles (default ../shared)")
    parser.add_argument("--peer-python", default=sys.executable,
                        help="a Python that has datatrove (and proselint on its PATH's side)")
    parser.add_argument("--near-duplicates", type=int, nargs="+", metavar="N",
                        help="measure only NL403's memory over N generated signatures (e.g. 100000 1000000)")
    parser.add_argument("--extra-cost", type=int, metavar="PAIRS",
                        help="measure only the semantic extra's cost: PAIRS alternating cold runs with "
                             "NL101's semantic test on and off, on the first of --sizes")
    args = parser.parse_args()
    if args.extra_cost:
        compile_newslint()
        with tempfile.TemporaryDirectory(prefix="newslint-speed-") as tmp:
            extra_cost(args.sizes[0], sources(args.shared), Path(tmp), args.extra_cost)
        return 0
    if args.near_duplicates:
        near_duplicates(args.near_duplicates)
        return 0
    global PEER_PYTHON
    PEER_PYTHON = args.peer_python
    texts = sources(args.shared)
    compile_newslint()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="newslint-speed-") as tmp:
        for count in args.sizes:
            run_size(count, texts, Path(tmp), rows, peers=not args.quick, report_only=args.report_only)
            shutil.rmtree(Path(tmp) / f"corpus-{count}")
        one = {} if args.report_only else one_article(texts, Path(tmp))
    report(rows, one)
    return 0


if __name__ == "__main__":
    sys.exit(main())
