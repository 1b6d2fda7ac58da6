"""Edits that rules offer as fixes, shared so every rule deletes a line the same way."""
from __future__ import annotations

from collections.abc import Sequence

from newslint.document import Document, Span
from newslint.rule import Edit


def delete_line(doc: Document, offset: int) -> Edit:
    """Delete the line holding ``offset`` together with the blank lines that separate it from
    its neighbours, so the article keeps its layout (one blank line between paragraphs)."""
    lines = doc.lines
    index = doc.line_of(offset) - 1
    following = next((j for j in range(index + 1, len(lines)) if lines[j].text(doc).strip()), None)
    if following is not None:
        return Edit(lines[index].start, lines[following].start, "")
    previous = next((j for j in range(index - 1, -1, -1) if lines[j].text(doc).strip()), None)
    start = lines[previous].end if previous is not None else lines[index].start
    return Edit(start, lines[index].end, "")


def delete_closing_sentences(sentences: Sequence[Span], first: int) -> tuple[Span, Edit]:
    """The fragment made of a paragraph's sentences from ``first`` to its last (``first`` > 0),
    and the edit that deletes it with the space before it, so the sentence left ends the
    paragraph: a prompt or a link glued to a story paragraph, removed and nothing else."""
    fragment = Span(sentences[first].start, sentences[-1].end)
    return fragment, Edit(sentences[first - 1].end, fragment.end, "")
