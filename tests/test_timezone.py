"""Results never depend on the machine's time zone (dates are calendar values)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import PROJECT_ROOT

PROBE = """
import json, sys
from datetime import date
from pathlib import Path
from timeline_app.commands import analyse
text = next(Path(sys.argv[1]).glob("*.txt")).read_text(encoding="utf-8")
timexes, events = analyse(text, date(2024, 1, 8))
print(json.dumps({
    "timexes": [t.as_dict() for t in timexes],
    "events": [[e.start.isoformat(), e.end.isoformat(), e.kind.value, e.label] for e in events],
}, sort_keys=True))
"""


def analyse_seed_in(zone: str) -> str:
    env = {**os.environ, "TZ": zone}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(PROJECT_ROOT / "seeds")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("zone", ["Pacific/Auckland", "America/Los_Angeles"])
def test_seed_analysis_is_the_same_in_any_time_zone(zone: str) -> None:
    reference = analyse_seed_in("UTC")
    assert '"2024-01-04' in reference  # the drone strike is there to compare
    assert analyse_seed_in(zone) == reference
