"""Writing an export file without destroying what it should not touch.

A regular file (or a new one) is written atomically: a temporary file in the
same folder, flushed to disk, then renamed over the target, so a full disk
or a crash leaves the old file whole and no half export. The old file's
mode is kept.

Anything else at the path is refused unless forced, because replacing it by a
regular file would break it: a read-only file (the user protected it), a
symbolic link (it would become a file, the linked one untouched), a hard link
(the other names would keep the old content), a FIFO, socket or device node
(``/dev/full`` replaced by a file, as root). Forced, the export is written
*through* the link into its target, in place, so links and modes stay as they
were.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

Writer = Callable[[TextIO], None]


class UnsafeTarget(OSError):
    """The export path holds something an export must not replace unless forced."""

    def __init__(self, path: Path, reason: str) -> None:
        message = f"{reason}; not replaced (--force writes into it)"
        super().__init__(errno.EEXIST, message, str(path))


def write_file(path: str | os.PathLike[str], write: Writer, *, force: bool = False) -> None:
    """Call ``write`` on a UTF-8 text stream that ends up at ``path`` (see module doc).

    Raises ``UnsafeTarget`` (an ``OSError``) when ``path`` is not a plain
    writable file with one name and ``force`` is False.
    """
    target = Path(path)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        _replace_atomically(target, write, mode=None)
        return
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(target))
    if stat.S_ISLNK(info.st_mode):
        pointed = target.resolve()
        if not force:
            raise UnsafeTarget(target, f"it is a symbolic link to {pointed}")
        target = pointed
        try:
            info = os.stat(target)
        except FileNotFoundError:  # a dangling link, forced: create what it names
            _replace_atomically(target, write, mode=None)
            return
    if not stat.S_ISREG(info.st_mode):
        if not force:
            raise UnsafeTarget(target, f"it is not a regular file (a {_kind(info.st_mode)})")
        _write_in_place(target, write)
        return
    if info.st_nlink > 1:
        if not force:
            raise UnsafeTarget(target, f"it is a file with {info.st_nlink} hard links")
        _write_in_place(target, write)
        return
    read_only = not (info.st_mode & 0o222 and os.access(target, os.W_OK))
    if read_only and not force:
        raise UnsafeTarget(target, "it is read-only")
    _replace_atomically(target, write, mode=stat.S_IMODE(info.st_mode))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _write_in_place(target: Path, write: Writer) -> None:
    """Forced: write into the existing file, pipe or device; its links and mode stay."""
    with target.open("w", encoding="utf-8", newline="") as stream:
        write(stream)
        stream.flush()
        with contextlib.suppress(OSError):  # pipes and devices cannot be synced
            os.fsync(stream.fileno())


def _replace_atomically(target: Path, write: Writer, mode: int | None) -> None:
    """Temporary file in the target's folder, fsync, rename over the target, fsync the folder."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private; an export is a normal file (or keeps the old mode).
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` sets it, racing threads)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022
