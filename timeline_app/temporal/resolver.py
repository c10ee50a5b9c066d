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
from datetime import date
from enum import Enum, StrEnum

from timeline_app.temporal.occurrences import anchored, unanchored
from timeline_app.temporal.timex import AnchorKind, Precision
from timeline_app.temporal.units import (
    PERIOD_UNITS,
    PRECISION_UNIT,
    STEP,
    UNDERSPECIFIED,
    UNIT_PRECISION,
    Direction,
    ShiftMode,
    Unit,
    duration,
    format_at,
    parse_enum,
)
from timeline_app.temporal.values import Op


class Tense(Enum):
    """Rough temporal orientation of a sentence."""

    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"
    # The expression stamps the text itself (a live-blog entry's "(12:26 p.m.
    # Monday ET)"): posted around the anchor, before or after it.
    STAMP = "stamp"


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
    # The last quarter or half named: the period a financial report is about,
    # even when a finer date ("the quarter ended Sept. 30") came after it.
    reported_period: tuple[date, Precision] | None = None
    # The last date named at all, reference point or not ("in a speech six
    # weeks ago, saying at the time ..."): what "at the time" means.
    last_named: tuple[date, Precision] | None = None
    # Where a clause that dates something already over puts a month or day
    # without a year ("the fiscal year ended Jan. 31": PAST; "In January,
    # the company brought in ...": OVER), None otherwise. Asked only for those.
    settled_direction: Callable[[], Direction | None] = lambda: None
    # FUTURE when a month or day without a year is a deadline ("by December"),
    # None otherwise. Asked only for those.
    deadline_direction: Callable[[], Direction | None] = lambda: None


@dataclass(frozen=True, slots=True)
class Resolved:
    """Result of an operation: the value prefix and what it was anchored on."""

    value: str
    anchor_kind: AnchorKind
    anchor: date | None
    # A comparison ("a year earlier") is no new reference point for the next one.
    is_reference_point: bool = True


def _direction(requested: str, anchors: Anchors, op: Op) -> Direction:
    """Which way an expression points; news reports on the recent past, so a
    bare weekday with no tense marker is taken to be the last one."""
    sentence_tense = anchors.tense
    direction = parse_enum(Direction, requested) if requested else Direction.AUTO
    # In January "this fall" is the coming one if the sentence looks ahead
    # ("the election will take place this fall"), else the nearest.
    is_season = direction is Direction.THIS and op is Op.SEASON
    if is_season and sentence_tense() is Tense.FUTURE:
        return Direction.FUTURE
    if direction is not Direction.AUTO:
        return direction
    tense = sentence_tense()  # a scan of the sentence: asked once
    if tense is Tense.STAMP:
        return Direction.NEAREST
    if tense is Tense.FUTURE:
        return Direction.FUTURE
    if op is Op.WEEKDAY:
        return Direction.PAST
    if op is Op.WEEKEND:  # without a past verb the nearest one, under way included
        return Direction.PAST if tense is Tense.PAST else Direction.NEAREST
    # A month (and day) without a year: the occurrence nearest the DCT unless
    # the sentence looks ahead. Measured on TBAQ, past-tense markers ("said")
    # mislead here (past statements about coming dates are common), and so
    # does defaulting to the DCT's year; only a clause that dates something
    # already over ("the year ended Jan. 31") points back for sure.
    if op in _MONTH_OPS and tense is Tense.PAST:
        return anchors.settled_direction() or Direction.NEAREST
    # A deadline ("by December") leans to the coming one unless the sentence
    # is past: with a past marker it broke 7 of 7 changed values on
    # Timeline17 ("Business was good before February"), without one it fixed 2.
    if op in _MONTH_OPS:
        return anchors.deadline_direction() or Direction.NEAREST
    return Direction.NEAREST


_MONTH_OPS = (Op.MONTH, Op.MONTHDAY)


def resolve(op: Op, args: list[str], anchors: Anchors) -> Resolved:
    """Apply an operation to the anchors; raise NoValue for impossible dates."""
    if op is Op.DURATION:
        return Resolved(duration(args[0], parse_enum(Unit, args[1])), AnchorKind.NONE, None)
    if op is Op.SHIFT:
        return _shift(args, anchors)
    anchor = anchors.dct
    if op is Op.YEAR:
        if len(args) > 1 and args[1] == YEAR_PERIOD:
            in_period = _reported_period_in_year(_year(args[0], anchor), anchors)
            if in_period is not None:
                return in_period
        kind = AnchorKind.DCT if len(args[0]) < 4 and anchor is not None else AnchorKind.NONE
        return Resolved(_year(args[0], anchor), kind, anchor)
    if anchor is None:
        return Resolved(unanchored(op, args), AnchorKind.NONE, None)
    requested = args[-1] if len(args) > _ARGS_BEFORE_DIRECTION[op] else ""
    direction = _direction(requested, anchors, op)
    if direction is Direction.THIS and _is_period_to_come(op, args, anchor):
        # "announced a drop in profits for the fourth quarter" in January: a
        # period told in the past is last year's when that one is nearer
        # (leaning to the past); in August, "has announced closures during the
        # fourth quarter" is still this year's.
        direction = Direction.NEAREST if anchors.tense() is Tense.PAST else direction
    if direction in (Direction.AFTER, Direction.BEFORE):
        return _from_narrative_day(op, args, anchors, direction)
    if direction is Direction.REPORTED:
        # "the quarter ended Sept. 30" after "the fiscal first quarter" restates
        # the reported (fiscal) quarter; the month only decides without one.
        period = anchors.reported_period
        if op is Op.QUARTER and period is not None and period[1] is Precision.QUARTER:
            return Resolved(format_at(period[0], Unit.QUARTER), AnchorKind.NARRATIVE, period[0])
        direction = Direction.PAST
    return Resolved(anchored(op, args, anchor, direction), AnchorKind.DCT, anchor)


def _from_narrative_day(
    op: Op, args: list[str], anchors: Anchors, direction: Direction
) -> Resolved:
    """ "The following Monday", "the previous Friday": counted from the day the
    story is at (the last day named), else from the DCT like "next"/"last"."""
    strictly = Direction.NEXT if direction is Direction.AFTER else Direction.LAST
    precision = anchors.narrative_precision
    if anchors.narrative is not None and precision is not None and precision >= Precision.DAY:
        day = anchors.narrative
        return Resolved(anchored(op, args, day, strictly), AnchorKind.NARRATIVE, day, False)
    anchor = anchors.dct
    return Resolved(anchored(op, args, anchor, strictly), AnchorKind.DCT, anchor)


def _is_period_to_come(op: Op, args: list[str], anchor: date) -> bool:
    """Whether quarter or half ``args[0]`` of the anchor's year starts after the anchor."""
    if op not in (Op.QUARTER, Op.HALF) or not args[0].isdigit():
        return False
    months = 3 if op is Op.QUARTER else 6
    return (int(args[0]) - 1) * months + 1 > anchor.month


def _shift(args: list[str], anchors: Anchors) -> Resolved:
    """``@shift(unit, amount[, mode])``: the anchor moved by whole units."""
    unit, amount = parse_enum(Unit, args[0]), args[1]
    mode = parse_enum(ShiftMode, args[2]) if len(args) > 2 else ShiftMode.DCT
    # The period a report is about ("profit fell in the quarter") is what its
    # later comparisons ("the year-earlier quarter") are measured from.
    is_reference_point = mode in (ShiftMode.DCT, ShiftMode.REPORTED, ShiftMode.AHEAD)
    if mode is ShiftMode.AHEAD and anchors.tense() is Tense.PAST:
        # "endorsed it for the first time in 60 years", "sales doubled in two
        # years": told in the past, "in N years" is how long, not when.
        return Resolved(duration(amount.lstrip("+"), unit), AnchorKind.NONE, None, False)
    if mode is ShiftMode.THEN:
        return _narrative_then(anchors)
    if "X" in amount:  # "a few years ago", "in a few years"
        reference = "FUTURE_REF" if amount.startswith("+") else "PAST_REF"
        return Resolved(reference, AnchorKind.NONE, None)
    count = int(float(amount))
    period = anchors.reported_period
    is_this_quarter = mode is ShiftMode.REPORTED and count == 0 and unit is Unit.QUARTER
    if is_this_quarter and period is not None and period[1] is Precision.QUARTER:
        # "the quarter", "the latest period": the quarter being reported,
        # even when a finer date ("ended Sept. 30") was named since.
        value = format_at(period[0], Unit.QUARTER)
        return Resolved(value, AnchorKind.NARRATIVE, period[0], is_reference_point)
    if mode is not ShiftMode.DCT and anchors.narrative is not None:
        own_unit = _narrative_unit(unit, anchors)
        if own_unit is not None and (mode is not ShiftMode.PERIOD or own_unit in PERIOD_UNITS):
            # "the following year" is a year whatever the anchor; a shift from a
            # reporting period keeps the period ("a year earlier" -> a quarter).
            written = own_unit if own_unit in PERIOD_UNITS else unit
            if mode is ShiftMode.COMPARISON and own_unit is Unit.DAY and unit is Unit.YEAR:
                # "$90 million a year earlier" after "as of Sept. 30": the same
                # balance-sheet day a year back, not the whole year.
                written = Unit.DAY
            reached = anchors.narrative + STEP[unit] * count
            if _lands_after_publication(mode, reached, unit, anchors):
                # "20 years later" after the 1980s, said in 2011: the story's
                # narrative date is not this one's anchor; no date beats 2031.
                return Resolved(UNDERSPECIFIED.get(unit, "XXXX"), AnchorKind.NONE, None, False)
            value = format_at(reached, written)
            return Resolved(value, AnchorKind.NARRATIVE, anchors.narrative, False)
    if mode is ShiftMode.NARRATIVE and count != 0:
        told = _told_from_coarse_or_no_anchor(unit, count, anchors)
        if told is not None:
            return told
    reported = _reported_period_year_ago(unit, count, mode, anchors)
    if reported is not None:
        return reported
    anchor = anchors.dct
    if anchor is None:
        return Resolved(UNDERSPECIFIED.get(unit, "XXXX"), AnchorKind.NONE, None)
    if mode is ShiftMode.REPORTED and anchors.tense() is Tense.PAST:
        # "profit fell in the quarter": results are reported for a period
        # that has ended, so without a narrative anchor it is the last one.
        count -= 1
    value = format_at(anchor + STEP[unit] * count, unit)
    return Resolved(value, AnchorKind.DCT, anchor, is_reference_point)


def _lands_after_publication(mode: ShiftMode, reached: date, unit: Unit, anchors: Anchors) -> bool:
    """Whether a narrative "N units later" would carry a told past across the DCT.

    The unit in which the DCT falls is allowed ("a year later" from 2010 in a
    2011 story is 2011); a sentence that looks ahead may still land later.
    """
    if mode is not ShiftMode.NARRATIVE or anchors.dct is None or reached <= anchors.dct:
        return False
    if anchors.narrative is not None and anchors.narrative >= reached:
        return False  # no shift forward ("that day", "by mid-afternoon")
    if format_at(reached, unit) == format_at(anchors.dct, unit):
        return False
    return anchors.tense() is not Tense.FUTURE


def literal_argument_problem(op: Op, args: tuple[str, ...]) -> str | None:
    """Why a rule's literal (placeholder-free) arguments cannot work, or None.

    Checked when the rules load, so ``@shift(weeks,-1)`` fails at start-up
    with its file and line instead of silently never matching.
    """
    expected: list[tuple[int, type[StrEnum]]] = []
    if op is Op.SHIFT:
        expected = [(0, Unit), (2, ShiftMode)]
    elif op is Op.DURATION:
        expected = [(1, Unit)]
    elif op is Op.YEAR and len(args) > 1 and "{" not in args[1] and args[1] != YEAR_PERIOD:
        return f"@year: {args[1]!r} is not {YEAR_PERIOD}"
    elif op in _ARGS_BEFORE_DIRECTION and len(args) > _ARGS_BEFORE_DIRECTION[op]:
        expected = [(len(args) - 1, Direction)]
    for position, kind in expected:
        if position < len(args) and "{" not in args[position]:
            try:
                kind(args[position])
            except ValueError:
                allowed = ", ".join(member.value for member in kind)
                return f"@{op}: {args[position]!r} is not one of {allowed}"
    return None


_ARGS_BEFORE_DIRECTION = {
    Op.WEEKDAY: 1,
    Op.WEEKEND: 0,
    Op.MONTHDAY: 2,
    Op.WEEKDAY_MONTHDAY: 3,
    Op.WEEK_OF: 2,
    Op.MONTH: 1,
    Op.SEASON: 1,
    Op.QUARTER: 1,
    Op.HALF: 1,
    Op.HOLIDAY: 2,
}


def _narrative_then(anchors: Anchors) -> Resolved:
    """ "At the time" is the moment the story is at, as finely as it was named
    ("In 1985 ... At the time" = 1985); with no date named before, a past one."""
    if anchors.last_named is None:
        return Resolved("PAST_REF", AnchorKind.NONE, None, False)
    moment, precision = anchors.last_named
    unit = PRECISION_UNIT.get(min(precision, Precision.DAY), Unit.DAY)
    return Resolved(format_at(moment, unit), AnchorKind.NARRATIVE, moment, False)


def _told_from_coarse_or_no_anchor(unit: Unit, count: int, anchors: Anchors) -> Resolved | None:
    """ "Twenty years later" after "the 1980s" counts from the 1980s, at the
    decade's granularity (the 2000s), not from the publication date (2031);
    with no date mentioned before, "ten years later" has nothing to count from
    and stays underspecified rather than landing years after publication."""
    precision = anchors.narrative_precision
    if anchors.narrative is not None and precision is not None:
        if precision >= UNIT_PRECISION.get(unit, precision):
            return None  # fine enough: the ordinary narrative shift handled it
        written = PRECISION_UNIT.get(precision)
        if written is None or written in PERIOD_UNITS:
            return None
        value = format_at(anchors.narrative + STEP[unit] * count, written)
        return Resolved(value, AnchorKind.NARRATIVE, anchors.narrative, False)
    if count > 0 and UNIT_PRECISION.get(unit, Precision.DAY) <= Precision.YEAR:
        return Resolved(UNDERSPECIFIED.get(unit, "XXXX"), AnchorKind.NONE, None, False)
    return None


def _narrative_unit(unit: Unit, anchors: Anchors) -> Unit | None:
    """The narrative anchor's own granularity, provided it is at least as fine
    as the shift; None when there is no such anchor."""
    precision = anchors.narrative_precision
    if anchors.narrative is None or precision is None or unit not in UNIT_PRECISION:
        return None
    if precision < UNIT_PRECISION[unit]:
        return None
    return PRECISION_UNIT.get(min(precision, Precision.DAY), Unit.DAY)


YEAR_PERIOD = "period"


def _reported_period_in_year(year: str, anchors: Anchors) -> Resolved | None:
    """``@year(y,period)``: "the 1988 period" in a report about a quarter is
    that quarter of 1988 (the comparison period), not the whole year; None
    when no quarter or half has been named."""
    if anchors.reported_period is None or anchors.reported_period[1] is Precision.YEAR:
        return None
    period_start, precision = anchors.reported_period
    unit = PRECISION_UNIT[precision]
    moved = period_start.replace(year=int(year))  # a period starts on day 1: no Feb 29
    return Resolved(format_at(moved, unit), AnchorKind.NARRATIVE, period_start, False)


def _reported_period_year_ago(
    unit: Unit, count: int, mode: ShiftMode, anchors: Anchors
) -> Resolved | None:
    """ "from $90 million a year ago" after "the quarter ended Sept. 30": the
    comparison is with the reported quarter's year-ago twin even when a finer
    date was named since; None outside that case."""
    if mode is not ShiftMode.PERIOD or unit is not Unit.YEAR or anchors.reported_period is None:
        return None
    period_start, precision = anchors.reported_period
    if precision not in (Precision.QUARTER, Precision.HALF):
        return None
    moved = format_at(period_start + STEP[unit] * count, PRECISION_UNIT[precision])
    return Resolved(moved, AnchorKind.NARRATIVE, period_start, False)


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
