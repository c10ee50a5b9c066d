"""Dialogs: the date pickers' answers and the interval a corrected date stands for."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate

from timeline_app.gui.dialogs import (
    EventDateDialog,
    PublicationDateDialog,
    interval_for,
)
from timeline_app.temporal.timex import Precision


@given(
    st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)),
    st.sampled_from([Precision.DAY, Precision.MONTH, Precision.YEAR]),
)
def test_a_corrected_date_covers_exactly_its_day_month_or_year(
    day: date, precision: Precision
) -> None:
    start, end = interval_for(day, precision)
    moment = datetime(day.year, day.month, day.day)
    assert start <= moment < end
    last = end - timedelta(days=1)
    if precision == Precision.DAY:
        assert end - start == timedelta(days=1)
    elif precision == Precision.MONTH:
        assert (start.day, start.month, last.month) == (1, day.month, day.month)
        assert end.day == 1
    else:
        assert (start.month, start.day, last.year) == (1, 1, day.year)
        assert (end.year, end.month, end.day) == (day.year + 1, 1, 1)


def test_event_date_dialog_answers_the_chosen_month(qtbot: Any) -> None:
    dialog = EventDateDialog("mid-October", datetime(2023, 10, 11), Precision.MONTH)
    qtbot.addWidget(dialog)
    dialog._edit.setDate(QDate(2024, 2, 17))
    start, end, precision = dialog.chosen()
    assert precision == Precision.MONTH
    assert (start, end) == (datetime(2024, 2, 1), datetime(2024, 3, 1))


def test_event_date_dialog_starts_at_the_nearest_offered_precision(qtbot: Any) -> None:
    dialog = EventDateDialog("last week", datetime(2024, 1, 1), Precision.WEEK)
    qtbot.addWidget(dialog)
    assert dialog.chosen()[2] == Precision.DAY


def test_publication_date_dialog_starts_on_the_current_date(qtbot: Any) -> None:
    dialog = PublicationDateDialog("A title", date(2024, 1, 8))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == date(2024, 1, 8)


def test_dates_whose_year_cannot_end_are_not_offered(qtbot: Any) -> None:
    dialog = EventDateDialog("then", datetime(2024, 1, 1), Precision.YEAR)
    qtbot.addWidget(dialog)
    dialog._edit.setDate(QDate(9999, 12, 31))
    _start, end, _precision = dialog.chosen()
    assert end.year == 9999
