"""The engine may not get worse on TBAQ: value F1 stays within one point of the
last level reached (stored in ``tbaq_level.json``, raised as the rules improve)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import require_corpus

LEVEL = json.loads((Path(__file__).parent / "tbaq_level.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_tbaq_value_f1_does_not_regress() -> None:
    from timeline_app.evaluation import evaluate_paths

    corpus = require_corpus("tbaq")
    scores = evaluate_paths([corpus / "TimeBank", corpus / "AQUAINT"]).summary()
    assert scores["value_f1"] >= LEVEL["value_f1"] - 0.01, scores
    assert scores["strict_f1"] >= LEVEL["strict_f1"] - 0.01, scores
    assert scores["relaxed_f1"] >= LEVEL["relaxed_f1"] - 0.01, scores
