"""How dates, titles and tooltips read in the window (plain Python, no Qt).

One place for the wording, so the tables, the reader and the dialogs agree.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from datetime import datetime, timedelta
from pathlib import PurePath

from timeline_app.articles import Article
from timeline_app.events.model import Event, EventKind
from timeline_app.temporal.timex import Precision

# TIMEX3 ``mod`` values as a reader would say them before the date.
_MOD_WORDS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
    "LESS_THAN": "under",
    "MORE_THAN": "over",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}


TITLE_LIMIT = 90


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally.

    Qt renders any tooltip that looks like HTML as rich text; article content
    (titles, reasons, paths) is untrusted, so it is escaped and wrapped.
    """
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def article_title(article: Article) -> str:
    """What to call an article: its title, else its opening line, else its file name."""
    if article.title.strip():
        return " ".join(article.title.split())
    for line in article.text.splitlines():
        words = " ".join(line.split())
        if words:
            return words if len(words) <= TITLE_LIMIT else words[: TITLE_LIMIT - 1] + "…"
    if article.path:
        return PurePath(article.path).name
    return f"Article {article.id}"


def format_when(
    start: datetime, end: datetime, precision: Precision, mod: str | None = None
) -> str:
    """A date as precise as it is known: ``2024-01-04``, ``2023-10``, ``late 2017``, a - b."""
    last = end - timedelta(microseconds=1) if end > start else end

    def one(moment: datetime) -> str:
        # isoformat, not strftime: %Y drops the leading zeros of years before 1000.
        if precision >= Precision.MINUTE:
            return moment.isoformat(sep=" ", timespec="minutes")
        if precision >= Precision.DAY:
            return moment.date().isoformat()
        if precision >= Precision.MONTH:
            return moment.date().isoformat()[:7]
        return f"{moment.year:04d}"

    if precision == Precision.WEEK and (last - start).days < 7:
        text = f"week of {start.date().isoformat()}"
    else:
        first_text, last_text = one(start), one(last)
        text = first_text if first_text == last_text else f"{first_text} – {last_text}"
    if not mod:
        return text
    word = _MOD_WORDS.get(mod.upper())
    return f"{word} {text}" if word else f"{text} ({mod.lower()})"


def event_when(event: Event) -> str:
    """How the Date column and the reader show an event's time."""
    text = format_when(event.start, event.end, event.precision, event.mod)
    if event.kind == EventKind.ONGOING:
        return f"since {text.split(' – ')[0]}"
    return text


def checked_ids_text(ids: Collection[int] | None, total: int) -> str:
    """Status text for the article filter ("all 12 articles", "3 of 12 articles")."""
    if ids is None:
        return f"all {total} article{'s' if total != 1 else ''}"
    return f"{len(ids)} of {total} articles"
