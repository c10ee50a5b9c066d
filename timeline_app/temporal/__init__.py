"""The temporal engine: find time expressions and resolve them against a date.

Public API: ``tag(text, dct) -> list[Timex]``. Pure Python + dateutil, no Qt.
"""

from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

__all__ = ["AnchorKind", "Interval", "Precision", "Timex", "TimexType", "tag"]


def tag(text, dct=None):
    """Placeholder until the engine lands: finds nothing."""
    return []
