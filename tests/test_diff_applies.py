"""``--diff`` always applies: what ``patch -p0`` makes of it is byte for byte what ``--fix`` writes.

Articles come from a deterministic generator: BOM or not, CRLF or LF, a final newline or not,
repairs on the headline line (where the BOM is) and in the body, terminal escape sequences and
other control characters in the text (which ``click.echo`` used to strip from a pipe), and file
names with spaces, quotes, backslashes, control characters and bytes that are not UTF-8. The
real ``newslint`` command writes the diff to a pipe and the real ``patch`` applies it
(``patch`` is in the Debian images CI runs on; the test is skipped where it is missing).
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from test_output_safety import environment, newslint, run_on_terminal

pytestmark = pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch command")

FIXABLE = "NL201,NL204,NL301,NL302,NL303,NL401,NL402"
HEADLINES = ["Council approves cycle lanes", "Bank holds rates as inflation eases",
             "Factory to close with loss of 400 jobs", "Storm closes schools across the county"]
PARAGRAPHS = [
    "The council approved three new lanes on Monday after a long debate.",
    "Economists had expected the decision, which follows two months of falling prices.",
    "Production will move to Poland over the next six months, the company said.",
    "Schools in the north of the county will stay shut until the roads are cleared.",
    "Residents said the plan had been discussed for years without any result.",
]
QUOTE = '"This has been an extremely difficult decision for all of us," the director said.'
REPEAT = 'A union spokeswoman said: "This has been an extremely difficult decision for all of us."'
# Damage a fix repairs, with what the line may carry besides (escapes, controls, invisible text).
ESCAPES = ["\x1b[2J", "\x1b]0;title\x07", "\x1b[31m", "\x1b]8;;http://x.example/\x1b\\", "\x9b1m", "\x07",
           "\x0b", "\x0c", "\u202e", "\u200b", "\u2028", "\ufeff", "\x7f", "\r"]
FURNITURE = ["Click here to subscribe to our newsletter{} now.", "Share this article on Facebook{}",
             "► READ MORE | Oil prices slide{} as demand weakens", "Follow us on Twitter{} for updates."]
NAMES = [b"plain.txt", b"with space.txt", b"tab\there.txt", b'quote"d.txt', b"back\\slash.txt",
         b"caf\xc3\xa9.txt", b"latin\xe9.txt", b"new\nline.txt", b"esc\x1b]0;x\x07.txt", b"-dash.txt",
         b"sub dir/nested.txt", b"sub dir/deeper/x.txt"]


def article(rng: random.Random) -> bytes:
    """One article with one to three kinds of damage, in a random dress."""
    body = rng.sample(PARAGRAPHS, 3)
    headline = rng.choice(HEADLINES)
    damage = rng.sample(["escape-headline", "escape-body", "furniture", "duplicate", "mojibake", "quote"],
                        rng.randint(1, 3))
    if "escape-headline" in damage:  # a repair on line 1, where a BOM sits
        cut = rng.randint(1, len(headline) - 1)
        headline = headline[:cut] + rng.choice(ESCAPES) + headline[cut:]
    if "escape-body" in damage:
        cut = rng.randint(1, len(body[0]) - 1)
        body[0] = body[0][:cut] + "".join(rng.sample(ESCAPES, 2)) + body[0][cut:]
    if "furniture" in damage:
        body.insert(rng.randint(1, len(body)), rng.choice(FURNITURE).format(rng.choice(["", *ESCAPES])))
    if "duplicate" in damage:
        body.append(body[0])
    if "mojibake" in damage:
        body[1] = body[1].replace(" the ", " the donâ€™t ", 1)
    if "quote" in damage:
        body[1:1] = [QUOTE]
        body.append(REPEAT)
    text = "\n\n".join([headline, *body]) + rng.choice(["\n", "", "\n\n"])
    if rng.random() < 0.4:
        text = text.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if rng.random() < 0.3 else b"") + text.encode("utf-8")


def corpus(folder: Path, cases: int, seed: int) -> int:
    """Write ``cases`` articles under ``folder``; how many names the file system took."""
    rng = random.Random(seed)
    written = 0
    for number in range(cases):
        name = NAMES[number % len(NAMES)]
        path = os.path.join(os.fsencode(folder), b"%d-%s" % (number, name) if b"/" not in name
                            else name.replace(b"/", b"/%d-" % number, 1))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            with open(path, "wb") as handle:
                handle.write(article(rng))
        except OSError:  # a file system that refuses a name (not UTF-8, a newline): skip it
            continue
        written += 1
    return written


def tree(folder: Path) -> dict[bytes, bytes]:
    """Every file under ``folder``, by relative name, with its bytes."""
    root = os.fsencode(folder)
    return {os.path.relpath(os.path.join(top, name), root): open(os.path.join(top, name), "rb").read()
            for top, _, names in os.walk(root) for name in names}


def newslint_check(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([newslint(), "check", ".", "--no-cache", "--select", FIXABLE, "--unsafe-fixes",
                           *args], cwd=folder, capture_output=True, env=environment(), timeout=300)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])  # 384 articles in all
def test_patch_applies_the_diff_as_fix_would_write(seed: int, tmp_path: Path) -> None:
    original, patched, fixed = tmp_path / "original", tmp_path / "patched", tmp_path / "fixed"
    written = corpus(original, 96, seed)
    assert written >= 80
    shutil.copytree(original, patched)
    shutil.copytree(original, fixed)

    diff = newslint_check(patched, "--diff")
    assert diff.returncode in (0, 1), diff.stderr.decode(errors="replace")
    assert tree(patched) == tree(original)  # --diff writes nothing
    applied = subprocess.run(["patch", "-p0", "--batch", "--forward"], cwd=patched, input=diff.stdout,
                             capture_output=True, timeout=120)
    assert applied.returncode == 0, applied.stdout.decode(errors="replace")

    fix = newslint_check(fixed, "--fix")
    assert fix.returncode in (0, 1), fix.stderr.decode(errors="replace")
    before, after, want = tree(original), tree(patched), tree(fixed)
    assert after.keys() == want.keys() == before.keys()  # no .orig or .rej left behind
    changed = [name for name in before if want[name] != before[name]]
    assert len(changed) >= 0.8 * written, "the generator must damage what the rules repair"
    assert [name for name in before if after[name] != want[name]] == []


def test_a_diff_on_a_terminal_is_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfCouncil\x1b]0;pwned\x07 approves lanes\r\n\r\n"
                                     b"The council approved three new lanes on Monday.\r\n")
    screen = run_on_terminal(tmp_path, "--select", "NL204", "--diff", "--exit-zero", expect=0)
    assert b"\x1b]0;pwned" not in screen and b"\x07" not in screen
    assert b"-<U+FEFF>Council\\x1b]0;pwned\\x07 approves lanes\\r" in screen
