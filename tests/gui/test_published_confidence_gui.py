"""How sure an inferred publication date is, as the library shows it.

The wording is checked on plain ``Article`` values; the acceptance flow drives
the real window on the real pipeline: the seed (a confident inference), an
article that only names a year (a guess) and one with an impossible ``Date:``
header (imported, dated from its text, listed as a warning).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from timeline_app.articles import CONFIDENT_PUBLISHED, Article, PublishedSource
from timeline_app.gui.formatting import (
    YEAR_ONLY_BELOW,
    published_is_guess,
    published_text,
    published_tooltip,
)
from timeline_app.gui.models import MUTED_COLOUR, ArticleTableModel


def article(**changes: Any) -> Article:
    values: dict[str, Any] = {
        "id": 1,
        "title": "T",
        "text": "text",
        "source": "",
        "url": "",
        "path": "/tmp/t.txt",
        "published": date(2024, 1, 8),
        "published_source": PublishedSource.INFERRED,
        "published_reason": "latest explicit date Sat 6 Jan 2024",
        "content_hash": "h",
        "imported_at": datetime(2024, 2, 1),
        "published_confidence": 0.62,
    }
    values.update(changes)
    return Article(**values)


@pytest.mark.parametrize(
    ("source", "confidence", "shown", "guess"),
    [
        (PublishedSource.INFERRED, 0.62, "≈ 2024-01-08", False),
        (PublishedSource.INFERRED, CONFIDENT_PUBLISHED, "≈ 2024-01-08", False),
        (PublishedSource.INFERRED, 0.25, "≈ 2024-01-08?", True),
        (PublishedSource.INFERRED, YEAR_ONLY_BELOW / 2, "≈ 2024?", True),
        (PublishedSource.INFERRED, None, "≈ 2024-01-08", False),  # a library from before
        (PublishedSource.DATELINE, 0.95, "2024-01-08", False),
        (PublishedSource.DATELINE, 0.05, "2024-01-08?", True),  # read day, guessed year
        (PublishedSource.METADATA, None, "2024-01-08", False),
        (PublishedSource.USER, None, "2024-01-08", False),
    ],
)
def test_the_date_cell_says_how_sure_the_date_is(
    source: PublishedSource, confidence: float | None, shown: str, guess: bool
) -> None:
    dated = article(published_source=source, published_confidence=confidence)
    assert published_text(dated) == shown
    assert published_is_guess(dated) is guess


def test_an_undated_article_is_unknown_whatever_the_confidence() -> None:
    undated = article(published=None, published_confidence=None)
    assert published_text(undated) == "unknown"
    assert not published_is_guess(undated)


def test_tooltip_gives_source_confidence_and_reason() -> None:
    tip = published_tooltip(article(published_confidence=0.617))
    assert tip == (
        "Publication date inferred from the text (confidence 0.62): "
        "latest explicit date Sat 6 Jan 2024"
    )
    guess = published_tooltip(article(published_confidence=0.03))
    assert "(confidence 0.03)" in guess
    assert "A guess: stored as 2024-01-08" in guess  # the day the year-only cell hides
    metadata = published_tooltip(
        article(
            published_source=PublishedSource.METADATA,
            published_confidence=None,
            published_reason="'date:' header in the file",
        )
    )
    assert metadata == "Publication date from the file's metadata: 'date:' header in the file"
    user = published_tooltip(
        article(
            published_source=PublishedSource.USER,
            published_confidence=None,
            published_reason="set by the user",
        )
    )
    assert user == "Publication date set by the user"


# -- the real window -------------------------------------------------------------------------

YEAR_ONLY_TEXT = (
    "Museum keeps growing\n\n"
    "The museum was founded in 1998 and has grown every year since.\n\n"
    "Visitors praise its gardens and its small cafe.\n"
)
IMPOSSIBLE_HEADER_TEXT = (
    "Title: Bridge vote\nDate: 2024-02-30\n\n"
    "The council met on Jan. 6, 2024.\n\n"
    "On Monday it voted to close the old bridge for repairs.\n"
)


def date_cell(window: Any, title: str) -> Any:
    model = window.article_model
    (row,) = [r for r in range(model.rowCount()) if model.row_item(r).title == title]
    return model.index(row, ArticleTableModel.PUBLISHED)


def fits_its_column(window: Any, cell: Any) -> bool:
    view = window.article_view
    width = view.columnWidth(ArticleTableModel.PUBLISHED)
    font = cell.data(Qt.ItemDataRole.FontRole) or view.font()
    return QFontMetrics(font).horizontalAdvance(cell.data()) + 8 <= width


def test_library_shows_confident_and_guessed_inferences(
    qtbot: Any, seeded_window: Any, prompts: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "museum.txt").write_text(YEAR_ONLY_TEXT, encoding="utf-8")
    (folder / "bridge.txt").write_text(IMPOSSIBLE_HEADER_TEXT, encoding="utf-8")
    prompts.folders.append(folder)
    with qtbot.waitSignal(seeded_window.importer.finished, timeout=30000):
        seeded_window.menu_actions.import_folder.trigger()
    assert seeded_window.repo.article_count() == 3

    # The seed: "'on Monday' in the lead after Sat 6 Jan 2024", a confident inference.
    seed = seeded_window.repo.articles()[0]  # imported first, on the empty library
    assert seed.published_source is PublishedSource.INFERRED
    assert seed.published_confidence is not None
    assert seed.published_confidence >= CONFIDENT_PUBLISHED
    solid = date_cell(seeded_window, seed.title)
    assert solid.data() == f"≈ {seed.published.isoformat()}"
    assert solid.data(Qt.ItemDataRole.ForegroundRole) is None  # the normal text colour
    tip = solid.data(Qt.ItemDataRole.ToolTipRole)
    assert f"inferred from the text (confidence {seed.published_confidence:.2f})" in tip

    # Only a year named: a guess, stored with its (low) confidence and shown dimmer.
    museum = seeded_window.repo.articles("museum")[0]
    assert museum.published_confidence is not None
    assert 0.0 <= museum.published_confidence < CONFIDENT_PUBLISHED
    weak = date_cell(seeded_window, "Museum keeps growing")
    assert weak.data() in (f"≈ {museum.published.year}?", f"≈ {museum.published.isoformat()}?")
    assert weak.data(Qt.ItemDataRole.FontRole).italic()
    assert weak.data(Qt.ItemDataRole.ForegroundRole).color() == MUTED_COLOUR
    assert "A guess" in weak.data(Qt.ItemDataRole.ToolTipRole)
    for cell in (solid, weak, date_cell(seeded_window, "Bridge vote")):
        assert fits_its_column(seeded_window, cell), cell.data()

    # The impossible header: imported, dated from the text, reported as a warning.
    bridge = seeded_window.repo.articles("bridge repairs")[0]
    assert bridge.published_source is PublishedSource.INFERRED
    assert bridge.published_reason.startswith("header 'Date: 2024-02-30' is not a real date")
    dialog = seeded_window.failures_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isModal()
    ((name, problem),) = dialog.listed_rows()
    assert name == "bridge.txt"
    assert problem.startswith("warning: header 'Date: 2024-02-30' is not a real date")
    assert dialog.windowTitle() == "Import finished with warnings"
    # Two new articles, one of them with a warning, and nothing failed: the summary
    # must not count the warning as a failure.
    assert dialog.summary() == (
        "2 articles imported, 0 already in the library; 1 file imported with a warning:"
    )
    assert dialog.failures() == []
    assert [Path(row.path).name for row in dialog.warnings()] == ["bridge.txt"]
    assert "\twarning: header 'Date: 2024-02-30'" in dialog.as_text()
    assert "with a warning" in seeded_window.statusBar().currentMessage()


def test_the_import_dialog_lists_failures_then_warnings_and_counts_them_apart(
    qtbot: Any,
) -> None:
    from timeline_app.gui.dialogs import FailureRow, ImportFailuresDialog

    failures = [
        FailureRow("/in/a/notes.json", "malformed JSON"),
        FailureRow("/in/b/empty.txt", "empty file"),
    ]
    warnings = [FailureRow("/in/a/bridge.txt", "header 'Date: 2024-02-30' is not a real date")]
    dialog = ImportFailuresDialog(failures, imported=4, duplicates=1, warnings=warnings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Import finished with problems"
    assert dialog.summary() == (
        "4 articles imported, 1 already in the library; "
        "2 files could not be imported and 1 imported with a warning:"
    )
    assert dialog.listed_rows() == [
        ("a/notes.json", "malformed JSON"),
        ("b/empty.txt", "empty file"),
        ("a/bridge.txt", "warning: header 'Date: 2024-02-30' is not a real date"),
    ]
    assert dialog.failures() == failures
    assert dialog.warnings() == warnings
    assert dialog.as_text().splitlines()[-1] == (
        "/in/a/bridge.txt\twarning: header 'Date: 2024-02-30' is not a real date"
    )


@pytest.mark.parametrize(
    ("failed", "warned", "title", "summary"),
    [
        (
            1,
            0,
            "problems",
            "1 article imported, 0 already in the library; 1 file could not be imported:",
        ),
        (
            0,
            2,
            "warnings",
            "1 article imported, 0 already in the library; 2 files imported with a warning:",
        ),
    ],
)
def test_the_import_dialog_names_what_it_lists(
    qtbot: Any, failed: int, warned: int, title: str, summary: str
) -> None:
    from timeline_app.gui.dialogs import FailureRow, ImportFailuresDialog

    failures = [FailureRow(f"/in/bad{i}.json", "malformed JSON") for i in range(failed)]
    warnings = [FailureRow(f"/in/odd{i}.txt", "odd header") for i in range(warned)]
    dialog = ImportFailuresDialog(failures, imported=1, duplicates=0, warnings=warnings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Import finished with {title}"
    assert dialog.summary() == summary
    assert len(dialog.listed_rows()) == failed + warned
