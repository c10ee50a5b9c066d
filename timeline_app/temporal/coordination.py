"""Bare days coordinated with a full date: "April 24 and 25", "Nov. 5 or 6".

The second day names no month, so no rule can read it alone (a bare "25" is
just a number); it shares the month and year of the date it is joined to.
What may join them is data: the ``coordinated_day`` pattern of the rule set,
matched right after a day-precision date and capturing the day as ``day``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from timeline_app.temporal.calendar import interval_of
from timeline_app.temporal.timex import Precision, Timex, TimexType

COORDINATED_DAY_RULE = "date.coordinated_day"
_ENDS_WITH_DAY = re.compile(r"\d(?:st|nd|rd|th)?$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"(?P<month>(?:\d{4}|XXXX)-\d\d)-(?P<day>\d\d)")


def with_coordinated_days(
    text: str, timexes: Sequence[Timex], joiner: re.Pattern[str]
) -> list[Timex]:
    """``timexes`` (sorted, non-overlapping) plus the second members of
    coordinated dates, still sorted.

    A second member is added only where it overlaps nothing already found
    and names a later day that exists in the first member's month. A year
    after it ("May 5 and 6, 2011") dates both members.
    """
    result: list[Timex] = []
    absorbed = -1  # index of a bare year taken into the pair before it
    for index, first in enumerate(timexes):
        if index == absorbed:
            continue
        pair = _coordinated_pair(text, first, joiner)
        following = timexes[index + 1] if index + 1 < len(timexes) else None
        if pair is not None and following is not None and following.start < pair[1].end:
            inside = pair[1].start <= following.start and following.end <= pair[1].end
            if inside and following.precision is Precision.YEAR:
                absorbed = index + 1  # the "2011" of "May 5 and 6, 2011"
            else:
                pair = None
        result.extend(pair or (first,))
    return result


def _coordinated_pair(
    text: str, first: Timex, joiner: re.Pattern[str]
) -> tuple[Timex, Timex] | None:
    if first.type is not TimexType.DATE or first.precision is not Precision.DAY or first.mod:
        return None
    value = _DAY_VALUE.fullmatch(first.value)
    if value is None or not _ENDS_WITH_DAY.search(first.text):
        return None
    match = joiner.match(text, first.end)
    if match is None:
        return None
    day = int(match.group("day"))
    year_month = value.group("month")
    year = match.groupdict().get("year")
    if year and not re.search(r"\d{4}", first.text):
        year_month = f"{year}{year_month[4:]}"
        first = _redated(first, f"{year_month}-{value.group('day')}", first.start, first.end, text)
    if day <= int(value.group("day")) or first is None:
        return None  # "May 5 and 3 others": a count, not a later day
    second_end = match.end("year") if year else match.end("day")
    second = _redated(first, f"{year_month}-{day:02d}", match.start("day"), second_end, text)
    if second is None:
        return None
    return first, replace(second, rule=COORDINATED_DAY_RULE)


def _redated(timex: Timex, value: str, start: int, end: int, text: str) -> Timex | None:
    """``timex`` moved to another day and span; None if that day does not exist."""
    spanned = interval_of(value)
    if spanned is None or not _exists(value):
        return None
    return replace(
        timex, start=start, end=end, text=text[start:end], value=value, interval=spanned[0]
    )


def _exists(value: str) -> bool:
    year_text, month_text, day_text = value.split("-")
    year = int(year_text) if year_text.isdigit() else 2000  # a leap year allows 02-29
    try:
        date(year, int(month_text), int(day_text))
    except ValueError:
        return False
    return True
