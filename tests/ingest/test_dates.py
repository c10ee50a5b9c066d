"""Metadata dates: the usual formats, and honest errors for the rest."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.pubdate.metadata import alternative_reading, parse_metadata_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-01-08", date(2024, 1, 8)),
        ("2024-01-08T10:00:00Z", date(2024, 1, 8)),
        ("2024-01-08T23:30:00-05:00", date(2024, 1, 9)),  # UTC is the 9th
        ("Mon, 08 Jan 2024 10:00:00 GMT", date(2024, 1, 8)),
        ("January 8, 2024", date(2024, 1, 8)),
        ("8 Jan 2024", date(2024, 1, 8)),
        (1704672000, date(2024, 1, 8)),
        (1704672000000, date(2024, 1, 8)),  # milliseconds, as JavaScript writes them
        ("1704672000", date(2024, 1, 8)),
    ],
)
def test_accepted_formats(raw: object, expected: date) -> None:
    assert parse_metadata_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("10000-01-01", "out of range"),
        ("+10000-01-01T00:00:00Z", "out of range"),
        ("not a date at all", "is not a date"),
        ("2024-02-30", "is not a date"),
        ("", "is empty"),
        (2024, "is not a date"),
        (True, "is not a date"),
        (None, "is not a date"),
        (1e300, "out of range"),
        ("2024-01-08 " * 100_000, "characters long"),
    ],
)
def test_rejected_values_say_why(raw: object, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        parse_metadata_date(raw, field="'date' field")


@pytest.mark.parametrize(
    ("raw", "alternative"),
    [
        ("03-02-2009", date(2009, 2, 3)),
        ("03/02/2009 10:00", date(2009, 2, 3)),
        ("3.2.2009", date(2009, 2, 3)),
        ("13-02-2009", None),  # only one reading
        ("02-02-2009", None),  # both readings agree
        ("2009-03-02", None),  # ISO order is never ambiguous
        ("March 2, 2009", None),
        (1704672000, None),
    ],
)
def test_alternative_day_first_reading(raw: object, alternative: date | None) -> None:
    assert alternative_reading(raw) == alternative


def test_ambiguous_date_is_settled_by_the_text() -> None:
    from timeline_app.ingest.pubdate import with_publication_date
    from timeline_app.ingest.text_reader import parse_text

    story = (
        "Title: Car sales\nDate: {d}\n\nCar sales fell 35% in January, makers said on "
        "Monday, February 2, 2009. Dealers expect a weak spring.\n"
    )
    settled = with_publication_date(parse_text(story.format(d="03-02-2009")))
    assert settled.published == date(2009, 2, 3)
    assert "rather than 2009-03-02" in settled.published_reason
    assert "published_alternative" not in settled.extra
    plain = with_publication_date(parse_text(story.format(d="2009-03-02")))
    assert plain.published == date(2009, 3, 2)  # unambiguous metadata is never second-guessed
