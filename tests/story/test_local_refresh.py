"""A set-date refreshes only the happenings it can move, with the values a full refresh gives.

Generated libraries (a few shared days reported in overlapping words, relative
dates that move with the publication date, several outlets) are changed by
set-date and clear-date on random articles; after each change the stored
importance, headline and reports of every event must equal what a full
refresh of a copy of the library computes.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline_app import commands
from timeline_app.commands import import_paths
from timeline_app.store.repository import Repository
from timeline_app.story import refresh_happenings

_DAYS = [date(2011, 3, 1) + timedelta(days=offset) for offset in range(0, 20, 2)]
_SUBJECTS = ("Rebel fighters", "Government troops", "Aid convoys", "Foreign ministers", "Pilots")
_VERBS = ("captured", "reached", "left", "bombed", "visited")
_PLACES = ("the port of Zawara", "the airfield near Sirte", "the capital", "the border post")
_RELATIVE = ("yesterday", "on Monday", "last Friday", "two days ago", "last month", "this month")
_MONTHS = ("February 2011", "March 2011", "April 2011")


def _when(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _records(seed: int, articles: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    records = []
    for index in range(articles):
        published = rng.choice(_DAYS) + timedelta(days=rng.randrange(0, 40, 3))
        sentences = []
        for _ in range(rng.randrange(2, 6)):
            subject, verb, place = rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_PLACES)
            draw = rng.random()
            when = (
                rng.choice(_RELATIVE)
                if draw < 0.35
                else f"on {_when(rng.choice(_DAYS))}"
                if draw < 0.7
                else f"in {rng.choice(_MONTHS)}"
            )
            sentences.append(f"{subject} {verb} {place} {when}, officials said.")
        records.append(
            {
                "title": f"Report {index}",
                "published": published.isoformat(),
                "source": rng.choice(("Wire", "Daily", "Herald")),
                "text": " ".join(sentences),
            }
        )
    return records


def _library(folder: Path, seed: int, articles: int) -> Path:
    source = folder / f"articles{seed}.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in _records(seed, articles)), "utf-8")
    path = folder / f"library{seed}.db"
    with Repository(path) as repo:
        assert import_paths(repo, [source], workers=1).ok
    return path


def _story_columns(path: Path) -> dict[int, tuple[float, str, int]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT id, importance, headline, reports FROM events")
        return {
            event_id: (importance, headline, reports)
            for event_id, importance, headline, reports in rows
        }


def _fully_refreshed_copy(path: Path, folder: Path) -> Path:
    copy = folder / "full.db"
    copy.unlink(missing_ok=True)
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Repository(copy) as repo:
        refresh_happenings(repo)
    return copy


@pytest.mark.parametrize("seed", [1, 2, 3, 5, 6])
def test_a_local_refresh_after_set_date_equals_a_full_refresh(tmp_path: Path, seed: int) -> None:
    path = _library(tmp_path, seed, articles=24)
    rng = random.Random(seed)
    with Repository(path) as repo:
        article_ids = [article.id for article in repo.articles()]
        changed_any = False
        for _ in range(8):
            article_id = rng.choice(article_ids)
            before = _story_columns(path)
            if rng.random() < 0.75:
                new_day = rng.choice(_DAYS) + timedelta(days=rng.randrange(-30, 30, 3))
                commands.set_publication_date(repo, article_id, new_day)
            else:
                commands.clear_publication_date(repo, article_id)
            after = _story_columns(path)
            full = _story_columns(_fully_refreshed_copy(path, tmp_path))
            assert after == full
            changed_any |= before != after
    assert changed_any  # the changes moved something, so equality was a real check


def test_a_set_date_reads_only_the_days_and_groups_it_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _library(tmp_path, 4, articles=40)
    read: list[int] = []
    with Repository(path) as repo:
        whole = repo.event_count(include_hidden=True)
        members = repo.happening_members
        monkeypatch.setattr(
            repo, "happening_inputs", lambda: pytest.fail("a set-date read the whole library")
        )
        monkeypatch.setattr(
            repo, "happening_members", lambda *a: read.append(len(found := members(*a))) or found
        )
        article_id = repo.articles()[0].id
        commands.set_publication_date(repo, article_id, date(2011, 5, 20))
    assert read
    assert max(read) < whole
