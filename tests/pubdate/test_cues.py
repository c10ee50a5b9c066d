"""The date cues publication-date inference reasons from (``date_cues.scan_cues``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest.pubdate.cues import scan_cues


def test_month_with_year_is_a_month_not_a_bare_year() -> None:
    cues = scan_cues("Prices peaked in March 2008 and fell in October of 2009. In 2010 they rose.")
    assert [(m.text, m.month, m.year) for m in cues.months] == [
        ("March 2008", 3, 2008),
        ("October of 2009", 10, 2009),
    ]
    assert [y.year for y in cues.years] == [2010]


def test_relative_phrases_carry_unit_and_offset() -> None:
    text = (
        "Sales rose last year and earlier this month; yesterday the chief said "
        "next week would be decisive. Today the shares fell. The past year was hard."
    )
    found = [(r.text, r.unit, r.offset) for r in scan_cues(text).relatives]
    assert found == [
        ("last year", "year", -1),
        ("this month", "month", 0),
        ("yesterday", "day", -1),
        ("next week", "week", 1),
        ("Today", "day", 0),
        ("past year", "year", -1),
    ]


def test_plural_units_are_not_relative_phrases() -> None:
    assert scan_cues("In the last years of his life and the next months ahead.").relatives == ()


def test_present_perfect_and_so_far_make_a_year_current() -> None:
    cues = scan_cues(
        "The rival has received more orders in 2005. In 2004 it sold more planes. "
        "So far in 2006 it leads."
    )
    assert [(y.year, y.current) for y in cues.years] == [(2005, True), (2004, False), (2006, True)]


def test_targets_and_plans_are_future() -> None:
    cues = scan_cues(
        "GM is seeking to cut 31,500 jobs by 2012. Boeing had hoped to have it ready for 2013. "
        "The plant closed in 2009."
    )
    assert [(y.year, y.future) for y in cues.years] == [(2012, True), (2013, True), (2009, False)]


def test_time_stamps_are_marked_and_never_future() -> None:
    text = "I hope he will win.\n\nApril 3, 2011 at 7:03 pm | Reply\n\nThe vote is on May 9, 2011."
    days = scan_cues(text).days
    assert [(d.text, d.stamp, d.future) for d in days] == [
        ("April 3, 2011", True, False),
        ("May 9, 2011", False, False),
    ]


def test_deadlines_are_terms() -> None:
    days = scan_cues("Notes due March 1, 2011 were sold on Feb. 3, 1990.").days
    assert [(d.text, d.term) for d in days] == [("March 1, 2011", True), ("Feb. 3, 1990", False)]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_offsets_point_at_the_mentions(text: str) -> None:
    cues = scan_cues(text)
    for mention in (*cues.days, *cues.months, *cues.relatives, *cues.weekdays):
        assert text[mention.start : mention.end] == mention.text
