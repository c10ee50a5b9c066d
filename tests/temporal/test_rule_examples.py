"""Every rule's EXAMPLE lines run as tests; a rule without one cannot load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline_app.resources import resource_path
from timeline_app.temporal.calendar import interval_of
from timeline_app.temporal.compiler import expand_rule_pattern
from timeline_app.temporal.rulefiles import RuleKind, read_rule_set
from timeline_app.temporal.tagger import Engine, candidate_starts, default_engine, tag_with

RULE_SET = read_rule_set(resource_path("temporal", "en"))


def engine_for(rule) -> Engine:
    """The engine a rule belongs to (``WHEN day_first`` rules need that option)."""
    return default_engine(day_first=rule.when == "day_first")


CASES = [
    pytest.param(rule, example, id=f"{rule.rule_id}:{example.line}")
    for rule in RULE_SET.rules
    for example in rule.examples
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule, example) -> None:
    engine = engine_for(rule)
    found = tag_with(engine, example.text, example.dct)
    if rule.kind is RuleKind.NEGATIVE:
        own_pattern = re.compile(expand_rule_pattern(rule, RULE_SET.patterns, "x_"), re.IGNORECASE)
        blocked = own_pattern.search(example.text)
        assert blocked is not None, f"negative rule {rule.rule_id} does not match its example"
        start, end = blocked.span()
        assert not [t for t in found if t.start < end and start < t.end], found
        return
    matching = [t for t in found if t.text == example.extent]
    assert matching, f"{rule.rule_id}: {example.extent!r} not found in {found}"
    timex = matching[0]
    assert (timex.rule, timex.value, timex.mod) == (rule.rule_id, example.value, example.mod)
    if example.anchored is not None:  # an anchored duration carries the point it reaches
        reached = interval_of(example.anchored)
        assert reached is not None, example.anchored
        assert (timex.interval, timex.precision) == reached, timex


def test_the_prefilter_offers_every_example_start() -> None:
    """Rules run only at candidate offsets (near a trigger word, at a word some
    rule starts with): each example's expected extent must start at one."""
    for rule in RULE_SET.rules:
        if rule.kind is RuleKind.NEGATIVE:
            continue  # their examples are whole texts, checked by test_rule_example
        for example in rule.examples:
            start = example.text.index(example.extent)
            matcher = engine_for(rule).matcher
            offered = {offset for offset, _ in candidate_starts(example.text, matcher)}
            assert start in offered, (rule.rule_id, example.text)


def test_rule_ids_are_unique_and_every_rule_is_compiled() -> None:
    compiled = {
        c.rule.rule_id
        for day_first in (False, True)
        for c in default_engine(day_first=day_first).matcher.compiled_rules
    }
    assert compiled == {rule.rule_id for rule in RULE_SET.rules}


def test_rule_folder_has_the_documented_layout() -> None:
    folder = Path(resource_path("temporal", "en"))
    assert {p.name for p in folder.iterdir() if p.is_dir()} >= {
        "patterns",
        "normalization",
        "rules",
    }
    assert (folder.parent / "README.md").read_text(encoding="utf-8").count("EXAMPLE") >= 1


def _has_top_level_bar(alternative: str) -> bool:
    depth, in_class, escaped = 0, False, False
    for char in alternative:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def test_pattern_files_hold_one_alternative_a_line() -> None:
    for pattern in RULE_SET.patterns.values():
        for alternative in pattern.alternatives:
            assert not _has_top_level_bar(alternative), (pattern.path.name, alternative)
