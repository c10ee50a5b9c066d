"""Hiding an event re-assesses only the happenings it touches, exactly as a full
re-assessment of the library would."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from timeline_app.event_edits import hide_event
from timeline_app.store.repository import Repository
from timeline_app.story import refresh_happenings


def test_a_local_refresh_after_hiding_matches_a_full_one(story_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "story.db"
    for suffix in ("", "-wal", "-shm"):  # the library as its writer left it
        if Path(f"{story_db}{suffix}").exists():
            shutil.copy(f"{story_db}{suffix}", f"{path}{suffix}")
    with Repository(path) as repo:
        assert refresh_happenings(repo) == 0  # the imported library is current
        events = repo.events()
        key = max(events, key=lambda e: e.reports)
        assert key.reports >= 10
        others = random.Random(3).sample([e for e in events if e.group_id != key.group_id], 6)
        for event in [key, *others]:
            hide_event(repo, event.id, True)
            # Nothing left for the whole library's re-assessment to change.
            assert refresh_happenings(repo) == 0, f"stale after hiding {event.id}"
            assert repo.event(event.id).hidden
        hidden_key = repo.event(key.id)
        assert hidden_key.importance == 0.0  # hidden events leave the story layer
        mates = [e for e in repo.events() if e.group_id == key.group_id]
        assert mates
        assert {e.reports for e in mates} == {key.reports - 1}
        assert all(e.importance < key.importance for e in mates)
        hide_event(repo, key.id, False)  # shown again: as it was
        assert refresh_happenings(repo) == 0
        assert repo.event(key.id).reports == key.reports
        assert repo.event(key.id).importance == key.importance
