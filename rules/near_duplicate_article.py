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
package: `pip install 'newslint[near-duplicates]'`. 100,000 articles need no pairwise
comparison; the comparison holds about 600 bytes an article at its peak (the signatures as one
array, 64-bit bucket keys), besides the runner's 700 bytes an article that keep each signature
and where to report it (`python benchmarks/speed.py --near-duplicates 100000 1000000`).

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
    estimated similarity is the raw score).

    Candidates come from a looser index than the reporting threshold, so that LSH's banding
    rarely misses a true pair; each candidate is then checked against the threshold itself.
    datasketch chooses the bands; the buckets are found here with NumPy, as 64-bit keys sorted
    band by band (a few hundred bytes an article, where dictionaries of byte strings held 3 KB),
    and only the articles that share a bucket, or copy an earlier signature exactly, are then
    looked at one by one: an article is compared with the first BUCKET_CAP articles of each of
    its buckets that come before it, and an exact copy is reported against the first copy."""
    import numpy as np
    from datasketch import MinHashLSH

    if not signatures:
        return
    bands = MinHashLSH(threshold=max(0.5, options["threshold"] - 0.2), num_perm=NUM_PERM).hashranges
    values = np.frombuffer(b"".join(signatures), dtype=np.uint32).reshape(len(signatures), NUM_PERM)
    first = _first_copies(values)
    distinct = np.flatnonzero(first == np.arange(len(values)))  # copies join no bucket
    candidates: dict[int, list[Any]] = {}
    for start, end in bands:
        keys = _row_keys(values, start, end)[distinct]
        order = np.argsort(keys, kind="stable")  # buckets, each in the articles' order
        bounds = np.flatnonzero(np.diff(keys[order])) + 1
        bounds = np.concatenate(([0], bounds, [len(order)]))
        for lo, hi in zip(bounds[:-1][np.diff(bounds) > 1], bounds[1:][np.diff(bounds) > 1]):
            members = distinct[order[lo:hi]]
            earliest = members[:BUCKET_CAP]
            for member in members.tolist():
                candidates.setdefault(member, []).append(earliest)
    copies = np.flatnonzero(first != np.arange(len(values))).tolist()
    at = np.empty(len(values), dtype=np.int64)  # scratch: where an article is in ``found``
    for index in sorted({*copies, *candidates}):
        if first[index] != index:  # the same signature: similarity 1 with the first copy
            yield index, _message(paths[int(first[index])], 1.0), 1.0
            continue
        # Each bucket's earliest members are in the articles' order: those before this one.
        found = np.concatenate([earliest[:np.searchsorted(earliest, index)] for earliest in candidates[index]])
        if not len(found):
            continue
        # Each article once, without sorting (near-identical articles share most buckets, and
        # sorting their thousands of members made the whole finish grow faster than the corpus):
        # an article is kept where it was written last.
        positions = np.arange(len(found))
        at[found] = positions
        found = found[at[found] == positions]
        agree = (values[found] == values[index]).sum(axis=1)
        most = int(agree.max())
        if most / NUM_PERM >= options["threshold"]:
            best = int(found[agree == most].min())  # the first of equals: the earliest article
            yield index, _message(paths[best], most / NUM_PERM), most / NUM_PERM


_CHUNK = 8_192  # rows widened to 64 bits at once (4 MB, twice)
_MULTIPLIERS = None


def _row_keys(values: Any, start: int = 0, end: int = NUM_PERM) -> Any:
    """A 64-bit key of each row's values start:end (a multiply-and-add hash with fixed odd
    multipliers; equal values give equal keys, different ones collide with a chance of about
    one in 2**64)."""
    import numpy as np

    global _MULTIPLIERS
    if _MULTIPLIERS is None:
        _MULTIPLIERS = np.random.default_rng(SEED).integers(1, 2**63, NUM_PERM, dtype=np.uint64) * 2 + 1
    keys = np.empty(len(values), dtype=np.uint64)
    for at in range(0, len(values), _CHUNK):
        chunk = values[at:at + _CHUNK, start:end].astype(np.uint64)
        keys[at:at + _CHUNK] = (chunk * _MULTIPLIERS[start:end]).sum(axis=1, dtype=np.uint64)
    return keys


def _first_copies(values: Any) -> Any:
    """For each row, the index of the first row with exactly the same values (itself if none)."""
    import numpy as np

    keys = _row_keys(values)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    leaders = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
    first = np.empty(len(values), dtype=np.int64)
    first[order] = order[np.maximum.accumulate(np.where(leaders, np.arange(len(order)), 0))]
    for at in range(0, len(values), _CHUNK):  # a key shared by different values: not a copy
        rows = slice(at, at + _CHUNK)
        same = (values[rows] == values[first[rows]]).all(axis=1)
        first[rows] = np.where(same, first[rows], np.arange(at, at + len(same)))
    return first


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
