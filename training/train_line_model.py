"""Train and evaluate the story/furniture line model; write newslint/data/line_model.json.

    python training/train_line_model.py                    # evaluate (by site) and write the model
    python training/train_line_model.py --evaluate-only    # figures only

Data (see training/SOURCES.md for where each comes from and how it is built):
- labelled line corpora in the format of ``shared/corpus/pages`` (article files plus a
  labels.json whose injected-family ``expect`` lines are furniture, unlabelled body lines story,
  ``allow`` lines left out): ``--lines DIR`` (repeatable; default every folder of
  ``/work/data/lines``, built by ``training/build_lines.py``);
- story-only corpora, every body paragraph story (professionally edited articles) except lines
  their labels.json marks as injected: ``--story DIR`` (repeatable; default every folder of
  ``/work/data/clean``);
- test-only corpora, never trained on: ``--test-lines DIR`` (default ``shared/corpus/pages``) and
  ``--test-story DIR`` (default ``shared/corpus/clean``).

Evaluation: (1) cross-validation within the training corpora grouped by site, where no site
is ever both in training and in test (both extractions of one page share its site); (2) the
model trained on all the training corpora, scored on the test-only corpora. The decision
threshold is the lowest at which the cross-validated precision on the labelled corpora
reaches ``--precision`` (0.95): chosen without the test corpora. The model written is the one
of (2). Needs LightGBM, NumPy, SciPy and scikit-learn, which newslint itself never imports:
``pip install lightgbm scikit-learn scipy`` beside it (LightGBM 4.7, scikit-learn 1.9 and SciPy
1.17 on 2026-12-03).
"""
from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.document import Document  # noqa: E402
from newslint.text import language, line_features, line_model  # noqa: E402

SHARED = Path("/work/shared/corpus")
DATA = Path("/work/data")
PARAMS = dict(n_estimators=100, learning_rate=0.08, num_leaves=16, min_child_samples=50,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=1.0, verbose=-1)
FOLDS = 5
LEXICAL_BUCKETS = 1 << 18
LEXICAL_C = 1.0  # inverse L2 strength of the hashed-n-gram logistic regression


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "labels.json").is_file()) if root.is_dir() else []


@dataclass
class Article:
    """One article's paragraphs with their labels (1 furniture, 0 story, None left out)."""

    source: str
    name: str
    site: str
    lang: str
    headline: str
    paragraphs: list[str]
    labels: list[int | None]
    rows: list[dict[str, float]] = field(default_factory=list)


def site_of(url: str) -> str:
    """The site of a URL: its host without "www." (a simple, documented approximation of the
    registered domain: "news.bbc.co.uk" and "bbc.co.uk" stay apart)."""
    host = urlparse(url).netloc.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def read_labelled(folder: Path) -> list[Article]:
    """A pages-style corpus: every body line story unless labels.json says otherwise."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["files"]
    articles = []
    for path in sorted(folder.rglob("*.txt")):
        entry = labels.get(path.relative_to(folder).as_posix(), {})
        furniture = {e["line"] for e in entry.get("expect", []) if e["family"] == "injected"}
        left_out = {e["line"] for e in entry.get("allow", []) if e["family"] == "injected"}
        site = entry.get("site") or site_of(entry.get("url") or "") or f"{folder.name}/{path.stem}"
        articles.append(_article(folder.name, path, site, entry.get("lang"),
                                 lambda line: 1 if line in furniture else (None if line in left_out else 0)))
    return articles


def read_story(folder: Path) -> list[Article]:
    """A corpus of clean articles: every body paragraph is story, except the lines its
    labels.json (if any) marks as injected (a "© AGENCY" credit), which are left out."""
    path = folder / "labels.json"
    labels = json.loads(path.read_text(encoding="utf-8"))["files"] if path.is_file() else {}
    articles = []
    for path in sorted(folder.rglob("*.txt")):
        entry = labels.get(path.relative_to(folder).as_posix(), {})
        marked = {e["line"] for e in entry.get("expect", []) + entry.get("allow", []) if e["family"] == "injected"}
        articles.append(_article(folder.name, path, folder.name, None,
                                 lambda line, m=marked: None if line in m else 0))
    return articles


def _article(source: str, path: Path, site: str, lang: str | None, label_of) -> Article:
    doc = Document(path.read_text(encoding="utf-8", errors="replace"), str(path))
    paragraphs = [p.text(doc) for p in doc.paragraphs]
    labels = [label_of(doc.line_of(p.start)) for p in doc.paragraphs]
    headline = doc.headline.text(doc) if doc.headline else ""
    if not lang:
        lang = language.detect((w.lower() for p in paragraphs[:20] for w in p.split()), " ".join(paragraphs[:5]))
    return Article(source, path.name, site, lang, headline, paragraphs, labels)


WRAPPED_SHARE = 0.25


def hard_wrapped(article: Article) -> bool:
    """Whether the article's text is broken into lines mid-sentence (more than a quarter of its
    line breaks fall between a word and a lower-case word). Old pages of the big corpora were
    wrapped at about 70 characters; the text newslint lints, like ``shared/corpus/pages``, has
    one paragraph per line. A wrapped story is a run of short lines that read as no sentence,
    the very shape of a list of other stories' titles, so the model learns nothing from it but
    to doubt that shape: those articles are left out of training."""
    paragraphs = article.paragraphs
    if len(paragraphs) < 4:
        return False
    breaks = sum(1 for line, following in zip(paragraphs, paragraphs[1:])
                 if line.rstrip()[-1:] not in ".!?:" and following[:1].islower())
    return breaks > WRAPPED_SHARE * (len(paragraphs) - 1)


def featurise(articles: list[Article]) -> None:
    for article in articles:
        article.rows = line_features.paragraph_features(article.paragraphs, article.headline)


# -- the lexical model ------------------------------------------------------------------------
def _lexical_matrix(texts: list[str]):
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for text in texts:
        keys = Counter(line_model.lexical_keys(text, LEXICAL_BUCKETS))
        n = sum(keys.values())
        for key, count in keys.items():
            indices.append(key)
            values.append(count / np.sqrt(n))
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(texts), LEXICAL_BUCKETS))


def _judged_lines(articles: list[Article]):
    texts, ys, sources = [], [], []
    for article in articles:
        for text, label, needed in zip(article.paragraphs, article.labels, line_features.judged(article.rows)):
            if label is not None and needed:
                texts.append(text)
                ys.append(label)
                sources.append(article.source)
    return texts, np.array(ys), _source_weights(sources)


def _source_weights(sources: list[str]) -> np.ndarray:
    counts = Counter(sources)
    return np.array([len(sources) / (len(counts) * counts[s]) for s in sources])


def fit_lexical(articles: list[Article]) -> dict:
    """The hashed-n-gram logistic regression on the judged lines, as its shipped JSON form."""
    from sklearn.linear_model import LogisticRegression

    texts, y, w = _judged_lines(articles)
    model = LogisticRegression(C=LEXICAL_C, solver="liblinear", max_iter=200)
    model.fit(_lexical_matrix(texts), y, sample_weight=w)
    coef = model.coef_[0]
    scale = float(np.abs(coef).max() / 127) or 1.0
    quantised = np.clip(np.round(coef / scale), -127, 127).astype(np.int8)
    return {"weights": base64.b64encode(quantised.tobytes()).decode("ascii"), "scale": scale,
            "bias": float(model.intercept_[0])}


def set_lexical(articles: list[Article], lexical: dict) -> None:
    """Give every judged row of these articles its lexical logit under ``lexical``."""
    shipped = line_model.from_json({"local": {"features": [], "trees": [], "bias": 0.0}, "threshold": 0.5,
                                    "lexical": lexical}).lexical
    for article in articles:
        line_model.add_lexical_scores(article.rows, article.paragraphs, shipped,
                                      line_features.judged(article.rows))


def set_lexical_out_of_fold(articles: list[Article], k: int = 4) -> None:
    """Lexical logits for training rows from models that did not see their site."""
    for fold in _folds(articles, k):
        held = set(fold)
        lexical = fit_lexical([a for i, a in enumerate(articles) if i not in held])
        set_lexical([articles[i] for i in fold], lexical)


# -- the two-stage model ----------------------------------------------------------------------
def _matrix(articles: list[Article], names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights: each source weighs the same in all, however many
    paragraphs it has, so one large source does not decide what every site looks like."""
    xs, ys, sources = [], [], []
    for article in articles:
        for row, label, needed in zip(article.rows, article.labels, line_features.judged(article.rows)):
            if label is not None and needed:
                xs.append([row.get(n, -2.0) for n in names])
                ys.append(label)
                sources.append(article.source)
    return np.array(xs, dtype=np.float64), np.array(ys), _source_weights(sources)


def _fit(articles: list[Article], names: list[str], seed: int = 0):
    import lightgbm

    x, y, w = _matrix(articles, names)
    model = lightgbm.LGBMClassifier(random_state=seed, n_jobs=2, **PARAMS)
    model.fit(x, y, sample_weight=w)
    return model


def _scores(model, article: Article, names: list[str]) -> list[float]:
    """The model's scores, 0 for the prose the shipped model does not judge."""
    judge = line_features.judged(article.rows)
    if not any(judge):
        return [0.0] * len(article.rows)
    x = np.array([[row.get(n, -2.0) for n in names] for row in article.rows], dtype=np.float64)
    scores = list(model.predict_proba(x)[:, 1])
    return [s if needed else 0.0 for s, needed in zip(scores, judge)]


def _folds(articles: list[Article], k: int) -> list[list[int]]:
    """Article indices split into k groups by site (a site's articles all in one fold),
    balanced by size, deterministic."""
    sizes = Counter(a.site for a in articles)
    order = sorted(sizes, key=lambda s: (-sizes[s], hashlib.sha1(s.encode()).hexdigest()))
    load, fold_of = [0] * k, {}
    for site in order:
        target = min(range(k), key=lambda f: load[f])
        fold_of[site] = target
        load[target] += sizes[site]
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, article in enumerate(articles):
        folds[fold_of[article.site]].append(i)
    return folds


def local_names(articles: list[Article]) -> list[str]:
    """Every feature a judged row has, and the lexical logit."""
    for article in articles:
        for row, needed in zip(article.rows, line_features.judged(article.rows)):
            if needed:
                return sorted(set(row) | {"lexical"})
    return []


CONTEXT_NAMES = ["score", "previous_score", "next_score", "window_score", "after_score", "before_score",
                 "block_score", "block_min_score"]


def fit_two_stage(articles: list[Article], names: list[str]):
    """The lexical model; stage 1 on each paragraph's features and its lexical logit; stage 2
    adds stage-1 scores of the neighbours. Stage 1 learns from out-of-fold lexical logits and
    stage 2 from out-of-fold stage-1 scores, so each learns from scores like those it will see."""
    set_lexical_out_of_fold(articles)
    lexical = fit_lexical(articles)
    out_of_fold: dict[int, list[float]] = {}
    for fold in _folds(articles, 4):
        held = set(fold)
        model = _fit([a for i, a in enumerate(articles) if i not in held], names)
        for i in fold:
            out_of_fold[i] = _scores(model, articles[i], names)
    saved = [[dict(r) for r in a.rows] for a in articles]
    for i, article in enumerate(articles):
        line_model.add_context_scores(article.rows, out_of_fold[i])
    second = _fit(articles, names + CONTEXT_NAMES)
    for article, rows in zip(articles, saved):
        article.rows = rows
    return _fit(articles, names), second, lexical


def predict_two_stage(models, article: Article, names: list[str]) -> list[float]:
    first, second, lexical = models
    set_lexical([article], lexical)
    rows = [dict(r) for r in article.rows]
    line_model.add_context_scores(rows, _scores(first, article, names))
    probe = Article(article.source, article.name, article.site, article.lang, article.headline,
                    article.paragraphs, article.labels, rows)
    return _scores(second, probe, names + CONTEXT_NAMES)


# -- evaluation -------------------------------------------------------------------------------
def cross_validate(articles: list[Article], names: list[str], folds: int = FOLDS) -> list[list[float]]:
    predictions: list[list[float]] = [[] for _ in articles]
    for number, fold in enumerate(_folds(articles, folds), 1):
        held = set(fold)
        models = fit_two_stage([a for i, a in enumerate(articles) if i not in held], names)
        for i in fold:
            predictions[i] = predict_two_stage(models, articles[i], names)
        print(f"  fold {number}/{folds}: {len(fold)} articles held out", file=sys.stderr)
    return predictions


def _pairs(articles, predictions, keep=lambda a: True):
    return [(p, l) for a, ps in zip(articles, predictions) if keep(a)
            for p, l in zip(ps, a.labels) if l is not None]


def precision_recall(pairs, threshold: float) -> tuple[int, int, int]:
    tp = sum(1 for p, l in pairs if p >= threshold and l == 1)
    fp = sum(1 for p, l in pairs if p >= threshold and l == 0)
    return tp, fp, sum(1 for _, l in pairs if l == 1)


THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14)) + (0.99,)


def choose_threshold(pairs, target: float) -> float:
    """The lowest threshold (0.30, 0.35, ... 0.95, 0.99) whose precision, and every higher
    one's, reaches target; when none does, the one of highest precision."""
    precisions = []
    for threshold in THRESHOLDS:
        tp, fp, _ = precision_recall(pairs, threshold)
        precisions.append(tp / (tp + fp) if tp + fp else 0.0)
    for i, threshold in enumerate(THRESHOLDS):
        if all(p >= target for p in precisions[i:]):
            return threshold
    return THRESHOLDS[max(range(len(THRESHOLDS)), key=lambda i: (precisions[i], -i))]


def report(articles, predictions, threshold: float, scraped: set[str]) -> dict:
    figures = {}
    groups = {"scraped (all)": lambda a: a.source in scraped,
              "scraped, English": lambda a: a.source in scraped and a.lang == "en",
              "scraped, not English": lambda a: a.source in scraped and a.lang != "en"}
    for source in sorted({a.source for a in articles}):
        groups[f"source {source}"] = lambda a, s=source: a.source == s
    for name, keep in groups.items():
        pairs = _pairs(articles, predictions, keep)
        tp, fp, positives = precision_recall(pairs, threshold)
        stories = sum(1 for _, l in pairs if l == 0)
        figures[name] = {"furniture": positives, "story": stories, "tp": tp, "fp": fp,
                         "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                         "recall": round(tp / positives, 3) if positives else None,
                         "fp_per_1000_story": round(1000 * fp / stories, 2) if stories else None}
        print(f"  {name:28} furniture {positives:5}  story {stories:6}  tp {tp:4}  fp {fp:4}  "
              f"P {figures[name]['precision']}  R {figures[name]['recall']}  "
              f"FP/1000 story {figures[name]['fp_per_1000_story']}", file=sys.stderr)
    return figures


# -- export -----------------------------------------------------------------------------------
def export_stage(model, names: list[str]) -> dict:
    dump = model.booster_.dump_model()
    trees = [_flatten(info["tree_structure"]) for info in dump["tree_info"]]
    return {"features": names, "bias": 0.0, "trees": trees}


def _flatten(root: dict) -> dict:
    feature, threshold, left, right, leaves = [], [], [], [], []

    def visit(node: dict) -> int:
        if "leaf_value" in node:
            leaves.append(round(float(node["leaf_value"]), 6))
            return ~(len(leaves) - 1)
        if node.get("decision_type", "<=") != "<=":
            raise ValueError(f"unsupported split {node.get('decision_type')}")
        index = len(feature)
        feature.append(int(node["split_feature"]))
        threshold.append(float(node["threshold"]))
        left.append(0)
        right.append(0)
        left[index] = visit(node["left_child"])
        right[index] = visit(node["right_child"])
        return index

    visit(root)
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "leaves": leaves}


def export(models, names: list[str], threshold: float, about: dict) -> dict:
    first, second, lexical = models
    return {"local": export_stage(first, names), "context": export_stage(second, names + CONTEXT_NAMES),
            "lexical": lexical, "threshold": threshold, "about": about}


def check_export(models, data: dict, articles: list[Article], names: list[str]) -> None:
    """The exported JSON must give the same probabilities as LightGBM and scikit-learn
    (the lexical weights are the shipped, quantised ones on both sides)."""
    shipped = line_model.from_json(data)
    worst = 0.0
    for article in articles[:300]:
        if not article.rows:
            continue
        ours = shipped.probabilities([dict(r) for r in article.rows], article.paragraphs)
        theirs = predict_two_stage(models, article, names)
        worst = max([worst] + [abs(a - b) for a, b in zip(ours, theirs)])
    if worst > 5e-3:  # LightGBM and the plain evaluator may split a value at a threshold differently
        raise SystemExit(f"exported model differs from LightGBM by {worst}")
    print(f"  export checked: largest difference {worst:.2e}", file=sys.stderr)


def _load(lines: list[Path], stories: list[Path], training: bool = True) -> tuple[list[Article], set[str]]:
    """The articles of these corpora, featurised; for training, without the hard-wrapped ones."""
    articles = [a for folder in lines for a in read_labelled(folder)]
    scraped = {a.source for a in articles}
    articles += [a for folder in stories for a in read_story(folder)]
    articles = [a for a in articles if a.paragraphs]
    if training:
        wrapped = [a for a in articles if hard_wrapped(a)]
        articles = [a for a in articles if not hard_wrapped(a)]
        print(f"left out {len(wrapped)} hard-wrapped articles ({sum(len(a.paragraphs) for a in wrapped)} lines)",
              file=sys.stderr)
    featurise(articles)
    print(f"{', '.join(p.name for p in lines + stories)}: {len(articles)} articles, "
          f"{len({a.site for a in articles})} sites, {sum(l == 1 for a in articles for l in a.labels)} furniture "
          f"and {sum(l == 0 for a in articles for l in a.labels)} story paragraphs", file=sys.stderr)
    return articles, scraped


def curve(pairs) -> dict:
    """Precision and recall from each probability up, and the precision of each band."""
    figures = {}
    edges = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
    for low, high in zip(edges, edges[1:]):
        tp, fp, positives = precision_recall(pairs, low)
        band = [(p, l) for p, l in pairs if low <= p < high]
        hits = sum(1 for _, l in band if l == 1)
        figures[str(low)] = {"precision": round(tp / (tp + fp), 3) if tp + fp else None,
                             "recall": round(tp / positives, 3) if positives else None,
                             "band_precision": round(hits / len(band), 3) if band else None, "band_lines": len(band)}
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=Path, action="append", help="labelled line corpus (pages format)")
    parser.add_argument("--story", type=Path, action="append", help="corpus of clean articles (all story)")
    parser.add_argument("--test-lines", type=Path, action="append", help="labelled corpus for testing only")
    parser.add_argument("--test-story", type=Path, action="append", help="clean corpus for testing only")
    parser.add_argument("--precision", type=float, default=0.95)
    parser.add_argument("--out", type=Path, default=ROOT / "newslint" / line_model.MODEL_FILE)
    parser.add_argument("--report", type=Path, default=ROOT / "training" / "line_model_report.json")
    parser.add_argument("--evaluate-only", action="store_true")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation (threshold from --threshold)")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--threshold", type=float, help="use this threshold instead of the cross-validated one")
    parser.add_argument("--cross-validation-from", type=Path,
                        help="take the cross-validation and its threshold from this earlier report (same data and "
                             "code) instead of running it again, which takes most of the time")
    parser.add_argument("--predictions", type=Path, help="write the test corpora's predictions here (JSON)")
    args = parser.parse_args()
    lines = args.lines or _folders(DATA / "lines")
    stories = args.story or _folders(DATA / "clean")
    tests = (args.test_lines or [SHARED / "pages"]) + (args.test_story or [SHARED / "clean"])
    articles, scraped = _load(lines, stories)
    names = local_names(articles)
    about = {"trained": datetime.date.today().isoformat(),
             "data": [f"labelled: {p.name}" for p in lines] + [f"story: {p.name}" for p in stories],
             "articles": len(articles), "left_out": f"hard-wrapped articles (over {WRAPPED_SHARE:.0%} of line breaks inside a sentence)",
             "sites": len({a.site for a in articles}), "params": PARAMS,
             "lexical": {"buckets": LEXICAL_BUCKETS, "C": LEXICAL_C}}
    threshold = args.threshold
    if args.cross_validation_from:
        earlier = json.loads(args.cross_validation_from.read_text(encoding="utf-8"))
        about["cross_validation"] = earlier["cross_validation"]
        threshold = earlier["threshold"] if threshold is None else threshold
    elif not args.no_cv:
        predictions = cross_validate(articles, names, args.folds)
        pairs = _pairs(articles, predictions, lambda a: a.source in scraped)
        if threshold is None:
            threshold = choose_threshold(pairs, args.precision)
        print(f"cross-validated by site at threshold {threshold}:", file=sys.stderr)
        about["cross_validation"] = {"evaluation": f"{args.folds}-fold cross-validation grouped by site",
                                     "held_out": report(articles, predictions, threshold, scraped),
                                     "curve": curve(pairs)}
    threshold = 0.5 if threshold is None else threshold
    models = fit_two_stage(articles, names)
    test_lines = args.test_lines or [SHARED / "pages"]
    test_articles, test_scraped = _load(test_lines, args.test_story or [SHARED / "clean"], training=False)
    test_predictions = [predict_two_stage(models, a, names) for a in test_articles]
    print(f"trained on all the training corpora, tested on {', '.join(p.name for p in tests)} "
          f"at threshold {threshold}:", file=sys.stderr)
    test_pairs = _pairs(test_articles, test_predictions, lambda a: a.source in test_scraped)
    about["test"] = {"evaluation": "trained on the training corpora only, scored on: "
                                   + ", ".join(p.name for p in tests),
                     "held_out": report(test_articles, test_predictions, threshold, test_scraped),
                     "curve": curve(test_pairs)}
    about["threshold"] = threshold
    if args.predictions:
        args.predictions.write_text(json.dumps([
            {"source": a.source, "name": a.name, "site": a.site, "lang": a.lang,
             "paragraphs": a.paragraphs, "labels": a.labels, "scores": [round(x, 4) for x in p]}
            for a, p in zip(test_articles, test_predictions)], ensure_ascii=False), encoding="utf-8")
    args.report.write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")
    if args.evaluate_only:
        return 0
    data = export(models, names, threshold, about)
    check_export(models, data, articles, names)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
