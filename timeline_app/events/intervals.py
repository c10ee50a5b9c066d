"""Calendar reasoning for events: modifiers, spans between two timexes, "since" phrases.

A timex gives one interval; an event may need more: "late 2017" is the last
third of 2017, "from March 3 to March 5" joins two timexes, and "since
mid-October" runs up to the publication date. The phrase tests look only at the
few characters between or around time expressions, never at whole sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from timeline_app.events.word_lists import word_set
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex

# How long one unit of each precision lasts, to tell a whole calendar unit
# ("2017", "October") from an interval the tagger already narrowed.
_UNIT_LENGTH: dict[Precision, relativedelta] = {
    Precision.MILLENNIUM: relativedelta(years=1000),
    Precision.CENTURY: relativedelta(years=100),
    Precision.DECADE: relativedelta(years=10),
    Precision.YEAR: relativedelta(years=1),
    Precision.HALF: relativedelta(months=6),
    Precision.QUARTER: relativedelta(months=3),
    Precision.SEASON: relativedelta(months=3),
    Precision.MONTH: relativedelta(months=1),
    Precision.WEEK: relativedelta(days=7),
    Precision.DAY: relativedelta(days=1),
    Precision.HOUR: relativedelta(hours=1),
    Precision.MINUTE: relativedelta(minutes=1),
    Precision.SECOND: relativedelta(seconds=1),
}

# TIMEX3 mod values that pick a part of the interval, and which third.
_PART_MODS = {"START": 0, "EARLY": 0, "MID": 1, "END": 2, "LATE": 2}
# Mods that make the date itself uncertain (shown in the explanation, lower confidence).
VAGUE_MODS = frozenset(
    {"APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"}
)

# "from February 15 through "at least" February 28": a hedge on the end (in
# quotes or not) still closes the span.
_SPAN_JOINER = re.compile(
    r"\s*(?P<word>to|until|till|through|thru|and|[-–—])\s*"
    r"(?:[\"“”']?(?:at\s+least|at\s+the\s+(?:earliest|latest)|as\s+late\s+as)[\"“”']?\s*)?",
    re.IGNORECASE,
)
_SPAN_OPENER = re.compile(r"\b(?:from|between)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s*$", re.IGNORECASE)
_SINCE_INSIDE = re.compile(r"^(?:ever\s+)?since\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_UNTIL_NOW_AFTER = re.compile(
    r"\s*(?:(?:up\s+)?(?:to|until|till)\s+(?:now|today|date|the\s+present(?:\s+day)?)\b"
    r"|onwards?\b|on(?=\s*(?:[,.;:)]|$)))",
    re.IGNORECASE,
)
_LOOKBEHIND = 30  # characters examined before a timex for "since"/"from"/"between"


def is_whole_unit(interval: Interval, precision: Precision) -> bool:
    """Whether ``interval`` is exactly one calendar unit at ``precision``."""
    length = _UNIT_LENGTH.get(precision)
    if length is None:
        return False
    return interval.start + length == interval.end


def narrow_for_mod(interval: Interval, precision: Precision, mod: str | None) -> Interval:
    """The part of ``interval`` that START/MID/END (early, mid-, late) selects.

    Intervals the tagger already narrowed are returned unchanged, as are
    intervals under any other mod. Whole months or longer split at month
    boundaries ("late 2017" = September to December); shorter ones by thirds.
    """
    part = _PART_MODS.get((mod or "").upper())
    if part is None or not is_whole_unit(interval, precision):
        return interval
    start, end = interval.start, interval.end
    months = (end.year - start.year) * 12 + end.month - start.month
    if months >= 3 and start.day == 1 and end.day == 1:
        first = start + relativedelta(months=round(months / 3))
        second = start + relativedelta(months=round(2 * months / 3))
    elif precision == Precision.MONTH:
        # Conventional thirds of a month: 1-10, 11-20, 21-end.
        first, second = start + timedelta(days=10), start + timedelta(days=20)
    else:
        third = (end - start) / 3
        first, second = start + third, start + 2 * third
    bounds = [start, first, second, end]
    return Interval(bounds[part], bounds[part + 1])


def span_between(text: str, earlier: Timex, later: Timex) -> str | None:
    """The joining word if the text joins ``earlier`` and ``later`` into one span, else None.

    Recognised: "from X to/until/through Y", "X to Y", "between X and Y",
    "X-Y" (any dash). "and" alone only joins after "between", so "on Monday and
    Friday" stays two points. Whether the span runs forward in time is
    ``ranges.forward_in_range``'s question.
    """
    gap = text[earlier.end : later.start]
    joiner = _SPAN_JOINER.fullmatch(gap)
    if joiner is None:
        return None
    word = joiner.group("word").lower()
    before = text[max(0, earlier.start - _LOOKBEHIND) : earlier.start]
    if word == "and" and not _BETWEEN.search(before):
        return None
    return word


_ADJACENT_GAP = re.compile(r"[\s,(]*(?:(?:on|at|of|in)\s+)?(?:the\s+)?", re.IGNORECASE)


def are_adjacent(text: str, earlier: Timex, later: Timex) -> bool:
    """Whether only commas, a bracket or "on"/"at"/"of" separate two timexes.

    "at 12:00 UTC Monday", "Monday, Jan. 8", "16:15 UTC, June 1st": one moment
    written in two pieces.
    """
    return _ADJACENT_GAP.fullmatch(text, earlier.end, later.start) is not None


def time_on_day(clock: Timex, day: Timex) -> Timex | None:
    """``clock`` ("16:15 UTC") moved onto the day ``day`` ("June 1st") names, if it can be.

    A time of day resolved against the publication day but written next to
    another date belongs to that date: "at 16:15 UTC, June 1st".
    """
    if (
        clock.interval is None
        or day.interval is None
        or clock.anchor_kind == AnchorKind.NONE  # a full timestamp stays where it is
        or clock.precision is None
        or clock.precision <= Precision.DAY
        or day.precision != Precision.DAY
        or contains(day.interval, clock.interval)
    ):
        return None
    midnight = datetime(
        clock.interval.start.year, clock.interval.start.month, clock.interval.start.day
    )
    shift = day.interval.start - midnight
    moved = Interval(clock.interval.start + shift, clock.interval.end + shift)
    value = day.value + clock.value[clock.value.index("T") :] if "T" in clock.value else clock.value
    return replace(clock, interval=moved, value=value)


def contains(outer: Interval, inner: Interval) -> bool:
    """Whether ``inner`` lies within ``outer``."""
    return outer.start <= inner.start and inner.end <= outer.end


def opens_span(text: str, timex: Timex) -> bool:
    """Whether "from"/"between" comes right before ``timex`` (raises span confidence)."""
    return bool(_SPAN_OPENER.search(text[max(0, timex.start - _LOOKBEHIND) : timex.start]))


def is_ongoing(text: str, timex: Timex) -> bool:
    """Whether ``timex`` starts something still going on: "since X", "from X until now"."""
    if _SINCE_INSIDE.match(timex.text):
        return True
    before = text[max(0, timex.start - _LOOKBEHIND) : timex.start]
    if _SINCE_BEFORE.search(before):
        return True
    return bool(_FROM_BEFORE.search(before) and _UNTIL_NOW_AFTER.match(text, timex.end))


_COMPARISON_REACH = 80  # characters before "since" searched for "lowest", "first"...
_CLAUSE_EDGE = re.compile(r"[.;:!?]|,\s+(?:and|but|while)\b")


def since_comparison(text: str, timex: Timex, floor: int = 0) -> str | None:
    """The superlative that makes "since X" a comparison ("lowest ... since 1997"), if any.

    Looks at the words between the start of the clause (at most
    ``_COMPARISON_REACH`` characters back, never before ``floor``) and the timex.
    """
    window = text[max(floor, timex.start - _COMPARISON_REACH) : timex.start]
    edges = list(_CLAUSE_EDGE.finditer(window))
    if edges:
        window = window[edges[-1].end() :]
    words = word_set("since_comparisons.txt")
    for word in re.findall(r"[a-z]+", window.lower()):
        if word in words:
            return word
    return None


def ongoing_end(interval: Interval, published: date | None) -> tuple[datetime, bool]:
    """End of an ongoing event: the end of the publication day, when known and later.

    Returns the end and whether it came from the publication date.
    """
    if published is not None:
        start_of_publication = datetime(published.year, published.month, published.day)
        # The last day of the calendar (9999-12-31) has no next midnight.
        end_of_publication = (
            start_of_publication + timedelta(days=1) if published < date.max else datetime.max
        )
        if end_of_publication > interval.start:
            return end_of_publication, True
    return interval.end, False


def _midnight(moment: datetime) -> datetime:
    return datetime(moment.year, moment.month, moment.day)


def to_whole_days(interval: Interval, precision: Precision) -> Interval:
    """Day-or-coarser intervals widened to whole days (the tagger may cut thirds mid-day)."""
    if precision > Precision.DAY:
        return interval
    start = _midnight(interval.start)
    end = _midnight(interval.end)
    if end < interval.end or end <= start:
        end += timedelta(days=1)
    return Interval(start, end)


_YEAR_PREFIX = re.compile(r"^(\d{4})(?=-|$)")


def past_for_since(
    value: str, interval: Interval, published: date | None
) -> tuple[str, Interval] | None:
    """A "since X" resolved after the publication date, moved back one year; else None.

    "since mid-October" in an article of January looks back to last October: a
    relative month or day that the resolver placed in the future is the
    previous year's. Only values starting with a year can be moved.
    """
    if published is None or interval.start.date() <= published:
        return None
    match = _YEAR_PREFIX.match(value)
    if match is None:
        return None
    moved = Interval(interval.start - relativedelta(years=1), interval.end - relativedelta(years=1))
    if moved.start.date() > published:
        return None  # more than a year ahead: not a simple wrong-direction guess
    return f"{int(match.group(1)) - 1:04d}{value[4:]}", moved
