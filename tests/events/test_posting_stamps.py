"""A reader comment's posting stamp is no event; the story's own dates are."""

from __future__ import annotations

from datetime import date

from timeline_app.commands import analyse
from timeline_app.events.stamps import is_posting_stamp
from timeline_app.temporal import tag

PUBLISHED = date(2011, 3, 22)
PAGE = (
    "Rebels took the town on Monday.\n\n"
    "March 21, 2011 at 4:15 pm | Reply Right on Cindy, the vote on March 17, 2011 mattered.\n\n"
    "August 2, 2011 at 11:09 pm | Report abuse | Good, now they are all in one spot.\n"
)


def test_stamps_and_the_comments_they_date_make_no_event() -> None:
    # Issue 13: a reader comment is page furniture, so its own dates ("the
    # vote on March 17, 2011") make no event either; the story's dates do.
    _, events = analyse(PAGE, PUBLISHED)
    assert [(e.expression, e.start.date()) for e in events] == [("Monday", date(2011, 3, 21))]


def test_a_stamp_is_a_full_date_followed_at_once_by_a_separator() -> None:
    found = {t.text: is_posting_stamp(PAGE, t) for t in tag(PAGE, PUBLISHED)}
    assert found == {
        "Monday": False,
        "March 21, 2011 at 4:15 pm": True,
        "March 17, 2011": False,
        "August 2, 2011 at 11:09 pm": True,
        "now": False,  # PRESENT_REF: no calendar date at all
    }


def test_a_date_without_a_year_or_a_separator_is_no_stamp() -> None:
    text = "Headlines: Monday | Rebels advance. On March 3 | the talks failed."
    assert not any(is_posting_stamp(text, t) for t in tag(text, PUBLISHED))
