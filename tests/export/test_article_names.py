"""Exports name articles by title and outlet, never by file path (issue 13)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime

from timeline_app.articles import Article, PublishedSource, article_name, outlet_of
from timeline_app.events.model import Event, EventKind
from timeline_app.export.rows import FIELDS
from timeline_app.export.rows import rows as export_rows
from timeline_app.temporal.timex import Precision

TEXT = "Rebels took the port on Monday, officials said. More fighting followed."


def _article(article_id: int, **changes: object) -> Article:
    values: dict = {
        "id": article_id,
        "title": "",
        "text": TEXT,
        "source": "",
        "url": "",
        "path": f"/home/me/feeds/LibyaWar.jsonl#line {article_id}",
        "published": date(2011, 3, 22),
        "published_source": PublishedSource.METADATA,
        "published_reason": "",
        "content_hash": f"h{article_id}",
        "imported_at": datetime(2024, 1, 1),
    }
    values.update(changes)
    return Article(**values)


def _event(event_id: int, article_id: int) -> Event:
    at = TEXT.index("Monday")
    return Event(
        article_id=article_id,
        start=datetime(2011, 3, 21),
        end=datetime(2011, 3, 22),
        precision=Precision.DAY,
        kind=EventKind.POINT,
        timex_start=at,
        timex_end=at + 6,
        expression="Monday",
        value="2011-03-21",
        sentence_start=0,
        sentence_end=TEXT.index(".") + 1,
        label="Rebels took the port on Monday",
        confidence=0.9,
        explanation="",
        id=event_id,
        group_id=5,
    )


class _Library:
    def __init__(self, *articles: Article) -> None:
        self._articles = {a.id: a for a in articles}

    def article(self, article_id: int) -> Article:
        return self._articles[article_id]


def test_outlet_comes_from_source_or_url_host_never_the_path() -> None:
    assert outlet_of(_article(1, source="cnn", url="https://edition.cnn.com/x")) == "cnn"
    assert outlet_of(_article(1, url="https://www.reuters.com/article/x")) == "reuters.com"
    assert outlet_of(_article(1)) == ""
    assert article_name(_article(1, title="Port falls", source="bbc")) == "Port falls (bbc)"
    assert "jsonl" not in article_name(_article(1))


def test_csv_article_column_and_also_reported_by_name_title_and_outlet() -> None:
    library = _Library(
        _article(1, title="Rebels take port", source="cnn"),
        _article(2, url="https://www.reuters.com/article/x"),  # stored without a title
    )
    rows = export_rows(library, [_event(10, 1), _event(11, 2)])
    by_article = {row.article_id: row for row in rows}
    assert by_article[1].article == "Rebels take port"
    assert (
        by_article[2].article
        == "Rebels took the port on Monday, officials said. More fighting followed."
    )
    assert by_article[2].source == "reuters.com"
    assert by_article[1].also_reported_by.endswith("(reuters.com)")
    assert by_article[2].also_reported_by == "Rebels take port (cnn)"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(row.as_dict() for row in rows)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert all(row["article"] for row in table)
    assert not any("jsonl" in value for row in table for value in row.values())


def test_a_long_untitled_article_is_named_by_its_first_words() -> None:
    article = replace(_article(3), text="word " * 100)
    name = article_name(article)
    assert name.endswith("…")
    assert len(name) <= 91
