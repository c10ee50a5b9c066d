"""Reliability tests: real subprocesses, real files, real permissions."""

from __future__ import annotations

import os
import sys
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
