"""The reader's anchor line says how sure an inferred publication date is."""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.articles import Article, PublishedSource
from timeline_app.events.model import Event, EventKind
from timeline_app.gui.formatting import published_how
from timeline_app.gui.reader import explain
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType


def _article(source: PublishedSource, confidence: float | None) -> Article:
    return Article(
        id=1, title="T", text="He spoke Thursday.", source="", url="", path="t.txt",
        published=date(2024, 1, 8), published_source=source,
        published_reason="latest explicit date Sat 6 Jan 2024", content_hash="h",
        imported_at=datetime(2024, 2, 1), published_confidence=confidence,
    )  # fmt: skip


def test_how_names_the_source_and_for_text_dates_the_confidence() -> None:
    assert published_how(_article(PublishedSource.INFERRED, 0.58)) == "inferred, confidence 0.58"
    guess = published_how(_article(PublishedSource.INFERRED, 0.12))
    assert guess == "inferred, confidence 0.12, a guess"
    assert published_how(_article(PublishedSource.METADATA, None)) == "metadata"


def test_the_anchor_line_carries_the_confidence() -> None:
    day = datetime(2024, 1, 4)
    timex = Timex(
        start=9, end=17, text="Thursday", type=TimexType.DATE, value="2024-01-04",
        interval=Interval(day, datetime(2024, 1, 5)), precision=Precision.DAY,
        rule="date.weekday", anchor_kind=AnchorKind.DCT, anchor_value="2024-01-08",
    )  # fmt: skip
    event = Event(
        article_id=1, start=day, end=datetime(2024, 1, 5), precision=Precision.DAY,
        kind=EventKind.POINT, timex_start=9, timex_end=17, expression="Thursday",
        value="2024-01-04", sentence_start=0, sentence_end=18, label="He spoke Thursday.",
        confidence=0.5, explanation="",
    )  # fmt: skip
    text = explain(event, _article(PublishedSource.INFERRED, 0.12), timex)
    assert "Anchor: publication date 2024-01-08 (inferred, confidence 0.12, a guess:" in text
