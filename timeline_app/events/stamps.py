"""Posting stamps: when a reader comment or a page update was posted.

Articles saved from the web often carry their readers' comments, each under a
stamp such as "March 21, 2011 at 4:15 pm | Reply". The stamp is a correct time
expression, but it dates the comment, not a happening in the story; on a real
library (CNN's Libya coverage) such stamps outnumber the story's own dates.
Pages set them off with a separator right after the stamp; the separators are
data (``resources/events/stamp_separators.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from timeline_app.events.word_lists import word_set
from timeline_app.temporal.timex import Precision, Timex

_FULL_YEAR = re.compile(r"\b\d{4}\b")


@cache
def _separator_after() -> re.Pattern[str]:
    separators = sorted(word_set("stamp_separators.txt"))
    return re.compile(r"[ \t]*(?:" + "|".join(map(re.escape, separators)) + ")")


def is_posting_stamp(text: str, timex: Timex) -> bool:
    """Whether ``timex`` is a full date (or date and time) that a separator
    follows at once, as web pages write posting times."""
    if timex.precision is None or timex.precision < Precision.DAY:
        return False
    if not _FULL_YEAR.search(timex.text):
        return False  # "Monday |" in a headline list is no stamp
    return _separator_after().match(text, timex.end) is not None
