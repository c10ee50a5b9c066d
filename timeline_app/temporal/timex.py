"""Values the temporal engine produces: a found time expression and what it means.

TIMEX3 strings (``2024-W01``, ``P3Y``, ``PRESENT_REF``) are kept for the edges
(TimeML export, scoring); inside the code a ``Timex`` also carries the
calendar ``Interval`` it denotes and its ``Precision`` so the timeline can draw
it honestly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


class TimexType(StrEnum):
    """The four TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Precision(IntEnum):
    """How finely a value pins down time; larger is finer."""

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    HALF = 4
    QUARTER = 5
    SEASON = 6
    MONTH = 7
    WEEK = 8
    DAY = 9
    PART_OF_DAY = 10
    HOUR = 11
    MINUTE = 12
    SECOND = 13


class AnchorKind(StrEnum):
    """What a relative expression was resolved against."""

    NONE = "none"  # absolute ("Jan. 6, 2024") or unresolvable
    DCT = "dct"  # the document creation (publication) time
    NARRATIVE = "narrative"  # an earlier date mentioned in the text


@dataclass(frozen=True, slots=True)
class Interval:
    """A half-open span of calendar time ``[start, end)``."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start} > {self.end}")


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression found in a text.

    ``start``/``end`` are character offsets such that ``text == source[start:end]``.
    ``interval`` and ``precision`` are ``None`` when the value is not a calendar
    position (durations, sets, ``PAST_REF``, or a relative date with no anchor),
    except for an anchored duration: "[two days] later" is the DURATION ``P2D``
    (TimeML marks the stretch alone) whose interval is the day it reaches, so
    the timeline still places what happened then.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    interval: Interval | None = None
    precision: Precision | None = None
    rule: str = ""
    anchor_kind: AnchorKind = AnchorKind.NONE
    anchor_value: str | None = None  # TIMEX3 value of the anchor used, if any

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (used by the CLI and the store)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type.value,
            "value": self.value,
            "mod": self.mod,
            "interval": (
                [self.interval.start.isoformat(), self.interval.end.isoformat()]
                if self.interval
                else None
            ),
            "precision": self.precision.name.lower() if self.precision is not None else None,
            "rule": self.rule,
            "anchor_kind": self.anchor_kind.value,
            "anchor_value": self.anchor_value,
        }
