"""Datelines in the opening lines, with and without a year."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.articles import PublishedSource
from timeline_app.ingest.pubdate.cues import scan_cues
from timeline_app.ingest.pubdate.dateline import parse_dateline, strip_dateline
from timeline_app.ingest.pubdate.inference import find_dateline


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("HONG KONG | Tue May 12, 2009 8:56 am EDT HONG KONG (Reuters) - The", date(2009, 5, 12)),
        ("Sat Apr 25, 2009 12:51 am BST (Reuters) - Health officials", date(2009, 4, 25)),
        ("2009 06 19 22:54 JST WASHINGTON (Reuters) - The U.S. Congress", date(2009, 6, 19)),
        ("Jan 8, 2024 — The parade went ahead.", date(2024, 1, 8)),
        ("Monday, January 8, 2024 - The parade went ahead.", date(2024, 1, 8)),
        ("8 January 2024 — The parade went ahead.", date(2024, 1, 8)),
        ("LONDON, May 12, 2009 (Reuters) - Shares fell.", date(2009, 5, 12)),
        ("2024-01-08 — Iran backed Iraq.", date(2024, 1, 8)),
        ("Iran backs Iraq\n2024-01-08T09:30Z\nIran on Monday backed Iraq.", date(2024, 1, 8)),
        ("Published: January 8, 2024\n\nIran on Monday backed Iraq.", date(2024, 1, 8)),
        (
            "Published 2:33 PM ET, Mon March 21, 2011\nTripoli (CNN) -- Jets struck.",
            date(2011, 3, 21),
        ),
        ("Posted on 8 Jan 2024 by staff\nIran backed Iraq.", date(2024, 1, 8)),
        (
            "A police woman wears a mask in Mexico City April 24, 2009.\n\n"
            "MEXICO CITY | Fri Apr 24, 2009 7:50 pm EDT MEXICO CITY (Reuters) - A strain",
            date(2009, 4, 24),
        ),
    ],
)
def test_dated_datelines(opening: str, expected: date) -> None:
    finding = find_dateline(opening)
    assert finding is not None
    assert finding.date == expected
    assert finding.source is PublishedSource.DATELINE
    assert finding.confidence >= 0.9
    assert "dateline" in finding.reason


def test_dateline_without_year_takes_the_year_from_the_article() -> None:
    text = (
        "BAGHDAD, Jan. 8 (Reuters) - Iraq's government said on Thursday that talks "
        "begun in December 1997 had stalled. Oil output fell in 1997."
    )
    finding = find_dateline(text)
    assert finding is not None
    assert finding.date == date(1998, 1, 8)  # a Thursday; 1997's Jan 8 was a Wednesday
    assert "1998" in finding.reason
    assert finding.confidence < 0.9


def test_dateline_without_any_year_in_the_article_gives_none() -> None:
    assert find_dateline("RIYADH, June 3 (Reuters) - Saudi Arabia confirmed a case.") is None


def test_an_update_stamp_is_not_the_publication_date() -> None:
    assert find_dateline("updated: Thu May 03 2012 06:46:00 CNN's reporter speaks") is None


def test_place_and_agency_alone_is_no_date() -> None:
    assert find_dateline("WASHINGTON (AP) — Lawmakers met on Tuesday.") is None
    assert find_dateline("Washington (CNN) -- Lawmakers met on Tuesday.") is None


def test_wrong_weekday_in_a_dateline_lowers_confidence() -> None:
    finding = find_dateline("PARIS | Wed May 12, 2009 8:56 am EDT PARIS (Reuters) - x")
    assert finding is not None
    assert finding.date == date(2009, 5, 12)
    assert finding.confidence < 0.9
    assert "not a Wednesday" in finding.reason


def test_a_date_deep_in_the_body_is_not_a_dateline() -> None:
    body = "Officials met again. " * 60 + "LONDON, May 12, 2009 (Reuters) - late"
    assert parse_dateline(body) is None


def test_strip_dateline_removes_only_the_dateline() -> None:
    text = "HONG KONG | Tue May 12, 2009 8:56 am EDT HONG KONG (Reuters) - The flu spread."
    stripped = strip_dateline(text)
    assert "2009" not in stripped
    assert stripped.endswith("The flu spread.")
    assert strip_dateline("No dateline here.") == "No dateline here."


def test_cues_find_days_years_and_weekdays() -> None:
    text = (
        "Troops paraded on Jan. 6, 2024. Iran on Monday backed Iraq. "
        "The war began on October 7. Forces have been there since 2014. "
        "Talks will resume on March 3. Good Friday services went ahead."
    )
    cues = scan_cues(text)
    assert [(d.text, d.year) for d in cues.days] == [
        ("Jan. 6, 2024", 2024),
        ("October 7", None),
        ("March 3", None),
    ]
    assert [d.future for d in cues.days] == [False, False, True]
    assert [(w.text, w.weekday) for w in cues.weekdays] == [("on Monday", 0)]
    assert [(y.year, y.since) for y in cues.years] == [(2014, True)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    finding = find_dateline(text)
    assert finding is None or isinstance(finding.date, date)
    scan_cues(text)


@settings(max_examples=100, deadline=None)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    place=st.sampled_from(["BAGHDAD", "NEW YORK", "PARIS\\/ATLANTA", "HONG KONG"]),
    agency=st.sampled_from(["Reuters", "AP", "AFP"]),
)
def test_any_dated_agency_dateline_round_trips(day: date, place: str, agency: str) -> None:
    text = f"{place}, {day:%B} {day.day}, {day.year} ({agency}) - Something happened."
    finding = find_dateline(text)
    assert finding is not None
    assert finding.date == day


def test_since_marks_bounds_with_or_without_a_month() -> None:
    text = (
        "Shares hit their lowest since October 1997 and the best week since late 2008. "
        "Prices fell in 2009. Rates have held since Oct. 9, 2002."
    )
    cues = scan_cues(text)
    assert [(m.text, m.since) for m in cues.months] == [("October 1997", True)]
    assert [(y.year, y.since) for y in cues.years] == [(2008, True), (2009, False)]
    assert [(d.text, d.since) for d in cues.days] == [("Oct. 9, 2002", True)]
