"""Value templates: how a rule's ``VALUE``/``MOD`` text becomes a TIMEX3 string.

A template is literal text with placeholders ``{group}``, ``{group|norm}`` or
``{group|norm|default}``: the text a regex group matched, passed through a
normaliser (a built-in function below or a normalisation table of the same
name). A ``VALUE`` may start with an operation ``@op(arg, ...)`` whose result
depends on the anchor date (see ``resolver.py``); the rest of the template is
appended to it (``@weekday({wd|weekday})T{pod|pod}``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from timeline_app.temporal.rulefiles import Rule, RuleFileError, table_key


class Op(StrEnum):
    """Anchor-dependent operations a VALUE may start with."""

    SHIFT = "shift"  # (unit, amount[, narrative]): the anchor moved by amount units
    WEEKDAY = "weekday"  # (weekday 1-7[, direction])
    WEEKEND = "weekend"  # ([direction]): the weekend, as YYYY-Www-WE
    MONTHDAY = "monthday"  # (month, day[, direction])
    WEEKDAY_MONTHDAY = "weekdaymonthday"  # (month, day, weekday 1-7): the year whose day it is
    WEEK_OF = "weekof"  # (month, day[, direction]): the ISO week holding that day
    MONTH = "month"  # (month[, direction])
    SEASON = "season"  # (SP|SU|FA|WI[, direction])
    QUARTER = "quarter"  # (1-4[, direction])
    HALF = "half"  # (1-2[, direction])
    HOLIDAY = "holiday"  # (holiday rule[, year][, direction])
    DURATION = "duration"  # (amount, unit): not anchored, but needs unit arithmetic
    YEAR = "year"  # (two- or four-digit year[, period]): the century nearest the anchor


_ARITY = {
    Op.SHIFT: (2, 3),
    Op.WEEKDAY: (1, 2),
    Op.WEEKEND: (0, 1),
    Op.MONTHDAY: (2, 3),
    Op.WEEKDAY_MONTHDAY: (3, 3),
    Op.WEEK_OF: (2, 3),
    Op.MONTH: (1, 2),
    Op.SEASON: (1, 2),
    Op.QUARTER: (1, 2),
    Op.HALF: (1, 2),
    Op.HOLIDAY: (1, 3),
    Op.DURATION: (2, 2),
    Op.YEAR: (1, 2),
}
_PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)(?:\|([a-z_0-9]*))?(?:\|([^}]*))?\}")
_OPERATION = re.compile(r"@([a-z]+)\(([^()]*)\)")


class NoValue(ValueError):
    """A match that cannot be normalised (e.g. "February 30"): emit nothing for it."""


@dataclass(frozen=True, slots=True)
class ValueSpec:
    """A parsed VALUE: optional operation with argument templates, then a suffix template."""

    op: Op | None
    args: tuple[str, ...]
    suffix: str


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What normalisers may consult besides the matched text."""

    groups: Mapping[str, str | None]
    tables: Mapping[str, Mapping[str, str]]
    dct: date | None


def parse_value_spec(
    rule: Rule, tables: Mapping[str, Mapping[str, str]], text: str | None = None
) -> ValueSpec:
    """Parse and check a rule's VALUE (or another template of it, such as its
    ANCHOR); errors name the rule's file and line."""
    text = rule.value if text is None else text
    op, args = None, ()
    if text.startswith("@"):
        match = _OPERATION.match(text)
        if not match:
            raise RuleFileError(rule.path, rule.line, f"bad operation in VALUE {text!r}")
        try:
            op = Op(match.group(1))
        except ValueError as error:
            message = f"unknown operation @{match.group(1)}"
            raise RuleFileError(rule.path, rule.line, message) from error
        args = tuple(arg.strip() for arg in match.group(2).split(",") if arg.strip())
        low, high = _ARITY[op]
        if not low <= len(args) <= high:
            raise RuleFileError(rule.path, rule.line, f"@{op} takes {low}-{high} arguments")
        text = text[match.end() :]
    for template in (*args, text, rule.mod):
        for placeholder in _PLACEHOLDER.finditer(template):
            norm = placeholder.group(2)
            if norm and norm not in NORMALISERS and norm not in tables:
                raise RuleFileError(rule.path, rule.line, f"unknown normaliser {norm!r}")
    return ValueSpec(op, args, text)


def render(template: str, context: RenderContext) -> str:
    """Fill a template's placeholders from the match."""
    if "{" not in template:
        return template

    def fill(placeholder: re.Match[str]) -> str:
        group, norm, default = placeholder.groups()
        norm = norm or None
        surface = context.groups.get(group)
        if surface is None:
            if default is None:
                raise NoValue(f"group {group!r} did not match")
            return default
        if norm is None:
            return surface
        if norm in NORMALISERS:
            return NORMALISERS[norm](surface, context)
        return lookup(context.tables, norm, surface)

    return _PLACEHOLDER.sub(fill, template)


def lookup(tables: Mapping[str, Mapping[str, str]], table: str, surface: str) -> str:
    """A normalisation table entry, or NoValue."""
    try:
        return tables[table][table_key(surface)]
    except KeyError:
        raise NoValue(f"{surface!r} is not in table {table!r}") from None


def number_value(surface: str, context: RenderContext) -> str:
    """Digits or English number words ("twenty-five", "a", "several") as a string."""
    cleaned = surface.replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return cleaned.lstrip("0") or "0" if "." not in cleaned else cleaned
    quantity = context.tables.get("quantity", {}).get(table_key(cleaned))
    if quantity is not None:
        return quantity
    words = table_key(cleaned).replace(" and ", " ").split()
    total, current = 0, 0
    for word in words:
        value = lookup(context.tables, "number", word)
        if value == "X":
            return "X"
        amount = int(value)
        if amount in (100, 1000, 1_000_000):
            current = max(current, 1) * amount
            if amount >= 1000:
                total, current = total + current, 0
        elif current % 100 and (amount >= 10 or current % 10):
            # Only tens take units ("twenty-five"); "two-three" is a range
            # written loosely, not five.
            return "X"
        else:
            current += amount
    return str(total + current)


def ordinal_value(surface: str, context: RenderContext) -> str:
    """ "3rd", "third", "twenty-first" -> "3", "3", "21"."""
    digits = re.match(r"\d+", surface)
    if digits:
        return str(int(digits.group()))
    words = table_key(surface).split()
    total = sum(int(lookup(context.tables, "number", word)) for word in words[:-1])
    return str(total + int(lookup(context.tables, "ordinal", words[-1])))


def _two_digits(surface: str, context: RenderContext) -> str:
    digits = re.search(r"\d+", surface)
    if digits:
        return f"{int(digits.group()):02d}"
    return f"{int(ordinal_value(surface, context)):02d}"


def _number_two_digits(surface: str, context: RenderContext) -> str:
    value = number_value(surface, context)
    if not value.isdigit() or int(value) > 99:
        raise NoValue(f"{surface!r} is not a two-digit number")
    return f"{int(value):02d}"


def _decade(surface: str, context: RenderContext) -> str:
    digits = re.search(r"\d+", surface)
    if not digits:
        return lookup(context.tables, "decade", surface)
    text = digits.group()
    if len(text) == 4:
        return text[:3]
    base = context.dct.year if context.dct else 1999
    century = base // 100
    year = century * 100 + int(text)
    if year > base:
        year -= 100
    return str(year)[:3]


def _century(surface: str, context: RenderContext) -> str:
    return f"{int(ordinal_value(surface, context)) - 1:02d}"


def _hour(surface: str, context: RenderContext) -> str:
    hour = int(re.search(r"\d+", surface).group()) if re.search(r"\d", surface) else 12
    marker = (context.groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if hour > 24:
        raise NoValue(f"hour {hour} out of range")
    # "4 in the morning", "8 in the evening", "10 at night" say a.m./p.m. in words.
    daypart = (context.groups.get("daypart") or "").lower()
    if "afternoon" in daypart or "evening" in daypart or ("night" in daypart and hour >= 6):
        marker = "pm"
    elif daypart:
        marker = "am"
    if marker.startswith("p") and hour < 12:
        hour += 12
    elif marker.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}"


def _lower(surface: str, context: RenderContext) -> str:
    return surface.lower()


NORMALISERS: dict[str, Callable[[str, RenderContext], str]] = {
    "number": number_value,
    "ordinal": ordinal_value,
    "int2": _two_digits,
    "number2": _number_two_digits,
    "decade": _decade,
    "century": _century,
    "hour": _hour,
    "lower": _lower,
}
