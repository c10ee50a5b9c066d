"""Turning rule files into one compiled matcher.

Every rule's ``MATCH`` is expanded (``%name`` -> its named pattern, a space ->
``\\s+``) and all rules are joined into a single alternation, ordered by
priority then by the length of their longest example, so one left-to-right
``re`` scan finds the longest-first candidate at each position. Group names
are prefixed per rule, so ``m.lastindex`` says which rule won and each rule
reads only its own groups by index (no ``groupdict()`` of hundreds of keys).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline_app.temporal.rulefiles import NamedPattern, Rule, RuleFileError, RuleKind, RuleSet

_REFERENCE = re.compile(r"%([a-z_0-9]+)(?::([a-z_0-9]+))?")
_EXPLICIT_GROUP = re.compile(r"\(\?P<([a-z_0-9]+)>")
TRIGGER_PATTERN = "trigger"
NEGATIVE_RULE_BOOST = 1000  # a negative rule wins over any positive one at the same start


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule plus where its groups sit inside the combined regex."""

    rule: Rule
    group_index: int  # index of the rule's outer group
    groups: tuple[tuple[str, int], ...]  # (local group name, global group index)


@dataclass(frozen=True, slots=True)
class Matcher:
    """The combined regex, the rule behind each outer group, and the trigger prefilter."""

    regex: re.Pattern[str]
    rules_by_group: dict[int, CompiledRule]
    trigger: re.Pattern[str]


def _expand_named(
    name: str, patterns: dict[str, NamedPattern], stack: tuple[str, ...], rule: Rule | None
) -> str:
    if name not in patterns:
        where = (rule.path, rule.line) if rule else (patterns[stack[-1]].path, 0)
        raise RuleFileError(*where, f"unknown pattern %{name}")
    if name in stack:
        raise RuleFileError(patterns[name].path, 0, f"pattern %{name} refers to itself")
    pattern = patterns[name]
    parts = []
    for alternative in pattern.alternatives:
        parts.append(
            _REFERENCE.sub(
                lambda m: "(?:" + _expand_named(m.group(1), patterns, (*stack, name), rule) + ")",
                alternative,
            )
        )
    body = "|".join(part.replace(" ", r"\s+") for part in parts)
    return f"(?-i:{body})" if pattern.case_sensitive else body


def expand_rule_pattern(rule: Rule, patterns: dict[str, NamedPattern], prefix: str) -> str:
    """Regex text of one rule; the first ``%name`` (or ``%name:group``) captures,
    unless an explicit ``(?P<name>...)`` group of the same name exists."""
    captured: set[str] = set(_EXPLICIT_GROUP.findall(rule.pattern))

    def replace(match: re.Match[str]) -> str:
        name, group = match.group(1), match.group(2) or match.group(1)
        body = _expand_named(name, patterns, (), rule)
        if group in captured:
            return f"(?:{body})"
        captured.add(group)
        return f"(?P<{prefix}{group}>{body})"

    text = _EXPLICIT_GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", rule.pattern)
    text = text.replace(" ", r"\s+")
    return _REFERENCE.sub(replace, text)


def _order_key(rule: Rule) -> tuple[int, int]:
    """Negative rules first, then by priority, then longest example first."""
    boost = NEGATIVE_RULE_BOOST if rule.kind is RuleKind.NEGATIVE else 0
    return (-(rule.priority + boost), -max(len(example.extent) for example in rule.examples))


def compile_rule_set(rule_set: RuleSet) -> Matcher:
    """One combined regex for all rules, plus the trigger prefilter."""
    alternatives: list[str] = []
    prefixes: list[tuple[Rule, str]] = []
    for number, rule in enumerate(sorted(rule_set.rules, key=_order_key)):
        prefix = f"g{number}_"
        body = expand_rule_pattern(rule, rule_set.patterns, prefix)
        try:
            re.compile(body, re.IGNORECASE)
        except re.error as error:
            raise RuleFileError(rule.path, rule.line, f"bad MATCH pattern: {error}") from error
        alternatives.append(f"(?P<r{number}>{body})")
        prefixes.append((rule, prefix))
    regex = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
    index = regex.groupindex
    rules_by_group = {}
    for number, (rule, prefix) in enumerate(prefixes):
        groups = tuple(
            (name[len(prefix) :], position)
            for name, position in index.items()
            if name.startswith(prefix)
        )
        outer = index[f"r{number}"]
        rules_by_group[outer] = CompiledRule(rule, outer, groups)
    if TRIGGER_PATTERN not in rule_set.patterns:
        raise RuleFileError(rule_set.folder / "patterns", 0, "patterns/trigger.txt is missing")
    trigger_body = _expand_named(TRIGGER_PATTERN, rule_set.patterns, (), None)
    trigger = re.compile(r"(?<!\w)(?:" + trigger_body + ")", re.IGNORECASE)
    return Matcher(regex, rules_by_group, trigger)
