"""Keeping the window in step with its library while other processes use it too.

A ``QTimer`` polls two cheap things on the window's own connection:

* ``PRAGMA data_version``: it changes when any *other* connection commits (a
  ``timeline-app ingest`` or ``set-date`` in a shell, another window), and the
  window then re-reads what it shows (``changedElsewhere``);
* whether the connection still holds its file locks and still uses the
  library's real ``-wal``/``-shm`` files (``store.live_files``). If not, the
  connection is reopened before anything is written through it
  (``ensure_live``), so an edit can never land in a write-ahead log another
  process has deleted (issue 12: lost edits).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from timeline_app.store.live_files import FileIdentity, process_holds_lock, wal_identity

POLL_INTERVAL_MS = 500
# A refresh of a large library takes a while; while a shell imports (committing
# every second) the window refreshes at most once per this many refresh-times,
# so it stays usable and still shows the import growing.
REFRESH_SPACING = 3.0


class LibraryWatcher(QObject):
    """Polls the window's repository; tells the window when others changed the library."""

    changedElsewhere = Signal()
    reconnected = Signal(str)  # why the connection had to be reopened

    def __init__(
        self,
        repo: Any,
        parent: QObject | None = None,
        *,
        busy: Callable[[], bool] = lambda: False,
        interval_ms: int = POLL_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._repo = repo
        self._busy = busy  # True while this process has other connections open (an import)
        self._on_disk = str(repo.path) != ":memory:"
        # Only where this process's own lock is visible to begin with (not, e.g., on a
        # file system whose /proc/locks entries name another device) is its absence news.
        self._check_locks = self._on_disk and process_holds_lock(repo.path) is True
        self._version = self._read_version()
        self._files = self._read_files()
        self._next_refresh = 0.0  # monotonic time before which no refresh is emitted
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        if self._on_disk:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def acknowledge(self) -> None:
        """The window has just re-read everything: changes so far are seen."""
        self._version = self._read_version()

    def poll(self) -> None:
        """One tick: repair the connection if needed, then report others' commits."""
        if not self._on_disk or self._busy():
            return
        self.ensure_live()
        if time.monotonic() < self._next_refresh:
            return
        version = self._read_version()
        if version != self._version:
            self._version = version
            started = time.monotonic()
            self.changedElsewhere.emit()  # the window re-reads now (a direct connection)
            finished = time.monotonic()
            self._next_refresh = finished + REFRESH_SPACING * (finished - started)

    def ensure_live(self) -> bool:
        """Reopen the connection if it lost its locks or its files; True if it did.

        Called before every write from the window and on every tick.
        """
        if not self._on_disk:
            return False
        reason = self._stale_reason()
        if reason is None:
            return False
        self._repo.reopen()
        self._files = self._read_files()
        if process_holds_lock(self._repo.path) is False:
            # Another connection of this process keeps SQLite's lock bookkeeping
            # alive, so the new one could not take the locks again: do not retry
            # on every tick; the file check still guards against a deleted log.
            self._check_locks = False
        self._version = -1  # whatever happened meanwhile, show it
        self.reconnected.emit(reason)
        return True

    def _stale_reason(self) -> str | None:
        if self._check_locks and process_holds_lock(self._repo.path) is False:
            return "the library's file locks were lost"
        files = wal_identity(self._repo.path)
        if self._files is not None and files != self._files:
            return "the library's journal files were replaced by another program"
        return None

    def _read_version(self) -> int:
        return self._repo.data_version() if self._on_disk else 0

    def _read_files(self) -> FileIdentity | None:
        return wal_identity(self._repo.path) if self._on_disk else None
