"""Which way an article writes all-numeric dates: day first or month first.

"01/06/2024" is 6 January in the US and 1 June almost everywhere else. One
article keeps one convention, so a date that can only be read one way in it
("15/01/2024", "01/15/2024") settles the ambiguous ones. Without such
evidence the caller's default stands.
"""

from __future__ import annotations

import re

_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/-]|\.\d)")


def reads_day_first(text: str) -> bool | None:
    """True when the text's numeric dates are day first, False when month first,
    None when nothing decides (no unambiguous date, or both orders occur)."""
    day_first = month_first = False
    for match in _NUMERIC_DATE.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 and 1 <= second <= 12:
            day_first = True
        elif second > 12 and 1 <= first <= 12:
            month_first = True
    if day_first == month_first:
        return None
    return day_first
