"""The scorer and the engine on the real TimeBank + AQUAINT gold (skipped without ../shared)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import require_corpus
from timeline_app.evaluation import evaluate_paths
from timeline_app.evaluation.timeml import iter_tml_paths, read_tml
from timeline_app.temporal.timex import Timex, TimexType


@pytest.mark.slow
def test_gold_scored_against_itself_is_perfect() -> None:
    corpus = require_corpus("tbaq")
    gold_by_text = {}
    for path in iter_tml_paths([corpus]):
        document = read_tml(path)
        gold_by_text[document.text] = document.gold

    def echo_gold(text: str, dct: date) -> list[Timex]:
        return [
            Timex(g.start, g.end, g.text, TimexType(g.type), g.value, g.mod)
            for g in gold_by_text[text]
        ]

    summary = evaluate_paths([corpus], tagger=echo_gold).summary()
    assert summary["gold"] == summary["system"] == summary["strict"] > 1500
    assert summary["strict_f1"] == pytest.approx(1.0)
    assert summary["value_f1"] == pytest.approx(1.0)


@pytest.mark.slow
def test_engine_floor_on_tbaq() -> None:
    """A regression guard for the temporal engine, a little under the measured figures."""
    corpus = require_corpus("tbaq")
    summary = evaluate_paths([corpus]).summary()
    assert summary["documents"] >= 250
    assert summary["relaxed_f1"] >= 0.85
    assert summary["strict_f1"] >= 0.75
    assert summary["type_f1"] >= 0.8
    assert summary["value_f1"] >= 0.65
