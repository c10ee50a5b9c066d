"""What the story layer reads of an event: a narrow view, cheap to load for a whole library.

Importance and headlines need an event's time, precision, kind, confidence,
article, group and label, never its explanation or expression; loading only
these for 100,000 events takes a fraction of building full ``Event`` values.
``Event`` has every attribute of :class:`Dated`, so the story functions take
either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from timeline_app.events.model import EventKind
from timeline_app.temporal.timex import Precision


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What importance needs to know of an article besides its events."""

    outlet: str = ""  # the source ("Reuters", "cnn.com"); "" when unknown
    published: date | None = None


class Dated(Protocol):
    """The attributes of an event the story layer reads."""

    @property
    def id(self) -> int: ...
    @property
    def article_id(self) -> int: ...
    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...
    @property
    def precision(self) -> Precision: ...
    @property
    def kind(self) -> EventKind: ...
    @property
    def confidence(self) -> float: ...
    @property
    def group_id(self) -> int | None: ...
    @property
    def hidden(self) -> bool: ...
    @property
    def label(self) -> str: ...
    @property
    def sentence_start(self) -> int: ...
    @property
    def sentence_end(self) -> int: ...
    @property
    def importance(self) -> float: ...
    @property
    def headline(self) -> str: ...
    @property
    def reports(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Mention:
    """A stored event as the story layer sees it (see the module docstring)."""

    id: int
    article_id: int
    start: datetime
    end: datetime
    precision: Precision
    kind: EventKind
    confidence: float
    group_id: int | None
    label: str
    sentence_start: int
    sentence_end: int
    importance: float = 0.0
    headline: str = ""
    reports: int = 1
    hidden: bool = False
