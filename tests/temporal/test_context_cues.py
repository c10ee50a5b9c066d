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
