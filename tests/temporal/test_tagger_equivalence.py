"""The tagger's fast paths give exactly what the plain versions give.

Three shortcuts keep tagging fast (``benchmarks/bench_tagger.py``): rule
alternations pruned for the words they are tried at (``dispatch.compile_pruned``),
tense markers scanned only as far as a question needs (``_SentenceMarkers``)
behind a first-character guard, and token offsets summed only near triggers.
Each is checked here against a straightforward reference written the slow,
obvious way, on news text (TBAQ when present) and on generated text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import accumulate

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import require_corpus
from timeline_app.temporal import tag
from timeline_app.temporal.chronology import entry_looks_ahead, is_chronology_heading
from timeline_app.temporal.compiler import Matcher
from timeline_app.temporal.dispatch import DIGIT_START, compile_pruned, first_character_class
from timeline_app.temporal.entry_stamps import is_entry_stamp
from timeline_app.temporal.resolver import Tense
from timeline_app.temporal.tagger import (
    _ASCII_LOWER,
    _TOKEN,
    LOOKBACK_TOKENS,
    Engine,
    candidate_starts,
    default_engine,
)
from timeline_app.temporal.tense import (
    _CLAUSE_START,
    fronted_phrase_end,
    sentence_bounds,
    sentence_tense,
)


def reference_candidate_starts(text: str, matcher: Matcher) -> list[tuple[int, object]]:
    """Every token's offset, then the lookback from each trigger, token by token."""
    parts = _TOKEN.split(text.translate(_ASCII_LOWER))
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts), initial=0))[1::2]
    chosen = {}
    for index, word in enumerate(words):
        if not (word in matcher.trigger_words or "0" <= word < ":"):
            continue
        for back in range(index, max(index - LOOKBACK_TOKENS, 0) - 1, -1):
            earlier = words[back]
            if back < index and earlier not in matcher.vocabulary and not "0" <= earlier < ":":
                break
            bucket = matcher.buckets.get(DIGIT_START if "0" <= earlier < ":" else earlier)
            if bucket is not None:
                chosen[offsets[back]] = bucket
    return sorted(chosen.items(), key=lambda item: item[0])


@cache
def unpruned(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def unguarded_markers(engine: Engine, name: str) -> re.Pattern[str]:
    alternatives = engine.rule_set.patterns[name].alternatives
    return unpruned(r"\b(?:" + "|".join(alternatives) + r")\b")


def reference_sentence_tense(text: str, start: int, end: int, engine: Engine) -> Tense:
    """All markers of the sentence, found with the unguarded regexes, then chosen
    (stamps and chronology headings are decided before any marker is looked at)."""
    if is_entry_stamp(text, start, end):
        return Tense.STAMP
    if is_chronology_heading(text, start, end):
        return Tense.FUTURE if entry_looks_ahead(text, end) else Tense.PAST
    # The sentence is found as the tagger finds it: the markers are what is compared.
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    found: dict[int, tuple[int, Tense]] = {}
    future_spans = []
    for marker in unguarded_markers(engine, "tense_future").finditer(
        text, sentence_start, sentence_end
    ):
        found[marker.start()] = (marker.end(), Tense.FUTURE)
        future_spans.append(marker.span())
    for marker in unguarded_markers(engine, "tense_past").finditer(
        text, sentence_start, sentence_end
    ):
        if not any(a <= marker.start() < b for a, b in future_spans):
            found.setdefault(marker.start(), (marker.end(), Tense.PAST))
    main_clause = fronted_phrase_end(text, sentence_start, start, end)
    if main_clause is not None:
        after_comma = [(b, t) for b, (_, t) in found.items() if b >= main_clause]
        if after_comma:
            return min(after_comma, key=lambda item: item[0])[1]
    clause_start = sentence_start
    for boundary in _CLAUSE_START.finditer(text, sentence_start, start):
        clause_start = boundary.end()
    for lower_bound in (clause_start, sentence_start):
        left_of = [(e, t) for b, (e, t) in found.items() if lower_bound <= b and e <= start]
        if left_of:
            return max(left_of, key=lambda item: item[0])[1]
        right_of = [(b, t) for b, (_, t) in found.items() if b >= end]
        if right_of:
            return min(right_of, key=lambda item: item[0])[1]
    return Tense.UNKNOWN


def match_summary(match: re.Match[str] | None) -> object:
    return match and (match.span(), match.lastindex, match.groups())


def assert_fast_paths_agree(text: str, engine: Engine, spans: list[tuple[int, int]]) -> None:
    starts = candidate_starts(text, engine.matcher)
    assert starts == reference_candidate_starts(text, engine.matcher)
    for offset, bucket in starts:
        pruned = bucket.match(text, offset)
        full = unpruned(bucket.unpruned_pattern).match(text, offset)
        assert match_summary(pruned and pruned[0]) == match_summary(full), (text, offset)
    for start, end in spans:
        expected = reference_sentence_tense(text, start, end, engine)
        assert sentence_tense(text, start, end, engine) is expected, (text, start, end)


def token_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r"\w+(?:\s+\w+)?", text)]


@pytest.mark.slow
def test_fast_paths_agree_on_tbaq(engine: Engine) -> None:
    from timeline_app.evaluation.timeml import iter_tml_paths, read_tml

    for path in iter_tml_paths([require_corpus("tbaq")]):
        text = read_tml(path).text
        spans = [(t.start, t.end) for t in tag(text, None)] + token_spans(text)[::25]
        assert_fast_paths_agree(text, engine, spans)


NEWS_PIECES = [
    "said", "will", "would have", "would", "be held", "is to", "expected", "planned to",
    "was", "ended", "Ed", "scheduled", "won't", "we'll", "'ll", "Friday", "Jan.", "6",
    "Until", "In", "2024", "the", "third", "quarter", "about", "two", "days", "ago", "last", "week",
    "1,234", "3.5", "million", "in", "on", "at", "more than", "nearly", ",", ", where",
    ", which", ".", ". The", "!", "?", "\n\n", "  ", "-", "'", "’90s", "a year earlier",
    "mid-October", "thirty-five", "Thursday's", "ſaid", "K", "Aprıl", "٣", "5٣", "x5",
]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(NEWS_PIECES), max_size=40),
    separators=st.lists(st.sampled_from([" ", "", "  ", "\n", ", "]), min_size=40, max_size=40),
    data=st.data(),
)
def test_fast_paths_agree_on_generated_text(engine: Engine, pieces, separators, data) -> None:
    text = "".join(piece + separator for piece, separator in zip(pieces, separators, strict=False))
    spans = []
    if text:
        for _ in range(5):
            start = data.draw(st.integers(0, len(text) - 1))
            spans.append((start, data.draw(st.integers(start, len(text)))))
    assert_fast_paths_agree(text, engine, spans)


def test_each_expression_takes_the_tense_of_its_own_sentence() -> None:
    """Markers are scanned per expression: one sentence's tense never leaks
    into the next, in either order, and tagging twice gives the same result."""
    monday = date(2024, 1, 8)
    text = "He said the talks ended Friday. The minister will arrive Friday."
    first, second = tag(text, monday)
    assert (first.value, second.value) == ("2024-01-05", "2024-01-12")
    swapped = "The minister will arrive Friday. He said the talks ended Friday."
    assert [t.value for t in tag(swapped, monday)] == ["2024-01-12", "2024-01-05"]
    assert tag(text, monday) == tag(text, monday)


def test_a_marker_after_the_expression_decides_only_without_one_before(engine: Engine) -> None:
    text = "On Friday the minister will arrive. He said Friday the plan was expected to pass."
    friday = text.index("Friday")
    assert sentence_tense(text, friday, friday + 6, engine) is Tense.FUTURE
    second = text.index("Friday", friday + 1)
    assert sentence_tense(text, second, second + 6, engine) is Tense.PAST


def test_a_past_marker_inside_a_future_one_is_ignored_after_the_expression(engine) -> None:
    text = "On Friday the vote will be held."  # "held" is past, inside "will be held"
    assert sentence_tense(text, 3, 9, engine) is Tense.FUTURE


def test_the_first_character_class_lists_every_possible_start() -> None:
    assert first_character_class(r"(?:will|'ll|\d+ days|(?-i:[a-z]+ed))") is not None
    guarded = first_character_class(r"(?:will|'ll|\d+ days)")
    assert guarded is not None
    assert {"w", "'", r"\d"} <= set(re.findall(r"\\d|.", guarded[1:-1]))
    assert first_character_class("a?") is None  # can match nothing
    assert first_character_class(".x") is None  # any character
    assert first_character_class("[^x]y") is None


def test_pruning_for_words_drops_what_cannot_start_there() -> None:
    pattern = r"(?:(?P<approx>about|nearly)\s+)?(?P<number>one|two|\d+)\s+days"
    full = re.compile(pattern, re.IGNORECASE)
    for_digits = compile_pruned(pattern, frozenset({DIGIT_START}))
    for_about = compile_pruned(pattern, frozenset({"about"}))
    for text in ["3 days", "12  days", "about 3 days", "About two days", "two days"]:
        if text[0].isdigit():
            assert match_summary(for_digits.match(text)) == match_summary(full.match(text))
        if text.lower().startswith("about"):
            assert match_summary(for_about.match(text)) == match_summary(full.match(text))
    # The pruned regexes really are pruned (no silent fall-back to the full one).
    assert for_digits.match("two days") is None
    assert for_about.match("nearly 3 days") is None
    assert for_about.match("3 days") is None
    assert compile_pruned(pattern, frozenset({"about", "two"})).match("two days")


def test_the_bundled_engine_is_built_once_however_it_is_asked_for() -> None:
    assert default_engine() is default_engine(day_first=False) is default_engine("en", False)
    assert default_engine(day_first=True) is not default_engine()
