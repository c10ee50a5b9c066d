"""App assembly: database choice, settings isolation, icons, stylesheet, background import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from timeline_app.gui import icons
from timeline_app.gui.app import choose_database
from timeline_app.resources import resource_path

from .conftest import destroy


def test_explicit_database_wins_over_the_remembered_one(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_APP_DB", raising=False)
    remembered = tmp_path / "old.db"
    remembered.write_bytes(b"")
    settings.set_last_database(remembered)
    assert choose_database(None, settings) == remembered.resolve()
    assert choose_database(str(tmp_path / "new.db"), settings) == tmp_path / "new.db"
    monkeypatch.setenv("TIMELINE_APP_DB", str(tmp_path / "env.db"))
    assert choose_database(None, settings) == tmp_path / "env.db"


def test_a_remembered_database_that_vanished_is_not_reopened(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_APP_DB", raising=False)
    settings.set_last_database(tmp_path / "gone.db")
    assert choose_database(None, settings) != (tmp_path / "gone.db").resolve()


def test_settings_live_in_the_given_file(settings: Any, tmp_path: Path) -> None:
    settings.set_last_folder("import", tmp_path)
    settings.sync()
    assert Path(settings.file_name()).is_file()
    assert Path(settings.file_name()).is_relative_to(tmp_path)


def test_every_named_icon_exists_and_every_icon_file_is_named(qapp: Any) -> None:
    for name in icons.ALL_NAMES:
        assert not icons.icon(name).isNull(), name
    on_disk = {path.stem for path in resource_path("icons").glob("*.svg")}
    assert on_disk == set(icons.ALL_NAMES)


def test_unknown_icon_names_fail_loudly() -> None:
    with pytest.raises(FileNotFoundError, match="no-such-icon"):
        icons.icon_path("no-such-icon")


def test_stylesheet_parses_without_qt_warnings(qtbot: Any, qtlog: Any) -> None:
    """Applied to one widget tree, not the whole app (other tests' widgets stay untouched)."""
    from PySide6.QtWidgets import QLabel, QWidget

    style = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    assert "readerExplanation" in style
    root = QWidget()
    qtbot.addWidget(root)
    root.setStyleSheet(style)
    label = QLabel("probe", root)
    label.setObjectName("readerTitle")
    root.ensurePolished()
    label.ensurePolished()
    assert label.font().weight() >= 600  # the rule for #readerTitle applied
    assert not [r for r in qtlog.records if "style" in r.message.lower()]


def test_cancelling_an_import_stops_early_and_reports_it(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(60):
        (folder / f"a{number:02d}.txt").write_text(
            f"Title: Item {number}\nDate: 2020-01-{number % 28 + 1:02d}\n\n"
            f"Report {number}: the meeting took place on Monday.\n",
            encoding="utf-8",
        )
    with qtbot.waitSignal(window.importer.finished, timeout=60000) as finished:
        assert window.import_paths([folder])
        cancel_button = window.importer.progress_dialog.findChild(QPushButton)
        assert cancel_button.text() == "Cancel"
        cancel_button.click()
    report = finished.args[0]
    assert report.cancelled
    assert len(report.imported) < 60
    assert window.article_model.total_count() == 2 + len(report.imported)
    assert not window.importer.is_running()


def test_timeline_app_with_no_command_opens_the_window_on_the_seed(
    qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``timeline-app --db PATH``: the real entry point, closed by a timer once shown."""
    from PySide6.QtCore import QTimer

    from timeline_app.cli import main
    from timeline_app.gui import app as app_module
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.gui.settings import AppSettings
    from timeline_app.store.repository import Repository

    settings_file = tmp_path / "settings.ini"
    monkeypatch.setenv("TIMELINE_APP_SETTINGS", str(settings_file))
    db = tmp_path / "fresh.db"
    seen: list[tuple[str, int]] = []
    asked: list[Path] = []
    monkeypatch.setattr(
        app_module, "ask_to_create_library", lambda path: asked.append(path) or True
    )

    def close_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for window in windows:
            seen.append((window.windowTitle(), window.event_model.total_count()))
            window.close()
        if not windows:
            QTimer.singleShot(50, close_the_window)

    QTimer.singleShot(0, close_the_window)
    assert main(["--db", str(db)]) == 0
    assert asked == [db]  # a library named on the command line is created only when confirmed
    ((title, events),) = seen
    assert "fresh.db" in title
    assert events > 0
    with Repository(db) as repo:
        assert repo.article_count() == 1
    assert AppSettings.at(settings_file).last_database() == db.resolve()


def test_failures_dialog_tells_same_named_files_apart_and_copies(qtbot: Any) -> None:
    from timeline_app.gui.dialogs import FailureRow, ImportFailuresDialog

    failures = [
        FailureRow("/data/in/a/notes.json", "malformed JSON"),
        FailureRow("/data/in/b/notes.json", "empty file"),
    ]
    dialog = ImportFailuresDialog(failures, imported=5, duplicates=1)
    qtbot.addWidget(dialog)
    assert dialog.listed_rows() == [
        ("a/notes.json", "malformed JSON"),
        ("b/notes.json", "empty file"),
    ]
    dialog.copy_to_clipboard()
    copied = QApplication.clipboard().text()
    assert "/data/in/a/notes.json\tmalformed JSON" in copied
    assert "/data/in/b/notes.json\tempty file" in copied


def test_a_seed_that_fails_to_import_is_reported_not_silent(
    qtbot: Any, db_path: Path, settings: Any, prompts: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_app import commands
    from timeline_app.gui.app import create_main_window
    from timeline_app.store.repository import Repository

    def failing_seed(repo: Any, **_: Any) -> Any:
        return commands.ImportReport(
            failures=[commands.ImportFailure("/seeds/000.txt", "tagging failed: broken rules")]
        )

    monkeypatch.setattr(commands, "ensure_seeded", failing_seed)
    with Repository(db_path) as repo:
        window = create_main_window(repo, settings=settings, prompts=prompts)
        try:
            assert window.failures_dialog is not None
            assert window.failures_dialog.listed_rows() == [
                ("000.txt", "tagging failed: broken rules")
            ]
        finally:
            destroy(window)


def test_open_library_reopens_the_app_on_the_chosen_database(
    qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File > Open Library… in the first window; the second window is on the new file."""
    from PySide6.QtCore import QTimer

    from timeline_app.gui import app as app_module
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.gui.settings import AppSettings

    from .conftest import ScriptedPrompts

    settings_file = tmp_path / "settings.ini"
    monkeypatch.setenv("TIMELINE_APP_SETTINGS", str(settings_file))
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    monkeypatch.setattr(app_module, "ask_to_create_library", lambda _path: True)
    scripted = ScriptedPrompts(libraries=[second], create_answers=[True])
    real_create = app_module.create_main_window
    monkeypatch.setattr(
        app_module,
        "create_main_window",
        lambda repo, **kwargs: real_create(repo, **{**kwargs, "prompts": scripted}),
    )
    titles: list[str] = []

    def act() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        if not visible:
            QTimer.singleShot(50, act)
            return
        window = visible[0]
        titles.append(window.windowTitle())
        if len(titles) == 1:
            window.menu_actions.open_library.trigger()
            QTimer.singleShot(50, act)
        else:
            window.close()

    QTimer.singleShot(0, act)
    assert app_module.run_app(db=str(first)) == 0
    assert [title.split("— ")[1] for title in titles] == ["first.db", "second.db"]
    assert "create_library:second.db" in scripted.asked
    assert second.is_file()
    assert AppSettings.at(settings_file).last_database() == second.resolve()


def test_a_file_that_is_no_database_is_reported_not_a_traceback(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_app.gui.app import run_app

    monkeypatch.setenv("TIMELINE_APP_SETTINGS", str(tmp_path / "settings.ini"))
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database\n" * 200)
    reported: list[str] = []
    assert run_app(db=str(bogus), report_error=reported.append) == 2
    (message,) = reported
    assert str(bogus) in message
    assert "is not a Timeline Reader library" in message
    assert bogus.read_bytes().startswith(b"these are my notes")  # left untouched


def test_a_damaged_library_is_refused_with_what_can_be_read(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window runs the integrity check too: before, it opened a damaged library as
    if nothing were wrong. (Built with the store, damaged with 64 KiB of random bytes.)"""
    import random

    from timeline_app.articles import ParsedArticle
    from timeline_app.gui.app import run_app
    from timeline_app.store.repository import Repository

    monkeypatch.setenv("TIMELINE_APP_SETTINGS", str(tmp_path / "settings.ini"))
    library = tmp_path / "damaged.db"
    with Repository(library) as repo:
        for number in range(60):
            repo.add_article(ParsedArticle(text=f"Report {number}. " + "Words here. " * 400))
        repo.checkpoint()
    size = library.stat().st_size
    with library.open("r+b") as stream:
        stream.seek(size // 2)
        stream.write(random.Random(7).randbytes(64 * 1024))
    reported: list[str] = []
    assert run_app(db=str(library), report_error=reported.append) == 2
    (message,) = reported
    assert f"the library {library} is damaged" in message
    assert "re-import your articles" in message


def test_closing_the_window_during_an_import_stops_it_cleanly(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(80):
        (folder / f"a{number:02d}.txt").write_text(
            f"Title: Item {number}\nDate: 2020-02-{number % 28 + 1:02d}\n\n"
            f"Item {number} happened on Monday.\n",
            encoding="utf-8",
        )
    with qtbot.waitSignal(window.importer.finished, timeout=60000):
        assert window.import_paths([folder])
        window.close()
    assert not window.importer.is_running()
    count = window.repo.article_count()
    assert 2 <= count < 2 + 80  # stopped part-way, whole articles only
    assert len(window.repo.events()) >= 5


def test_gui_on_a_missing_library_asks_and_declining_creates_nothing(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``timeline-app --db /no/such/lib.db gui``: a typo must not start an empty library."""
    from timeline_app.cli import main
    from timeline_app.gui import app as app_module

    monkeypatch.setenv("TIMELINE_APP_SETTINGS", str(tmp_path / "settings.ini"))
    missing = tmp_path / "no" / "such" / "lib.db"
    asked: list[Path] = []
    monkeypatch.setattr(
        app_module, "ask_to_create_library", lambda path: asked.append(path) or False
    )
    assert main(["--db", str(missing), "gui"]) == 1
    assert asked == [missing]
    assert not (tmp_path / "no").exists()
    assert not (tmp_path / "settings.ini").exists() or str(missing) not in (
        tmp_path / "settings.ini"
    ).read_text(encoding="utf-8")


def test_open_library_on_a_missing_path_asks_and_declining_keeps_the_window(
    window: Any, prompts: Any, tmp_path: Path
) -> None:
    missing = tmp_path / "typo" / "librry.db"
    prompts.libraries.append(missing)
    prompts.create_answers.append(False)
    window.menu_actions.open_library.trigger()
    assert "create_library:librry.db" in prompts.asked
    assert window.requested_database is None
    assert window.isVisible()
    assert not (tmp_path / "typo").exists()


def test_a_damaged_library_is_reported_plainly_and_left_alone(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """64 KiB of random bytes in the middle: the window says so instead of carrying on."""
    import hashlib
    import random

    from timeline_app.articles import ParsedArticle
    from timeline_app.gui.app import run_app
    from timeline_app.store.repository import Repository

    monkeypatch.setenv("TIMELINE_APP_SETTINGS", str(tmp_path / "settings.ini"))
    db = tmp_path / "news.db"
    with Repository(db) as repo:
        for number in range(60):
            text = f"Report {number}\n\n" + f"Paragraph {number} of the story. " * 300
            repo.add_article(ParsedArticle(text=text, title=f"Report {number}"))
        repo.checkpoint()
    size = 64 * 1024
    length = db.stat().st_size
    assert length > 3 * size
    with db.open("r+b") as stream:
        stream.seek(length // 2 - size // 2)
        stream.write(random.Random(12).randbytes(size))
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    reported: list[str] = []
    assert run_app(db=str(db), report_error=reported.append) == 2
    (message,) = reported
    assert f"the library {db} is damaged" in message
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
