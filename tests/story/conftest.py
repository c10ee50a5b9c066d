"""A real library file holding the generated story (one big happening, 500 minor events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.story_library import write_story
from timeline_app.commands import import_paths
from timeline_app.store.repository import Repository


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Imported once per module, as ``timeline-app ingest`` would (in this process)."""
    folder = tmp_path_factory.mktemp("story")
    path = folder / "story.db"
    with Repository(path) as repo:
        report = import_paths(repo, [write_story(folder)], workers=1)
        assert report.ok, report.failures
    return path


@pytest.fixture
def story_repo(story_db: Path):
    with Repository(story_db) as repo:
        yield repo
