"""Calendar units, directions and anchoring modes, and how values are written.

Rule files name these with plain words (``@shift(week,-1)``,
``@weekday(2,next)``); the resolver converts them to these enums on entry, so
inside the code they are never bare strings.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from timeline_app.temporal.timex import Precision
from timeline_app.temporal.values import NoValue

SEASONS = ("WI", "SP", "SU", "FA")  # index = month // 3 % 4


class Unit(StrEnum):
    """A unit of calendar time or of duration."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Direction(StrEnum):
    """Which occurrence of a weekday, month or season an expression means."""

    AUTO = "auto"  # decided by the tense of the sentence
    PAST = "past"  # the latest on or before the anchor
    FUTURE = "future"  # the earliest on or after the anchor
    LAST = "last"  # strictly before
    NEXT = "next"  # strictly after
    THIS = "this"  # in the anchor's week or year
    NEAREST = "nearest"  # the closest, leaning to the past
    REPORTED = "reported"  # quarters: the reported quarter (last one named), else PAST
    AFTER = "after"  # strictly after the narrative day ("the following Monday"), else NEXT
    BEFORE = "before"  # strictly before the narrative day ("the previous Friday"), else LAST
    # Dated in a clause about something over: the latest on or before the
    # anchor, allowing the publication date to lag the text by a few days.
    OVER = "over"


class ShiftMode(StrEnum):
    """What a ``@shift`` is counted from (see resources/temporal/README.md)."""

    DCT = "dct"
    NARRATIVE = "narrative"  # the last date mentioned before
    PERIOD = "period"  # the last reporting period mentioned (quarter, half), else the DCT
    REPORTED = "reported"  # narrative, else the last completed unit in past-tense text
    COMPARISON = "comparison"  # narrative, but a year from a day is that day a year back
    AHEAD = "ahead"  # from the DCT, but a stretch of time in a past-tense sentence
    THEN = "then"  # the narrative date itself, at its own granularity; else PAST_REF


def parse_enum(kind: type[StrEnum], word: str) -> StrEnum:
    """``kind(word)``, or NoValue naming what was expected."""
    try:
        return kind(word)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise NoValue(f"{word!r} is not one of {allowed}") from None


UNIT_PRECISION = {
    Unit.DAY: Precision.DAY,
    Unit.WEEK: Precision.WEEK,
    Unit.MONTH: Precision.MONTH,
    Unit.SEASON: Precision.SEASON,
    Unit.QUARTER: Precision.QUARTER,
    Unit.HALF: Precision.HALF,
    Unit.YEAR: Precision.YEAR,
    Unit.DECADE: Precision.DECADE,
    Unit.CENTURY: Precision.CENTURY,
}
PRECISION_UNIT = {precision: unit for unit, precision in UNIT_PRECISION.items()}
PERIOD_UNITS = frozenset({Unit.QUARTER, Unit.HALF})  # reporting periods
STEP = {
    Unit.SECOND: relativedelta(seconds=1),
    Unit.MINUTE: relativedelta(minutes=1),
    Unit.HOUR: relativedelta(hours=1),
    Unit.DAY: relativedelta(days=1),
    Unit.WEEK: relativedelta(weeks=1),
    Unit.MONTH: relativedelta(months=1),
    Unit.SEASON: relativedelta(months=3),
    Unit.QUARTER: relativedelta(months=3),
    Unit.HALF: relativedelta(months=6),
    Unit.YEAR: relativedelta(years=1),
    Unit.DECADE: relativedelta(years=10),
    Unit.CENTURY: relativedelta(years=100),
}
UNDERSPECIFIED = {
    Unit.DAY: "XXXX-XX-XX",
    Unit.WEEK: "XXXX-WXX",
    Unit.MONTH: "XXXX-XX",
    Unit.SEASON: "XXXX-XX",
    Unit.QUARTER: "XXXX-QX",
    Unit.HALF: "XXXX-HX",
    Unit.YEAR: "XXXX",
    Unit.DECADE: "XXX",
    Unit.CENTURY: "XX",
}
_DURATION_UNITS = {  # unit -> (factor, TIMEX3 letter, is a time-of-day unit)
    Unit.YEAR: (1, "Y", False),
    Unit.MONTH: (1, "M", False),
    Unit.WEEK: (1, "W", False),
    Unit.DAY: (1, "D", False),
    Unit.QUARTER: (1, "Q", False),
    Unit.DECADE: (10, "Y", False),
    Unit.CENTURY: (100, "Y", False),
    Unit.HOUR: (1, "H", True),
    Unit.MINUTE: (1, "M", True),
    Unit.SECOND: (1, "S", True),
}
_SMALLER = {  # (letter, is a time unit) -> the next smaller unit and how many fit
    ("Y", False): ("M", 12),
    ("W", False): ("D", 7),
    ("H", True): ("M", 60),
    ("M", True): ("S", 60),
}
_UNKNOWN_LETTER = {Unit.DECADE: "DE", Unit.CENTURY: "CE"}


def format_at(day: date, unit: Unit) -> str:
    """A date written at the granularity of ``unit``."""
    if isinstance(day, datetime):  # a date shifted by hours
        day = day.date()
    if unit in (Unit.DAY, Unit.HOUR, Unit.MINUTE, Unit.SECOND):
        return day.isoformat()  # a shift of hours is written as the day it lands on
    if unit is Unit.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit is Unit.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if unit is Unit.QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit is Unit.HALF:
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit is Unit.SEASON:
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{SEASONS[day.month // 3 % 4]}"
    if unit is Unit.YEAR:
        return f"{day.year:04d}"
    if unit is Unit.DECADE:
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def duration(amount: str, unit: Unit) -> str:
    """``P3Y``, ``PT2H``, ``P10Y`` for a decade, ``P2Y6M`` for 2.5 years;
    an unknown amount ``X`` stays unknown (``PXY``, ``PXDE``)."""
    if unit not in _DURATION_UNITS:
        raise NoValue(f"{unit} is not a unit of duration")
    factor, letter, is_time = _DURATION_UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount == "X":
        return f"{prefix}X{_UNKNOWN_LETTER.get(unit, letter)}"
    number = float(amount) * factor
    if number <= 0:
        raise NoValue("empty duration")
    whole = int(number)
    if number != whole and (letter, is_time) in _SMALLER:
        smaller, per = _SMALLER[letter, is_time]
        head = f"{whole}{letter}" if whole else ""
        return f"{prefix}{head}{round((number - whole) * per)}{smaller}"
    written = str(whole) if number == whole else f"{number:g}"
    return f"{prefix}{written}{letter}"
