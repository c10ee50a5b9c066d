"""The window at first sight, as a user meets it: a library imported through the real
pipeline (one happening reported by 8 outlets, 520 minor notes over two years, and a
few far-off dates like a reader comment's "2,000 years ago"), opened with no
remembered settings."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import copy_library, destroy, import_generated_library

OUTLETS = [f"Outlet {letter}" for letter in "ABCDEFGH"]
NOTES = 520  # more than the canvas draws one by one (450): the default view counts them
FAR_OFF = (  # older than anything the timeline frames: they sort first in the table
    "A Roman lookout stood on the hill 2,000 years ago, guides said.",
    "The old fort was built in 1600, historians said.",
    "The chapel dates from the 6th century, the parish said.",
)


def write_library_source(path: Path) -> None:
    lines = [
        {
            "title": f"Dam opened ({outlet})",
            "source": outlet,
            "published": "2011-03-18",
            "text": f"Report {number}.\n\nThe river dam was opened on March 17, 2011,"
            " after ten years of work, officials said.",
        }
        for number, outlet in enumerate(OUTLETS)
    ]
    rng = random.Random(11)
    for number in range(NOTES):
        day = date(2010, 1, 1) + timedelta(days=rng.randrange(730))
        lines.append(
            {
                "title": f"Note {number}",
                "source": "Local Gazette",
                "published": (day + timedelta(days=1)).isoformat(),
                "text": f"Note {number}.\n\nThe market number {number} opened on"
                f" {day:%B} {day.day}, {day.year}.",
            }
        )
    for number, sentence in enumerate(FAR_OFF):
        lines.append(
            {
                "title": f"Old stones {number}",
                "source": "Local Gazette",
                "published": "2010-06-01",
                "text": f"Old stones {number}.\n\n{sentence}",
            }
        )
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


@pytest.fixture(scope="module")
def library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Imported once for the module; each test opens its own copy."""
    folder = tmp_path_factory.mktemp("first_view")
    import_generated_library(folder, write_library_source, "news.db")
    return folder / "news.db"


@pytest.fixture
def library(library_file: Path, tmp_path: Path) -> Iterator[Any]:
    from timeline_app.store.repository import Repository

    repo = Repository(copy_library(library_file, tmp_path / "news.db"))
    yield repo
    repo.close()


def open_window(qtbot: Any, repo: Any, settings: Any, prompts: Any) -> Any:
    """The window as ``timeline-app`` opens it, shown and laid out."""
    from timeline_app.gui.app import create_main_window

    window = create_main_window(repo, settings=settings, prompts=prompts, seed=False)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the table is placed once the window is laid out
    return window


@pytest.fixture
def window(qtbot: Any, library: Any, settings: Any, prompts: Any) -> Iterator[Any]:
    window = open_window(qtbot, library, settings, prompts)
    try:
        yield window
    finally:
        destroy(window)


def top_key_event(window: Any) -> Any:
    return window.key_events_view.model().event_at(0)


def first_visible_event(window: Any) -> Any:
    view = window.event_view
    row = view.rowAt(0)
    assert row >= 0, "the events table shows no row"
    return window.event_model.row_item(row)


def test_the_reader_opens_on_the_most_important_happening(window: Any) -> None:
    top = top_key_event(window)
    assert top.reports == len(OUTLETS)
    assert window.current_event_id() == top.id
    shown = window.reader.current_event()
    assert shown.id == top.id
    text = window.reader.shown_text()
    ((start, end),) = window.reader.highlighted_ranges()["expression"]
    assert text[start:end] == "March 17, 2011"
    # Current in both lists, and the actions on an event are available at once.
    assert window.key_events_view.currentIndex().row() == 0
    assert window.event_model.row_item(window.event_view.currentIndex().row()).id == top.id
    assert window.menu_actions.hide_event.isEnabled()


def test_the_timeline_keeps_its_overview_and_marks_the_event(window: Any) -> None:
    timeline = window.timeline
    assert timeline.viewport() == timeline.bulk_viewport()  # not zoomed to the event
    assert timeline.is_aggregated()
    assert timeline.selected_event_id() == top_key_event(window).id
    timeline.repaint()
    labelled = {item.event.id for item in timeline.drawn_events()}
    assert top_key_event(window).id in labelled  # drawn (and marked) where it is


def test_the_events_table_opens_within_the_framed_period(window: Any) -> None:
    start, end = window.timeline.visible_range()
    earliest = window.event_model.row_item(0)
    assert earliest.start < start  # the far-off dates sort first ...
    first = first_visible_event(window)
    assert start <= first.start < end  # ... but the table opens where the timeline looks
    assert window.event_view.horizontalHeader().sortIndicatorSection() == 0  # still by date
    # The selected row is in sight.
    row = window.event_view.currentIndex().row()
    rect = window.event_view.visualRect(window.event_model.index(row, 0))
    assert window.event_view.viewport().rect().contains(rect)


def test_with_nothing_to_select_the_table_opens_at_the_framed_period(
    qtbot: Any, library: Any, settings: Any, prompts: Any
) -> None:
    # A search matching only the notes at first open: no key event matches it ...
    window = open_window(qtbot, library, settings, prompts)
    try:
        window.key_events_view.model().set_filter(None, "no such words", None, None)
        window._current_event_id = None
        window.event_view.scrollToTop()
        window.place_events_table()
        start, end = window.timeline.visible_range()
        assert start <= first_visible_event(window).start < end
    finally:
        destroy(window)


def test_stepping_goes_on_from_the_opened_event(qtbot: Any, window: Any) -> None:
    top = top_key_event(window)
    ordered = [event.id for event in window.event_model.all_items()]
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    following = ordered[ordered.index(top.id) + 1]
    assert window.current_event_id() == following
    assert window.reader.current_event().id == following
    # The Key events list follows: on the opened happening while stepping through its
    # reports, elsewhere once past them.
    for _ in OUTLETS:
        event = window.reader.current_event()
        current = window.key_events_view.currentIndex()
        if event.group_id != top.group_id:
            assert not current.isValid() or current.row() != 0
            break
        assert current.row() == 0
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.reader.current_event().group_id != top.group_id


def test_enter_opens_the_shown_event_in_the_reader(qtbot: Any, window: Any) -> None:
    top = top_key_event(window)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Return)
    assert window.reader.current_event().id == top.id
    assert QApplication.focusWidget() is window.reader.text_widget()


def test_a_change_from_elsewhere_keeps_the_overview(window: Any) -> None:
    """Another process writes to the library: the window re-reads it, keeping the
    opened event selected and the timeline where it was."""
    timeline = window.timeline
    before = timeline.viewport()
    window.refresh_from_library()
    assert window.current_event_id() == top_key_event(window).id
    assert timeline.viewport() == before


def test_a_remembered_selection_wins(qtbot: Any, library: Any, settings: Any, prompts: Any) -> None:
    first = open_window(qtbot, library, settings, prompts)
    try:
        chosen = first.event_model.row_item(5)
        assert chosen.id != top_key_event(first).id
        first.select_event(chosen.id)
        first.close()
    finally:
        destroy(first)
    again = open_window(qtbot, library, settings, prompts)
    try:
        assert again.current_event_id() == chosen.id
        assert again.reader.current_event().id == chosen.id
    finally:
        destroy(again)


def test_an_empty_library_opens_with_an_empty_reader(
    qtbot: Any, db_path: Path, settings: Any, prompts: Any
) -> None:
    from timeline_app.store.repository import Repository

    with Repository(db_path) as repo:
        window = open_window(qtbot, repo, settings, prompts)
        try:
            assert window.current_event_id() is None
            assert window.reader.article() is None
            assert window.event_model.total_count() == 0
            assert prompts.errors == []
        finally:
            destroy(window)


def test_the_seed_opens_on_its_top_key_event(qtbot: Any, seeded_window: Any) -> None:
    window = seeded_window
    QApplication.processEvents()
    top = top_key_event(window)
    assert top is not None
    assert window.reader.current_event().id == top.id
    assert window.timeline.selected_event_id() == top.id
    assert window.prompts.errors == []


def test_a_large_table_filled_in_the_background_opens_the_same_way(
    qtbot: Any, library: Any, settings: Any, prompts: Any, monkeypatch: Any
) -> None:
    """Above ``ASYNC_EVENT_THRESHOLD`` events the table's first page (the earliest
    dates) comes at once and the rest later: the window still opens on the top key
    event, the overview kept, and the table is placed once it is whole."""
    from timeline_app.gui import window_loading

    monkeypatch.setattr(window_loading, "ASYNC_EVENT_THRESHOLD", 0)
    window = open_window(qtbot, library, settings, prompts)
    try:
        top = top_key_event(window)
        assert window.reader.current_event().id == top.id
        qtbot.waitUntil(lambda: not window.event_model.loading, timeout=10000)
        timeline = window.timeline
        assert timeline.viewport() == timeline.bulk_viewport()
        assert window.event_model.row_item(window.event_view.currentIndex().row()).id == top.id
        start, end = timeline.visible_range()
        assert start <= first_visible_event(window).start < end
    finally:
        destroy(window)


def test_reopened_untouched_the_window_opens_as_before(
    qtbot: Any, library: Any, settings: Any, prompts: Any
) -> None:
    """Closed without a click, the window remembers the opened event and opens on it
    again: the same overview, not zoomed to it."""
    first = open_window(qtbot, library, settings, prompts)
    try:
        opened = first.current_event_id()
        overview = first.timeline.viewport()
        first.close()
    finally:
        destroy(first)
    again = open_window(qtbot, library, settings, prompts)
    try:
        assert again.current_event_id() == opened
        assert again.timeline.viewport() == overview
    finally:
        destroy(again)
