"""Dialogs, and the one object through which the window asks the user anything.

The window never calls ``exec()`` or a static ``QFileDialog`` function directly:
it goes through ``Prompts``, which tests replace with a scripted fake, so every
flow can be driven offscreen without a modal loop. Result dialogs (import
failures) are non-modal and kept on the window for inspection.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app.gui import file_dialogs
from timeline_app.gui.formatting import plain_tooltip
from timeline_app.temporal.timex import Precision

IMPORTABLE_FILTER = "Articles (*.txt *.md *.html *.htm *.json *.jsonl *.tml);;All files (*)"
EVENT_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)


WARNING_PREFIX = "warning: "


@dataclass(frozen=True, slots=True)
class FailureRow:
    """A file and what went wrong with it (a failure, or a warning on a file that was
    imported), as the import dialog lists it."""

    path: str
    message: str


def _short_paths(failures: Sequence[FailureRow]) -> list[str]:
    """Paths relative to the folder they share, so same-named files stay distinguishable."""
    paths = [Path(failure.path) for failure in failures]
    if len(paths) < 2:
        return [path.name for path in paths]
    try:
        common = Path(os.path.commonpath([str(path.parent) for path in paths]))
    except ValueError:  # different drives
        return [str(path) for path in paths]
    return [
        str(path.relative_to(common)) if path.is_relative_to(common) else str(path)
        for path in paths
    ]


def lay_out_form_dialog(dialog: QDialog, message: str, form: QFormLayout) -> None:
    """A plain-text message (article text may hold markup), the form, then OK/Cancel."""
    label = QLabel(dialog)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(message)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addLayout(form)
    layout.addWidget(buttons)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def import_summary(imported: int, duplicates: int, failed: int, warned: int) -> str:
    """The line above the list: what was imported, then what the list holds. Warnings
    are counted apart from failures because their files *were* imported."""
    done = f"{_count(imported, 'article')} imported, {duplicates} already in the library"
    problems = []
    if failed:
        problems.append(f"{_count(failed, 'file')} could not be imported")
    if warned:
        problems.append(
            f"{_count(warned, 'file')} imported with a warning"
            if not failed
            else f"{warned} imported with a warning"
        )
    if not problems:
        return f"{done}."
    return f"{done}; {' and '.join(problems)}:"


class ImportFailuresDialog(QDialog):
    """Lists every file that failed to import and why, then every file imported with
    a warning (marked as such); the others were imported without remark."""

    def __init__(
        self,
        failures: Sequence[FailureRow],
        imported: int,
        duplicates: int,
        parent: QWidget | None = None,
        *,
        warnings: Sequence[FailureRow] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importFailures")
        self.setWindowTitle(
            "Import finished with problems" if failures else "Import finished with warnings"
        )
        self.setModal(False)
        self.resize(720, 360)
        self._failures = list(failures)
        self._warnings = list(warnings)

        self._summary = QLabel(self)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._summary.setWordWrap(True)
        self._summary.setText(
            import_summary(imported, duplicates, len(self._failures), len(self._warnings))
        )
        self._table = QTreeWidget(self)
        self._table.setRootIsDecorated(False)
        self._table.setAlternatingRowColors(True)
        self._table.setHeaderLabels(["File", "Problem"])
        self._table.setUniformRowHeights(True)
        rows = self._rows()
        for row, shown in zip(rows, _short_paths(rows), strict=True):
            item = QTreeWidgetItem([shown, row.message])
            item.setToolTip(0, plain_tooltip(row.path))
            item.setToolTip(1, plain_tooltip(row.message))
            self._table.addTopLevelItem(item)
        header = self._table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        copy = buttons.addButton("Copy List", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)

        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self._table, 1)
        layout.addWidget(buttons)

    def _rows(self) -> list[FailureRow]:
        """Failures first, then warnings with their problem marked as a warning."""
        marked = [FailureRow(w.path, f"{WARNING_PREFIX}{w.message}") for w in self._warnings]
        return self._failures + marked

    def summary(self) -> str:
        """The line shown above the list."""
        return self._summary.text()

    def warnings(self) -> list[FailureRow]:
        """The files imported with a warning (file path and warning), in order."""
        return list(self._warnings)

    def failures(self) -> list[FailureRow]:
        """What the dialog lists (file path and problem), in order."""
        return list(self._failures)

    def as_text(self) -> str:
        """Every row as a tab-separated line (full path, problem), for a bug report."""
        return "".join(f"{row.path}\t{row.message}\n" for row in self._rows())

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def listed_rows(self) -> list[tuple[str, str]]:
        """The (file, problem) texts actually shown in the table."""
        return [
            (self._table.topLevelItem(i).text(0), self._table.topLevelItem(i).text(1))
            for i in range(self._table.topLevelItemCount())
        ]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, in a plain two-column list."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        self.resize(420, 480)
        self._rows = list(rows)
        table = QTreeWidget(self)
        table.setRootIsDecorated(False)
        table.setAlternatingRowColors(True)
        table.setHeaderLabels(["Action", "Keys"])
        for action, keys in self._rows:
            table.addTopLevelItem(QTreeWidgetItem([action, keys]))
        table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)


class PublicationDateDialog(QDialog):
    """Pick an article's publication date."""

    def __init__(self, title: str, current: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set publication date")
        self._edit = QDateEdit(self)
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat("yyyy-MM-dd")
        self._edit.setDateRange(QDate(1, 1, 1), QDate(9998, 12, 31))  # its year must end
        start = current or date.today()
        self._edit.setDate(QDate(start.year, start.month, start.day))
        form = QFormLayout()
        form.addRow("Published:", self._edit)
        lay_out_form_dialog(
            self, f"“{title}”\nIts time expressions will be resolved again against this date.", form
        )

    def chosen(self) -> date:
        return self._edit.date().toPython()


def interval_for(day: date, precision: Precision) -> tuple[datetime, datetime]:
    """The calendar interval of the day, month or year containing ``day``."""
    if precision == Precision.YEAR:
        return datetime(day.year, 1, 1), datetime(day.year + 1, 1, 1)
    if precision == Precision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        first = datetime(day.year, day.month, 1)
        return first, first + timedelta(days=last)
    start = datetime(day.year, day.month, day.day)
    return start, start + timedelta(days=1)


class EventDateDialog(QDialog):
    """Correct an event's date: a day, a month or a year."""

    def __init__(
        self, expression: str, start: datetime, precision: Precision, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct event date")
        self._edit = QDateEdit(self)
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat("yyyy-MM-dd")
        self._edit.setDateRange(QDate(1, 1, 1), QDate(9998, 12, 31))  # its year must end
        self._edit.setDate(QDate(start.year, start.month, start.day))
        self._precision = QComboBox(self)
        for choice in EVENT_PRECISIONS:
            self._precision.addItem(choice.name.capitalize(), int(choice))
        nearest = min(EVENT_PRECISIONS, key=lambda p: abs(int(p) - int(precision)))
        self._precision.setCurrentIndex(EVENT_PRECISIONS.index(nearest))
        form = QFormLayout()
        form.addRow("Date:", self._edit)
        form.addRow("Precision:", self._precision)
        lay_out_form_dialog(self, f"When did “{expression}” happen?", form)

    def chosen(self) -> tuple[datetime, datetime, Precision]:
        precision = Precision(int(self._precision.currentData()))
        start, end = interval_for(self._edit.date().toPython(), precision)
        return start, end, precision


class Prompts:
    """Every question the window asks the user; tests substitute a scripted fake."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    # File dialogs come from ``file_dialogs``: they never open the files they list,
    # which would drop SQLite's locks on the library (see that module).

    def import_files(self, folder: str) -> list[Path]:
        return file_dialogs.open_file_names(
            self._parent, "Import articles", folder, IMPORTABLE_FILTER
        )

    def import_folder(self, folder: str) -> Path | None:
        return file_dialogs.existing_directory(self._parent, "Import a folder of articles", folder)

    def save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        return file_dialogs.save_file_name(self._parent, title, suggested, file_filter)

    def library_path(self, folder: str) -> Path | None:
        return file_dialogs.save_file_name(
            self._parent,
            "Open or create a library",
            folder,
            "Timeline libraries (*.db);;All files (*)",
            confirm_overwrite=False,
        )

    def create_library(self, path: Path) -> bool:
        """Whether to create a new, empty library at ``path`` (nothing is there yet)."""
        answer = QMessageBox.question(
            self._parent,
            "Create a library?",
            f"There is no library at\n{path}\n\nCreate a new, empty library there?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def publication_date(self, title: str, current: date | None) -> date | None:
        dialog = PublicationDateDialog(title, current, self._parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def event_date(
        self, expression: str, start: datetime, precision: Precision
    ) -> tuple[datetime, datetime, Precision] | None:
        dialog = EventDateDialog(expression, start, precision, self._parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def error(self, title: str, message: str) -> None:
        self._message(QMessageBox.Icon.Warning, title, message)

    def about(self, title: str, message: str) -> None:
        self._message(QMessageBox.Icon.Information, title, message)

    def _message(self, icon: QMessageBox.Icon, title: str, message: str) -> None:
        # Plain text: messages quote file names and article content.
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
