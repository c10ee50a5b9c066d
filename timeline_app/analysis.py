"""One article's text -> its time expressions and the events they date.

The one step import (``ingest.pipeline``) and re-tagging or re-dating
(``commands``) both call, so an article analysed either way gets the same
timexes and events. Pure domain code: no Qt, no store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from timeline_app.articles import PublishedSource
from timeline_app.events.furniture import Furniture
from timeline_app.events.model import Event
from timeline_app.temporal.timex import Timex


def analyse(
    text: str,
    published: date | None,
    published_source: PublishedSource | None = None,
    *,
    furniture: Sequence[Furniture] | None = None,
) -> tuple[list[Timex], list[Event]]:
    """Time expressions of ``text`` resolved against ``published``, and the events they date.

    Pass ``published_source`` whenever it is known: explanations then say where
    the date came from ("inferred from the text") and confidence follows it.
    ``furniture`` saves finding the page furniture again when the caller has it.
    """
    # Imported here: the tagger loads its rule files on first use, and a
    # process that only reads files (the CLI's --help, a reader test) should
    # not pay for that.
    from timeline_app.events import build_events
    from timeline_app.temporal import tag
    from timeline_app.temporal.numeric_order import reads_day_first

    # "01/06/2024" follows the article's own convention where another of its
    # dates shows it ("15/01/2024"); month first otherwise.
    timexes = list(tag(text, published, day_first=bool(reads_day_first(text))))
    events = build_events(
        text, timexes, published, published_source=published_source, furniture=furniture
    )
    return timexes, list(events)
