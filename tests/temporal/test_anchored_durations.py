"""Anchored durations: TimeML marks the stretch alone ("[two weeks] from
now", "[Three days] later"), typed DURATION with its P-value; "now"/"today"
is an expression of its own; the point reached stays on the timex as its
interval so the timeline keeps it (issue 11, the Extents class)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline_app.temporal import tag
from timeline_app.temporal.rulefiles import RuleFileError, read_rule_file
from timeline_app.temporal.timex import Precision, TimexType


def _found(text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type.value, t.value) for t in tag(text, dct)]


def test_units_from_now_is_the_duration_and_now_its_own_expression() -> None:
    text = "Eight years from now, the plant will close."
    found = tag(text, date(2011, 3, 8))
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Eight years", TimexType.DURATION, "P8Y"),
        ("now", TimexType.DATE, "PRESENT_REF"),
    ]
    assert found[0].precision is Precision.YEAR
    assert found[0].interval.start == datetime(2019, 1, 1)


def test_units_from_today_leaves_today_as_the_publication_day() -> None:
    assert _found("It opens two weeks from today.", date(2011, 3, 8)) == [
        ("two weeks", "DURATION", "P2W"),
        ("today", "DATE", "2011-03-08"),
    ]


@pytest.mark.parametrize(
    ("text", "duration", "value", "reached"),
    [
        ("The band formed in 1985. Twenty years later it split.", "Twenty years", "P20Y", 2005),
        ("On March 3, 2010 he fell ill. Three days later he died.", "Three days", "P3D", 2010),
    ],
)
def test_units_later_is_a_duration_anchored_in_the_narrative(
    text: str, duration: str, value: str, reached: int
) -> None:
    timex = next(t for t in tag(text, date(2011, 3, 8)) if t.type is TimexType.DURATION)
    assert (timex.text, timex.value) == (duration, value)
    assert timex.interval is not None
    assert timex.interval.start.year == reached


def test_a_few_days_later_is_an_underspecified_duration_with_no_date() -> None:
    (timex,) = tag("A few days later, the company announced it.", date(2011, 3, 8))
    assert (timex.text, timex.type, timex.value) == ("A few days", TimexType.DURATION, "PXD")
    assert timex.interval is None


def test_extent_must_name_a_group_and_come_with_an_anchor(tmp_path) -> None:
    rules = tmp_path / "date.txt"
    rules.write_text(
        "RULE date.bad\nMATCH %number %unit later\nVALUE @duration({number|number},{unit|unit})\n"
        "EXTENT span\nEXAMPLE two days later => P2D\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match=r"date\.txt:1: EXTENT 'span'"):
        read_rule_file(rules)


@pytest.mark.parametrize(
    ("text", "dct", "expression"),
    [
        # Issue 11's Anchors class: the 1980s are not the narrative's year here,
        # and a told past never lands after publication.
        ("We helped them in the 80s and 20 years later, they fight us.", date(2011, 3, 9),
         "20 years"),
        ("Back in 2005 they fought. Ten years later, the war goes on.", date(2011, 4, 3),
         "Ten years"),
        ("On Aug. 20 a report came out; it was disproved the next day.", date(2011, 8, 20),
         "the next day"),
    ],
)  # fmt: skip
def test_a_told_past_shifted_past_the_publication_date_keeps_no_date(
    text: str, dct: date, expression: str
) -> None:
    (timex,) = [t for t in tag(text, dct) if t.text == expression]
    assert timex.interval is None, timex


def test_a_shift_that_stays_before_publication_keeps_its_date() -> None:
    found = tag("Back in 1991 they fought. Ten years later, the war went on.", date(2011, 4, 3))
    (later,) = [t for t in found if t.text == "Ten years"]
    assert later.interval.start == datetime(2001, 1, 1)
    # A sentence that looks ahead may land after publication.
    ahead = tag("The plant opened in 2010. Two years later it will close.", date(2011, 4, 3))
    (later,) = [t for t in ahead if t.text == "Two years"]
    assert later.interval.start == datetime(2012, 1, 1)
