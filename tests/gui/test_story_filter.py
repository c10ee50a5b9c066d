"""Dates typed in the story filter bar mean their whole period, and no typing raises."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline_app.gui.story_filter import parse_period


def test_iso_dates_mean_their_whole_period() -> None:
    assert parse_period("2011") == (datetime(2011, 1, 1), datetime(2012, 1, 1))
    assert parse_period("2011-3") == (datetime(2011, 3, 1), datetime(2011, 4, 1))
    assert parse_period("2011-12") == (datetime(2011, 12, 1), datetime(2012, 1, 1))
    assert parse_period("2011-03-19") == (datetime(2011, 3, 19), datetime(2011, 3, 20))


@pytest.mark.parametrize("text", ["2011-02-30", "2011-13", "0000", "9999-12", "9999-12-31"])
def test_dates_no_calendar_has_are_refused_not_raised(text: str) -> None:
    # "9999-12" once raised ValueError (year 10000) from the field's textChanged slot.
    assert parse_period(text) is None
