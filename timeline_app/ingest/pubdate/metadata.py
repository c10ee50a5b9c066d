"""Publication dates written in metadata: parsed strictly, with an error that says what is wrong."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateutil_parser

from timeline_app.ingest.errors import UnreadableDate

_LONG_YEAR = re.compile(r"(?<!\d)[+-]?\d{5,}(?=-\d{1,2}-\d{1,2}|\b)")
_NUMERIC_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
ALTERNATIVE_KEY = "published_alternative"
MAX_DATE_CHARS = 80  # the longest real date strings are RFC 2822 stamps with a zone name
_EPOCH_NUMBER = re.compile(r"^\d{9,13}(\.\d+)?$")


def parse_metadata_date(raw: object, field: str = "date") -> date:
    """The calendar date of a metadata value (ISO, RFC 2822, "Jan 8, 2024", epoch seconds).

    Times with a zone are converted to UTC first, so "2024-01-08T23:30-05:00" is
    the 9th, matching what a UTC timeline draws.
    """
    if isinstance(raw, bool):
        raise UnreadableDate(f"{field} {raw!r} is not a date", "is not a date")
    if isinstance(raw, (int, float)):
        return _from_epoch(float(raw), field)
    if not isinstance(raw, str):
        raise UnreadableDate(f"{field} {raw!r} is not a date", "is not a date")
    value = raw.strip()
    if not value:
        raise UnreadableDate(f"{field} is empty", "is empty")
    if len(value) > MAX_DATE_CHARS:
        length = f"({len(value)} characters long)"
        raise UnreadableDate(f"{field} is not a date {length}", f"is not a date {length}")
    if _EPOCH_NUMBER.match(value):
        return _from_epoch(float(value), field)
    if _LONG_YEAR.search(value):
        predicate = "is out of range (years 1 to 9999)"
        raise UnreadableDate(f"{field} {value!r} {predicate}", predicate)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = dateutil_parser.parse(value)
        except (ValueError, OverflowError) as error:
            raise UnreadableDate(
                f"{field} {value!r} is not a date ({error})", _unreadable_predicate(error)
            ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.date()


def _unreadable_predicate(error: Exception) -> str:
    """What is wrong, in words: a date with impossible parts is "not a real date"."""
    detail = str(error).split(":", 1)[0].strip()
    if "out of range" in detail or "must be in" in detail:
        return f"is not a real date ({detail})"
    return "is not a date"


SHOWN_VALUE_CHARS = 60


def unreadable_date_problem(described: str, error: UnreadableDate) -> str:
    """The warning for a metadata date that is no date, e.g.
    "header 'Date: 2024-02-30' is not a real date (day is out of range for month)".

    ``described`` names the source and the value as the file wrote it
    (pass the value through :func:`shown_value`).
    """
    return f"{described} {error.predicate}"


def shown_value(raw: object) -> str:
    """A metadata value short enough to quote in a message (a whole line can be huge)."""
    text = " ".join(str(raw).split())
    if len(text) > SHOWN_VALUE_CHARS:
        return text[: SHOWN_VALUE_CHARS - 1] + "…"
    return text


def _from_epoch(seconds: float, field: str) -> date:
    """Seconds (or milliseconds, as JavaScript writes them) since 1970."""
    if seconds > 1e11:
        seconds /= 1000
    if seconds < 1e8:  # before 1973: a year or a stray number, not a timestamp
        raise UnreadableDate(f"{field} {seconds!r} is not a date", "is not a date")
    try:
        return datetime.fromtimestamp(seconds, UTC).date()
    except (OverflowError, OSError, ValueError):
        predicate = "is out of range as seconds since 1970"
        raise UnreadableDate(f"{field} {seconds!r} {predicate}", predicate) from None


def alternative_reading(raw: object) -> date | None:
    """The day-first reading of an all-numeric date that also reads month-first.

    "03-02-2009" is March 2 to :func:`parse_metadata_date` (the US order
    dateutil assumes) but 3 February in most of the world. The importer lets
    the article's own words decide between the two (see ``ingest.pipeline``).
    """
    if not isinstance(raw, str):
        return None
    match = _NUMERIC_DAY_MONTH.match(raw)
    if not match:
        return None
    first, second, year = (int(part) for part in match.groups())
    if first == second or first > 12 or second > 12:
        return None
    try:
        return date(year, second, first)
    except ValueError:
        return None
