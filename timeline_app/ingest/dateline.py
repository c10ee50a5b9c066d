"""Datelines and date cues: the raw evidence from which a publication date is reasoned.

Two jobs, both plain regular expressions over untrusted text (no backtracking
traps: every repetition is bounded or anchored on a literal):

* ``parse_dateline`` recognises a news dateline in the opening lines
  ("BAGHDAD, Jan. 8 (Reuters) -", "HONG KONG | Tue May 12, 2009 8:56 am EDT",
  "2009 06 19 22:54 JST", "Jan 8, 2024 —"). A dateline may lack the year; the
  caller (``pubdate``) completes it from the rest of the article.
* ``scan_cues`` lists the article's explicit day dates (with or without a year),
  bare year numbers and weekday words, each with its offset and whether its
  sentence speaks of the future. It is deliberately independent of the temporal
  engine: publication dates must be found before anything can be resolved.
"""

from __future__ import annotations

import bisect
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


# --------------------------------------------------------------------------- cues


@dataclass(frozen=True, slots=True)
class DayMention:
    """An explicit calendar day in the text: "Jan. 6, 2024", "October 7", "11 December"."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None
    weekday: int | None  # a weekday written with it ("Tuesday, May 12"), Monday=0
    future: bool  # its sentence speaks of what will happen
    since: bool = False  # "since Oct. 9, 2002": a lower bound, usually long past
    caption: bool = False  # ends its paragraph ("... in Baghdad, Jan. 6, 2024."): a photo caption

    def resolved(self, year: int | None = None) -> date | None:
        """The date, with ``year`` supplied when the text left it out."""
        chosen = self.year if self.year is not None else year
        return None if chosen is None else safe_date(chosen, self.month, self.day)


@dataclass(frozen=True, slots=True)
class WeekdayMention:
    """A bare weekday ("on Monday", "said Friday"); ``text`` includes a leading "on"."""

    start: int
    end: int
    text: str
    weekday: int
    future: bool


@dataclass(frozen=True, slots=True)
class YearMention:
    """A year written on its own ("in 2014", "late 2017")."""

    start: int
    end: int
    year: int
    future: bool
    since: bool = False


@dataclass(frozen=True, slots=True)
class Cues:
    """Everything ``scan_cues`` found, in text order within each kind."""

    days: tuple[DayMention, ...]
    weekdays: tuple[WeekdayMention, ...]
    years: tuple[YearMention, ...]
    sentence_starts: tuple[int, ...]


_MONTH_DAY_YEAR = re.compile(
    r"(?<![\w$])(?:(?P<weekday>"
    + _WEEKDAY_WORD
    + r"),?\s{1,3})?"
    + _fill(_MONTH, name="month")
    + r"\s{1,3}"
    + _fill(_DAY, name="day")
    + r"(?:(?:,\s{0,3}|\s{1,3})"
    + _fill(_YEAR, name="year")
    + r")?"
)
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w$.,])(?:(?P<weekday>"
    + _WEEKDAY_WORD
    + r"),?\s{1,3}(?:the\s)?)?"
    + _fill(_DAY, name="day")
    + r"(?:\s{1,3}of)?\s{1,3}"
    + _fill(_MONTH, name="month")
    + r"(?:,?\s{1,3}"
    + _fill(_YEAR, name="year")
    + r")?"
)
_ISO_DATE = re.compile(
    r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])"
)
_WEEKDAY = re.compile(
    r"(?:\b(?P<on>[Oo]n)\s{1,3})?\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?!s\b)(?![a-z])"
)
_YEAR_ALONE = re.compile(r"(?<![\w$£€.,/-])(?P<year>(?:19[5-9]|20[0-4])\d)(?![\w%/-]|,\d|\.\d)")
_SENTENCE_BREAK = re.compile(r"\n\s*\n|(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(])|\n(?=[A-Z])")
# Words that put a date in the future (or in a hypothetical): it need not be past.
# Case-sensitive on purpose: "May" the month must not read as "may" the modal.
_FUTURE = re.compile(
    r"\b(?:[Ww]ill|[Ww]on't|[Ss]hall|'ll|[Ss]hould|[Ww]ould|[Cc]ould|[Mm]ight|[Nn]ext|"
    r"upcoming|scheduled|expected to|due to|set to|plans? to|planned for|aims? to|"
    r"intends? to|hopes? to|until|deadline|starting|beginning|effective)\b"
)
# Words right before a date that make it a deadline or term rather than news:
# "debentures due March 1, 2011", "the year ending June 30", "after Jan. 1, 1990".
_TERM_BEFORE = re.compile(
    r"\b(?:[Dd]ue|[Ee]nding|[Ee]nds|[Ee]xpir(?:es|ing)|[Mm]atur(?:es|ing)|[Aa]fter|[Bb]y|"
    r"[Bb]efore|[Tt]hrough|[Tt]ill|[Uu]ntil)(?:\s{1,3}(?:on|the))?\s{1,3}$"
)
# A full date closing its paragraph is how wire photo captions end ("Iraqi soldiers
# parade in Baghdad, Jan. 6, 2024."); captions are dated the day the photo was taken.
_CAPTION_END = re.compile(r"\.?\s{0,3}(?:\n\s*\n|\s*$)")
# "since 2003", "the lowest since October 9, 2002": a bound far in the past, not news.
_SINCE = re.compile(
    r"\b[Ss]ince\s{1,3}(?:the\s{1,3})?(?:(?:early|late|mid-?)\s{0,3})?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s{1,3})?$"
)
# A capitalised word before a weekday makes it a name ("Good Friday", "Super Tuesday"),
# unless it is one of the ordinary words that start a sentence with a weekday.
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
_ORDINARY_BEFORE_WEEKDAY = frozenset(
    [
        "Last",
        "This",
        "Next",
        "Early",
        "Late",
        "Until",
        "Since",
        "Before",
        "After",
        "By",
        "From",
        "Through",
        "Each",
        "Every",
        "Since",
        "Till",
        "Of",
        "And",
        "But",
        "Or",
        "Then",
        "Also",
    ]
)
_FUTURE_WINDOW = 80


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_BREAK.finditer(text))]


def _is_future(text: str, start: int, sentence_start: int) -> bool:
    """A future word shortly before ``start`` in its sentence."""
    window_start = max(sentence_start, start - _FUTURE_WINDOW)
    return _FUTURE.search(text, window_start, start) is not None


def _sentence_is_future(text: str, start: int, end: int, starts: list[int]) -> bool:
    """A future word anywhere near the mention in its sentence ("on May 1 it will ...")."""
    sentence_start = _sentence_start_of(starts, start)
    following = bisect.bisect_right(starts, end)
    sentence_end = starts[following] if following < len(starts) else len(text)
    window_start = max(sentence_start, start - _FUTURE_WINDOW)
    if _TERM_BEFORE.search(text, max(0, start - 20), start):
        return True
    return _FUTURE.search(text, window_start, min(sentence_end, end + _FUTURE_WINDOW)) is not None


def _is_since(text: str, start: int) -> bool:
    return _SINCE.search(text, max(0, start - 32), start) is not None


def _sentence_start_of(starts: list[int], offset: int) -> int:
    return starts[max(0, bisect.bisect_right(starts, offset) - 1)]


def scan_cues(text: str) -> Cues:
    """Find explicit days, bare years and weekday words in ``text``."""
    starts = _sentence_starts(text)
    taken = bytearray(len(text))  # 1 where a day mention already sits

    def overlaps(start: int, end: int) -> bool:
        return any(taken[start:end])

    days: list[DayMention] = []
    for pattern in (_ISO_DATE, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for match in pattern.finditer(text):
            if overlaps(match.start(), match.end()):
                continue
            mention = _day_mention(text, match, starts)
            if mention is not None:
                days.append(mention)
                taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    days.sort(key=lambda d: d.start)

    weekdays: list[WeekdayMention] = []
    for match in _WEEKDAY.finditer(text):
        begin = match.start("weekday")
        if overlaps(begin, match.end()):
            continue  # written with a date: "Tuesday, May 12"
        before = _NAME_BEFORE.search(text, max(0, begin - 20), begin)
        if before and before.group(1) not in _ORDINARY_BEFORE_WEEKDAY:
            continue
        start = match.start()
        weekdays.append(
            WeekdayMention(
                start=start,
                end=match.end(),
                text=match.group(0),
                weekday=weekday_number(match.group("weekday")),
                future=_is_future(text, start, _sentence_start_of(starts, start)),
            )
        )

    years: list[YearMention] = []
    for match in _YEAR_ALONE.finditer(text):
        if overlaps(match.start(), match.end()):
            continue
        years.append(
            YearMention(
                start=match.start(),
                end=match.end(),
                year=int(match.group("year")),
                future=_is_future(text, match.start(), _sentence_start_of(starts, match.start())),
                since=_is_since(text, match.start()),
            )
        )
    return Cues(tuple(days), tuple(weekdays), tuple(years), tuple(starts))


def _day_mention(text: str, match: re.Match[str], starts: list[int]) -> DayMention | None:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    if not 1 <= month <= 12 or safe_date(year or 2000, month, day) is None:
        return None
    weekday = weekday_number(groups["weekday"]) if groups.get("weekday") else None
    start = match.start()
    return DayMention(
        start=start,
        end=match.end(),
        text=match.group(0),
        month=month,
        day=day,
        year=year,
        weekday=weekday,
        future=_sentence_is_future(text, start, match.end(), starts),
        since=_is_since(text, start),
        caption=year is not None and _CAPTION_END.match(text, match.end()) is not None,
    )
