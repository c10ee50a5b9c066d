"""The user's edits of one event, keeping the story layer fresh; no Qt.

Hiding an event changes how many articles report its happening and how much
attention its day gets; re-dating one can move it to another happening. The
stored importance, headline and report count (``events.importance`` and its
neighbours) would otherwise stay stale until the next import or regroup, and
the Key events list and the timeline's labels would still rank by them. The
GUI's undo commands call these functions, in one transaction each.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from timeline_app.commands import regroup
from timeline_app.events.importance import event_day
from timeline_app.store.repository import Repository
from timeline_app.story import StoryChange, refresh_happenings
from timeline_app.temporal.timex import Precision


def hide_event(repo: Repository, event_id: int, hidden: bool = True) -> None:
    """Hide an event (or show it again) and re-assess the happenings it touches.

    Grouping ignores hiding (hidden events stay in their groups), so only
    importance, headlines and report counts change: its own happening and
    those on the day it names (``refresh_happenings`` with a ``StoryChange``).
    """
    repo.hide_event(event_id, hidden)
    refresh_happenings(repo, StoryChange(events=frozenset({event_id})))


def correct_event_date(
    repo: Repository, event_id: int, start: datetime, end: datetime, precision: Precision
) -> None:
    """Give an event the user's dates; it may now report another happening."""
    _regrouped_after(repo, event_id, lambda: repo.correct_event(event_id, start, end, precision))


def clear_event_correction(repo: Repository, event_id: int) -> None:
    """Forget the user's corrections of an event (its date, hiding) and re-assess."""
    _regrouped_after(repo, event_id, lambda: repo.clear_correction(event_id))


def _regrouped_after(repo: Repository, event_id: int, edit: Callable[[], None]) -> None:
    """Run ``edit``, then regroup the event's neighbourhood (old and new) and re-assess
    the happenings there and on the day it named before."""
    event = repo.event(event_id)
    former = {event.group_id} if event.group_id is not None else set()
    former_days = {day} if (day := event_day(event)) is not None else set()
    edit()
    regroup(repo, [event.article_id], former, former_days)  # refreshes the happenings too
