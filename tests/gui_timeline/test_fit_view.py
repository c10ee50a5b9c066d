"""The canvas frames where the events are; far-off outliers stay one click away."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from timeline_app.gui.timeline.fit import EARLIER, LATER
from timeline_app.gui.timeline.framing import Beyond
from timeline_app.gui.timeline.time_scale import to_seconds

from .conftest import make_event, random_events

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def news_with_outliers(count: int = 600) -> list:
    """``count`` events across 2009-2011 and two in years 11 and 1000 ('two thousand
    years ago' in reader comments)."""
    rng = random.Random(11)
    events = [
        make_event(i, datetime(2009, 1, 1) + timedelta(days=rng.randrange(3 * 365)))
        for i in range(1, count + 1)
    ]
    events.append(make_event(count + 1, datetime(11, 1, 1), label="Two thousand years ago"))
    events.append(make_event(count + 2, datetime(1000, 1, 1), label="A thousand years ago"))
    return events


def assert_frames_the_bulk(view) -> None:
    start, end = view.visible_range()
    assert datetime(2008, 6, 1) <= start <= datetime(2009, 1, 1)
    assert datetime(2011, 12, 1) <= end <= datetime(2012, 7, 1)


def contains(view, moment: datetime) -> bool:
    start, end = view.visible_range()
    return start <= moment < end


def marker(view, side: str):
    view.grab()
    return next((m for m in view.edge_markers() if m.side == side), None)


def click_marker(qtbot, view, side: str) -> None:
    found = marker(view, side)
    assert found is not None, f"no {side} marker"
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=found.rect.center().toPoint())


def test_the_default_view_frames_the_bulk_not_the_outliers(qtbot, shown_view) -> None:
    view, _ = shown_view(news_with_outliers())
    assert_frames_the_bulk(view)
    assert not contains(view, datetime(1000, 1, 1))
    assert not view.is_aggregated() or view.viewport().span < 4 * 365 * 86400
    assert view.beyond() == Beyond(2, 0)
    earlier = marker(view, EARLIER)
    assert earlier is not None
    assert earlier.count == 2
    assert "2 earlier" in earlier.text
    assert earlier.rect.left() < 20
    assert marker(view, LATER) is None
    assert "2 events begin before this view" in view.edge_tooltip(earlier)


def test_the_edge_markers_lead_to_each_outlier_and_back(qtbot, shown_view) -> None:
    view, _ = shown_view(news_with_outliers())
    span = view.viewport().span
    click_marker(qtbot, view, EARLIER)
    assert contains(view, datetime(1000, 1, 1))
    assert view.viewport().span == pytest.approx(span)  # the zoom is kept
    view.grab()
    assert any(item.event.start.year == 1000 for item in view.drawn_events())
    assert marker(view, EARLIER).count == 1
    assert marker(view, LATER).count == 600
    click_marker(qtbot, view, EARLIER)
    assert contains(view, datetime(11, 1, 1))
    assert marker(view, EARLIER) is None
    click_marker(qtbot, view, LATER)
    assert contains(view, datetime(1000, 1, 1))
    click_marker(qtbot, view, LATER)
    first_of_bulk = min(e.start for e in news_with_outliers() if e.start.year >= 2009)
    assert contains(view, first_of_bulk)


def test_ctrl_0_toggles_between_the_bulk_and_everything(qtbot, shown_view) -> None:
    view, _ = shown_view(news_with_outliers())
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)  # already on the bulk: show everything
    assert contains(view, datetime(11, 1, 1))
    assert contains(view, datetime(2011, 12, 1))
    view.grab()
    assert view.edge_markers() == []
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert_frames_the_bulk(view)
    view.set_visible_range(datetime(2010, 3, 1), datetime(2010, 4, 1))
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)  # from elsewhere: the bulk first
    assert_frames_the_bulk(view)


def test_ctrl_shift_0_shows_every_event(qtbot, shown_view) -> None:
    view, _ = shown_view(news_with_outliers())
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL_SHIFT)
    assert contains(view, datetime(11, 1, 1))
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL_SHIFT)  # no toggling here: still everything
    assert contains(view, datetime(11, 1, 1))
    assert view.viewport() == view.everything_viewport()


def test_a_library_without_outliers_is_fitted_whole_as_before(qtbot, shown_view) -> None:
    events = random_events(300, seed=5, days=900)
    view, _ = shown_view(events)
    assert view.viewport() == view.everything_viewport()
    start, end = view.visible_range()
    assert all(start <= e.start and e.end <= end for e in events)
    view.grab()
    assert view.edge_markers() == []
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.viewport() == view.everything_viewport()


def test_markers_count_exactly_once_the_view_settles(qtbot, shown_view) -> None:
    events = news_with_outliers()
    view, _ = shown_view(events)
    for _ in range(7):  # drag across the dense bulk: the edges cut through it
        view.pan_by_pixels(-37)
        view.zoom_by(1.3, 400)
    view.settle()
    start, end = (to_seconds(moment) for moment in view.visible_range())
    earlier = sum(1 for e in events if to_seconds(e.start) < start)
    later = sum(1 for e in events if to_seconds(e.start) >= end)
    assert view.beyond() == Beyond(earlier, later)
    assert earlier > 2
    assert later > 0


def test_double_clicking_a_marker_does_not_also_zoom(qtbot, shown_view) -> None:
    view, _ = shown_view(news_with_outliers())
    found = marker(view, EARLIER)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=found.rect.center().toPoint())
    assert view.viewport().span == pytest.approx(view.bulk_viewport().span)


def test_double_clicking_the_last_marker_jumps_without_zooming(qtbot, shown_view) -> None:
    """The first click takes the only event beyond the edge, so the marker is gone
    when the double click arrives: it must still not zoom."""
    view, _ = shown_view(news_with_outliers()[:-2] + news_with_outliers()[-1:])
    found = marker(view, EARLIER)
    assert found is not None
    assert found.count == 1
    spot = found.rect.center().toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=spot)
    after_jump = view.viewport()
    assert contains(view, datetime(1000, 1, 1))
    assert marker(view, EARLIER) is None  # the click took the last one
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=spot)
    assert view.viewport().span == pytest.approx(after_jump.span)
    assert view.viewport().start == pytest.approx(after_jump.start)


def test_a_double_click_elsewhere_or_later_than_a_marker_click_still_zooms(
    qtbot, shown_view
) -> None:
    from PySide6.QtGui import QGuiApplication

    view, _ = shown_view(news_with_outliers()[:-2] + news_with_outliers()[-1:])
    spot = marker(view, EARLIER).rect.center().toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=spot)
    span = view.viewport().span
    far = spot + QPoint(400, 0)
    assert view._hit(QPointF(far)) is None
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=far)  # not the marker's spot
    assert view.viewport().span == pytest.approx(span / 2)

    view.fit_all()
    spot = marker(view, EARLIER).rect.center().toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=spot)
    span = view.viewport().span
    qtbot.wait(QGuiApplication.styleHints().mouseDoubleClickInterval() + 100)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=spot)  # too late to pair
    assert view.viewport().span == pytest.approx(span / 2)


def test_the_first_events_to_arrive_are_framed_by_their_bulk(qtbot, shown_view) -> None:
    view, source = shown_view([])
    source.set_events(news_with_outliers())
    view.reload()
    assert_frames_the_bulk(view)


def test_exports_leave_the_markers_out(qtbot, shown_view, tmp_path) -> None:
    view, _ = shown_view(news_with_outliers())
    calls = []
    view._paint_edges = lambda *args: calls.append(args)
    view.export_png(tmp_path / "t.png")
    view.export_svg(tmp_path / "t.svg")
    assert calls == []
    view.grab()  # on screen they are drawn
    assert len(calls) == 1


def test_a_repository_library_is_framed_from_sql(qtbot, db_path) -> None:
    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView
    from timeline_app.store.repository import Repository

    from .conftest import fill_repository

    with Repository(db_path) as repo:
        fill_repository(repo, news_with_outliers())
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1000, 400)
        view.show()
        qtbot.waitExposed(view)
        view.set_source(RepositoryTimelineSource(repo))
        assert_frames_the_bulk(view)
        assert view.beyond() == Beyond(2, 0)
        starts = [to_seconds(e.start) for e in repo.events()]
        for _ in range(6):  # edges through the dense bulk: counted in SQL, exactly
            view.zoom_by(1.7, 300)
            view.pan_by_pixels(-23)
            view.settle()
            low, high = view.viewport().start, view.viewport().end
            expected = Beyond(sum(s < low for s in starts), sum(s >= high for s in starts))
            assert view.beyond() == expected
        view.set_article_filter([])  # nothing on the timeline: nothing to frame or mark
        view.fit_all()
        view.grab()
        assert view.edge_markers() == []
        view.close()  # before its store closes


def test_the_window_opens_on_the_bulk_and_its_actions_fit(qtbot, db_path, tmp_path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QKeySequence

    from timeline_app.gui.app import create_main_window
    from timeline_app.gui.settings import AppSettings
    from timeline_app.store.repository import Repository

    from .conftest import fill_repository

    with Repository(db_path) as repo:
        fill_repository(repo, news_with_outliers())
        settings = AppSettings.at(tmp_path / "settings.ini")
        window = create_main_window(repo, settings=settings, seed=False)
        try:
            window.show()
            qtbot.waitExposed(window)
            view = window.timeline
            assert view.viewport() == view.bulk_viewport()
            narrow = view.width()
            window.resize(window.width() + 900, 900)  # untouched since: fitted again
            qtbot.waitUntil(lambda: view.width() > narrow + 500)
            assert view.viewport() == view.bulk_viewport()
            assert_frames_the_bulk(view)
            actions = window.menu_actions
            assert actions.fit.shortcut() == QKeySequence("Ctrl+0")
            assert actions.fit_everything.shortcut() == QKeySequence("Ctrl+Shift+0")
            actions.fit_everything.trigger()
            assert contains(view, datetime(11, 1, 1))
            actions.fit.trigger()
            assert_frames_the_bulk(view)
            actions.fit.trigger()  # again: everything
            assert contains(view, datetime(11, 1, 1))
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_resize_refits_an_untouched_fit_but_keeps_a_moved_view(qtbot, shown_view) -> None:
    view, _ = shown_view(news_with_outliers())
    view.resize(1400, 400)
    qtbot.waitUntil(lambda: view.width() == 1400)
    assert view.viewport() == view.bulk_viewport()
    view.pan_by_pixels(50)
    moved = view.viewport()
    view.resize(900, 400)
    qtbot.waitUntil(lambda: view.width() == 900)
    assert view.viewport() == moved
