"""Issue 11 mechanisms that are not a single rule: chronology entries point
back, numbers naming things are no years."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal import tag
from timeline_app.temporal.calendar import interval_of

PUBLISHED = date(2011, 9, 21)


def _values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, PUBLISHED)]


def test_a_chronology_entry_in_the_historical_present_points_back() -> None:
    text = (
        "Here is a timeline of the war:\n"
        "March 5 - The National Council meets in Benghazi.\n"
        "Sept. 8 - Interim prime minister Mahmoud Jibril arrives in Tripoli.\n"
    )
    assert _values(text) == [("March 5", "2011-03-05"), ("Sept. 8", "2011-09-08")]


def test_a_chronology_entry_that_says_will_points_ahead() -> None:
    assert _values("Coming up:\nSept. 8 - Elections will be held.") == [("Sept. 8", "2012-09-08")]


def test_a_schedule_verb_outside_a_chronology_still_points_ahead() -> None:
    assert _values("The summit opens Monday in Paris.") == [("Monday", "2011-09-26")]


@pytest.mark.parametrize(
    "text",
    [
        "The UN Security Council resolution 1973 authorised force.",
        "She was booked on flight 1600 to Paris.",
        "Under Resolution No. 1970 assets were frozen.",
        "He waited in room 2012 of the hotel.",
        "A protest outside 1600 Pennsylvania Avenue drew crowds.",
    ],
)
def test_a_number_naming_a_thing_is_no_year(text: str) -> None:
    assert _values(text) == []


def test_a_year_after_an_ordinary_noun_is_still_a_year() -> None:
    assert _values("The resolution passed in 1973.") == [("1973", "1973")]


def test_a_live_blog_stamp_is_the_nearest_weekday_and_anchors_its_entry() -> None:
    text = (
        "Here is what is happening: (11:39 p.m. Monday ET, 5:39 a.m. Tuesday in Libya) "
        "Gadhafi spoke.\n\n(12:26 p.m. Tuesday ET) Rebels said Monday they would advance."
    )
    found = [(t.text, t.value) for t in tag(text, date(2011, 3, 20))]  # a Sunday
    assert found == [
        ("11:39 p.m. Monday", "2011-03-21T23:39"),
        ("5:39 a.m. Tuesday", "2011-03-22T05:39"),
        ("12:26 p.m. Tuesday", "2011-03-22T12:26"),
        ("Monday", "2011-03-21"),  # counted from the entry's Tuesday, not the page's Sunday
    ]


def test_a_bracketed_aside_with_a_sentence_is_no_stamp() -> None:
    text = "The talks (which began at 9 a.m. Monday. They ended late) were long."
    assert _values(text)[0] == ("9 a.m. Monday", "2011-09-19T09:00")


@pytest.mark.parametrize(
    ("text", "reached"),
    [
        ("In 1985 the band formed. Twenty years later, it split.", "2005"),
        ("The band grew up in the 1980s. Twenty years later, it split.", "200"),
        ("Ten years later it returned.", None),  # nothing to count from: not 2021
    ],
)
def test_n_years_later_counts_from_the_narrative_never_from_publication(
    text: str, reached: str | None
) -> None:
    # An anchored duration: the stretch is the value, the point reached its interval.
    later = tag(text, PUBLISHED)[-1]
    assert later.value in ("P20Y", "P10Y")
    expected = interval_of(reached) if reached else None
    assert (later.interval, later.precision) == (expected or (None, None))


def test_a_reporting_participle_points_a_weekday_back() -> None:
    text = "Officials are rejecting rebel claims, saying Friday that the capital will hold."
    assert _values(text) == [("Friday", "2011-09-16")]


def test_a_modal_with_an_adverb_still_looks_ahead() -> None:
    text = "He added that a ceremony would still be held on Friday."
    assert _values(text) == [("Friday", "2011-09-23")]
