"""NL403 near-duplicate-article: the same story saved twice, or syndicated with small edits.

## What it does
Compares every article of the run with every other one, without comparing all pairs: each
article's body is reduced to a MinHash signature of its word 5-grams (64 numbers, 256 bytes),
and locality-sensitive hashing (the `datasketch` library's banding) proposes only the pairs
likely to be similar. A pair whose estimated Jaccard similarity reaches the threshold is
reported once, on the later file in the run's order, naming the earlier file and the
similarity. Exact copies (the same signature) are grouped first and reported against the
first copy, so thousands of copies of one article cost no more than one each; an article is
compared with at most the first 1,000 earlier articles of each of its LSH buckets (only a run
with over a thousand near-copies of one story fills a bucket that far).

## Why is this bad?
Duplicates inflate a corpus, leak between training and test splits, and make a model memorise
the repeated text. Syndicated copies with a changed headline or a trimmed last paragraph are
as harmful as exact copies and harder to spot by eye.

Exceptions made on purpose:
- Articles with fewer than `min-words` words in the body are skipped: short briefs share stock
  phrases without being copies.
- Only the body is compared, not the headline, so a copy under a new headline is still found.
- Runs over a single article compare nothing (and do not load the library).

Measured on the 1,313 clean BBC development articles: 57 findings (43 per 1,000), and they are
real: the published BBC dataset holds that many duplicated stories. That is over the project's
bar of 2 per 1,000 clean articles for a default rule, so the rule is **off by default**: turn it
on with `--extend-select NL403` to deduplicate a corpus. It needs the optional `datasketch`
package: `pip install 'newslint[near-duplicates]'`. Memory stays at a few hundred bytes per
article; 100,000 articles need no pairwise comparison.

## Example
`wire/story-17.txt` and `site/story-17-copy.txt` with the same body under different headlines.

## Use instead
Keep one copy (the rule names the earlier file).

## Options
- `threshold` (float, default 0.8): the estimated Jaccard similarity of word 5-grams at which
  two articles count as near-duplicates.
- `min-words` (int, default 50): shorter bodies are not compared.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from newslint.document import Document
from newslint.rule import Options, Rule, Scope, Signature

NUM_PERM = 64
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # datasketch's 32-bit scheme: signatures pack into 4 bytes a value
BATCH = 10_000  # shingles hashed at once: datasketch holds a batch x NUM_PERM matrix
BUCKET_CAP = 1_000  # earlier articles an article is compared with, per LSH bucket


@lru_cache(maxsize=1)
def _template() -> Any:
    """One MinHash whose random permutations every signature reuses (creating them is slow)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def collect(doc: Document, options: Options) -> Signature | None:
    """The body's MinHash values, as 32-bit integers packed in bytes."""
    import numpy as np
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_template().permutations,
                      scheme=SCHEME)
    # The body's words stream through a window of SHINGLE, and the shingles go to the MinHash in
    # batches (a minimum: the order and repeats do not matter): memory stays bounded whatever
    # the body's length, where a list of every word and a set of every shingle held several
    # times the text.
    window: deque[str] = deque(maxlen=SHINGLE)
    batch: set[bytes] = set()
    count = 0
    for paragraph in doc.paragraphs:
        for word in doc.words_in(paragraph):
            count += 1
            window.append(word.casefold())
            if len(window) == SHINGLE:
                batch.add(" ".join(window).encode("utf-8"))
                if len(batch) >= BATCH:
                    minhash.update_batch(batch)
                    batch = set()
    if count < options["min-words"]:
        return None
    minhash.update_batch(batch)
    start = doc.headline.start if doc.headline else doc.paragraphs[0].start
    end = doc.headline.end if doc.headline else doc.paragraphs[0].end
    return Signature(minhash.hashvalues.astype(np.uint32).tobytes(), start, end)


def finish(signatures: Sequence[bytes], paths: Sequence[str], options: Options
           ) -> Iterator[tuple[int, str, float]]:
    """Report each document that nearly duplicates an earlier one, naming the most similar (the
    estimated similarity is the raw score)."""
    import numpy as np
    from datasketch import MinHashLSH

    # Candidates come from a looser index than the reporting threshold, so that LSH's banding
    # rarely misses a true pair; each candidate is then checked against the threshold itself.
    # datasketch chooses the bands; the buckets are kept here, so that exact copies and
    # overfull buckets cost nothing extra.
    bands = MinHashLSH(threshold=max(0.5, options["threshold"] - 0.2), num_perm=NUM_PERM).hashranges
    values = np.stack([np.frombuffer(s, dtype=np.uint32) for s in signatures]) if signatures else None
    buckets: list[dict[bytes, list[int]]] = [{} for _ in bands]
    first_copy: dict[bytes, int] = {}
    for index, signature in enumerate(signatures):
        if signature in first_copy:  # the same signature: similarity 1 with the first copy
            yield index, _message(paths[first_copy[signature]], 1.0), 1.0
            continue
        first_copy[signature] = index
        hashvalues = values[index]  # type: ignore[index]
        keys = [hashvalues[start:end].tobytes() for start, end in bands]
        found = [bucket.get(key, ()) for bucket, key in zip(buckets, keys)]
        if any(found):
            candidates = np.unique(np.fromiter((i for members in found for i in members), dtype=np.int64))
            scores = (values[candidates] == hashvalues).mean(axis=1)  # type: ignore[index]
            best = int(np.argmax(scores))  # the first of equals: the earliest article
            if scores[best] >= options["threshold"]:
                yield index, _message(paths[int(candidates[best])], float(scores[best])), float(scores[best])
        for bucket, key in zip(buckets, keys):
            members = bucket.setdefault(key, [])
            if len(members) < BUCKET_CAP:
                members.append(index)


def _message(path: str, similarity: float) -> str:
    return f"near-duplicate of {path} (estimated similarity {similarity:.2f} of word 5-grams)"


_BODY = ("The council approved the new budget on Tuesday after a long debate about school "
         "funding, road repairs and the cost of running the town's libraries. Councillors said "
         "the plan would raise local taxes by two percent while protecting frontline services. "
         "Opposition members argued that the rise was too steep for families already facing "
         "higher energy bills this winter and called for a review of spending on consultants.")

RULE = Rule(
    code="NL403",
    name="near-duplicate-article",
    summary="The article nearly duplicates another article in the run",
    doc=__doc__,
    scope=Scope.CORPUS,
    collect=collect,
    finish=finish,
    default_enabled=False,
    options={"threshold": 0.8, "min-words": 50},
    requires=(("datasketch", "pip install 'newslint[near-duplicates]'"),),
    bad_examples=(f"Council backs budget\n\n{_BODY}\n", f"Taxes to rise by 2%\n\n{_BODY}\n"),
    good_examples=(f"Council backs budget\n\n{_BODY}\n",
                   "Storm closes schools\n\nHeavy snow closed hundreds of schools across the "
                   "north on Monday as forecasters warned of more disruption. Roads were blocked "
                   "and trains cancelled, while the energy regulator said supplies were secure. "
                   "Parents were told to check websites before setting off, and councils opened "
                   "emergency shelters for people whose heating had failed overnight in villages.\n"),
)
