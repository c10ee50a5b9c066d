"""Ingest fixtures: a folder to write article files into."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder
