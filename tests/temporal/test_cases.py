"""The cases named in the issue, resolved against Monday 2024-01-08."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline_app.temporal import AnchorKind, Precision, TimexType, tag

from .conftest import MONDAY


def only(text: str, dct: date | None = MONDAY):
    """The single timex found in ``text``."""
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("It happened on Jan. 6, 2024.", "Jan. 6, 2024", "2024-01-06"),
        ("It happened on 6 January 2024.", "6 January 2024", "2024-01-06"),
        ("Prices rose in January 2024.", "January 2024", "2024-01"),
        ("Filed 2024-01-06.", "2024-01-06", "2024-01-06"),
        ("Filed 01/06/2024.", "01/06/2024", "2024-01-06"),
        ("Growth slowed in the 1990s.", "1990s", "199"),
        ("Problems of the 21st century.", "the 21st century", "20"),
        ("Sales fell last summer.", "last summer", "2023-SU"),
        # Told in the past in January: last year's third quarter (issue 11).
        ("Profit fell in the third quarter.", "the third quarter", "2023-Q3"),
        ("Profit will rise in the third quarter.", "the third quarter", "2024-Q3"),
        ("He resigned last week.", "last week", "2024-W01"),
        ("She arrived two days ago.", "two days ago", "2024-01-06"),
        ("She leaves in three weeks.", "three weeks", "2024-W05"),
        ("He was born twenty-five years ago.", "twenty-five years ago", "1999"),
        ("Prices were cut earlier this month.", "earlier this month", "2024-01"),
        ("The attack on October 7 shocked many.", "October 7", "2023-10-07"),
        ("He spoke Monday morning.", "Monday morning", "2024-01-08TMO"),
        ("Talks began at 3 p.m. Friday.", "3 p.m. Friday", "2024-01-05T15:00"),
        ("Fighting resumed in mid-October.", "mid-October", "2023-10"),
        ("It closed in late 2017.", "late 2017", "2017"),
        ("It opens early next year.", "early next year", "2025"),
        ("It lasted about two weeks.", "about two weeks", "P2W"),
        ("It has gone on for more than a decade.", "more than a decade", "P10Y"),
        ("It grew over the past three years.", "the past three years", "P3Y"),
        ("It has been rising since mid-October.", "mid-October", "2023-10"),
        ("Prices rose recently.", "recently", "PAST_REF"),
        ("Prices are now high.", "now", "PRESENT_REF"),
        ("It is currently closed.", "currently", "PRESENT_REF"),
        ("Nobody knows the future.", "the future", "FUTURE_REF"),
        ("A two-year deal.", "two-year", "P2Y"),
        ("The flight took 2 hours.", "2 hours", "PT2H"),
        ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The report appears annually.", "annually", "P1Y"),
        ("It snows each winter.", "each winter", "XXXX-WI"),
        ("They married on Christmas Day.", "Christmas Day", "2023-12-25"),
        ("They met on Easter 2024.", "Easter 2024", "2024-03-31"),
        ("Dinner on Thanksgiving 2023.", "Thanksgiving 2023", "2023-11-23"),
        ("Yesterday was cold.", "Yesterday", "2024-01-07"),
        ("It happens tonight.", "tonight", "2024-01-08TNI"),
        ("He will go tomorrow.", "tomorrow", "2024-01-09"),
        ("It happened this year.", "this year", "2024"),
        ("It was signed in fiscal 1989.", "fiscal 1989", "1989"),
        ("A decade passed.", "A decade", "P10Y"),
        ("It is due on the 15th.", "the 15th", "2024-01-15"),
        ("Fares rose for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("They meet Q3 2023.", "Q3 2023", "2023-Q3"),
        ("Profit rose in the 1988 period.", "the 1988 period", "1988"),
        ("It closes by year-end.", "year-end", "2024"),  # mod END, as TimeML annotates it
    ],
)
def test_issue_cases(text: str, extent: str, value: str) -> None:
    matches = [t for t in tag(text, MONDAY) if t.text == extent]
    assert matches, tag(text, MONDAY)
    assert matches[0].value == value


def test_past_tense_weekday_points_back_and_future_forward() -> None:
    assert only("He resigned Thursday.").value == "2024-01-04"
    assert only("He will resign Thursday.").value == "2024-01-11"
    assert only("The vote is next Tuesday.").value == "2024-01-09"
    assert only("The vote is this Friday.").value == "2024-01-12"


def test_modifiers() -> None:
    assert only("Fighting resumed in mid-October.").mod == "MID"
    assert only("It closed in late 2017.").mod == "END"
    assert only("It opens early next year.").mod == "START"
    assert only("It lasted about two weeks.").mod == "APPROX"
    assert only("It has gone on for more than a decade.").mod == "MORE_THAN"


def test_mod_narrows_the_interval() -> None:
    late = only("It closed in late 2017.")
    assert late.interval.start > datetime(2017, 8, 1)
    assert late.interval.end == datetime(2018, 1, 1)


def test_intervals_and_precision() -> None:
    week = only("He resigned last week.")
    assert (week.interval.start, week.interval.end) == (datetime(2024, 1, 1), datetime(2024, 1, 8))
    assert week.precision is Precision.WEEK
    assert week.anchor_kind is AnchorKind.DCT
    assert week.anchor_value == "2024-01-08"
    clock = only("Talks began at 3 p.m. Friday.")
    assert clock.type is TimexType.TIME
    assert clock.precision is Precision.MINUTE
    assert only("Growth slowed in the 1990s.").precision is Precision.DECADE
    assert only("It lasted about two weeks.").interval is None


def test_narrative_anchor_for_later() -> None:
    found = tag("On March 3, 2020 he fell ill. Two days later he died.", MONDAY)
    # TimeML marks the duration alone; the day it reaches is its interval.
    later = next(t for t in found if t.text == "Two days")
    assert later.value == "P2D"
    assert later.interval.start == datetime(2020, 3, 5)
    assert later.anchor_kind is AnchorKind.NARRATIVE


def test_without_a_dct_relative_expressions_stay_underspecified() -> None:
    assert only("He spoke Monday.", None).value == "XXXX-WXX-1"
    assert only("The attack on October 7.", None).value == "XXXX-10-07"
    assert only("It rained yesterday.", None).value == "XXXX-XX-XX"
    assert only("It rained yesterday.", None).interval is None
    assert only("It happened on Jan. 6, 2024.", None).value == "2024-01-06"


def test_datetime_dct_is_accepted() -> None:
    assert only("It rained yesterday.", datetime(2024, 1, 8, 23, 59)).value == "2024-01-07"


def test_impossible_dates_are_not_emitted() -> None:
    assert tag("It happened on February 30, 2024.", MONDAY) == []
    assert all(t.value != "2023-02-29" for t in tag("Due February 29, 2023.", MONDAY))


def test_negative_rules_suppress_false_positives() -> None:
    assert tag("Shares cost $2019 each.", MONDAY) == []
    assert tag("May be it works.", MONDAY) == []
    assert tag("The plant employs 1990 workers.", MONDAY) == []
    assert [t.value for t in tag("a 52-year-old man", MONDAY)] == []


def test_spelled_out_numbers_and_ordinals() -> None:
    assert only("It ended three weeks ago.").value == "2023-W51"
    assert only("It lasted twenty-five years.").value == "P25Y"
    assert only("It is due on the 15th of March.").value == "2024-03-15"
    assert only("It took one hundred twenty-five days.").value == "P125D"


def test_loosely_written_number_range_is_no_sum() -> None:
    # "two-three years" is two or three years, never five.
    assert only("It recurs every two-three years.").value == "PXY"


def test_ordinal_before_a_counted_noun_is_no_day_of_month() -> None:
    assert tag("On the 14th day of protests, they marched.", MONDAY) == []


def test_numeric_dates_read_month_first_unless_day_first() -> None:
    assert [t.value for t in tag("Filed 01/06/2024.", MONDAY)] == ["2024-01-06"]
    assert [t.value for t in tag("Filed 01/06/2024.", MONDAY, day_first=True)] == ["2024-06-01"]
    # 13 cannot be a month, so only the day-first reading is possible.
    assert [t.value for t in tag("Filed 13/06/2024.", MONDAY)] == ["2024-06-13"]
    assert tag("Filed 13/13/2024.", MONDAY) == []


@pytest.mark.parametrize("dct", [date.min, date.max])
def test_relative_expressions_at_the_ends_of_the_calendar_do_not_raise(dct: date) -> None:
    text = "He left yesterday, returns next Friday, in three weeks, over the weekend."
    for timex in tag(text, dct):
        assert timex.text in text


def test_thousands_written_in_figures_are_no_century() -> None:
    assert tag("They told 1000s of lies; 1000s have died.", MONDAY) == []
    assert only("The 1100s were cold.").value == "11"
