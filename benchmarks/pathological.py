#!/usr/bin/env python3
"""Pathological inputs: every rule on the junk real scrapes contain, at size n and 2n.

Each generator builds an article (or, for the corpus rule NL403, a corpus of articles) that is
legal input but hard on a naive algorithm: long runs of one character, of dots or of "...",
of quotation marks, HTML entities, zero-width and bidi characters, mojibake paragraphs, 10^5
short lines, 50,000 paragraphs, repeated and near-identical paragraphs, thousands of identical
articles, and a few more. Every rule (those off by default too) runs on each at size n and 2n,
each measurement in a forked child process (so a hang is cut off at ``--timeout``, and peak
memory is the child's own). Times are CPU seconds of that child, the best of three runs: on a
shared machine, wall time mostly measures the neighbours. It prints, per rule and generator:
seconds at n and 2n, seconds per MB (marginal: what the second n cost, so that a cost paid
once per document is not counted as one per MB), the growth ratio t(2n)/t(n), the findings
made at 2n (a rule stops at 10,000, as the runner stops it), and peak memory; then the run of all default rules together
(``Linter.lint_document``, which also locates findings) on each generator; then a whole
``newslint check`` on big files of a few generators, for memory.

Bars (the process exits 1 when one is broken, and says which):
- every rule on every generator: at most 1 s per MB, and at most 2.5x the time when the input
  doubles (judged only when the 2n run takes at least ``RATIO_FLOOR`` s: below, timer noise;
  a rule over it is run at 4n too, and a single step, 2x again from 2n to 4n, is a path taken
  at one size, not a super-linear cost: shown as "(then 1.98)" beside the ratio);
- 10^5 short lines and 50,000 paragraphs: all default rules together under 10 s each;
- NL403 on 4,000 identical articles: under 10 s (collect and finish);
- ``newslint check`` on one big file: peak memory under 1 GB.

    python benchmarks/pathological.py                       # everything (a few minutes)
    python benchmarks/pathological.py --only dots,quotes --rules NL303,NL401
    python benchmarks/pathological.py --scale 0.25 --no-memory
    python benchmarks/pathological.py --memory-mb 50        # the 50 MB memory bar itself

Linux only (it forks, and reads peak memory from /proc).
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from newslint.config import ResolvedConfig
from newslint.document import Document
from newslint.registry import load_rules
from newslint.rule import Rule, Scope
from newslint.runner import Linter, prepare

MAX_S_PER_MB = 1.0
MAX_GROWTH = 2.5
RATIO_FLOOR = 0.02  # seconds: shorter runs are mostly timer and cache noise
BIG_INPUT_SECONDS = 10.0  # 10^5 short lines, 50,000 paragraphs: all default rules together
NL403_SECONDS = 10.0  # 4,000 identical articles
MAX_PEAK_MB = 1024.0
HEADLINE = "Council approves budget for schools\n\n"
_SYLLABLES = "ka lo mi ne ru sa ti vo ze bu da fe gi ho ju".split()


@dataclass(frozen=True)
class Generator:
    """A family of inputs: ``make(count)`` builds the text (or, for a corpus, the texts) of
    ``count`` units; ``n`` units is size n. ``unit`` names what is counted."""

    name: str
    make: Callable[[int], str | list[str]]
    n: int
    unit: str = "bytes"
    corpus: bool = False


def _repeat(piece: str, size: int) -> str:
    """``piece`` repeated to ``size`` characters."""
    return (piece * (size // len(piece) + 1))[:size]


def _body(text: str) -> str:
    return HEADLINE + text + "\n"


def _name(i: int) -> str:
    """A made-up surname, different for every ``i`` ("Kalomi", "Nerusa", ...)."""
    parts = []
    while True:
        parts.append(_SYLLABLES[i % len(_SYLLABLES)])
        i //= len(_SYLLABLES)
        if not i:
            break
    return ("".join(parts) + "vic").capitalize()


def _news_paragraphs(count: int) -> str:
    """``count`` paragraphs of the project's own articles (seeds and clean fixtures), in turn."""
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "seeds").glob("*.txt")) + sorted((root / "tests" / "fixtures" / "clean").glob("*.txt"))
    paragraphs = [line.strip() for path in files for line in path.read_text(encoding="utf-8").split("\n")[1:]
                  if line.strip()]
    return HEADLINE + "\n\n".join(paragraphs[i % len(paragraphs)] for i in range(count)) + "\n"


_PARAGRAPH = ("The council approved the new budget on Tuesday after a long debate about school "
              "funding, road repairs and the cost of running the town's libraries.")
_ARTICLE = (HEADLINE + _PARAGRAPH + "\n\nCouncillors said the plan would raise local taxes by two "
            "percent while protecting frontline services such as care homes and bin collections.\n\n"
            "Opposition members argued that the rise was too steep for families already facing "
            "higher energy bills this winter and called for a review of spending on consultants.\n")


def _near_identical_articles(count: int) -> list[str]:
    rng = random.Random(1)
    words = _ARTICLE.split(" ")
    out = []
    for i in range(count):
        copy = list(words)
        copy[rng.randrange(5, len(copy))] = f"word{i}"
        out.append(" ".join(copy))
    return out


GENERATORS = (
    Generator("one-char", lambda n: _body("a" * n), 256_000),
    Generator("one-char-spaced", lambda n: _body(_repeat("a ", n)), 256_000),
    Generator("dots", lambda n: _body("Wait" + "." * n), 256_000),
    Generator("ellipses", lambda n: _body(_repeat("... ", n)), 256_000),
    Generator("words-and-ellipses", lambda n: _body(_repeat("And then... So... ", n)), 256_000),
    Generator("sentences", lambda n: _body(_repeat("He left. She came. ", n)), 256_000),
    Generator("quotes", lambda n: _body('"' * n), 256_000),
    Generator("curly-quotes", lambda n: _body(_repeat("“”", n)), 256_000),
    Generator("quoted-words", lambda n: _body(_repeat('"Yes" he said, "no" ', n)), 256_000),
    Generator("repeated-quotation", lambda n: _body(_repeat(
        '"We will keep the plan for the schools and the roads," he said. ', n)), 256_000),
    Generator("near-identical-quotations", lambda n: _body(" ".join(
        f'"We will keep plan {i} for the schools and the roads of the town," she said.'
        for i in range(n // 80))), 256_000),
    # The same, each quotation a paragraph of its own (a copy standing alone: what NL401
    # reports by default; inside one paragraph they are the speaker's own, reported only with
    # report-unclear).
    Generator("repeated-quotation-paragraphs", lambda n: _body(_repeat(
        '"We will keep the plan for the schools and the roads," he said.\n\n', n)), 256_000),
    Generator("near-identical-quotation-paragraphs", lambda n: _body("\n\n".join(
        f'"We will keep plan {i} for the schools and the roads of the town," she said.'
        for i in range(n // 80))), 256_000),
    Generator("entities", lambda n: _body(_repeat("&amp;&#8217;&nbsp;", n)), 256_000),
    Generator("html", lambda n: _body(_repeat('<p>Text<br/> [caption id="1"]x[/caption] var a = 1; ', n)), 256_000),
    Generator("zero-width", lambda n: _body(_repeat("The mayor said\u200b ", n)), 256_000),
    Generator("zero-width-run", lambda n: _body("The mayor" + "\u200b" * n + " said."), 256_000),
    Generator("bidi", lambda n: _body(_repeat("a\u202eb\u2066c\u200ed ", n)), 256_000),
    Generator("controls", lambda n: _body(_repeat("x\x0by\x85z\ufffd ", n)), 256_000),
    Generator("mojibake", lambda n: _body(_repeat("The worldâ€™s biggest insurer took a Â£110m hit. ", n)), 256_000),
    Generator("mojibake-mixed", lambda n: _body(_repeat("José said CafÃ© Â£5 – “fine” ", n)), 256_000),
    Generator("splices", lambda n: _body(_repeat("R$3 ecipient e8* conomist govern#ment ", n)), 256_000),
    Generator("capitals", lambda n: _body(_repeat("Aaa Bbb Ccc Ddd ", n)), 256_000),
    Generator("surnames", lambda n: _body(" ".join(
        f'"We will not be bullied," said {_name(i)}.' for i in range(n // 40))), 256_000),
    Generator("long-headline", lambda n: " ".join(_name(i) for i in range(n // 8)) + "\n\n"
              + _PARAGRAPH + "\n", 256_000),
    Generator("link-lines", lambda n: HEADLINE + "\n\n".join(
        f"More news: Storm {_name(i)} closes schools" for i in range(n)) + "\n", 5_000, "lines"),
    Generator("short-lines", lambda n: HEADLINE + "".join(f"Line {i} here.\n" for i in range(n)), 100_000, "lines"),
    Generator("paragraphs", lambda n: HEADLINE + "\n\n".join(
        f"Paragraph {i} says the council met." for i in range(n)) + "\n", 50_000, "paragraphs"),
    Generator("repeated-paragraphs", lambda n: HEADLINE + "\n\n".join([_PARAGRAPH] * n) + "\n", 2_000, "paragraphs"),
    Generator("near-identical-paragraphs", lambda n: HEADLINE + "\n\n".join(
        _PARAGRAPH.replace("Tuesday", f"day {i}") for i in range(n)) + "\n", 2_000, "paragraphs"),
    Generator("news-paragraphs", _news_paragraphs, 2_000, "paragraphs"),
    Generator("identical-articles", lambda n: [_ARTICLE] * n, 2_000, "articles", corpus=True),
    Generator("near-identical-articles", _near_identical_articles, 2_000, "articles", corpus=True),
)


# -- measuring, each run in a forked child --------------------------------------------------
def _peak_reset() -> None:
    """Reset this process's peak resident size (Linux: write 5 to clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Figure:
    """One measured run: CPU seconds, the child's peak memory, and what the work reported."""

    seconds: float
    peak_mb: float
    findings: int
    stopped: bool  # a rule was stopped by the runner (its findings budget)
    # t(4n) / t(2n), measured only when t(2n) / t(n) broke the growth bar: a rule that takes
    # another path at 2n (a gate passed, a finding not made) jumps once, and then grows 2x again.
    then: float | None = None


def _load_model() -> None:
    """Load the semantic extra's model in this process, when installed (NL101 may use it)."""
    from newslint.text import embeddings

    if embeddings.available():
        embeddings.encoder()


def in_child(work: Callable[[], tuple[int, bool]], timeout: float) -> Figure | str:
    """Run ``work`` in a forked child: its Figure, or why it has none. The child loads the
    semantic model before the clock starts: a forked process loads its own (one that onnxruntime
    ran in the parent with a thread pool can deadlock a forked child), and loading it once per
    process is not work that grows with the input."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report through the pipe, leave without cleanup
        os.close(read)
        try:
            _load_model()
            # What the parent built (the rules warmed up, earlier generators' rows) is not the
            # work measured: frozen, the child's collections do not walk it, nor write to its
            # pages (each write copies a page the child shares with the parent).
            gc.collect()
            gc.freeze()
            _peak_reset()
            start = time.process_time()
            findings, stopped = work()
            payload: object = Figure(time.process_time() - start, _peak_mb(), findings, stopped)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            payload = f"{type(exc).__name__}: {exc}"[:80]
        os.write(write, pickle.dumps(payload))
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.005)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(read)
        return f">{timeout:.0f} s wall"
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    return pickle.loads(data) if data else "died"


def _lint(linter: Linter, text: str) -> Callable[[], tuple[int, bool]]:
    """Lint ``text`` as the runner does (locating findings; the findings budget applies)."""
    def work() -> tuple[int, bool]:
        result = linter.lint_document(Document(text, "bench.txt"), corpus=True)
        if any(not getattr(crash, "stopped", False) for crash in result.crashes):  # (newslint before 0.1's limits)
            raise RuntimeError(str(result.crashes[0]))
        return len(result.diagnostics) + len(result.signatures), bool(result.crashes)
    return work


def _corpus_rule(rule: Rule, options: object, texts: list[str]) -> Callable[[], tuple[int, bool]]:
    def work() -> tuple[int, bool]:
        signatures = [rule.collect(Document(t, f"{i}.txt"), options) for i, t in enumerate(texts)]  # type: ignore[misc]
        values = [s.value for s in signatures if s is not None]
        return sum(1 for _ in rule.finish(values, [f"{i}.txt" for i in range(len(values))], options)), False  # type: ignore[misc]
    return work


@dataclass
class Row:
    generator: str
    rule: str
    sizes: tuple[int, int]  # bytes at n and at 2n
    small: Figure | str
    big: Figure | str | None
    broken: list[str]

    def per_mb(self) -> float | None:
        """CPU seconds per MB, marginal: (t(2n) - t(n)) / (size(2n) - size(n)). A constant cost
        per document (NL101 running its model once, say) is not a cost per MB."""
        if not isinstance(self.small, Figure) or not isinstance(self.big, Figure):
            return None
        return max(self.big.seconds - self.small.seconds, 0.0) / ((self.sizes[1] - self.sizes[0]) / 1e6)


def measure(work_for: Callable[[int], Callable[[], tuple[int, bool]]], gen: Generator, scale: float,
            timeout: float) -> tuple[Figure | str, Figure | str | None]:
    """Both sizes, interleaved, the best of three runs each (of one, for runs over 2 s)."""
    n = max(1, int(gen.n * scale))
    best: dict[int, Figure | str] = {}
    for _ in range(3):
        for count in (n, 2 * n):
            if isinstance(best.get(count), str) or (count == 2 * n and isinstance(best.get(n), str)):
                continue
            got = in_child(work_for(count), timeout)
            old = best.get(count)
            best[count] = got if old is None or isinstance(got, str) or got.seconds < old.seconds else old  # type: ignore[union-attr]
        if any(isinstance(b, str) or b.seconds > 2.0 for b in best.values()):
            break
    small, big = best[n], best.get(2 * n)
    if isinstance(small, Figure) and isinstance(big, Figure) and _grew_too_much(small, big):
        bigger = min((in_child(work_for(4 * n), timeout) for _ in range(2)),
                     key=lambda f: f.seconds if isinstance(f, Figure) else math.inf)
        if isinstance(bigger, Figure) and not bigger.stopped:
            big = replace(big, then=bigger.seconds / max(big.seconds, 1e-9))
    return small, big


def _grew_too_much(small: Figure, big: Figure) -> bool:
    """Whether t(2n) / t(n) breaks the growth bar (judged from ``RATIO_FLOOR`` seconds, and not
    for a rule stopped at its findings budget, which does less work at 2n than n warrants)."""
    return big.seconds >= RATIO_FLOOR and not big.stopped and big.seconds / max(small.seconds, 1e-9) > MAX_GROWTH


def _size_of(data: str | list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in data) if isinstance(data, list) else len(data.encode("utf-8"))


def judge(row: Row, extra_limit: float | None = None, per_mb: bool = True) -> None:
    """Fill ``row.broken`` with the bars it breaks (``per_mb``: the bar of one rule's cost)."""
    if isinstance(row.small, str) or isinstance(row.big, str) or row.big is None:
        row.broken.append(f"no figure ({row.small if isinstance(row.small, str) else row.big})")
        return
    seconds, rate = row.big.seconds, row.per_mb()
    if per_mb and rate is not None and rate > MAX_S_PER_MB:
        row.broken.append(f"{rate:.2f} s/MB > {MAX_S_PER_MB}")
    # Broken when it grows too much from n to 2n and again (or unmeasured) from 2n to 4n: a
    # single step is a path taken at one size, not a cost that grows faster than the input.
    if _grew_too_much(row.small, row.big) and (row.big.then is None or row.big.then > MAX_GROWTH):
        row.broken.append(f"grows {seconds / row.small.seconds:.1f}x > {MAX_GROWTH}x")
    if extra_limit is not None and row.small.seconds > extra_limit:
        row.broken.append(f"{row.small.seconds:.1f} s at n > {extra_limit:.0f} s")


def _fmt(row: Row) -> str:
    def seconds(x: Figure | str | None) -> str:
        return x if isinstance(x, str) else "" if x is None else f"{x.seconds:.3f}"
    rate = ratio = found = peak = ""
    if isinstance(row.big, Figure):
        rate = f"{row.per_mb():.3f}"
        found = f"{row.big.findings:,}" + (" (stopped)" if row.big.stopped else "")
        if isinstance(row.small, Figure):
            ratio = f"{row.big.seconds / max(row.small.seconds, 1e-9):.2f}" if row.big.seconds >= RATIO_FLOOR else "-"
            ratio += "" if row.big.then is None else f" (then {row.big.then:.2f})"
    figure = row.big if isinstance(row.big, Figure) else row.small
    if isinstance(figure, Figure):
        peak = f"{figure.peak_mb:.0f}"
    return (f"| {row.generator} | {row.rule} | {seconds(row.small)} | {seconds(row.big)} | {rate} | {ratio} | "
            f"{found} | {peak} | {'; '.join(row.broken) or 'ok'} |")


def _warm_up(rules: list[Rule], options: dict[str, object]) -> None:
    """Load in this process what rules load lazily (word lists, ftfy, datasketch), so that
    forked children measure the work, not the one-off loading. (Not the semantic model: see
    ``in_child``; the examples below do not call it.)"""
    for rule in rules:
        if rule.warm_up is not None:
            rule.warm_up()
        for text in (*rule.bad_examples, *rule.good_examples, _ARTICLE, _ARTICLE.replace("’", "â€™")):
            doc = Document.from_bytes(text) if isinstance(text, bytes) else Document(text)
            if rule.scope is Scope.CORPUS:
                signature = rule.collect(doc, options[rule.code])  # type: ignore[misc]
                if signature is not None:
                    list(rule.finish([signature.value] * 2, ["a", "b"], options[rule.code]))  # type: ignore[misc]
            else:
                list(rule.check(doc, options[rule.code]))  # type: ignore[misc]


def _linter(resolved: ResolvedConfig, rules: tuple[Rule, ...]) -> Linter:
    """A linter running ``rules`` with no time budget: the rules are measured, not the budget."""
    linter = Linter(replace(resolved, rules=rules))
    linter.rule_seconds = float("inf")
    return linter


def run_rules(rules: list[Rule], gens: list[Generator], scale: float, timeout: float) -> list[Row]:
    resolved = prepare([], plugins=False).resolved
    every = _linter(resolved, resolved.rules)
    options = {r.code: resolved.options.get(r.code, r.options) for r in rules}
    _warm_up(rules, options)
    rows: list[Row] = []
    print("| generator | rule | CPU s at n | CPU s at 2n | s/MB | growth | findings at 2n | peak MB | bars |")
    print("|---|---|---|---|---|---|---|---|---|")
    for gen in gens:
        texts: dict[int, str | list[str]] = {}

        def data(count: int, gen: Generator = gen) -> str | list[str]:
            if count not in texts:
                texts[count] = gen.make(count)
            return texts[count]

        n = max(1, int(gen.n * scale))
        sizes = (_size_of(data(n)), _size_of(data(2 * n)))
        for rule in rules:
            if gen.corpus != (rule.scope is Scope.CORPUS):
                continue  # corpus generators are for corpus rules only
            if gen.corpus:
                small, big = measure(lambda c, r=rule: _corpus_rule(r, options[r.code], data(c)), gen, scale, timeout)
            else:
                alone = _linter(resolved, (rule,))
                small, big = measure(lambda c, one=alone: _lint(one, data(c)), gen, scale, timeout)
            row = Row(gen.name, rule.code, sizes, small, big, [])
            judge(row)
            if gen.corpus and isinstance(big, Figure) and big.seconds > NL403_SECONDS:
                row.broken.append(f"{big.seconds:.1f} s on {2 * int(gen.n * scale):,} articles > {NL403_SECONDS:.0f} s")
            rows.append(row)
            print(_fmt(row), flush=True)
        if not gen.corpus:
            small, big = measure(lambda c: _lint(every, data(c)), gen, scale, timeout)
            row = Row(gen.name, "all default", sizes, small, big, [])
            judge(row, BIG_INPUT_SECONDS if gen.name in ("short-lines", "paragraphs") else None, per_mb=False)
            rows.append(row)
            print(_fmt(row), flush=True)
        texts.clear()
    return rows


# -- memory: a whole `newslint check` on one big file --------------------------------------
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, run.returncode,
      run.stderr.count(" stopped: "))
"""
MEMORY_GENERATORS = ("news-paragraphs", "zero-width", "mojibake", "entities", "short-lines", "repeated-paragraphs")


def _lines_of(gen: Generator, megabytes: float) -> str:
    """``megabytes`` of input from ``gen``: 400 KB lines of its text for the byte generators."""
    target = int(megabytes * 1e6)
    if gen.unit == "bytes":
        line = gen.make(400_000).split("\n\n", 1)[1].rstrip("\n")  # type: ignore[union-attr]
        return HEADLINE + "\n\n".join([line] * max(1, target // len(line.encode("utf-8")))) + "\n"
    text = gen.make(gen.n)
    assert isinstance(text, str)
    body = text.split("\n\n", 1)[1]
    return HEADLINE + body * max(1, target // len(body.encode("utf-8")))


def run_memory(megabytes: float, names: list[str], timeout: float) -> list[str]:
    """Peak memory of `newslint check` (all rules) on one big file per generator."""
    broken = []
    exe = Path(sys.executable).with_name("newslint")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]
    print(f"\n`newslint check --no-cache` (every rule: --select ALL plus those off by default) on one "
          f"file of about {megabytes:g} MB\n")
    print("| generator | MB | wall s | CPU s | peak MB | exit | rules stopped | bars |")
    print("|---|---|---|---|---|---|---|---|")
    by_name = {g.name: g for g in GENERATORS}
    with tempfile.TemporaryDirectory(prefix="newslint-patho-") as tmp:
        for name in names:
            path = Path(tmp) / f"{name}.txt"
            path.write_text(_lines_of(by_name[name], megabytes), encoding="utf-8")
            size = path.stat().st_size / 1e6
            args = [*command, "check", "--no-cache", "-q", "--exit-zero", "--format", "json", "-j", "1",
                    "--select", "ALL", "--extend-select", "NL203,NL304,NL501", str(path)]
            try:
                out = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True,
                                     timeout=timeout)
                wall, cpu, rss, code, stopped = out.stdout.split()
                peak = int(rss) / 1024
                bars = f"peak {peak:.0f} MB > {MAX_PEAK_MB:.0f} MB" if peak > MAX_PEAK_MB else ""
                if int(code) not in (0, 1, 2):  # 2: a rule stopped at its findings budget
                    bars = (bars + "; " if bars else "") + f"exit {code}"
                print(f"| {name} | {size:.1f} | {float(wall):.1f} | {float(cpu):.1f} | {peak:.0f} | {code} | "
                      f"{stopped} | {bars or 'ok'} |", flush=True)
            except subprocess.TimeoutExpired:
                bars = f"over {timeout:.0f} s"
                print(f"| {name} | {size:.1f} | >{timeout:.0f} | | | | | {bars} |", flush=True)
            if bars:
                broken.append(f"memory {name}: {bars}")
            path.unlink()
    return broken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated generator names (default: all)")
    parser.add_argument("--rules", help="comma-separated rule codes (default: every rule)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size n by this")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run is cut off")
    parser.add_argument("--no-memory", action="store_true", help="skip the whole-file memory runs")
    parser.add_argument("--memory-mb", type=float, default=8.0, help="size of each memory run's file")
    args = parser.parse_args()
    rules = list(load_rules(plugins=False).rules)
    if args.rules:
        wanted = set(args.rules.split(","))
        rules = [r for r in rules if r.code in wanted]
    gens = [g for g in GENERATORS if not args.only or g.name in args.only.split(",")]
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
          f"Python {sys.version.split()[0]}; sizes n: {', '.join(f'{g.name} {int(g.n * args.scale):,} {g.unit}' for g in gens)}\n")
    started = time.perf_counter()
    rows = run_rules(rules, gens, args.scale, args.timeout)
    broken = [f"{r.generator} {r.rule}: {'; '.join(r.broken)}" for r in rows if r.broken]
    if not args.no_memory:
        names = [n for n in MEMORY_GENERATORS if not args.only or n in args.only.split(",")]
        broken += run_memory(args.memory_mb, names, max(args.timeout * 10, 600))
    load = os.getloadavg()
    print(f"\n{time.perf_counter() - started:.0f} s in all; load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    if broken:
        print(f"\n{len(broken)} bar(s) broken:\n" + "\n".join(f"- {b}" for b in broken))
        return 1
    print("\nevery bar met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
