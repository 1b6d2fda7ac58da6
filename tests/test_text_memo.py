"""newslint.text.memo: a short text's answer is kept, a long one's asked each time."""
from __future__ import annotations

from newslint.text.memo import short_text_cache


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
