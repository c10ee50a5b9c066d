"""Turning time expressions and their sentences into dated events (no Qt).

Public API: ``build_events(text, timexes, published, article_id)``,
``is_event_timex(timex)``, ``group_events(events, texts)`` and the ``Event``
value. Sentence splitting lives in ``events.sentences``.
"""

from timeline_app.events.builder import build_events, is_event_timex
from timeline_app.events.grouping import group_events
from timeline_app.events.model import Event, EventKind

__all__ = ["Event", "EventKind", "build_events", "group_events", "is_event_timex"]
