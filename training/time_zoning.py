"""How long story zoning (``Document.zones``, the line model included) takes per article.

    python training/time_zoning.py [FOLDER ...]     # default: ../shared/corpus/clean

Prints, for each folder, the milliseconds per article of parsing a document and of zoning it
(the best of three passes, since the machine is shared), and how many articles had a paragraph
for the model to judge. The budget is 0.3 ms per average BBC article.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.document import Document  # noqa: E402
from newslint.text import line_features, line_model  # noqa: E402

DEFAULT = ROOT.parent.parent / "shared" / "corpus" / "clean"


def _best(run, texts: list[tuple[str, str]], passes: int = 3) -> float:
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        run(texts)
        times.append(time.perf_counter() - start)
    return min(times) * 1000 / len(texts)


def _parse(texts: list[tuple[str, str]]) -> None:
    for text, name in texts:
        Document(text, name).paragraphs  # noqa: B018 (what zoning needs, without zoning)


def _zone(texts: list[tuple[str, str]]) -> None:
    for text, name in texts:
        Document(text, name).zones  # noqa: B018


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:]] or [DEFAULT]
    line_model.load()
    for folder in folders:
        files = sorted(folder.rglob("*.txt"))
        texts = [(p.read_text(encoding="utf-8", errors="replace"), str(p)) for p in files]
        parse, zone = _best(_parse, texts), _best(_zone, texts)
        judged = 0
        for text, name in texts:
            doc = Document(text, name)
            rows = line_features.paragraph_features([p.text(doc) for p in doc.paragraphs])
            judged += any(line_features.judged(rows))
        print(f"{folder}: {len(texts)} articles, parse {parse:.3f} ms, zoning {zone - parse:.3f} ms per article; "
              f"{judged} articles with a paragraph for the model to judge")
    return 0


if __name__ == "__main__":
    sys.exit(main())
