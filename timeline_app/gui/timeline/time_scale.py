"""Pure time-axis logic for the timeline canvas: the visible window and its ticks.

No Qt here, so the rules that make the axis readable (ticks that adapt from
millennia down to minutes, zoom that keeps the point under the cursor still,
limits that keep datetimes valid) are tested quickly and exhaustively with
hypothesis, and the widget only maps numbers to pixels.

Time is a float of seconds since 1970-01-01 (naive, like the domain types):
cheap to scale and compare, exact to the millisecond across years 1-9999.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

EPOCH = datetime(1970, 1, 1)
MINUTE = 60.0
HOUR = 3600.0
DAY = 86400.0
WEEK = 7 * DAY
EARLIEST = datetime(1, 1, 1)
LATEST = datetime(9999, 12, 31, 23, 59, 59)


def to_seconds(moment: datetime) -> float:
    """Seconds since the epoch of a naive (or aware, taken as wall clock) datetime."""
    return (moment.replace(tzinfo=None) - EPOCH).total_seconds()


EARLIEST_S = to_seconds(EARLIEST)
LATEST_S = to_seconds(LATEST)
MIN_SPAN_S = 10 * MINUTE  # zooming further shows nothing a news timeline can resolve
MAX_SPAN_S = LATEST_S - EARLIEST_S


def from_seconds(seconds: float) -> datetime:
    """Inverse of ``to_seconds``, clamped to the datetimes Python can represent."""
    clamped = min(max(seconds, EARLIEST_S), LATEST_S)
    return EPOCH + timedelta(seconds=clamped)


@dataclass(frozen=True, slots=True)
class Viewport:
    """The visible window ``[start, end)`` in epoch seconds; immutable, always valid."""

    start: float
    end: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start) and math.isfinite(self.end)):
            raise ValueError(f"viewport bounds must be finite: {self.start}, {self.end}")
        if self.end <= self.start:
            raise ValueError(f"viewport ends before it starts: {self.start} >= {self.end}")

    @classmethod
    def around(cls, start: float, end: float) -> Viewport:
        """A valid viewport covering ``[start, end]``: widened to the minimum span, clamped."""
        if end < start:
            start, end = end, start
        centre = (start + end) / 2
        span = min(max(end - start, MIN_SPAN_S), MAX_SPAN_S)
        return cls(centre - span / 2, centre + span / 2).clamped()

    @classmethod
    def from_datetimes(cls, start: datetime, end: datetime) -> Viewport:
        """A viewport from two datetimes (see ``around``)."""
        return cls.around(to_seconds(start), to_seconds(end))

    @property
    def span(self) -> float:
        """Width of the window in seconds."""
        return self.end - self.start

    def clamped(self) -> Viewport:
        """The same span shifted (and shrunk if need be) to lie inside years 1-9999."""
        span = min(max(self.span, MIN_SPAN_S), MAX_SPAN_S)
        start = min(max(self.start, EARLIEST_S), LATEST_S - span)
        return Viewport(start, start + span)

    def zoomed(self, factor: float, anchor: float = 0.5) -> Viewport:
        """Zoom by ``factor`` (>1 zooms in) keeping the time at fraction ``anchor`` fixed."""
        if not (factor > 0 and math.isfinite(factor)):
            raise ValueError(f"zoom factor must be positive and finite, got {factor}")
        anchor = min(max(anchor, 0.0), 1.0)
        new_span = min(max(self.span / factor, MIN_SPAN_S), MAX_SPAN_S)
        pivot = self.start + anchor * self.span
        start = pivot - anchor * new_span
        return Viewport(start, start + new_span).clamped()

    def panned(self, delta_seconds: float) -> Viewport:
        """The window moved by ``delta_seconds`` (positive moves later), span unchanged."""
        return Viewport(self.start + delta_seconds, self.end + delta_seconds).clamped()

    def contains(self, other: Viewport) -> bool:
        """True when ``other`` lies entirely inside this window."""
        return self.start <= other.start and other.end <= self.end

    def x_of(self, seconds: float, width: float) -> float:
        """Pixel x of a time for a canvas ``width`` pixels wide."""
        return (seconds - self.start) * width / self.span

    def seconds_at(self, x: float, width: float) -> float:
        """Time under pixel ``x`` (inverse of ``x_of``)."""
        return self.start + x * self.span / width


# --- ticks -------------------------------------------------------------------------------


class Calendar(Enum):
    """The calendar field a tick unit steps in."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    SECOND = "second"


@dataclass(frozen=True, slots=True)
class TickUnit:
    """One rung of the tick ladder: step ``count`` of ``calendar`` fields.

    ``shortest`` is the smallest real length of one step (a month is at least 28
    days), so a unit chosen for its spacing never puts two labels too close.
    """

    name: str
    calendar: Calendar
    count: int
    shortest: float
    label_chars: int  # widest label, in characters, used to estimate label width


def _years(n: int) -> TickUnit:
    return TickUnit(f"{n}y", Calendar.YEAR, n, n * 365 * DAY, 4)


# Coarse to fine. The widget picks the finest unit whose labels still fit.
TICK_UNITS: tuple[TickUnit, ...] = (
    _years(5000),
    _years(2000),
    _years(1000),
    _years(500),
    _years(200),
    _years(100),
    _years(50),
    _years(20),
    _years(10),
    _years(5),
    _years(2),
    _years(1),
    TickUnit("6mo", Calendar.MONTH, 6, 181 * DAY, 4),
    TickUnit("3mo", Calendar.MONTH, 3, 89 * DAY, 4),
    TickUnit("1mo", Calendar.MONTH, 1, 28 * DAY, 4),
    TickUnit("1w", Calendar.WEEK, 1, WEEK, 6),
    TickUnit("1d", Calendar.DAY, 1, DAY, 6),
    TickUnit("12h", Calendar.SECOND, 12 * 3600, 12 * HOUR, 5),
    TickUnit("6h", Calendar.SECOND, 6 * 3600, 6 * HOUR, 5),
    TickUnit("3h", Calendar.SECOND, 3 * 3600, 3 * HOUR, 5),
    TickUnit("1h", Calendar.SECOND, 3600, HOUR, 5),
    TickUnit("30min", Calendar.SECOND, 1800, 30 * MINUTE, 5),
    TickUnit("15min", Calendar.SECOND, 900, 15 * MINUTE, 5),
    TickUnit("5min", Calendar.SECOND, 300, 5 * MINUTE, 5),
    TickUnit("1min", Calendar.SECOND, 60, MINUTE, 5),
)
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class Tick:
    """One labelled position on the axis."""

    seconds: float
    when: datetime
    label: str
    major: bool = False  # also a boundary of the coarser context unit (drawn stronger)


@dataclass(frozen=True, slots=True)
class Axis:
    """Everything the canvas draws for one viewport: fine ticks and context labels.

    ``context`` marks the coarser periods (the year of month ticks, the month of
    day ticks, the day of hour ticks); the canvas pins the one containing the left
    edge so the reader always knows which year/month/day they are looking at.
    """

    unit: TickUnit
    ticks: tuple[Tick, ...]
    context_unit: TickUnit | None
    context: tuple[Tick, ...]


def choose_unit(span_seconds: float, width_px: float, char_px: float = 7.0) -> TickUnit:
    """The finest tick unit whose shortest step leaves room for its label.

    Room is the label's estimated width plus padding, at least 48 px, so the axis
    never crowds even with a wide font.
    """
    if span_seconds <= 0 or width_px <= 0:
        raise ValueError(f"need a positive span and width, got {span_seconds}, {width_px}")
    px_per_second = width_px / span_seconds
    chosen = TICK_UNITS[0]
    for unit in TICK_UNITS:
        if unit.shortest * px_per_second >= min_spacing_px(unit, char_px):
            chosen = unit
        else:
            break
    return chosen


def min_spacing_px(unit: TickUnit, char_px: float = 7.0) -> float:
    """Smallest pixel distance between two ticks of ``unit`` (label width + padding)."""
    return max(48.0, unit.label_chars * char_px + 24.0)


def _context_unit(unit: TickUnit) -> TickUnit | None:
    by_name = {u.name: u for u in TICK_UNITS}
    if unit.calendar is Calendar.MONTH:
        return by_name["1y"]
    if unit.calendar in (Calendar.WEEK, Calendar.DAY):
        return by_name["1mo"]
    if unit.calendar is Calendar.SECOND:
        return by_name["1d"]
    return None


def tick_times(unit: TickUnit, start: datetime, end: datetime) -> Iterator[datetime]:
    """Datetimes of ``unit`` boundaries in ``[start, end]``, aligned to the calendar."""
    stepper = _STEPPERS[unit.calendar]
    yield from stepper(unit.count, start, end)


def _year_ticks(count: int, start: datetime, end: datetime) -> Iterator[datetime]:
    year = max(1, math.ceil(start.year / count) * count)
    if datetime(year, 1, 1) < start:
        year += count
    while year <= end.year and year <= LATEST.year:
        yield datetime(year, 1, 1)
        year += count


def _month_ticks(count: int, start: datetime, end: datetime) -> Iterator[datetime]:
    index = start.year * 12 + start.month - 1
    index = math.ceil(index / count) * count
    while True:
        year, month0 = divmod(index, 12)
        if year > LATEST.year:
            return
        moment = datetime(year, month0 + 1, 1)
        if moment > end:
            return
        if moment >= start:
            yield moment
        index += count


def _week_ticks(count: int, start: datetime, end: datetime) -> Iterator[datetime]:
    day = datetime(start.year, start.month, start.day)
    monday = day - timedelta(days=day.weekday())
    moment = monday if monday >= start else monday + timedelta(weeks=count)
    while moment <= end:
        yield moment
        if moment > LATEST - timedelta(weeks=count):
            return
        moment += timedelta(weeks=count)


def _day_ticks(count: int, start: datetime, end: datetime) -> Iterator[datetime]:
    moment = datetime(start.year, start.month, start.day)
    if moment < start:
        moment += timedelta(days=1)
    while moment <= end:
        yield moment
        if moment > LATEST - timedelta(days=count):
            return
        moment += timedelta(days=count)


def _second_ticks(count: int, start: datetime, end: datetime) -> Iterator[datetime]:
    seconds = math.ceil(to_seconds(start) / count) * count
    last = to_seconds(end)
    while seconds <= last:
        yield EPOCH + timedelta(seconds=seconds)
        seconds += count


_STEPPERS: dict[Calendar, Callable[[int, datetime, datetime], Iterator[datetime]]] = {
    Calendar.YEAR: _year_ticks,
    Calendar.MONTH: _month_ticks,
    Calendar.WEEK: _week_ticks,
    Calendar.DAY: _day_ticks,
    Calendar.SECOND: _second_ticks,
}


def tick_label(unit: TickUnit, moment: datetime) -> str:
    """Short label of a fine tick: '2024', 'Mar', '14', '09:00'."""
    if unit.calendar is Calendar.YEAR:
        return str(moment.year)
    if unit.calendar is Calendar.MONTH:
        return MONTH_ABBR[moment.month - 1]
    if unit.calendar is Calendar.WEEK:
        return f"{moment.day} {MONTH_ABBR[moment.month - 1]}"
    if unit.calendar is Calendar.DAY:
        return f"{WEEKDAY_ABBR[moment.weekday()]} {moment.day}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def context_label(unit: TickUnit, moment: datetime) -> str:
    """Label of a context period: '2024', 'March 2024', 'Thu 14 Mar 2024'."""
    if unit.calendar is Calendar.YEAR:
        return str(moment.year)
    if unit.calendar is Calendar.MONTH:
        return f"{MONTH_NAMES[moment.month - 1]} {moment.year}"
    weekday = WEEKDAY_ABBR[moment.weekday()]
    return f"{weekday} {moment.day} {MONTH_ABBR[moment.month - 1]} {moment.year}"


def _period_start(unit: TickUnit, moment: datetime) -> datetime:
    """Start of the context period containing ``moment``."""
    if unit.calendar is Calendar.YEAR:
        return datetime(moment.year, 1, 1)
    if unit.calendar is Calendar.MONTH:
        return datetime(moment.year, moment.month, 1)
    return datetime(moment.year, moment.month, moment.day)


def build_axis(viewport: Viewport, width_px: float, char_px: float = 7.0) -> Axis:
    """Ticks and context labels for ``viewport`` drawn ``width_px`` wide."""
    unit = choose_unit(viewport.span, width_px, char_px)
    start, end = from_seconds(viewport.start), from_seconds(viewport.end)
    context_unit = _context_unit(unit)
    context_times = set(tick_times(context_unit, start, end)) if context_unit is not None else set()
    ticks = tuple(
        Tick(to_seconds(moment), moment, tick_label(unit, moment), moment in context_times)
        for moment in tick_times(unit, start, end)
    )
    context: tuple[Tick, ...] = ()
    if context_unit is not None:
        first = _period_start(context_unit, start)
        moments = [first, *sorted(m for m in context_times if m > first)]
        context = tuple(
            Tick(to_seconds(m), m, context_label(context_unit, m), True) for m in moments
        )
    return Axis(unit, ticks, context_unit, context)


def describe_span(seconds: float) -> str:
    """Human size of a span, for tooltips: '1 day', '3 months', '2 years', '45 minutes'."""
    sizes = (
        (365.2425 * DAY, "year"),
        (30.436875 * DAY, "month"),
        (WEEK, "week"),
        (DAY, "day"),
        (HOUR, "hour"),
        (MINUTE, "minute"),
    )
    for size, name in sizes:
        if seconds >= 0.95 * size:
            count = max(1, round(seconds / size))
            return f"{count} {name}{'' if count == 1 else 's'}"
    return f"{max(seconds, 0):.0f} seconds"


def _day(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


def format_interval(start: datetime, end: datetime, fine: bool) -> str:
    """An interval as a reader says it: '2024-01-06', '2024-10-01 – 2024-10-31', or
    with times when ``fine`` (hour precision or finer). ``end`` is exclusive, so a
    whole day or month names its own last day, not the next one's first."""
    if fine:
        first, last = f"{_day(start)} {start:%H:%M}", f"{_day(end)} {end:%H:%M}"
    else:
        last_moment = end - timedelta(microseconds=1) if end > start else end
        first, last = _day(start), _day(last_moment)
    return first if first == last else f"{first} – {last}"
