#!/usr/bin/env python3
"""The README's picture of `newslint report`: the report on the seeds and the development
corpus (../shared/corpus/clean when present), as headless Chromium shows it.

    python benchmarks/report_screenshot.py            # writes docs/report.png
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))

from chromium import chromium, missing  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "report.png"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "clean"))
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=1250)
    args = parser.parse_args()
    if missing():
        sys.exit(missing())
    corpus = Path(args.corpus).resolve()
    inputs = ["seeds"] + ([os.path.relpath(corpus, ROOT)] if corpus.is_dir() else [])
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        subprocess.run([sys.executable, "-m", "newslint", "report", "--no-cache", *inputs, "-o", str(page),
                        "--title", "newslint report: seeds and development corpus"], check=True, cwd=ROOT)
        with chromium(args.width, args.height) as driver:
            driver.get(page.as_uri())
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            if errors:
                sys.exit(f"console errors: {errors}")
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(args.out)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
