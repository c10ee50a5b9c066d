"""Labels of events at the end of the library go before their shapes; fit all leaves margins."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetricsF

from timeline_app.events.model import EventKind
from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.time_scale import to_seconds
from timeline_app.temporal.timex import Precision

from .conftest import make_event

LONG_LABEL = "The minister said on the day that talks would resume next spring"


def _cluster_at_the_end() -> list:
    """Like a news article: a few events years back, then a busy last week."""
    end = datetime(2024, 1, 8)
    events = [
        make_event(1, datetime(2014, 6, 1), Precision.YEAR, label=LONG_LABEL),
        make_event(2, datetime(2017, 10, 1), Precision.MONTH, label=LONG_LABEL),
        make_event(
            3, datetime(2014, 1, 1), kind=EventKind.ONGOING, end=end, label="Since 2014 " * 4
        ),
    ]
    for day in range(6):
        events.append(make_event(10 + day, end - timedelta(days=6 - day), label=LONG_LABEL))
    return events


def _label_span(view, item) -> tuple[float, float]:
    metrics = QFontMetricsF(paint.label_font(view.font()))
    width = metrics.horizontalAdvance(item.label)
    left = item.label_origin(view.theme, width)
    return left, left + width


@pytest.mark.parametrize("width", [560, 1000])
def test_every_event_at_fit_all_has_a_readable_label(qtbot, shown_view, width: int) -> None:
    view, _ = shown_view(_cluster_at_the_end(), width=width)
    view.fit_all()
    view.grab()
    drawn = view.drawn_events()
    assert len(drawn) == len(_cluster_at_the_end())
    for item in drawn:
        assert item.label, f"event {item.event.id} drawn without a label"
        left, right = _label_span(view, item)
        # Painting elides a label running off the right edge; it must keep most of it.
        visible = min(right, view.width() - 4) - max(left, 0)
        assert visible >= paint.MIN_ELIDED_PX, f"label of {item.event.id} barely shows"
    before = [item for item in drawn if item.label_before]
    assert before, "the last week's labels need the room before their dots"
    for item in before:
        assert _label_span(view, item)[1] <= item.shape_rect(view.theme).left()


def test_labels_with_room_after_their_shape_stay_after_it(qtbot, shown_view) -> None:
    base = datetime(2024, 1, 1)
    events = [make_event(i, base + timedelta(days=30 * i), label="Short") for i in range(1, 6)]
    view, _ = shown_view(events)
    view.fit_all()
    view.grab()
    drawn = view.drawn_events()
    assert drawn
    assert all(item.label and not item.label_before for item in drawn)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    days=st.integers(min_value=0, max_value=20000),
    width=st.integers(min_value=300, max_value=1600),
)
def test_fit_all_leaves_a_margin_on_both_sides(qtbot, shown_view, days: int, width: int) -> None:
    first = datetime(2000, 1, 1)
    last = first + timedelta(days=days)
    view, _ = shown_view([make_event(1, first), make_event(2, last)], width=width)
    view.fit_all()
    port = view.viewport()
    x_first = port.x_of(to_seconds(first), view.width())
    x_last = port.x_of(to_seconds(last + timedelta(days=1)), view.width())
    assert x_first >= 0.05 * view.width() - 0.5
    assert x_first >= 47.5
    assert view.width() - x_last >= 47.5


def test_clicking_a_label_before_its_dot_selects_that_event(qtbot, shown_view) -> None:
    view, _ = shown_view(_cluster_at_the_end())
    view.fit_all()
    view.grab()
    item = next(item for item in view.drawn_events() if item.label_before)
    left, right = _label_span(view, item)
    click = QPoint(round((left + right) / 2), round(item.centre_y))
    with qtbot.waitSignal(view.eventSelected, timeout=1000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=click)
    assert blocker.args == [item.event.id]


def test_a_selected_event_without_a_row_near_the_right_edge_is_labelled_before(
    qtbot, shown_view
) -> None:
    end = datetime(2024, 1, 8)
    events = [make_event(1, datetime(2020, 1, 1), label=LONG_LABEL)]
    events += [make_event(10 + i, end, label=f"{LONG_LABEL} {i}") for i in range(40)]
    view, _ = shown_view(events)
    view.fit_everything()  # the lone 2020 event is an outlier the default view leaves out
    view.grab()
    in_rows = {item.event.id for item in view.drawn_events()}
    crowded = next(e for e in events if e.id not in in_rows)  # more events than rows
    view.select_event(crowded.id)
    view.grab()
    item = next(item for item in view.drawn_events() if item.event.id == crowded.id)
    assert item.label_before
    left, right = _label_span(view, item)
    assert left >= 0
    assert right <= item.shape_rect(view.theme).left()


def _assert_no_overlaps(view) -> None:
    rows: dict[float, list[tuple[float, float]]] = {}
    for item in view.drawn_events():
        left = item.shape_rect(view.theme).left()
        if item.label:
            left = min(left, _label_span(view, item)[0])
        rows.setdefault(item.row_top, []).append((left, item.right))
    for spans in rows.values():
        spans.sort()
        for (_, right), (left, _) in itertools.pairwise(spans):
            assert right <= left + 0.5


def test_a_label_panned_against_the_right_edge_turns_round(qtbot, shown_view) -> None:
    base = datetime(2024, 1, 1)
    events = [
        make_event(i + 1, base + timedelta(days=100 * i), label="Talks resumed") for i in range(3)
    ]
    view, _ = shown_view(events)
    view.fit_all()
    view.grab()
    middle = next(item for item in view.drawn_events() if item.event.id == 2)
    assert not middle.label_before
    label_width = middle.right - middle.label_x
    layout = view._scene._layout
    # Pan until the middle dot's label, after it, would be cut in half by the edge.
    view.pan_by_pixels(middle.x0 - (view.width() - 4 - label_width / 2 - 10))
    view.grab()
    assert view._scene._layout is layout  # same rows: the label turns round per frame
    middle = next(item for item in view.drawn_events() if item.event.id == 2)
    assert middle.label_before
    left, right = _label_span(view, middle)
    assert left >= 0
    assert right <= middle.shape_rect(view.theme).left()
    _assert_no_overlaps(view)


def test_a_label_before_its_dot_panned_off_the_left_is_elided_not_clipped(
    qtbot, shown_view, tmp_path
) -> None:
    view, _ = shown_view(_cluster_at_the_end())
    view.fit_all()
    view.grab()
    item = next(item for item in view.drawn_events() if item.label_before)
    full = item.label
    view.pan_by_pixels(item.x0 - 150)  # the dot at x=150: its label would start off screen
    view.grab()
    item = next(drawn for drawn in view.drawn_events() if drawn.event.id == item.event.id)
    assert item.label_before
    assert _label_span(view, item)[0] < 0
    text = view.export_svg(tmp_path / "edge.svg").read_text(encoding="utf-8")
    shown = [line for line in text.splitlines() if full[:12] in line]
    assert shown, "the label should still be drawn, elided"
    assert all(full not in line for line in shown)
    assert any("…" in line for line in shown)
