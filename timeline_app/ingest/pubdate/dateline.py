"""Datelines: the date a news article states for itself in its opening lines.

``parse_dateline`` recognises a news dateline in the opening lines
("BAGHDAD, Jan. 8 (Reuters) -", "HONG KONG | Tue May 12, 2009 8:56 am EDT",
"2009 06 19 22:54 JST", "Jan 8, 2024 —"), with plain regular expressions over
untrusted text (no backtracking traps: every repetition is bounded or anchored
on a literal). A dateline may lack the year; the caller (``pubdate``) completes
it from the rest of the article. The other dates an article mentions are found
by ``date_cues.scan_cues``; the month, weekday and date helpers here are shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH = (
    r"(?P<{name}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|"
    r"June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|"
    r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
_WEEKDAY_WORD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<{name}>(?:1[89]|20)\d\d)(?!\d)"
_DASH = r"(?:--|-|–|—|:)"


def _fill(pattern: str, **names: str) -> str:
    return pattern.format(**names)


def month_number(word: str) -> int:
    """Month number of an English month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word.strip(".").lower()[:3]]


def weekday_number(word: str) -> int:
    """Monday=0 ... Sunday=6 from a weekday name or abbreviation ("Thurs" -> 3)."""
    key = word.strip(".").lower()[:2]
    return {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}[key]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for impossible ones (31 June, 29 Feb 2023)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- datelines


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A dateline found in the opening lines; ``year`` is None when it was not written."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None = None
    weekday: int | None = None  # as written in the dateline, Monday=0


# How far into the text a dateline may start: past photo captions and bullet
# summaries that precede the wire dateline, but not into the body.
DATELINE_WINDOW = 700

_WIRE_STAMP = re.compile(
    # "HONG KONG | Tue May 12, 2009 8:56 am EDT" or a line opening "Sat Apr 25, 2009 12:51 am BST"
    r"(?:^|\n|\|\s{0,3})\s{0,3}(?P<weekday>"
    + _WEEKDAY_WORD
    + r"),?\s{1,3}"
    + _fill(_MONTH, name="month")
    + r"\s{1,3}"
    + _fill(_DAY, name="day")
    + r",?\s{1,3}"
    + _fill(_YEAR, name="year")
    + r"(?:\s{1,3}\d{1,2}:\d\d(?:\s{0,2}(?:[ap]\.?m\.?|[AP]M))?(?:\s{1,3}[A-Z]{2,4}\b)?)?"
)
_NUMERIC_STAMP = re.compile(
    # "2009 06 19 22:54 JST" at the start of a line
    r"(?:^|\n)\s{0,3}" + _fill(_YEAR, name="year") + r"[ /.-](?P<month_num>[01]?\d)[ /.-]"
    r"(?P<day>[0-3]?\d)\s{1,3}\d{1,2}:\d\d(?:\s{1,3}[A-Z]{2,4}\b)?"
)
_PLACE = (
    r"[A-Z][A-Z.'’\-/\\]{1,30}(?:\s{1,2}[A-Z][A-Z.'’\-/\\]{1,30}){0,3}"  # NEW YORK
    r"(?:,\s{1,2}[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]{1,20})?)?"  # , France
)
_AGENCY_DATELINE = re.compile(
    # "BAGHDAD, Jan. 8 (Reuters) -", "LONDON May 11 (Reuters)", "RIYADH, June 3, 2009 -"
    r"(?P<place>"
    + _PLACE
    + r"),?\s{1,3}(?:(?P<weekday>"
    + _WEEKDAY_WORD
    + r"),?\s{1,3})?"
    + _fill(_MONTH, name="month")
    + r"\s{1,3}"
    + _fill(_DAY, name="day")
    + r"(?:,?\s{1,3}"
    + _fill(_YEAR, name="year")
    + r")?"
    + r"\s{0,3}(?:(?P<agency>\([A-Z][\w .&'-]{1,30}\))\s{0,3}"
    + _DASH
    + r"?|"
    + _DASH
    + r")"
)
_ISO_STAMP = re.compile(
    # "2024-01-08 —", "2024-01-08T09:30Z" opening a line
    r"(?:^|\n)\s{0,3}"
    + _fill(_YEAR, name="year")
    + r"-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)(?:[ T]\d{1,2}:\d\d(?::\d\d)?Z?)?\s{0,3}"
    + r"(?:"
    + _DASH
    + r"|\n)"
)
_STAMP_LINE = re.compile(
    # "Published: January 8, 2024", "Posted on 8 Jan 2024". Not "Updated ...": an
    # update stamp dates a later edit (often a year later on scraped pages).
    r"(?:^|\n)\s{0,3}(?:Published|Posted|First published)(?:\s{1,3}on)?:?"
    r"[^\n]{0,30}?(?:(?P<weekday>"
    + _WEEKDAY_WORD
    + r"),?\s{1,3})?(?:"
    + _fill(_MONTH, name="month")
    + r"\s{1,3}"
    + _fill(_DAY, name="day")
    + r",?\s{1,3}"
    + _fill(_YEAR, name="year")
    + r"|"
    + _fill(_DAY, name="day2")
    + r"\s{1,3}"
    + _fill(_MONTH, name="month2")
    + r",?\s{1,3}"
    + _fill(_YEAR, name="year2")
    + r")",
    re.IGNORECASE,
)
_DATE_FIRST = re.compile(
    # "Jan 8, 2024 —", "Monday, January 8, 2024 -", "May 09 - ", "8 January 2024 —"
    r"(?:^|\n)\s{0,3}(?:(?P<weekday>"
    + _WEEKDAY_WORD
    + r"),?\s{1,3})?(?:"
    + _fill(_MONTH, name="month")
    + r"\s{1,3}"
    + _fill(_DAY, name="day")
    + r"(?:,?\s{1,3}"
    + _fill(_YEAR, name="year")
    + r")?|"
    + _fill(_DAY, name="day2")
    + r"\s{1,3}"
    + _fill(_MONTH, name="month2")
    + r"(?:,?\s{1,3}"
    + _fill(_YEAR, name="year2")
    + r")?)"
    + r"\s{1,3}"
    + _DASH
    + r"\s"
)


def parse_dateline(text: str) -> DatelineMatch | None:
    """The first dateline that starts in the opening ``DATELINE_WINDOW`` characters."""
    head = text[: DATELINE_WINDOW + 120]
    found: list[DatelineMatch] = []
    for pattern in (
        _WIRE_STAMP,
        _NUMERIC_STAMP,
        _ISO_STAMP,
        _STAMP_LINE,
        _AGENCY_DATELINE,
        _DATE_FIRST,
    ):
        for match in pattern.finditer(head):
            if match.start() > DATELINE_WINDOW:
                break
            dateline = _dateline_from(match)
            if dateline is not None:
                found.append(dateline)
                break
    if not found:
        return None
    # Prefer the earliest; at equal starts the one that carries a year.
    return min(found, key=lambda d: (d.start, d.year is None))


def _dateline_from(match: re.Match[str]) -> DatelineMatch | None:
    groups = match.groupdict()
    if groups.get("month_num"):
        month = int(groups["month_num"])
    else:
        word = groups.get("month") or groups.get("month2")
        if not word:
            return None
        month = month_number(word)
    day = int(groups.get("day") or groups.get("day2") or 0)
    year_text = groups.get("year") or groups.get("year2")
    year = int(year_text) if year_text else None
    if not 1 <= month <= 12 or safe_date(year or 2000, month, day) is None:
        return None
    weekday = weekday_number(groups["weekday"]) if groups.get("weekday") else None
    start = match.start()
    while start < match.end() and text_is_separator(match.string[start]):
        start += 1
    return DatelineMatch(
        start=start,
        end=match.end(),
        text=match.string[start : match.end()].strip(),
        month=month,
        day=day,
        year=year,
        weekday=weekday,
    )


def text_is_separator(character: str) -> bool:
    return character in "\n|" or character.isspace()


def strip_dateline(text: str) -> str:
    """The text without its dateline (used to measure inference without that help)."""
    dateline = parse_dateline(text)
    if dateline is None:
        return text
    return text[: dateline.start] + text[dateline.end :].lstrip(" -–—")
