"""What a cold run on one article loads: patterns compiled on first use, heavy libraries only
when the article needs them, and the short cuts taken for that giving exactly the answers of the
libraries they stand in for. (Timings are measured in benchmarks/speed.py, never here.)"""
from __future__ import annotations

import pickle
import re
import sys

import regex

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


def test_compile_all_compiles_every_pattern_made_so_far() -> None:
    loaded, said = _fresh_run("import sys\nfrom newslint.registry import load_rules\n"
                              "from newslint.text.patterns import compile_all, _MADE\n"
                              "load_rules(); compile_all()\n"
                              "print(len(_MADE), sum('_compiled' in vars(p) for p in _MADE), file=sys.stderr)")
    made, compiled = map(int, said.split())
    assert made > 50 and compiled == made
