"""Timeline summarisation scores (date F1, ROUGE-N align+ m:1), checked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.evaluation.tls import align_m1_rouge, date_f1, ngrams, tokens

D1, D2, D3 = date(2011, 3, 17), date(2011, 3, 19), date(2011, 3, 20)


def test_date_f1_counts_exact_days() -> None:
    assert date_f1([D1, D2], [D1, D2]) == 1.0
    assert date_f1([D1, D3], [D1, D2]) == pytest.approx(0.5)
    assert date_f1([D1], [D1, D2, D3]) == pytest.approx(2 * 1 * (1 / 3) / (1 + 1 / 3))
    assert date_f1([D3], [D1]) == 0.0


def test_tokens_drop_stopwords_and_strip_suffixes() -> None:
    assert tokens("The rebels captured the towns.") == ["rebel", "captur", "town"]
    assert ngrams(["rebels captured towns", "towns"], 2) == {
        ("rebel", "captur"): 1,
        ("captur", "town"): 1,
    }


def test_identical_timelines_score_one() -> None:
    timeline = {D1: ["Council votes for no-fly zone"], D2: ["Air strikes begin on Benghazi"]}
    for n in (1, 2):
        assert align_m1_rouge(timeline, timeline, n).f1 == pytest.approx(1.0)


def test_a_summary_one_day_off_counts_half() -> None:
    """Aligned one day apart, hits are divided by |p - r| + 1 = 2."""
    reference = {D1: ["council votes zone"]}
    predicted = {date(2011, 3, 18): ["council votes zone"]}
    score = align_m1_rouge(predicted, reference, 1)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)


def test_many_to_one_aligns_each_date_to_its_cheapest_partner() -> None:
    """Both predicted days align to the one reference day; content decides over distance."""
    reference = {D1: ["council votes zone"], D3: ["strikes hit tanks"]}
    predicted = {D2: ["strikes hit tanks"]}  # 2 days from D1, 1 day from D3, content matches D3
    score = align_m1_rouge(predicted, reference, 1)
    # precision: D2 -> D3 (cost 0.5 * 0 = 0): 3 hits / 2 = 1.5 over 3 predicted unigrams
    assert score.precision == pytest.approx(0.5)
    # recall: D1 -> D2 (no overlap), D3 -> D2 (3 hits / 2) over 6 reference unigrams
    assert score.recall == pytest.approx(0.25)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_empty_sides_score_zero() -> None:
    assert align_m1_rouge({}, {D1: ["a b"]}, 1).f1 == 0.0
    assert align_m1_rouge({D1: ["votes"]}, {}, 2).f1 == 0.0
