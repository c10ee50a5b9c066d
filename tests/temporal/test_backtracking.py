"""No catastrophic backtracking: tagging time grows roughly linearly with size.

Compares 100 KB with 1 MB of the same adversarial text (no wall-clock
thresholds): a linear tagger takes ~10x as long; a quadratic one ~100x.
"""

from __future__ import annotations

import time

import pytest

from timeline_app.temporal import tag

PATTERNS = {
    "digits": "7",
    "spaces": " ",
    "the the": "the ",
    "numbers and months": "12 May 1999 ",
    "hyphens": "twenty-",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        tag(text, None)
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("unit", PATTERNS.values(), ids=PATTERNS.keys())
def test_tagging_time_is_roughly_linear(unit: str) -> None:
    small = unit * (100_000 // len(unit))
    large = unit * (1_000_000 // len(unit))
    small_time = max(_seconds(small), 1e-3)
    large_time = _seconds(large)
    assert large_time < 30 * small_time, (small_time, large_time)
