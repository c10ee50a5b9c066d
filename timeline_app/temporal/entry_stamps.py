"""Live-blog entry stamps: "(12:26 p.m. Monday ET)" heading an update.

A live page is published once and updated for days; each update opens with
a parenthesised clock time and weekday, often twice over for two time zones
("(11:39 p.m. Monday ET, 5:39 a.m. Tuesday in Libya)"). The stamp is posted
around the page's date, before or after it, so its weekday is the nearest
one, not the last one; and it is the reference time of its entry, so the
entry's own "Tuesday" or "today" count from it rather than from the page's
first publication.
"""

from __future__ import annotations

import re

_REACH = 80  # how far a stamp's brackets may be from the expression
_STAMP_OPENING = re.compile(r"\(\s*\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?", re.IGNORECASE)


def is_entry_stamp(text: str, start: int, end: int) -> bool:
    """Whether the expression lies inside brackets that open with a clock time
    and hold nothing but the stamp (no sentence: no full stop, no bracket)."""
    opening = text.rfind("(", max(0, start - _REACH), start + 1)
    if opening < 0 or ")" in text[opening:start]:
        return False
    closing = text.find(")", end, end + _REACH)
    if closing < 0 or "(" in text[end:closing] or "." in text[end:closing].replace("a.m.", ""):
        return False
    return _STAMP_OPENING.match(text, opening) is not None
