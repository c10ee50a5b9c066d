"""The overview strip mirrors the view's window and moves it; gestures and pan keys."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
from PySide6.QtWidgets import QApplication

from timeline_app.gui.timeline.overview import OverviewStrip

from .conftest import make_event, random_events


@pytest.fixture
def view_and_strip(qtbot, shown_view):
    view, _ = shown_view(random_events(200, seed=8, days=3650))
    strip = OverviewStrip(view)
    qtbot.addWidget(strip)
    strip.resize(1000, 48)
    strip.show()
    qtbot.waitExposed(strip)
    return view, strip


def test_strip_box_follows_the_visible_window(view_and_strip) -> None:
    view, strip = view_and_strip
    full = strip.full_range()
    assert full is not None
    box = strip.window_rect()
    assert box is not None
    visible = view.viewport()
    assert box.left() == pytest.approx(full.x_of(visible.start, strip.width()), abs=0.5)
    view.set_visible_range(datetime(2012, 1, 1), datetime(2013, 1, 1))
    narrow = strip.window_rect()
    full = strip.full_range()  # the whole span (and the view, were it wider)
    assert full is not None
    assert narrow is not None
    assert narrow.width() < box.width()
    assert narrow.left() == pytest.approx(full.x_of(view.viewport().start, strip.width()), abs=0.5)


def test_clicking_the_strip_centres_the_view_there(qtbot, view_and_strip) -> None:
    view, strip = view_and_strip
    view.set_visible_range(datetime(2012, 1, 1), datetime(2012, 7, 1))
    span = view.viewport().span
    full = strip.full_range()
    x = 800
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 20))
    centre = (view.viewport().start + view.viewport().end) / 2
    assert centre == pytest.approx(full.seconds_at(x, strip.width()), rel=1e-6, abs=span * 0.01)
    assert view.viewport().span == pytest.approx(span)


def test_dragging_the_box_pans_the_view(qtbot, view_and_strip) -> None:
    view, strip = view_and_strip
    view.set_visible_range(datetime(2012, 1, 1), datetime(2012, 7, 1))
    box = strip.window_rect()
    full = strip.full_range()
    start_x = int(box.center().x())
    before = view.viewport()
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(start_x, 20))
    qtbot.mouseMove(strip, QPoint(start_x + 100, 20))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(start_x + 100, 20))
    moved = view.viewport().start - before.start
    assert moved == pytest.approx(100 * full.span / strip.width(), rel=0.05)


def test_strip_paints_without_data(qtbot, shown_view) -> None:
    view, _ = shown_view([])
    strip = OverviewStrip(view)
    qtbot.addWidget(strip)
    assert strip.full_range() is None
    assert not strip.grab().isNull()


def test_pinch_zooms_around_the_fingers(qtbot, shown_view) -> None:
    view, _ = shown_view([make_event(1, datetime(2024, 1, 1)), make_event(2, datetime(2024, 6, 1))])
    span = view.viewport().span
    x = 250.0
    under = view.viewport().seconds_at(x, view.width())
    pos = QPointF(x, 100)
    gesture = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        view.mapToGlobal(pos),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(view, gesture)
    assert view.viewport().span == pytest.approx(span / 1.5)
    assert view.viewport().seconds_at(x, view.width()) == pytest.approx(under, abs=1)


def test_pan_keys_move_without_zooming(qtbot, shown_view) -> None:
    base = datetime(2020, 1, 1)
    view, _ = shown_view([make_event(i, base + timedelta(days=30 * i)) for i in range(1, 6)])
    before = view.viewport()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.viewport().start - before.start == pytest.approx(before.span / 8)
    assert view.selected_event_id() is None  # Shift+arrow pans, plain arrow selects
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.viewport().start == pytest.approx(
        before.start + before.span / 8 - before.span * 0.9
    )
    qtbot.keyClick(view, Qt.Key.Key_End)
    end = view.viewport()
    assert end.start < (view.data_span()[1] - datetime(1970, 1, 1)).total_seconds() < end.end
    assert end.span == pytest.approx(before.span)


def test_strip_marks_the_selected_event(qtbot, view_and_strip) -> None:
    from timeline_app.gui.timeline.time_scale import to_seconds

    view, strip = view_and_strip
    source = view.source()
    target = source.events_in(datetime(2016, 1, 1), datetime(2017, 1, 1), limit=1)[0]
    with qtbot.waitSignal(view.selectionChanged, timeout=1000):
        view.select_event(target.id)
    view.set_visible_range(datetime(2010, 1, 1), datetime(2010, 6, 1))  # far from it
    image = strip.grab().toImage()
    x = round(strip.full_range().x_of(to_seconds(target.start), strip.width()))
    colours = {image.pixelColor(x + dx, 10).name() for dx in (-1, 0, 1)}
    assert view.theme.selection in colours


def test_a_lone_far_off_event_gets_a_marker_at_the_strip_edge(qtbot, shown_view) -> None:
    """Beside a bulk of hundreds, one event two thousand years earlier does not stretch
    the strip over two millennia: the strip frames the bulk and marks the lone event
    at its left edge; clicking the marker takes the view there."""
    from timeline_app.gui.timeline.time_scale import to_seconds

    events = random_events(400, seed=9, days=700)
    events.append(make_event(999, datetime(11, 1, 1)))
    view, _ = shown_view(events)
    strip = OverviewStrip(view)
    qtbot.addWidget(strip)
    strip.resize(1000, 48)
    strip.show()
    qtbot.waitExposed(strip)
    full = strip.full_range()
    assert full.start > to_seconds(datetime(1900, 1, 1))  # not stretched back to year 11
    assert strip.beyond_strip() == (1, 0)
    side, box, text = strip._edge_labels()[0]
    assert (side, text) == ("earlier", "◀ 1")
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    start, end = view.visible_range()
    assert start <= datetime(11, 1, 1) <= end
