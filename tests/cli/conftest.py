"""A real library file built once through ``timeline-app ingest``; each test gets a copy."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
ARTICLES = 40


def article_text(number: int) -> str:
    """A plain news-like article with several dated sentences (and filler to give it pages)."""
    month = MONTHS[number % len(MONTHS)]
    lines = [
        f"Title: Council report number {number}",
        f"Date: 2024-{number % 8 + 1:02d}-20",
        "",
        f"The council met on {month} {number % 27 + 1}, 2024 to discuss the harbour plan.",
        f"Work on the bridge began in {month} 2023 and will end by {month} 2025.",
        f"Residents protested on {month} {number % 27 + 2}, 2024, officials said.",
        f"The file is kept under reference R{number:03d}X.",
    ]
    filler = f"The committee of district {number} reviewed budgets, roads and schools. "
    lines.append(filler * 40)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of ``ARTICLES`` articles imported by the real ``ingest`` command."""
    folder = tmp_path_factory.mktemp("articles")
    for number in range(ARTICLES):
        (folder / f"report-{number:02d}.txt").write_text(article_text(number), encoding="utf-8")
    library = tmp_path_factory.mktemp("built") / "library.db"
    done = run_cli("--db", str(library), "ingest", str(folder), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    # Fold the write-ahead log into the file (an ingest may leave it), so one file is
    # the whole library and tests can copy, damage and chmod it alone.
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert not Path(f"{library}-wal").exists()
    return library


@pytest.fixture
def library(built_library: Path, tmp_path: Path) -> Path:
    """A private copy of the built library (WAL folded in: one self-contained file)."""
    copy = tmp_path / "lib" / "library.db"
    copy.parent.mkdir()
    shutil.copy(built_library, copy)
    return copy


def run_cli(*args: str, stdout=subprocess.PIPE, user: str | None = None, cwd: Path | None = None):
    """``timeline-app ARGS`` in a real subprocess; ``user='nobody'`` drops root's override."""
    command = [sys.executable, "-m", "timeline_app", *args]
    if user is not None:
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120, env=env, cwd=cwd
    )


def without_root_override() -> str | None:
    """'nobody' when running as root (permissions must bite), None otherwise; skip if impossible."""
    if os.geteuid() != 0:
        return None
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return "nobody"
