"""Damaged, truncated and foreign ``--db`` files: one plain paragraph, never a traceback,
and nothing written to them. Real files, real subprocesses."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from timeline_app.store.opening import Access, LibraryDamaged, NotALibrary, check_integrity
from timeline_app.store.repository import Repository

from .conftest import run_cli

WRITING_COMMANDS = (["set-date", "1", "2024-01-01"], ["retag", "--workers", "1"])


def scribble_middle(path: Path, size: int = 64 * 1024) -> None:
    """Overwrite ``size`` bytes in the middle of the file with (seeded) random bytes."""
    length = path.stat().st_size
    assert length > 3 * size, "the test library is too small to damage its middle"
    with path.open("r+b") as stream:
        stream.seek(length // 2 - size // 2)
        stream.write(random.Random(20261203).randbytes(size))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_plain(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "sqlite3." not in stderr
    assert len(stderr.strip().splitlines()) <= 2, stderr


def test_a_damaged_library_is_named_with_its_tables_and_a_way_out(library: Path) -> None:
    scribble_middle(library)
    done = run_cli("--db", str(library), "articles")
    assert_plain(done.stderr)
    assert f"the library {library} is damaged" in done.stderr
    assert "Damaged tables:" in done.stderr
    assert "re-import your articles into a new library" in done.stderr


@pytest.mark.parametrize("command", WRITING_COMMANDS, ids=lambda c: c[0])
def test_writing_commands_refuse_a_damaged_library_and_leave_it_alone(
    library: Path, command: list[str]
) -> None:
    scribble_middle(library)
    before = digest(library)
    done = run_cli("--db", str(library), *command)
    assert done.returncode == 1
    assert_plain(done.stderr)
    assert "is damaged" in done.stderr
    assert "Nothing is written to a damaged library" in done.stderr
    assert digest(library) == before


def test_ingest_into_a_damaged_library_is_refused(library: Path, tmp_path: Path) -> None:
    scribble_middle(library)
    article = tmp_path / "new.txt"
    article.write_text("Title: New\n\nThe vote was held on March 3, 2024.\n", encoding="utf-8")
    before = digest(library)
    done = run_cli("--db", str(library), "ingest", str(article), "--workers", "1")
    assert done.returncode == 1
    assert_plain(done.stderr)
    assert "is damaged" in done.stderr
    assert digest(library) == before


@pytest.mark.parametrize("command", [["articles"], ["events"], ["export"], ["retag"]])
def test_a_truncated_library_gets_one_paragraph(library: Path, command: list[str]) -> None:
    data = library.read_bytes()
    library.write_bytes(data[: len(data) // 3])
    done = run_cli("--db", str(library), *command)
    assert done.returncode == 1
    assert_plain(done.stderr)
    assert "is damaged" in done.stderr


@pytest.mark.parametrize("command", [["articles"], ["events"], ["ingest", "x.txt"]])
def test_a_text_file_is_no_library_and_stays_as_it_was(tmp_path: Path, command: list[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping: milk, eggs\n" * 50, encoding="utf-8")
    before = digest(notes)
    done = run_cli("--db", str(notes), *command)
    assert done.returncode == 1
    assert_plain(done.stderr)
    assert f"{notes} is not a Timeline Reader library" in done.stderr
    assert digest(notes) == before
    assert not Path(f"{notes}-wal").exists()


def test_another_programs_sqlite_database_is_not_migrated(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(NotALibrary, match="not a Timeline Reader library"):
        Repository(other, access=Access.CREATE)
    conn = sqlite3.connect(other)
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert names == ["recipes"]


def test_store_check_reports_damage_and_passes_an_intact_library(library: Path) -> None:
    with Repository(library, access=Access.READ, check=True) as repo:
        assert repo.damage is None
        assert check_integrity(repo.db.conn).ok
    scribble_middle(library)
    with Repository(library, access=Access.READ, check=True) as repo:
        assert repo.damage is not None
        assert set(repo.damage.readable) | set(repo.damage.damaged) >= {"articles", "events"}
    with pytest.raises(LibraryDamaged):
        Repository(library, access=Access.WRITE, check=True)


def test_the_check_gives_up_quietly_when_out_of_time(library: Path) -> None:
    conn = sqlite3.connect(library)
    try:
        report = check_integrity(conn, budget_s=0.0)
    finally:
        conn.close()
    assert report.ok
    assert not report.finished
