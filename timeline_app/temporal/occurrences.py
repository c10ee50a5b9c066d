"""Which occurrence of a weekday, month, season or quarter an expression means.

A bare "Thursday" or "October" names one of several nearby occurrences; the
direction (``units.Direction``, from the sentence's tense or the rule) and
the anchor (the DCT or the day the story is at) pick one. Without an anchor
the value stays underspecified (``XXXX-WXX-4``).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from timeline_app.temporal.units import Direction, Unit, format_at
from timeline_app.temporal.values import NoValue, Op

FUTURE_PENALTY = 2.0  # a future date must be this many times closer than a past one
# A story's publication date may lag what it reports (time zones, updates
# filed the next day): "as of 26 April" in a story dated 25 April is that day.
PUBLICATION_LAG = timedelta(days=7)


def pick(candidates: list[date], anchor: date, direction: Direction) -> date:
    """Choose among candidate dates (sorted) the one the direction means."""
    if direction is Direction.OVER:
        over = [c for c in candidates if c <= anchor + PUBLICATION_LAG]
        return over[-1] if over else candidates[0]
    if direction in (Direction.PAST, Direction.LAST):
        past = [c for c in candidates if c <= anchor]
        if direction is Direction.LAST:
            past = [c for c in past if c < anchor] or past
        return past[-1] if past else candidates[0]
    if direction in (Direction.FUTURE, Direction.NEXT):
        future = [c for c in candidates if c >= anchor]
        if direction is Direction.NEXT:
            future = [c for c in future if c > anchor] or future
        return future[0] if future else candidates[-1]

    # Nearest, leaning to the past: news mostly reports what happened, so a
    # later date wins only when it is much closer (measured on TBAQ).
    def distance(candidate: date) -> float:
        days = (candidate - anchor).days
        return days * FUTURE_PENALTY if days > 0 else -days

    return min(candidates, key=distance)


def _weekend_saturday(anchor: date, direction: Direction) -> date:
    """The Saturday of the weekend "this/the weekend" means.

    A weekend is two days, so the one under way counts as both past and
    coming: said on a Sunday, "this weekend" is the one ending today whatever
    the tense, and a future clause means a weekend not yet over. Without a
    tense the nearest one wins, a coming one counted twice as far (as for
    weekdays): Monday to Thursday the last weekend, Friday the next.
    """
    this_saturday = anchor + timedelta(days=5 - anchor.weekday())
    saturdays = [this_saturday + timedelta(days=7 * k) for k in (-1, 0, 1)]
    if direction is Direction.THIS:
        return this_saturday
    if direction in (Direction.PAST, Direction.LAST, Direction.OVER):
        return [s for s in saturdays if s <= anchor][-1]
    if direction in (Direction.FUTURE, Direction.NEXT):
        return next(s for s in saturdays if s + timedelta(days=1) >= anchor)

    def distance(saturday: date) -> float:
        if saturday > anchor:
            return (saturday - anchor).days * FUTURE_PENALTY
        return max(0, (anchor - saturday).days - 1)

    return min(saturdays, key=distance)


def unanchored(op: Op, args: list[str]) -> str:
    if op is Op.WEEKDAY:
        return f"XXXX-WXX-{int(args[0])}"
    if op is Op.WEEKEND:
        return "XXXX-WXX-WE"
    if op in (Op.MONTHDAY, Op.WEEKDAY_MONTHDAY):
        month, day = int(args[0]), int(args[1])
        date(2000, month, day)  # raises ValueError for impossible dates (leap year allows 02-29)
        return f"XXXX-{month:02d}-{day:02d}"
    if op is Op.WEEK_OF:
        return "XXXX-WXX"
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
        return f"XXXX-{rule}" if _is_fixed_holiday(rule) else "XXXX-XX-XX"
    raise NoValue(f"no unanchored form for {op}")


def _is_fixed_holiday(rule: str) -> bool:
    parts = rule.split("-")
    return len(parts) == 2 and all(p.isdigit() for p in parts)


def anchored(op: Op, args: list[str], anchor: date, direction: Direction) -> str:
    if op is Op.WEEKEND:
        return format_at(_weekend_saturday(anchor, direction), Unit.WEEK) + "-WE"
    if op is Op.WEEKDAY:
        weekday = int(args[0])
        if direction is Direction.THIS:
            monday = anchor - timedelta(days=anchor.weekday())
            return (monday + timedelta(days=weekday - 1)).isoformat()
        offset = weekday - 1 - anchor.weekday()
        candidates = [anchor + timedelta(days=offset + 7 * k) for k in (-1, 0, 1)]
        return pick(candidates, anchor, direction).isoformat()
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if direction is Direction.THIS and op in (Op.SEASON, Op.HOLIDAY):
        direction = Direction.NEAREST  # this winter may have begun last December
    elif direction is Direction.THIS:
        years = [anchor.year]
    if op is Op.WEEK_OF:
        day = date.fromisoformat(anchored(Op.MONTHDAY, args, anchor, direction))
        return format_at(day, Unit.WEEK)
    if op is Op.WEEKDAY_MONTHDAY:
        # "Thursday, Jan. 6": of the nearby years, the one whose Jan. 6 is a
        # Thursday; a weekday that fits none of them is a slip, and the date
        # alone decides.
        month, day, weekday = int(args[0]), int(args[1]), int(args[2])
        days = [_safe_date(year, month, day) for year in years]
        fitting = [d for d in days if d and d.isoweekday() == weekday]
        if fitting:
            return pick(fitting, anchor, direction).isoformat()
        return anchored(Op.MONTHDAY, args[:2], anchor, direction)
    if op is Op.MONTHDAY:
        month, day = int(args[0]), int(args[1])
        candidates = [_safe_date(year, month, day) for year in years]
        valid = [c for c in candidates if c]
        if not valid:
            raise NoValue(f"impossible date {month}-{day}")
        return pick(valid, anchor, direction).isoformat()
    if op is Op.MONTH:
        month = int(args[0])
        chosen = pick([date(y, month, 1) for y in years], _month_start(anchor), direction)
        return f"{chosen.year:04d}-{month:02d}"
    if op is Op.SEASON:
        season = args[0]
        month = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}[season]
        current = date(anchor.year - (anchor.month < 3), (anchor.month // 3 % 4 or 4) * 3, 1)
        chosen = pick([date(y, month, 1) for y in years], current, direction)
        return f"{chosen.year:04d}-{season}"
    if op in (Op.QUARTER, Op.HALF):
        size = 3 if op is Op.QUARTER else 6
        part = int(args[0])
        current = date(anchor.year, (anchor.month - 1) // size * size + 1, 1)
        chosen = pick([date(y, (part - 1) * size + 1, 1) for y in years], current, direction)
        letter = "Q" if op is Op.QUARTER else "H"
        return f"{chosen.year:04d}-{letter}{part}"
    if op is Op.HOLIDAY:
        if len(args) > 1 and args[1].isdigit():
            return holiday_date(args[0], int(args[1])).isoformat()
        candidates = [holiday_date(args[0], year) for year in years]
        return pick(candidates, anchor, direction).isoformat()
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
