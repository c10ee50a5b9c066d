"""Is this process's view of a library still the one on disk?

SQLite in WAL mode coordinates processes with POSIX advisory locks, and those
belong to the process: if anything in it opens and closes one of the library's
files (a file dialog sniffing file types, a size check), every lock is dropped
without SQLite knowing. Another process then believes it is the library's only
user, checkpoints and deletes ``-wal``/``-shm``, and this process's connection
goes on reading and writing the deleted copies: its edits reach nobody.

Two checks, both cheap enough for a timer: the ``-wal``/``-shm`` files are
still the ones the connection opened (portable), and on Linux the process
still holds a lock on the database file (``/proc/locks``; a WAL connection
keeps a shared lock for as long as it is open).
"""

from __future__ import annotations

import os
from pathlib import Path

FileIdentity = tuple[tuple[int, int], tuple[int, int]]

PROC_LOCKS = Path("/proc/locks")


def wal_identity(db_path: str | os.PathLike[str]) -> FileIdentity | None:
    """(device, inode) of the ``-wal`` and ``-shm`` files; None if either is missing."""
    main = Path(db_path)
    ids = []
    for suffix in ("-wal", "-shm"):
        try:
            info = os.stat(main.with_name(main.name + suffix))
        except OSError:
            return None
        ids.append((info.st_dev, info.st_ino))
    return ids[0], ids[1]


def process_holds_lock(db_path: str | os.PathLike[str], pid: int | None = None) -> bool | None:
    """Whether process ``pid`` (default: this one) holds a POSIX lock on the database file.

    None where that cannot be known (no ``/proc/locks``, file gone).
    """
    try:
        info = os.stat(db_path)
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return None
    pid = os.getpid() if pid is None else pid
    # "1: POSIX  ADVISORY  READ 1234 fe:00:2156489 1073741826 1073742335"
    for line in lines:
        fields = line.split()
        if len(fields) < 6 or fields[1] != "POSIX" or fields[4] != str(pid):
            continue
        major_minor_inode = fields[5].rsplit(":", 1)
        if len(major_minor_inode) == 2 and major_minor_inode[1] == str(info.st_ino):
            major, _, minor = major_minor_inode[0].partition(":")
            try:
                device = os.makedev(int(major, 16), int(minor, 16))
            except ValueError:
                continue
            if device == info.st_dev:
                return True
    return False
