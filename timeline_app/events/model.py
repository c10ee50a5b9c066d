"""Dated events: what the timeline draws and the CSV exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from timeline_app.temporal.timex import Precision


class EventKind(StrEnum):
    """How an event occupies time."""

    POINT = "point"  # a day, a month, "mid-October": one interval at some precision
    SPAN = "span"  # "from March 3 to March 5", "between 2009 and 2010"
    ONGOING = "ongoing"  # "since mid-October": from a start up to the publication date


@dataclass(frozen=True, slots=True)
class Event:
    """One dated happening in one sentence of one article.

    ``start``/``end`` form a half-open interval; offsets index the article text.
    ``article_id`` and ``id`` are 0 for events not yet stored.
    """

    article_id: int
    start: datetime
    end: datetime
    precision: Precision
    kind: EventKind
    timex_start: int
    timex_end: int
    expression: str
    value: str
    sentence_start: int
    sentence_end: int
    label: str
    confidence: float
    explanation: str
    mod: str | None = None
    id: int = 0  # database id once stored
    group_id: int | None = None  # events reporting the same happening share a group
    hidden: bool = False  # hidden by the user
    # The story layer (events.happenings): the same for every event of a group.
    importance: float = 0.0  # of the happening, comparable within one library
    headline: str = ""  # the happening's short clause ("" until computed)
    reports: int = 1  # distinct articles reporting the happening
