"""Key dates of a story: the most important days, each with a short summary (no Qt, no SQL).

A day's score is the importance of the most important happening dated to it
(a day event or finer; a month or a "since" span names no day) times one plus
the number of articles with an event on that day: a day needs both one
happening widely reported and recalled (``events.importance``) and a library
that keeps talking about it. On the Timeline17 dev stories this scored date F1
.656 and ROUGE-1 .155 (align+ m:1), against .635 for the top happening alone
and .637 for the article count alone (``benchmarks/eval_key_dates.py``).

A day's summary is 1-3 sentences from different articles, no near-duplicates:
the sentences sharing most words with the day's others (central), favoured by
the importance of the happening they report.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from timeline_app.events.grouping import content_words
from timeline_app.events.happenings import happenings_of
from timeline_app.events.headlines import clean_sentence
from timeline_app.events.model import Event

SUMMARY_SENTENCES = 3
MIN_SENTENCE, MAX_SENTENCE = 40, 300  # characters: shorter is a fragment, longer a run-on
NEAR_DUPLICATE = 0.6  # share of a sentence's words already said by a chosen one


@dataclass(frozen=True, slots=True)
class DayAttention:
    """What the library says of one day, before its events are read."""

    day: date
    importance: float  # of the most important happening dated to it
    reports: int  # distinct articles with an event on it


@dataclass(frozen=True, slots=True)
class KeyHappening:
    headline: str
    event_ids: tuple[int, ...]
    articles: tuple[int, ...]
    importance: float


@dataclass(frozen=True, slots=True)
class KeyDate:
    """One key day: its score, how many articles report it, a summary and its happenings."""

    day: date
    score: float
    reports: int
    summary: tuple[str, ...]
    summary_articles: tuple[int, ...]  # the article each summary sentence comes from
    happenings: tuple[KeyHappening, ...]


def default_count(article_count: int) -> int:
    """About 20 key dates (400 articles), from 5 for a handful to 25 for a large library."""
    if article_count <= 0:
        return 0
    return max(5, min(25, round(math.sqrt(article_count))))


def day_score(candidate: DayAttention) -> float:
    """How much a day matters to the story (see the module docstring)."""
    return candidate.importance * (1 + candidate.reports)


def choose_days(candidates: Iterable[DayAttention], count: int) -> list[DayAttention]:
    """The ``count`` best days by :func:`day_score` (ties: earlier first), in date order."""
    ranked = sorted(candidates, key=lambda c: (-day_score(c), c.day))
    return sorted(ranked[: max(0, count)], key=lambda c: c.day)


def summarise_day(
    events: Sequence[Event], sentences: Mapping[int, str], limit: int = SUMMARY_SENTENCES
) -> list[tuple[str, int]]:
    """Up to ``limit`` (sentence, article id) pairs saying what happened that day."""
    candidates: list[tuple[Event, str]] = []
    seen: set[str] = set()
    for event in events:
        sentence = clean_sentence(sentences.get(event.id) or event.label)
        if sentence and sentence not in seen:
            seen.add(sentence)
            candidates.append((event, sentence))
    well_sized = [c for c in candidates if MIN_SENTENCE <= len(c[1]) <= MAX_SENTENCE]
    candidates = well_sized or candidates
    word_sets = [content_words(sentence) for _, sentence in candidates]
    spread: dict[str, int] = {}
    for words in word_sets:
        for word in words:
            spread[word] = spread.get(word, 0) + 1

    def merit(index: int) -> float:
        words = word_sets[index]
        centrality = sum(spread[word] - 1 for word in words) / (math.sqrt(len(words)) or 1.0)
        return centrality * (1.0 + math.log1p(candidates[index][0].importance))

    chosen: list[tuple[str, int]] = []
    chosen_words: list[frozenset[str]] = []
    articles: set[int] = set()
    for index in sorted(range(len(candidates)), key=lambda i: (-merit(i), i)):
        event, sentence = candidates[index]
        words = word_sets[index]
        if event.article_id in articles:
            continue
        if any(len(words & other) > NEAR_DUPLICATE * max(1, len(words)) for other in chosen_words):
            continue
        chosen.append((sentence, event.article_id))
        chosen_words.append(words)
        articles.add(event.article_id)
        if len(chosen) >= limit:
            break
    return chosen


def key_date(
    attention: DayAttention,
    events: Sequence[Event],
    sentences: Mapping[int, str],
    summary_sentences: int = SUMMARY_SENTENCES,
) -> KeyDate:
    """The key date ``attention`` describes, from the events dated to that day."""
    summary = summarise_day(events, sentences, summary_sentences)
    happenings = sorted(
        happenings_of(events), key=lambda h: (-h.events[0].importance, -h.reports, h.key)
    )
    return KeyDate(
        day=attention.day,
        score=day_score(attention),
        reports=len({event.article_id for event in events}) or attention.reports,
        summary=tuple(sentence for sentence, _ in summary),
        summary_articles=tuple(article for _, article in summary),
        happenings=tuple(
            KeyHappening(
                headline=happening.events[0].headline or clean_sentence(happening.events[0].label),
                event_ids=tuple(sorted(event.id for event in happening.events)),
                articles=tuple(sorted(happening.article_ids)),
                importance=happening.events[0].importance,
            )
            for happening in happenings
        ),
    )
