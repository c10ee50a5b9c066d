"""The publication day a web page states: its own labelled date, else htmldate's search.

A date the page labels as its publication (``article:published_time``,
schema.org ``datePublished`` in JSON-LD or microdata, a ``date`` meta tag) is
its own statement and is taken first; htmldate's search of the whole page
(which can mistake a modification or a URL folder for the publication) comes
next. Either way the day is the one written, in the page's own zone:
"2020-02-15T07:00+09:00" is the 15th, as its readers saw it, never shifted to
UTC. Only Gregorian years from 1800 to next year are days; "1399/05/12" (a
Persian-calendar year) or digits of another script are not, and the page's
claim is then reported as the problem, so the import warns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as dateutil_parser
from lxml.html import HtmlElement

from timeline_app.ingest.pubdate.metadata import ALTERNATIVE_KEY, alternative_reading, shown_value

EARLIEST_YEAR = 1800
HTMLDATE_REASON = "the page's publication date as htmldate found it"
# Meta tags (property, name or itemprop, lower case) that label the publication date.
_LABELLED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
)
_ISO_START = re.compile(r"\s*[+-]?\d{4}-\d{2}-\d{2}")


class NotADay(ValueError):
    """A date string that names no Gregorian day we can place."""


@dataclass(frozen=True, slots=True)
class PageDate:
    """The page's day (or None), why, the page's unusable claim, and a second reading."""

    day: date | None
    reason: str = ""
    problem: str = ""
    extra: dict[str, str] | None = None


def latest_plausible_year() -> int:
    """Pages are not dated beyond next year (a time zone ahead, a pre-dated issue)."""
    return date.today().year + 1


def htmldate_settings(*, extensive_search: bool) -> dict[str, object]:
    """htmldate's settings, shared by every search of a page: the original (not the
    updated) date, the day as written (in the page's own zone), years 1800..next year."""
    return {
        "original_date": True,
        "extensive_search": extensive_search,
        "outputformat": "%Y-%m-%d",
        "min_date": datetime(EARLIEST_YEAR, 1, 1),
        "max_date": datetime(latest_plausible_year(), 12, 31),
    }


def stated_day(raw: str) -> date:
    """The calendar day a date string writes, in its own zone; NotADay when it is none."""
    value = " ".join(raw.split())
    if not value or len(value) > 80:
        raise NotADay("is not a date")
    if any(c.isdigit() and not c.isascii() for c in value):
        raise NotADay("is written in another script or calendar, not read as Gregorian")
    try:
        if _ISO_START.match(value):
            moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
        else:
            moment = dateutil_parser.parse(value)
    except (ValueError, OverflowError) as error:
        detail = str(error).split(":", 1)[0]
        real = "out of range" in detail or "must be in" in detail
        raise NotADay(f"is not a real date ({detail})" if real else "is not a date") from None
    if not EARLIEST_YEAR <= moment.year <= latest_plausible_year():
        raise NotADay(f"is not a Gregorian date between {EARLIEST_YEAR} and next year")
    return moment.date()


def page_date(tree: HtmlElement, htmldate_answer: str | None) -> PageDate:
    """The day the page states: its labelled publication date, else htmldate's answer."""
    problem = ""
    for raw, where in _labelled_dates(tree):
        described = f"the page's {where} '{shown_value(raw)}'"
        try:
            day = stated_day(raw)
        except NotADay as error:
            problem = problem or f"{described} {error}"
            continue
        extra = None
        if (other := alternative_reading(raw.strip())) is not None:
            # "11/01/2023": month first here; the article's own words decide later.
            extra = {ALTERNATIVE_KEY: other.isoformat()}
        return PageDate(day, described, "", extra)
    if htmldate_answer:
        try:
            day = stated_day(htmldate_answer)
        except NotADay:
            day = None
        # A 1st may be a month or year dressed as a day; from a page whose own
        # labelled date was broken it is that date cut down to its month.
        first_guess = day is not None and day.day == 1
        if (
            day is not None
            and not (first_guess and problem)
            and (not first_guess or _written_in_markup(tree, htmldate_answer))
        ):
            return PageDate(day, HTMLDATE_REASON)
    return PageDate(None, problem=problem)


def _written_in_markup(tree: HtmlElement, answer: str) -> bool:
    """Whether htmldate finds the same day without its text-wide search.

    That search ends in guesses dressed as days: a month alone ("March 2023")
    or a copyright line ("© 2023") comes out as the 1st. The article's own
    words date it better (see ``inference``), and say how sure they are.
    """
    from htmldate import find_date

    return find_date(tree, **htmldate_settings(extensive_search=False)) == answer


def _labelled_dates(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    labelled: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").lower()
            if content and key in _LABELLED_META:
                labelled.setdefault(key, []).append(content)
    for key in _LABELLED_META:
        for value in labelled.get(key, ()):
            yield value, f"<meta {key}>"
    for script in tree.xpath('//script[contains(@type, "ld+json")]/text()'):
        try:
            payload = json.loads(script)
        except (ValueError, RecursionError):
            continue  # broken or absurdly nested JSON-LD: the other sources remain
        for value in _json_ld_dates(payload, depth=0):
            yield value, "JSON-LD datePublished"
    for value in tree.xpath('//*[@itemprop="datePublished"]/@datetime'):
        yield str(value), "itemprop=datePublished"


def _json_ld_dates(payload: object, depth: int) -> Iterator[str]:
    if depth > 20:
        return
    if isinstance(payload, dict):
        for key, value in payload.items():
            if key == "datePublished" and isinstance(value, str):
                yield value
            elif isinstance(value, (dict, list)):
                yield from _json_ld_dates(value, depth + 1)
    elif isinstance(payload, list):
        for item in payload:
            yield from _json_ld_dates(item, depth + 1)
