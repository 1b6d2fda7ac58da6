"""NL201 mojibake: text decoded with the wrong codec ("â€™" for "’", "Ã©" for "é", "Â£" for "£").

## What it does
Reports each line holding mojibake: UTF-8 text that was read as Windows-1252 or Latin-1 (or
Mac Roman, or another single-byte codec), once or more than once, and then saved again. It
uses [ftfy](https://ftfy.readthedocs.io), which was made for exactly this: ftfy finds the
sequences that only wrong decoding produces and undoes the decoding. The finding points at
the first garbled sequence of the line; the message shows it and its repair, and how many more
the line holds.

Handled: UTF-8 read as Windows-1252 ("Worldcomâ€™s", "â€œ", "Ã‰cole"), as Latin-1 (with the
invisible C1 control characters it leaves: "Worldcomâ\\x80\\x99s"), double-encoded text
("Ã¢â‚¬â„¢", "ÃƒÂ©"), and a line where correct characters and mojibake are mixed ("José and
CafÃ©"). Also Windows-1252 text read as Latin-1, which leaves C1 control characters
where curly quotes and dashes were ("didn\\x92t" for "didn’t").

## Why is this bad?
Readers see "the worldâ€™s biggest insurer" or "a Â£10bn plan"; search misses the words and
models learn garbage as if it were language. It usually means a pipeline stage read UTF-8 bytes
with the wrong codec, so the same fault has probably hit other articles from that source.

Exceptions made on purpose (none of these is reported):
- Correct non-ASCII text: accented names ("José", "Zoë", "Beyoncé", "Dvořák", "Łódź",
  "Erdoğan"), em and en dashes, curly quotes, ellipses, "£5m", "€3bn", "¥100", "°C", "½",
  "©" and "™", and other scripts (Greek, Cyrillic, Arabic, Chinese, emoji). ftfy only acts on
  sequences that correct text does not produce.
- Lines that are pure ASCII are skipped without running ftfy (they cannot hold mojibake).
- A lone "Ã" or "Â" before a space ("the letters Ã and Õ") on a line with no other mojibake:
  ftfy would read it as "à" or a non-breaking space whose second byte was lost, but one letter
  is too little evidence. On a line with other mojibake that repair is offered (unsafe).
- "â€" left on its own (a curly quote, apostrophe or dash whose last byte a later step dropped:
  "Itâ€s") is reported, with no fix: which character it was cannot be known.
- HTML entities, curly quotes, ligatures and full-width characters are not touched: only ftfy's
  encoding repairs are used, never its other clean-ups.

The fix replaces each garbled sequence with ftfy's repair. It is **safe** when the repair only
re-encodes and decodes (the bytes are all there, so the original text is restored exactly). It
is offered as **unsafe** when ftfy had to guess: when a space stands where a lost non-breaking
space byte was ("Ã la" for "à la"), or when bytes were lost for good and the repair is the
replacement character "�".

ftfy reads each line as a whole, but only the stretches around its non-ASCII characters are
handed to it (joined, each with the context ftfy's patterns look at), and a garbled stretch of
over 200 characters is reported as one run: the cost grows linearly with the text. On 7,690
non-ASCII lines of the development corpus and 4,000 synthetic garbled lines this gives the same
findings as ftfy on the whole line, except for two lines garbled three times over in Mac Roman
or twice in Windows-1251, repaired differently.

Measured on the 1,313 "clean" BBC development articles: no findings (their only non-ASCII
character is "£"); 50 of 50 mojibake paragraphs found in the damaged copies; none on the seeds.

## Example
```
Rupee hits high

The worldâ€™s biggest insurer took a Â£110m hit.
```

## Use instead
```
Rupee hits high

The world’s biggest insurer took a £110m hit.
```

## Options
None.
"""
from __future__ import annotations

import difflib
import functools
import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from newslint.document import Document, Span
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule
from newslint.text.patterns import lazy_re
from newslint.text.similarity import common_affixes

_NAMES = {"latin-1": "Latin-1", "sloppy-windows-1252": "Windows-1252", "windows-1252": "Windows-1252",
          "macroman": "Mac Roman", "iso-8859-2": "Latin-2", "cp437": "DOS code page 437"}


# What ftfy needs to see of a line: each run of non-ASCII characters with a character of
# context on either side, and seven after byte 0xC3 as any of ftfy's codecs shows it ("Ã",
# "Ă", "Г", ...), whose repair depends on the word that follows ("Ã la" is "à la", "Ã quele" is
# not). Every pattern ftfy judges text by spans at most that much.
_NON_ASCII = lazy_re(r"[^\x00-\x7f]+")
BYTE_C3 = frozenset("ÃĂĆΓГ√├")
_AFTER_C3 = 7
# ASCII control characters that can stand between windows: ftfy never reads them as part of a
# sequence (not \x1a, which its "sloppy" codecs use; not the line breaks it splits text at).
_SEPARATORS = "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0e, 0x1a), *range(0x1b, 0x20)])
# A changed stretch longer than this is one run: difflib's cost grows with the square of its input.
_DIFF_LIMIT = 200


def windows(text: str) -> Iterator[tuple[int, int]]:
    """The stretches of ``text`` ftfy needs to see: its runs of non-ASCII characters with their
    context, overlapping or touching ones merged. Each starts and ends with a character of
    ASCII context, except where it meets the start or the end of the line."""
    start = end = -1
    for match in _NON_ASCII.finditer(text):
        after = _AFTER_C3 if text[match.end() - 1] in BYTE_C3 else 1
        left, right = max(0, match.start() - 1), min(len(text), match.end() + after)
        if left <= end:
            end = max(end, right)
            continue
        if end >= 0:
            yield start, end
        start, end = left, right
    if end >= 0:
        yield start, end


def _repair(text: str) -> str:
    """ftfy's encoding repair of ``text``, and none of its other clean-ups."""
    return _repair_short(text) if len(text) <= 256 else _ftfy(text)


@functools.lru_cache(maxsize=16384)  # the same few garbled sequences recur through a text
def _repair_short(text: str) -> str:
    return _ftfy(text)


def _ftfy(text: str) -> str:
    if "\n" not in text and not _is_bad()(text):
        return text  # what ftfy would return: see _is_bad
    import ftfy  # heavy: only text its mojibake test flags needs it

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
        fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False, max_decode_length=max(len(text), 1_000_000),
    )
    return ftfy.fix_text(text, config)


@functools.lru_cache(maxsize=1)
def _is_bad() -> Callable[[str], bool]:
    """ftfy's own test for text that may hold mojibake, ``ftfy.badness.is_bad``, read from its
    module without importing the rest of ftfy (70 ms of a one-article run; this, 10 ms).
    ``fix_text`` with the configuration of ``_ftfy`` returns a line for which it is false
    unchanged: its only enabled step, the encoding repair, starts with that test."""
    spec = importlib.util.find_spec("ftfy")
    if "ftfy" not in sys.modules and spec is not None and spec.origin is not None:
        try:
            badness = importlib.util.spec_from_file_location(
                "newslint_ftfy_badness", Path(spec.origin).with_name("badness.py"))
            module = importlib.util.module_from_spec(badness)  # type: ignore[arg-type]
            badness.loader.exec_module(module)  # type: ignore[union-attr]
            return module.is_bad
        except (ImportError, OSError, AttributeError):
            pass  # another layout of ftfy: import it whole
    from ftfy.badness import is_bad

    return is_bad


@functools.lru_cache(maxsize=4096)
def decoding_chain(garbled: str, repaired: str, depth: int = 3) -> list[tuple[str, str]] | None:
    """How ``repaired`` became ``garbled``: the ``(codec it was read as, codec it was written
    in)`` steps, outermost first ("Â£", "£" -> [("latin-1", "utf-8")]); None when no chain of
    whole re-encodings gives it exactly (the repair then guessed at lost bytes)."""
    from ftfy.chardata import CHARMAP_ENCODINGS  # registers ftfy's "sloppy" codecs too

    if garbled == repaired:
        return []
    if depth == 0:
        return None
    # UTF-8 read as any single-byte codec, or Windows-1252 read as Latin-1 ("didn\x92t").
    readings = [(codec, "utf-8") for codec in CHARMAP_ENCODINGS] + [("latin-1", "windows-1252")]
    for wrong, right in readings:
        try:
            step = garbled.encode(wrong).decode(right)
        except UnicodeError:
            continue
        if step != garbled and (rest := decoding_chain(step, repaired, depth - 1)) is not None:
            return [(wrong, right), *rest]
    return None


def _codec(chain: list[tuple[str, str]] | None) -> str:
    """Say in words which wrong decoding garbled the text."""
    if not chain:
        return "text read with the wrong codec"
    wrong, right = chain[0]
    name = _NAMES.get(wrong, wrong.removeprefix("sloppy-").title())
    times = f", {len(chain)} times over" if len(chain) > 1 else ""
    return f"{_NAMES.get(right, 'UTF-8')} read as {name}{times}"


def changed_runs(old: str, new: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, replacement)`` runs that turn ``old`` into ``new``, each widened to
    whole runs of non-ASCII characters, so "Â£" -> "£" is one run and not a deleted "Â". A
    changed stretch longer than ``_DIFF_LIMIT`` characters is one run."""
    if len(old) + len(new) <= 2 * _DIFF_LIMIT:
        return list(_cached_runs(old, new))  # windows of a text repeat: "â€™s", "Ã©t"
    return _runs(old, new)


@functools.lru_cache(maxsize=16384)
def _cached_runs(old: str, new: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(_runs(old, new))


def _runs(old: str, new: str) -> list[tuple[int, int, str]]:
    if old == new:
        return []
    head, tail = common_affixes(old, new)
    middle = old[head:len(old) - tail]
    if max(len(middle), len(new) - head - tail) > _DIFF_LIMIT:
        return [(head, len(old) - tail, new[head:len(new) - tail])]
    if middle.isascii() or not any(c.isascii() for c in middle):
        # No ASCII character inside for the difference to split at: one run (difflib would
        # find the same, at many times the cost).
        opcodes = [("replace", head, len(old) - tail, head, len(new) - tail)]
    else:
        matcher = difflib.SequenceMatcher(None, middle, new[head:len(new) - tail], autojunk=False)
        opcodes = [(tag, i1 + head, i2 + head, j1 + head, j2 + head)
                   for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    runs: list[list[int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        # Inside an equal block old and new agree character for character, so widening by
        # the same count on both sides keeps the run aligned.
        left = 0
        while i1 - left > 0 and j1 - left > 0 and not old[i1 - left - 1].isascii() \
                and old[i1 - left - 1] == new[j1 - left - 1]:
            left += 1
        right = 0
        while i2 + right < len(old) and j2 + right < len(new) and not old[i2 + right].isascii() \
                and old[i2 + right] == new[j2 + right]:
            right += 1
        run = [i1 - left, i2 + right, j1 - left, j2 + right]
        if runs and run[0] <= runs[-1][1]:
            runs[-1][1], runs[-1][3] = max(runs[-1][1], run[1]), max(runs[-1][3], run[3])
        else:
            runs.append(run)
    return [(i1, i2, new[j1:j2]) for i1, i2, j1, j2 in runs]


def _show(text: str) -> str:
    """``text`` with invisible characters written as escapes, for a message."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
                   for c in text)


def _non_ascii(text: str) -> int:
    return sum(not c.isascii() for c in text)


def _lost_closing_quote(garbled: str, start: int, end: int, repair: str) -> tuple[int, int, str]:
    """Windows-1252 has no character for byte 0x9D, so a strict decoder drops it and the
    closing quote "”" (E2 80 9D) is left as "â€": ftfy then reads "â€" and the space after it
    as a dagger "†". Repair it as the closing quote instead (still a guess, hence unsafe)."""
    if garbled.startswith("â€") and garbled[2:].isspace() and repair == "†":
        return start, start + 2, "”"
    return start, end, repair


def repairs(text: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, replacement)`` runs of ftfy's encoding repair of the line ``text``.

    ftfy reads the line's distinct windows joined by a separator, not the whole line: what it
    decides for a line (whether it holds mojibake, which codec garbled it) depends only on
    them, and ftfy over a whole long line cost several seconds per megabyte. A window that meets
    the end of the line goes last, so that nothing follows it there either."""
    spans = list(windows(text))
    pieces = list(dict.fromkeys(text[start:end] for start, end in spans))
    if not pieces:
        return []
    last = text[spans[-1][0]:spans[-1][1]]
    pieces.remove(last)
    pieces.append(last)
    separator = next((s for s in _SEPARATORS if s not in text), None)
    parts = _repair(separator.join(pieces)).split(separator) if separator is not None else []
    if len(parts) != len(pieces):  # no separator to hand (or ftfy moved one): window by window
        parts = [_repair(piece) for piece in pieces]
    repaired = dict(zip(pieces, parts))
    runs = []
    for start, end in spans:
        piece = text[start:end]
        if repaired[piece] != piece:
            runs.extend((start + i, start + j, r) for i, j, r in changed_runs(piece, repaired[piece]))
    return runs


def _finding(line: Span, text: str, runs: list[tuple[int, int, str]]) -> Finding | None:
    runs = [_lost_closing_quote(text[i:j], i, j, r) for i, j, r in runs]
    chains = [decoding_chain(text[i:j], r) for i, j, r in runs]
    if all(chain is None and _non_ascii(text[i:j]) <= 1 for chain, (i, j, _) in zip(chains, runs)):
        return None  # only guesses from one lone letter ("the letters Ã and Õ"): too weak
    start, end, replacement = runs[0]
    more = f" ({len(runs) - 1} more on this line)" if len(runs) > 1 else ""
    message = (f'mojibake ({_codec(chains[0])}): "{_show(text[start:end])}" should read '
               f'"{_show(replacement)}"{more}')
    # Safe only when every run is restored exactly by re-encoding; otherwise ftfy guessed.
    safety = FixSafety.SAFE if all(c is not None for c in chains) else FixSafety.UNSAFE
    edits = tuple(Edit(line.start + i, line.start + j, r) for i, j, r in runs)
    return Finding(line.start + start, line.start + end, message,
                   Fix(edits, "repair the mojibake with ftfy", safety), _score(safety))


def _score(safety: FixSafety) -> float:
    """The raw score: surer when re-encoding restores every run exactly than when ftfy guessed."""
    return 1.0 if safety is FixSafety.SAFE else 0.5


# "’" (E2 80 99) read as Windows-1252 is "â€™"; when a later step drops the last character,
# "â€" is left, which ftfy cannot repair and correct text never holds.
_REMNANT = "â€"


def check(doc: Document, options: Options) -> Iterator[Finding]:
    """Report every line that ftfy's encoding repair would change, and bare "â€" remnants."""
    for line in doc.lines:
        text = line.text(doc)
        if text.isascii():  # fast path: ASCII text cannot hold mojibake
            continue
        runs = repairs(text)
        if runs and (finding := _finding(line, text, runs)) is not None:
            yield finding
        elif not runs and (at := text.find(_REMNANT)) >= 0:
            yield Finding(line.start + at, line.start + at + len(_REMNANT),
                          f'mojibake with a lost byte: "{_REMNANT}" is what is left of a curly quote, '
                          "apostrophe or dash read as Windows-1252 (no repair: the lost byte said which)",
                          confidence=_score(FixSafety.UNSAFE))


_EXAMPLE_HEAD = "Insurer reports loss\n\n"
RULE = Rule(
    code="NL201",
    name="mojibake",
    summary="Text decoded with the wrong codec (\"â€™\" for \"’\")",
    doc=__doc__,
    check=check,
    fix=FixSafety.SAFE,
    bad_examples=(
        _EXAMPLE_HEAD + "The worldâ€™s biggest insurer took a Â£110m hit.\n",
        _EXAMPLE_HEAD + "Chief executive RenÃ©e Dupont said â€œwe will recoverâ€\x9d.\n",
        _EXAMPLE_HEAD + "The insurerÃ¢â‚¬â„¢s shares fell.\n",
    ),
    good_examples=(
        _EXAMPLE_HEAD + "The world’s biggest insurer took a £110m hit.\n",
        _EXAMPLE_HEAD + "Renée Dupont and Zoë Ball said “we will recover” — and €5bn… later.\n",
    ),
)
