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
from collections.abc import Iterator

from newslint.document import Document, Span
from newslint.rule import Edit, Finding, Fix, FixSafety, Options, Rule

_NAMES = {"latin-1": "Latin-1", "sloppy-windows-1252": "Windows-1252", "windows-1252": "Windows-1252",
          "macroman": "Mac Roman", "iso-8859-2": "Latin-2", "cp437": "DOS code page 437"}


def _repair(line: str) -> str:
    """ftfy's encoding repair of ``line``, and none of its other clean-ups."""
    import ftfy  # heavy: only lines with non-ASCII characters need it

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
        fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False,
    )
    return ftfy.fix_text(line, config)


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
    whole runs of non-ASCII characters, so "Â£" -> "£" is one run and not a deleted "Â"."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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


def _finding(line: Span, text: str, fixed: str) -> Finding | None:
    runs = changed_runs(text, fixed)
    if not runs:
        return None
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
        fixed = _repair(text)
        if fixed != text and (finding := _finding(line, text, fixed)) is not None:
            yield finding
        elif (at := fixed.find(_REMNANT)) >= 0 and fixed == text:
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
