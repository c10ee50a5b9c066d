"""The workers' read-only duplicate check answers from the file and never fails."""

from __future__ import annotations

from pathlib import Path

from timeline_app.articles import ParsedArticle
from timeline_app.store.codec import content_hash
from timeline_app.store.known_content import KnownContent
from timeline_app.store.repository import Repository


def test_known_content_sees_committed_articles(db_path: Path) -> None:
    with Repository(db_path) as repo:
        repo.add_article(ParsedArticle(text="Stored text."))
        known = KnownContent(db_path)
        assert content_hash("Stored text.") in known
        assert content_hash("Other text.") not in known
        repo.add_article(ParsedArticle(text="Other text."))  # committed after opening
        assert content_hash("Other text.") in known
        known.close()
        assert content_hash("Stored text.") not in known  # closed: answers no


def test_known_content_without_a_library_answers_no(tmp_path: Path) -> None:
    for target in (None, ":memory:", tmp_path / "missing.db"):
        assert content_hash("x") not in KnownContent(target)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert content_hash("x") not in KnownContent(garbage)
