"""Anchor-dependent operations: relative expressions resolved against a date.

News text points at calendar positions relative to its publication date (the
DCT) or to a date the narrative just mentioned. Without an anchor the value
stays underspecified (``XXXX-WXX-1``), never guessed from today's clock.
Which way a bare "Thursday" or "October" points is decided by the tense of its
sentence (``Tense``), computed by the tagger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from timeline_app.temporal.timex import AnchorKind, Precision
from timeline_app.temporal.values import NoValue, Op

SEASONS = ("WI", "SP", "SU", "FA")  # index = month // 3 % 4
FUTURE_PENALTY = 2.0  # a future date must be this many times closer than a past one


class Tense(Enum):
    """Rough temporal orientation of a sentence."""

    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Anchors:
    """The dates a relative expression may be resolved against.

    ``tense`` is a callable because finding the sentence's tense costs a scan
    and only direction-dependent operations ("Thursday", "October") need it.
    """

    dct: date | None
    narrative: date | None
    tense: Callable[[], Tense]
    narrative_precision: Precision | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """Result of an operation: the value prefix and what it was anchored on."""

    value: str
    anchor_kind: AnchorKind
    anchor: date | None
    # A comparison ("a year earlier") is no new reference point for the next one.
    is_reference_point: bool = True


def _direction(requested: str, sentence_tense: Callable[[], Tense], op: Op) -> str:
    """Which way an expression points; news reports on the recent past, so a
    bare weekday with no tense marker is taken to be the last one."""
    if requested and requested != "auto":
        return requested
    if op in (Op.SHIFT, Op.DURATION, Op.YEAR):
        return ""
    if sentence_tense() is Tense.FUTURE:
        return "future"
    if op in (Op.WEEKDAY, Op.WEEKEND):
        return "past"
    # A month (and day) without a year: the occurrence nearest the DCT unless
    # the sentence looks ahead. Measured on TBAQ, past-tense markers ("said")
    # mislead here (past statements about coming dates are common), and so
    # does defaulting to the DCT's year.
    return "nearest"


def format_at(day: date, unit: str) -> str:
    """A date written at the granularity of ``unit``."""
    if isinstance(day, datetime):  # a date shifted by hours
        day = day.date()
    if unit in ("day", "hour", "minute", "second"):
        return day.isoformat()  # a shift of hours is written as the day it lands on
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit == "season":
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{SEASONS[day.month // 3 % 4]}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    raise NoValue(f"unknown unit {unit!r}")


_UNDERSPECIFIED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "season": "XXXX-XX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}
_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "half": relativedelta(months=6),
    "season": relativedelta(months=3),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
    "hour": relativedelta(hours=1),
    "minute": relativedelta(minutes=1),
    "second": relativedelta(seconds=1),
}
_DURATION_UNITS = {
    "year": (1, "Y", False),
    "month": (1, "M", False),
    "week": (1, "W", False),
    "day": (1, "D", False),
    "quarter": (1, "Q", False),
    "decade": (10, "Y", False),
    "century": (100, "Y", False),
    "hour": (1, "H", True),
    "minute": (1, "M", True),
    "second": (1, "S", True),
}


_SMALLER = {  # (letter, is a time unit) -> the next smaller unit and how many fit
    ("Y", False): ("M", 12),
    ("W", False): ("D", 7),
    ("H", True): ("M", 60),
    ("M", True): ("S", 60),
}


def duration(amount: str, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``P10Y`` for a decade; ``X`` stays unknown (``PXY``)."""
    if unit not in _DURATION_UNITS:
        raise NoValue(f"unknown duration unit {unit!r}")
    factor, letter, is_time = _DURATION_UNITS[unit]
    if amount != "X":
        number = float(amount) * factor
        if number <= 0:
            raise NoValue("empty duration")
        whole = int(number)
        if number != whole and (letter, is_time) in _SMALLER:
            # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
            smaller, per = _SMALLER[letter, is_time]
            rest = round((number - whole) * per)
            head = f"{whole}{letter}" if whole else ""
            return ("PT" if is_time else "P") + head + f"{rest}{smaller}"
        amount = str(whole) if number == whole else f"{number:g}"
    if unit == "decade" and amount == "X":
        letter = "DE"
    if unit == "century" and amount == "X":
        letter = "CE"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _pick(candidates: list[date], anchor: date, direction: str) -> date:
    """Choose among candidate dates (sorted) the one the direction means."""
    if direction in ("past", "last"):
        past = [c for c in candidates if c <= anchor]
        if direction == "last":
            past = [c for c in past if c < anchor] or past
        return past[-1] if past else candidates[0]
    if direction in ("future", "next"):
        future = [c for c in candidates if c >= anchor]
        if direction == "next":
            future = [c for c in future if c > anchor] or future
        return future[0] if future else candidates[-1]

    # Nearest, leaning to the past: news mostly reports what happened, so a
    # later date wins only when it is much closer (measured on TBAQ).
    def distance(candidate: date) -> float:
        days = (candidate - anchor).days
        return days * FUTURE_PENALTY if days > 0 else -days

    return min(candidates, key=distance)


def resolve(op: Op, args: list[str], anchors: Anchors) -> Resolved:
    """Apply an operation to the anchors; raise NoValue for impossible dates."""
    if op is Op.DURATION:
        return Resolved(duration(args[0], args[1]), AnchorKind.NONE, None)
    anchor, kind = anchors.dct, AnchorKind.DCT
    mode = args[2] if op is Op.SHIFT and len(args) > 2 else ""
    if (
        mode in ("narrative", "period", "reported")
        and anchors.narrative is not None
        and ("X" not in args[1])
    ):
        unit = _narrative_unit(args[0], anchors)
        if unit is not None and (mode != "period" or unit in _PERIOD_UNITS):
            if unit not in _PERIOD_UNITS:
                unit = args[0]  # "the following year" is a year, whatever the anchor
            shifted = anchors.narrative + _STEP[args[0]] * int(float(args[1]))
            value = format_at(shifted, unit)
            return Resolved(value, AnchorKind.NARRATIVE, anchors.narrative, False)
    if op is Op.YEAR:
        kind = kind if len(args[0]) < 4 and anchor is not None else AnchorKind.NONE
        return Resolved(_year(args[0], anchor), kind, anchor)
    if anchor is None:
        return Resolved(_unanchored(op, args), AnchorKind.NONE, None)
    if mode == "reported" and anchors.tense() is Tense.PAST:
        # "profit fell in the quarter": results are reported for a period
        # that has ended, so without a narrative anchor it is the last one.
        args = [args[0], str(int(args[1]) - 1)]
    requested = args[-1] if len(args) > _ARGS_BEFORE_DIRECTION[op] else ""
    direction = _direction(requested, anchors.tense, op)
    value = _anchored(op, args, anchor, direction)
    return Resolved(value, kind, anchor, mode not in ("narrative", "period", "reported"))


_ARGS_BEFORE_DIRECTION = {
    Op.SHIFT: 99,
    Op.WEEKDAY: 1,
    Op.WEEKEND: 0,
    Op.MONTHDAY: 2,
    Op.MONTH: 1,
    Op.SEASON: 1,
    Op.QUARTER: 1,
    Op.HALF: 1,
    Op.HOLIDAY: 2,
}


_UNIT_PRECISION = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "month": Precision.MONTH,
    "season": Precision.SEASON,
    "quarter": Precision.QUARTER,
    "half": Precision.HALF,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
    "century": Precision.CENTURY,
}
_PERIOD_UNITS = frozenset({"quarter", "half"})
_PRECISION_UNIT = {precision: unit for unit, precision in _UNIT_PRECISION.items()}


def _narrative_unit(unit: str, anchors: Anchors) -> str | None:
    """The anchor's own granularity, provided it is at least as fine as the
    shift; None when there is no such anchor. A shift from a reporting period
    keeps that period ("a year earlier" after "the third quarter" is a quarter)."""
    precision = anchors.narrative_precision
    if anchors.narrative is None or precision is None or unit not in _UNIT_PRECISION:
        return None
    if precision < _UNIT_PRECISION[unit]:
        return None
    return _PRECISION_UNIT.get(min(precision, Precision.DAY), "day")


def _year(digits: str, anchor: date | None) -> str:
    if len(digits) == 4:
        return digits
    base = anchor.year if anchor else 1950
    year = base // 100 * 100 + int(digits)
    if year > base + 20:
        year -= 100
    elif year < base - 80:
        year += 100
    return f"{year:04d}"


def _unanchored(op: Op, args: list[str]) -> str:
    if op is Op.SHIFT:
        amount = args[1]
        if amount in ("-X", "X") or amount.startswith("-X"):
            return "PAST_REF"
        if amount == "+X":
            return "FUTURE_REF"
        return _UNDERSPECIFIED.get(args[0], "XXXX")
    if op is Op.WEEKDAY:
        return f"XXXX-WXX-{int(args[0])}"
    if op is Op.WEEKEND:
        return "XXXX-WXX-WE"
    if op is Op.MONTHDAY:
        month, day = int(args[0]), int(args[1])
        date(2000, month, day)  # raises ValueError for impossible dates (leap year allows 02-29)
        return f"XXXX-{month:02d}-{day:02d}"
    if op is Op.MONTH:
        return f"XXXX-{int(args[0]):02d}"
    if op is Op.SEASON:
        return f"XXXX-{args[0]}"
    if op is Op.QUARTER:
        return f"XXXX-Q{args[0]}"
    if op is Op.HALF:
        return f"XXXX-H{args[0]}"
    if op is Op.HOLIDAY:
        if len(args) > 1 and args[1].isdigit():
            return holiday_date(args[0], int(args[1])).isoformat()
        rule = args[0]
        return f"XXXX-{rule}" if _FIXED_HOLIDAY(rule) else "XXXX-XX-XX"
    raise NoValue(f"no unanchored form for {op}")


def _FIXED_HOLIDAY(rule: str) -> bool:
    parts = rule.split("-")
    return len(parts) == 2 and all(p.isdigit() for p in parts)


def _anchored(op: Op, args: list[str], anchor: date, direction: str) -> str:
    if op is Op.SHIFT:
        unit, amount = args[0], args[1]
        if "X" in amount:
            return "FUTURE_REF" if amount.startswith("+") else "PAST_REF"
        if unit not in _STEP:
            raise NoValue(f"unknown unit {unit!r}")
        return format_at(anchor + _STEP[unit] * int(float(amount)), unit)
    if op is Op.WEEKEND:
        saturday = _anchored(Op.WEEKDAY, ["6"], anchor, direction)
        return format_at(date.fromisoformat(saturday), "week") + "-WE"
    if op is Op.WEEKDAY:
        weekday = int(args[0])
        if direction == "this":
            monday = anchor - timedelta(days=anchor.weekday())
            return (monday + timedelta(days=weekday - 1)).isoformat()
        offset = weekday - 1 - anchor.weekday()
        candidates = [anchor + timedelta(days=offset + 7 * k) for k in (-1, 0, 1)]
        return _pick(candidates, anchor, direction).isoformat()
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if direction == "this" and op in (Op.SEASON, Op.HOLIDAY):
        direction = "nearest"  # this winter may have begun last December
    elif direction == "this":
        years = [anchor.year]
    if op is Op.MONTHDAY:
        month, day = int(args[0]), int(args[1])
        candidates = [_safe_date(year, month, day) for year in years]
        valid = [c for c in candidates if c]
        if not valid:
            raise NoValue(f"impossible date {month}-{day}")
        return _pick(valid, anchor, direction).isoformat()
    if op is Op.MONTH:
        month = int(args[0])
        chosen = _pick([date(y, month, 1) for y in years], _month_start(anchor), direction)
        return f"{chosen.year:04d}-{month:02d}"
    if op is Op.SEASON:
        season = args[0]
        month = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}[season]
        current = date(anchor.year - (anchor.month < 3), (anchor.month // 3 % 4 or 4) * 3, 1)
        chosen = _pick([date(y, month, 1) for y in years], current, direction)
        return f"{chosen.year:04d}-{season}"
    if op in (Op.QUARTER, Op.HALF):
        size = 3 if op is Op.QUARTER else 6
        part = int(args[0])
        current = date(anchor.year, (anchor.month - 1) // size * size + 1, 1)
        chosen = _pick([date(y, (part - 1) * size + 1, 1) for y in years], current, direction)
        letter = "Q" if op is Op.QUARTER else "H"
        return f"{chosen.year:04d}-{letter}{part}"
    if op is Op.HOLIDAY:
        if len(args) > 1 and args[1].isdigit():
            return holiday_date(args[0], int(args[1])).isoformat()
        candidates = [holiday_date(args[0], year) for year in years]
        return _pick(candidates, anchor, direction).isoformat()
    raise NoValue(f"operation {op} needs no anchor")


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def holiday_date(rule: str, year: int) -> date:
    """A holiday in ``year`` from its table rule: ``12-25`` (fixed), ``11/4/4``
    (month/nth/ISO weekday; nth -1 = last) or ``easter+N`` (days after Easter)."""
    if rule.startswith("easter"):
        offset = int(rule[6:] or 0)
        return easter(year) + timedelta(days=offset)
    if "/" in rule:
        month, nth, weekday = (int(part) for part in rule.split("/"))
        if nth > 0:
            first = date(year, month, 1)
            shift = (weekday - 1 - first.weekday()) % 7
            return first + timedelta(days=shift + 7 * (nth - 1))
        last = date(year, month, 1) + relativedelta(months=1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - (weekday - 1)) % 7)
    month, day = (int(part) for part in rule.split("-"))
    return date(year, month, day)
