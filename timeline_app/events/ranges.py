"""Date ranges written in short: "March 3-5", "3-5 March 2024", "1990-91", "Monday to Wednesday".

Taggers find one timex in "March 3-5" (the "5" alone is no date), and resolve
each weekday of "from Monday to Wednesday" on its own, so the second may land
before the first. These helpers complete the range from the text around one
timex, or move the second end forward, so the span reads the way it is
written. Made-up timexes carry the rule name ``events.range`` and the anchor
of the timex they complete.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex

RANGE_RULE = "events.range"
_DASH_OR_TO = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|thru)\s+)"
# After a day timex: "-5", " to 5" (not "-5%", "to 5.30", "to 5 p.m.", "to 5,000").
_DAY_AFTER = re.compile(
    _DASH_OR_TO + r"((\d{1,2})(?:st|nd|rd|th)?)\b(?![%.,:]\d|\s*(?:%|percent|[ap]\.?m\b|pm|am))",
    re.IGNORECASE,
)
# Before a day timex: "3-" in "3-5 March 2024" (the timex starts with its day number).
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?" + r"\s*[-–]\s*$", re.IGNORECASE)
# After a year timex: "-91" in "1990-91".
_YEAR_SUFFIX = re.compile(r"[-–/](\d{2})\b(?![-–/.,:]?\d)")


def _made_up(model: Timex, start: int, end: int, text: str, value: str, interval: Interval):
    return replace(
        model, start=start, end=end, text=text, value=value, interval=interval, rule=RANGE_RULE
    )


def abbreviated_end(text: str, timex: Timex) -> Timex | None:
    """The end of "March 3-5" or "1990-91" as a timex, when ``timex`` is its start."""
    if timex.interval is None or timex.precision is None:
        return None
    if timex.precision == Precision.DAY:
        match = _DAY_AFTER.match(text, timex.end)
        if match is None:
            return None
        first = timex.interval.start
        day = int(match.group(2))
        if not first.day < day <= calendar.monthrange(first.year, first.month)[1]:
            return None
        start = datetime(first.year, first.month, day)
        value = f"{start:%Y-%m-%d}"
        return _made_up(
            timex, match.start(1), match.end(1), match.group(1), value,
            Interval(start, start + timedelta(days=1)),
        )  # fmt: skip
    if timex.precision == Precision.YEAR and re.fullmatch(r"\d{4}", timex.value):
        match = _YEAR_SUFFIX.match(text, timex.end)
        if match is None:
            return None
        year = int(timex.value)
        candidate = year // 100 * 100 + int(match.group(1))
        if candidate <= year:
            candidate += 100  # "1999-00"
        if candidate - year > 10:
            return None  # "2010-35" is no season; more likely a score or a code
        start = datetime(candidate, 1, 1)
        return _made_up(
            timex, match.start(1), match.end(1), match.group(1), str(candidate),
            Interval(start, datetime(candidate + 1, 1, 1)),
        )  # fmt: skip
    return None


def abbreviated_start(text: str, timex: Timex) -> Timex | None:
    """The start of "3-5 March 2024" as a timex, when ``timex`` ("5 March 2024") is its end."""
    if timex.interval is None or timex.precision != Precision.DAY or not timex.text[:1].isdigit():
        return None
    match = _DAY_BEFORE.search(text, max(0, timex.start - 8), timex.start)
    if match is None:
        return None
    last = timex.interval.start
    day = int(match.group(1))
    if not 1 <= day < last.day:
        return None
    start = datetime(last.year, last.month, day)
    return _made_up(
        timex, match.start(1), match.end(1), match.group(1), f"{start:%Y-%m-%d}",
        Interval(start, start + timedelta(days=1)),
    )  # fmt: skip


def _step(timex: Timex) -> relativedelta | None:
    """How far a relative timex may be off by resolving in the wrong direction."""
    if timex.anchor_kind == AnchorKind.NONE or timex.precision is None:
        return None
    if timex.precision >= Precision.DAY:
        return relativedelta(days=7)
    if timex.precision in (Precision.MONTH, Precision.SEASON, Precision.QUARTER):
        return relativedelta(years=1)
    return None


def _moved(timex: Timex, step: relativedelta) -> Timex:
    assert timex.interval is not None
    interval = Interval(timex.interval.start + step, timex.interval.end + step)
    return replace(timex, interval=interval, value=_shifted_value(timex.value, step))


def forward_in_range(
    earlier: Timex, later: Timex, published: date | None = None
) -> tuple[Timex, Timex] | None:
    """``(earlier, later)`` as a range running forward, one end moved if needed.

    Relative expressions resolved one at a time may run backwards: "from
    Monday to Wednesday" with Wednesday before Monday, or "between April and
    June" with April put after the publication date. A start in the future of
    the publication date moves back (news mostly tells the past); otherwise the
    end moves forward, by a week (days) or a year (months, seasons). None when
    the range still runs backwards ("from 2010 to 2009").
    """
    if earlier.interval is None or later.interval is None:
        return None
    if later.interval.end > earlier.interval.start:
        return earlier, later
    start_in_future = published is not None and earlier.interval.start.date() > published
    back = _step(earlier) if start_in_future else None
    if back is not None:
        moved = _moved(earlier, -back)
        assert moved.interval is not None
        if later.interval.end > moved.interval.start:
            return moved, later
    forward = _step(later)
    if forward is not None:
        moved = _moved(later, forward)
        assert moved.interval is not None
        if moved.interval.end > earlier.interval.start:
            return earlier, moved
    return None


def _shifted_value(value: str, step: relativedelta) -> str:
    """The TIMEX3 value moved by ``step`` when it is a plain date; else marked as moved."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return (datetime.fromisoformat(value) + step).strftime("%Y-%m-%d")
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return (datetime.fromisoformat(value + "-01") + step).strftime("%Y-%m")
    except ValueError:
        pass
    return value
