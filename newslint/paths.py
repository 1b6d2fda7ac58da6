"""Which files to lint: one way to match paths, wherever newslint is run from.

``include``, ``exclude`` and ``per-file-ignores`` are gitignore-style patterns (``pathspec``, the
library made for them) matched against a path relative to one root, the config file's folder
(the current folder without a config), so ``newslint check corpus/``, ``newslint check .`` and a
pre-commit hook naming ``corpus/drafts/x.txt`` all decide alike. As in a ``.gitignore``: a
pattern without a slash (``*.txt``, ``drafts/``) matches at any depth; one with a slash in it
(``corpus/drafts/``, ``legacy/*``) is anchored at the root; ``**`` spans folders; a trailing
slash matches folders only.

``.gitignore`` files are respected while walking folders (unless turned off): those of the
walked folders and of their parents up to the repository root (the nearest folder holding
``.git``), plus ``.git/info/exclude``, each pattern relative to the folder of its file, the
deepest file that matches deciding, as git does. Outside a git repository there is none.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a pattern is first compiled: a run on one file may need none
    import pathspec


@lru_cache(maxsize=256)
def compiled(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """The gitignore-style spec of ``patterns`` (compiled once per set)."""
    import pathspec

    # pathspec's own pure-Python matcher, whatever else is installed: with google-re2 present
    # (proselint pulls it in) pathspec picked re2, which cannot take a file name that is not
    # UTF-8 and crashed the run; probing for re2 and hyperscan also cost start-up time.
    return pathspec.GitIgnoreSpec.from_lines(patterns, backend="simple")


def relative_to(path: str | Path, root: Path, realpath: Callable[[str], str] = os.path.realpath) -> str:
    """``path`` posix and relative to ``root``; a path outside it relative to the current
    folder when inside that, else absolute without the leading slash (so only patterns without
    a slash, which match at any depth, can match it). Folders are compared resolved (by
    ``realpath``: a walk passes one that remembers the folders it resolved)."""
    absolute = os.path.join(realpath(os.path.dirname(os.path.abspath(path))),
                            os.path.basename(os.path.abspath(path)))
    for base in (realpath(os.fspath(root)), realpath(os.curdir)):
        relative = os.path.relpath(absolute, base)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return Path(relative).as_posix()
    return Path(absolute).as_posix().lstrip("/")


def matches(patterns: Sequence[str], relative: str, is_dir: bool = False) -> bool:
    """Whether gitignore-style ``patterns`` match the root-relative path ``relative``."""
    if not patterns or relative in ("", "."):
        return False
    return compiled(tuple(patterns)).match_file(relative + ("/" if is_dir else ""))


@dataclass
class GitIgnore:
    """The ``.gitignore`` rules that apply inside one git repository (read once per folder)."""

    specs: dict[Path, pathspec.GitIgnoreSpec | None] = field(default_factory=dict)

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Whether git would ignore ``path`` (an absolute path)."""
        top = repository_root(path.parent)
        if top is None:
            return False
        folders = [path.parent, *path.parent.parents]
        for folder in folders[:folders.index(top) + 1]:  # deepest first: it decides
            spec = self._spec(folder, top)
            if spec is None:
                continue
            result = spec.check_file(path.relative_to(folder).as_posix() + ("/" if is_dir else ""))
            if result.include is not None:
                return result.include
        return False

    def _spec(self, folder: Path, top: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self.specs:
            lines = _lines(folder / ".gitignore")
            if folder == top:
                lines = _lines(top / ".git" / "info" / "exclude") + lines
            self.specs[folder] = compiled(tuple(lines)) if lines else None
        return self.specs[folder]


def _lines(path: Path) -> list[str]:
    from newslint.files import read_regular

    try:
        return read_regular(str(path), 1 << 20).decode("utf-8", "replace").splitlines()
    except OSError:  # none there, or not a regular file: nothing to respect
        return []


@lru_cache(maxsize=1024)
def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (None outside a repository)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@dataclass
class Walker:
    """Decides which files under a root to lint: include, exclude and ``.gitignore``."""

    root: Path
    include: Sequence[str]
    exclude: Sequence[str]
    respect_gitignore: bool = True
    gitignore: GitIgnore = field(default_factory=GitIgnore)
    # The folders resolved so far (one walk): resolving each file's folder and the root again,
    # a few system calls a folder level, cost a run on many files 0.1 ms a file.
    resolved: dict[str, str] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)  # each folder's part of a relative path

    def _realpath(self, folder: str) -> str:
        found = self.resolved.get(folder)
        if found is None:
            found = self.resolved[folder] = os.path.realpath(folder)
        return found

    def relative(self, path: str | Path) -> str:
        """``relative_to(path, root)``, its folder's part worked out once a folder: a walk asks
        for every file of a folder in turn (it cost a run of 2,000 files 0.03 s before the
        first was linted)."""
        folder, name = os.path.split(os.path.abspath(path))
        head = self.folders.get(folder)
        if head is None:  # the relative path of a name in that folder, less the name
            head = self.folders[folder] = relative_to(os.path.join(folder, "_"), self.root, self._realpath)[:-1]
        return head + name

    def excluded(self, path: str | Path, is_dir: bool = False) -> bool:
        """Whether ``exclude`` names ``path`` (or a folder holding it)."""
        return bool(self.exclude) and matches(self.exclude, self.relative(path), is_dir)

    def skipped(self, path: str | Path, is_dir: bool) -> bool:
        """Whether a walk leaves ``path`` out: hidden, excluded, git-ignored or (a file) not included."""
        name = os.path.basename(os.fspath(path))
        if name.startswith(".") or self.excluded(path, is_dir):
            return True
        if self.respect_gitignore and self.gitignore.ignored(Path(os.path.abspath(path)), is_dir):
            return True
        return not is_dir and not matches(self.include, self.relative(path))
