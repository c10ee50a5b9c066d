"""Date cues: the raw evidence from which an undated article's publication date is reasoned.

``scan_cues`` lists, with offsets, what an article says about time that does
not need a publication date to be read: explicit days (with or without a
year), months with a year ("in March 2008"), bare years, weekday words, and
relative phrases ("yesterday", "last year", "earlier this month"), each with
what its sentence says about tense (future, "since", present perfect). It is
deliberately independent of the temporal engine: publication dates must be
found before anything relative can be resolved, and these few regular
expressions over untrusted text are bounded (no backtracking traps).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from timeline_app.ingest.pubdate.dateline import (
    _DAY,
    _MONTH,
    _WEEKDAY_WORD,
    _YEAR,
    _fill,
    month_number,
    safe_date,
    weekday_number,
)

__all__ = [
    "Cues",
    "DayMention",
    "MonthMention",
    "RelativeMention",
    "WeekdayMention",
    "YearMention",
    "scan_cues",
]


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
    term: bool = False  # "due March 1, 2011", "ending June 30": a deadline or term, not news
    stamp: bool = False  # "April 3, 2011 at 7:03 pm": a post or comment time stamp

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
    # Its sentence is in the present perfect or says "so far": "has received more
    # orders in 2005". English does not use that tense with a finished period, so
    # the year is the current one.
    current: bool = False


@dataclass(frozen=True, slots=True)
class MonthMention:
    """A month with its year ("in March 2008", "October of 2006")."""

    start: int
    end: int
    text: str
    month: int
    year: int
    future: bool
    since: bool = False


@dataclass(frozen=True, slots=True)
class RelativeMention:
    """A phrase relative to the publication date: "last year" is (year, -1).

    ``unit`` is "day", "week", "month" or "year"; ``offset`` counts units from
    the publication's own (yesterday = day -1, this month = month 0).
    """

    start: int
    end: int
    text: str
    unit: str
    offset: int


@dataclass(frozen=True, slots=True)
class Cues:
    """Everything ``scan_cues`` found, in text order within each kind."""

    days: tuple[DayMention, ...]
    weekdays: tuple[WeekdayMention, ...]
    years: tuple[YearMention, ...]
    sentence_starts: tuple[int, ...]
    months: tuple[MonthMention, ...] = ()
    relatives: tuple[RelativeMention, ...] = ()


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
_MONTH_YEAR = re.compile(
    r"(?<![\w$])"
    + _fill(_MONTH, name="month")
    + r",?\s{1,3}(?:of\s{1,3})?"
    + _fill(_YEAR, name="year")
)
# Time stamps of posts and comments on scraped pages: "April 3, 2011 at 7:03 pm".
_STAMP_AFTER = re.compile(r",?\s{0,3}(?:at\s{1,3})?[0-2]?\d:[0-5]\d")
_RELATIVE = re.compile(
    r"\b(?:(?P<day>[Yy]esterday|[Tt]oday|[Tt]omorrow)|"
    r"(?P<which>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast)\s{1,3}(?P<unit>week|month|year)(?!s))\b"
)
_RELATIVE_DAY_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1}
_RELATIVE_OFFSET = {"this": 0, "last": -1, "past": -1, "next": 1}
# "has received more orders in 2005", "so far in 2005": the year is not over.
_CURRENT_BEFORE = re.compile(
    r"\b(?:(?:has|have)(?:n't| not| never| already| now| just)?\s{1,3}(?:been\s{1,3})?"
    r"[a-z]+(?:ed|en|wn|un|ght|t|d)\b"
    r"|[Ss]o far|[Tt]hus far|[Tt]o date|[Yy]ear-to-date)[^.;!?]{0,60}$"
)
_YEAR_ALONE = re.compile(r"(?<![\w$£€.,/-])(?P<year>(?:19[5-9]|20[0-4])\d)(?![\w%/-]|,\d|\.\d)")
_SENTENCE_BREAK = re.compile(r"\n\s*\n|(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(])|\n(?=[A-Z])")
# Words that put a date in the future (or in a hypothetical): it need not be past.
# Case-sensitive on purpose: "May" the month must not read as "may" the modal.
_FUTURE = re.compile(
    r"\b(?:[Ww]ill|[Ww]on't|[Ss]hall|'ll|[Ss]hould|[Ww]ould|[Cc]ould|[Mm]ight|[Nn]ext|"
    r"upcoming|scheduled|expected to|due to|set to|plans? to|planned for|aims? to|"
    r"intends? to|hopes? to|until|deadline|starting|beginning|effective|"
    # plans and expectations: "hoped to have it ready for 2012", "anticipated around 2020"
    r"hop(?:e[sd]?|ing)|anticipat(?:es?|ed|ing)|expect(?:s|ed|ing)?|forecasts?|projected|"
    r"targets?|goals?|seek(?:s|ing)?|plann(?:ed|ing)|proposed|pledged|promised|vow(?:s|ed))\b"
)
# A year right after these words is a target or bound, at or after publication
# ("cut 31,500 jobs by 2012", "not before 2010", "after 2011").
_TARGET_BEFORE_YEAR = re.compile(
    r"\b(?:[Bb]y|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill|[Tt]hrough|[Ff]or a|[Pp]ast)\s{1,3}$"
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
    """Find explicit days, months, bare years, weekday words and relative phrases."""
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

    months: list[MonthMention] = []
    for match in _MONTH_YEAR.finditer(text):
        if overlaps(match.start(), match.end()):
            continue
        start = match.start()
        months.append(
            MonthMention(
                start=start,
                end=match.end(),
                text=match.group(0),
                month=month_number(match.group("month")),
                year=int(match.group("year")),
                future=_sentence_is_future(text, start, match.end(), starts),
                since=_is_since(text, start),
            )
        )
        taken[start : match.end()] = b"\x01" * (match.end() - start)

    years: list[YearMention] = []
    for match in _YEAR_ALONE.finditer(text):
        if overlaps(match.start(), match.end()):
            continue
        sentence_start = _sentence_start_of(starts, match.start())
        years.append(
            YearMention(
                start=match.start(),
                end=match.end(),
                year=int(match.group("year")),
                future=_is_future(text, match.start(), sentence_start)
                or _TARGET_BEFORE_YEAR.search(text, max(0, match.start() - 12), match.start())
                is not None,
                since=_is_since(text, match.start()),
                current=_CURRENT_BEFORE.search(
                    text, max(sentence_start, match.start() - 120), match.start()
                )
                is not None,
            )
        )
    relatives = [_relative_mention(match) for match in _RELATIVE.finditer(text)]
    return Cues(
        tuple(days), tuple(weekdays), tuple(years), tuple(starts), tuple(months), tuple(relatives)
    )


def _relative_mention(match: re.Match[str]) -> RelativeMention:
    if match.group("day"):
        unit, offset = "day", _RELATIVE_DAY_OFFSET[match.group("day").lower()]
    else:
        unit, offset = match.group("unit"), _RELATIVE_OFFSET[match.group("which").lower()]
    return RelativeMention(match.start(), match.end(), match.group(0), unit, offset)


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
    # A time stamp dates a post or comment; the words around it are someone else's.
    stamp = _STAMP_AFTER.match(text, match.end()) is not None
    term = not stamp and _TERM_BEFORE.search(text, max(0, start - 20), start) is not None
    return DayMention(
        start=start,
        end=match.end(),
        text=match.group(0),
        month=month,
        day=day,
        year=year,
        weekday=weekday,
        future=not stamp and _sentence_is_future(text, start, match.end(), starts),
        since=_is_since(text, start),
        caption=year is not None and _CAPTION_END.match(text, match.end()) is not None,
        term=term,
        stamp=stamp,
    )
