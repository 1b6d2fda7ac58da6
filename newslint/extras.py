"""Which of newslint's optional extras are installed: a baseline records them, since an extra
can change what a rule finds (``newslint[semantic]`` lets NL101 judge headlines by meaning).

An extra counts as installed when every package it requires is. ``test`` is for developing
newslint and ``dask``, ``datatrove``, ``hf`` and ``ray`` change only where linting runs, so none
of them is recorded.
"""
from __future__ import annotations

from functools import lru_cache

from newslint.text.patterns import lazy_re

NOT_RECORDED = frozenset({"test", "dask", "datatrove", "hf", "ray"})  # where linting runs, not what it finds
_NAME = lazy_re(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = lazy_re(r"""extra\s*==\s*["']([^"']+)["']""")


@lru_cache(maxsize=1)
def installed_extras() -> tuple[str, ...]:
    """The extras of the installed newslint whose packages are all installed, sorted."""
    from importlib import metadata

    try:
        requirements = metadata.requires("newslint") or []
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return ()
    needs: dict[str, list[str]] = {}
    for requirement in requirements:
        extra, name = _EXTRA.search(requirement), _NAME.match(requirement)
        if extra and name and extra.group(1) not in NOT_RECORDED and name.group(1) != "newslint":
            needs.setdefault(extra.group(1), []).append(name.group(1))
    return tuple(sorted(extra for extra, names in needs.items() if all(_installed(n) for n in names)))


def _installed(distribution: str) -> bool:
    from importlib import metadata

    try:
        metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


def difference(recorded: tuple[str, ...], installed: tuple[str, ...]) -> str | None:
    """How the extras of a baseline differ from this run's, in words (None when they agree)."""
    missing, extra = sorted(set(recorded) - set(installed)), sorted(set(installed) - set(recorded))
    if not missing and not extra:
        return None
    parts = ([f"not installed now: {', '.join(missing)}"] if missing else []) + (
        [f"installed now but not then: {', '.join(extra)}"] if extra else [])
    return "; ".join(parts)
