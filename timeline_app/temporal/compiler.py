"""Turning rule files into one compiled matcher.

Every rule's ``MATCH`` is expanded (``%name`` -> its named pattern, a space ->
``\\s+``) and all rules are joined into a single alternation, ordered by
priority then by the length of their longest example, so one left-to-right
``re`` scan finds the longest-first candidate at each position. Group names
are prefixed per rule, so ``m.lastindex`` says which rule won and each rule
reads only its own groups by index (no ``groupdict()`` of hundreds of keys).
The alternation is split by first word into buckets (``dispatch.py``), each
compiled pruned for its words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from timeline_app.temporal.dispatch import compile_pruned, first_words
from timeline_app.temporal.rulefiles import NamedPattern, Rule, RuleFileError, RuleKind, RuleSet

_REFERENCE = re.compile(r"%([a-z_0-9]+)(?::([a-z_0-9]+))?")
_EXPLICIT_GROUP = re.compile(r"\(\?P<([a-z_0-9]+)>")
_START_GUARD = r"(?<!\w)"
# A match never ends inside a word or a hyphenated compound ("the year" of "the year-ago").
_END_GUARD = r"(?!\w|-[^\W\d_])"
_WORD_START = re.compile(r"(?<!\w)\S")
NEGATIVE_RULE_BOOST = 1000  # a negative rule wins over any positive one at the same start


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule plus where its groups sit inside the combined regex."""

    rule: Rule
    group_index: int  # index of the rule's outer group
    groups: tuple[tuple[str, int], ...]  # (local group name, global group index)


class Bucket:
    """The alternation of the rules that can start with some first words.

    Compiled on first use (a short text needs only a few of them, so
    ``timeline-app tag`` on one sentence does not pay for all), pruned for
    those words (``dispatch.compile_pruned``): the same matches there, found
    several times faster on numbers.
    """

    __slots__ = ("_compiled", "_pattern", "_rules", "_words")

    def __init__(self, rules: Sequence[Rule], bodies: Sequence[str], members: Sequence[int], words):
        parts = [f"(?P<r{index}>{bodies[index]})" for index in members]
        self._pattern = _START_GUARD + "(?:" + "|".join(parts) + ")" + _END_GUARD
        self._rules = {index: rules[index] for index in members}
        self._words = frozenset(words)
        self._compiled: tuple[re.Pattern[str], dict[int, CompiledRule]] | None = None

    def match(self, text: str, start: int) -> tuple[re.Match[str], CompiledRule] | None:
        """The longest-first rule match at ``start`` (where the text begins with
        one of this bucket's words) and the rule that made it."""
        if self._compiled is None:
            self._compiled = _compile_bucket(self._pattern, self._words, self._rules)
        regex, rules_by_group = self._compiled
        found = regex.match(text, start)
        if found is None:
            return None
        return found, rules_by_group[found.lastindex]

    @property
    def unpruned_pattern(self) -> str:
        """The alternation before pruning (same matches where a word begins)."""
        return self._pattern

    @property
    def compiled_rules(self) -> list[CompiledRule]:
        if self._compiled is None:
            self._compiled = _compile_bucket(self._pattern, self._words, self._rules)
        return list(self._compiled[1].values())


@dataclass(frozen=True, slots=True)
class Matcher:
    """Rule alternations by first word, the trigger words and the rule vocabulary."""

    buckets: dict[str, Bucket]  # first word (or DIGIT_START, or "'") -> its rules
    trigger_words: frozenset[str]
    vocabulary: frozenset[str]  # every word a rule can contain (candidate starts)

    @property
    def compiled_rules(self) -> list[CompiledRule]:
        """Every compiled rule once (a rule sits in the bucket of each first word)."""
        seen: dict[str, CompiledRule] = {}
        for bucket in self.buckets.values():
            for compiled in bucket.compiled_rules:
                seen.setdefault(compiled.rule.rule_id, compiled)
        return list(seen.values())


def _spaces_to_regex(pattern: str) -> str:
    """In rule text a space means any run of whitespace, " ?" optional whitespace."""
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


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
    body = "|".join(_spaces_to_regex(part) for part in parts)
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
    text = _spaces_to_regex(text)
    return _REFERENCE.sub(replace, text)


def _rank(rule: Rule) -> int:
    return rule.priority + (NEGATIVE_RULE_BOOST if rule.kind is RuleKind.NEGATIVE else 0)


def longest_first_order(rules: Sequence[Rule], singles: Sequence[re.Pattern[str]]) -> list[int]:
    """Indexes of ``rules`` in the order the alternation must try them.

    Python's ``re`` takes the first alternative that matches, not the longest.
    So the rules are run one by one over every example text, and wherever two
    rules match at the same position the one with the longer match must come
    first ("two days ago" before "two days"). A topological sort of those
    constraints, ties broken by PRIORITY (negative rules highest), gives the
    order; a cycle is broken by PRIORITY too.
    """
    texts = sorted({example.text for rule in rules for example in rule.examples})
    before: dict[int, set[int]] = defaultdict(set)  # rule -> rules that must come after it
    for text in texts:
        starts = [m.start() for m in _WORD_START.finditer(text)]
        for position in starts:
            lengths = []
            for index, single in enumerate(singles):
                if rules[index].kind is RuleKind.NEGATIVE:
                    continue
                match = single.match(text, position)
                if match:
                    lengths.append((match.end() - position, index))
            for length, index in lengths:
                for other_length, other in lengths:
                    if length > other_length:
                        before[index].add(other)
    incoming = {index: 0 for index in range(len(rules))}
    for successors in before.values():
        for successor in successors:
            incoming[successor] += 1
    order: list[int] = []
    remaining = set(range(len(rules)))
    while remaining:
        ready = [index for index in remaining if incoming[index] == 0] or list(remaining)
        chosen = min(ready, key=lambda index: (-_rank(rules[index]), index))
        order.append(chosen)
        remaining.discard(chosen)
        for successor in before.pop(chosen, ()):
            incoming[successor] -= 1
    return order


def vocabulary(rule_set: RuleSet) -> frozenset[str]:
    """Every word of letters the rules, patterns and tables mention, lower-cased.

    A time expression is made of such words, digits and punctuation only, so a
    match can start only at one of them; over-inclusion (regex fragments like
    "st" of "1st") merely costs a failed attempt.
    """
    texts = [rule.pattern for rule in rule_set.rules]
    texts += [alt for pattern in rule_set.patterns.values() for alt in pattern.alternatives]
    texts += [key for table in rule_set.tables.values() for key in table]
    words = {word.lower() for text in texts for word in re.findall(r"[A-Za-z]+", text)}
    # "rooms?" also names "room": an optional last letter is dropped too.
    optional_last = (word for text in texts for word in re.findall(r"[A-Za-z]{2,}(?=\?)", text))
    words |= {word.lower()[:-1] for word in optional_last}
    return frozenset(words | rule_set.trigger_words | {"'", "’"})


def compile_rule_set(rule_set: RuleSet) -> Matcher:
    """One combined regex for all rules, plus the words that start a search."""
    rules = list(rule_set.rules)
    bodies, singles = [], []
    for number, rule in enumerate(rules):
        body = expand_rule_pattern(rule, rule_set.patterns, f"g{number}_")
        try:
            singles.append(re.compile(_START_GUARD + "(?:" + body + ")" + _END_GUARD, re.I))
        except re.error as error:
            raise RuleFileError(rule.path, rule.line, f"bad MATCH pattern: {error}") from error
        bodies.append(body)
    order = longest_first_order(rules, singles)
    starts = {index: first_words(bodies[index]) for index in order}
    keys = sorted({word for words in starts.values() if words for word in words})
    members_by_key = {
        key: tuple(i for i in order if starts[i] is None or key in starts[i]) for key in keys
    }
    words_by_members: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for key, members in members_by_key.items():
        words_by_members[members].append(key)
    shared = {
        members: Bucket(rules, bodies, members, words)
        for members, words in words_by_members.items()
    }
    buckets = {key: shared[members] for key, members in members_by_key.items()}
    return Matcher(buckets, rule_set.trigger_words, vocabulary(rule_set))


def _compile_bucket(
    pattern: str, words: frozenset[str], rules: dict[int, Rule]
) -> tuple[re.Pattern[str], dict[int, CompiledRule]]:
    regex = compile_pruned(pattern, words, re.IGNORECASE)
    names_by_prefix: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, position in regex.groupindex.items():
        head, _, local = name.partition("_")
        if local:
            names_by_prefix[head].append((local, position))
    rules_by_group = {}
    for index, rule in rules.items():
        outer = regex.groupindex[f"r{index}"]
        groups = tuple(names_by_prefix[f"g{index}"])
        rules_by_group[outer] = CompiledRule(rule, outer, groups)
    return regex, rules_by_group
