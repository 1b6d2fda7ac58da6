"""Regular expressions compiled on first use, for the module-level patterns of rules and helpers.

Compiling every pattern when its module is imported cost a cold run on one article about 0.15
CPU-seconds (the `regex` module parses a pattern in Python), though a given article reaches only
some of them: a rule's patterns behind a cheap gate, a reporter's, a helper's for a case the
article does not have. `lazy_regex` and `lazy_re` take what `regex.compile` and `re.compile`
take and return a stand-in that compiles on the first attribute read (`.search`,
`.finditer`, `.pattern`, ...) and then answers like the compiled pattern. Each attribute read
through it is kept on the stand-in, so later calls cost a plain attribute read, as on the
pattern itself.

The stand-in is not a pattern object: pass ``p.compiled`` where a function wants the pattern
itself (``regex.sub(p.compiled, ...)`` or an ``isinstance`` test).

A run that forks worker processes calls `compile_all` first, so that the workers share the
compiled patterns instead of each compiling its own.

The command line also keeps the patterns' compiled code between runs (`keep_compiled`), as
Python keeps byte code in ``__pycache__``: compiling is most of a one-article run's own work,
and rebuilding a pattern from its code is done in C. For `regex` the code is what the module
itself pickles a pattern as; for `re` it is what `re` hands its C engine (`_sre.compile`: the
parsed pattern's code, groups and group names), which that engine checks before it runs any.
It is stored with `marshal` (which builds data, never runs it) in the user's cache folder,
never in the project's, in one file per engine named by the `regex` version or the `_sre` code
format, and the Python version (see `pattern_store_folder`). A missing, unreadable or foreign
file only means compiling again.
"""
from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable


class LazyPattern:
    """A pattern compiled on first use (see the module's documentation)."""

    def __init__(self, compile: Callable[..., Any], pattern: str, flags: int, kwargs: dict[str, Any]):
        self._compile = compile
        self._source = (pattern, flags, kwargs)
        _MADE.append(self)

    @property
    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            pattern, flags, kwargs = self._source
            compiled = self.__dict__["_compiled"] = self._compile(pattern, flags, **kwargs)
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only called for what the instance does not hold yet. Dunder look-ups (copy, pickle)
        # must not compile, nor recurse before __init__ ran.
        if name.startswith("__") or name in ("_compile", "_source"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (to a worker process) as the source, compiled again there on first use.
        return LazyPattern, (self._compile, *self._source)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"


_MADE: list[LazyPattern] = []  # module-level patterns live as long as the process anyway


def compile_all() -> None:
    """Compile every pattern made so far (before forking workers that would each compile them)."""
    for pattern in _MADE:
        pattern.compiled


def compile_regex(pattern: str, flags: int = 0, **kwargs: Any) -> Any:
    """``regex.compile``, from the kept code when the command line keeps it (for a pattern made
    at run time, such as one built from the config)."""
    import regex  # the rules import it anyway; a module of plain `re` patterns need not

    if _STORE is None or kwargs:
        return regex.compile(pattern, flags, **kwargs)
    return _STORE.compiled(pattern, flags)


def compile_re(pattern: str, flags: int = 0) -> Any:
    """``re.compile``, from the kept code when the command line keeps it."""
    if _RE_STORE is None:
        return re.compile(pattern, flags)
    return _RE_STORE.compiled(pattern, flags)


STORE_VARIABLE = "NEWSLINT_PATTERN_CACHE"


def pattern_store_folder() -> Path | None:
    """Where compiled `regex` code is kept: ``$NEWSLINT_PATTERN_CACHE`` (a folder; ``off`` for
    nowhere), else the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``, ``~/Library/Caches``
    on macOS, ``%LOCALAPPDATA%`` on Windows) under ``newslint``."""
    chosen = os.environ.get(STORE_VARIABLE, "").strip()
    if chosen.lower() in ("off", "0", "false", "no"):
        return None
    if chosen:
        return Path(chosen)
    try:
        if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
            return Path(os.environ["LOCALAPPDATA"]) / "newslint"
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "newslint"
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslint"
    except RuntimeError:  # no home folder to be found
        return None


class _RegexEngine:
    """How `regex` patterns are compiled, turned into code and rebuilt from it."""

    @property
    def name(self) -> str:
        import regex

        return f"regex-{getattr(regex, '__version__', 'unknown')}"

    @staticmethod
    def compile(pattern: str, flags: int) -> Any:
        import regex

        return regex.compile(pattern, flags)

    @staticmethod
    def rebuild(code: tuple[Any, ...]) -> Any:
        import regex

        return regex._regex.compile(*code)

    @staticmethod
    def code(pattern: str, flags: int, made: Any) -> tuple[Any, ...] | None:
        import copyreg

        import regex

        reduce = copyreg.dispatch_table.get(type(made))
        if reduce is None:
            return None
        rebuild, code = reduce(made)
        return code if rebuild is regex._regex.compile else None  # what `rebuild` rebuilds it with


class _ReEngine:
    """How `re` patterns are compiled, turned into code and rebuilt from it: the steps of
    ``re._compiler.compile`` (parse, generate the code, name the groups), kept apart so that the
    code can be stored, and ``_sre.compile`` to rebuild the pattern from it. The file is named by
    ``_sre.MAGIC``, the engine's code format."""

    @property
    def name(self) -> str:
        import _sre

        return f"re-{_sre.MAGIC}"

    @staticmethod
    def compile(pattern: str, flags: int) -> Any:
        return re.compile(pattern, flags)

    @staticmethod
    def rebuild(code: tuple[Any, ...]) -> Any:
        import _sre

        return _sre.compile(*code)

    @staticmethod
    def code(pattern: str, flags: int, made: Any) -> tuple[Any, ...] | None:
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]
        except ImportError:  # Python 3.10 names them sre_compile and sre_parse
            import sre_compile as _compiler
            import sre_parse as _parser
        parsed = _parser.parse(pattern, flags)
        state = parsed.state
        program = [int(op) for op in _compiler._code(parsed, flags)]  # named constants are ints
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        code = (pattern, flags | state.flags, program, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
        rebuilt = _ReEngine.rebuild(code)
        if (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) != (made.flags, made.groups, made.groupindex):
            return None  # not what `re` made of it (another version's steps): not kept
        return code


class _PatternStore:
    """Compiled code of one engine's patterns (`regex` by default, or `re`) by (pattern, flags),
    kept in one file of ``folder`` named by the engine's and Python's versions (code from another
    version is never read)."""

    def __init__(self, folder: Path, engine: _RegexEngine | _ReEngine | None = None):
        self.folder = folder
        self.engine = engine or _RegexEngine()
        self._known: dict[tuple[str, int], tuple[Any, ...]] | None = None
        self._new: dict[tuple[str, int], tuple[Any, ...]] = {}

    @functools.cached_property
    def path(self) -> Path:
        return self.folder / f"{self.engine.name}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"

    def compiled(self, pattern: str, flags: int) -> Any:
        flags = int(flags)  # not a RegexFlag, which marshal cannot hold
        code = self._table().get((pattern, flags))
        if code is not None:
            try:
                made = self.engine.rebuild(code)
                if made.pattern == pattern:
                    return made
            except Exception:  # code from another build of the module: compile it afresh
                pass
        made = self.engine.compile(pattern, flags)
        self._remember(pattern, flags, made)
        return made

    def _table(self) -> dict[tuple[str, int], tuple[Any, ...]]:
        if self._known is None:
            self._known = _read_table(self.path)
        return self._known

    def _remember(self, pattern: str, flags: int, made: Any) -> None:
        try:
            code = self.engine.code(pattern, flags, made)
        except Exception:  # an engine's steps not as this version knew them: compiled, not kept
            return
        if code is not None:
            self._new[(pattern, flags)] = code

    def save(self) -> None:
        """Write what this process compiled, merged with what the file holds now (another run
        may have added to it), through a temporary file renamed into place."""
        if not self._new:
            return
        table = {**_read_table(self.path), **self._new}
        if len(table) > _MOST_KEPT:  # patterns of many versions of the rules: start again
            table = self._new
        self._new = {}
        try:
            import marshal
            import tempfile

            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps(table)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):  # a read-only home or a pattern marshal cannot hold: no store
            pass


_MOST_KEPT = 4_000  # patterns (the rules have about 150)
_LARGEST_FILE = 32 * 1024 * 1024  # bytes (the patterns one article reaches take about 30 KB)


def _read_table(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    import marshal

    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > _LARGEST_FILE:
            return {}
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {key: code for key, code in table.items()
            if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)
            and isinstance(key[1], int) and isinstance(code, tuple) and code and code[0] == key[0]}


_STORE: _PatternStore | None = None
_RE_STORE: _PatternStore | None = None


def keep_compiled() -> None:
    """Reuse and keep the compiled code of `regex` and `re` patterns between runs (the command
    line calls this; the library does not write outside the project unless asked). Written at
    exit."""
    global _STORE, _RE_STORE
    if _STORE is not None:
        return
    folder = pattern_store_folder()
    if folder is None:
        return
    import atexit

    _STORE, _RE_STORE = _PatternStore(folder), _PatternStore(folder, _ReEngine())
    atexit.register(_STORE.save)
    atexit.register(_RE_STORE.save)


def lazy_regex(pattern: str, flags: int = 0, **kwargs: Any) -> LazyPattern:
    """``regex.compile(pattern, flags, **kwargs)``, done on first use."""
    return LazyPattern(compile_regex, pattern, flags, kwargs)


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done on first use."""
    return LazyPattern(compile_re, pattern, flags, {})
