"""The window tells the story: a generated library where one happening is reported by
12 articles among 500 minor events, imported through the real pipeline (tagger,
grouping, importance) and driven as a user would."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from timeline_app.gui.timeline.time_scale import to_seconds

from .conftest import copy_library, destroy, import_generated_library

OUTLETS = [f"Outlet {letter}" for letter in "ABCDEFGHIJKL"]
WORDS = ["orchard", "violin", "glacier", "lantern", "meadow", "copper", "falcon", "harvest"]
KEY_WORDS = "harbour bridge"


def write_library_source(path: Path) -> None:
    """12 reports of one council decision (one outlet each) and 500 lone local notes."""
    lines = [
        {
            "title": f"Harbour bridge approved ({outlet})",
            "source": outlet,
            "published": "2011-03-18",
            "text": f"Report {number}.\n\nThe city council approved the harbour bridge plan"
            " on March 17, 2011, after a long debate, officials said.",
        }
        for number, outlet in enumerate(OUTLETS)
    ]
    rng = random.Random(7)
    for number in range(500):
        day = date(2010, 1, 1) + timedelta(days=rng.randrange(900))
        first, second, third = rng.sample(WORDS, 3)
        lines.append(
            {
                "title": f"Note {number}",
                "source": "Local Gazette",
                "published": (day + timedelta(days=1)).isoformat(),
                "text": f"Note {number}.\n\nA {first} fair with {second} and {third} stalls"
                f" number {number} opened on {day:%B} {day.day}, {day.year}.",
            }
        )
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


@pytest.fixture(scope="module")
def story_library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The library imported once for the module (each test opens its own copy)."""
    folder = tmp_path_factory.mktemp("story")
    report = import_generated_library(folder, write_library_source, "story.db")
    assert len(report.imported) == 512
    return folder / "story.db"


@pytest.fixture
def story_window(
    qtbot: Any, story_library_file: Path, tmp_path: Path, settings: Any, prompts: Any
) -> Iterator[Any]:
    from timeline_app.gui.app import create_main_window
    from timeline_app.store.repository import Repository

    repo = Repository(copy_library(story_library_file, tmp_path / "story.db"))
    window = create_main_window(repo, settings=settings, prompts=prompts, seed=False)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        destroy(window)
        repo.close()


def painted(window: Any) -> Any:
    """The canvas after it has settled and painted what the user now sees."""
    timeline = window.timeline
    timeline.settle()
    timeline.repaint()
    return timeline


def key_happening_events(window: Any) -> list[Any]:
    return [e for e in window.repo.events() if KEY_WORDS in e.headline.casefold()]


def test_the_key_happening_is_reported_twelve_times(story_window: Any) -> None:
    events = key_happening_events(story_window)
    assert len({e.article_id for e in events}) == 12
    assert {e.reports for e in events} == {12}
    assert len(story_window.repo.events()) >= 512


def test_the_default_view_labels_the_key_happening(story_window: Any) -> None:
    timeline = painted(story_window)
    assert timeline.is_aggregated()  # 500 minor events: counts beneath ...
    timeline.repaint()
    labelled = [item for item in timeline.drawn_events() if item.label]
    # ... and above them the most important happening, labelled by its headline.
    assert labelled, "no happening labelled in the default view"
    assert labelled[0].event.reports == 12
    assert labelled[0].label.startswith("The city council approved the harbour")
    assert sum(bar.count for bar in timeline.drawn_bars()) >= 500
    # Labels never overlap within a row.
    by_row: dict[float, list[tuple[float, float]]] = {}
    for item in labelled:
        left = min(item.label_x, item.x0 - 6)
        by_row.setdefault(item.row_top, []).append((left, item.right))
    for spans in by_row.values():
        spans.sort()
        for (_, right), (left, _) in itertools.pairwise(spans):
            assert right <= left + 0.5


def test_zooming_in_labels_more_of_what_stays_in_view(story_window: Any) -> None:
    timeline = painted(story_window)
    start, end = timeline.visible_range()
    middle = datetime(2011, 3, 17, 12)
    narrower = (middle - (end - start) / 6, middle + (end - start) / 6)

    def in_narrower(item: Any) -> bool:
        return narrower[0] <= item.event.start and item.event.end <= narrower[1]

    before = {item.event.id for item in timeline.drawn_events() if item.label and in_narrower(item)}
    timeline.set_visible_range(*narrower)
    painted(story_window)
    after = {item.event.id for item in timeline.drawn_events() if item.label}
    key = {e.id for e in key_happening_events(story_window)}
    assert before & key
    assert after & key
    assert len(after) > len(before)


def test_ctrl_f_filters_the_timeline_and_the_table(qtbot: Any, story_window: Any) -> None:
    window = story_window
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, KEY_WORDS)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.timeline.search() == KEY_WORDS, timeout=5000)
    table = window.event_model.all_items()
    assert len(table) == 12
    assert all(KEY_WORDS in e.label.casefold() or KEY_WORDS in e.headline.casefold() for e in table)
    timeline = painted(window)
    assert timeline.global_density().total == 12
    assert "harbour bridge" in window.story_filter.status.text()
    assert window.key_events_view.model().rowCount() == 1
    window.search_box.clear()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.timeline.search() is None, timeout=5000)
    assert window.event_model.total_count() >= 512
    assert window.story_filter.status.text() == ""


def test_clicking_a_count_bar_frames_exactly_its_events(qtbot: Any, story_window: Any) -> None:
    timeline = painted(story_window)
    assert timeline.is_aggregated()
    timeline.repaint()
    bars = [bar for bar in timeline.drawn_bars() if bar.count >= 2]
    bar = max(bars, key=lambda bar: bar.count)
    viewport = timeline.viewport()
    x = (viewport.x_of(bar.start, timeline.width()) + viewport.x_of(bar.end, timeline.width())) / 2
    y = timeline.height() - timeline.theme.axis_height - 1  # the foot of the bar
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    start, end = timeline.visible_range()
    assert to_seconds(start) == pytest.approx(bar.start, abs=1)
    assert to_seconds(end) == pytest.approx(bar.end, abs=1)
    # The events drawn in view now (each at its middle) are exactly those it counted.
    in_view = [
        e
        for e in story_window.repo.events(start=start, end=end)
        if start <= e.start + (e.end - e.start) / 2 < end
    ]
    assert len(in_view) == bar.count


def test_the_key_events_list_puts_the_happening_first(qtbot: Any, story_window: Any) -> None:
    window = story_window
    view = window.key_events_view
    model = view.model()
    first = model.event_at(0)
    assert first is not None
    assert first.reports == 12
    assert model.data(model.index(0, model.REPORTS)) == 12
    assert model.data(model.index(0, model.HEADLINE)).startswith("The city council approved")
    rect = view.visualRect(model.index(0, model.HEADLINE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_event_id() == first.id
    assert window.timeline.selected_event_id() == first.id
    start, end = window.timeline.visible_range()
    assert start <= first.start
    assert first.end <= end
    assert window.reader.article() is not None
    assert window.reader.article().id == first.article_id


def test_a_date_range_filters_the_table_and_frames_the_timeline(story_window: Any) -> None:
    window = story_window
    window.story_bar.set_range("2011-03", "2011-03")
    start, end = datetime(2011, 3, 1), datetime(2011, 4, 1)
    assert window.timeline.visible_range() == (start, end)
    table = window.event_model.all_items()
    assert table
    assert all(e.start < end and e.end > start for e in table)
    assert len(table) < 100
    assert "from 2011-03-01 to 2011-04-01" in window.story_filter.status.text()
    window.story_bar.clear_range()
    assert window.event_model.total_count() >= 512


def test_go_to_date_frames_the_day(qtbot: Any, story_window: Any) -> None:
    window = story_window
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.story_bar.goto_edit.hasFocus()
    qtbot.keyClicks(window.story_bar.goto_edit, "17 March 2011")
    qtbot.keyClick(window.story_bar.goto_edit, Qt.Key.Key_Return)
    start, end = window.timeline.visible_range()
    assert start < datetime(2011, 3, 17)
    assert datetime(2011, 3, 18) < end
    assert end - start < timedelta(days=2)


def test_hiding_the_top_key_event_refreshes_the_key_events(qtbot: Any, story_window: Any) -> None:
    window = story_window
    view = window.key_events_view
    model = view.model()
    first = model.event_at(0)
    assert first is not None
    assert first.reports == 12
    rect = view.visualRect(model.index(0, model.HEADLINE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_event_id() == first.id
    window.menu_actions.hide_event.trigger()  # Edit › Hide Event (Delete)
    # The hidden report leaves the list; the happening, now told by 11 articles, is
    # re-assessed at once (not at the next import): its count and importance drop.
    assert first.id not in model.event_ids()
    now = model.event_at(0)
    assert now is not None
    assert now.reports == 11
    assert model.data(model.index(0, model.REPORTS)) == 11
    assert now.importance < first.importance
    assert {e.reports for e in key_happening_events(window)} == {11}
    window.undo_stack.undo()
    assert model.event_at(0).reports == 12
    assert first.id in model.event_ids()


def test_hiding_reports_moves_the_next_happening_up(story_window: Any) -> None:
    window = story_window
    model = window.key_events_view.model()
    runner_up = model.event_at(1)
    assert runner_up is not None
    assert runner_up.reports < 12
    reports = key_happening_events(window)
    hidden = 0
    for event in reports:  # the user hides the key happening's reports one by one
        window.select_event(event.id)
        window.menu_actions.hide_event.trigger()
        hidden += 1
        if KEY_WORDS not in model.event_at(0).headline.casefold():
            break
    # Once fewer articles tell it than tell the runner-up, the runner-up leads, while
    # the happening is still in the list, lower down.
    assert hidden < len(reports)
    top = model.event_at(0)
    assert (top.headline, top.reports) == (runner_up.headline, runner_up.reports)
    rest = [model.event_at(row) for row in range(1, model.rowCount())]
    assert any(KEY_WORDS in e.headline.casefold() for e in rest)


def test_re_dating_a_report_takes_it_out_of_its_happening(story_window: Any) -> None:
    from timeline_app.temporal.timex import Precision

    window = story_window
    moved, *others = key_happening_events(window)
    day = datetime(2011, 6, 2)
    window.correct_event_date(moved.id, day, day + timedelta(days=1), Precision.DAY)
    now = window.repo.event(moved.id)
    assert now.start == day
    assert now.reports == 1  # no other article tells of 2 June: a happening of its own
    assert {window.repo.event(e.id).reports for e in others} == {11}
    assert window.key_events_view.model().event_at(0).reports == 11
    window.undo_stack.undo()
    assert {e.reports for e in key_happening_events(window)} == {12}
