"""Shared fixtures. Qt must run offscreen: set before anything imports PySide6."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


def require_corpus(*parts: str) -> Path:
    """Path below ../shared/corpora, or skip the test saying what is missing."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus not available: {path} (../shared is absent on this machine)")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database file path in a temporary folder."""
    return tmp_path / "timeline.db"
