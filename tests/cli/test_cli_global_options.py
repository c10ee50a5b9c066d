"""One parser shape: ``--db`` before or after every subcommand, new ones included."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from timeline_app.cli import build_parser, main, subcommand_parsers


def minimal_arguments(parser: argparse.ArgumentParser) -> list[str]:
    """A value for each required positional of a subcommand (types here are int or str)."""
    values = []
    for action in parser._actions:
        if action.option_strings or action.nargs in ("?", "*", argparse.SUPPRESS):
            continue
        if isinstance(action, argparse._SubParsersAction):
            continue
        values.append("1")
    return values


SUBCOMMANDS = sorted(subcommand_parsers(build_parser()))


def test_the_walk_covers_every_command_the_readme_lists() -> None:
    documented = {"tag", "evaluate", "ingest", "articles", "set-date", "retag", "events", "export"}
    assert documented <= set(SUBCOMMANDS)
    assert "gui" in SUBCOMMANDS


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_db_is_accepted_before_and_after_every_subcommand(name: str) -> None:
    parser = build_parser()
    rest = minimal_arguments(subcommand_parsers(parser)[name])
    before = parser.parse_args(["--db", "before.db", name, *rest])
    after = parser.parse_args([name, *rest, "--db", "after.db"])
    both = parser.parse_args(["--db", "first.db", name, *rest, "--db", "last.db"])
    neither = parser.parse_args([name, *rest])
    assert (before.db, after.db, both.db, neither.db) == ("before.db", "after.db", "last.db", None)


def test_every_subcommand_documents_db_in_its_help() -> None:
    for name, parser in subcommand_parsers(build_parser()).items():
        assert "--db PATH" in parser.format_help(), name


def test_events_with_db_after_the_command_reads_that_library(library: Path, capsys) -> None:
    assert main(["events", "--db", str(library)]) == 0
    after = capsys.readouterr().out
    assert main(["--db", str(library), "events"]) == 0
    assert after == capsys.readouterr().out
    assert "harbour" in after or "council" in after.lower()


def test_export_with_db_after_the_command(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["export", "-o", str(out), "--db", str(library)]) == 0
    exported = out.read_text(encoding="utf-8")
    assert exported.startswith("date_start,")
    assert "harbour plan" in exported
