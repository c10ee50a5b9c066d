"""Properties of build_events on random texts and timexes (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.events import build_events, is_event_timex
from timeline_app.events.labels import LABEL_LIMIT
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

WORDS = st.sampled_from(
    ["the", "strike", "since", "from", "to", "between", "and", "-", "U.S.", "said.", "Monday",
     "2014", "on", "at", ",", "lowest", "\n\n", "“Quote”", "until", "now", "No.", "2"]
)  # fmt: skip
KINDS = st.sampled_from(list(TimexType))
PRECISIONS = st.sampled_from([Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.MINUTE])
MODS = st.sampled_from([None, "START", "MID", "END", "APPROX"])


@st.composite
def article(draw):
    words = draw(st.lists(WORDS, min_size=1, max_size=40))
    text = " ".join(words)
    offsets = []
    position = 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    chosen = sorted(draw(st.sets(st.integers(0, len(words) - 1), max_size=8)))
    timexes = []
    for index in chosen:
        start, end = offsets[index]
        day = datetime(2000, 1, 1) + timedelta(days=draw(st.integers(0, 9000)))
        resolved = draw(st.booleans())
        precision = draw(PRECISIONS)
        length = {
            Precision.YEAR: timedelta(days=365),
            Precision.MONTH: timedelta(days=30),
            Precision.DAY: timedelta(days=1),
            Precision.MINUTE: timedelta(minutes=1),
        }[precision]
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=draw(KINDS),
                value=draw(st.sampled_from(["2010", "2010-05", "PAST_REF", "P3Y", "XXXX-10-07"])),
                mod=draw(MODS),
                interval=Interval(day, day + length) if resolved else None,
                precision=precision if resolved else None,
                anchor_kind=draw(st.sampled_from(list(AnchorKind))),
            )
        )
    published = draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))))
    return text, timexes, published


@settings(max_examples=200, deadline=None)
@given(article())
def test_events_are_well_formed_and_come_from_event_timexes(case) -> None:
    text, timexes, published = case
    events = build_events(text, timexes, published, article_id=3)
    dated = [t for t in timexes if is_event_timex(t)]
    assert len(events) <= len(dated)
    assert [e.timex_start for e in events] == sorted(e.timex_start for e in events)
    for event in events:
        assert event.article_id == 3
        assert 0 <= event.sentence_start <= event.timex_start < event.timex_end
        assert event.timex_end <= event.sentence_end <= len(text)
        assert text[event.timex_start : event.timex_end] == event.expression
        assert event.start < event.end
        assert 0 < event.confidence <= 1
        assert len(event.label) <= LABEL_LIMIT
        assert event.explanation
        covered = [t for t in dated if event.timex_start <= t.start and t.end <= event.timex_end]
        assert covered, "an event must come from at least one event timex"
