"""The temporal engine: find time expressions and resolve them against a date.

Public API: ``tag(text, dct) -> list[Timex]``. Pure Python + dateutil, no Qt.
The language knowledge lives in ``resources/temporal/en/`` (see its README);
the code is a pattern compiler (``compiler.py``), value templates
(``values.py``), a resolver for relative expressions (``resolver.py``) and the
pipeline tying them together (``tagger.py``).
"""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.temporal.rulefiles import RuleFileError
from timeline_app.temporal.tagger import default_engine, tag_with
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

__all__ = [
    "AnchorKind",
    "Interval",
    "Precision",
    "RuleFileError",
    "Timex",
    "TimexType",
    "tag",
]


def tag(text: str, dct: date | datetime | None = None, *, day_first: bool = False) -> list[Timex]:
    """Time expressions in ``text``, sorted by start and non-overlapping.

    Relative expressions are resolved against ``dct`` (the publication date);
    with ``dct=None`` they stay underspecified (``XXXX-WXX-1``), never guessed.
    Numeric dates read month first (01/06/2024 = January 6) unless ``day_first``.
    """
    return tag_with(default_engine(day_first=day_first), text, dct)
