"""Only ``ingest`` creates a library: every other command refuses a path that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.store.opening import Access, LibraryMissing
from timeline_app.store.repository import Repository

from .conftest import article_text

READING_COMMANDS = (
    ["articles"],
    ["set-date", "1", "2024-01-01"],
    ["retag"],
    ["events"],
    ["export", "--format", "json"],
)


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_command_on_a_missing_library_refuses_and_creates_nothing(
    command: list[str], tmp_path: Path, capsys
) -> None:
    typo = tmp_path / "no-such-folder" / "deeper" / "libary.db"
    assert main(["--db", str(typo), *command]) == 2
    captured = capsys.readouterr()
    assert f"no library at {typo}" in captured.err
    assert "ingest" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not (tmp_path / "no-such-folder").exists()


def test_ingest_creates_the_library_and_its_folders(tmp_path: Path, capsys) -> None:
    source = tmp_path / "one.txt"
    source.write_text(article_text(3), encoding="utf-8")
    library = tmp_path / "new" / "folder" / "lib.db"
    assert main(["--db", str(library), "ingest", str(source), "--workers", "1"]) == 0
    assert library.is_file()
    assert "imported 1" in capsys.readouterr().out
    assert main(["--db", str(library), "articles"]) == 0
    assert "Council report number 3" in capsys.readouterr().out


def test_the_store_decides_for_cli_and_window_alike(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "lib.db"
    for access in (Access.READ, Access.WRITE):
        with pytest.raises(LibraryMissing) as refused:
            Repository(missing, access=access)
        assert refused.value.path == missing
    assert not missing.parent.exists()
    with Repository(missing, access=Access.CREATE) as repo:
        assert repo.article_count() == 0
    assert missing.is_file()
