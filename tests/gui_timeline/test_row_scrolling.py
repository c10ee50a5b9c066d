"""Rows scroll vertically: every event in view gets a row, reachable by scrolling.

Before, events that found no row were folded into a count rug and "N longer
events run through this view"; now the canvas has as many rows as the events
need, a scrollbar, Shift+wheel and Up/Down to move through them.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.layout import Extent, pack_rows
from timeline_app.temporal.timex import Precision

from .conftest import fill_repository, make_event

DAY = datetime(2015, 3, 2)
VIEW = (datetime(2015, 3, 1, 12), datetime(2015, 3, 5))


def _crowded_library() -> list:
    """Sixty day events on three days plus forty year-long ones running through them."""
    days = [
        make_event(i, DAY + timedelta(days=i % 3), article_id=i % 7 + 1, label=f"Day event {i}")
        for i in range(1, 61)
    ]
    years = [
        make_event(100 + i, datetime(2014, 6, 1) + timedelta(days=i), Precision.YEAR)
        for i in range(40)
    ]
    return days + years


def _in_view(events) -> set[int]:
    return {e.id for e in events if e.start < VIEW[1] and e.end > VIEW[0]}


def _shift_wheel(view, notches: int) -> None:
    pos = QPointF(view.width() / 2, view.height() / 2)
    event = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, -120 * notches),  # wheel turned towards the user: scroll down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def _drawn_ids(view) -> set[int]:
    view.grab()
    return {item.event.id for item in view.drawn_events()}


def _banners(monkeypatch) -> list[str]:
    shown: list[str] = []
    original = paint.paint_banner

    def recording(painter, width, font, text, theme):
        shown.append(text)
        return original(painter, width, font, text, theme)

    monkeypatch.setattr(paint, "paint_banner", recording)
    return shown


def test_every_event_is_reachable_by_scrolling_the_rows(
    qtbot, db_path, monkeypatch, shown_view
) -> None:
    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.store.repository import Repository

    banners = _banners(monkeypatch)
    with Repository(db_path) as repo:
        fill_repository(repo, _crowded_library())
        stored = repo.events()
        view, _ = shown_view([])
        view.set_source(RepositoryTimelineSource(repo))
        view.set_visible_range(*VIEW)
        assert not view.is_aggregated()
        wanted = _in_view(stored)
        first_screen = _drawn_ids(view)
        assert first_screen
        assert first_screen < wanted, "more rows than fit: some start hidden"
        assert view.undrawn_count() == len(wanted - first_screen)
        rows = view.row_count()
        assert rows >= len(wanted) // 20
        visible = view._rows_available(view.height())
        seen = set(first_screen)
        for _ in range(rows):  # scroll to the bottom, three rows a notch
            before = view.first_row()
            _shift_wheel(view, 1)
            if view.first_row() == before:
                break
            assert view.first_row() == min(before + 3, rows - visible)
            seen |= _drawn_ids(view)
        assert view.undrawn_count() == len(wanted - _drawn_ids(view))
        assert seen == wanted, "every event in view is drawn in some row"
        assert not any("longer event" in text or "bottom row" in text for text in banners)
        assert any("Shift+wheel" in text for text in banners), "the banner says how to scroll"
        bar = view.findChild(type(view._row_bar))
        assert bar is not None
        assert bar.isVisible()
        assert bar.maximum() == view.first_row()
        qtbot.keyClick(view, Qt.Key.Key_Up)
        assert view.first_row() == bar.maximum() - 1
        bar.setValue(0)  # dragging the scrollbar to the top
        assert view.first_row() == 0


def test_selecting_an_event_in_a_hidden_row_scrolls_to_it(qtbot, shown_view) -> None:
    events = _crowded_library()
    view, _ = shown_view(events)
    view.set_visible_range(*VIEW)
    hidden = sorted(_in_view(events) - _drawn_ids(view))
    assert hidden
    view.select_event(hidden[-1])
    assert hidden[-1] in _drawn_ids(view)
    assert view.first_row() > 0


def test_few_rows_need_no_scrollbar(qtbot, shown_view) -> None:
    events = [make_event(i, DAY + timedelta(days=3 * i)) for i in range(1, 4)]
    view, _ = shown_view(events)
    view.grab()
    assert view.row_count() <= 2
    assert not view._row_bar.isVisible()
    _shift_wheel(view, 3)
    assert view.first_row() == 0


def test_growing_rows_place_every_event_labelled_without_overlap() -> None:
    extents = [Extent(10.0 * i, 10.0 * i + 5, 10.0 * i + 200) for i in range(50)]
    extents += [Extent(-1000.0, 5000.0, 5000.0) for _ in range(5)]  # long ones
    placements = pack_rows(extents, None, gap=8.0, long_width=1000.0)
    assert not any(p.crowded for p in placements)
    assert all(p.labelled for p in placements)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for extent, placement in zip(extents, placements, strict=True):
        by_row.setdefault(placement.row, []).append((extent.shape_start, extent.label_end))
    for intervals in by_row.values():
        intervals.sort()
        for (_, end), (start, _) in itertools.pairwise(intervals):
            assert end + 8.0 <= start
    assert len(by_row) == max(p.row for p in placements) + 1  # rows numbered without holes
