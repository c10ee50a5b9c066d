"""TempEval-3 figures on hand-made gold/system pairs, checked on paper."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.evaluation.scoring import (
    align,
    evaluate_pairs,
    score_document,
    summarise_errors,
    value_shape,
)
from timeline_app.evaluation.timeml import GoldTimex
from timeline_app.temporal.timex import Timex, TimexType


def gold(start: int, end: int, type_: str = "DATE", value: str = "2024-01-08") -> GoldTimex:
    return GoldTimex(start, end, "x" * (end - start), type_, value)


def system(start: int, end: int, type_: str = "DATE", value: str = "2024-01-08") -> Timex:
    return Timex(start, end, "x" * (end - start), TimexType(type_), value, rule="test.rule")


def test_figures_computed_by_hand() -> None:
    # A: strict and fully correct; B: overlaps, wrong type, right value;
    # C: missed; system [50, 55): spurious.
    golds = [gold(0, 10), gold(20, 25, "DURATION", "P1W"), gold(40, 45, "DATE", "2024")]
    systems = [system(0, 10), system(18, 23, "DATE", "P1W"), system(50, 55)]
    scores = score_document("d", golds, systems).counts.scores()
    assert scores["strict_p"] == pytest.approx(1 / 3)
    assert scores["strict_r"] == pytest.approx(1 / 3)
    assert scores["strict_f1"] == pytest.approx(1 / 3)
    assert scores["relaxed_p"] == pytest.approx(2 / 3)
    assert scores["relaxed_r"] == pytest.approx(2 / 3)
    assert scores["relaxed_f1"] == pytest.approx(2 / 3)
    assert scores["type_accuracy"] == pytest.approx(1 / 2)
    assert scores["type_f1"] == pytest.approx(1 / 3)
    assert scores["value_f1"] == pytest.approx(2 / 3)


def test_unequal_precision_and_recall() -> None:
    # 4 gold, 2 system, both match, one with the wrong value.
    golds = [gold(0, 5), gold(10, 15), gold(20, 25), gold(30, 35)]
    systems = [system(0, 5), system(10, 14, value="2024-01")]
    scores = score_document("d", golds, systems).counts.scores()
    p, r = 1.0, 0.5
    f1 = 2 * p * r / (p + r)
    assert scores["relaxed_p"] == pytest.approx(p)
    assert scores["relaxed_r"] == pytest.approx(r)
    assert scores["relaxed_f1"] == pytest.approx(f1)
    assert scores["strict_p"] == pytest.approx(0.5)
    assert scores["strict_r"] == pytest.approx(0.25)
    assert scores["value_f1"] == pytest.approx(f1 * 0.5)
    assert scores["type_f1"] == pytest.approx(f1)


def test_matching_is_one_to_one_and_prefers_the_larger_overlap() -> None:
    golds = [gold(0, 5), gold(6, 20)]
    systems = [system(3, 20)]  # overlaps 2 chars of the first, 14 of the second
    pairs = align(golds, systems)
    assert len(pairs) == 1
    assert pairs[0].gold is golds[1]
    counts = score_document("d", golds, systems).counts
    assert (counts.matched, counts.gold, counts.system) == (1, 2, 1)


def test_identical_extent_wins_over_larger_overlap() -> None:
    golds = [gold(0, 4)]
    systems = [system(0, 10), system(0, 4)]
    (pair,) = align(golds, systems)
    assert pair.system is systems[1]
    assert pair.strict


def test_touching_spans_do_not_overlap() -> None:
    assert align([gold(0, 5)], [system(5, 9)]) == []


def test_values_compared_after_light_normalisation() -> None:
    counts = score_document(
        "d", [gold(0, 3, "DURATION", "P1W")], [system(0, 3, "DURATION", " p1w ")]
    ).counts
    assert counts.value_correct == 1
    counts = score_document(
        "d", [gold(0, 3, value="1998-01-08")], [system(0, 3, value="1998-01")]
    ).counts
    assert counts.value_correct == 0


def test_no_system_output_scores_zero_not_an_error() -> None:
    scores = score_document("d", [gold(0, 3)], []).counts.scores()
    assert scores["relaxed_p"] == 0.0
    assert scores["relaxed_f1"] == 0.0


def test_error_list_names_each_kind() -> None:
    golds = [gold(0, 10), gold(20, 25, "DURATION", "P1W"), gold(40, 45, "DATE", "2024")]
    systems = [system(0, 8), system(18, 23, "DATE", "P2W"), system(50, 55)]
    errors = score_document("doc7", golds, systems).errors
    kinds = [(e.kind, e.start) for e in errors]
    assert kinds == [
        ("partial_span", 0),
        ("partial_span", 20),
        ("wrong_type", 20),
        ("wrong_value", 20),
        ("miss", 40),
        ("spurious", 50),
    ]
    wrong_value = errors[3].as_dict()
    assert wrong_value["doc"] == "doc7"
    assert wrong_value["gold"]["value"] == "P1W"
    assert wrong_value["system"]["value"] == "P2W"
    assert wrong_value["system"]["rule"] == "test.rule"
    assert errors[5].gold is None


def test_totals_add_across_documents_micro_averaged() -> None:
    evaluation = evaluate_pairs(
        [("a", [gold(0, 3)], [system(0, 3)]), ("b", [gold(0, 3), gold(5, 8)], [])]
    )
    summary = evaluation.summary()
    assert summary["documents"] == 2
    assert summary["gold"] == 3
    assert summary["relaxed_r"] == pytest.approx(1 / 3)
    assert summary["relaxed_p"] == pytest.approx(1.0)
    assert [d["doc"] for d in evaluation.per_document()] == ["a", "b"]


def test_value_shape_masks_digits() -> None:
    assert value_shape("1998-01-08") == "dddd-dd-dd"
    assert value_shape("XXXX-WXX-1") == "XXXX-WXX-d"
    assert value_shape("") == "(empty)"


def test_error_summary_groups_by_kind_shape_and_rule() -> None:
    golds = [gold(0, 3, value="1998-01-05"), gold(10, 13, value="1998-01-06"), gold(20, 23)]
    systems = [system(0, 3, value="XXXX-WXX-1"), system(10, 13, value="XXXX-WXX-2")]
    summary = summarise_errors(score_document("d", golds, systems).errors)
    assert summary[0]["kind"] == "wrong_value"
    assert summary[0]["count"] == 2
    assert summary[0]["gold_shape"] == "dddd-dd-dd"
    assert summary[0]["system_shape"] == "XXXX-WXX-d"
    assert summary[0]["rule"] == "test.rule"
    assert summary[1]["kind"] == "miss"
    assert summary[1]["count"] == 1


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda t: _Span(t[0], t[0] + t[1])),
    max_size=8,
)


@given(gold_spans=spans, system_spans=spans)
def test_scores_stay_consistent_on_arbitrary_spans(
    gold_spans: list[_Span], system_spans: list[_Span]
) -> None:
    golds = [gold(s.start, s.end) for s in gold_spans]
    systems = [system(s.start, s.end) for s in system_spans]
    pairs = align(golds, systems)
    assert len({id(p.gold) for p in pairs}) == len(pairs)
    assert len({id(p.system) for p in pairs}) == len(pairs)
    counts = score_document("d", golds, systems).counts
    assert counts.strict <= counts.matched <= min(counts.gold, counts.system)
    scores = counts.scores()
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores["value_f1"] <= scores["relaxed_f1"] + 1e-12
    assert scores["strict_f1"] <= scores["relaxed_f1"] + 1e-12


@given(gold_spans=spans)
def test_perfect_system_scores_one(gold_spans: list[_Span]) -> None:
    ordered = sorted({(s.start, s.end) for s in gold_spans})
    disjoint = [s for i, s in enumerate(ordered) if i == 0 or s[0] >= ordered[i - 1][1]]
    if not disjoint:
        return
    golds = [gold(a, b) for a, b in disjoint]
    systems = [system(a, b) for a, b in disjoint]
    scores = score_document("d", golds, systems).counts.scores()
    assert scores["strict_f1"] == pytest.approx(1.0)
    assert scores["value_f1"] == pytest.approx(1.0)


def test_figures_per_type() -> None:
    golds = [gold(0, 5), gold(10, 15, "DURATION", "P1W"), gold(20, 25, "DURATION", "P2D")]
    systems = [system(0, 5), system(10, 15, "DATE", "P1W"), system(30, 35, "DURATION", "P1Y")]
    evaluation = evaluate_pairs([("d", golds, systems)])
    by_type = evaluation.by_type()
    assert by_type["DATE"]["gold"] == 1
    assert by_type["DATE"]["system"] == 2
    assert by_type["DATE"]["relaxed_r"] == pytest.approx(1.0)
    assert by_type["DATE"]["relaxed_p"] == pytest.approx(1.0)  # both DATE outputs matched
    assert by_type["DURATION"]["relaxed_r"] == pytest.approx(0.5)
    assert by_type["DURATION"]["relaxed_p"] == pytest.approx(0.0)
    assert by_type["DURATION"]["value_accuracy"] == pytest.approx(1.0)
