"""From a TIMEX3 value to the calendar interval and precision the timeline draws.

Also the one validator of TIMEX3 value syntax, used by the resolver before it
emits anything and by the property tests.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from timeline_app.temporal.timex import Interval, Precision

_DATE_TAIL = (
    r"(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?"
    r"|-W(?:\d\d|XX)(?:-(?:[1-7X]|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_TIME_TAIL = r"(?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT|MI))?"
_POINT = re.compile(r"(?:\d{4}|XXXX|\d{3}|\d{2})" + _DATE_TAIL + _TIME_TAIL + r"\Z")
_DURATION = re.compile(
    r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|H|DE|CE|ML))*"
    r"(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?\Z"
)
_REFS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
VALID_MODS = frozenset(
    {
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "START",
        "MID",
        "END",
        "APPROX",
    }
)

_SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_PART_OF_DAY_HOURS = {
    "MO": (6, 12),
    "MI": (11, 13),
    "AF": (12, 18),
    "DT": (6, 18),
    "EV": (18, 22),
    "NI": (20, 24),
}
_FULL = re.compile(
    r"(?P<year>\d{2,4})"
    r"(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?|-W(?P<week>\d\d)(?P<weekend>-WE)?|-Q(?P<quarter>[1-4])"
    r"|-H(?P<half>[12])|-(?P<season>SP|SU|FA|WI))?"
    r"(?:T(?:(?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d))?)?|(?P<pod>MO|AF|EV|NI|DT|MI)))?\Z"
)


@lru_cache(maxsize=4096)
def is_well_formed(value: str) -> bool:
    """True if ``value`` is syntactically a TIMEX3 value this engine may emit."""
    if value in _REFS:
        return True
    if value.startswith("P"):
        return len(value) > 1 and value != "PT" and bool(_DURATION.match(value))
    match = _POINT.match(value)
    if not match:
        return False
    return interval_of(value) is not None or "X" in value


@lru_cache(maxsize=4096)
def interval_of(value: str) -> tuple[Interval, Precision] | None:
    """The span of calendar time a fully specified DATE/TIME value covers, or None."""
    match = _FULL.match(value)
    if not match:
        return None
    parts = match.groupdict()
    digits = parts["year"]
    try:
        if len(digits) == 2:
            start = datetime(max(int(digits) * 100, 1), 1, 1)
            return Interval(start, start + relativedelta(years=100)), Precision.CENTURY
        if len(digits) == 3:
            start = datetime(max(int(digits) * 10, 1), 1, 1)
            return Interval(start, start + relativedelta(years=10)), Precision.DECADE
        year = int(digits)
        if year < 1:
            return None
        return _finer_interval(year, parts)
    except (ValueError, OverflowError):
        return None


def _finer_interval(year: int, parts: dict[str, str | None]) -> tuple[Interval, Precision] | None:
    if parts["week"]:
        week = int(parts["week"])
        start = datetime.combine(date.fromisocalendar(year, week, 1), datetime.min.time())
        if parts["weekend"]:
            return Interval(start + timedelta(days=5), start + timedelta(days=7)), Precision.WEEK
        return Interval(start, start + timedelta(days=7)), Precision.WEEK
    if parts["quarter"]:
        start = datetime(year, 3 * int(parts["quarter"]) - 2, 1)
        return Interval(start, start + relativedelta(months=3)), Precision.QUARTER
    if parts["half"]:
        start = datetime(year, 6 * int(parts["half"]) - 5, 1)
        return Interval(start, start + relativedelta(months=6)), Precision.HALF
    if parts["season"]:
        month, length = _SEASON_MONTHS[parts["season"]]
        start = datetime(year, month, 1)
        return Interval(start, start + relativedelta(months=length)), Precision.SEASON
    if not parts["month"]:
        start = datetime(year, 1, 1)
        return Interval(start, start + relativedelta(years=1)), Precision.YEAR
    month = int(parts["month"])
    if not parts["day"]:
        start = datetime(year, month, 1)
        return Interval(start, start + relativedelta(months=1)), Precision.MONTH
    day = datetime(year, month, int(parts["day"]))
    if parts["pod"]:
        first, last = _PART_OF_DAY_HOURS[parts["pod"]]
        return (
            Interval(day + timedelta(hours=first), day + timedelta(hours=last)),
            Precision.PART_OF_DAY,
        )
    if parts["hour"] is None:
        return Interval(day, day + timedelta(days=1)), Precision.DAY
    hour = int(parts["hour"])
    if hour == 24:
        hour = 0
        day += timedelta(days=1)
    start = day.replace(hour=hour)
    if parts["minute"] is None:
        return Interval(start, start + timedelta(hours=1)), Precision.HOUR
    start = start.replace(minute=int(parts["minute"]))
    if parts["second"] is None:
        return Interval(start, start + timedelta(minutes=1)), Precision.MINUTE
    start = start.replace(second=int(parts["second"]))
    return Interval(start, start + timedelta(seconds=1)), Precision.SECOND


def narrowed(interval: Interval, mod: str | None) -> Interval:
    """START/MID/END keep the first, middle or last third of the interval."""
    if mod not in {"START", "MID", "END"}:
        return interval
    third = (interval.end - interval.start) / 3
    offset = {"START": 0, "MID": 1, "END": 2}[mod]
    start = interval.start + third * offset
    return Interval(start, start + third)
