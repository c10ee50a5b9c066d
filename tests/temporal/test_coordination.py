"""Bare days joined to a full date ("April 24 and 25") share its month."""

from __future__ import annotations

from datetime import date

from timeline_app.temporal import tag

DCT = date(1999, 2, 10)


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.rule) for t in tag(text, DCT)]


def test_second_day_takes_the_month_and_year_of_the_first() -> None:
    found = spans("The summit is on April 24 and 25 in Washington.")
    assert found == [
        ("April 24", "1999-04-24", "date.month_day"),
        ("25", "1999-04-25", "date.coordinated_day"),
    ]


def test_a_year_after_the_pair_dates_both_members() -> None:
    found = spans("They met on May 5 and 6, 2011, in Paris.")
    assert [value for _, value, _ in found] == ["2011-05-05", "2011-05-06"]
    assert found[1][0] == "6, 2011"


def test_counts_and_amounts_after_a_date_are_not_days() -> None:
    for text in (
        "On May 5 and 3 others died.",
        "On May 5 and 30 people died.",
        "Shares rose on Jan. 6 and 7 percent later.",
        "It rained on Feb. 28 and 30 more fled.",
    ):
        assert [rule for *_, rule in spans(text)] == ["date.month_day"], text


def test_a_day_the_month_lacks_is_not_made_up() -> None:
    assert [rule for *_, rule in spans("Votes on Feb. 28 and 30.")] == ["date.month_day"]


def test_offsets_slice_the_text() -> None:
    text = "Talks on Nov. 5 or 6, then on Dec. 1 & 2."
    for timex in tag(text, DCT):
        assert text[timex.start : timex.end] == timex.text
    assert [t.value for t in tag(text, DCT)] == [
        "1998-11-05",
        "1998-11-06",
        "1998-12-01",
        "1998-12-02",
    ]


def test_ordinal_days_are_joined_too() -> None:
    assert [value for _, value, _ in spans("It runs on May 5th and 6th.")] == [
        "1999-05-05",
        "1999-05-06",
    ]
