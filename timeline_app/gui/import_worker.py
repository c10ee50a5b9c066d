"""Importing off the GUI thread, with a progress dialog that can cancel.

The worker opens its own ``Repository`` on the same database file: SQLite
connections belong to the thread that made them, and WAL lets the window keep
reading while the import writes. ``commands.import_paths`` does all the work;
this module only moves it to a thread and reports back.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class ImportWorker(QObject):
    """Runs one import in a worker thread; emits progress and the final report."""

    progressed = Signal(int, int, str)  # done, total, current path
    finished = Signal(object)  # commands.ImportReport
    failed = Signal(str)  # an error that stopped the whole import

    def __init__(self, db_path: Path, paths: Sequence[Path]) -> None:
        super().__init__()
        self._db_path = Path(db_path)
        self._paths = [Path(p) for p in paths]
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop after the current file (thread-safe)."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from timeline_app import commands
        from timeline_app.store.repository import Repository

        try:
            with Repository(self._db_path) as repo:
                report = commands.import_paths(
                    repo,
                    self._paths,
                    progress=lambda done, total, path: self.progressed.emit(
                        int(done), int(total), str(path)
                    ),
                    cancelled=self._cancel.is_set,
                )
        except Exception as error:  # the thread must always report back to the window
            self.failed.emit(f"{type(error).__name__}: {error}")
            return
        finally:
            release_lookup_connection()
        self.finished.emit(report)


def release_lookup_connection() -> None:
    """Close the read-only "already stored?" connection a small import opens in this process.

    Left open, it would be a second connection of the window's process to the
    library, and the window could not renew its file locks by reopening its own.
    """
    from timeline_app.ingest.pipeline import init_worker

    init_worker(None)


class ImportController(QObject):
    """Owns the thread, the worker and the progress dialog of one import at a time."""

    finished = Signal(object)  # commands.ImportReport
    failed = Signal(str)

    def __init__(self, db_path: Path, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._db_path = db_path
        self._parent_widget = parent_widget
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self.progress_dialog: QProgressDialog | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, paths: Sequence[Path]) -> bool:
        """Begin importing ``paths``; False if an import is already running."""
        if self._thread is not None or not paths:
            return False
        dialog = QProgressDialog("Preparing import…", "Cancel", 0, 0, self._parent_widget)
        dialog.setWindowTitle("Importing articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog

        thread = QThread(self)
        worker = ImportWorker(self._db_path, paths)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        # Not worker.cancel: a queued call would wait for the busy worker thread's event
        # loop. The controller lives in the GUI thread and sets the thread-safe flag now.
        dialog.canceled.connect(self.cancel)
        self._thread, self._worker = thread, worker
        thread.start()
        return True

    def cancel(self) -> None:
        """Cancel the running import (same as pressing Cancel in the progress dialog)."""
        if self._worker is not None:
            self._worker.cancel()

    def cancel_and_wait(self, timeout_ms: int = 15000) -> bool:
        """Cancel and wait for the worker to stop (before the window goes away).

        A QThread destroyed while running takes the process down; the worker stops
        after its current file. Returns False if it did not stop in time.
        """
        if self._thread is None:
            return True
        self.cancel()
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.failed.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if self._thread is not None:
            loop.exec()
        return self._thread is None

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, path: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        # setValue() on a modal progress dialog processes events, so the import may
        # finish (and drop the dialog) inside it: label first, value last, local ref.
        dialog.setLabelText(f"Importing {Path(path).name}  ({done} of {total})")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _on_finished(self, report: Any) -> None:
        self._stop()
        self.finished.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)

    def _stop(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None
