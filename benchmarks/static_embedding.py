#!/usr/bin/env python3
"""Could a static embedding replace the sentence model? A trial, kept so that it can be run again.

NL101's sentence model (all-MiniLM-L6-v2, int8, the `newslint[semantic]` extra) is most of a
run's time with the extra: about 0.27 ms a token on one core, near the hardware's rate. A
static embedding costs a table lookup a token. This script distils one from the shipped model
by model2vec's method (Tulkens and van Dongen, MinishLab/model2vec: each vocabulary token run
through the model between [SEP] and [CLS], the outputs averaged; PCA; SIF weights from the
token's rank) and asks the question NL101 asks: how well does the similarity of a headline to
its story's opening tell the story's own headline from another story's? It prints, for
MiniLM and for the static embedding, the AUC of that test, and how closely the static
similarity follows MiniLM's (a linear fit and its residual).

On 2026-12-05 (572 stories of five English sources: BBC technology, the Guardian, newspaper
test pages, Reuters-21578, fundus): AUC 0.995 for MiniLM, 0.978 for the static embedding
(SIF 1e-5, 256 dimensions; 0.968 at 1e-4, 0.973 at 1e-6), residual 0.12: too weak to replace
the model or to settle its questions beforehand. It needs the extra installed (the model is
the distillation's teacher) and takes about 70 s.

    python benchmarks/static_embedding.py FOLDER [FOLDER ...] [--per-folder 150]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402  (the semantic extra's; this script needs it)

from newslint.document import Document  # noqa: E402
from newslint.text import embeddings  # noqa: E402
from rules.headline_mismatch import Meaning  # noqa: E402


def distil(dimensions: int, sif: float) -> np.ndarray:
    """One vector per vocabulary token, from the shipped model's outputs."""
    import json

    encoder = embeddings.encoder()
    vocabulary = json.loads(embeddings.TOKENIZER.read_text(encoding="utf-8"))["model"]["vocab"]
    cls, sep = vocabulary["[CLS]"], vocabulary["[SEP]"]
    raw = np.zeros((len(vocabulary), embeddings.WIDTH), np.float32)
    for start in range(0, len(vocabulary), 512):
        ids = np.arange(start, min(len(vocabulary), start + 512))
        batch = np.stack([np.full(len(ids), sep), ids, np.full(len(ids), cls)], 1).astype(np.int64)
        feeds = {"input_ids": batch, "attention_mask": np.ones_like(batch), "token_type_ids": np.zeros_like(batch)}
        (hidden,) = encoder.session.run(["last_hidden_state"], {k: v for k, v in feeds.items() if k in encoder.inputs})
        raw[start:start + len(ids)] = hidden.mean(1)
    centred = raw - raw.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    vectors = centred @ components[:dimensions].T
    rank = 1 / np.arange(2, len(vectors) + 2)  # model2vec's Zipf estimate: the token id as rank
    vectors *= (sif / (sif + rank / rank.sum()))[:, None]
    return vectors.astype(np.float32)


def static_embed(vectors: np.ndarray, texts: list[str]) -> np.ndarray:
    """Unit mean vectors of the texts' tokens."""
    out = np.zeros((len(texts), vectors.shape[1]), np.float32)
    tokenizer = embeddings.encoder().tokenizer
    for row, encoding in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
        if encoding.ids:
            mean = vectors[encoding.ids].mean(0)
            out[row] = mean / (np.linalg.norm(mean) or 1.0)
    return out


def similarity(vectors: np.ndarray) -> float:
    """NL101's measure: the mean of the headline's cosine to the lead and to its closest opening
    sentence (rows: headline, lead, sentences)."""
    return (float((vectors[2:] @ vectors[0]).max()) + float(vectors[1] @ vectors[0])) / 2


def openings(folders: list[Path], per_folder: int) -> list[list[str]]:
    """For each article with a headline and an opening: its headline, lead and opening sentences."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt"))[:per_folder]:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            doc = Document(text, str(path))
            if doc.headline is None or len(doc.paragraph_texts) < 2:
                continue
            meaning = Meaning(doc, doc.headline.text(doc), 2)
            if meaning._texts:
                found.append(meaning._texts)
    return found


def auc(own: np.ndarray, other: np.ndarray) -> float:
    return float((own[:, None] > other[None, :]).mean())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--per-folder", type=int, default=150)
    parser.add_argument("--dimensions", type=int, default=256)
    parser.add_argument("--sif", type=float, default=1e-5)
    args = parser.parse_args()
    start = time.time()
    vectors = distil(args.dimensions, args.sif)
    articles = openings(args.folders, args.per_folder)
    headlines = [texts[0] for texts in articles]
    random.seed(1)
    scores: dict[str, dict[bool, list[float]]] = {"MiniLM": {True: [], False: []}, "static": {True: [], False: []}}
    for texts in articles:
        for own in (True, False):
            asked = [texts[0] if own else random.choice(headlines), *texts[1:]]
            scores["MiniLM"][own].append(similarity(embeddings.embed(asked)))
            scores["static"][own].append(similarity(static_embed(vectors, asked)))
    print(f"{len(articles)} stories, each with its own headline and another story's ({time.time() - start:.0f} s)")
    for name, by in scores.items():
        print(f"{name}: AUC {auc(np.array(by[True]), np.array(by[False])):.3f}")
    mini = np.array(scores["MiniLM"][True] + scores["MiniLM"][False])
    static = np.array(scores["static"][True] + scores["static"][False])
    slope, intercept = np.polyfit(static, mini, 1)
    residual = mini - (slope * static + intercept)
    print(f"MiniLM ~ {slope:.2f} x static {intercept:+.2f}; residual {residual.std():.2f}, "
          f"1 in 100 off by {np.percentile(abs(residual), 99):.2f} or more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
