"""Grouping: the same happening reported by several articles becomes one event.

Two events are candidates when they come from different articles, their
intervals overlap, their precisions are compatible (a day and a week may be
the same thing; a day and a decade are not) and the words of their passages
(minus the time expression) are similar. Candidates are joined strongest
first, and a group never holds two events of the same article, so one
sentence cannot drag in another article's unrelated events. The result is just
a mapping; the store keeps it in ``events.group_id`` and lets the user undo it.

Candidates are found without comparing all pairs (see :func:`_candidates`):
a sweep over start times meets only events still running, and among those
only the ones sharing one of an event's rarer words, which is provably enough
for the similarity thresholds; a 10,000-article library is grouped in seconds.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from operator import itemgetter

from timeline_app.events.model import Event, EventKind
from timeline_app.events.word_lists import word_set
from timeline_app.temporal.timex import Precision

# Coarser dates need closer wording: many different things happen "in 2008".
_THRESHOLD_BY_PRECISION = ((Precision.DAY, 0.3), (Precision.MONTH, 0.35))
COARSE_THRESHOLD = 0.45
MIN_SHARED_WORDS = 2
_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")
_SUFFIXES = ("ing", "ed", "es", "s")
_DROP_MARKS = str.maketrans("", "", ".'’")  # "U.S." -> "us", "Iraq's" -> "iraqs"


def stopwords() -> frozenset[str]:
    """Words too common to show two passages are about the same thing."""
    return word_set("stopwords.txt")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(passage: str) -> frozenset[str]:
    """Lower-cased, lightly stemmed words of ``passage`` without stopwords or numbers."""
    words = set()
    for raw in _WORD.findall(passage.lower()):
        word = _normal_form(raw)
        if word:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=200_000)
def _normal_form(raw: str) -> str:
    """The comparable form of one lower-cased word, or "" when it says nothing.

    Cached: a library repeats the same few ten thousand words endlessly.
    """
    word = raw.translate(_DROP_MARKS)
    if len(word) < 2 or word in stopwords() or word.isdigit():
        return ""
    return _stem(word)


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
    with thousands of events used to cost millions of comparisons). The
    checks are those of :func:`compatible_times`, :func:`similarity` and
    :func:`required_similarity`, inlined: this loop meets every candidate.
    """
    frequency: dict[str, int] = {}
    for event_words in words.values():
        for word in event_words:
            frequency[word] = frequency.get(word, 0) + 1
    by_rarity = sorted(frequency, key=lambda word: (frequency[word], word))
    rank = {word: position for position, word in enumerate(by_rarity)}
    day = int(Precision.DAY)
    # Per event: (id, article, start, precision, words, own threshold).
    facts: list[tuple[int, int, datetime, int, frozenset[str], float]] = []
    # Running events by (nature, precision class), then by prefix word, then by
    # article: an article's own events are passed over as one entry, so a long
    # article with a date in every sentence does not meet itself pair by pair.
    active: dict[tuple[bool, int], dict[str, dict[int, set[int]]]] = {}
    articles_of: list[int] = []
    # (end, index, bucket, prefix) of running events, to drop them once over.
    ending: list[tuple[datetime, int, tuple[bool, int], list[str]]] = []
    candidates: list[tuple[float, int, int]] = []
    for event in ordered:
        own_words = words[event.id]
        threshold = _threshold_for(event.precision)
        prefix = _prefix(own_words, rank, threshold)
        if not prefix:
            continue  # too few words to ever be similar enough
        event_id, event_article, event_start, event_end = (
            event.id,
            event.article_id,
            event.start,
            event.end,
        )
        while ending and ending[0][0] <= event_start:
            _, index, bucket, over = heapq.heappop(ending)
            postings = active[bucket]
            owner = articles_of[index]
            for word in over:
                by_article = postings[word]
                running = by_article[owner]
                running.discard(index)
                if not running:
                    del by_article[owner]
        precision = int(event.precision)
        size = len(own_words)
        own = (event.kind == EventKind.ONGOING, min(precision, day))
        for bucket in _compatible_buckets(own):
            postings = active.get(bucket)
            if not postings:
                continue
            lists = [
                running
                for word in prefix
                if word in postings
                for article, running in postings[word].items()
                if article != event_article
            ]
            if not lists:
                continue
            for index in lists[0].union(*lists[1:]):
                other_id, article, start, other_precision, other_words, other_needs = facts[index]
                if article == event_article or start >= event_end:
                    continue
                if (precision < day or other_precision < day) and not (
                    -1 <= precision - other_precision <= 1
                ):
                    continue
                shared = len(own_words & other_words)
                if shared < MIN_SHARED_WORDS:
                    continue
                score = 2 * shared / (size + len(other_words))
                if score >= (threshold if threshold > other_needs else other_needs):
                    if other_id < event_id:
                        candidates.append((score, other_id, event_id))
                    else:
                        candidates.append((score, event_id, other_id))
        index = len(facts)
        facts.append((event_id, event_article, event_start, precision, own_words, threshold))
        articles_of.append(event_article)
        postings = active.setdefault(own, {})
        for word in prefix:
            postings.setdefault(word, {}).setdefault(event_article, set()).add(index)
        heapq.heappush(ending, (event_end, index, own, prefix))
    return candidates


def _threshold_for(precision: Precision) -> float:
    """The lowest similarity any pair involving an event of ``precision`` needs."""
    for level, threshold in _THRESHOLD_BY_PRECISION:
        if precision >= level:
            return threshold
    return COARSE_THRESHOLD


def _prefix(words: frozenset[str], rank: Mapping[str, int], threshold: float) -> list[str]:
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
    return sorted(words, key=rank.__getitem__)[:length]


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

    # Strongest first, ties by ids: two C-level stable sorts, no per-item key tuples.
    strongest_first = sorted(candidates, key=itemgetter(1, 2))
    strongest_first.sort(key=itemgetter(0), reverse=True)
    for _score, first, second in strongest_first:
        a = first if parent[first] == first else root(first)
        b = second if parent[second] == second else root(second)
        if a == b or not articles[a].isdisjoint(articles[b]):
            continue
        (a_start, a_end), (b_start, b_end) = common[a], common[b]
        start = a_start if a_start > b_start else b_start
        end = a_end if a_end < b_end else b_end
        if start >= end:
            continue
        # The larger group absorbs the smaller (the group id is chosen at the end).
        if len(articles[a]) < len(articles[b]):
            a, b = b, a
        parent[b] = a
        articles[a] |= articles.pop(b)
        common[a] = (start, end)
    members: dict[int, list[int]] = {}
    for event in events:
        members.setdefault(root(event.id), []).append(event.id)
    return {
        event_id: min(group) for group in members.values() if len(group) > 1 for event_id in group
    }
