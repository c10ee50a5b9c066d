"""Inferring a publication date from an undated article's own words."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PROJECT_ROOT
from timeline_app.articles import PublishedSource
from timeline_app.ingest.pubdate.dateline import WEEKDAYS
from timeline_app.ingest.pubdate.inference import (
    find_publication_date,
    format_day,
    infer_publication_date,
)


def _seed_text() -> str:
    (path,) = sorted((PROJECT_ROOT / "seeds").glob("000_*.txt"))
    return Path(path).read_text(encoding="utf-8")


def test_seed_article_is_dated_monday_8_january_2024() -> None:
    finding = infer_publication_date(_seed_text())
    assert finding is not None
    assert finding.date == date(2024, 1, 8)
    assert finding.source is PublishedSource.INFERRED
    assert "Monday" in finding.reason
    assert "Sat 6 Jan 2024" in finding.reason
    assert finding.reason.endswith("-> Mon 8 Jan 2024")


def test_seed_with_title_passed_separately() -> None:
    title, body = _seed_text().split("\n", 1)
    finding = infer_publication_date(body, title)
    assert finding is not None
    assert finding.date == date(2024, 1, 8)


def test_nothing_to_go_on_means_no_guess() -> None:
    assert infer_publication_date("Officials said on Monday that talks would go on.") is None
    assert infer_publication_date("Prices fell yesterday and rose last week.") is None
    assert infer_publication_date("") is None


def test_a_lone_past_year_gives_an_honest_rough_guess() -> None:
    finding = infer_publication_date("The company was founded in 1998.")
    assert finding is not None
    assert finding.date.year >= 1998
    assert finding.confidence < 0.1
    assert finding.reason.startswith("rough guess")
    assert "1998" in finding.reason


def test_a_year_in_the_present_perfect_is_the_current_year() -> None:
    text = (
        "In 2004, the company sold more planes than its rival for the first time. "
        "However, thus far the rival has received far more orders in 2005."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date.year == 2005
    assert "2005 (ongoing)" in finding.reason


def test_last_year_that_matches_a_named_year_picks_the_year_after() -> None:
    text = (
        "Sales fell sharply last year, the company said. "
        "In 2008 it cut 400 jobs and closed two plants."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date.year == 2009
    assert "'last year' fits the dates named" in finding.reason


def test_a_future_date_alone_bounds_the_guess_from_above() -> None:
    text = "The minister will step down on January 15, 2010, officials said."
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date < date(2010, 1, 15)
    assert (date(2010, 1, 15) - finding.date).days < 400
    assert finding.confidence < 0.5


def test_since_dates_are_not_taken_as_news() -> None:
    text = "Shares closed at their lowest level since October 9, 2002 on Thursday."
    assert infer_publication_date(text) is None


def test_lead_weekday_the_day_after_is_reported_as_such() -> None:
    text = (
        "Storms hit the coast on March 3, 2011.\n\n"
        "Rescue teams on Friday reached the last villages."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date == date(2011, 3, 4)  # the first Friday after Thu 3 Mar 2011
    assert "'on Friday' in the lead" in finding.reason


def test_without_weekday_the_latest_past_date_is_taken() -> None:
    text = "Talks were held on May 2, 2009. Earlier talks on April 20, 2009 failed."
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date == date(2009, 5, 2)
    assert "no weekday in the lead" in finding.reason


def test_a_later_future_date_does_not_pull_the_date_forward() -> None:
    text = (
        "Voters went to the polls on June 7, 2009.\n\n"
        "Officials on Monday said a runoff will be held on July 31, 2009."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date == date(2009, 6, 8)


def test_pipeline_prefers_the_dateline() -> None:
    text = "LONDON, May 12, 2009 (Reuters) - Talks held on May 2, 2009 failed on Monday."
    finding = find_publication_date(text)
    assert finding is not None
    assert finding.source is PublishedSource.DATELINE
    assert finding.date == date(2009, 5, 12)


def test_format_day() -> None:
    assert format_day(date(2024, 1, 6)) == "Sat 6 Jan 2024"


@settings(max_examples=150, deadline=None)
@given(
    published=st.dates(min_value=date(1950, 1, 8), max_value=date(2090, 12, 31)),
    days_before=st.integers(min_value=0, max_value=5),
)
def test_caption_date_and_lead_weekday_give_the_day(published: date, days_before: int) -> None:
    earlier = published - timedelta(days=days_before)
    weekday = WEEKDAYS[published.weekday()]
    text = (
        f"Crowds gather in the square, {earlier:%B} {earlier.day}, {earlier.year}.\n\n"
        f"The council on {weekday} approved the plan after weeks of protest.\n\n"
        "Critics said the vote was rushed."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date == published
    assert weekday in finding.reason


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.text(max_size=40))
def test_never_raises_on_arbitrary_text(text: str, title: str) -> None:
    finding = infer_publication_date(text, title)
    assert finding is None or 0.0 <= finding.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "on Monday",
                "Jan. 6, 2024",
                "since 2014",
                "October 7",
                "will meet on March 3",
                "last week",
                "Friday",
                "in 2023",
                "12 December 2023",
                "yesterday",
                ". ",
                "\n\n",
                "The minister said",
            ]
        ),
        max_size=25,
    )
)
def test_never_raises_on_date_like_fragments(fragments: list[str]) -> None:
    text = " ".join(fragments)
    finding = infer_publication_date(text)
    if finding is not None:
        assert finding.source is PublishedSource.INFERRED
        assert finding.reason


def test_long_text_with_many_dates_stays_fast() -> None:
    import time

    paragraph = (
        "Talks were held on March 3, 2009 and again on 14 April 2009. "
        "Officials on Monday said a vote will follow on June 2. Since 1998 prices rose.\n\n"
    )
    text = paragraph * 4000  # ~600 KB, 16,000 date mentions
    began = time.perf_counter()
    finding = infer_publication_date(text)
    elapsed = time.perf_counter() - began
    assert finding is not None
    assert elapsed < 5.0


def test_a_lone_historical_date_is_only_a_rough_guess() -> None:
    text = (
        "Prosecutors on Monday charged two more men over the bombings of the embassies.\n\n"
        "The Aug. 7, 1998, bombings killed 224 people. The suspects deny the charges."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date > date(1998, 8, 7)
    assert finding.date.weekday() == 0  # the lead's Monday
    assert finding.confidence < 0.4
    assert "it may have been written well after" in finding.reason


def test_comment_time_stamps_follow_publication() -> None:
    text = (
        "Rebels on Sunday took the town after heavy fighting.\n\n"
        "April 4, 2011 at 7:03 pm | Reply\n\nApril 6, 2011 at 3:23 am | Reply\n\n"
        "April 9, 2011 at 9:12 am | Reply"
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date == date(2011, 4, 3)  # the Sunday before the first comment
    assert "earliest post time stamp Mon 4 Apr 2011" in finding.reason


def test_confidence_is_higher_for_a_day_than_for_a_year() -> None:
    day = infer_publication_date("Storms hit the coast on March 3, 2011, and on Friday ...")
    year = infer_publication_date("Storms hit the coast in 2011.")
    assert day is not None
    assert year is not None
    assert day.confidence > 3 * year.confidence


def test_a_caption_date_is_taken_as_recent() -> None:
    text = (
        "Prosecutors leave the court in Nairobi, Aug. 7, 1999.\n\n"
        "Prosecutors on Monday charged two more men over the bombings of the embassies."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date == date(1999, 8, 9)  # the Monday after Sat 7 Aug 1999


def test_terms_and_maturities_are_not_news() -> None:
    text = (
        "The company sold $150 million of debentures due March 1, 2011, and notes "
        "maturing Nov. 1, 2009. Its fiscal year ending June 30, 1990 was strong."
    )
    assert infer_publication_date(text) is None


def test_earlier_this_month_places_a_yearless_day_in_the_current_month() -> None:
    text = (
        "The agency said in 2009 that the plant was safe.\n\n"
        "Earlier this month, on June 18, inspectors found cracks in the reactor."
    )
    finding = infer_publication_date(text)
    assert finding is not None
    assert finding.date.month == 6
    assert finding.date >= date(2009, 6, 18)


def test_a_coarse_answer_says_what_is_a_guess() -> None:
    finding = infer_publication_date("Unemployment rose in 2008, and it has fallen in 2009.")
    assert finding is not None
    assert finding.date.year == 2009
    assert "2009 (ongoing)" in finding.reason
    assert "month and day are a guess" in finding.reason
    assert finding.confidence < 0.1


@settings(max_examples=60, deadline=None)
@given(year=st.integers(min_value=1950, max_value=2049))  # the years read as years
def test_a_lone_ongoing_year_is_answered_in_that_year_near_its_middle(year: int) -> None:
    finding = infer_publication_date(f"The company has sold more cars in {year} than ever.")
    assert finding is not None
    assert finding.date.year == year
    assert 5 <= finding.date.month <= 8


def test_inference_on_a_typical_article_is_fast() -> None:
    """A guard against an accidental blow-up (seconds, not milliseconds), not a benchmark.

    Measured in this thread's CPU time, so other processes on a shared machine
    cannot make it fail; ``benchmarks/eval_pubdate.py`` has the real figures.
    """
    import time

    text = _seed_text()
    timings = []
    for _ in range(5):
        began = time.thread_time()
        infer_publication_date(text)
        timings.append(time.thread_time() - began)
    assert min(timings) < 0.05  # the best of five


@settings(max_examples=60, deadline=None)
@given(
    month=st.integers(min_value=1, max_value=12),
    year=st.integers(min_value=1960, max_value=2040),
)
def test_a_past_month_alone_puts_publication_after_it(month: int, year: int) -> None:
    name = date(year, month, 1).strftime("%B")
    finding = infer_publication_date(f"Inflation rose in {name} {year}, the bank said.")
    assert finding is not None
    assert finding.date > date(year, month, 28)
    assert finding.date.year <= year + 1
    assert finding.reason.startswith("rough guess")
