"""build_events on hand-made timexes: what becomes an event, and where it goes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline_app.articles import PublishedSource
from timeline_app.events import EventKind, build_events, is_event_timex
from timeline_app.temporal.timex import AnchorKind, Precision, TimexType

from .conftest import make_timex

D = datetime
PUBLISHED = date(2024, 1, 8)


@pytest.fixture
def seed_events(seed_text: str):
    """The seed article's events from the timexes a correct tagger finds (DCT 2024-01-08)."""
    t = seed_text
    timexes = [
        make_timex(t, "Jan. 6, 2024", "2024-01-06", D(2024, 1, 6), anchor=AnchorKind.NONE),
        make_timex(t, "Monday", "2024-01-08", D(2024, 1, 8)),
        make_timex(t, "recently", "PAST_REF", None, None),
        make_timex(t, "Monday", "2024-01-08", D(2024, 1, 8), occurrence=1),
        make_timex(t, "last week", "2024-W01", D(2024, 1, 1), Precision.WEEK),
        make_timex(t, "Thursday", "2024-01-04", D(2024, 1, 4)),
        make_timex(t, "Friday", "2024-01-05", D(2024, 1, 5)),
        make_timex(t, "in recent weeks", "PAST_REF", None, None),
        make_timex(t, "2014", "2014", D(2014, 1, 1), Precision.YEAR, anchor=AnchorKind.NONE),
        make_timex(t, "October 7", "2023-10-07", D(2023, 10, 7)),
        make_timex(t, "mid-October", "2023-10", D(2023, 10, 1), Precision.MONTH, mod="MID"),
        make_timex(
            t,
            "late 2017",
            "2017",
            D(2017, 1, 1),
            Precision.YEAR,
            mod="END",
            anchor=AnchorKind.NONE,
        ),
    ]
    timexes.sort(key=lambda timex: timex.start)
    return build_events(
        t, timexes, PUBLISHED, article_id=7, published_source=PublishedSource.METADATA
    )


def event_about(events, phrase: str):
    matching = [e for e in events if phrase in e.label]
    assert len(matching) == 1, f"{len(matching)} events labelled with {phrase!r}"
    return matching[0]


def test_seed_events_have_the_expected_dates(seed_events) -> None:
    drone = event_about(seed_events, "drone strike")
    assert (drone.start, drone.end, drone.kind) == (D(2024, 1, 4), D(2024, 1, 5), EventKind.POINT)
    sudani = event_about(seed_events, "Sudani said")
    assert sudani.start == D(2024, 1, 5)
    backing = event_about(seed_events, "threw its weight")
    assert backing.start == D(2024, 1, 8)
    parade = event_about(seed_events, "Army Day")
    assert parade.start == D(2024, 1, 6)
    fighting = event_about(seed_events, "fighting erupted")
    assert (fighting.start, fighting.kind) == (D(2023, 10, 7), EventKind.POINT)


def test_seed_since_phrases_are_ongoing_up_to_publication(seed_events) -> None:
    attacks = event_about(seed_events, "100 attacks")
    assert attacks.kind == EventKind.ONGOING
    assert D(2023, 10, 10) <= attacks.start <= D(2023, 10, 20)  # mid-October
    assert attacks.end == D(2024, 1, 9)  # through the publication day
    deployed = event_about(seed_events, "deployed since 2014")
    assert (deployed.kind, deployed.start, deployed.end) == (
        EventKind.ONGOING,
        D(2014, 1, 1),
        D(2024, 1, 9),
    )
    assert "publication date 2024-01-08" in attacks.explanation


def test_late_2017_is_the_last_third_of_the_year(seed_events) -> None:
    victory = event_about(seed_events, "declared victory")
    assert (victory.start, victory.end) == (D(2017, 9, 1), D(2018, 1, 1))
    assert victory.precision == Precision.YEAR
    assert "late" in victory.explanation


def test_vague_references_make_no_events(seed_events, seed_text: str) -> None:
    assert not any(e.expression in ("recently", "in recent weeks") for e in seed_events)
    assert len(seed_events) == 10


def test_events_point_back_into_the_text(seed_events, seed_text: str) -> None:
    for event in seed_events:
        assert event.article_id == 7
        assert seed_text[event.timex_start : event.timex_end] == event.expression
        assert event.sentence_start <= event.timex_start < event.timex_end <= event.sentence_end
        assert len(event.label) <= 120
        assert 0 < event.confidence <= 1
        assert f'"{event.expression}"' in event.explanation


def test_explanation_names_anchor_and_its_source(seed_events) -> None:
    drone = event_about(seed_events, "drone strike")
    assert "publication date 2024-01-08 (from metadata)" in drone.explanation
    assert "2024-01-04" in drone.explanation
    parade = event_about(seed_events, "Army Day")
    assert "absolute" in parade.explanation
    assert parade.confidence > drone.confidence


def test_same_moment_twice_in_a_sentence_is_one_event() -> None:
    text = "BAGHDAD, Jan. 8 (Reuters) - Iran on Monday backed Iraq."
    timexes = [
        make_timex(text, "Jan. 8", "2024-01-08", D(2024, 1, 8)),
        make_timex(text, "Monday", "2024-01-08", D(2024, 1, 8)),
    ]
    events = build_events(text, timexes, PUBLISHED)
    assert len(events) == 1
    assert events[0].expression == "Jan. 8"


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("The fair ran from March 3 to March 5 in Paris.", "March 3", "March 5"),
        ("Prices rose between 2009 and 2010 sharply.", "2009", "2010"),
        ("The war lasted 1914-1918 in Europe.", "1914", "1918"),
        ("Talks went on from Monday until Wednesday.", "Monday", "Wednesday"),
    ],
)
def test_two_joined_timexes_make_one_span(sentence: str, first: str, second: str) -> None:
    precision = Precision.YEAR if first.isdigit() else Precision.DAY
    starts = {
        "March 3": D(2024, 3, 3),
        "March 5": D(2024, 3, 5),
        "2009": D(2009, 1, 1),
        "2010": D(2010, 1, 1),
        "1914": D(1914, 1, 1),
        "1918": D(1918, 1, 1),
        "Monday": D(2024, 1, 1),
        "Wednesday": D(2024, 1, 3),
    }
    timexes = [
        make_timex(sentence, first, "v1", starts[first], precision),
        make_timex(sentence, second, "v2", starts[second], precision),
    ]
    (event,) = build_events(sentence, timexes, PUBLISHED)
    assert event.kind == EventKind.SPAN
    assert event.start == starts[first]
    assert event.end > starts[second]
    assert (
        event.expression == sentence[sentence.index(first) : sentence.index(second) + len(second)]
    )
    assert event.value == "v1/v2"


def test_and_without_between_is_two_points() -> None:
    text = "He spoke on Monday and Friday."
    timexes = [
        make_timex(text, "Monday", "2024-01-01", D(2024, 1, 1)),
        make_timex(text, "Friday", "2024-01-05", D(2024, 1, 5)),
    ]
    kinds = [e.kind for e in build_events(text, timexes, PUBLISHED)]
    assert kinds == [EventKind.POINT, EventKind.POINT]


def test_backwards_pair_is_not_a_span() -> None:
    text = "It moved from 2010 to 2009."
    timexes = [
        make_timex(text, "2010", "2010", D(2010, 1, 1), Precision.YEAR),
        make_timex(text, "2009", "2009", D(2009, 1, 1), Precision.YEAR),
    ]
    assert [e.kind for e in build_events(text, timexes, PUBLISHED)] == [EventKind.POINT] * 2


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Troops stayed from 2014 until now in the north.", EventKind.ONGOING),
        ("Troops stayed from 2014 onwards in the north.", EventKind.ONGOING),
        ("Troops stayed from 2014 on, in the north.", EventKind.ONGOING),
        ("Troops stayed there from 2014 to date.", EventKind.ONGOING),
        ("A report from 2014 on the island was read.", EventKind.POINT),
        ("A report from 2014 until nowhere else was read.", EventKind.POINT),
    ],
)
def test_from_until_now(text: str, kind: EventKind) -> None:
    timexes = [make_timex(text, "2014", "2014", D(2014, 1, 1), Precision.YEAR)]
    (event,) = build_events(text, timexes, PUBLISHED)
    assert event.kind == kind
    if kind == EventKind.ONGOING:
        assert event.end == D(2024, 1, 9)


def test_ongoing_without_publication_date_keeps_its_own_end_and_says_so() -> None:
    text = "Fighting has gone on since 2014."
    timexes = [make_timex(text, "2014", "2014", D(2014, 1, 1), Precision.YEAR)]
    (event,) = build_events(text, timexes, None)
    assert (event.kind, event.end) == (EventKind.ONGOING, D(2015, 1, 1))
    assert "end unknown" in event.explanation


@pytest.mark.parametrize(
    ("kind", "value", "has_interval"),
    [
        (TimexType.DURATION, "P10Y", False),
        (TimexType.DURATION, "P2D", True),  # anchored: "[two days] later"
        (TimexType.SET, "XXXX-SP", False),
        (TimexType.DATE, "PAST_REF", False),
        (TimexType.DATE, "PRESENT_REF", False),
        (TimexType.DATE, "XXXX-10-07", False),  # no anchor: unresolved
        (TimexType.DATE, "2024-01-04", True),
        (TimexType.TIME, "2024-01-04T14:00", True),
    ],
)
def test_is_event_timex(kind: TimexType, value: str, has_interval: bool) -> None:
    text = "something happened then"
    timex = make_timex(
        text,
        "then",
        value,
        D(2024, 1, 4) if has_interval else None,
        Precision.DAY if has_interval else None,
        kind=kind,
    )
    assert is_event_timex(timex) is has_interval


def test_a_duration_makes_an_event_only_when_anchored() -> None:
    """A plain duration has no interval and makes no event; an anchored one
    ("[Two years] later") carries the point it reaches and is placed there."""
    text = "He ruled for a decade. Two years later he fell."
    plain = make_timex(text, "for a decade", "P10Y", None, None, kind=TimexType.DURATION)
    anchored = make_timex(
        text, "Two years", "P2Y", D(2002, 1, 1), Precision.YEAR, kind=TimexType.DURATION
    )
    (event,) = build_events(text, [plain, anchored], PUBLISHED)
    assert (event.expression, event.start, event.precision) == (
        "Two years",
        D(2002, 1, 1),
        Precision.YEAR,
    )


@pytest.mark.parametrize(
    ("sentence", "coarse", "fine", "fine_start", "fine_precision"),
    [
        ("GM filed for bankruptcy at 12:00 UTC Monday in New York.", "Monday", "12:00 UTC",
         D(2024, 1, 8, 12), Precision.MINUTE),
        ("Henderson spoke at 16:15 UTC, June 1st, in New York.", "June 1st", "16:15 UTC",
         D(2024, 6, 1, 16, 15), Precision.MINUTE),
        ("Iran spoke on Monday, Jan. 8, in Tehran.", "Monday", "Jan. 8",
         D(2024, 1, 8), Precision.DAY),
    ],
)  # fmt: skip
def test_one_moment_written_in_two_pieces_is_one_event(
    sentence: str, coarse: str, fine: str, fine_start: datetime, fine_precision: Precision
) -> None:
    coarse_day = datetime(fine_start.year, fine_start.month, fine_start.day)
    timexes = sorted(
        [
            make_timex(sentence, coarse, "coarse", coarse_day),
            make_timex(sentence, fine, "fine", fine_start, fine_precision),
        ],
        key=lambda timex: timex.start,
    )
    (event,) = build_events(sentence, timexes, PUBLISHED)
    assert event.start == fine_start
    assert event.precision == fine_precision
    first, last = timexes
    assert (event.timex_start, event.timex_end) == (first.start, last.end)
    assert "names the same time" in event.explanation


def test_separate_moments_in_one_sentence_stay_apart() -> None:
    text = "He joined in January and left on January 20."
    timexes = [
        make_timex(text, "January", "2024-01", D(2024, 1, 1), Precision.MONTH),
        make_timex(text, "January 20", "2024-01-20", D(2024, 1, 20)),
    ]
    assert len(build_events(text, timexes, PUBLISHED)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The index closed at its lowest level since 1997, traders said.",
        "GM posted its first annual loss since 1992.",
        "The DJIA had its worst fall since 1987, a drop of 9%.",
    ],
)
def test_superlative_since_is_a_comparison_placed_at_the_date(sentence: str) -> None:
    year = next(word for word in sentence.replace(",", " ").split() if word.startswith("19"))
    timex = make_timex(sentence, year.rstrip("."), year, D(int(year[:4]), 1, 1), Precision.YEAR)
    (event,) = build_events(sentence, [timex], PUBLISHED)
    assert event.kind == EventKind.POINT
    assert event.end == D(int(year[:4]) + 1, 1, 1)
    assert "compares" in event.explanation


def test_a_time_of_day_moves_onto_the_date_written_next_to_it() -> None:
    text = "Henderson spoke at 16:15 UTC, June 1st, in New York."
    clock = make_timex(
        text, "16:15 UTC", "2009-06-04T16:15", D(2009, 6, 4, 16, 15), Precision.MINUTE
    )
    day = make_timex(text, "June 1st", "2009-06-01", D(2009, 6, 1))
    (event,) = build_events(text, [clock, day], date(2009, 6, 4))
    assert (event.start, event.end) == (D(2009, 6, 1, 16, 15), D(2009, 6, 1, 16, 16))
    assert event.value == "2009-06-01T16:15"
    assert event.expression == "16:15 UTC, June 1st"


def test_a_full_timestamp_is_not_moved() -> None:
    text = "Posted 2009-06-04T16:15, June 1st edition."
    clock = make_timex(
        text,
        "2009-06-04T16:15",
        "2009-06-04T16:15",
        D(2009, 6, 4, 16, 15),
        Precision.MINUTE,
        anchor=AnchorKind.NONE,
    )
    day = make_timex(text, "June 1st", "2009-06-01", D(2009, 6, 1))
    # furniture=[]: this is about joining; "Posted <stamp>" is page furniture
    # (issue 13) and makes no event when the text is left to say so.
    assert len(build_events(text, [clock, day], date(2009, 6, 4), furniture=[])) == 2
    assert len(build_events(text, [clock, day], date(2009, 6, 4))) == 1


def test_timexes_of_another_text_are_refused() -> None:
    timex = make_timex("It happened on Monday.", "Monday", "2024-01-08", D(2024, 1, 8))
    with pytest.raises(ValueError, match="'Monday' at 15-21 does not match"):
        build_events("Completely different words here.", [timex], PUBLISHED)


def test_a_dateline_alone_is_a_low_confidence_event() -> None:
    text = (
        "LONDON | Mon May 11, 2009 2:06 pm EDT\n\nLONDON, May 11 (Reuters)\n\n"
        "Prices fell on Monday."
    )
    timexes = [
        make_timex(text, "Mon May 11, 2009", "2009-05-11", D(2009, 5, 11), anchor=AnchorKind.NONE),
        make_timex(text, "May 11", "2009-05-11", D(2009, 5, 11), occurrence=1),
        make_timex(text, "Monday", "2009-05-11", D(2009, 5, 11)),
    ]
    header, dateline, news = build_events(text, timexes, date(2009, 5, 11))
    assert "dateline or time stamp" in header.explanation
    assert "dateline or time stamp" in dateline.explanation
    assert "dateline" not in news.explanation
    assert header.confidence < news.confidence
