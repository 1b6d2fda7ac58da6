"""The sentence encoder of the `newslint[semantic]` extra (all-MiniLM-L6-v2, int8 ONNX)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.text import embeddings

if not embeddings.available():
    pytest.skip("the newslint[semantic] extra is not installed", allow_module_level=True)

import numpy as np  # noqa: E402  (the extra brings NumPy)

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm-reference.json").read_text(encoding="utf-8"))


def test_vectors_match_the_full_precision_model() -> None:
    """sentence-transformers' vectors for the same sentences (junk, accents and a text longer
    than the model takes included): the int8 weights move them by well under 1%."""
    ours = embeddings.embed(REFERENCE["sentences"])
    reference = np.array(REFERENCE["vectors"], dtype=np.float32)
    assert ours.shape == reference.shape == (5, 384)
    assert ((ours * reference).sum(axis=1) > 0.995).all()


def test_vectors_are_unit_length_and_order_is_kept() -> None:
    sentences = REFERENCE["sentences"]
    vectors = embeddings.embed(sentences)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    alone = embeddings.embed([sentences[2]])  # batched with others or alone, the same vector
    assert np.abs(alone[0] - vectors[2]).max() < 1e-4
    assert embeddings.embed([]).shape == (0, 384)


def test_similar_meanings_are_closer_than_unrelated_ones() -> None:
    rates, fed, album = embeddings.embed(REFERENCE["sentences"][:3])
    assert rates @ fed > 0.4 > rates @ album


def test_a_model_file_other_than_the_pinned_one_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(embeddings.SemanticUnavailable, match="model.onnx: not the model newslint was tested with"):
        embeddings.Encoder(fake, embeddings.TOKENIZER)


def test_a_worker_process_loads_its_own_encoder() -> None:
    """onnxruntime's threads do not survive a fork: a forked worker must not reuse the
    parent's session, and must still give the same vectors."""
    import multiprocessing

    parent = embeddings.encoder()
    # A pool of threads in the parent would leave forked workers hanging (the Dask tests did).
    assert parent.session.get_session_options().intra_op_num_threads == 1
    with multiprocessing.get_context("fork").Pool(1) as pool:
        (vector,) = pool.map(_embed_in_worker, ["Interest rates rise again in the US"])
    assert embeddings.encoder() is parent
    assert np.abs(vector - embeddings.embed(["Interest rates rise again in the US"])[0]).max() < 1e-4


def _embed_in_worker(text: str) -> np.ndarray:
    encoder = embeddings.encoder()
    assert encoder.session.get_session_options().intra_op_num_threads == 1
    return embeddings.embed([text])[0]
