"""Reading and writing files safely, whatever a checkout holds.

Reading: only regular files are read. A path is checked before it is opened (so a device is
never opened at all), opened without blocking (so a FIFO cannot hang the run), and checked again
through the opened descriptor (so nothing can be swapped in between); at most ``limit + 1``
bytes are ever read, whatever size the file claims.

Writing: a write never goes through a symbolic link. When the path to write is a link (or
anything but a regular file), nothing is written and ``RefusedWrite`` says why; newslint never
guesses where a link in a checkout was meant to lead. Otherwise the new bytes go to a temporary
file in the same folder, are flushed and fsynced, get the old file's permissions, and replace
the path itself with ``os.replace`` (a rename replaces a directory entry and never follows one).
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from typing import IO

_STEP = 1 << 16  # bytes asked for at a time once a file holds more than it said (or from a pipe)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link"))


class NotRegularFile(OSError):
    """The path is a folder, FIFO, device, socket or link: not a file newslint reads or writes."""


class TooLarge(OSError):
    """The file holds more bytes than the limit; ``size`` is its size when known, else None."""

    def __init__(self, limit: int, size: int | None = None):
        shown = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
        super().__init__(errno.EFBIG, f"{shown}; limit {limit:,}")
        self.limit, self.size = limit, size


class RefusedWrite(OSError):
    """newslint will not write this path (a symbolic link, or not a regular file)."""


class FileChanged(Exception):
    """The file on disk is no longer what was read and fixed."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO (named pipe)", ...)."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _not_regular(mode: int) -> OSError:
    if stat.S_ISDIR(mode):
        return IsADirectoryError(errno.EISDIR, "is a folder, not a file")
    return NotRegularFile(errno.EINVAL, f"is {kind_of(mode)}, not a regular file")


# -- reading -----------------------------------------------------------------------------------
def _open_fd(path: str, follow: bool) -> int:
    """A descriptor open for reading on the regular file ``path``; ``NotRegularFile`` (or
    ``IsADirectoryError``) for anything else, never blocking."""
    before = os.stat(path) if follow else os.lstat(path)
    if not stat.S_ISREG(before.st_mode):  # never open a device: opening one can have effects
        raise _not_regular(before.st_mode)
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO without it waits for a writer
    flags = (os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
             | (0 if follow else getattr(os, "O_NOFOLLOW", 0)))
    fd = os.open(path, flags)
    try:
        after = os.fstat(fd)  # what was opened, not what the name pointed at a moment ago
        if not stat.S_ISREG(after.st_mode):
            raise _not_regular(after.st_mode)
        if nonblocking:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def open_regular(path: str, follow: bool = True) -> IO[bytes]:
    """Open ``path`` for reading in binary, if it is a regular file (following a symbolic link
    to one unless ``follow`` is false); ``NotRegularFile`` otherwise, never blocking."""
    return os.fdopen(_open_fd(path, follow), "rb")


def read_limited(read: Callable[[int], bytes], limit: int, expected: int | None = None) -> bytes:
    """At most ``limit`` bytes from ``read`` (a file's ``read``, or ``os.read`` on a descriptor);
    ``TooLarge`` when there are more. It asks for what the file says it holds (``expected``)
    then for small steps, never for ``limit`` bytes at once: a buffer that size would be made
    for every file."""
    parts, total = [], 0
    step = min(limit, expected) + 1 if expected is not None else _STEP
    while total <= limit:
        part = read(min(step, limit + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        step = _STEP
    if total > limit:
        raise TooLarge(limit)
    return b"".join(parts)


def read_regular(path: str, limit: int, follow: bool = True) -> bytes:
    """The bytes of the regular file ``path`` (see ``open_regular``), at most ``limit`` of them."""
    fd = _open_fd(path, follow)
    try:
        size = os.fstat(fd).st_size
        if size > limit:  # known to be too big: don't read what would be thrown away
            raise TooLarge(limit, size)
        return read_limited(lambda n: os.read(fd, n), limit, size)
    finally:
        os.close(fd)


# -- writing -----------------------------------------------------------------------------------
def writable_target(path: str) -> os.stat_result | None:
    """The status of the regular file at ``path`` (None when there is none yet); ``RefusedWrite``
    when it is a symbolic link or not a regular file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise RefusedWrite(errno.ELOOP, "is a symbolic link; newslint never writes through one "
                           "(write to the file it points to, or replace the link by a file)")
    if not stat.S_ISREG(info.st_mode):
        raise RefusedWrite(errno.EINVAL, f"is {kind_of(info.st_mode)}, not a regular file; not written")
    return info


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: str, data: bytes, expected: bytes | None = None,
                     mode_from: str | None = None) -> None:
    """Replace ``path`` with ``data`` all at once (see ``atomic_file``)."""
    with atomic_file(path, expected, mode_from) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_file(path: str, expected: bytes | None = None, mode_from: str | None = None
                ) -> Iterator[IO[bytes]]:
    """A handle whose bytes replace ``path`` all at once: a temporary file in the same folder,
    fsynced, given the permissions of ``path`` (or ``mode_from``), then ``os.replace``d, after
    checking that ``path`` still holds ``expected`` (when given). ``RefusedWrite`` when ``path``
    is a symbolic link or not a regular file. On any failure, even Ctrl-C, the old file is
    untouched and the temporary file is removed."""
    old = writable_target(path)
    folder, name = os.path.split(os.path.abspath(path))
    if old is None:
        old = os.stat(mode_from) if mode_from else None
    elif not old.st_mode & 0o222 or not os.access(path, os.W_OK):
        # a rename would get round a read-only file's protection (even for root): respect it
        raise PermissionError(errno.EACCES, "the file is read-only")
    # Hidden (so no run picks it up) and short enough for any file system's name limit.
    import tempfile  # here: a run that writes nothing need not import it

    fd, temp = tempfile.mkstemp(prefix=f".{name[:100]}.", suffix=".newslint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(old.st_mode) if old else _new_file_mode())
        if old is not None and hasattr(os, "chown"):  # no owners to keep on Windows
            with contextlib.suppress(OSError):  # only root may give a file away; keep trying
                os.chown(temp, old.st_uid, old.st_gid)
        if expected is not None and not _holds(path, expected):
            raise FileChanged(path)
        writable_target(path)  # still not a link: checked again as late as possible
        os.replace(temp, path)  # replaces the entry itself: a link put there now is not followed
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)


def _holds(path: str, expected: bytes) -> bool:
    """Whether the regular file ``path`` (not a link) holds exactly ``expected``."""
    try:
        return read_regular(path, len(expected), follow=False) == expected
    except (TooLarge, FileNotFoundError):
        return False


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (not possible, and not needed, on every platform)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
