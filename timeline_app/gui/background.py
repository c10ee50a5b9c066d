"""Reading a large event list off the GUI thread.

Turning 100,000 stored rows into ``Event`` values takes seconds; on a large
library the window shows the first page at once and the full list arrives from
a worker thread with its own ``Repository`` connection (SQLite connections
belong to their thread; WAL lets both read). Each request carries a generation
number so a result that a newer request has overtaken is dropped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal


class EventLoader(QObject):
    """Runs ``Repository.events(...)`` in a daemon thread; reports through queued signals."""

    loaded = Signal(int, object)  # generation, list[Event]
    failed = Signal(int, str)  # generation, message

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._threads: list[threading.Thread] = []

    def start(
        self, generation: int, article_ids: Collection[int] | None, include_hidden: bool
    ) -> None:
        """Begin loading; ``loaded(generation, events)`` follows on the GUI thread."""
        ids = None if article_ids is None else sorted(article_ids)
        thread = threading.Thread(
            target=self._run,
            args=(generation, ids, include_hidden),
            name=f"event-loader-{generation}",
            daemon=True,
        )
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def is_running(self) -> bool:
        """Whether a load (with its own connection to the library) is under way."""
        return any(thread.is_alive() for thread in self._threads)

    def wait(self, timeout: float = 30.0) -> None:
        """Block until every started load has finished (tests, shutdown)."""
        for thread in list(self._threads):
            thread.join(timeout)

    def _run(self, generation: int, article_ids: list[int] | None, include_hidden: bool) -> None:
        from timeline_app.store.repository import Repository

        try:
            with Repository(self._db_path) as repo:
                events = repo.events(article_ids=article_ids, include_hidden=include_hidden)
        except Exception as error:  # the window must hear back whatever happened
            self._emit(self.failed, generation, f"{type(error).__name__}: {error}")
            return
        self._emit(self.loaded, generation, events)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # The window (and this loader) may have closed while we were reading.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)
