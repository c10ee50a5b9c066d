"""From time expressions to events: one event per distinct dated moment in a sentence.

Not every timex is an event. Durations on their own ("for a decade"), sets
("each season") and vague references (PAST_REF, PRESENT_REF) have no place on
a calendar; ``is_event_timex`` says so, and the store keeps them in the
"undated" list rather than dropping them. Two timexes joined by "from ... to",
"between ... and" or a dash make one span, as do ranges written in short
("March 3-5"); "since X" makes an ongoing event that runs up to the
publication date, unless a superlative makes it a comparison ("the lowest
since 1997"); two adjacent timexes naming one moment ("at 16:15 UTC, June 1")
make one event; the same moment twice in a sentence makes one event; a day
joined to the next ("April 24 and 25") or offered as an alternative ("Nov. 5
or 6") makes one span. A posting stamp ("March 21, 2011 at 4:15 pm | Reply")
dates a reader's comment, not a happening, and makes no event; nor does any
date in page furniture (captions, widgets, story lists, comments: ``furniture``),
inside a name ("the February 17 Revolution") or in a condition ("if they left
today"): ``non_happenings``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from timeline_app.articles import PublishedSource
from timeline_app.events.explain import explain_event, timex_confidence
from timeline_app.events.furniture import (
    Furniture,
    find_furniture,
    furniture_kind_at,
    split_at_furniture,
)
from timeline_app.events.intervals import (
    are_adjacent,
    contains,
    is_ongoing,
    narrow_for_mod,
    ongoing_end,
    opens_span,
    past_for_since,
    since_comparison,
    span_between,
    time_on_day,
    to_whole_days,
)
from timeline_app.events.labels import make_label
from timeline_app.events.model import Event, EventKind
from timeline_app.events.non_happenings import names_no_happening
from timeline_app.events.ranges import abbreviated_end, abbreviated_start, forward_in_range
from timeline_app.events.sentences import sentence_at, split_sentences
from timeline_app.events.stamps import is_posting_stamp
from timeline_app.events.word_lists import word_set
from timeline_app.temporal.coordination import COORDINATED_DAY_RULE
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

_VAGUE_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


def is_event_timex(timex: Timex) -> bool:
    """Whether ``timex`` can be placed on a timeline as (part of) an event.

    False for sets, for durations except anchored ones ("[two days] later"
    carries the day it reaches as its interval), for PAST_REF/PRESENT_REF/
    FUTURE_REF, and for dates the tagger could not resolve (no interval):
    those are undated, never placed at a made-up date.
    """
    if timex.type is TimexType.SET:
        return False
    if timex.type is TimexType.DURATION and timex.interval is None:
        return False
    if timex.value.upper() in _VAGUE_VALUES:
        return False
    return timex.interval is not None and timex.precision is not None


def build_events(
    text: str,
    timexes: Sequence[Timex],
    published: date | None,
    article_id: int = 0,
    *,
    published_source: PublishedSource | None = None,
    furniture: Sequence[Furniture] | None = None,
) -> list[Event]:
    """The events of one article, in text order (ids are 0 until stored).

    ``published_source`` only improves the explanation and confidence; pass it
    when known. ``furniture`` (default: found in ``text``) are ranges whose
    dates make no event. Raises ``ValueError`` when a timex's offsets do not
    fit ``text``.
    """
    for timex in timexes:
        if text[timex.start : timex.end] != timex.text:
            raise ValueError(
                f"timex {timex.text!r} at {timex.start}-{timex.end} does not match the article"
                f" text there ({text[timex.start : timex.end]!r}): offsets from another text?"
            )
    marked = find_furniture(text) if furniture is None else sorted(furniture)
    sentences = split_at_furniture(text, split_sentences(text), marked)
    dated = sorted(
        (
            t
            for t in timexes
            if is_event_timex(t)
            and furniture_kind_at(marked, t.start) is None
            and not _dates_no_happening(text, t, sentences)
        ),
        key=lambda t: t.start,
    )
    in_text_order = _TimexIndex(timexes)
    events: list[Event] = []
    seen: set[tuple[int, object, object, EventKind]] = set()
    index = 0
    consumed_until = 0  # text already used by a range ("3-" of "3-5 March")
    while index < len(dated):
        timex = dated[index]
        sentence = _sentence_of(sentences, timex, len(text))
        partner = dated[index + 1] if index + 1 < len(dated) else None
        if partner is not None and partner.start >= sentence[1]:
            partner = None
        context = _Context(text, sentence, published, published_source)
        event, used = _event_at(context, timex, partner, consumed_until)
        index += used
        consumed_until = event.timex_end
        key = (event.sentence_start, event.start, event.end, event.kind)
        if key in seen:
            continue  # "Jan. 8 ... on Monday": the same moment twice in one sentence
        seen.add(key)
        if _is_header(text, (event.sentence_start, event.sentence_end), in_text_order):
            event = replace(
                event,
                confidence=round(event.confidence * 0.5, 2),
                explanation=event.explanation + "; the sentence has no words but names and"
                " dates (a dateline or time stamp), so it may only say when this was written",
            )
        events.append(replace(event, article_id=article_id))
    return events


def _dates_no_happening(text: str, timex: Timex, sentences: list[tuple[int, int]]) -> bool:
    """A posting stamp, a date inside a name, or a date in a condition (``non_happenings``)."""
    if is_posting_stamp(text, timex):
        return True
    return names_no_happening(text, timex, _sentence_of(sentences, timex, len(text)))


_LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")


class _TimexIndex:
    """The article's timexes in start order, to find those in a sentence without a full scan.

    Looking at every timex for every sentence made an article with a date in
    each sentence quadratic (a 4 MB article took minutes); a binary search on
    the starts plus a running maximum of the ends finds exactly the timexes
    overlapping a range, in time proportional to their number.
    """

    def __init__(self, timexes: Sequence[Timex]) -> None:
        self.timexes = sorted(timexes, key=lambda t: (t.start, t.end))
        self.starts = [t.start for t in self.timexes]
        self.max_end_so_far: list[int] = []
        furthest = -1
        for timex in self.timexes:
            furthest = max(furthest, timex.end)
            self.max_end_so_far.append(furthest)

    def overlapping(self, start: int, end: int) -> list[Timex]:
        """Timexes with ``timex.end > start`` and ``timex.start < end``, in start order."""
        first = bisect_left(self.starts, start)
        # Timexes starting before ``start`` may still reach into the range.
        while first > 0 and self.max_end_so_far[first - 1] > start:
            first -= 1
        found = []
        for index in range(first, bisect_left(self.starts, end)):
            timex = self.timexes[index]
            if timex.end > start:
                found.append(timex)
        return found


def _is_header(text: str, sentence: tuple[int, int], timexes: _TimexIndex) -> bool:
    """Whether the sentence is only a dateline or time stamp ("LONDON, May 11 (Reuters)").

    Such a "sentence" reports no happening: once its time expressions are
    removed, no lower-case word of three letters or more is left.
    """
    start, end = sentence
    pieces = []
    position = start
    for timex in timexes.overlapping(start, end):
        pieces.append(text[position : max(position, timex.start)])
        position = max(position, timex.end)
    pieces.append(text[position:end])
    return _LOWERCASE_WORD.search(" ".join(pieces)) is None


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    sentence: tuple[int, int]
    published: date | None
    published_source: PublishedSource | None


def _event_at(
    context: _Context, timex: Timex, partner: Timex | None, consumed_until: int
) -> tuple[Event, int]:
    """The event starting at ``timex`` and how many timexes it used (1 or 2)."""
    text, sentence = context.text, context.sentence
    args = (sentence, context.published, context.published_source)
    begin = abbreviated_start(text, timex)
    if begin is not None and begin.start >= max(sentence[0], consumed_until):
        return _span_event(text, begin, timex, *args), 1
    if partner is not None and span_between(text, timex, partner):
        ordered = forward_in_range(timex, partner, context.published)
        if ordered is not None:
            event = _span_event(text, *ordered, *args)
            for original, used in zip((timex, partner), ordered, strict=True):
                if used is not original:
                    note = f"; {original.value} was moved to {used.value} so the span runs forward"
                    event = replace(event, explanation=event.explanation + note)
            return event, 2
    if partner is not None and _is_coordinated_span(text, timex, partner):
        return _span_event(text, timex, partner, *args), 2
    end = abbreviated_end(text, timex)
    if end is not None and (partner is None or end.end <= partner.start):
        event = _span_event(text, timex, end, *args)
        if (
            partner is not None
            and are_adjacent(text, end, partner)
            and contains(_interval_of(partner), Interval(event.start, event.end))
        ):
            return _extended(text, event, partner), 2  # "March 3-5, 2024": the year is its
        return event, 1
    if partner is not None and are_adjacent(text, timex, partner):
        pair = _same_moment(timex, partner)
        if pair is not None:
            return _joined_event(text, *pair, *args), 2
    return _single_event(text, timex, *args), 1


def _is_coordinated_span(text: str, first: Timex, second: Timex) -> bool:
    """Whether "April 24 and 25" (next days) or "Nov. 5 or 6" (one of them)
    is best drawn as one span; "March 3 and 10" stays two events."""
    if second.rule != COORDINATED_DAY_RULE or first.interval is None or second.interval is None:
        return False
    between = set(re.findall(r"[a-z]+", text[first.end : second.start].lower()))
    either = not between.isdisjoint(word_set("day_alternatives.txt"))
    return either or first.interval.end == second.interval.start


def _extended(text: str, event: Event, partner: Timex) -> Event:
    return replace(
        event,
        timex_end=partner.end,
        expression=text[event.timex_start : partner.end],
        sentence_end=max(event.sentence_end, partner.end),
        label=make_label(
            text, (event.sentence_start, event.sentence_end), (event.timex_start, partner.end)
        ),
        explanation=f'{event.explanation}; "{partner.text}" completes the range',
    )


def _sentence_of(sentences: list[tuple[int, int]], timex: Timex, length: int) -> tuple[int, int]:
    found = sentence_at(sentences, timex.start)
    if found is None:  # inside whitespace between sentences: use the expression alone
        return (timex.start, min(length, max(timex.end, timex.start)))
    return (found[0], max(found[1], timex.end))


def _interval_of(timex: Timex) -> Interval:
    if timex.interval is None or timex.precision is None:
        raise ValueError(f"timex {timex.text!r} has no interval: not an event timex")
    narrowed = narrow_for_mod(timex.interval, timex.precision, timex.mod)
    return to_whole_days(narrowed, timex.precision)


def _same_moment(first: Timex, second: Timex) -> tuple[Timex, Timex] | None:
    """The pair, if the two adjacent timexes name one moment (a time moved onto its day)."""
    first = time_on_day(first, second) or first
    second = time_on_day(second, first) or second
    a, b = _interval_of(first), _interval_of(second)
    return (first, second) if contains(a, b) or contains(b, a) else None


def _joined_event(
    text: str,
    first: Timex,
    second: Timex,
    sentence: tuple[int, int],
    published: date | None,
    published_source: PublishedSource | None,
) -> Event:
    """One event for two adjacent timexes naming one moment ("at 12:00 UTC Monday").

    The finer one dates it (on a tie, the more trusted one); the event spans
    both expressions so neither is listed as undated.
    """

    def rank(timex: Timex) -> tuple[int, float, int]:
        precision = timex.precision if timex.precision is not None else -1
        return (precision, timex_confidence(timex, published_source), -timex.start)

    finer, other = (first, second) if rank(first) >= rank(second) else (second, first)
    event = _single_event(text, finer, sentence, published, published_source, lead=first)
    return replace(
        event,
        timex_start=first.start,
        timex_end=second.end,
        expression=text[first.start : second.end],
        label=make_label(text, sentence, (first.start, second.end)),
        explanation=f'{event.explanation}; "{" ".join(other.text.split())}" names the same time',
    )


def _single_event(
    text: str,
    timex: Timex,
    sentence: tuple[int, int],
    published: date | None,
    published_source: PublishedSource | None,
    lead: Timex | None = None,
) -> Event:
    """An event from one timex; ``lead`` (default: the timex) is where "since" is looked for."""
    lead = lead or timex
    interval = _interval_of(timex)
    precision = timex.precision or Precision.DAY
    confidence = timex_confidence(timex, published_source)
    kind = EventKind.POINT
    end = interval.end
    until_publication = False
    note = ""
    value = timex.value
    ongoing = is_ongoing(text, lead)
    comparison = since_comparison(text, lead, sentence[0]) if ongoing else None
    if comparison is not None:
        note = f"; '{comparison} ... since' compares with that date, so the event is placed there"
        confidence = round(confidence * 0.8, 2)
    elif ongoing:
        kind = EventKind.ONGOING
        moved = past_for_since(value, interval, published)
        if moved is not None and timex.anchor_kind == AnchorKind.DCT:
            note = f"; 'since' looks back, so {value} was moved to {moved[0]}"
            value, interval = moved
            timex = replace(timex, value=value)
            confidence = round(confidence * 0.85, 2)
        end, until_publication = ongoing_end(interval, published)
        if not until_publication:
            confidence = round(confidence * 0.7, 2)
    explanation = (
        explain_event(kind, [(timex, interval)], published, published_source, until_publication)
        + note
    )
    return Event(
        article_id=0,
        start=interval.start,
        end=end,
        precision=precision,
        kind=kind,
        timex_start=timex.start,
        timex_end=timex.end,
        expression=timex.text,
        value=value,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        label=make_label(text, sentence, (timex.start, timex.end)),
        confidence=confidence,
        explanation=explanation,
        mod=timex.mod,
    )


def _span_event(
    text: str,
    first: Timex,
    second: Timex,
    sentence: tuple[int, int],
    published: date | None,
    published_source: PublishedSource | None,
) -> Event:
    first_interval, second_interval = _interval_of(first), _interval_of(second)
    precision = min(first.precision or Precision.DAY, second.precision or Precision.DAY)
    confidence = min(
        timex_confidence(first, published_source), timex_confidence(second, published_source)
    )
    if not opens_span(text, first):
        confidence = round(confidence * 0.85, 2)  # "March 3 to 5" without "from": less sure
    explanation = explain_event(
        EventKind.SPAN,
        [(first, first_interval), (second, second_interval)],
        published,
        published_source,
    )
    end = max(second_interval.end, first_interval.end)
    return Event(
        article_id=0,
        start=first_interval.start,
        end=end,
        precision=Precision(precision),
        kind=EventKind.SPAN,
        timex_start=first.start,
        timex_end=second.end,
        expression=text[first.start : second.end],
        value=f"{first.value}/{second.value}",
        sentence_start=sentence[0],
        sentence_end=max(sentence[1], second.end),
        label=make_label(text, sentence, (first.start, second.end)),
        confidence=confidence,
        explanation=explanation,
        mod=first.mod or second.mod,
    )
