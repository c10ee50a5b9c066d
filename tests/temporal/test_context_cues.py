"""Context cues that decide a value: tense markers, reporting periods, word use.

Each case failed before the cue was added (engineer A2's follow-up work).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal import tag

FRIDAY_1989 = date(1989, 10, 27)


def value_of(text: str, extent: str, dct: date | None) -> str | None:
    """The value of the timex whose text is ``extent`` (None if not found)."""
    for timex in tag(text, dct):
        if timex.text == extent:
            return timex.value
    return None


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        # "the plan" is a noun, not "plans to": the past verb decides.
        ("The thrift announced the plan Aug. 21.", "Aug. 21", "1989-08-21"),
        ("The company plans to sell the unit in December.", "December", "1989-12"),
        # "is to" + verb looks ahead.
        ("The stock is to resume trading in Paris Tuesday.", "Tuesday", "1989-10-31"),
        ("The stock resumed trading in Paris Tuesday.", "Tuesday", "1989-10-24"),
    ],
)
def test_tense_markers(text: str, extent: str, value: str) -> None:
    assert value_of(text, extent, FRIDAY_1989) == value


@pytest.mark.parametrize(
    ("text", "extent", "value", "mod"),
    [
        ("The deal should close by year-end.", "year-end", "1989", "END"),
        ("Rules in place by year's end.", "year's end", "1989", "END"),
        ("It is expected to close around year end.", "around year end", "1989-12", "APPROX"),
        ("The index is up 5% since year-end.", "year-end", "1988-12-31", None),
    ],
)
def test_year_end(text: str, extent: str, value: str, mod: str | None) -> None:
    found = [t for t in tag(text, FRIDAY_1989) if t.text == extent]
    assert [(t.value, t.mod) for t in found] == [(value, mod)]


def test_year_end_interval_is_the_end_of_the_year() -> None:
    (timex,) = tag("The deal should close by year-end.", FRIDAY_1989)
    assert timex.interval is not None
    assert timex.interval.start.year == 1989
    assert timex.interval.start.month >= 9
    assert timex.interval.end.year in (1989, 1990)


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        (
            "January nineteen ninety-seven. Atlanta again.",
            "January nineteen ninety-seven",
            "1997-01",
        ),
        (
            "the level of the winter of nineteen ninety-four",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
    ],
)
def test_month_and_season_with_spelled_years(text: str, extent: str, value: str) -> None:
    assert value_of(text, extent, FRIDAY_1989) == value


def test_last_month_day_is_the_latest_one_before_the_dct() -> None:
    text = "He was shot last Oct. 23 at his home."
    assert value_of(text, "last Oct. 23", date(1999, 4, 19)) == "1998-10-23"


def test_the_reported_quarter_anchors_a_later_year_ago_comparison() -> None:
    text = (
        "Unisys posted a loss. Its sales will rise next year, it said. "
        "Revenue inched up in the quarter from the year-earlier quarter."
    )
    values = {t.text: t.value for t in tag(text, date(1989, 10, 30))}
    assert values["the quarter"] == "1989-Q3"
    assert values["the year-earlier quarter"] == "1988-Q3"


def test_a_unit_followed_by_a_relative_clause_is_no_date_from_now() -> None:
    found = tag("taxes are minimal in a quarter that produced a loss", date(1989, 10, 30))
    assert all(t.type.value != "DATE" for t in found), found


def test_this_season_looks_ahead_only_when_the_sentence_does() -> None:
    january = date(2024, 1, 8)
    assert value_of("The election will take place this fall.", "this fall", january) == "2024-FA"
    assert value_of("It snows a lot this winter.", "this winter", january) == "2023-WI"


def test_a_decade_ago_is_a_year_not_a_decade() -> None:
    assert value_of("It was founded a decade ago.", "a decade ago", date(2024, 1, 8)) == "2014"


def test_a_subordinate_clause_has_its_own_tense() -> None:
    text = "She hoped she would bring aid to Kenya, where the Aug. 7 blasts killed 257."
    assert value_of(text, "Aug. 7", date(1998, 8, 18)) == "1998-08-07"


def test_a_modal_perfect_points_back() -> None:
    text = (
        "But on April 8, investigators, wondering how he could have emerged "
        "from the woods, searched again."
    )
    assert value_of(text, "April 8", date(1999, 5, 5)) == "1999-04-08"


def test_a_present_tense_schedule_points_ahead() -> None:
    monday = date(2024, 1, 8)
    assert value_of("The three-day summit opens Thursday.", "Thursday", monday) == "2024-01-11"
    assert value_of("The three-day summit opened Thursday.", "Thursday", monday) == "2024-01-04"


def test_a_year_to_date_period_makes_later_comparisons_whole_years() -> None:
    text = (
        "Net rose in the third quarter from a year earlier. "
        "Net for the nine months was $254 million, up from $163 million a year earlier."
    )
    found = [(t.text, t.value) for t in tag(text, date(1989, 10, 26))]
    comparisons = [value for extent, value in found if extent == "a year earlier"]
    assert comparisons == ["1988-Q3", "1988"], found


def test_an_indefinite_span_of_months_is_no_reporting_period() -> None:
    text = "Net rose in the third quarter. It took nine months to build, up from a year earlier."
    found = [(t.text, t.value) for t in tag(text, date(1989, 10, 26))]
    assert ("a year earlier", "1988-Q3") in found, found


def test_a_forecast_period_does_not_replace_the_reported_quarter() -> None:
    text = (
        "Bethlehem posted a drop in third-quarter profit. Analysts expect the trend "
        "to continue into the fourth quarter and through the third quarter of 1990. "
        "In the year-ago period, Bethlehem earned $101 million."
    )
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["the fourth quarter"] == "1989-Q4"
    assert values["the third quarter of 1990"] == "1990-Q3"
    assert values["the year-ago period"] == "1988-Q3"


def test_a_just_reported_fiscal_quarter_stays_the_reference_point() -> None:
    text = "Net fell in the fiscal fourth quarter. Sales rose from a year earlier."
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["a year earlier"] == "1988-Q4", values


def test_the_year_quarter_is_the_reported_quarter_of_that_year() -> None:
    text = (
        "Kirschner said its third-quarter earnings will be lower than last year. "
        "It earned $376,000 in the 1988 quarter."
    )
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["the 1988 quarter"] == "1988-Q3", values


def test_after_a_year_to_date_period_the_year_period_is_the_whole_year() -> None:
    text = "Net rose in the third quarter. For the nine months, net fell from the 1988 period."
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["the 1988 period"] == "1988", values


def test_a_year_ago_after_a_finer_date_is_the_reported_quarter_a_year_back() -> None:
    text = (
        "Sun said on Oct. 2 it earned $5.2 million in the fiscal first quarter. "
        "Its books closed Oct. 20. Sales rose from $388 million a year ago."
    )
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["a year ago"] == "1988-Q1", values


def test_a_year_ago_without_a_reported_period_is_last_year() -> None:
    values = {t.text: t.value for t in tag("Sales rose from a year ago.", date(1989, 10, 26))}
    assert values["a year ago"] == "1988", values


def test_the_quarter_ended_a_month_restates_the_reported_fiscal_quarter() -> None:
    text = (
        "Sun earned $5.2 million in the fiscal first quarter. "
        "Sales for the quarter ended Sept. 29 rose."
    )
    found = [(t.text, t.value) for t in tag(text, date(1989, 10, 26))]
    assert ("the quarter", "1989-Q1") in found, found


def test_the_quarter_ended_a_month_without_a_reported_quarter_follows_the_month() -> None:
    found = [
        (t.text, t.value)
        for t in tag("Net for the quarter ended June 30 fell.", date(1989, 10, 26))
    ]
    assert ("the quarter", "1989-Q2") in found, found


def test_a_year_earlier_than_a_named_day_is_that_day_a_year_back() -> None:
    text = "Deposits stood at $1.2 billion on Sept. 30, up from $1 billion a year earlier."
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["a year earlier"] == "1988-09-30", values


def test_a_year_earlier_than_a_named_month_stays_a_year() -> None:
    text = "Deposits rose in August from a year earlier."
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["a year earlier"] == "1988", values


def test_the_quarter_after_a_finer_date_is_still_the_reported_quarter() -> None:
    text = (
        "National posted net income for the fiscal second quarter. Sales rose in the "
        "quarter ended Sept. 30. The latest period includes gains from debt retirement."
    )
    values = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert values["The latest period"] == "1989-Q2", values
