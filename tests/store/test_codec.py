"""Row <-> domain conversions lose nothing, for any value the domain allows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from timeline_app.events.model import Event, EventKind
from timeline_app.store import codec
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 30))


@given(moments)
def test_seconds_round_trip_to_the_second(moment: datetime) -> None:
    whole = moment.replace(microsecond=0)
    assert codec.from_seconds(codec.to_seconds(whole)) == whole


def test_aware_datetimes_are_stored_in_utc() -> None:
    local = datetime(2024, 1, 8, 1, 0, tzinfo=timezone(timedelta(hours=2)))
    assert codec.from_seconds(codec.to_seconds(local)) == datetime(2024, 1, 7, 23, 0)
    assert codec.to_seconds(datetime(1970, 1, 2, tzinfo=UTC)) == 86_400


@st.composite
def timexes(draw) -> Timex:
    start = draw(st.integers(0, 10_000))
    text = draw(st.text(min_size=1, max_size=30))
    interval = None
    precision = None
    if draw(st.booleans()):
        begin = draw(moments)
        interval = Interval(begin, begin + draw(st.timedeltas(timedelta(0), timedelta(days=400))))
        precision = draw(st.sampled_from(Precision))
    return Timex(
        start=start,
        end=start + len(text),
        text=text,
        type=draw(st.sampled_from(TimexType)),
        value=draw(st.text(max_size=20)),
        mod=draw(st.none() | st.sampled_from(["START", "MID", "END", "APPROX"])),
        interval=interval,
        precision=precision,
        rule=draw(st.text(max_size=20)),
        anchor_kind=draw(st.sampled_from(AnchorKind)),
        anchor_value=draw(st.none() | st.text(max_size=10)),
    )


@given(timexes())
def test_timex_round_trip(timex: Timex) -> None:
    assert codec.timex_from_row(codec.timex_to_row(7, timex)) == timex


@st.composite
def events(draw) -> Event:
    start = draw(moments).replace(microsecond=0)
    end = start + timedelta(seconds=draw(st.integers(0, 10**9)))
    return Event(
        article_id=3,
        start=start,
        end=min(end, datetime(9999, 12, 31)),
        precision=draw(st.sampled_from(Precision)),
        kind=draw(st.sampled_from(EventKind)),
        timex_start=1,
        timex_end=5,
        expression=draw(st.text(max_size=20)),
        value=draw(st.text(max_size=20)),
        sentence_start=0,
        sentence_end=9,
        label=draw(st.text(max_size=50)),
        confidence=draw(st.floats(0, 1)),
        explanation=draw(st.text(max_size=30)),
        mod=draw(st.none() | st.just("APPROX")),
        id=11,
    )


@given(events())
def test_event_round_trip(event: Event) -> None:
    row = codec.event_to_row(event.article_id, event)
    row["id"] = event.id
    stored = tuple(row[name.strip()] for name in codec.EVENT_COLUMNS.split(","))
    assert codec.event_from_row(stored) == event


@given(st.text(max_size=60))
def test_fts_query_only_quotes_words(search: str) -> None:
    query = codec.fts_query(search)
    if query is None:
        return
    for term in query.split(" "):
        assert term.startswith('"')
        assert term.endswith('"*')
        assert '"' not in term[1:-2]


@given(st.text(max_size=40))
def test_any_search_text_is_a_valid_fts_query(search: str) -> None:
    from timeline_app.articles import ParsedArticle
    from timeline_app.store.repository import Repository

    with Repository(":memory:") as repo:
        repo.add_article(ParsedArticle(text="Floods in Zürich on Monday", title="Floods"))
        found = repo.articles(search)
        assert len(found) <= 1
        repo.events(search=search)


@given(st.text(max_size=200))
def test_content_hash_ignores_whitespace_layout_and_unicode_form(text: str) -> None:
    import hashlib
    import re
    import unicodedata

    # The stored identity of every article: it must never change between versions.
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    assert codec.content_hash(text) == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    assert codec.content_hash(f"  {text}\r\n\t") == codec.content_hash(text)
    assert codec.content_hash(unicodedata.normalize("NFD", text)) == codec.content_hash(text)
