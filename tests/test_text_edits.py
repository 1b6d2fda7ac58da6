"""Deleting a paragraph's line keeps the article's layout."""
from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.text.edits import delete_line


def apply(text: str, needle: str) -> str:
    doc = Document(text)
    edit = delete_line(doc, text.index(needle))
    return text[:edit.start] + edit.replacement + text[edit.end:]


@pytest.mark.parametrize("text,needle,expected", [
    ("Head\n\nA.\n\nB.\n\nC.\n", "B.", "Head\n\nA.\n\nC.\n"),
    ("Head\n\nA.\n\nB.\n\nC.\n", "C.", "Head\n\nA.\n\nB.\n"),
    ("Head\n\nA.\n\nB.\n\nC.", "C.", "Head\n\nA.\n\nB."),
    ("Head\r\n\r\nA.\r\n\r\nB.\r\n\r\nC.\r\n", "B.", "Head\r\n\r\nA.\r\n\r\nC.\r\n"),
    ("Head\nA.\nB.\nC.\n", "B.", "Head\nA.\nC.\n"),
    ("Head\n\nA.\n\n\nB.\n", "A.", "Head\n\nB.\n"),
])
def test_delete_line_keeps_layout(text: str, needle: str, expected: str) -> None:
    assert apply(text, needle) == expected
