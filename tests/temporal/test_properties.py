"""Properties that hold for any text and any DCT (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.temporal import AnchorKind, tag
from timeline_app.temporal.calendar import VALID_MODS, is_well_formed

NEWS_WORDS = [
    "Jan.",
    "6,",
    "2024",
    "last",
    "week",
    "Thursday",
    "the",
    "third",
    "quarter",
    "ago",
    "two",
    "days",
    "mid-October",
    "late",
    "early",
    "next",
    "year",
    "1990s",
    "century",
    "21st",
    "3",
    "p.m.",
    "Friday",
    "morning",
    "every",
    "Monday",
    "annually",
    "now",
    "recently",
    "the future",
    "February",
    "30,",
    "in",
    "three",
    "weeks",
    "a",
    "decade",
    "since",
    "Christmas",
    "Easter",
    "01/06/2024",
    "2024-01-06",
    "'98",
    "summer",
    "fall",
    "May",
    "be",
    "$1990",
    "percent",
    "twenty-five",
    "years",
    "earlier",
    "later",
    ".",
    ",",
]
news_like = st.lists(st.sampled_from(NEWS_WORDS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_like)
any_dct = st.one_of(
    st.none(),
    st.sampled_from([date.min, date.max]),
    st.dates(min_value=date.min, max_value=date.max),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, dct=any_dct)
def test_tag_never_raises_and_results_are_well_formed(text: str, dct: date | None) -> None:
    timexes = tag(text, dct)
    previous_end = 0
    for timex in timexes:
        assert text[timex.start : timex.end] == timex.text
        assert timex.start < timex.end
        assert timex.start >= previous_end, "timexes overlap or are unsorted"
        previous_end = timex.end
        assert is_well_formed(timex.value), timex
        assert timex.mod is None or timex.mod in VALID_MODS
        if timex.interval is not None:
            assert timex.interval.start <= timex.interval.end
            assert timex.precision is not None


@settings(max_examples=200, deadline=None)
@given(text=news_like)
def test_without_dct_nothing_relative_is_resolved(text: str) -> None:
    """With dct=None, a value is resolved only if the text itself states the
    year (directly, or through a date mentioned before: "two days later")."""
    for timex in tag(text, None):
        assert timex.anchor_kind is not AnchorKind.DCT, timex
        if timex.interval is not None:
            assert timex.value[:2].isdigit(), timex


@given(st.dates(min_value=date(1600, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(day: date) -> None:
    text = f"on {day:%B} {day.day}, {day.year} and on {day.isoformat()}"
    values = [t.value for t in tag(text, None)]
    assert values == [day.isoformat(), day.isoformat()]


def test_validator_rejects_malformed_values() -> None:
    for bad in ["", "P", "PT", "2024-13", "2024-02-30", "20245", "XXXX-WXX-8", "2024-Q5", "NOW"]:
        assert not is_well_formed(bad), bad
    for good in [
        "2024",
        "199",
        "20",
        "2024-W01",
        "2024-Q3",
        "2023-SU",
        "2024-01-08TMO",
        "2024-01-05T15:00",
        "P3Y",
        "PT2H",
        "PXY",
        "P1.5Y",
        "XXXX-WXX-1",
        "PAST_REF",
    ]:
        assert is_well_formed(good), good
