"""Fixtures for the main-window tests: temporary settings, scripted prompts, small libraries.

The hand-made libraries use fixed time expressions (not the tagger) so these
tests check the window, not the temporal engine; the end-to-end tests in
``test_user_flows.py`` run the real pipeline on the seed article.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

FIRST_TEXT = (
    "Storm reaches the coast\n\n"
    "The storm reached the coast on Tuesday, officials said.\n\n"
    "Repairs began on March 3, 2021 and lasted three weeks.\n\n"
    "A second storm hit in April 2021.\n"
)
SECOND_TEXT = (
    "Council votes on budget\n\n"
    "The council voted on the budget on May 12, 2021.\n\n"
    "The mayor 😀 spoke on May 14, 2021 about the vote.\n"
)


def day_timex(text: str, phrase: str, day: date, **extra: Any) -> Timex:
    """A DATE timex for ``phrase`` (first occurrence in ``text``) meaning ``day``."""
    start = text.index(phrase)
    begin = datetime(day.year, day.month, day.day)
    return Timex(
        start=start,
        end=start + len(phrase),
        text=phrase,
        type=TimexType.DATE,
        value=day.isoformat(),
        interval=Interval(begin, begin + timedelta(days=1)),
        precision=Precision.DAY,
        rule="test",
        **extra,
    )


def month_timex(text: str, phrase: str, year: int, month: int) -> Timex:
    start = text.index(phrase)
    begin = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return Timex(
        start=start,
        end=start + len(phrase),
        text=phrase,
        type=TimexType.DATE,
        value=f"{year:04d}-{month:02d}",
        interval=Interval(begin, end),
        precision=Precision.MONTH,
        rule="test",
    )


def duration_timex(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, TimexType.DURATION, value, rule="test")


def first_article_timexes(text: str, published: date) -> list[Timex]:
    """'Tuesday' resolved against ``published`` (the Tuesday before it), plus fixed dates."""
    tuesday = published - timedelta(days=(published.weekday() - 1) % 7 or 7)
    return [
        day_timex(
            text,
            "Tuesday",
            tuesday,
            anchor_kind=AnchorKind.DCT,
            anchor_value=published.isoformat(),
        ),
        day_timex(text, "March 3, 2021", date(2021, 3, 3)),
        duration_timex(text, "three weeks", "P3W"),
        month_timex(text, "April 2021", 2021, 4),
    ]


def second_article_timexes(text: str, _published: date) -> list[Timex]:
    return [
        day_timex(text, "May 12, 2021", date(2021, 5, 12)),
        day_timex(text, "May 14, 2021", date(2021, 5, 14)),
    ]


TIMEXERS = {FIRST_TEXT: first_article_timexes, SECOND_TEXT: second_article_timexes}


def analyse_fixed(repo: Any, article_id: int) -> None:
    """Store the fixed timexes of a test article and the events D's builder makes of them."""
    from timeline_app.events import build_events

    article = repo.article(article_id)
    published = article.published or date(2021, 6, 1)
    timexes = TIMEXERS[article.text](article.text, published)
    events = build_events(article.text, timexes, article.published, article_id)
    repo.replace_analysis(article_id, timexes, events)


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    """Settings in a temporary INI file: tests never touch the user's settings."""
    from timeline_app.gui.settings import AppSettings

    return AppSettings.at(tmp_path / "settings" / "timeline-app.ini")


@dataclass
class ScriptedPrompts:
    """Stands in for ``dialogs.Prompts``: answers from lists, records every question."""

    files: list[list[Path]] = field(default_factory=list)
    folders: list[Path | None] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)
    publication_dates: list[date | None] = field(default_factory=list)
    event_dates: list[Any] = field(default_factory=list)
    libraries: list[Path | None] = field(default_factory=list)
    create_answers: list[bool] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def import_files(self, folder: str) -> list[Path]:
        self.asked.append("import_files")
        return self.files.pop(0) if self.files else []

    def import_folder(self, folder: str) -> Path | None:
        self.asked.append("import_folder")
        return self.folders.pop(0) if self.folders else None

    def save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        self.asked.append(f"save_path:{title}")
        return self.save_paths.pop(0) if self.save_paths else None

    def library_path(self, folder: str) -> Path | None:
        self.asked.append("library_path")
        return self.libraries.pop(0) if self.libraries else None

    def create_library(self, path: Path) -> bool:
        self.asked.append(f"create_library:{path.name}")
        return self.create_answers.pop(0) if self.create_answers else False

    def publication_date(self, title: str, current: date | None) -> date | None:
        self.asked.append("publication_date")
        return self.publication_dates.pop(0) if self.publication_dates else None

    def event_date(self, expression: str, start: datetime, precision: Precision) -> Any:
        self.asked.append("event_date")
        return self.event_dates.pop(0) if self.event_dates else None

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def about(self, title: str, message: str) -> None:
        self.asked.append(f"about:{message}")


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def small_library(db_path: Path) -> Iterator[Any]:
    """A repository with two hand-analysed articles (5 dated events, 1 duration)."""
    from timeline_app.store.repository import Repository

    with Repository(db_path) as repo:
        for text, published, source in (
            (FIRST_TEXT, date(2021, 3, 12), PublishedSource.METADATA),
            (SECOND_TEXT, date(2021, 5, 15), PublishedSource.INFERRED),
        ):
            article, _ = repo.add_article(
                ParsedArticle(
                    text=text,
                    title=text.splitlines()[0],
                    source="Test Wire",
                    published=published,
                    published_source=source,
                    published_reason="test fixture",
                )
            )
            analyse_fixed(repo, article.id)
        yield repo


@pytest.fixture
def window(
    qtbot: Any, small_library: Any, settings: Any, prompts: ScriptedPrompts
) -> Iterator[Any]:
    """The real main window on the small library, shown offscreen."""
    from timeline_app.gui.app import create_main_window

    main_window = create_main_window(small_library, settings=settings, prompts=prompts, seed=False)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    destroy(main_window)  # before ``small_library`` closes the repository it reads


@pytest.fixture
def seeded_window(qtbot: Any, db_path: Path, settings: Any, prompts: Any) -> Iterator[Any]:
    """The window exactly as ``timeline-app`` opens it on an empty database (the seed imported)."""
    from timeline_app.gui.app import create_main_window
    from timeline_app.store.repository import Repository

    repo = Repository(db_path)
    window = create_main_window(repo, settings=settings, prompts=prompts)
    window.resize(1360, 840)
    window.show()
    qtbot.waitExposed(window)
    yield window
    destroy(window)  # gone before its repository closes
    repo.close()


def destroy(widget: Any) -> None:
    """Close and delete a window now (not at some later event-loop turn)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    if isValid(widget):
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def import_generated_library(folder: Path, write_source: Callable[[Path], None], name: str) -> Any:
    """Write a JSONL source with ``write_source`` and import it into ``folder/name``
    through the real pipeline; the import's report (it must be clean)."""
    from timeline_app.commands import import_paths
    from timeline_app.store.repository import Repository

    source = folder / "news.jsonl"
    write_source(source)
    with Repository(folder / name) as repo:
        report = import_paths(repo, [source], workers=1)
    assert report.ok
    return report


def copy_library(original: Path, path: Path) -> Path:
    """A copy of a library as its writer left it (database, WAL and shared memory)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{original}{suffix}").exists():
            shutil.copy(f"{original}{suffix}", f"{path}{suffix}")
    return path
