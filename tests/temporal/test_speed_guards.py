"""The speed-ups stay switched on (no wall-clock thresholds).

Each fast path falls back to the plain, slower one when it cannot be built
(a future Python changing the private ``re`` parse tree, a rule file whose
markers cannot be listed); these tests fail when that happens to the bundled
rules, so a silent loss of speed shows up here rather than only in
``benchmarks/bench_tagger.py``.
"""

from __future__ import annotations

import re

from timeline_app.temporal.dispatch import DIGIT_START
from timeline_app.temporal.tagger import Engine


def test_the_number_bucket_is_pruned_to_what_starts_with_a_digit(engine: Engine) -> None:
    """At a digit only digit alternatives are tried: the bucket no longer
    matches a number word that the full alternation matches."""
    bucket = engine.matcher.buckets[DIGIT_START]
    text = "two days ago"
    assert re.compile(bucket.unpruned_pattern, re.IGNORECASE).match(text) is not None
    assert bucket.match(text, 0) is None
    assert bucket.match("2 days ago", 0) is not None


def test_the_tense_marker_scans_have_a_first_character_guard(engine: Engine) -> None:
    for markers in (engine.future_markers, engine.past_markers):
        assert markers.pattern.startswith(r"\b(?=["), markers.pattern[:40]


def test_each_bucket_is_shared_by_the_words_with_the_same_rules(engine: Engine) -> None:
    """One compiled alternation per group of words, as before pruning: the
    months share one, so compiling stays one regex per group."""
    buckets = engine.matcher.buckets
    assert buckets["january"] is buckets["jan"] is buckets["december"]
    assert len({id(bucket) for bucket in buckets.values()}) < len(buckets) / 2
