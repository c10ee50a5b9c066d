"""Turning time expressions and their sentences into dated events (no Qt)."""

from timeline_app.events.model import Event, EventKind

__all__ = ["Event", "EventKind"]
