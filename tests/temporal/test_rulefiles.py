"""Malformed rule files fail at start-up with the file and line named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline_app.resources import resource_path
from timeline_app.temporal.rulefiles import RuleFileError, read_rule_set
from timeline_app.temporal.tagger import build_engine


@pytest.fixture
def rule_folder(tmp_path: Path) -> Path:
    """A writable copy of the bundled English rules."""
    target = tmp_path / "en"
    shutil.copytree(resource_path("temporal", "en"), target)
    return target


def _append(path: Path, text: str) -> int:
    """Append ``text`` and return the line number where it starts."""
    existing = path.read_text(encoding="utf-8")
    path.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return existing.rstrip("\n").count("\n") + 3


def test_rule_without_example_fails_naming_file_and_line(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "date.txt"
    line = _append(path, "RULE date.no_example\nMATCH %year\nVALUE {year}\n")
    with pytest.raises(RuleFileError, match=rf"date\.txt:{line}: .*no EXAMPLE"):
        read_rule_set(rule_folder)


def test_unknown_field_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "set.txt"
    line = _append(path, "RULE set.bad\nMATCHES every day\n")
    with pytest.raises(RuleFileError, match=rf"set\.txt:{line + 1}: unknown field 'MATCHES'"):
        read_rule_set(rule_folder)


def test_bad_regex_in_rule_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "date.txt"
    block = "RULE date.broken\nMATCH (unclosed %year\nVALUE {year}\nEXAMPLE 1999 => 1999\n"
    line = _append(path, block)
    with pytest.raises(RuleFileError, match=rf"date\.txt:{line}: bad MATCH pattern"):
        build_engine(read_rule_set(rule_folder))


def test_unknown_pattern_reference_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "date.txt"
    line = _append(path, "RULE date.typo\nMATCH %yaer\nVALUE 1999\nEXAMPLE 1999 => 1999\n")
    with pytest.raises(RuleFileError, match=rf"date\.txt:{line}: unknown pattern %yaer"):
        build_engine(read_rule_set(rule_folder))


def test_unknown_normaliser_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "date.txt"
    line = _append(path, "RULE date.norm\nMATCH %year\nVALUE {year|nosuch}\nEXAMPLE 1999 => 1999\n")
    with pytest.raises(RuleFileError, match=rf"date\.txt:{line}: unknown normaliser 'nosuch'"):
        build_engine(read_rule_set(rule_folder))


def test_malformed_table_line_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "normalization" / "season.txt"
    line = _append(path, "monsoon SU\n")
    expected = rf"season\.txt:{line}: expected 'surface form = value'"
    with pytest.raises(RuleFileError, match=expected):
        read_rule_set(rule_folder)


def test_duplicate_rule_id_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "set.txt"
    _append(path, "RULE set.frequency\nMATCH hourly\nVALUE PT1H\nEXAMPLE hourly => PT1H\n")
    with pytest.raises(RuleFileError, match=r"rule id set\.frequency is used twice"):
        read_rule_set(rule_folder)


def test_unknown_unit_in_an_operation_is_reported(rule_folder: Path) -> None:
    path = rule_folder / "rules" / "date.txt"
    block = "RULE date.bad_unit\nMATCH fortnight ago\nVALUE @shift(fortnight,-1)\nEXAMPLE x => y\n"
    line = _append(path, block)
    with pytest.raises(RuleFileError, match=rf"date\.txt:{line}: @shift: 'fortnight' is not one"):
        build_engine(read_rule_set(rule_folder))
