"""Key dates written out: JSON, CSV (formula-safe) and a curated TimelineJS story.

``key-dates`` is the story a person can publish: one TimelineJS slide per key
day (its top headline, the summary, the articles linked), where
``export --format timelinejs`` writes one slide per event. Article text is
untrusted: TimelineJS renders HTML, so every text is escaped and only http(s)
links are kept; CSV cells go through ``neutralise_cell``.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO
from urllib.parse import urlsplit

from timeline_app.events.key_dates import KeyDate
from timeline_app.export.writers import neutralise_cell

CSV_FIELDS = ("date", "score", "reports", "summary", "headlines", "event_ids", "articles")


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """How a key date names an article it draws on."""

    id: int
    title: str
    source: str
    url: str

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "source": self.source, "url": self.url}


def key_date_objects(
    key_dates: Sequence[KeyDate], articles: Mapping[int, ArticleRef]
) -> list[dict[str, object]]:
    """The JSON objects: date order, with ``date``, ``score``, ``reports``, ``summary``,
    ``sources`` (the article of each summary sentence) and ``happenings``."""
    return [
        {
            "date": key.day.isoformat(),
            "score": round(key.score, 4),
            "reports": key.reports,
            "summary": list(key.summary),
            "sources": [
                articles[a].as_dict() if a in articles else {"id": a} for a in key.summary_articles
            ],
            "happenings": [
                {
                    "headline": happening.headline,
                    "event_ids": list(happening.event_ids),
                    "articles": list(happening.articles),
                    "importance": round(happening.importance, 4),
                }
                for happening in key.happenings
            ],
        }
        for key in sorted(key_dates, key=lambda k: k.day)
    ]


def write_key_dates_json(
    key_dates: Sequence[KeyDate], articles: Mapping[int, ArticleRef], stream: TextIO
) -> None:
    json.dump(key_date_objects(key_dates, articles), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_key_dates_csv(key_dates: Sequence[KeyDate], stream: TextIO, bom: bool = False) -> None:
    """One RFC 4180 row per key date; lists joined with " | " (headlines) or spaces."""
    if bom:
        stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for key in sorted(key_dates, key=lambda k: k.day):
        row = (
            key.day.isoformat(),
            f"{key.score:.4f}",
            key.reports,
            " ".join(key.summary),
            " | ".join(h.headline for h in key.happenings),
            " ".join(str(i) for h in key.happenings for i in h.event_ids),
            " ".join(str(a) for a in sorted({a for h in key.happenings for a in h.articles})),
        )
        writer.writerow([neutralise_cell(value) for value in row])


def _link(article: ArticleRef) -> str:
    """The article's name, linked when its URL is http(s) (never javascript: or data:)."""
    name = html.escape(article.title or article.source or f"article {article.id}")
    source = html.escape(article.source)
    label = f"{name} ({source})" if source and source != name else name
    if urlsplit(article.url).scheme.lower() in ("http", "https"):
        return f'<a href="{html.escape(article.url, quote=True)}">{label}</a>'
    return label


def timelinejs_story(
    key_dates: Sequence[KeyDate], articles: Mapping[int, ArticleRef], title: str = "Key dates"
) -> dict[str, object]:
    """A TimelineJS 3 document with one slide per key date (not one per event)."""
    slides = []
    for key in sorted(key_dates, key=lambda k: k.day):
        headline = key.happenings[0].headline if key.happenings else key.day.isoformat()
        sentences = "".join(f"<p>{html.escape(sentence)}</p>" for sentence in key.summary)
        sources = [articles[a] for a in dict.fromkeys(key.summary_articles) if a in articles]
        links = " · ".join(_link(article) for article in sources)
        footer = f"<p><small>{key.reports} articles report this day. {links}</small></p>"
        slides.append(
            {
                "start_date": {
                    "year": str(key.day.year),
                    "month": str(key.day.month),
                    "day": str(key.day.day),
                },
                "text": {"headline": html.escape(headline), "text": sentences + footer},
                "unique_id": f"key-date-{key.day.isoformat()}",
            }
        )
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides}


def write_key_dates_timelinejs(
    key_dates: Sequence[KeyDate], articles: Mapping[int, ArticleRef], stream: TextIO
) -> None:
    json.dump(timelinejs_story(key_dates, articles), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
