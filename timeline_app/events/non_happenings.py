"""Time expressions that are right but date no happening: names and conditions.

"The February 17 Revolution" names a movement; "If the states pulled out of
the union today, war would follow" says when something would happen. Both are
kept as time expressions (the reader still shows them), but putting them on
the timeline would draw happenings that never took place that day: on the
Timeline17 Libya library, the revolution's name alone made dozens of events on
17 February. The words are data in ``resources/events/`` (``name_heads.txt``,
``hypothetical_openers.txt``, ``conditional_modals.txt``, ``whether_verbs.txt``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from timeline_app.events.word_lists import read_words, word_set
from timeline_app.temporal.timex import AnchorKind, Precision, Timex

_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")
_WORD = re.compile(r"[A-Za-z']+")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]+\s|\bthen\b", re.IGNORECASE)
_TWO_WORDS_AFTER = re.compile(r"[ \t]+([A-Za-z-]+)(?:[ \t]+([A-Za-z]+))?")
_THE_BEFORE = re.compile(r"\bthe[ \t]+$", re.IGNORECASE)
_YEAR_DIGITS = re.compile(r"\d{4}|['’]\d\d\b")
# How far before the publication date a yearless date naming an event must lie
# to be a past year's: a season. "The Aug. 7 blasts" a few weeks on is this
# year's; "the September 11th terrorist attacks" five months on is no 2006 event.
_NAMED_EVENT_AGE_DAYS = 120
_AS_IF = re.compile(r"\b(?:as|even|only)\s+$", re.IGNORECASE)


@cache
def _name_heads() -> tuple[frozenset[str], frozenset[str]]:
    """(heads in any case, heads only when capitalised)."""
    pairs = read_words("name_heads.txt")
    any_case = frozenset(word.lower() for section, word in pairs if section == "any_case")
    capitalised = frozenset(word.lower() for section, word in pairs if section != "any_case")
    return any_case, capitalised


def names_no_happening(text: str, timex: Timex, sentence: tuple[int, int]) -> bool:
    """Whether the expression is part of a name or sits in a condition."""
    return (
        is_part_of_name(text, timex)
        or names_past_event(text, timex)
        or is_hypothetical(text, timex, sentence)
    )


def is_part_of_name(text: str, timex: Timex) -> bool:
    """Whether a name's head noun follows the expression ("February 17 Revolution")."""
    after = _WORD_AFTER.match(text, timex.end)
    if after is None:
        return False
    head = after.group(1)
    any_case, capitalised = _name_heads()
    if head.lower() in any_case:
        return True
    return head[0].isupper() and head.lower() in capitalised


def names_past_event(text: str, timex: Timex) -> bool:
    """Whether a day without a year names an event of some past year ("the
    September 11th terrorist attacks" in a 2007 story): after "the", before
    a happening noun (``event_nouns.txt``), resolved from the publication
    date to a day more than a season before it. Its year is a guess."""
    if timex.anchor_kind is not AnchorKind.DCT or timex.precision is not Precision.DAY:
        return False
    if timex.interval is None or timex.anchor_value is None or _YEAR_DIGITS.search(timex.text):
        return False
    if not _THE_BEFORE.search(text, max(0, timex.start - 8), timex.start):
        return False
    after = _TWO_WORDS_AFTER.match(text, timex.end)
    nouns = word_set("event_nouns.txt")
    if after is None or not any(w and w.lower() in nouns for w in after.groups()):
        return False
    published = date.fromisoformat(timex.anchor_value[:10])
    return (published - timex.interval.start.date()).days > _NAMED_EVENT_AGE_DAYS


def is_hypothetical(text: str, timex: Timex, sentence: tuple[int, int]) -> bool:
    """Whether the expression sits in an if-clause, or in the conditional main
    clause ("would", "could") of a sentence that opens with one."""
    start, _ = sentence
    before = text[start : timex.start]
    opener = _last_condition(before)
    if opener is not None and not _CLAUSE_BREAK.search(before, opener):
        return True  # inside the condition: nothing breaks it before the expression
    first = _WORD.match(text, start)
    if first is None or first.group(0).lower() not in word_set("hypothetical_openers.txt"):
        return False
    words = {word.lower() for word in _WORD.findall(before)}
    return not words.isdisjoint(word_set("conditional_modals.txt"))


def _last_condition(before: str) -> int | None:
    """Offset in ``before`` just after the last word opening a condition, if any
    ("if" meaning "whether", after "asked" or "unclear", opens none)."""
    openers = word_set("hypothetical_openers.txt")
    whether_verbs = word_set("whether_verbs.txt")
    words = list(_WORD.finditer(before))
    for index in range(len(words) - 1, -1, -1):
        if words[index].group(0).lower() not in openers:
            continue
        previous = words[index - 1].group(0).lower() if index else ""
        if previous in whether_verbs or _AS_IF.search(before, 0, words[index].start()):
            return None
        return words[index].end()
    return None
