"""Helpers to write timexes by hand for event tests (no tagger needed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"

_LENGTH = {
    Precision.YEAR: relativedelta(years=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.WEEK: relativedelta(days=7),
    Precision.DAY: relativedelta(days=1),
    Precision.HOUR: relativedelta(hours=1),
    Precision.MINUTE: relativedelta(minutes=1),
}


def make_timex(
    text: str,
    expression: str,
    value: str,
    start: datetime | None = None,
    precision: Precision | None = Precision.DAY,
    *,
    occurrence: int = 0,
    mod: str | None = None,
    kind: TimexType = TimexType.DATE,
    anchor: AnchorKind = AnchorKind.DCT,
) -> Timex:
    """A Timex for the ``occurrence``-th ``expression`` in ``text``, one unit long."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(expression, offset + 1)
    interval = None
    if start is not None and precision is not None:
        interval = Interval(start, start + _LENGTH[precision])
    return Timex(
        start=offset,
        end=offset + len(expression),
        text=expression,
        type=kind,
        value=value,
        mod=mod,
        interval=interval,
        precision=precision if interval else None,
        rule="hand-made",
        anchor_kind=anchor if interval else AnchorKind.NONE,
        anchor_value=None,
    )


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's sample article (part of the project, not a corpus)."""
    paths = sorted(SEED_DIR.glob("000_*.txt"))
    assert paths, f"no seed article in {SEED_DIR}"
    return paths[0].read_text(encoding="utf-8")
