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
"""
from __future__ import annotations

import re
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


def _compile_regex(pattern: str, flags: int, **kwargs: Any) -> Any:
    import regex  # the rules import it anyway; a module of plain `re` patterns need not

    return regex.compile(pattern, flags, **kwargs)


def lazy_regex(pattern: str, flags: int = 0, **kwargs: Any) -> LazyPattern:
    """``regex.compile(pattern, flags, **kwargs)``, done on first use."""
    return LazyPattern(_compile_regex, pattern, flags, kwargs)


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done on first use."""
    return LazyPattern(re.compile, pattern, flags, {})
