"""Error classes found by judging the tagger on real news it was not written for
(``benchmarks/real_news_sample.md``): each test failed before its rule existed."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal import tag


def _found(text: str, published: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type.value, t.value) for t in tag(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A British dateline with its weekday and clock is one stamp, not a
        # day, a year and a time.
        (
            "after traveling from the US Monday 11 May 2009 13.41 BST A student",
            date(2009, 5, 12),
            [("Monday 11 May 2009 13.41 BST", "TIME", "2009-05-11T13:41")],
        ),
        (
            "This article was amended on Friday 29 May 2009.",
            date(2009, 6, 1),
            [("Friday 29 May 2009", "DATE", "2009-05-29")],
        ),
        # A comment stamp: the clock belongs to the date after it, not to the
        # publication day.
        (
            "At 22:11 26th Apr 2009, Ereshkigala wrote: hello",
            date(2009, 4, 25),
            [("22:11 26th Apr 2009", "TIME", "2009-04-26T22:11")],
        ),
        (
            "At 6:56 pm on 19 Jul 2009, eumenydes wrote: hello",
            date(2009, 6, 9),
            [("6:56 pm on 19 Jul 2009", "TIME", "2009-07-19T18:56")],
        ),
        (
            "a press conference at 16:15 UTC, June 1st, outlined a plan",
            date(2009, 6, 4),
            [("16:15 UTC, June 1st", "TIME", "2009-06-01T16:15")],
        ),
        (
            "2009 06 13 00:11 JST GENEVA (Reuters) - The WHO declared",
            date(2009, 6, 13),
            [("2009 06 13 00:11 JST", "TIME", "2009-06-13T00:11")],
        ),
        (
            "Broadcast on BBC Radio 4, 4:30 PM Thu, 11 Jun 2009 Available",
            date(2009, 6, 11),
            [("4:30 PM Thu, 11 Jun 2009", "TIME", "2009-06-11T16:30")],
        ),
        (
            "At 00:44 am on 18 Nov 2009, John wrote: hello",
            date(2009, 5, 21),
            [("00:44 am on 18 Nov 2009", "TIME", "2009-11-18T00:44")],
        ),
        (
            "As of 1700 BST on 15 June 2009, 76 countries had cases.",
            date(2009, 6, 16),
            [("1700 BST on 15 June 2009", "TIME", "2009-06-15T17:00")],
        ),
        # A reader's vote count before the stamp is no day of the month.
        (
            "Many want peace 1 April 3, 2011 at 8:34 pm | Reply",
            date(2011, 4, 4),
            [("April 3, 2011 at 8:34 pm", "TIME", "2011-04-03T20:34")],
        ),
    ],
)
def test_date_and_time_stamps_are_one_expression(
    text: str, published: date, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(text, published) == expected


def test_the_month_of_a_named_month_is_that_month() -> None:
    found = _found("a decline in sales for the month of July.", date(2006, 8, 19))
    assert found == [("the month of July", "DATE", "2006-07")]


def test_the_winter_months_are_one_season() -> None:
    found = _found("Cases rose through the winter months.", date(2009, 1, 20))
    assert found == [("the winter months", "DATE", "2008-WI")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The storm is the worst in a decade.", ("a decade", "DURATION", "P10Y")),
        (
            "Japan may be entering its deepest recession in a decade.",
            ("a decade", "DURATION", "P10Y"),
        ),
        (
            "Jets are flying overhead for the first time in 36 hours.",
            ("36 hours", "DURATION", "PT36H"),
        ),
        ("Chemezov spoke days after Russia backed it.", ("days", "DURATION", "PXD")),
        ("Seasonal flu kills 500,000 people a year.", ("a year", "SET", "P1Y")),
        ("(end of 4/2008 release)", ("4/2008", "DATE", "2008-04")),
        ("They will recover within a week or so.", ("a week or so", "DURATION", "P1W")),
        ("The wards fill in six month's time.", ("six month's time", "DATE", "2009-11")),
        ("They called him weak a week back.", ("a week back", "DATE", "2009-W17")),
        ("The mission lasted two-and-a-half years.", ("two-and-a-half years", "DURATION", "P2Y6M")),
        ("Mexico's usual May Day celebrations were cancelled.", ("May Day", "DATE", "2009-05-01")),
    ],
)
def test_durations_rates_and_dates_of_news_prose(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(text, date(2009, 5, 1))


@pytest.mark.parametrize(
    "text",
    [
        "In the days after the vote, the rebels regrouped.",
        "It is a matter of days before the town falls.",
        "The 12 hours after the blast were chaos.",
    ],
)
def test_days_that_name_a_period_or_a_count_are_not_a_bare_duration(text: str) -> None:
    assert not [t for t in tag(text, date(2011, 3, 3)) if t.rule == "duration.bare_units_apart"]
