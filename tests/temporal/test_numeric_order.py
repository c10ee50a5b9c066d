"""An article's own unambiguous numeric dates settle its ambiguous ones."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from timeline_app.commands import analyse
from timeline_app.temporal.numeric_order import reads_day_first


def test_a_day_above_twelve_first_means_day_first() -> None:
    assert reads_day_first("Filed 15/01/2024; amended 01/06/2024.") is True


def test_a_day_above_twelve_second_means_month_first() -> None:
    assert reads_day_first("Filed 01/15/2024; amended 01/06/2024.") is False


def test_nothing_decides_without_evidence_or_with_both() -> None:
    assert reads_day_first("Amended 01/06/2024.") is None
    assert reads_day_first("Filed 15/01/2024 and 01/15/2024.") is None
    assert reads_day_first("A score of 3-2 and a ratio of 1.5.") is None


def test_analyse_reads_an_ambiguous_date_the_way_the_article_writes_them() -> None:
    british = "The order was filed on 15/01/2024 and upheld on 01/06/2024."
    american = "The order was filed on 01/15/2024 and upheld on 01/06/2024."
    assert [t.value for t in analyse(british, date(2024, 7, 1))[0]] == ["2024-01-15", "2024-06-01"]
    assert [t.value for t in analyse(american, date(2024, 7, 1))[0]] == ["2024-01-15", "2024-01-06"]


@given(st.text(alphabet="0123456789/.- ab", max_size=60))
def test_never_raises(text: str) -> None:
    assert reads_day_first(text) in (True, False, None)
