"""``cli.main``'s last resort: database and system errors from anywhere become one plain line."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.store.repository import Repository


def failing(error: Exception):
    def raise_it(*_args, **_kwargs):
        raise error

    return raise_it


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), "is damaged"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "it is read-only"),
        (sqlite3.OperationalError("database is locked"), "is busy"),
        (sqlite3.OperationalError("disk I/O error"), "could not be used: disk I/O error"),
        (OSError(errno.EIO, "Input/output error", "/some/file"), "/some/file: Input/output error"),
    ],
)
def test_unexpected_errors_become_one_plain_line(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys, error: Exception, expected: str
) -> None:
    monkeypatch.setattr(Repository, "articles", failing(error))
    assert main(["--db", str(library), "articles"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert expected in err
    assert len(err.strip().splitlines()) == 1


def test_a_damaged_row_quoted_by_sqlite_is_one_safe_short_line(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """SQLite quotes undecodable article text in its message: untrusted, multi-line."""
    quoted = "Riots on May 3.\nMore text \x1b[31mred\x1b[0m " + "x" * 500
    message = f"Could not decode to UTF-8 column 'text' with text '{quoted}'"
    error = sqlite3.OperationalError(message)
    monkeypatch.setattr(Repository, "articles", failing(error))
    assert main(["--db", str(library), "articles"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "is damaged" in err
    assert "\x1b" not in err
    assert len(err) < 700


def test_programming_errors_are_not_hidden(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only errors from outside the program are translated; a bug still shows where it is."""
    monkeypatch.setattr(Repository, "articles", failing(ZeroDivisionError("bug")))
    with pytest.raises(ZeroDivisionError):
        main(["--db", str(library), "articles"])
