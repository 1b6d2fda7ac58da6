"""The shipped English word-frequency table gives wordfreq's own figures (and was built from
the installed wordfreq version)."""
from __future__ import annotations

import importlib.metadata
import random
import subprocess
import sys

import wordfreq

from newslint.text import zipf_table
from newslint.text.keywords import english_zipf


def answered_as_wordfreq(sample: list[str]) -> int:
    """How many look-ups of ``sample`` (both lists) the table answers; each answer must be
    wordfreq's own figure."""
    answered = 0
    for word in sample:
        for wordlist in ("best", "small"):
            found = zipf_table.lookup(word, wordlist)
            if found is not None:
                answered += 1
                assert found == wordfreq.zipf_frequency(word, "en", wordlist=wordlist), (word, wordlist)
    return answered


def imports_wordfreq(checks: str) -> bool:
    """Whether a fresh interpreter imports wordfreq to pass ``checks`` (an assert on
    ``english_zipf`` and ``zipf``)."""
    code = f"import sys; from newslint.text.keywords import english_zipf, zipf; {checks}; print('wordfreq' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return run.stdout.strip() == "True"


def test_table_was_built_from_the_installed_wordfreq() -> None:
    assert zipf_table.table().source.startswith(f"wordfreq {importlib.metadata.version('wordfreq')} ")


def test_table_answers_as_wordfreq_for_words_it_holds_and_plain_words_it_does_not() -> None:
    words = list(wordfreq.get_frequency_dict("en", "best"))
    sample = random.Random(15).sample(words, 3000) + words[:200] + words[-200:]
    sample += ["ecipient", "zzyzxq", "aren't", "rock'n'roll", "qwe'rty's"]
    assert answered_as_wordfreq(sample) > 0.9 * 2 * len(sample)


def test_words_wordfreq_rewrites_are_left_to_wordfreq() -> None:
    # Curly apostrophes, capitals, a sharp s (case-folded to "ss"), hyphens and other scripts
    # are rewritten or cut by wordfreq's own rules: it is asked about them itself.
    for word in ("trump’s", "Hello", "CAFÉ", "straße", "covid-19", "'tis", "dogs'", "москва"):
        assert zipf_table.lookup(word, "best") is None
        assert english_zipf(word) == wordfreq.zipf_frequency(word, "en", wordlist="best")


def test_elided_and_accented_words_answer_as_wordfreq_without_importing_it() -> None:
    # wordfreq cuts "y'all" and "l'heure" in two (one or two letters, an apostrophe, a vowel or
    # "h") and combines the pieces' frequencies; "o'neill" stays one word; "café" is one token.
    words = {w for w in wordfreq.get_frequency_dict("en", "best") if "'" in w or not w.isascii()}
    rng = random.Random(11)
    plain = [w for w in wordfreq.get_frequency_dict("en", "small") if w.isascii() and w.isalpha()]
    sample = rng.sample(sorted(words), 3000) + ["y'all", "l'heure", "o'hara", "o'herlihy", "d'arcy", "qu'un",
                                                "o'neill", "won't", "café", "josé", "zürich", "naïve", "l'o'x"]
    sample += [f"{rng.choice('ldjmnstqyo')}{rng.choice(['', 'u'])}'{rng.choice(plain)}" for _ in range(2000)]
    assert answered_as_wordfreq(sample) > 0.9 * 2 * len(sample)
    assert not imports_wordfreq("assert english_zipf(\"o'hara\") > 2 and english_zipf('café') > 3 "
                                "and english_zipf(\"y'all\") > 4")


def test_english_words_are_weighed_without_importing_wordfreq() -> None:
    assert not imports_wordfreq("assert english_zipf('recipient') > 3 and zipf('the') > 7 "
                                "and english_zipf('ecipient') == 0")


def test_the_first_and_last_word_of_every_line_of_the_table_answer_as_wordfreq() -> None:
    table = zipf_table.table()
    for row in range(len(table.firsts)):
        words = table.raw[table.starts[row]:table.starts[row + 1] - 1].decode("utf-8").split(" ")
        assert words[0] == table.firsts[row]
        for word in (words[0], words[-1]):
            assert zipf_table.lookup(word, "best") == wordfreq.zipf_frequency(word, "en", wordlist="best"), word


def test_words_with_digits_answer_as_wordfreq_without_importing_it() -> None:
    # wordfreq stores "70m" as "00m" and scales it by how often the digits come: the table's
    # entries and its copy of that arithmetic must give wordfreq's figure to the last digit.
    rng = random.Random(7)
    words = {"".join(rng.choice("0123456789abkmst") for _ in range(rng.randint(1, 10))) for _ in range(4000)}
    words |= {str(year) for year in range(1500, 2100, 7)} | {f"{year}s" for year in range(1900, 2030)}
    words |= {"70m", "280bn", "4bn", "1bn", "18s", "1990s", "7pm", "mp3", "3d", "1st", "22nd", "g7", "covid19"}
    words = sorted(w for w in words if any(c.isdigit() for c in w))
    assert answered_as_wordfreq(words) == 2 * len(words)  # every one answered by the table
    assert not imports_wordfreq("assert english_zipf('280bn') == 0 and english_zipf('70m') > 2 and zipf('1990s') > 2")
