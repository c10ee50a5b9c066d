"""Chronology entries: "March 17 - The U.N. Security Council votes ...".

News timelines list happenings one a line, each headed by its date and a
dash, in the historical present ("votes", "arrives", "meets"). Those verbs
are schedule markers elsewhere ("the summit opens Monday"), so without this
check a timeline published on 21 September would put "Sept. 8 - Jibril
arrives in Tripoli" in the next year. The heading date of such an entry
points back unless the entry itself says "will".
"""

from __future__ import annotations

import re

# The heading date starts a line or follows a sentence end or a colon
# ("Here is a timeline: February 15, 2011 - The arrest ..."), and a spaced
# dash follows it (a year may come between: "February 15, 2011 -").
_LINE_OR_SENTENCE_BEFORE = re.compile(r"(?:^|\n|[.!?:]\s)\s*$")
_DASH_AFTER = re.compile(r"(?:,?\s*\d{4})?\s+[-–—]{1,2}\s")
_ENTRY_END = re.compile(r"\n|\s[-–—]{1,2}\s")
_FUTURE_MODAL = re.compile(r"\b(?:will|shall|won't)\b|'ll\b", re.IGNORECASE)
_LOOKBEHIND = 4


def is_chronology_heading(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` heads an entry of a dated list."""
    if _DASH_AFTER.match(text, end) is None:
        return False
    return _LINE_OR_SENTENCE_BEFORE.search(text[max(0, start - _LOOKBEHIND) : start]) is not None


def entry_looks_ahead(text: str, end: int, limit: int = 300) -> bool:
    """Whether the entry after a heading date speaks of the future ("will")."""
    dash = _DASH_AFTER.match(text, end)
    body_start = dash.end() if dash else end
    stop = _ENTRY_END.search(text, body_start, min(len(text), body_start + limit))
    body = text[body_start : stop.start() if stop else min(len(text), body_start + limit)]
    return _FUTURE_MODAL.search(body) is not None
