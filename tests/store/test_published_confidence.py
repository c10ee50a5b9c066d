"""Confidence of a publication date read from the text: stored, upgraded, hidden by the user."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.store import schema
from timeline_app.store.repository import Repository


def inferred(text: str = "Body.", confidence: float | None = 0.62) -> ParsedArticle:
    return ParsedArticle(
        text=text,
        title="T",
        published=date(2024, 1, 8),
        published_source=PublishedSource.INFERRED,
        published_reason="latest explicit date Sat 6 Jan 2024",
        published_confidence=confidence,
    )


def test_a_library_from_before_upgrades_in_place(tmp_path: Path) -> None:
    """Schema version 2 (no confidence column) opens with the new code; old rows read None."""
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    schema.MIGRATIONS.apply(db, stop_before="0003_published_confidence")
    assert "published_confidence" not in db["articles"].columns_dict
    db.execute(
        "INSERT INTO articles (id, text, content_hash, imported_at, published,"
        " published_source, published_reason)"
        " VALUES (1, 'old text', 'h', '2024-02-01T00:00:00', '2024-01-08', 'inferred', 'old')"
    )
    db.conn.commit()
    db.close()
    with Repository(path) as repo:
        assert "published_confidence" in repo.db["articles"].columns_dict
        old = repo.article(1)
        assert (old.published, old.published_source) == (date(2024, 1, 8), "inferred")
        assert old.published_confidence is None
        new, _ = repo.add_article(inferred("new text", 0.3))
        assert repo.article(new.id).published_confidence == pytest.approx(0.3)
        # Full-text search still follows the articles after the ALTER TABLE.
        assert [a.id for a in repo.articles("old")] == [1]
    with Repository(path) as repo:  # reopening applies nothing twice
        names = [r[0] for r in repo.db.execute("SELECT name FROM _sqlite_migrations")]
        assert names.count("0003_published_confidence") == 1


@pytest.mark.parametrize(
    ("source", "given", "stored"),
    [
        (PublishedSource.INFERRED, 0.62, 0.62),
        (PublishedSource.DATELINE, 0.95, 0.95),
        (PublishedSource.INFERRED, 1.7, 1.0),  # clamped: a probability
        (PublishedSource.INFERRED, -0.2, 0.0),
        (PublishedSource.INFERRED, None, None),
        (PublishedSource.METADATA, 0.9, None),  # a written date is not "how sure"
        (PublishedSource.UNKNOWN, 0.5, None),
    ],
)
def test_only_dates_read_from_the_text_keep_a_confidence(
    memory_repo: Repository, source: PublishedSource, given: float | None, stored: float | None
) -> None:
    parsed = ParsedArticle(
        text="Body.", published=date(2024, 1, 8), published_source=source,
        published_confidence=given,
    )  # fmt: skip
    added, _ = memory_repo.add_article(parsed)
    assert added.published_confidence == pytest.approx(stored)
    assert memory_repo.article(added.id) == added


def test_a_users_date_hides_the_confidence_and_undo_brings_it_back(
    memory_repo: Repository,
) -> None:
    added, _ = memory_repo.add_article(inferred())
    memory_repo.set_published(added.id, date(2024, 1, 9))
    corrected = memory_repo.article(added.id)
    assert corrected.published_source is PublishedSource.USER
    assert corrected.published_confidence is None
    assert memory_repo.articles()[0].published_confidence is None
    memory_repo.clear_published_correction(added.id)
    assert memory_repo.article(added.id).published_confidence == pytest.approx(0.62)


def test_a_machine_redating_replaces_the_confidence(memory_repo: Repository) -> None:
    added, _ = memory_repo.add_article(inferred())
    memory_repo.set_published(
        added.id, date(2024, 1, 7), PublishedSource.INFERRED, "re-inferred", confidence=0.2
    )
    assert memory_repo.article(added.id).published_confidence == pytest.approx(0.2)
    memory_repo.set_published(added.id, date(2024, 1, 7), PublishedSource.METADATA, "header")
    assert memory_repo.article(added.id).published_confidence is None
