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
    assert embeddings.embed([]).shape == (0, 384)


def test_a_text_gets_the_same_vector_bit_for_bit_in_a_batch_as_alone() -> None:
    """NL101's findings must not depend on which texts ran together: texts of one length are
    run as a batch, shorter ones padded, and each vector equals the text's own exactly."""
    model = embeddings.encoder()
    texts = ["Interest rates rise again", "Interest rates rise again in the US",
             "Shares fall as rates rise", "Shares fall as interest rates rise again",
             "The album went straight to number one in the charts last week after its release on Friday."]
    tokens = [len(model.tokenizer.encode(t).ids) for t in texts]
    batches = embeddings._similar_lengths(tokens)
    assert any(len(b) > 1 and len({tokens[i] for i in b}) > 1 for b in batches)  # padding happened
    together = embeddings.Encoder(embeddings.model_file(), embeddings.TOKENIZER, threads=1).encode(texts)
    for text, vector in zip(texts, together):
        alone = embeddings.Encoder(embeddings.model_file(), embeddings.TOKENIZER, threads=1).encode([text])
        assert np.array_equal(alone[0], vector)


def test_texts_are_batched_by_length_and_padding_stays_small() -> None:
    lengths = [30, 12, 12, 13, 200, 31, 14]
    batches = embeddings._similar_lengths(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert batches == [[1, 2, 3, 6], [0, 5], [4]]  # shortest first; 12, 12, 13, 14 pad by 5 tokens
    for batch in batches:
        longest = max(lengths[i] for i in batch)
        assert sum(longest - lengths[i] for i in batch) <= embeddings.PADDING_ALLOWED * len(batch)


def test_a_text_seen_before_is_not_run_again(monkeypatch: pytest.MonkeyPatch) -> None:
    model = embeddings.Encoder(embeddings.model_file(), embeddings.TOKENIZER, threads=1)
    first = model.encode(["Interest rates rise again", "Shares fall"])
    runs: list[int] = []
    real = model._run
    monkeypatch.setattr(model, "_run", lambda batch: runs.append(len(batch)) or real(batch))
    again = model.encode(["Shares fall", "A new text", "Interest rates rise again", "A new text"])
    assert runs == [1]  # only the new text, once
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[0])
    assert np.array_equal(again[1], again[3])


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
