"""Starting the desktop app: the QApplication, the database, the seed, the window.

``run_app`` is what ``timeline-app`` runs; ``create_main_window`` assembles a
window on an open repository (tests call it with a temporary database and a
temporary settings file). The timeline canvas is engineer E's ``TimelineView``
with its ``OverviewStrip``; ``timeline_factory`` lets a caller substitute another
widget with the same signals and methods.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QWidget,
)

from timeline_app import __version__
from timeline_app.config import database_path
from timeline_app.gui import icons
from timeline_app.gui.dialogs import Prompts
from timeline_app.gui.import_worker import release_lookup_connection
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.settings import APPLICATION, ORGANISATION, AppSettings
from timeline_app.resources import resource_path


def create_timeline(repo: Any, parent: QWidget | None = None) -> tuple[QWidget, QWidget]:
    """The timeline canvas (engineer E's) and its overview strip, bound to the repository."""
    from timeline_app.gui.timeline.overview import OverviewStrip
    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView

    view = TimelineView(parent)
    view.set_source(RepositoryTimelineSource(repo))
    return view, OverviewStrip(view, parent)


def create_main_window(
    repo: Any,
    *,
    settings: AppSettings | None = None,
    prompts: Prompts | None = None,
    seed: bool = True,
    timeline_factory: Callable[[Any], tuple[QWidget, QWidget | None]] | None = None,
) -> MainWindow:
    """A window on ``repo``; imports the sample articles first when the library is empty."""
    seed_report = None
    if seed:
        from timeline_app import commands

        seed_report = commands.ensure_seeded(repo)
        release_lookup_connection()  # the window's connection must be its process's only one
    timeline, overview = (timeline_factory or create_timeline)(repo)
    window = MainWindow(
        repo,
        db_path=Path(repo.path),
        settings=settings or AppSettings.from_environment(),
        timeline=timeline,
        overview=overview,
        prompts=prompts,
    )
    if seed_report is not None and seed_report.failures:
        window.show_import_report(seed_report)  # never a silently empty first launch
    return window


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), styled with ``resources/styles/app.qss``."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationVersion(__version__)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setStyle("Fusion")
    app.setWindowIcon(icons.icon(icons.APP))
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """Font and stylesheet for the whole app."""
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    style_file = resource_path("styles", "app.qss")
    if style_file.is_file():
        app.setStyleSheet(style_file.read_text(encoding="utf-8"))


def choose_database(db: str | None, settings: AppSettings) -> Path:
    """``--db`` wins, then ``$TIMELINE_APP_DB``, then the last database, then the default."""
    import os

    from timeline_app.config import DB_ENV_VAR

    if db or os.environ.get(DB_ENV_VAR):
        return database_path(db)
    return settings.last_database() or database_path(None)


def show_startup_error(message: str) -> None:
    """Tell the user why the app cannot start (stderr and a plain-text message box)."""
    print(f"timeline-app: {message}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "Timeline Reader", message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def ask_to_create_library(path: Path) -> bool:
    """Ask before creating a library where none is (a typo in ``--db`` must not start one)."""
    return Prompts(None).create_library(path)


def _named_explicitly(db: str | None) -> bool:
    """A library the user named (``--db``, ``$TIMELINE_APP_DB``), not the default one."""
    import os

    from timeline_app.config import DB_ENV_VAR

    return bool(db or os.environ.get(DB_ENV_VAR))


def run_app(
    db: str | None = None,
    argv: Sequence[str] | None = None,
    report_error: Callable[[str], None] = show_startup_error,
    confirm_create: Callable[[Path], bool] | None = None,
) -> int:
    """Open the window on the chosen database and run until it is closed.

    File > Open Library… closes the window and asks for another database: the
    loop opens a fresh window on it, so each window owns exactly one repository.
    A database that cannot be opened is reported; the exit code is then 2.
    A library named on the command line that does not exist is created only
    if the user says so (``confirm_create``, by default a question box);
    declined, nothing is created and the exit code is 1. The default library
    of a first launch is created without asking.
    """
    from timeline_app.store.opening import LibraryError
    from timeline_app.store.repository import Repository

    app = application(argv)
    settings = AppSettings.from_environment()
    first = choose_database(db, settings)
    confirm = confirm_create or ask_to_create_library
    if not first.exists() and _named_explicitly(db) and not confirm(first):
        print(f"timeline-app: no library at {first}; nothing created", file=sys.stderr)
        return 1
    path: Path | None = first
    code = 0
    while path is not None:
        try:
            # The quick integrity check: a damaged library is said so, not shown as if fine.
            repo = Repository(path, check=True)
        except LibraryError as error:  # damaged, foreign, read-only: the message says which
            report_error(str(error))
            return 2
        except (OSError, sqlite3.Error) as error:
            report_error(f"Cannot open the library {path}: {error}")
            return 2
        with repo:
            window = create_main_window(repo, settings=settings)
            settings.set_last_database(path)
            window.show()
            code = app.exec()
            path = window.requested_database
            # Destroy the window while its repository is still open.
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return int(code)
