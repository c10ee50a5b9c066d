"""Read-only libraries and folders, with real permissions (as root, run as ``nobody``):
reading works, writing is refused with a plain message, and nothing is changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ARTICLES, article_text, run_cli, without_root_override


@pytest.fixture
def user() -> str | None:
    return without_root_override()


@pytest.fixture
def open_folder(user: str | None) -> Iterator[Path]:
    """A folder the test user owns, below a path it can reach (pytest's tmp is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="timeline-cli-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            path.chmod(0o700 if path.is_dir() else 0o600)
        shutil.rmtree(folder)


def give(path: Path, user: str | None, mode: int) -> None:
    if user is not None:
        shutil.chown(path, user="nobody", group="nogroup")
    path.chmod(mode)


def placed_library(library: Path, folder: Path, user: str | None, file_mode: int) -> Path:
    home = folder / "lib"
    home.mkdir()
    placed = home / "library.db"
    shutil.copy(library, placed)
    give(placed, user, file_mode)
    give(home, user, 0o755)
    return placed


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_plain(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def writing_commands(folder: Path) -> list[list[str]]:
    article = folder / "new.txt"
    article.write_text(article_text(99), encoding="utf-8")
    article.chmod(0o644)
    return [["set-date", "1", "2024-01-01"], ["retag", "--workers", "1"], ["ingest", str(article)]]


def test_read_only_file_reads_and_refuses_writes(
    library: Path, open_folder: Path, user: str | None
) -> None:
    placed = placed_library(library, open_folder, user, 0o444)
    before = digest(placed)
    listed = run_cli("--db", str(placed), "articles", user=user)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == ARTICLES
    events = run_cli("--db", str(placed), "events", "--search", "harbour", user=user)
    assert events.returncode == 0, events.stderr
    assert "harbour plan" in events.stdout
    for command in writing_commands(open_folder):
        done = run_cli("--db", str(placed), *command, user=user)
        assert done.returncode == 1, command
        assert_plain(done.stderr)
        assert f"cannot change the library {placed}: the file is read-only" in done.stderr
    assert digest(placed) == before
    assert stat.S_IMODE(placed.stat().st_mode) == 0o444


def test_read_only_folder_reads_and_says_why_it_cannot_write(
    library: Path, open_folder: Path, user: str | None
) -> None:
    placed = placed_library(library, open_folder, user, 0o644)
    placed.parent.chmod(0o555)
    before = digest(placed)
    listed = run_cli("--db", str(placed), "articles", "--search", "r003x", user=user)
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == ""
    assert "Council report number 3" in listed.stdout
    done = run_cli("--db", str(placed), "set-date", "1", "2024-01-01", user=user)
    assert done.returncode == 1
    assert_plain(done.stderr)
    assert f"its folder {placed.parent} is not writable" in done.stderr
    assert digest(placed) == before
    assert sorted(os.listdir(placed.parent)) == ["library.db"]


def test_unreadable_library_is_reported(library: Path, open_folder: Path, user: str | None) -> None:
    placed = placed_library(library, open_folder, user, 0o000)
    done = run_cli("--db", str(placed), "articles", user=user)
    assert done.returncode == 1
    assert_plain(done.stderr)
    assert f"cannot read the library {placed}: permission denied" in done.stderr


def test_ingest_cannot_create_a_library_in_a_read_only_folder(
    open_folder: Path, user: str | None
) -> None:
    article = open_folder / "new.txt"
    article.write_text(article_text(5), encoding="utf-8")
    article.chmod(0o644)
    shut = open_folder / "shut"
    shut.mkdir()
    give(shut, user, 0o555)
    for library in (shut / "new.db", shut / "sub" / "new.db"):
        done = run_cli("--db", str(library), "ingest", str(article), user=user)
        assert done.returncode == 1
        assert_plain(done.stderr)
        assert f"cannot create the library {library}" in done.stderr
    assert os.listdir(shut) == []
