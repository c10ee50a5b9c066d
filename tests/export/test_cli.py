"""The ``events`` and ``export`` commands, through the real entry point."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.store.repository import Repository


@pytest.fixture
def database(hostile_repo: Repository) -> str:
    return str(hostile_repo.path)


def test_events_prints_one_line_per_event_in_date_order(database: str, capsys) -> None:
    assert main(["--db", database, "events"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["2024-01-04", "2024-01-05", "2024-01-06"]
    assert "3 events; 0 undated" in err


def test_events_filters_are_inclusive_dates(database: str, capsys) -> None:
    assert main(["--db", database, "events", "--from", "2024-01-05", "--to", "2024-01-05"]) == 0
    out, _ = capsys.readouterr()
    assert [line.split()[0] for line in out.splitlines()] == ["2024-01-05"]
    assert main(["--db", database, "events", "--to", "2023"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["--db", database, "events", "--from", "2024-01", "--search", "votes"]) == 0
    assert "votes" in capsys.readouterr().out


def test_events_explain_shows_confidence_and_anchor(database: str, capsys) -> None:
    assert main(["--db", database, "events", "--explain", "--article", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("confidence 0.95") == 3
    assert '"Jan. 4, 2024" an absolute date' in out


def test_bad_date_is_a_usage_error(database: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", database, "events", "--from", "2024-13"])
    assert exit_info.value.code == 2
    assert "'2024-13' is not a valid date" in capsys.readouterr().err


def test_missing_database_is_reported(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.db"
    assert main(["--db", str(missing), "events"]) == 2
    assert f"no library at {missing}" in capsys.readouterr().err
    assert not missing.exists()


def test_export_csv_to_file_with_bom(database: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "events.csv"
    assert main(["--db", database, "export", "-o", str(out), "--bom", "--from", "2024-01-05"]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(table) == 3  # header + the 5th and the 6th
    assert "exported 2 events as csv" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "timelinejs"])
def test_export_json_formats_to_stdout(database: str, fmt: str, capsys) -> None:
    assert main(["--db", database, "export", "--format", fmt]) == 0
    document = json.loads(capsys.readouterr().out)
    events = document if fmt == "json" else document["events"]
    assert len(events) == 3


def test_export_to_unwritable_place_fails_cleanly(database: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no-such-folder" / "events.csv"
    assert main(["--db", database, "export", "-o", str(target)]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_events_output_cannot_drive_the_terminal(tmp_path: Path, capsys) -> None:
    from datetime import date, datetime

    from timeline_app.articles import ParsedArticle

    from .conftest import day_timex, store_article

    text = "Rebels \x1b[2J\x1b]0;owned\x07 took the town on Jan. 4, 2024 \u202etxt.exe."
    with Repository(tmp_path / "escape.db") as repo:
        store_article(
            repo,
            ParsedArticle(text=text, title="t", published=date(2024, 1, 8)),
            [day_timex(text, "Jan. 4, 2024", datetime(2024, 1, 4))],
        )
    assert main(["--db", str(tmp_path / "escape.db"), "events", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\u202e" not in out
    assert "\\x1b[2J" in out
