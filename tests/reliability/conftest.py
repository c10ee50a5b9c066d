"""Reliability tests: real subprocesses, real files, real permissions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def cli_command(db: Path, *args: str) -> list[str]:
    """The real command line, run by this interpreter from the checkout."""
    return [sys.executable, "-m", "timeline_app", "--db", str(db), *args]


def cli_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


@pytest.fixture
def linux_proc() -> Path:
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        pytest.skip("needs /proc to find worker processes (Linux)")
    return proc


def run_cli(db: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real command line and wait for it; output decoded with replacement."""
    return subprocess.run(
        cli_command(db, *args),
        env=cli_environment(),
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        check=False,
    )


def stored_count(db: Path, table: str, where: str = "1") -> int:
    """Rows in ``table`` of the library file, read with plain sqlite3 (no project code)."""
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
