"""The window and the command line on one library at once (issue 12, the window side).

Real processes throughout: the window runs here (pytest-qt, offscreen) and the
``timeline-app`` commands run as subprocesses on the same SQLite file, so
SQLite's locking between processes is what is tested, not a fake of it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from timeline_app.commands import import_paths
from timeline_app.gui.dialogs import Prompts
from timeline_app.store.live_files import PROC_LOCKS, process_holds_lock, wal_identity

from .conftest import destroy

needs_proc_locks = pytest.mark.skipif(
    not PROC_LOCKS.exists(), reason="needs Linux /proc/locks to see which locks a process holds"
)

WINDOW_ARTICLE = (
    "Title: Council meets\nDate: 2024-01-10\n\n"
    "The council met yesterday to discuss the bridge.\n"
    "The vote is due on Friday.\n"
)
STORM_ARTICLE = "Title: Storm damage\nDate: 2024-03-05\n\nThe storm hit the coast on Sunday.\n"
SHELL_ARTICLE = (
    "Title: Flood warning\nDate: 2024-02-20\n\nThe river rose on Monday, officials said.\n"
)


READ_CORRECTIONS = (
    "import sqlite3, sys\n"
    "for (day,) in sqlite3.connect(sys.argv[1]).execute("
    "'SELECT published FROM article_corrections'):\n"
    "    print(day)\n"
)


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``timeline-app --db DB ARGS`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def start_cli(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline_app", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class RealFileDialogs(Prompts):
    """The real prompts (real Qt file dialogs), with dates answered from a list."""

    def __init__(self, parent: Any, dates: list[date]) -> None:
        super().__init__(parent)
        self.dates = dates

    def publication_date(self, title: str, current: date | None) -> date | None:
        return self.dates.pop(0)


def answer_file_dialog(qtbot: Any, choose: Path | None, seen: list[list[str]]) -> None:
    """When a file dialog shows, wait until it has listed its folder, then answer it."""

    def act() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(50, act)
            return
        dialog = dialogs[0]
        # Give the dialog's file-info thread time to look at every file it lists.
        qtbot.wait(800)
        seen.append(sorted(os.listdir(dialog.directory().absolutePath())))
        if choose is None:
            dialog.reject()
        else:
            dialog.selectFile(str(choose))
            dialog.accept()

    QTimer.singleShot(0, act)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


def open_window(qtbot: Any, repo: Any, settings: Any, prompts: Any = None) -> Any:
    from timeline_app.gui.app import create_main_window

    window = create_main_window(repo, settings=settings, prompts=prompts, seed=False)
    window.show()
    qtbot.waitExposed(window)
    return window


@needs_proc_locks
def test_a_file_dialog_on_the_library_folder_keeps_the_window_s_locks(
    qtbot: Any, library_dir: Path, settings: Any
) -> None:
    """The cause of the lost edits: Qt's file dialog sniffed the library's files (opened and
    closed them), which drops every POSIX lock the window's process held on them."""
    from timeline_app.store.repository import Repository

    db = library_dir / "news.db"
    with Repository(db) as repo:
        window = open_window(qtbot, repo, settings)
        try:
            assert process_holds_lock(db) is True
            seen: list[list[str]] = []
            answer_file_dialog(qtbot, None, seen)
            assert Prompts(window).import_files(str(library_dir)) == []
            assert seen
            assert "news.db" in seen[0]  # the dialog did list the library's files
            assert process_holds_lock(db) is True
        finally:
            destroy(window)


@needs_proc_locks
def test_window_edits_survive_a_shell_working_on_the_same_library(
    qtbot: Any, library_dir: Path, tmp_path: Path, settings: Any
) -> None:
    """Issue 12's recipe: the window imports a folder through the real file dialog, shells run
    ``ingest``, ``set-date`` and ``articles`` on the same file, the window sets a date.
    Nothing is lost, and the window shows the shell's changes."""
    from timeline_app.store.repository import Repository

    db = library_dir / "news.db"
    news = tmp_path / "news"
    news.mkdir()
    (news / "council.txt").write_text(WINDOW_ARTICLE, encoding="utf-8")
    (tmp_path / "flood.txt").write_text(SHELL_ARTICLE, encoding="utf-8")
    (tmp_path / "storm.txt").write_text(STORM_ARTICLE, encoding="utf-8")
    with Repository(db) as shell_repo:  # as a shell's earlier ingest would have
        assert import_paths(shell_repo, [tmp_path / "flood.txt"]).ok
    settings.set_last_folder("import", library_dir)  # the dialog opens where the library is

    repo = Repository(db)
    window = open_window(qtbot, repo, settings)
    window.prompts = RealFileDialogs(window, [date(2020, 2, 2)])
    try:
        seen: list[list[str]] = []
        answer_file_dialog(qtbot, news, seen)
        with qtbot.waitSignal(window.importer.finished, timeout=60000):
            window.menu_actions.import_folder.trigger()
        assert seen
        assert "news.db" in seen[0]
        council = next(a for a in repo.articles() if a.title == "Council meets")
        flood = next(a for a in repo.articles() if a.title == "Flood warning")

        # Shells at the same time: one imports, one sets a date, one lists the library.
        shells = [
            start_cli(db, "ingest", str(tmp_path / "storm.txt")),
            start_cli(db, "set-date", str(flood.id), "2021-03-03"),
            start_cli(db, "articles"),
        ]
        for shell in shells:
            shell.communicate(timeout=120)
            assert shell.returncode == 0

        row = window.article_model.row_of_article(council.id)
        window.article_view.setCurrentIndex(window.article_model.index(row, 0))
        window.menu_actions.set_date.trigger()

        # The window shows the shell's date (it polls the library) and its own.
        qtbot.waitUntil(
            lambda: (
                window.article_model.row_item(
                    window.article_model.row_of_article(flood.id)
                ).published
                == date(2021, 3, 3)
            ),
            timeout=3000,
        )
        qtbot.waitUntil(lambda: window.article_model.rowCount() == 3, timeout=3000)
        # Another process sees the window's edit at once, not only after the window quits.
        # (a bare sqlite3 reader: a whole timeline-app start costs seconds here)
        seen_elsewhere = subprocess.run(
            [sys.executable, "-c", READ_CORRECTIONS, str(db)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.split()
        assert sorted(seen_elsewhere) == ["2020-02-02", "2021-03-03"]
        assert wal_identity(db) is not None  # the log the window writes to is the real one
    finally:
        destroy(window)
        repo.close()

    with sqlite3.connect(db) as check:
        corrections = dict(check.execute("SELECT article_id, published FROM article_corrections"))
    assert corrections == {council.id: "2020-02-02", flood.id: "2021-03-03"}
    with sqlite3.connect(db) as check:
        titles = sorted(title for (title,) in check.execute("SELECT title FROM articles"))
    assert titles == ["Council meets", "Flood warning", "Storm damage"]
    with Repository(db) as after:
        (yesterday,) = [
            e for e in after.events(article_ids=[council.id]) if e.expression == "yesterday"
        ]
        assert yesterday.start.date() == date(2020, 2, 1)  # re-resolved against the new date
        (monday,) = [e for e in after.events(article_ids=[flood.id]) if e.expression == "Monday"]
        assert monday.start.date() == date(2021, 3, 1)


def test_the_reader_header_shows_the_new_date_after_set_publication_date(
    window: Any, prompts: Any
) -> None:
    """No shell involved: the reader re-reads the article after the edit."""
    article = window.repo.articles()[0]
    row = window.article_model.row_of_article(article.id)
    window.article_view.setCurrentIndex(window.article_model.index(row, 0))
    meta = window.reader.findChild(QLabel, "readerMeta")
    assert article.published.isoformat() in meta.text()

    prompts.publication_dates.append(date(2022, 7, 4))
    window.menu_actions.set_date.trigger()
    assert "published 2022-07-04" in meta.text()
    assert window.reader.article().published == date(2022, 7, 4)

    window.menu_actions.undo.trigger()
    assert f"published {article.published.isoformat()}" in meta.text()


def test_the_selected_event_stays_selected_when_its_article_is_redated(
    window: Any, prompts: Any
) -> None:
    tuesday = next(e for e in window.event_model.all_items() if e.expression == "Tuesday")
    window.select_event(tuesday.id)
    prompts.publication_dates.append(date(2021, 3, 26))  # a Friday: "Tuesday" is the 23rd
    window.menu_actions.set_date.trigger()
    shown = window.reader.current_event()
    assert shown is not None
    assert shown.expression == "Tuesday"
    assert shown.start.date() == date(2021, 3, 23)
    assert "published 2021-03-26" in window.reader.findChild(QLabel, "readerMeta").text()


def test_the_window_shows_another_process_s_import_and_keeps_the_selection(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    db = Path(window.repo.path)
    tuesday = next(e for e in window.event_model.all_items() if e.expression == "Tuesday")
    window.select_event(tuesday.id)
    before = window.repo.article_count()
    (tmp_path / "flood.txt").write_text(SHELL_ARTICLE, encoding="utf-8")

    assert run_cli(db, "ingest", str(tmp_path / "flood.txt")).returncode == 0
    finished = time.monotonic()
    qtbot.waitUntil(lambda: window.article_model.rowCount() == before + 1, timeout=5000)
    assert time.monotonic() - finished < 2.0
    assert any(e.expression == "Monday" for e in window.event_model.all_items())
    assert window.current_event_id() == tuesday.id
    assert window.reader.current_event().id == tuesday.id

    # Another process re-dates the article being read: header, row and event follow,
    # and the event stays selected although re-resolving stored it afresh.
    article_id = tuesday.article_id
    assert run_cli(db, "set-date", str(article_id), "2021-03-26").returncode == 0
    meta = window.reader.findChild(QLabel, "readerMeta")
    qtbot.waitUntil(lambda: "published 2021-03-26" in meta.text(), timeout=5000)
    row = window.article_model.row_of_article(article_id)
    assert window.article_model.row_item(row).published == date(2021, 3, 26)
    shown = window.reader.current_event()
    assert shown.expression == "Tuesday"
    assert shown.start.date() == date(2021, 3, 23)
    assert window.current_event_id() == shown.id


def test_a_connection_that_lost_its_locks_is_reopened_before_an_edit(
    window: Any, prompts: Any
) -> None:
    """Defence in depth: whatever drops the locks, the window renews them before writing."""
    db = Path(window.repo.path)
    window.library_watch.stop()  # the edit itself must check, not the timer
    with open(db, "rb"):  # any open and close of the file in this process drops its locks
        pass
    if process_holds_lock(db) is None:
        pytest.skip("needs Linux /proc/locks")
    assert process_holds_lock(db) is False
    article = window.repo.articles()[0]
    window.article_view.setCurrentIndex(
        window.article_model.index(window.article_model.row_of_article(article.id), 0)
    )
    prompts.publication_dates.append(date(2022, 1, 1))
    window.menu_actions.set_date.trigger()
    assert process_holds_lock(db) is True
    assert window.repo.article(article.id).published == date(2022, 1, 1)


@needs_proc_locks
def test_the_watcher_renews_lost_locks_after_the_seed_import(seeded_window: Any) -> None:
    """The first-launch import leaves no second connection behind in the window's process:
    with one, reopening the window's own connection could not take the locks again."""
    db = Path(seeded_window.repo.path)
    messages: list[str] = []
    seeded_window.library_watch.reconnected.connect(messages.append)
    with open(db, "rb"):
        pass
    assert process_holds_lock(db) is False
    seeded_window.library_watch.poll()
    assert messages == ["the library's file locks were lost"]
    assert process_holds_lock(db) is True
    assert seeded_window.event_model.total_count() > 0  # and the window re-read the library


@needs_proc_locks
def test_opening_a_second_connection_in_the_window_s_process_keeps_its_locks(
    window: Any,
) -> None:
    """The import worker and the background event loader open their own connections on
    the window's library: opening one must not drop the window's locks."""
    from timeline_app.store.repository import Repository

    db = Path(window.repo.path)
    assert process_holds_lock(db) is True
    with Repository(db) as worker_connection:
        assert worker_connection.article_count() == window.repo.article_count()
    assert process_holds_lock(db) is True
