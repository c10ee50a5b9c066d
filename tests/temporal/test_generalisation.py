"""Issue 11 mechanisms that are not a single rule: chronology entries point
back, numbers naming things are no years."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal import tag

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
