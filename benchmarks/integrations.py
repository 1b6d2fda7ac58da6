#!/usr/bin/env python3
"""What each framework integration costs: install weight, import time, start-up, throughput.

    python benchmarks/integrations.py              # imports, Ray start-up, 2,000 records each way
    python benchmarks/integrations.py --install    # also: fresh venvs for plain newslint and each
                                                   # extra (a few minutes; uses pip's cache)

Records are the project's own articles (seeds and clean test fixtures) repeated with fresh ids.
Each way lints them with the default rules on two workers: `newslint check` on a JSON Lines
file (-j 2), datatrove (LocalPipelineExecutor, two tasks), Hugging Face datasets
(`Dataset.map(num_proc=2)`) and Ray Data (a local instance with two CPUs, two blocks). Wall
times include each framework's own start-up (worker processes, Ray's instance).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORTS = {
    "python alone": "pass",
    "newslint": "import newslint",
    "newslint.integrations.datatrove": "import newslint.integrations.datatrove",
    "datasets + newslint.integrations.hf": "import datasets, newslint.integrations.hf",
    "ray.data + newslint.integrations.ray": "import ray.data, newslint.integrations.ray",
}
EXTRAS = ("", "datatrove", "hf", "ray")


def records(count: int) -> list[dict[str, str]]:
    """``count`` records made of the project's own articles, repeated under fresh ids."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "clean").glob("*.txt"))
    articles = [p.read_text(encoding="utf-8").partition("\n") for p in paths]
    return [{"id": f"r{i}", "title": articles[i % len(articles)][0],
             "text": articles[i % len(articles)][2].strip("\n")} for i in range(count)]


def median_seconds(code: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(label: str, fn, *args) -> None:
    start = time.perf_counter()
    fn(*args)
    print(f"| {label} | {time.perf_counter() - start:.1f} |", flush=True)


def via_check(folder: Path) -> None:
    files = [str(p) for p in sorted(folder.glob("*.jsonl"))]  # named: a folder walk takes *.txt
    subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "-q", "-j", "2", *files],
                   capture_output=True)


def via_datatrove(folder: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader

    from newslint.integrations.datatrove import NewslintAnnotator

    LocalPipelineExecutor([JsonlReader(str(folder)), NewslintAnnotator()], tasks=2, workers=2,
                          logging_dir=str(folder.parent / "datatrove-logs")).run()


def via_hf(rows: list[dict]) -> None:
    import datasets

    from newslint.integrations.hf import lint_dataset

    datasets.disable_progress_bars()
    lint_dataset(datasets.Dataset.from_list(rows), num_proc=2)


def via_ray(rows: list[dict]) -> None:
    import ray

    from newslint.integrations.ray import lint_ray_dataset

    lint_ray_dataset(ray.data.from_items(rows, override_num_blocks=2)).materialize()


def install_costs(work: Path) -> None:
    print("| install | seconds | site-packages MB | more than plain |\n|---|---|---|---|")
    plain = 0.0
    for extra in EXTRAS:
        venv = work / f"venv-{extra or 'plain'}"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        start = time.perf_counter()
        target = f"{ROOT}[{extra}]" if extra else str(ROOT)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", target], check=True, capture_output=True)
        seconds = time.perf_counter() - start
        size = int(subprocess.run(["du", "-sm", str(next(venv.glob("lib/python*/site-packages")))],
                                  capture_output=True, text=True).stdout.split()[0])
        plain = plain or size
        print(f"| newslint{f'[{extra}]' if extra else ''} | {seconds:.0f} | {size} | {size - plain} |", flush=True)
        shutil.rmtree(venv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--install", action="store_true", help="also measure fresh installs")
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.install:
            install_costs(work)
        print("\n| import (median of 3, with interpreter start) | seconds |\n|---|---|")
        for label, code in IMPORTS.items():
            print(f"| {label} | {median_seconds(code):.2f} |", flush=True)
        rows = records(args.records)
        folder = work / "corpus"
        folder.mkdir()
        (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:len(rows) // 2]))
        (folder / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[len(rows) // 2:]))
        print(f"\n| {len(rows):,} records, two workers | wall s |\n|---|---|")
        timed("newslint check -j 2 (JSON Lines)", via_check, folder)
        timed("datatrove, 2 tasks", via_datatrove, folder)
        timed("datasets, num_proc=2", via_hf, rows)
        import ray

        start = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
        print(f"| (ray.init, 2 CPUs: {time.perf_counter() - start:.1f} s) | |", flush=True)
        timed("Ray Data, 2 blocks (after ray.init)", via_ray, rows)
        ray.shutdown()


if __name__ == "__main__":
    main()
