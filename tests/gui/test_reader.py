"""The reader: plain text only, offsets right for any Unicode, highlights, clickable timexes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from timeline_app.articles import Article, PublishedSource
from timeline_app.events.model import Event, EventKind
from timeline_app.gui.reader import OffsetMap, ReaderPanel, display_text
from timeline_app.temporal.timex import AnchorKind, Timex, TimexType

from .conftest import day_timex


def article_with(text: str, **changes: Any) -> Article:
    values: dict[str, Any] = {
        "id": 7,
        "title": "A title",
        "text": text,
        "source": "Wire",
        "url": "",
        "path": "",
        "published": date(2024, 1, 8),
        "published_source": PublishedSource.INFERRED,
        "published_reason": "latest date mentioned",
        "content_hash": "h",
        "imported_at": datetime(2024, 1, 9),
    }
    values.update(changes)
    return Article(**values)


def event_for(text: str, timex: Timex, sentence: str) -> Event:
    assert timex.interval is not None
    assert timex.precision is not None
    sentence_start = text.index(sentence)
    return Event(
        article_id=7,
        start=timex.interval.start,
        end=timex.interval.end,
        precision=timex.precision,
        kind=EventKind.POINT,
        timex_start=timex.start,
        timex_end=timex.end,
        expression=timex.text,
        value=timex.value,
        sentence_start=sentence_start,
        sentence_end=sentence_start + len(sentence),
        label=sentence,
        confidence=0.8,
        explanation=f'"{timex.text}" resolved against the publication date',
        id=11,
    )


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_offset_map_agrees_with_utf16_lengths(text: str) -> None:
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        utf16 = len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_qt(index) == utf16
        assert offsets.from_qt(utf16) == index


@given(st.text(max_size=80))
def test_display_text_keeps_every_offset(text: str) -> None:
    shown = display_text(text)
    assert len(shown) == len(text)
    assert "\r" not in shown


@pytest.fixture
def reader(qtbot: Any) -> ReaderPanel:
    panel = ReaderPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_markup_in_an_article_is_shown_as_text_not_run(reader: ReaderPanel) -> None:
    text = '<img src="http://example.invalid/x.png"><script>alert(1)</script> <b>Bold</b> Monday.'
    reader.show_article(article_with(text), [])
    assert reader.shown_text() == text
    document = reader.text_widget().document()
    assert not document.toHtml().count("<img")  # the tag is text, escaped, not an image
    assert "&lt;img" in document.toHtml()


def test_showing_an_event_highlights_its_sentence_and_expression(reader: ReaderPanel) -> None:
    text = "Opening line 🎉 here.\n\nA strike on Thursday killed two. Then nothing.\n"
    thursday = day_timex(
        text, "Thursday", date(2024, 1, 4), anchor_kind=AnchorKind.DCT, anchor_value="2024-01-08"
    )
    other = Timex(0, 7, "Opening", TimexType.DURATION, "P1D")
    sentence = "A strike on Thursday killed two."
    reader.show_event(article_with(text), event_for(text, thursday, sentence), [other, thursday])

    ranges = reader.highlighted_ranges()
    assert [text[s:e] for s, e in ranges["sentence"]] == [sentence]
    assert [text[s:e] for s, e in ranges["expression"]] == ["Thursday"]
    assert [text[s:e] for s, e in ranges["other"]] == ["Opening"]
    explanation = reader.explanation_text()
    assert "“Thursday”" in explanation
    assert "2024-01-04" in explanation
    assert "publication date 2024-01-08 (inferred: latest date mentioned)" in explanation


def test_clicking_an_underlined_expression_reports_it(qtbot: Any, reader: ReaderPanel) -> None:
    text = "Nothing here.\n\nThe vote was on May 12, 2021 in the hall.\n"
    may = day_timex(text, "May 12, 2021", date(2021, 5, 12))
    reader.show_article(article_with(text), [may])
    widget = reader.text_widget()
    cursor = widget.textCursor()
    cursor.setPosition(may.start + 3)
    point = widget.cursorRect(cursor).center()
    with qtbot.waitSignal(reader.timexClicked) as signal:
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [7, may.start]


def test_clicking_plain_text_reports_nothing(qtbot: Any, reader: ReaderPanel) -> None:
    text = "Nothing here at all.\n\nThe vote was on May 12, 2021.\n"
    may = day_timex(text, "May 12, 2021", date(2021, 5, 12))
    reader.show_article(article_with(text), [may])
    widget = reader.text_widget()
    cursor = widget.textCursor()
    cursor.setPosition(3)
    with qtbot.assertNotEmitted(reader.timexClicked):
        qtbot.mouseClick(
            widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.cursorRect(cursor).center()
        )


def test_clear_shows_the_empty_state(reader: ReaderPanel) -> None:
    reader.show_article(article_with("Some text."), [])
    assert reader.text_widget().isVisible()
    reader.clear()
    assert not reader.text_widget().isVisible()
    help_texts = [label.text() for label in reader.findChildren(QLabel)]
    assert "show an event's source here" in help_texts
    assert reader.article() is None
    assert reader.shown_text() == ""
    assert reader.highlighted_ranges() == {
        "sentence": [],
        "expression": [],
        "other": [],
        "furniture": [],
    }


def test_offsets_past_the_end_are_clamped_not_warned(reader: ReaderPanel, qtlog: Any) -> None:
    text = "Short text on Monday."
    monday = day_timex(text, "Monday", date(2024, 1, 8))
    event = event_for(text, monday, text)
    stale = Event(**{**{f: getattr(event, f) for f in event.__slots__}, "sentence_end": 500})
    reader.show_event(article_with(text), stale, [monday])
    assert reader.highlighted_ranges()["sentence"] == [(0, len(text))]
    assert not [r for r in qtlog.records if "out of range" in r.message]
