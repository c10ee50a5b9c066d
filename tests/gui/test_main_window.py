"""The main window on a small hand-analysed library, driven as a user would."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from timeline_app.gui.event_models import EventTableModel
from timeline_app.gui.models import ROLE_ID, ArticleTableModel
from timeline_app.temporal.timex import Precision

from .conftest import destroy


def event_ids_in_table(window: Any) -> list[int]:
    return [event.id for event in window.event_model.all_items()]


def click_table_row(qtbot: Any, view: Any, row: int, column: int = 1) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_lists_the_library_and_its_events(window: Any) -> None:
    assert window.article_model.total_count() == 2
    assert window.event_model.total_count() == 5
    assert window.undated_model.total_count() == 1  # "three weeks"
    assert "5 events" in window.status_label.text()
    # It opens on the most important happening (tests/gui/test_first_view.py).
    top = window.key_events_view.model().event_at(0)
    assert window.reader.current_event().id == top.id


def test_clicking_an_event_row_syncs_reader_and_timeline(qtbot: Any, window: Any) -> None:
    row = next(i for i, e in enumerate(window.event_model.all_items()) if e.expression == "Tuesday")
    click_table_row(qtbot, window.event_view, row)
    event = window.event_model.row_item(row)
    assert window.current_event_id() == event.id
    assert window.timeline.selected_event_id() == event.id
    text = window.reader.shown_text()
    ((start, end),) = window.reader.highlighted_ranges()["expression"]
    assert text[start:end] == "Tuesday"
    ((start, end),) = window.reader.highlighted_ranges()["sentence"]
    assert text[start:end] == "The storm reached the coast on Tuesday, officials said."
    assert "publication date 2021-03-12 (metadata" in window.reader.explanation_text()


def test_timeline_selection_moves_the_table_and_reader(qtbot: Any, window: Any) -> None:
    target = window.event_model.all_items()[3]
    window.timeline.eventSelected.emit(target.id)
    assert window.event_view.currentIndex().data(ROLE_ID) == target.id
    assert window.reader.current_event().id == target.id


def test_left_and_right_step_through_events_in_order(qtbot: Any, window: Any) -> None:
    window.timeline.setFocus()
    ordered = event_ids_in_table(window)
    for _ in ordered:  # from the event the window opened on back to the first
        qtbot.keyClick(window.timeline, Qt.Key.Key_Left)
    assert window.current_event_id() == ordered[0]
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.current_event_id() == ordered[2]
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left)
    assert window.current_event_id() == ordered[1]
    assert window.timeline.selected_event_id() == ordered[1]


def test_enter_shows_the_source_and_focuses_the_reader(qtbot: Any, window: Any) -> None:
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Return)
    assert window.reader.current_event().id == window.current_event_id()
    assert QApplication.focusWidget() is window.reader.text_widget()


def test_ctrl_f_focuses_the_search_box(qtbot: Any, window: Any) -> None:
    window.event_view.setFocus()
    qtbot.keyClick(window.event_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box


def test_search_filters_the_library_by_full_text(qtbot: Any, window: Any) -> None:
    qtbot.keyClicks(window.search_box, "council")
    qtbot.waitUntil(lambda: window.article_model.total_count() == 1, timeout=3000)
    assert window.article_model.row_item(0).title == "Council votes on budget"
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.article_model.total_count() == 2, timeout=3000)


def test_unchecking_an_article_takes_its_events_off_everything(qtbot: Any, window: Any) -> None:
    row = window.article_model.row_of_article(
        next(a.id for a in window.article_model.all_items() if a.title.startswith("Storm"))
    )
    index = window.article_model.index(row, ArticleTableModel.TITLE)
    window.article_model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert window.event_model.total_count() == 2
    assert {e.expression for e in window.event_model.all_items()} == {
        "May 12, 2021",
        "May 14, 2021",
    }
    assert window.undated_model.total_count() == 0
    assert window.timeline.source().article_ids is not None
    assert "1 of 2 articles" in window.status_label.text()


def test_clicking_an_underlined_expression_selects_its_event(qtbot: Any, window: Any) -> None:
    first = window.event_model.all_items()[0]  # March 3, 2021, in the storm article
    window.select_event(first.id)
    article_text = window.reader.shown_text()
    april = article_text.index("April 2021")
    widget = window.reader.text_widget()
    cursor = widget.textCursor()
    cursor.setPosition(april + 2)
    qtbot.mouseClick(
        widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.cursorRect(cursor).center()
    )
    assert window.reader.current_event().expression == "April 2021"
    assert window.event_view.currentIndex().data(ROLE_ID) == window.current_event_id()


def test_export_csv_writes_the_events_shown(tmp_path: Path, window: Any, prompts: Any) -> None:
    out = tmp_path / "out.csv"
    prompts.save_paths.append(out)
    window.menu_actions.export_csv.trigger()
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == window.event_model.total_count() == 5
    joined = " ".join(" ".join(row.values()) for row in rows)
    assert "The council voted on the budget on May 12, 2021." in joined
    assert "2021-03-03" in joined


def test_correcting_an_event_date_is_undoable(qtbot: Any, window: Any, prompts: Any) -> None:
    event = next(e for e in window.event_model.all_items() if e.expression == "Tuesday")
    window.select_event(event.id)
    prompts.event_dates.append((datetime(2020, 2, 1), datetime(2020, 3, 1), Precision.MONTH))
    window.menu_actions.correct_event.trigger()
    moved = window.repo.event(event.id)
    assert (moved.start, moved.end, moved.precision) == (
        datetime(2020, 2, 1),
        datetime(2020, 3, 1),
        Precision.MONTH,
    )
    assert event_ids_in_table(window)[0] == event.id  # now the earliest
    assert window.current_event_id() == event.id
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = window.repo.event(event.id)
    assert (restored.start, restored.precision) == (event.start, event.precision)
    assert not window.repo.is_corrected(event.id)
    window.menu_actions.redo.trigger()
    assert window.repo.event(event.id).start == datetime(2020, 2, 1)


def test_hiding_an_event_removes_it_until_undone(qtbot: Any, window: Any) -> None:
    event = window.event_model.all_items()[1]
    window.select_event(event.id)
    window.menu_actions.hide_event.trigger()
    assert event.id not in event_ids_in_table(window)
    assert window.timeline.source().events_in(event.start, event.end) == [] or all(
        e.id != event.id for e in window.timeline.source().events_in(event.start, event.end)
    )
    window.menu_actions.show_hidden.trigger()
    assert event.id in event_ids_in_table(window)
    window.menu_actions.show_hidden.trigger()
    window.menu_actions.undo.trigger()
    assert event.id in event_ids_in_table(window)
    assert not window.repo.event(event.id).hidden


def test_setting_a_publication_date_is_undoable(qtbot: Any, window: Any, prompts: Any) -> None:
    tuesday = next(e for e in window.event_model.all_items() if e.expression == "Tuesday")
    window.select_event(tuesday.id)
    prompts.publication_dates.append(date(2021, 3, 19))
    window.menu_actions.set_date.trigger()
    article = window.repo.article(tuesday.article_id)
    assert article.published == date(2021, 3, 19)
    assert window.repo.event(tuesday.id).start == datetime(2021, 3, 16)
    assert window.reader.current_event().start == datetime(2021, 3, 16)
    window.menu_actions.undo.trigger()
    article = window.repo.article(tuesday.article_id)
    assert article.published == date(2021, 3, 12)
    assert article.published_source.value == "metadata"


def test_layout_and_zoom_are_remembered_in_the_given_settings(
    qtbot: Any, window: Any, settings: Any, tmp_path: Path
) -> None:
    window.main_splitter.setSizes([300, 700, 350])
    window.timeline.set_visible_range(datetime(2021, 3, 1), datetime(2021, 4, 1))
    window.close()
    assert Path(settings.file_name()).is_relative_to(tmp_path)
    db = window.repo.path
    assert settings.visible_range(db) == (datetime(2021, 3, 1), datetime(2021, 4, 1))
    assert settings.visible_range(tmp_path / "other.db") is None
    assert settings.layout_state("mainSplitter") is not None
    assert settings.last_database() == Path(window.repo.path).resolve()


def test_dropping_files_starts_an_import(qtbot: Any, window: Any, tmp_path: Path) -> None:
    article = tmp_path / "dropped.txt"
    article.write_text(
        "Title: Dropped article\nDate: 2022-06-01\n\nThe bridge opened on May 30, 2022.\n",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)  # through Qt's dispatch, as a real drag
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        QApplication.sendEvent(window, drop)
    titles = [a.title for a in window.article_model.all_items()]
    assert "Dropped article" in titles
    assert window.failures_dialog is None


def test_table_sorting_does_not_lose_the_selection(qtbot: Any, window: Any) -> None:
    target = window.event_model.all_items()[2]
    window.select_event(target.id)
    window.event_view.sortByColumn(EventTableModel.LABEL, Qt.SortOrder.AscendingOrder)
    window.select_event(target.id)
    assert window.event_view.currentIndex().data(ROLE_ID) == target.id


def test_a_reopened_window_restores_zoom_and_selection(
    qtbot: Any, window: Any, small_library: Any, settings: Any, prompts: Any
) -> None:
    from timeline_app.gui.app import create_main_window

    target = window.event_model.all_items()[2]
    window.select_event(target.id)
    window.timeline.set_visible_range(datetime(2021, 2, 1), datetime(2021, 6, 1))
    window.close()

    again = create_main_window(small_library, settings=settings, prompts=prompts, seed=False)
    try:
        again.show()
        assert again.current_event_id() == target.id
        assert again.reader.current_event().id == target.id
        start, end = again.timeline.visible_range()
        assert abs((start - datetime(2021, 2, 1)).total_seconds()) < 60
        assert abs((end - datetime(2021, 6, 1)).total_seconds()) < 60
    finally:
        destroy(again)


def test_an_undated_item_is_shown_and_explained(qtbot: Any, window: Any) -> None:
    window.lists_tabs.setCurrentWidget(window.undated_view)
    index = window.undated_model.index(0, 0)
    window.undated_view.activated.emit(index)
    text = window.reader.shown_text()
    ((start, end),) = window.reader.highlighted_ranges()["expression"]
    assert text[start:end] == "three weeks"
    assert "Not on the timeline: a length of time" in window.reader.explanation_text()
    assert window.current_event_id() is None
    assert not window.menu_actions.correct_event.isEnabled()


def test_enter_in_the_search_box_searches_at_once(qtbot: Any, window: Any) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_box, "storm")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.article_model.total_count() == 1
    assert window.reader.current_event() is None
    assert QApplication.focusWidget() is window.article_view


def test_a_failed_correction_changes_nothing_and_is_reported(
    qtbot: Any, window: Any, prompts: Any, monkeypatch: Any
) -> None:
    from timeline_app import commands

    tuesday = next(e for e in window.event_model.all_items() if e.expression == "Tuesday")
    window.select_event(tuesday.id)

    def broken_analyse(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("rules could not be loaded")

    monkeypatch.setattr(commands, "analyse", broken_analyse)
    prompts.publication_dates.append(date(2021, 3, 19))
    window.menu_actions.set_date.trigger()
    assert window.repo.article(tuesday.article_id).published == date(2021, 3, 12)
    assert window.repo.article(tuesday.article_id).published_source.value == "metadata"
    assert window.undo_stack.count() == 0
    ((_title, message),) = prompts.errors
    assert "rules could not be loaded" in message


def test_the_shortcuts_list_names_the_issues_keys(window: Any) -> None:
    window.menu_actions.shortcuts.trigger()
    dialog = window.shortcuts_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isModal()
    keys = dict(dialog.rows())
    assert keys["Previous Event"] == "Left"
    assert keys["Next Event"] == "Right"
    assert keys["Import Files"] == "Ctrl+O"
    assert keys["Export CSV"] == "Ctrl+E"
    assert keys["Find Articles"] == "Ctrl+F"
    assert keys["Undo"].startswith("Ctrl+Z")
    assert "Return" in keys["Show Source"]
    assert "Shift+Wheel" in keys["Timeline: Scroll the Rows of Events"]


def test_right_click_on_an_event_offers_its_actions(qtbot: Any, window: Any) -> None:
    rect = window.event_view.visualRect(window.event_model.index(1, 1))
    window.event_view.customContextMenuRequested.emit(rect.center())
    menu = window.context_menu
    assert menu is not None
    texts = [action.text().replace("&", "") for action in menu.actions()]
    assert texts == ["Show Source", "Correct Event Date…", "Hide Event"]
    assert window.current_event_id() == window.event_model.row_item(1).id
    menu.close()


def test_colour_mode_reaches_the_canvas(window: Any) -> None:
    window.menu_actions.colour_by_source.trigger()
    assert window.timeline._color_mode == "source"
    assert not window.menu_actions.colour_by_article.isChecked()


def test_dragging_a_web_link_is_refused(window: Any) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.invalid/article.html")])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.importer.is_running()


def test_a_large_library_fills_the_events_table_in_the_background(
    qtbot: Any, small_library: Any, settings: Any, prompts: Any, monkeypatch: Any
) -> None:
    from timeline_app.gui import window_loading
    from timeline_app.gui.app import create_main_window

    monkeypatch.setattr(window_loading, "ASYNC_EVENT_THRESHOLD", 0)
    window = create_main_window(small_library, settings=settings, prompts=prompts, seed=False)
    try:
        assert window.event_model.loading
        assert "loading events" in window.status_label.text()
        qtbot.waitUntil(lambda: not window.event_model.loading, timeout=10000)
        assert window.event_model.total_count() == 5
        assert "5 events" in window.status_label.text()
        ordered = event_ids_in_table(window)
        opened = window.key_events_view.model().event_at(0).id
        assert window.current_event_id() == opened  # kept once the table arrived
        window.step_event(-1)
        assert window.current_event_id() == ordered[max(0, ordered.index(opened) - 1)]
    finally:
        destroy(window)


def test_a_hidden_event_can_be_shown_again_from_the_list(qtbot: Any, window: Any) -> None:
    event = window.event_model.all_items()[0]
    window.select_event(event.id)
    window.menu_actions.hide_event.trigger()
    window.menu_actions.show_hidden.trigger()  # hidden events listed, struck through
    window.select_event(event.id)
    row = window.event_model.row_of_event(event.id)
    assert window.event_model.index(row, 1).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert window.menu_actions.hide_event.text() == "Un&hide Event"
    window.menu_actions.hide_event.trigger()
    assert not window.repo.event(event.id).hidden
    assert window.menu_actions.hide_event.text() == "&Hide Event"
    assert window.undo_stack.count() == 2


def test_tab_walks_the_panes_in_reading_order(qtbot: Any, window: Any) -> None:
    window.search_box.setFocus()
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [window.article_view, window.timeline, window.event_view]


def test_show_only_this_article_then_all_again(qtbot: Any, window: Any) -> None:
    council = next(a for a in window.article_model.all_items() if a.title.startswith("Council"))
    window.article_view.setCurrentIndex(
        window.article_model.index(window.article_model.row_of_article(council.id), 0)
    )
    window.menu_actions.only_this_article.trigger()
    assert {e.article_id for e in window.event_model.all_items()} == {council.id}
    assert window.article_model.included_ids() == {council.id}
    window.menu_actions.all_articles.trigger()
    assert window.event_model.total_count() == 5
    assert window.article_model.included_ids() is None


def test_the_window_opens_with_the_timeline_focused(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    assert QApplication.focusWidget() is window.timeline
    ordered = event_ids_in_table(window)
    opened = ordered.index(window.current_event_id())  # the top key event
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left)  # the event before it in time
    assert window.current_event_id() == ordered[max(0, opened - 1)]


def test_a_failed_export_leaves_the_old_file_and_says_why(
    tmp_path: Path, window: Any, prompts: Any, monkeypatch: Any
) -> None:
    from timeline_app.export import writers

    out = tmp_path / "timeline.csv"
    out.write_text("my earlier export\n", encoding="utf-8")

    def broken_write(rows: Any, stream: Any, bom: bool = False) -> None:
        stream.write("half a row")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers, "write_csv", broken_write)
    monkeypatch.setattr("timeline_app.export.write_csv", broken_write)
    prompts.save_paths.append(out)
    window.menu_actions.export_csv.trigger()
    assert out.read_text(encoding="utf-8") == "my earlier export\n"
    ((_title, message),) = prompts.errors
    assert "No space left on device" in message


def test_arrows_on_the_timeline_follow_time_even_when_the_table_is_sorted_otherwise(
    qtbot: Any, window: Any
) -> None:
    window.event_view.sortByColumn(EventTableModel.LABEL, Qt.SortOrder.AscendingOrder)
    by_time = sorted(window.event_model.all_items(), key=lambda e: (e.start, e.id))
    window.select_event(by_time[1].id)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.current_event_id() == by_time[2].id
    table_order = [e.id for e in window.event_model.all_items()]
    assert table_order != [e.id for e in by_time]  # the two orders really differ
    window.select_event(table_order[0])
    window.event_view.setFocus()
    qtbot.keyClick(window.event_view, Qt.Key.Key_Right)
    assert window.current_event_id() == table_order[1]


def test_double_clicking_a_publication_date_changes_it(
    qtbot: Any, window: Any, prompts: Any
) -> None:
    council = next(a for a in window.article_model.all_items() if a.title.startswith("Council"))
    row = window.article_model.row_of_article(council.id)
    index = window.article_model.index(row, ArticleTableModel.PUBLISHED)
    rect = window.article_view.visualRect(index)
    prompts.publication_dates.append(date(2021, 5, 20))
    qtbot.mouseClick(window.article_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.article_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "publication_date" in prompts.asked
    assert window.repo.article(council.id).published == date(2021, 5, 20)
    shown = window.article_model.index(row, ArticleTableModel.PUBLISHED).data()
    assert shown == "2021-05-20"  # the user's date: no longer marked as inferred


def test_ctrl_e_exports_and_ctrl_o_asks_for_files(
    qtbot: Any, window: Any, prompts: Any, tmp_path: Path
) -> None:
    out = tmp_path / "keys.csv"
    prompts.save_paths.append(out)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.is_file()
    qtbot.keyClick(window.timeline, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert prompts.asked[-1] == "import_files"


def test_the_reader_names_other_articles_reporting_the_same_happening(
    qtbot: Any, window: Any
) -> None:
    storm = next(e for e in window.event_model.all_items() if e.expression == "April 2021")
    vote = next(e for e in window.event_model.all_items() if e.expression == "May 12, 2021")
    window.repo.set_groups({storm.id: storm.id, vote.id: storm.id})  # as if the same story
    window.reload_all()
    window.select_event(vote.id)
    # Named by title and outlet (issue 13), never by file path.
    assert (
        "Also reported in: “Storm reaches the coast (Test Wire)”"
        in window.reader.explanation_text()
    )
    other = next(e for e in window.event_model.all_items() if e.expression == "May 14, 2021")
    window.select_event(other.id)
    assert "Also reported in" not in window.reader.explanation_text()


def test_also_reported_line_names_three_and_counts_the_rest() -> None:
    from timeline_app.gui.reader import also_reported_line

    assert also_reported_line(["A", "B", "A"]) == "Also reported in: “A”; “B”"
    assert also_reported_line(list("ABCDE")) == "Also reported in: “A”; “B”; “C” and 2 more"


def test_undoing_a_first_publication_date_leaves_the_article_undated_again(
    qtbot: Any, window: Any, prompts: Any
) -> None:
    from timeline_app import commands
    from timeline_app.articles import ParsedArticle

    article, _ = window.repo.add_article(
        ParsedArticle(text="Untitled note\n\nThe shop opened on Friday.\n", title="Note")
    )
    timexes, events = commands.analyse(article.text, None)
    window.repo.replace_analysis(article.id, timexes, events)
    window.reload_all()
    assert window.repo.article(article.id).published is None
    window.article_view.setCurrentIndex(
        window.article_model.index(window.article_model.row_of_article(article.id), 0)
    )
    prompts.publication_dates.append(date(2024, 3, 11))
    window.menu_actions.set_date.trigger()
    friday = [e for e in window.repo.events(article_ids=[article.id]) if e.expression == "Friday"]
    assert [e.start for e in friday] == [datetime(2024, 3, 8)]
    window.menu_actions.undo.trigger()
    assert window.repo.article(article.id).published is None
    assert window.repo.events(article_ids=[article.id]) == []
