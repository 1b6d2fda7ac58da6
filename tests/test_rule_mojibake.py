"""NL201 mojibake: wrongly decoded text is found and repaired; correct non-ASCII text is not."""
from __future__ import annotations

import pytest

from newslint import fixes
from newslint.rule import FixSafety
from newslint.rules import mojibake
from newslint.rules.mojibake import changed_runs, decoding_chain
from newslint.testing import findings, linter_for

HEAD = "Insurer reports loss\n\n"


def garble(text: str, codec: str = "sloppy-windows-1252", times: int = 1) -> str:
    """``text`` as a program that read its UTF-8 bytes with ``codec`` would show it (the
    "sloppy" Windows-1252 of browsers and ftfy keeps the five bytes the standard leaves out)."""
    import ftfy.bad_codecs  # noqa: F401  registers the sloppy codecs

    for _ in range(times):
        text = text.encode("utf-8").decode(codec)
    return text


def fixed(body: str, unsafe: bool = False) -> str:
    """The body after applying NL201's fixes (safe ones, or all of them)."""
    new, _, _ = fixes.fix_text(HEAD + body + "\n", linter_for("NL201"), unsafe=unsafe)
    return new[len(HEAD):-1]


@pytest.mark.parametrize("body", [
    "José Mourinho, Zoë Ball, Beyoncé and Björk met Sinéad O’Connor and François Hollande.",
    "Dvořák, Łódź, Erdoğan in İstanbul, Škoda in Žilina, Þór Guðmundsson and Øresund.",
    "São Paulo, SÃO PAULO, Curaçao, Piñera, Nicolás Maduro and Zürich; În România, Âge d’or.",
    "The deal — worth £5m — was “unprecedented”, he said… then ‘no’ – twice.",
    "Prices: £5m, €3bn, ¥100, ₹20, 1°C, ½ price, x², 5′11″, © 2005 and Brand™ or ®.",
    "Ελληνικά, Москва, 北京, مرحبا and emoji 🎉👍🏽 in one paragraph.",
    "¿Qué? ¡Hola! said the naïve café owner about his résumé.",
    "The firm said it would appeal.",  # pure ASCII: the fast path
    "The letters Ã and Õ are Portuguese; Â is Romanian.",  # lone letters: too little evidence
    "A IRMÃ E O IRMÃO DE JOÃO; MAÇÃ; CÂMARA; ÎN ROMÂNIA ȘI Â; Ông Nguyễn Văn Ân.",
])
def test_correct_text_is_clean(body: str) -> None:
    assert findings(HEAD + body + "\n", "NL201") == []


def test_ftfy_reads_only_the_stretches_around_non_ascii_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(mojibake, "_repair", lambda line: calls.append(line) or line)
    findings(HEAD + "The firm said it would appeal.\n\nShares rose 5% to £3 and €4 on Monday.\n", "NL201")
    assert calls == [" £3\x00 €4"]  # ASCII lines and ASCII stretches are never read


@pytest.mark.parametrize("text, expected", [
    ("plain", []),
    ("a £3 b", [(1, 4)]),  # the run and one character either side
    ("£3", [(0, 2)]),  # at the edges of the line, no more than there is
    ("x é—Ã© y", [(1, 7)]),  # one run
    ("é bé", [(0, 4)]),  # windows that touch are merged
    ("é b é", [(0, 2), (3, 5)]),
    ("voilÃ la mode", [(3, 12)]),  # seven after byte C3: "Ã la" and "Ã quele" differ
])
def test_windows(text: str, expected: list[tuple[int, int]]) -> None:
    assert list(mojibake.windows(text)) == expected


def test_byte_c3_is_listed_for_every_codec_ftfy_tries() -> None:
    from ftfy.chardata import CHARMAP_ENCODINGS

    assert {bytes([0xC3]).decode(codec) for codec in CHARMAP_ENCODINGS} <= mojibake.BYTE_C3


def _applied(text: str, runs: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in reversed(runs):
        text = text[:start] + replacement + text[end:]
    return text


@pytest.mark.parametrize("line", [
    garble("The world’s biggest insurer — Renée’s firm — took a £110m hit.", codec)
    for codec in ("sloppy-windows-1252", "latin-1", "macroman", "iso-8859-2", "sloppy-windows-1251", "cp437")
] + [
    garble("Zoë’s “café”", times=2) + " and José said " + garble("£5m"),  # mixed levels and correct text
    "The cafÃ© served dishes Ã la carte, Ã quele, Ã  deux.",  # lost non-breaking spaces
    garble("Le président a annoncé un accord très attendu à l’issue d’une réunion élargie.", "macroman"),
])
def test_repairs_read_the_line_as_ftfy_reads_it_whole(line: str) -> None:
    # ftfy decides per line (whether it holds mojibake, which codec garbled it): reading only
    # the windows must come to the same repair as reading the whole line.
    assert _applied(line, mojibake.repairs(line)) == mojibake._ftfy(line)


def test_a_long_mojibake_paragraph_is_one_finding_with_every_run() -> None:
    sentence = "The world’s biggest insurer took a £110m hit, Renée said. "
    body = garble(sentence * 400).rstrip()
    [finding] = findings(HEAD + body + "\n", "NL201")
    assert finding.message.endswith("(1199 more on this line)")
    assert fixed(body) == (sentence * 400).rstrip()


def test_a_long_changed_stretch_is_one_run() -> None:
    old, new = "Ã©" * 300, "é" * 300
    assert changed_runs(old, new) == [(0, 600, "é" * 300)]


@pytest.mark.parametrize("original, codec, times", [
    ("the world’s biggest insurer", "sloppy-windows-1252", 1),  # the usual: "worldâ€™s"
    ("a £110m hit", "sloppy-windows-1252", 1),  # "Â£110m"
    ("“We will recover”, she said", "sloppy-windows-1252", 1),
    ("Renée Dupont — the École chief", "sloppy-windows-1252", 1),
    ("the world’s biggest insurer", "latin-1", 1),  # leaves C1 controls: "â\x80\x99"
    ("Renée Dupont took a £110m hit", "latin-1", 1),
    ("the world’s biggest insurer", "sloppy-windows-1252", 2),  # double-encoded: "Ã¢â‚¬â„¢"
    ("Renée’s £110m", "latin-1", 2),
    ("Новости дня", "sloppy-windows-1252", 1),  # Cyrillic read as Windows-1252
])
def test_mojibake_is_reported_and_repaired_exactly(original: str, codec: str, times: int) -> None:
    body = "Shares fell after " + garble(original, codec, times) + "."
    got = findings(HEAD + body + "\n", "NL201")
    assert [d.line for d in got] == [3]
    assert got[0].fix is not None and got[0].fix.safety is FixSafety.SAFE
    assert fixed(body) == "Shares fell after " + original + "."


def test_finding_points_at_the_first_garbled_sequence_and_counts_the_rest() -> None:
    body = "Chief executive RenÃ©e Dupont said the worldâ€™s biggest insurer lost Â£110m."
    [finding] = findings(HEAD + body + "\n", "NL201")
    assert (finding.line, finding.column) == (3, body.index("Ã©") + 1)
    assert finding.message == ('mojibake (UTF-8 read as Latin-1): "Ã©" should read "é" '
                               "(2 more on this line)")


def test_headline_and_several_paragraphs_each_get_their_line() -> None:
    text = "Worldcomâ€™s boss quits\n\nHe left.\n\nThe firmâ€™s shares fell.\n\nNo comment.\n"
    assert [(d.line, d.column) for d in findings(text, "NL201")] == [(1, 9), (5, 9)]


def test_correct_and_garbled_characters_on_one_line() -> None:
    body = "José Mourinho said the clubâ€™s Â£5m bid for Zoë’s café had failed."
    assert [d.line for d in findings(HEAD + body + "\n", "NL201")] == [3]
    assert fixed(body) == "José Mourinho said the club’s £5m bid for Zoë’s café had failed."


def test_windows_1252_read_as_latin1() -> None:
    # No UTF-8 involved: the curly quote's Windows-1252 byte became a C1 control character.
    body = "He didn\x92t say \x93no\x94."
    [finding] = findings(HEAD + body + "\n", "NL201")
    assert finding.message.startswith('mojibake (Windows-1252 read as Latin-1): "\\x92" should read "’"')
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE
    assert fixed(body) == "He didn’t say “no”."


def test_guessed_repairs_are_unsafe() -> None:
    # "â€" then a space: the closing quote's last byte (0x9D) was dropped. The repair is a guess.
    body = "He said â€œwe will recoverâ€ and left."
    [finding] = findings(HEAD + body + "\n", "NL201")
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    assert fixed(body) == body  # nothing applied without --unsafe-fixes
    assert fixed(body, unsafe=True) == "He said “we will recover” and left."


def test_lost_bytes_become_the_replacement_character_unsafely() -> None:
    body = "He said â€\ufffdno\ufffd and left."
    [finding] = findings(HEAD + body + "\n", "NL201")
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE


def test_a_remnant_with_its_last_character_dropped_is_reported_without_a_fix() -> None:
    # "’" read as Windows-1252 is "â€™"; a later step dropped the "™". ftfy cannot repair it.
    [finding] = findings(HEAD + "Itâ€s the worst year since 2001.\n", "NL201")
    assert (finding.line, finding.column, finding.fix) == (3, 3, None)
    assert finding.message.startswith('mojibake with a lost byte: "â€"')


def test_nbsp_turned_space_is_an_unsafe_repair_beside_other_mojibake() -> None:
    body = "The cafÃ© served dishes Ã la carte."
    [finding] = findings(HEAD + body + "\n", "NL201")
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    assert fixed(body, unsafe=True) == "The café served dishes à la carte."


@pytest.mark.parametrize("old, new, runs", [
    ("a Â£5m", "a £5m", [(2, 4, "£")]),  # widened: not just a deleted "Â"
    ("worldâ€™s Ã©", "world’s é", [(5, 8, "’"), (10, 12, "é")]),
    ("same", "same", []),
])
def test_changed_runs(old: str, new: str, runs: list[tuple[int, int, str]]) -> None:
    assert changed_runs(old, new) == runs


def test_decoding_chain() -> None:
    assert decoding_chain("Â£", "£") == [("latin-1", "utf-8")]
    assert decoding_chain("â€™", "’") == [("sloppy-windows-1252", "utf-8")]
    assert decoding_chain(garble("’", times=2), "’") == [("sloppy-windows-1252", "utf-8")] * 2
    assert decoding_chain("\x92", "’") == [("latin-1", "windows-1252")]
    assert decoding_chain("â€ ", "†") is None  # not a re-encoding: a guess
