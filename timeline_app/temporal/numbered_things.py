"""Numbers a text names as a thing's number are no years anywhere in it.

Once a story says "Security Council resolution 1973" or "flight 1600"
(``negative.numbered_thing``), the same number standing bare elsewhere in it
is the same thing: "within the terms of UNSCR 1973", "does not violate U.N.
Security Council 1973", "the mandate 1973 is only the beginning". One sense
per text, as a reader takes it. A year cue before the number ("in 1973",
"since 1973", "the 1973 War Powers Resolution") still makes it a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from timeline_app.temporal.compiler import expand_rule_pattern
from timeline_app.temporal.rulefiles import RuleSet
from timeline_app.temporal.timex import Timex

NUMBERED_THING_RULE = "negative.numbered_thing"
BARE_YEAR_RULE = "date.year"
# What makes a bare number a year whatever the text calls it: a preposition,
# a determiner or possessive, a range or list word, a season or "year".
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|of|before|after|during|through|throughout|"
    r"the|a|an|this|that|early|late|mid|year|circa|around|about|between|spring|summer|"
    r"autumn|fall|winter)\s+|['’]s\s+|[-–(]\s*)$",
    re.IGNORECASE,
)
_LOOKBACK = 24
# How far before a number the noun naming it may start ("resolutions 1950,
# 1960 and 1973" puts it a few numbers back).
_NAMING_REACH = 80
_NUMBER = re.compile(r"\d+")


# Compiled per rule set (a RuleSet holds dicts, so it cannot key a cache);
# the rule set is kept with its regex so that its id is never reused.
_COMPILED: dict[int, tuple[RuleSet, re.Pattern[str] | None]] = {}


def _numbered_thing_regex(rule_set: RuleSet) -> re.Pattern[str] | None:
    stored = _COMPILED.get(id(rule_set))
    if stored is not None and stored[0] is rule_set:
        return stored[1]
    rule = next((r for r in rule_set.rules if r.rule_id == NUMBERED_THING_RULE), None)
    regex = None
    if rule is not None:
        regex = re.compile(expand_rule_pattern(rule, rule_set.patterns, "n_"), re.IGNORECASE)
    _COMPILED[id(rule_set)] = (rule_set, regex)
    return regex


def named_numbers(text: str, rule_set: RuleSet, candidates: Iterable[str]) -> frozenset[str]:
    """Those of ``candidates`` that ``text`` names as a thing's number somewhere
    ("resolution 1973" names "1973").

    Only the stretch before each occurrence of a candidate is matched: the
    whole text would cost a sixth of the tagging time.
    """
    regex = _numbered_thing_regex(rule_set)
    if regex is None:
        return frozenset()
    named = set()
    for number in set(candidates):
        position = text.find(number)
        while position >= 0 and number not in named:
            end = position + len(number)
            window = text[max(0, position - _NAMING_REACH) : end]
            if any(number in _NUMBER.findall(match.group()) for match in regex.finditer(window)):
                named.add(number)
            position = text.find(number, end)
    return frozenset(named)


def without_named_numbers(text: str, found: Sequence[Timex], rule_set: RuleSet) -> list[Timex]:
    """``found`` less the bare years that are a number the text names a thing by."""
    bare_years = [timex.text for timex in found if timex.rule == BARE_YEAR_RULE]
    numbers = named_numbers(text, rule_set, bare_years)
    if not numbers:
        return list(found)
    return [
        timex
        for timex in found
        if not (
            timex.rule == BARE_YEAR_RULE
            and timex.text in numbers
            and _YEAR_CUE.search(text, max(0, timex.start - _LOOKBACK), timex.start) is None
        )
    ]
