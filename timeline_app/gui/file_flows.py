"""Import and export flows of the main window (a mixin of ``MainWindow``).

Kept apart so the window module stays about layout and selection. These methods
use the window's prompts, settings, models and importer; they decide nothing
about articles or events themselves (``commands`` and ``export`` do).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from timeline_app.gui.dialogs import FailureRow, ImportFailuresDialog

if TYPE_CHECKING:
    from collections.abc import Sequence


class FileFlowsMixin:
    """File > Import…, drag and drop, File > Export…; mixed into ``MainWindow``."""

    # Provided by MainWindow.
    repo: Any
    prompts: Any
    settings: Any
    importer: Any
    event_model: Any
    timeline: Any
    failures_dialog: ImportFailuresDialog | None
    reload_all: Any
    statusBar: Any
    _report_error: Any

    # -- import -----------------------------------------------------------------------------

    def choose_files_to_import(self) -> None:
        paths = self.prompts.import_files(self.settings.last_folder("import"))
        if paths:
            self.settings.set_last_folder("import", paths[0].parent)
            self.import_paths(paths)

    def choose_folder_to_import(self) -> None:
        folder = self.prompts.import_folder(self.settings.last_folder("import"))
        if folder is not None:
            self.settings.set_last_folder("import", folder)
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Import files and folders in the background; False if an import is running."""
        started = self.importer.start([Path(p) for p in paths])
        if not started and self.importer.is_running():
            self.statusBar().showMessage("An import is already running", 5000)
        return started

    def _on_import_finished(self, report: Any) -> None:
        was_empty = self.event_model.total_count() == 0
        self.reload_all()
        if was_empty:
            self.timeline.fit_all()
        self.show_import_report(report)

    def show_import_report(self, report: Any) -> None:
        """Say what an import did; list every failed file, then every warning, non-modally.

        A warning ("header 'Date: 2024-02-30' is not a real date; imported,
        dated … from the text") belongs to an article that *was* imported, so
        it is listed after the failures, marked as a warning, and counted apart.
        """
        failures = [FailureRow(str(f.path), f.message) for f in report.failures]
        warnings = [FailureRow(str(w.path), w.message) for w in report.warnings]
        status = (
            f"Imported {len(report.imported)} article{'s' if len(report.imported) != 1 else ''},"
            f" {len(report.duplicates)} already present, {len(failures)} failed"
        )
        if warnings:
            status += f", {len(warnings)} with a warning"
        self.statusBar().showMessage(status, 10000)
        if failures or warnings:
            if self.failures_dialog is not None:
                self.failures_dialog.close()
            self.failures_dialog = ImportFailuresDialog(
                failures, len(report.imported), len(report.duplicates), self, warnings=warnings
            )
            self.failures_dialog.show()

    def _on_import_failed(self, message: str) -> None:
        self.reload_all()
        self._report_error(f"The import stopped: {message}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- export -----------------------------------------------------------------------------

    def shown_events(self) -> list[Any]:
        """The events the lists currently show, in their current order."""
        if self.event_model.loading:  # only a first page so far: ask the store directly
            article_ids, _hidden = self.event_model.request_args()
            return self.repo.events(article_ids=article_ids)
        return [event for event in self.event_model.all_items() if not event.hidden]

    def export_csv(self, path: Path) -> int:
        """Write the shown events to ``path`` as CSV (atomically); returns the row count."""
        from timeline_app.export import write_events

        return write_events(self.repo, self.shown_events(), "csv", path)

    def choose_csv_export(self) -> None:
        folder = self.settings.last_folder("export")
        suggested = str(Path(folder) / "timeline.csv") if folder else "timeline.csv"
        path = self.prompts.save_path("Export events as CSV", suggested, "CSV files (*.csv)")
        if path is None:
            return
        try:
            count = self.export_csv(path)
        except OSError as error:
            self._report_error(f"Could not write {path}: {error.strerror or error}")
            return
        self.settings.set_last_folder("export", path.parent)
        self.statusBar().showMessage(f"Exported {count} events to {path}", 8000)

    def choose_image_export(self, kind: str) -> None:
        folder = self.settings.last_folder("export")
        name = f"timeline.{kind}"
        suggested = str(Path(folder) / name) if folder else name
        file_filter = "PNG image (*.png)" if kind == "png" else "SVG drawing (*.svg)"
        path = self.prompts.save_path(f"Export timeline as {kind.upper()}", suggested, file_filter)
        if path is None:
            return
        exporter = self.timeline.export_png if kind == "png" else self.timeline.export_svg
        try:
            exporter(str(path))
        except OSError as error:
            self._report_error(f"Could not write {path}: {error.strerror or error}")
            return
        self.settings.set_last_folder("export", path.parent)
        self.statusBar().showMessage(f"Saved the timeline to {path}", 8000)
