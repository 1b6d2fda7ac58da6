"""newslint.text.memo: a short text's answer is kept, a long one's asked each time; a
document's answer is kept while the document lives."""
from __future__ import annotations

import gc
import weakref

from newslint.document import Document
from newslint.text.memo import per_document, short_text_cache


def test_short_texts_are_answered_once_long_ones_each_time() -> None:
    calls: list[str] = []

    @short_text_cache(max_chars=5, maxsize=8)
    def length(text: str, extra: int) -> int:
        calls.append(text)
        return len(text) + extra

    assert [length("abc", 1), length("abc", 1), length("abcdefgh", 0), length("abcdefgh", 0)] == [4, 4, 8, 8]
    assert calls == ["abc", "abcdefgh", "abcdefgh"]
    assert length.uncached("abc", 1) == 4 and calls[-1] == "abc"  # asked again, cache bypassed
    assert length.__name__ == "length"


def test_a_document_s_answer_is_computed_once_and_let_go_with_the_document() -> None:
    calls: list[int] = []

    @per_document
    def paragraphs(doc: Document) -> int:
        calls.append(id(doc))
        return len(doc.paragraphs)

    first, second = Document("Title\n\nOne.\n\nTwo.\n"), Document("Title\n\nOne.\n")
    assert [paragraphs(first), paragraphs(first), paragraphs(second)] == [2, 2, 1]
    assert len(calls) == 2  # once per document
    assert paragraphs.__name__ == "paragraphs"
    kept = weakref.ref(first)
    del first, second
    gc.collect()
    assert kept() is None  # the answers do not keep a document alive

