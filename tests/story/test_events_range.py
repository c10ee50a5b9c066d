"""``events --from D --to D``: events dated inside the range first, spans running through after."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.commands import import_paths
from timeline_app.store.repository import Repository

TEXT = (
    "The war has been fought since 1914, historians note. "
    "Fighting went on through February 2011. "
    "The council met on February 17, 2011, officials said. "
    "Talks were held on February 16, 2011 too."
)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    source = tmp_path / "war.txt"
    source.write_text(f"Title: War\nDate: 2011-03-01\n\n{TEXT}\n", encoding="utf-8")
    path = tmp_path / "war.db"
    with Repository(path) as repo:
        assert import_paths(repo, [source], workers=1).ok
    return path


def test_repository_lists_inside_events_before_spans_narrowest_first(library: Path) -> None:
    day = (datetime(2011, 2, 17), datetime(2011, 2, 18))
    with Repository(library) as repo:
        by_start = repo.events(start=day[0], end=day[1])
        inside_first = repo.events(start=day[0], end=day[1], inside_first=True)
    assert by_start[0].expression == "1914"  # date order: history first
    assert [e.expression for e in inside_first] == [
        "February 17, 2011",
        "February 2011",
        "1914",
    ]
    assert sorted(e.id for e in by_start) == sorted(e.id for e in inside_first)


def test_events_command_prints_the_day_first_and_says_what_runs_through(
    library: Path, capsys
) -> None:
    args = ["--db", str(library), "events", "--from", "2011-02-17", "--to", "2011-02-17"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("2011-02-17 ")
    assert len(lines) == 3
    assert "1 dated inside the range, 2 running through it, listed after them" in err
    assert main([*args, "--inside"]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[0] for line in out.splitlines()] == ["2011-02-17"]
    assert "left out" in err


def test_an_open_range_orders_by_its_one_bound(library: Path) -> None:
    with Repository(library) as repo:
        events = repo.events(start=datetime(2011, 2, 17), inside_first=True)
    assert events[0].start.date() == date(2011, 2, 17)
    assert events[-1].expression == "1914"


def test_without_a_range_the_order_is_by_date(library: Path) -> None:
    with Repository(library) as repo:
        plain = repo.events()
        flagged = repo.events(inside_first=True)
    assert [e.id for e in plain] == [e.id for e in flagged]
