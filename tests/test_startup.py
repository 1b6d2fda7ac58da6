"""What a cold run on one article loads: patterns compiled on first use, heavy libraries only
when the article needs them, and the short cuts taken for that giving exactly the answers of the
libraries they stand in for. (Timings are measured in benchmarks/speed.py, never here.)"""
from __future__ import annotations

import pickle
import re
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.reporters.text import columns
from newslint.text.patterns import LazyPattern, lazy_re, lazy_regex


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_the_pattern() -> None:
    calls: list[str] = []

    def counting(pattern: str, flags: int) -> re.Pattern[str]:
        calls.append(pattern)
        return re.compile(pattern, flags)

    word = LazyPattern(counting, r"\w+", re.IGNORECASE, {})
    assert calls == []
    assert word.findall("Two words") == ["Two", "words"]
    assert word.pattern == r"\w+" and word.flags & re.IGNORECASE
    assert word.sub("-", "a b") == "- -"
    assert calls == [r"\w+"]  # compiled once


def test_lazy_regex_takes_what_regex_compile_takes() -> None:
    name = lazy_regex(r"\p{Lu}\p{Ll}+", regex.IGNORECASE)
    assert name.compiled == regex.compile(r"\p{Lu}\p{Ll}+", regex.IGNORECASE)
    assert [m.group() for m in name.finditer("ÉLYSÉE élysée", overlapped=False)] == ["ÉLYSÉE", "élysée"]
    assert regex.sub(name.compiled, "x", "Zoë") == "x"


def test_a_lazy_pattern_pickles_as_its_source() -> None:
    pattern = lazy_re(r"a+b")
    assert pattern.match("aab")  # compiled and holding bound methods
    copy = pickle.loads(pickle.dumps(pattern))
    assert "_compiled" not in vars(copy)
    assert copy.match("ab") and copy.pattern == "a+b"


def _fresh_run(code: str) -> tuple[set[str], str]:
    """The modules a fresh interpreter has imported after running ``code``, and what it wrote
    on stderr."""
    import subprocess

    probe = code + "\nimport sys; print(' '.join(sys.modules), file=sys.stderr)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    *said, loaded = out.stderr.splitlines()
    return set(loaded.split()), "\n".join(said)


_COMPILED_AT_IMPORT = """
from newslint.registry import load_rules
from newslint.text.patterns import LazyPattern
load_rules()
for name, module in list(sys.modules.items()):
    if name.startswith("newslint"):
        for attribute, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
            if any(isinstance(v, LazyPattern) and "_compiled" in vars(v) for v in values):
                print(f"compiled at import: {name}.{attribute}", file=sys.stderr)
"""


def test_loading_the_rules_compiles_no_pattern_and_imports_no_heavy_library() -> None:
    loaded, said = _fresh_run("import sys\n" + _COMPILED_AT_IMPORT)
    assert not said
    assert not loaded & {"ftfy", "wcwidth", "wordfreq", "numpy", "onnxruntime", "tokenizers"}


def test_a_clean_article_with_curly_quotes_and_pounds_needs_no_ftfy(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Insurer “recovers” — £5m back\n\nThe world’s biggest insurer said “we’re back” "
                       "after a £110m loss, Renée Dupont said.\n", encoding="utf-8")
    loaded, _ = _fresh_run(f"from newslint.cli import main\ntry: main(['check', '--no-cache', {str(article)!r}])\n"
                        "except SystemExit: pass")
    assert not loaded & {"ftfy", "wordfreq", "numpy", "onnxruntime"}
    # Nor what only a config or accept file, a plugin, a written file or the cache needs (TOML
    # is read if some folder above holds a config file: the run then looks inside).
    configs = [d for d in (tmp_path, *tmp_path.parents) for name in ("newslint.toml", "pyproject.toml")
               if (d / name).is_file()]
    unneeded = {"tempfile", "importlib.metadata", "importlib.resources",
                # what only git, a model's checksum, a rule that is off or markup needs
                "subprocess", "hashlib", "statistics", "html"} | (set() if configs else {"tomllib"})
    assert not loaded & unneeded


def test_a_long_article_with_amounts_and_accented_names_loads_no_word_list_or_model(tmp_path) -> None:
    """NL304 weighs every body word: amounts ("£284m") and accented names are not in the word
    table shipped in the package, and must not load wordfreq's lists (nor, with no paragraph
    to ask about, the sentence model)."""
    from newslint.registry import load_rules

    good = load_rules(plugins=False).by_code("NL304").good_examples[0]
    article = tmp_path / "a.txt"
    article.write_text(good.replace("two million pounds", "£2.84m, José Müller said,"), encoding="utf-8")
    loaded, _ = _fresh_run(f"from newslint.cli import main\ntry: main(['check', '--no-cache', {str(article)!r}])\n"
                           "except SystemExit: pass")
    assert "newslint.rules.off_topic_paragraph" in loaded
    assert not loaded & {"wordfreq", "statistics", "numpy", "onnxruntime"}


# The characters that occur in mojibake and around it, and ordinary text.
_MOJIBAKE_PRONE = st.text(st.sampled_from(list("aeé Ã©Â£â€™œ\x9d”“’ÅÄ¡¢ ¼½ðŸ˜€ ГўВЂ—–…\xa0€Œ×²вЂ")), max_size=24)


@settings(max_examples=400, deadline=None)
@given(_MOJIBAKE_PRONE)
def test_the_mojibake_gate_answers_as_ftfy(text: str) -> None:
    import ftfy

    from newslint.rules import mojibake

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
        fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False, max_decode_length=max(len(text), 1_000_000),
    )
    assert mojibake._ftfy(text) == ftfy.fix_text(text, config)


@pytest.mark.parametrize("low, high", [(0x20, 0x2FF), (0x2010, 0x2027), (0x2030, 0x205E)])
def test_the_characters_counted_without_wcwidth_count_as_wcwidth_counts_them(low: int, high: int) -> None:
    from wcwidth import wcswidth

    def by_wcwidth(text: str) -> int:
        width = wcswidth(text)
        return width if width >= 0 else len(text)

    for code in range(low, high + 1):
        if code != 0xAD:
            assert columns(f"said {chr(code)}") == by_wcwidth(f"said {chr(code)}"), hex(code)
    assert columns("“Yes” — …") == by_wcwidth("“Yes” — …") == 9
    assert columns("日本 “Yes”") == by_wcwidth("日本 “Yes”") == 10  # the rest still asks wcwidth


def test_plugins_are_looked_for_only_where_an_entry_point_may_declare_one(tmp_path, monkeypatch) -> None:
    from newslint.registry import _may_declare_plugins

    from importlib.machinery import PathFinder

    other = tmp_path / "other-1.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    # Only the standard finders (a library imported earlier may add its own, such as the
    # importlib_metadata backport's: then the answer is yes, and importlib.metadata decides).
    standard = [f for f in sys.meta_path if not hasattr(f, "find_distributions") or f is PathFinder]
    monkeypatch.setattr(sys, "meta_path", standard)
    assert not _may_declare_plugins()
    monkeypatch.setattr(sys, "meta_path", [*standard, type("Finder", (), {"find_distributions": None})()])
    assert _may_declare_plugins()
    monkeypatch.setattr(sys, "meta_path", standard)
    plugin = tmp_path / "Newslint_Demo-0.1.EGG-INFO"  # importlib.metadata reads names in any case
    plugin.mkdir()
    (plugin / "entry_points.txt").write_text("[ newslint.rules ]\ndemo = newslint_demo\n")
    assert _may_declare_plugins()
    (plugin / "entry_points.txt").unlink()
    zipped = tmp_path / "plugins.zip"
    zipped.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: importlib.metadata would look inside
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(zipped)])
    assert _may_declare_plugins()


def test_compile_all_compiles_every_pattern_made_so_far() -> None:
    loaded, said = _fresh_run("import sys\nfrom newslint.registry import load_rules\n"
                              "from newslint.text.patterns import compile_all, _MADE\n"
                              "load_rules(); compile_all()\n"
                              "print(len(_MADE), sum('_compiled' in vars(p) for p in _MADE), file=sys.stderr)")
    made, compiled = map(int, said.split())
    assert made > 50 and compiled == made


def test_a_walk_resolves_each_folder_once_and_decides_as_before(tmp_path, monkeypatch) -> None:
    import os
    from pathlib import Path

    from newslint.paths import Walker, matches, relative_to
    from newslint.sources import discover

    (tmp_path / "corpus" / "drafts").mkdir(parents=True)
    for name in ("a.txt", "b.md", "drafts/c.txt"):
        (tmp_path / "corpus" / name).write_text("Title\n\nBody.\n")
    (tmp_path / "linked").symlink_to(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    calls: list[str] = []
    real = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda p, *a, **k: calls.append(p) or real(p, *a, **k))
    found = [s.path for s in discover(["linked"], ["*.txt"], ["drafts/"], root=tmp_path)]
    assert found == ["linked/a.txt"]
    assert len(calls) == len(set(calls))  # each folder resolved once in the walk
    walker = Walker(tmp_path, ["*.txt"], ["drafts/"], respect_gitignore=False)
    for path in ("linked/a.txt", "linked/b.md", "linked/drafts/c.txt", "corpus/drafts"):
        is_dir = Path(path).is_dir()
        plain = relative_to(path, tmp_path)
        expected = matches(["drafts/"], plain, is_dir) or (not is_dir and not matches(["*.txt"], plain))
        assert walker.skipped(path, is_dir) == expected
