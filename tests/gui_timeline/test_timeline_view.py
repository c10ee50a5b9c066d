"""The canvas widget, driven as a user would: click, keys, wheel, drag, export."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from timeline_app.events.model import EventKind
from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.placing import Shape, shape_of
from timeline_app.gui.timeline.scene import EVENT_THRESHOLD
from timeline_app.gui.timeline.time_scale import MAX_SPAN_S, MIN_SPAN_S, to_seconds
from timeline_app.temporal.timex import Precision

from .conftest import make_event, random_events


def _few_events():
    base = datetime(2024, 1, 1)
    return [make_event(i, base + timedelta(days=9 * i), article_id=i % 3 + 1) for i in range(1, 9)]


def test_clicking_a_drawn_event_selects_it(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    target = 5
    rect = view.event_rect(target)
    assert rect is not None, "event 5 should be drawn at fit-all"
    with qtbot.waitSignal(view.eventSelected, timeout=1000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [target]
    assert view.selected_event_id() == target


def test_clicking_empty_space_selects_nothing(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    with qtbot.assertNotEmitted(view.eventSelected):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(5, view.height() // 2))
    assert view.selected_event_id() is None


def test_left_right_step_through_events_and_enter_activates(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    seen = []
    view.eventSelected.connect(seen.append)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert seen == [1, 2, 3, 2]
    with qtbot.waitSignal(view.eventActivated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [2]
    for _ in range(10):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_event_id() == 8  # stops at the last event


def test_stepping_brings_far_events_into_view(qtbot, shown_view) -> None:
    events = [make_event(1, datetime(2000, 1, 1)), make_event(2, datetime(2020, 1, 1))]
    view, _ = shown_view(events)
    view.set_visible_range(datetime(1999, 12, 20), datetime(2000, 1, 10))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_event_id() == 2
    start, end = view.visible_range()
    assert start <= datetime(2020, 1, 1) < end
    assert view.event_rect(2) is not None


def test_zoom_keys_and_fit_all(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    before = view.viewport()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    after = view.viewport()
    assert after.span == pytest.approx(before.span / 1.25)
    assert (after.start + after.end) / 2 == pytest.approx((before.start + before.end) / 2)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.viewport().span == pytest.approx(before.span * 1.25)
    view.set_visible_range(datetime(1990, 1, 1), datetime(1990, 2, 1))
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    start, end = view.visible_range()
    assert all(start <= e.start and e.end <= end for e in _few_events())


def _wheel(view, x: float, dy: int, modifiers) -> None:
    pos = QPointF(x, view.height() / 2)
    event = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def test_ctrl_wheel_zooms_around_the_cursor(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    x = 700.0
    under_cursor = view.viewport().seconds_at(x, view.width())
    span = view.viewport().span
    _wheel(view, x, 240, Qt.KeyboardModifier.ControlModifier)
    assert view.viewport().span == pytest.approx(span / 1.25**2)
    assert view.viewport().seconds_at(x, view.width()) == pytest.approx(under_cursor, abs=1)


def test_plain_wheel_and_drag_pan_without_zooming(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    before = view.viewport()
    _wheel(view, 300, -120, Qt.KeyboardModifier.NoModifier)
    moved = view.viewport()
    assert moved.span == pytest.approx(before.span)
    assert moved.start > before.start  # wheel down moves later
    start_x, y = 400, view.height() // 2
    seconds_per_px = moved.span / view.width()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(start_x, y))
    qtbot.mouseMove(view, QPoint(start_x - 50, y))
    qtbot.mouseMove(view, QPoint(start_x - 100, y))
    with qtbot.assertNotEmitted(view.eventSelected):
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(start_x - 100, y))
    dragged = view.viewport()
    assert dragged.start - moved.start == pytest.approx(100 * seconds_per_px, rel=1e-6)
    assert dragged.span == pytest.approx(moved.span)


def test_visible_range_changes_are_announced_and_state_round_trips(qtbot, shown_view) -> None:
    view, _ = shown_view(_few_events())
    with qtbot.waitSignal(view.visibleRangeChanged, timeout=1000) as blocker:
        view.zoom_in()
    assert blocker.args == list(view.visible_range())
    state = view.view_state()
    view.fit_all()
    assert view.restore_view_state(state)
    assert view.view_state() == state
    for broken in (
        None,
        {},
        {"start": "yesterday", "end": "x"},
        {"start": "2024-02-01", "end": "2024-01-01"},
    ):
        assert not view.restore_view_state(broken)
    assert view.view_state() == state


def test_dense_regions_are_drawn_as_counts_until_zoomed_in(qtbot, shown_view) -> None:
    events = random_events(EVENT_THRESHOLD * 4, seed=11, days=3000)
    view, _source = shown_view(events)
    assert view.is_aggregated()
    view.grab()  # paint
    assert view.event_rect(events[0].id) is None
    assert sum(bar.count for bar in view.drawn_bars()) >= len(events) * 0.9
    view.set_visible_range(datetime(2012, 3, 1), datetime(2012, 3, 20))
    assert not view.is_aggregated()
    view.grab()
    in_window = [
        e for e in events if e.start < datetime(2012, 3, 20) and e.end > datetime(2012, 3, 1)
    ]
    assert in_window
    drawn_ids = {item.event.id for item in view.drawn_events()}
    assert drawn_ids
    missing = {e.id for e in in_window} - drawn_ids
    # Whatever fits in no row is counted in the bottom rug, never silently dropped.
    assert len(missing) <= view.undrawn_count()


def test_dated_events_show_even_where_long_ones_crowd_the_window(qtbot, shown_view) -> None:
    long_ones = [
        make_event(i, datetime(2014, 6, 1) + timedelta(hours=7 * i), Precision.YEAR)
        for i in range(1, 2 * EVENT_THRESHOLD)
    ]
    days = [make_event(5000 + i, datetime(2015, 3, 2) + timedelta(hours=5 * i)) for i in range(10)]
    view, _ = shown_view(long_ones + days)
    view.set_visible_range(datetime(2015, 3, 1), datetime(2015, 3, 5))
    assert not view.is_aggregated()
    view.grab()
    drawn = {item.event.id for item in view.drawn_events()}
    assert {e.id for e in days} <= drawn, "the day events must get rows before year-long bars"
    assert view.undrawn_count() > 0  # the year-long ones are counted, not piled
    qtbot.keyClick(view, Qt.Key.Key_Right)  # from the left edge: the first dated event
    assert view.selected_event_id() == days[0].id
    view.select_event(None)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # from the right edge: the last one
    assert view.selected_event_id() == days[-1].id


def test_few_events_are_never_aggregated(qtbot, shown_view) -> None:
    events = random_events(EVENT_THRESHOLD // 2, seed=5, days=3000)
    view, _ = shown_view(events)
    assert not view.is_aggregated()


def test_panning_within_the_fetched_neighbourhood_costs_no_query(qtbot, shown_view) -> None:
    view, source = shown_view(random_events(300, seed=2, days=2000))
    view.set_visible_range(datetime(2012, 1, 1), datetime(2012, 6, 1))
    view.grab()
    queries = source.queries
    for _ in range(20):
        view.pan_by_pixels(10)
        view.grab()
    assert source.queries == queries
    for _ in range(5):
        view.pan_by_pixels(view.width())
        view.grab()
    assert source.queries > queries  # but it does fetch again once the view runs out


def test_select_event_reveals_it_even_in_a_dense_region(qtbot, shown_view) -> None:
    events = random_events(EVENT_THRESHOLD * 4, seed=4, days=1500)
    view, _ = shown_view(events)
    assert view.is_aggregated()
    target = events[len(events) // 2]
    view.select_event(target.id)
    assert view.selected_event_id() == target.id
    assert not view.is_aggregated()
    assert view.event_rect(target.id) is not None


def test_shapes_are_honest_about_precision() -> None:
    day = make_event(1, datetime(2024, 10, 7))
    month = make_event(2, datetime(2024, 10, 1), Precision.MONTH)
    ongoing = make_event(
        3, datetime(2024, 10, 15), Precision.MONTH, EventKind.ONGOING, end=datetime(2024, 12, 1)
    )
    span = make_event(4, datetime(2024, 3, 3), kind=EventKind.SPAN, end=datetime(2024, 3, 6))
    assert [shape_of(e) for e in (day, month, ongoing, span)] == [
        Shape.MARKER,
        Shape.SOFT_BAR,
        Shape.ONGOING,
        Shape.SPAN_BAR,
    ]


def test_approximate_days_are_rings_and_exact_days_dots(qtbot, shown_view, tmp_path) -> None:
    from dataclasses import replace

    exact = make_event(1, datetime(2024, 1, 6))
    about = replace(make_event(2, datetime(2024, 3, 6)), mod="APPROX")
    view, _ = shown_view([exact, about])
    image = QImage(str(view.export_png(tmp_path / "rings.png", scale=1.0)))
    centres = {}
    for event in (exact, about):
        rect = view.event_rect(event.id)
        assert rect is not None
        centres[event.id] = image.pixelColor(rect.center().toPoint()).name()
    assert centres[1] != "#ffffff", "an exact day is a filled dot"
    assert centres[2] == "#ffffff", "an approximate day is an open ring"


def test_bars_cover_their_interval_on_screen(qtbot, shown_view) -> None:
    month = make_event(1, datetime(2024, 10, 1), Precision.MONTH, end=datetime(2024, 11, 1))
    view, _ = shown_view([month, make_event(2, datetime(2024, 12, 24))])
    view.set_visible_range(datetime(2024, 9, 1), datetime(2025, 1, 1))
    rect = view.event_rect(1)
    assert rect is not None
    viewport = view.viewport()
    assert rect.left() == pytest.approx(viewport.x_of(to_seconds(month.start), view.width()), abs=1)
    assert rect.right() == pytest.approx(viewport.x_of(to_seconds(month.end), view.width()), abs=1)


def test_tooltip_shows_expression_value_anchor_and_escapes_content(qtbot, shown_view) -> None:
    hostile = make_event(1, datetime(2024, 1, 6), label="<img src=x onerror=alert(1)> Riot")
    view, source = shown_view([hostile])
    source._anchors[1] = "dct 2024-01-08"
    text = view.tooltip_html(hostile)
    assert "<img" not in text
    assert "&lt;img" in text
    assert "expr 1" in text
    assert "2024-01-06" in text
    assert "dct 2024-01-08" in text


def test_hovering_an_event_shows_its_tooltip(qtbot, shown_view) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    view, _ = shown_view(_few_events())
    rect = view.event_rect(3)
    assert rect is not None
    pos = rect.center().toPoint()
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    assert "expr 3" in QToolTip.text()
    assert "anchor" in QToolTip.text()


def test_first_events_arriving_are_brought_into_view(qtbot, shown_view) -> None:
    view, source = shown_view([])
    source.set_events(_few_events())  # as an import would
    view.reload()
    start, end = view.visible_range()
    assert all(start <= e.start and e.end <= end for e in _few_events())


def test_png_and_svg_exports_are_valid_files(qtbot, shown_view, tmp_path) -> None:
    view, _ = shown_view(_few_events(), width=800, height=300)
    png = view.export_png(tmp_path / "timeline.png")
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1600, 600)
    assert image.pixelColor(800, 10).name() == "#ffffff"  # background painted
    colours = {image.pixelColor(x, y).name() for x in range(0, 1600, 7) for y in range(0, 520, 7)}
    assert len(colours) > 5, "the PNG should show events and axis, not a blank"
    svg = view.export_svg(tmp_path / "timeline.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Event number 1 happened" in text
    assert "2024" in text
    with pytest.raises(OSError, match="could not write"):
        view.export_svg(tmp_path / "missing" / "x.svg")
    with pytest.raises(OSError, match="could not write PNG"):
        view.export_png(tmp_path / "missing" / "x.png")


def test_empty_source_paints_a_hint(qtbot, shown_view, tmp_path) -> None:
    view, _ = shown_view([])
    assert view.data_span() is None
    assert not view.is_aggregated()
    view.fit_all()  # nothing to fit; must not fail
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_event_id() is None
    assert "No dated events" in view.export_svg(tmp_path / "empty.svg").read_text("utf-8")


def test_article_filter_and_colour_modes(qtbot, shown_view) -> None:
    events = _few_events()
    view, _ = shown_view(events)
    view.set_article_filter([2])
    view.grab()
    assert {item.event.article_id for item in view.drawn_events()} == {2}
    view.set_article_filter(None)
    view.grab()
    assert {item.event.article_id for item in view.drawn_events()} == {1, 2, 3}
    colours = {item.colour for item in view.drawn_events()}
    assert len(colours) == 3  # one colour per article
    view.set_article_filter([])  # nothing chosen: an empty timeline, no failure
    view.grab()
    assert view.data_span() is None
    assert view.drawn_events() == []
    view.set_article_filter(None)
    view.set_color_mode("source")  # no sources known: still valid colours
    view.grab()
    with pytest.raises(ValueError, match="colour mode"):
        view.set_color_mode("mood")


def test_labels_in_a_row_never_overlap_on_screen(qtbot, shown_view) -> None:
    view, _ = shown_view(random_events(400, seed=9, days=700))
    view.grab()
    rows: dict[float, list[tuple[float, float]]] = {}
    metrics = QFontMetricsF(paint.label_font(view.font()))
    for item in view.drawn_events():
        if item.label:
            label_left = item.label_origin(view.theme, metrics.horizontalAdvance(item.label))
            left = min(item.shape_rect(view.theme).left(), label_left)
            rows.setdefault(item.row_top, []).append((left, item.right))
    assert rows
    for spans in rows.values():
        spans.sort()
        for (_, right), (left, _) in itertools.pairwise(spans):
            assert right <= left + 0.5


def test_after_a_pause_the_view_fetches_what_the_zoom_deserves(qtbot, shown_view) -> None:
    events = random_events(EVENT_THRESHOLD * 3, seed=12, days=2000)
    view, source = shown_view(events)
    view.grab()
    assert view.drawn_bars(), "zoomed out: counts"
    queries = source.queries
    for _ in range(12):  # a wheel gesture zooming in: frames never wait for a query
        view.zoom_by(1.25, 500)
        view.grab()
    during = source.queries - queries

    def events_drawn() -> bool:
        view.grab()
        return bool(view.drawn_events())

    qtbot.waitUntil(events_drawn, timeout=2000)
    assert during <= 2, f"{during} queries while zooming"


def test_a_repository_backed_view_selects_and_exports(qtbot, db_path, tmp_path) -> None:
    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView
    from timeline_app.store.repository import Repository

    from .conftest import fill_repository

    with Repository(db_path) as repo:
        fill_repository(repo, _few_events())
        stored = repo.events()
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(900, 300)
        view.show()
        qtbot.waitExposed(view)
        view.set_source(RepositoryTimelineSource(repo))
        target = stored[3]
        rect = view.event_rect(target.id)
        assert rect is not None
        with qtbot.waitSignal(view.eventSelected, timeout=1000) as blocker:
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        assert blocker.args == [target.id]
        assert "the publication date 2024-01-08" in view.tooltip_html(target)
        assert "Article" in view.tooltip_html(target)
        view.set_article_filter([target.article_id])
        view.grab()
        assert {item.event.article_id for item in view.drawn_events()} == {target.article_id}
        assert view.export_png(tmp_path / "repo.png").stat().st_size > 1000
        view.close()  # before its store closes, as the app does: no settling on a closed store


@pytest.mark.parametrize(
    "label",
    ["Short", "x" * 300, "Ministers met\n in   Brussels\t" * 9, "Ünïcode — “quotes” 東京 " * 5],
)
def test_label_widths_match_the_font_and_long_labels_are_elided(qtbot, label: str) -> None:
    from timeline_app.gui.timeline.view import TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    text, width = view._measure(make_event(1, datetime(2024, 1, 1), label=label))
    metrics = QFontMetricsF(paint.label_font(view.font()))
    assert width == pytest.approx(metrics.horizontalAdvance(text), abs=2.0)
    assert width <= view.theme.max_label_px
    assert "\n" not in text  # whitespace runs collapse to single spaces
    assert "\t" not in text
    assert "  " not in text
    if metrics.horizontalAdvance(label) > view.theme.max_label_px:
        assert text.endswith("…")


actions = st.lists(
    st.one_of(
        st.tuples(st.just("zoom"), st.floats(min_value=0.05, max_value=20), st.integers(0, 999)),
        st.tuples(st.just("pan"), st.floats(min_value=-5000, max_value=5000), st.just(0)),
        st.tuples(st.just("key"), st.sampled_from(list(range(6))), st.just(0)),
        st.tuples(st.just("resize"), st.integers(320, 1600), st.integers(160, 700)),
        st.tuples(st.just("settle"), st.just(0), st.just(0)),
    ),
    max_size=25,
)
KEYS = [
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Minus,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=actions)
def test_any_sequence_of_gestures_keeps_the_view_valid(qtbot, dense_view, steps) -> None:
    view = dense_view
    for kind, a, b in steps:
        if kind == "zoom":
            view.zoom_by(a, b)
        elif kind == "pan":
            view.pan_by_pixels(a)
        elif kind == "key":
            qtbot.keyClick(view, KEYS[a])
        elif kind == "resize":
            view.resize(a, b)
        else:
            view.settle()
        view.grab()
        viewport = view.viewport()
        assert MIN_SPAN_S - 1e-3 <= viewport.span <= MAX_SPAN_S
        rows: dict[float, list[tuple[float, float]]] = {}
        metrics = QFontMetricsF(paint.label_font(view.font()))
        for item in view.drawn_events():
            if item.label and item.event.id != view.selected_event_id():
                width = metrics.horizontalAdvance(item.label)
                left = min(item.x0, item.label_origin(view.theme, width))  # labels before too
                rows.setdefault(item.row_top, []).append((left, item.right))
        for spans in rows.values():
            spans.sort()
            for (_, right), (left, _) in itertools.pairwise(spans):
                assert right <= left  # the layout keeps a gap before the next shape


@pytest.fixture(scope="module")
def dense_view():
    from timeline_app.gui.timeline.source import InMemoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView

    view = TimelineView()
    view.resize(1000, 400)
    view.show()
    view.set_source(InMemoryTimelineSource(random_events(EVENT_THRESHOLD * 3, seed=21, days=900)))
    yield view
    view.close()


def test_a_legend_names_the_colours_when_few_articles_are_shown(qtbot, tmp_path) -> None:
    from timeline_app.gui.timeline.render import LEGEND_MAX
    from timeline_app.gui.timeline.source import ArticleLabel, InMemoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView

    labels = {i: ArticleLabel(f"Story about topic {i}", f"Outlet {i % 2}") for i in range(1, 20)}

    def svg_text(article_count: int, mode: str) -> str:
        events = [
            make_event(
                i, datetime(2024, 1, 1) + timedelta(days=3 * i), article_id=i % article_count + 1
            )
            for i in range(1, 21)
        ]
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1400, 400)
        view.set_source(InMemoryTimelineSource(events, labels=labels))
        view.set_color_mode(mode)
        return view.export_svg(tmp_path / f"{article_count}{mode}.svg").read_text("utf-8")

    few = svg_text(2, "article")
    assert "Story about topic 1" in few
    assert "Story about topic 2" in few
    assert "Outlet 0" in svg_text(3, "source")
    many = svg_text(LEGEND_MAX + 3, "article")
    assert "Story about topic" not in many  # too many to name: hover tells instead
