"""NL403 near-duplicate-article: found across files, without all pairs, in parallel too."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from newslint.config import ConfigError
from newslint.registry import load_rules
from newslint.runner import lint_paths, prepare
from newslint.testing import corpus_findings

CLEAN = Path(__file__).parent / "fixtures" / "clean"


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt"))]


def edit_words(text: str, count: int, seed: int = 3) -> str:
    """Change ``count`` random body words, as a syndication edit would."""
    head, body = text.split("\n", 1)
    words = body.split(" ")
    rng = random.Random(seed)
    for index in rng.sample(range(len(words)), count):
        words[index] = "changed"
    return head + "\n" + " ".join(words)


def test_copy_with_small_edits_and_new_headline_is_found() -> None:
    first, *others = articles()[:6]
    copy = "A completely different headline\n" + edit_words(first, 3).split("\n", 1)[1]
    found = corpus_findings([first, *others, copy], "NL403")
    assert [(d.path, d.code) for d in found] == [("article-7.txt", "NL403")]
    assert "near-duplicate of article-1.txt (estimated similarity 0." in found[0].message


def test_distinct_articles_are_not_reported() -> None:
    assert corpus_findings(articles(), "NL403") == []


def test_heavily_rewritten_copy_is_below_the_threshold() -> None:
    first = articles()[0]
    rewritten = edit_words(first, len(first.split()) // 3)
    assert corpus_findings([first, rewritten], "NL403") == []


def test_short_bodies_are_skipped() -> None:
    brief = "Brief\n\nMarkets closed higher on Friday after a quiet week of trading.\n"
    assert corpus_findings([brief, brief], "NL403") == []


def test_signature_is_small_and_bounded() -> None:
    from newslint.document import Document

    rule = load_rules(plugins=False).by_code("NL403")
    long_article = articles()[0] * 20
    signature = rule.collect(Document(long_article), rule.options)
    assert len(signature.value) == 256  # 64 x 32-bit values whatever the article's length


def test_parallel_run_finds_the_same_pairs(tmp_path: Path) -> None:
    texts = articles()
    for index, text in enumerate(texts):
        (tmp_path / f"a{index:03}.txt").write_text(text, encoding="utf-8")
    for index in (2, 11, 29):
        (tmp_path / f"z-copy-{index}.txt").write_text(edit_words(texts[index], 2), encoding="utf-8")
    serial = lint_paths([str(tmp_path)], jobs=1, select=["NL403"]).diagnostics
    parallel = lint_paths([str(tmp_path)], jobs=2, select=["NL403"]).diagnostics
    assert serial == parallel
    assert [Path(d.path).name for d in serial] == ["z-copy-11.txt", "z-copy-2.txt", "z-copy-29.txt"]


def test_missing_library_is_a_clear_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasketch" else real(name, *a))
    with pytest.raises(ConfigError, match=r"NL403 \(near-duplicate-article\) needs the 'datasketch' package"):
        prepare([], select=["NL403"])


def _finish_with_datasketch_index(signatures: list[bytes], paths: list[str], threshold: float) -> list[tuple[int, str]]:
    """The former finish: datasketch's own LSH index, every earlier candidate compared."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=64)
    values = [np.frombuffer(s, dtype=np.uint32) for s in signatures]
    found = []
    for index, hashvalues in enumerate(values):
        minhash = LeanMinHash(seed=1, hashvalues=hashvalues, scheme="affine32")
        best, best_score = -1, 0.0
        for other in lsh.query(minhash):
            score = float(np.mean(values[other] == hashvalues))
            if score >= threshold and (score, -other) > (best_score, -best):
                best, best_score = other, score
        if best >= 0:
            found.append((index, f"near-duplicate of {paths[best]} (estimated similarity {best_score:.2f} of word 5-grams)",
                          best_score))
        lsh.insert(index, minhash)
    return found


@pytest.mark.parametrize("threshold", [0.8, 0.6])
def test_finish_reports_what_datasketch_s_index_reported(threshold: float) -> None:
    from newslint.document import Document

    rule = load_rules(plugins=False).by_code("NL403")
    texts = articles()
    texts += [edit_words(texts[i], n, seed=i) for i, n in ((2, 1), (5, 3), (5, 8), (9, 20), (2, 2))] + texts[:4]
    random.Random(4).shuffle(texts)
    signatures = [rule.collect(Document(t), rule.options).value for t in texts]
    paths = [f"a{i}.txt" for i in range(len(texts))]
    options = {**rule.options, "threshold": threshold}
    got = list(rule.finish(signatures, paths, options))
    assert got == _finish_with_datasketch_index(signatures, paths, threshold)
    assert len(got) >= 5


def test_many_copies_are_each_reported_against_the_first() -> None:
    first = articles()[0]
    found = corpus_findings([first] * 400, "NL403")
    assert len(found) == 399
    assert {d.message for d in found} == {
        "near-duplicate of article-1.txt (estimated similarity 1.00 of word 5-grams)"}


def test_streamed_signature_is_the_signature_of_every_shingle_at_once() -> None:
    # The words stream through a window and the shingles go in batches; the MinHash of the
    # whole set at once (the former collect) must be the same.
    import numpy as np
    from datasketch import MinHash

    from newslint.document import Document

    rule = load_rules(plugins=False).by_code("NL403")
    for text in articles()[:5] + ["\n\n".join(articles())]:  # the last: over 10,000 shingles
        doc = Document(text)
        words = [w.casefold() for p in doc.paragraphs for w in doc.words_in(p)]
        whole = MinHash(num_perm=64, seed=1, scheme="affine32")
        whole.update_batch(list({" ".join(words[i:i + 5]).encode("utf-8") for i in range(len(words) - 4)}))
        assert rule.collect(doc, rule.options).value == whole.hashvalues.astype(np.uint32).tobytes()


def _finish_with_dict_buckets(signatures: list[bytes], paths: list[str], threshold: float, cap: int
                              ) -> list[tuple[int, str, float]]:
    """The former finish: buckets as dictionaries of the bands' bytes, filled article by article."""
    import numpy as np
    from datasketch import MinHashLSH

    bands = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=64).hashranges
    values = np.stack([np.frombuffer(s, dtype=np.uint32) for s in signatures])
    buckets: list[dict[bytes, list[int]]] = [{} for _ in bands]
    first_copy: dict[bytes, int] = {}
    found = []
    for index, signature in enumerate(signatures):
        if signature in first_copy:
            found.append((index, f"near-duplicate of {paths[first_copy[signature]]} (estimated similarity 1.00 "
                                 "of word 5-grams)", 1.0))
            continue
        first_copy[signature] = index
        keys = [values[index][start:end].tobytes() for start, end in bands]
        earlier = sorted({i for bucket, key in zip(buckets, keys) for i in bucket.get(key, ())})
        if earlier:
            scores = (values[earlier] == values[index]).mean(axis=1)
            best = int(np.argmax(scores))
            if scores[best] >= threshold:
                found.append((index, f"near-duplicate of {paths[earlier[best]]} (estimated similarity "
                                     f"{scores[best]:.2f} of word 5-grams)", float(scores[best])))
        for bucket, key in zip(buckets, keys):
            members = bucket.setdefault(key, [])
            if len(members) < cap:
                members.append(index)
    return found


@pytest.mark.parametrize("threshold", [0.8, 0.6])
def test_array_buckets_report_what_dictionary_buckets_reported(threshold: float, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    # Generated signatures: families of near-copies (a few values changed each time), exact
    # copies, and unrelated articles; a bucket cap of one, so that full buckets change what is found.
    import numpy as np

    rng, pick = np.random.default_rng(3), random.Random(3)
    rows: list[np.ndarray] = []
    families: list[list[int]] = []  # stories copied again and again, each copy from the latest
    for index in range(3000):
        if families and pick.random() < 0.4:
            family = families[pick.randrange(len(families))]
            row = rows[family[-1]].copy()
            changed = pick.sample(range(64), pick.choice((0, 1, 2, 3)))
            row[changed] = rng.integers(0, 2**32, len(changed), dtype=np.uint32)
            family.append(index)
        else:
            row = rng.integers(0, 2**32, 64, dtype=np.uint32)
            if len(families) < 20:
                families.append([index])
        rows.append(row)
    signatures = [row.tobytes() for row in rows]
    paths = [f"a{i}.txt" for i in range(len(signatures))]
    module = load_rules(plugins=False).by_code("NL403").finish.__module__
    monkeypatch.setattr(f"{module}.BUCKET_CAP", 1)
    rule = load_rules(plugins=False).by_code("NL403")
    got = list(rule.finish(signatures, paths, {**rule.options, "threshold": threshold}))
    assert got == _finish_with_dict_buckets(signatures, paths, threshold, cap=1)
    assert sum(score == 1.0 for _, _, score in got) > 50 and sum(score < 1.0 for _, _, score in got) > 50
