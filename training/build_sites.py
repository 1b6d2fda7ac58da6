"""Group the labelled line corpus by site, for measuring site-template detection.

    python training/build_sites.py /work/data/lines /work/data/sites [--min-pages 5]

A line that recurs across many articles of one site (a "Most read" header, a newsletter prompt)
is template furniture; to measure a detector of such lines we need several articles per site.
This writes /work/data/sites/<site>/<source>-<file> (the same extracted text as lines/, no new
extraction) and an index.json per site listing each file's source, page, url, extractor and its
labels, for every site with at least --min-pages pages.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("lines", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-pages", type=int, default=5)
    args = parser.parse_args()
    by_site: dict[str, list[tuple[Path, str, dict]]] = defaultdict(list)
    for labels_path in sorted(args.lines.glob("*/labels.json")):
        files = json.loads(labels_path.read_text(encoding="utf-8"))["files"]
        for name, entry in files.items():
            if entry.get("site"):
                by_site[entry["site"]].append((labels_path.parent / name, labels_path.parent.name, entry))
    if args.out.exists():
        shutil.rmtree(args.out)
    rows = []
    for site, items in sorted(by_site.items()):
        pages = {(source, entry["page"]) for _, source, entry in items}
        if len(pages) < args.min_pages:
            continue
        folder = args.out / site
        folder.mkdir(parents=True)
        index = {}
        for path, source, entry in items:
            target = f"{source}-{path.name}"
            shutil.copyfile(path, folder / target)
            index[target] = entry
        (folder / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
        rows.append((site, len(pages), len(items), sorted({source for _, source, _ in items})))
    lines = ["| site | pages | files | sources |", "|---|---|---|---|"]
    lines += [f"| {site} | {pages} | {files} | {', '.join(sources)} |" for site, pages, files, sources in
              sorted(rows, key=lambda row: -row[1])]
    (args.out / "SUMMARY.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
