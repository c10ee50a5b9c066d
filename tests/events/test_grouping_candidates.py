"""Grouping's fast candidate search finds exactly the pairs comparing all pairs would.

The reference below is the plain definition (every pair of events from
different articles, at compatible times, with enough shared words); the fast
search must agree with it on any library, and so must the resulting groups.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.events import group_events, grouping
from timeline_app.events.grouping import (
    _candidates,
    _join,
    compatible_times,
    content_words,
    required_similarity,
    similarity,
)
from timeline_app.events.model import Event, EventKind
from timeline_app.temporal.timex import Precision

# Few words, so that random passages often share two or more of them.
VOCABULARY = [
    "strike",
    "drone",
    "baghdad",
    "commander",
    "militia",
    "parliament",
    "budget",
    "market",
    "stock",
    "election",
    "vote",
    "storm",
    "flood",
    "court",
    "ruling",
    "protest",
    "police",
    "minister",
    "border",
]

LENGTHS = {
    Precision.DECADE: timedelta(days=3650),
    Precision.YEAR: timedelta(days=365),
    Precision.QUARTER: timedelta(days=91),
    Precision.MONTH: timedelta(days=30),
    Precision.WEEK: timedelta(days=7),
    Precision.DAY: timedelta(days=1),
    Precision.HOUR: timedelta(hours=1),
}
ORIGIN = datetime(2020, 1, 1)


@st.composite
def events(draw) -> list[Event]:
    count = draw(st.integers(min_value=0, max_value=40))
    result = []
    for event_id in range(1, count + 1):
        precision = draw(st.sampled_from(sorted(LENGTHS)))
        start = ORIGIN + timedelta(days=draw(st.integers(min_value=0, max_value=60)))
        kind = draw(st.sampled_from([EventKind.POINT, EventKind.POINT, EventKind.ONGOING]))
        label = " ".join(draw(st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=9)))
        result.append(
            Event(
                article_id=draw(st.integers(min_value=1, max_value=5)),
                start=start,
                end=start + LENGTHS[precision],
                precision=precision,
                kind=kind,
                timex_start=0,
                timex_end=0,
                expression="then",
                value="",
                sentence_start=0,
                sentence_end=len(label),
                label=label,
                confidence=0.5,
                explanation="",
                id=event_id,
            )
        )
    return result


def all_pairs(events: list[Event], words: dict[int, frozenset[str]]) -> set[tuple]:
    pairs = set()
    for first, second in combinations(events, 2):
        if first.article_id == second.article_id or not compatible_times(first, second):
            continue
        score = similarity(words[first.id], words[second.id])
        if score >= required_similarity(first, second):
            pairs.add((score, min(first.id, second.id), max(first.id, second.id)))
    return pairs


@settings(max_examples=120, deadline=None)
@given(events())
def test_fast_candidates_equal_all_pairs(library: list[Event]) -> None:
    ordered = sorted(library, key=lambda e: (e.start, e.id))
    words = {e.id: content_words(e.label) for e in ordered}
    found = _candidates(ordered, words)
    assert len(found) == len(set(found))  # each pair once
    expected = all_pairs(ordered, words)
    assert set(found) == expected
    assert group_events(library) == _join(sorted(expected), ordered)


@settings(max_examples=40, deadline=None)
@given(events(), st.randoms(use_true_random=False))
def test_groups_do_not_depend_on_input_order(library: list[Event], rng) -> None:
    shuffled = list(library)
    rng.shuffle(shuffled)
    assert group_events(shuffled) == group_events(library)


def test_a_long_year_full_of_unrelated_events_is_not_compared_pairwise(monkeypatch) -> None:
    """Overlapping events that share no words are never compared (was 2 million comparisons)."""
    calls = []

    def counting_similarity(first, second):
        calls.append(1)
        return similarity(first, second)

    monkeypatch.setattr(grouping, "similarity", counting_similarity)
    library = []
    for event_id in range(1, 2001):
        label = f"topic{event_id} subject{event_id} matter{event_id}"
        library.append(
            Event(
                article_id=event_id,
                start=ORIGIN,
                end=ORIGIN + LENGTHS[Precision.YEAR],
                precision=Precision.YEAR,
                kind=EventKind.POINT,
                timex_start=0,
                timex_end=0,
                expression="then",
                value="",
                sentence_start=0,
                sentence_end=len(label),
                label=label,
                confidence=0.5,
                explanation="",
                id=event_id,
            )
        )
    ordered = sorted(library, key=lambda e: (e.start, e.id))
    words = {e.id: content_words(e.label) for e in ordered}
    assert _candidates(ordered, words) == []
    assert calls == []
