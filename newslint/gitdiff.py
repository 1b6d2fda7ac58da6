"""Git-aware linting (``--diff-base REV``): only files changed since REV, only new findings.

The files to lint are those under the given paths that differ from REV in the working tree
(added, modified, renamed, plus untracked files git does not ignore; deleted files are
ignored). Each one's version in REV (the old path's content for a rename) is read from git into
memory and linted with the same linter under the new path, and a finding is reported only when
its fingerprint (see ``newslint.baseline``: path, rule, flagged text, occurrence; never the line)
is not among the old version's.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from newslint.baseline import fingerprints

if TYPE_CHECKING:
    from newslint.runner import Diagnostic, Linter, RunResult
    from newslint.sources import Problem, Source


class GitError(Exception):
    """Not in a git repository, git is missing, or the revision is unknown."""


@dataclass(frozen=True)
class Change:
    """A file changed since the base revision; ``old`` is its path there (None when added)."""

    path: str
    old: str | None


def _git(args: list[str], cwd: str, check: bool = True) -> Any:
    import subprocess  # the CLI imports this module for GitError alone on every run

    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise GitError("--diff-base needs git, which is not installed") from None
    if check and done.returncode:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done


def repository_root(cwd: str = ".") -> str:
    """The top folder of the git work tree holding ``cwd``."""
    done = _git(["rev-parse", "--show-toplevel"], cwd, check=False)
    if done.returncode:
        raise GitError(f"--diff-base works inside a git repository; {os.path.abspath(cwd)} is not in one")
    return os.path.realpath(os.fsdecode(done.stdout.rstrip(b"\n")))


def resolve(rev: str, root: str) -> str:
    """The commit id ``rev`` names, or a GitError saying it is unknown."""
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root, check=False)
    if done.returncode:
        raise GitError(f"--diff-base: unknown revision {rev!r} (not a commit in this repository)")
    return done.stdout.decode().strip()


def changes(commit: str, root: str) -> dict[str, Change]:
    """Files changed since ``commit`` keyed by absolute path: added, modified, renamed, and
    untracked; deleted ones left out."""
    out = _git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--diff-filter=AMRT", commit, "--"], root).stdout
    fields = [os.fsdecode(f) for f in out.split(b"\0") if f]
    found: dict[str, Change] = {}
    i = 0
    while i < len(fields):
        status = fields[i]
        if status.startswith("R"):  # R<score> old new
            old, new = fields[i + 1], fields[i + 2]
            found[os.path.join(root, new)] = Change(new, old)
            i += 3
        else:
            found[os.path.join(root, fields[i + 1])] = Change(fields[i + 1], None if status == "A" else fields[i + 1])
            i += 2
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root).stdout
    for name in (os.fsdecode(f) for f in untracked.split(b"\0") if f):
        found.setdefault(os.path.join(root, name), Change(name, None))
    return found


def _old_version(commit: str, path: str, root: str) -> bytes:
    """The bytes of ``path`` in ``commit``, read from git without touching the work tree."""
    return _git(["cat-file", "blob", f"{commit}:{path}"], root).stdout


def lint_changed(linter: Linter, rev: str, items: Iterable[Source | Problem], jobs: int | None = None,
                 linted: list[str] | None = None) -> tuple[RunResult, dict[Diagnostic, str]]:
    """Lint the changed files among ``items``; keep only findings their version in ``rev``
    did not have. Returns the result and the kept findings' fingerprints; the paths linted are
    appended to ``linted`` when given."""
    from newslint.runner import run
    from newslint.sources import Source

    root = repository_root()
    commit = resolve(rev, root)
    changed = changes(commit, root)
    selected: list[Source | Problem] = []
    old_sources: list[Source] = []
    for item in items:
        change = changed.get(os.path.realpath(item.path)) if isinstance(item, Source) else None
        if change is None and isinstance(item, Source):
            continue  # unchanged since rev (or not a file git knows about): nothing new in it
        selected.append(item)
        if change is not None and change.old is not None:
            old_sources.append(Source(item.path, _old_version(commit, change.old, root)))
    if linted is not None:
        linted.extend(item.path for item in selected)
    result = run(linter, selected, jobs)
    before = set(fingerprints(run(linter, old_sources, jobs).diagnostics).values())
    current = fingerprints(result.diagnostics)
    kept = [d for d in result.diagnostics if current[d] not in before]
    note = (f"--diff-base {rev}: linted {result.files_checked} changed file"
            f"{'s' if result.files_checked != 1 else ''}; "
            f"{len(result.diagnostics) - len(kept)} finding(s) already in {rev} not shown.")
    return replace(result, diagnostics=kept, notes=[*result.notes, note]), {d: current[d] for d in kept}
