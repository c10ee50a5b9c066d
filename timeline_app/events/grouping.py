"""Grouping: the same happening reported by several articles becomes one event.

Two events are candidates when they come from different articles, their
intervals overlap, their precisions are compatible (a day and a week may be
the same thing; a day and a decade are not) and the words of their passages
(minus the time expression) are similar. Candidates are joined strongest
first, and a group never holds two events of the same article, so one
sentence cannot drag in another article's unrelated events. The result is just
a mapping; the store keeps it in ``events.group_id`` and lets the user undo it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import cache

from timeline_app.events.model import Event, EventKind
from timeline_app.resources import resource_path
from timeline_app.temporal.timex import Precision

# Coarser dates need closer wording: many different things happen "in 2008".
_THRESHOLD_BY_PRECISION = ((Precision.DAY, 0.3), (Precision.MONTH, 0.35))
COARSE_THRESHOLD = 0.45
MIN_SHARED_WORDS = 2
_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")
_SUFFIXES = ("ing", "ed", "es", "s")
_DROP_MARKS = str.maketrans("", "", ".'’")  # "U.S." -> "us", "Iraq's" -> "iraqs"


@cache
def stopwords() -> frozenset[str]:
    """Words too common to show two passages are about the same thing."""
    path = resource_path("events", "stopwords.txt")
    words = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(passage: str) -> frozenset[str]:
    """Lower-cased, lightly stemmed words of ``passage`` without stopwords or numbers."""
    common = stopwords()
    words = set()
    for raw in _WORD.findall(passage.lower()):
        word = raw.translate(_DROP_MARKS)
        if len(word) < 2 or word in common or word.isdigit():
            continue
        words.add(_stem(word))
    return frozenset(words)


def _passage_without_expression(event: Event, texts: Mapping[int, str] | None) -> str:
    text = texts.get(event.article_id) if texts else None
    if text is None:
        return event.label.replace(event.expression, " ")
    return (
        text[event.sentence_start : event.timex_start]
        + " "
        + text[event.timex_end : event.sentence_end]
    )


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Dice coefficient of two word sets (0 when they share too few words)."""
    shared = len(first & second)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return 2 * shared / (len(first) + len(second))


def compatible_times(first: Event, second: Event) -> bool:
    """Same or overlapping interval at a compatible precision and of the same nature."""
    if (first.kind == EventKind.ONGOING) != (second.kind == EventKind.ONGOING):
        return False
    if not (first.start < second.end and second.start < first.end):
        return False
    both_fine = first.precision >= Precision.DAY and second.precision >= Precision.DAY
    return both_fine or abs(first.precision - second.precision) <= 1


def required_similarity(first: Event, second: Event) -> float:
    """The similarity two events need to be grouped, by the coarser of their precisions."""
    coarser = min(first.precision, second.precision)
    for precision, threshold in _THRESHOLD_BY_PRECISION:
        if coarser >= precision:
            return threshold
    return COARSE_THRESHOLD


def group_events(events: Sequence[Event], texts: Mapping[int, str] | None = None) -> dict[int, int]:
    """Map event id -> group id (the smallest event id in its group).

    Only events that joined a group of two or more appear in the result;
    an event left alone is absent (its ``group_id`` stays ``None``).
    ``texts`` maps article id -> article text; without it the labels are compared.
    """
    if any(event.id == 0 for event in events):
        raise ValueError("group_events needs stored events (an event has id 0)")
    ordered = sorted(events, key=lambda e: (e.start, e.id))
    words = {e.id: content_words(_passage_without_expression(e, texts)) for e in ordered}
    return _join(_candidates(ordered, words), ordered)


def _candidates(
    ordered: Sequence[Event], words: Mapping[int, frozenset[str]]
) -> list[tuple[float, int, int]]:
    """Every pair that may be grouped, with its similarity, found without comparing all pairs.

    A sweep in start order keeps the events still running; among those, an
    event only meets the ones sharing a word of its *prefix*: its words
    ordered rarest first, minus the most common ones it could do without
    (prefix filtering). Two word sets as similar as the threshold demands
    must share a word of both prefixes, so no pair that qualifies is missed,
    while the many pairs that share nothing rare are never looked at (a year
    with thousands of events used to cost millions of comparisons).
    """
    frequency: dict[str, int] = {}
    for event_words in words.values():
        for word in event_words:
            frequency[word] = frequency.get(word, 0) + 1
    candidates: list[tuple[float, int, int]] = []
    # Running events by (nature, precision class) and then by prefix word.
    active: dict[tuple[bool, int], dict[str, list[Event]]] = {}
    for event in ordered:
        own_words = words[event.id]
        prefix = _prefix(own_words, frequency, _threshold_for(event.precision))
        if not prefix:
            continue  # too few words to ever be similar enough
        checked: set[int] = set()
        own = _bucket(event)
        for bucket in _compatible_buckets(own):
            index = active.get(bucket)
            if not index:
                continue
            for word in prefix:
                postings = index.get(word)
                if not postings:
                    continue
                running = [other for other in postings if other.end > event.start]
                if len(running) != len(postings):
                    index[word] = running
                for other in running:
                    if other.id in checked:
                        continue
                    checked.add(other.id)
                    if other.article_id == event.article_id or not compatible_times(other, event):
                        continue
                    score = similarity(words[other.id], own_words)
                    if score >= required_similarity(other, event):
                        candidates.append((score, min(other.id, event.id), max(other.id, event.id)))
        index = active.setdefault(own, {})
        for word in prefix:
            index.setdefault(word, []).append(event)
    return candidates


def _threshold_for(precision: Precision) -> float:
    """The lowest similarity any pair involving an event of ``precision`` needs."""
    for level, threshold in _THRESHOLD_BY_PRECISION:
        if precision >= level:
            return threshold
    return COARSE_THRESHOLD


def _prefix(words: frozenset[str], frequency: Mapping[str, int], threshold: float) -> list[str]:
    """The rarest words of ``words``, enough that any similar enough set shares one.

    Dice >= t with ``o`` shared words needs ``o >= t * |words| / (2 - t)``
    (and ``o >= MIN_SHARED_WORDS``); then the ``|words| - o + 1`` rarest words
    must contain a shared one. The bound is rounded down (a longer prefix is
    always safe) so float rounding can never drop a qualifying pair.
    """
    size = len(words)
    if size < MIN_SHARED_WORDS:
        return []
    needed = max(MIN_SHARED_WORDS, math.floor(threshold * size / (2 - threshold)))
    length = size - needed + 1
    return sorted(words, key=lambda word: (frequency[word], word))[:length]


def _bucket(event: Event) -> tuple[bool, int]:
    """(ongoing?, precision class): day and finer share one class."""
    return event.kind == EventKind.ONGOING, min(int(event.precision), int(Precision.DAY))


def _compatible_buckets(bucket: tuple[bool, int]) -> list[tuple[bool, int]]:
    ongoing, level = bucket
    return [
        (ongoing, other)
        for other in (level - 1, level, level + 1)
        if 0 <= other <= int(Precision.DAY)
    ]


def _join(candidates: list[tuple[float, int, int]], events: Sequence[Event]) -> dict[int, int]:
    """Union the candidate pairs, strongest first.

    Two groups join only if they share no article and some moment lies in
    every member's interval, so "fell on Monday", "fell this week" and "fell
    on Tuesday" cannot chain Monday and Tuesday into one happening.
    """
    parent = {event.id: event.id for event in events}
    articles = {event.id: {event.article_id} for event in events}
    common = {event.id: (event.start, event.end) for event in events}

    def root(event_id: int) -> int:
        while parent[event_id] != event_id:
            parent[event_id] = parent[parent[event_id]]
            event_id = parent[event_id]
        return event_id

    for _score, first, second in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        a, b = root(first), root(second)
        if a == b or articles[a] & articles[b]:
            continue
        start = max(common[a][0], common[b][0])
        end = min(common[a][1], common[b][1])
        if start >= end:
            continue
        keep, drop = min(a, b), max(a, b)
        parent[drop] = keep
        articles[keep] |= articles.pop(drop)
        common[keep] = (start, end)
    members: dict[int, list[int]] = {}
    for event in events:
        members.setdefault(root(event.id), []).append(event.id)
    return {
        event_id: min(group) for group in members.values() if len(group) > 1 for event_id in group
    }
