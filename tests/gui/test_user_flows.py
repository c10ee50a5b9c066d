"""End to end: the real pipeline (seed, tagger, store) behind the real window.

These are the issue's acceptance flows: open on a fresh database (the seed is
imported), click the 2024-01-04 event on the timeline, import a folder with a
bad file, export, set a publication date and undo it.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from timeline_app.gui.models import ROLE_ID


def event_on(window: Any, day: date) -> Any:
    matches = [
        e for e in window.event_model.all_items() if e.start == datetime(*day.timetuple()[:3])
    ]
    assert matches, (
        f"no event on {day} in {[(e.start, e.expression) for e in window.event_model.all_items()]}"
    )
    return matches[0]


def click_on_timeline(qtbot: Any, window: Any, event_id: int) -> None:
    """Click where the canvas itself says it drew the event."""
    timeline = window.timeline
    timeline.select_event(event_id)  # bring it into view, as scrolling there would
    timeline.select_event(None)
    qtbot.waitUntil(lambda: timeline.event_rect(event_id) is not None, timeout=3000)
    rect = timeline.event_rect(event_id)
    point = rect.center().toPoint()
    point.setX(int(rect.left()) + 4)  # on the marker, not past the label's end
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=point)


def test_first_launch_imports_the_seed_and_shows_a_timeline(seeded_window: Any) -> None:
    assert seeded_window.repo.article_count() == 1
    article = seeded_window.article_model.row_item(0)
    assert article.published == date(2024, 1, 8)
    assert seeded_window.event_model.total_count() >= 5
    assert seeded_window.timeline.data_span() is not None


def test_clicking_the_drone_strike_event_shows_its_passage(qtbot: Any, seeded_window: Any) -> None:
    strike = event_on(seeded_window, date(2024, 1, 4))
    click_on_timeline(qtbot, seeded_window, strike.id)
    assert seeded_window.current_event_id() == strike.id
    reader = seeded_window.reader
    text = reader.shown_text()
    ranges = reader.highlighted_ranges()
    ((sentence_start, sentence_end),) = ranges["sentence"]
    assert (
        "A U.S. drone strike Thursday killed a military commander"
        in text[sentence_start:sentence_end]
    )
    ((start, end),) = ranges["expression"]
    assert text[start:end] == "Thursday"
    assert "2024-01-04" in reader.explanation_text()
    assert "publication date 2024-01-08 (inferred" in reader.explanation_text()
    assert seeded_window.event_view.currentIndex().data(ROLE_ID) == strike.id
    # The expression is scrolled into view in the reader.
    widget = reader.text_widget()
    cursor = widget.textCursor()
    cursor.setPosition(start)
    assert widget.viewport().rect().contains(widget.cursorRect(cursor).center())


def test_importing_a_folder_lists_the_bad_file_and_keeps_the_rest(
    qtbot: Any, seeded_window: Any, prompts: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "bridge.txt").write_text(
        "Title: Bridge opens\nDate: 2022-06-01\n\nThe bridge opened on May 30, 2022.\n",
        encoding="utf-8",
    )
    (folder / "school.md").write_text(
        "# School reopens\n\nPublished: 2022-09-05\n\nThe school reopened on Monday.\n",
        encoding="utf-8",
    )
    (folder / "broken.json").write_text('{"title": "cut off", "text": ', encoding="utf-8")
    prompts.folders.append(folder)
    with qtbot.waitSignal(seeded_window.importer.finished, timeout=30000):
        seeded_window.menu_actions.import_folder.trigger()

    dialog = seeded_window.failures_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isModal()
    ((name, problem),) = dialog.listed_rows()
    assert name == "broken.json"
    assert problem
    assert seeded_window.repo.article_count() == 3
    assert "3 articles" in seeded_window.status_label.text()


def test_export_csv_reads_back_the_timeline(
    seeded_window: Any, prompts: Any, tmp_path: Path
) -> None:
    out = tmp_path / "timeline.csv"
    prompts.save_paths.append(out)
    seeded_window.menu_actions.export_csv.trigger()
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == seeded_window.event_model.total_count()
    assert any("drone strike" in " ".join(row.values()) for row in rows)


def test_setting_the_publication_date_moves_events_and_undo_restores(
    seeded_window: Any, prompts: Any
) -> None:
    strike = event_on(seeded_window, date(2024, 1, 4))
    seeded_window.select_event(strike.id)
    prompts.publication_dates.append(date(2024, 1, 15))
    seeded_window.menu_actions.set_date.trigger()

    moved = seeded_window.repo.event(strike.id)
    assert moved.start == datetime(2024, 1, 11)  # the Thursday before the new date
    shown = {e.id: e.start for e in seeded_window.event_model.all_items()}
    assert shown[strike.id] == datetime(2024, 1, 11)
    assert seeded_window.reader.current_event().start == datetime(2024, 1, 11)

    seeded_window.menu_actions.undo.trigger()
    article = seeded_window.repo.article(strike.article_id)
    assert article.published == date(2024, 1, 8)
    assert article.published_source.value == "inferred"
    assert seeded_window.repo.event(strike.id).start == datetime(2024, 1, 4)


def test_timeline_image_exports(seeded_window: Any, prompts: Any, tmp_path: Path) -> None:
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    prompts.save_paths.extend([png, svg])
    seeded_window.menu_actions.export_png.trigger()
    seeded_window.menu_actions.export_svg.trigger()
    assert png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in svg.read_bytes()[:2000]
