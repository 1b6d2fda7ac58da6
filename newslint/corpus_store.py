"""What a run keeps of each document for the corpus rules, in memory that does not grow much
with the corpus: ``CorpusEntries``.

A corpus rule's ``finish`` needs every document's signature at once, but the document it
came from and where to point in it (the ``Source`` and the ``Anchor``) only for the few it
reports. So signatures that are bytes (all of newslint's) are packed end to end in one buffer,
and each document's source and anchor, once more than ``IN_MEMORY`` documents are held, go to
an unnamed temporary file (deleted by the system when the run ends, whatever way it ends), read
back by position when asked for. A document then costs about 60 bytes of memory beside its
signature's own, where Python objects for the three took about 500: 100,000 articles hold
6 MB, not 50. The file holds data only (``marshal`` of strings, numbers and bytes, written and
read by this run alone).
"""
from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import astuple
from typing import IO, Any, Callable

IN_MEMORY = 4_096  # documents whose source and anchor stay objects (no file for a small run)


class CorpusEntries(Sequence[tuple[Any, Any, Any]]):
    """A list of (source, signature value, anchor) that stores them compactly (see the module).
    ``make_source`` and ``make_anchor`` rebuild the two dataclasses from their fields."""

    def __init__(self, make_source: Callable[..., Any], make_anchor: Callable[..., Any]):
        self._make_source, self._make_anchor = make_source, make_anchor
        self._packed = bytearray()  # the byte signatures, end to end
        self._ends = array("q")  # where each signature ends in ``_packed`` (empty: not bytes)
        self._others: dict[int, Any] = {}  # the signatures that are not bytes (a plugin's)
        self._held: list[tuple[Any, Any]] = []  # (source, anchor) of the first IN_MEMORY
        self._spill: IO[bytes] | None = None
        self._where = array("q")  # start of each spilled document's record in the file
        self._size = 0
        self._read_since_written = False

    def append(self, item: tuple[Any, Any, Any]) -> None:
        source, value, anchor = item
        index = len(self._ends)
        if isinstance(value, bytes):
            self._packed += value
        else:
            self._others[index] = value
        self._ends.append(len(self._packed))
        if index < IN_MEMORY:
            self._held.append((source, anchor))
            return
        if self._spill is None:
            import tempfile  # here: a small run needs no file

            self._spill = tempfile.TemporaryFile()
        record = marshal.dumps((astuple(source), astuple(anchor)))
        self._where.append(self._size)
        if self._read_since_written:  # a seek flushes the file's buffer: only after a read
            self._spill.seek(self._size)
            self._read_since_written = False
        self._spill.write(record)
        self._size += len(record)

    def __len__(self) -> int:
        return len(self._ends)

    def value(self, index: int) -> Any:
        """The signature of document ``index``."""
        if index in self._others:
            return self._others[index]
        return bytes(self._packed[self._ends[index - 1] if index else 0:self._ends[index]])

    def source_and_anchor(self, index: int) -> tuple[Any, Any]:
        """The source and anchor of document ``index``, rebuilt."""
        if index < IN_MEMORY:
            return self._held[index]
        assert self._spill is not None
        start = self._where[index - IN_MEMORY]
        end = self._where[index - IN_MEMORY + 1] if index - IN_MEMORY + 1 < len(self._where) else self._size
        self._spill.seek(start)
        self._read_since_written = True
        source, anchor = marshal.loads(self._spill.read(end - start))
        return self._make_source(*source), self._make_anchor(*anchor)

    def __getitem__(self, index: Any) -> Any:
        return _View(self, self._entry)[index]

    def _entry(self, index: int) -> tuple[Any, Any, Any]:
        source, anchor = self.source_and_anchor(index)
        return source, self.value(index), anchor

    @property
    def values(self) -> Sequence[Any]:
        """Every signature, in order, made one at a time (what a rule's ``finish`` takes)."""
        return _View(self, self.value)

    @property
    def paths(self) -> Sequence[str]:
        """Every document's path, in order, read when asked for."""
        return _View(self, lambda index: self.source_and_anchor(index)[0].path)

    def close(self) -> None:
        """Drop the temporary file (the system drops it at exit anyway)."""
        if self._spill is not None:
            self._spill.close()
            self._spill = None


class _View(Sequence[Any]):
    """A read-only sequence whose items are made by a function of their index."""

    def __init__(self, entries: CorpusEntries, item: Callable[[int], Any]):
        self._entries, self._item = entries, item

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._item(index)

    def __iter__(self) -> Iterator[Any]:
        return map(self._item, range(len(self)))
