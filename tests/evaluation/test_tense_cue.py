"""The tense cue that points bare weekdays is checked against TBAQ's annotated
verb tenses, each corpus on its own (one is held out from the other)."""

from __future__ import annotations

import pytest

from tests.conftest import require_corpus
from timeline_app.evaluation.tense_cue import evaluate

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("corpus", ["TimeBank", "AQUAINT"])
def test_the_cue_points_weekdays_the_way_the_gold_values_lie(corpus: str) -> None:
    figures = evaluate(require_corpus("tbaq") / corpus, weekdays_only=True)
    assert figures["linked_bare_expressions"] >= 100, figures
    assert figures["cue_decides"] >= 0.95 * figures["linked_bare_expressions"], figures
    # As good as the annotated tense of the linked verb would be (95.5-97.1%).
    assert figures["cue_direction_accuracy"] >= 0.95, figures


def test_the_cue_agrees_with_annotated_past_tense() -> None:
    figures = evaluate(require_corpus("tbaq") / "TimeBank")
    pairs = figures["cue_vs_event_tense"]
    past = sum(n for pair, n in pairs.items() if pair.startswith("PAST->"))
    assert pairs["PAST->past"] >= 0.95 * past, pairs
