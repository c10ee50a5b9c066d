"""Migration 0005: furniture stored as ranges, a title for every article, old libraries too."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from timeline_app.commands import import_paths, retag_all
from timeline_app.events.furniture import FurnitureKind, furniture_kind_at
from timeline_app.store import schema
from timeline_app.store.repository import Repository

PAGE = (
    "Rebels seize port By the Wire Staff A fighter stands guard on June 13, 2011 in the port."
    "\n\nMisrata, Libya (Agency) -- Rebels seized the port on Wednesday, a spokesman said.\n\n"
    "Talks resume on Friday.\n\n"
    "March 21, 2011 at 4:15 pm | Reply They will fail by April 2.\n"
)


def test_a_library_from_before_gets_titles_and_furniture_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    schema.MIGRATIONS.apply(db, stop_before="0005_article_furniture")
    for article_id, title, text in ((1, "", PAGE), (2, "Kept title", "Plain text on Monday.")):
        db.execute(
            "INSERT INTO articles (id, title, text, content_hash, imported_at)"
            " VALUES (?, ?, ?, ?, '2024-02-01T00:00:00')",
            (article_id, title, text, f"h{article_id}"),
        )
    db.conn.commit()
    db.close()
    with Repository(path) as repo:
        assert repo.article(1).title == "Rebels seize port"
        assert repo.article(2).title == "Kept title"
        furniture = repo.furniture(1)
        assert furniture_kind_at(furniture, PAGE.index("June 13")) == FurnitureKind.LEAD
        assert furniture_kind_at(furniture, PAGE.index("April 2")) == FurnitureKind.COMMENT
        assert furniture_kind_at(furniture, PAGE.index("Wednesday")) is None
        assert repo.furniture(2) == []
        assert [a.id for a in repo.articles("seize")] == [1]  # search sees the new title


def test_import_stores_title_and_furniture_and_retag_refreshes_them(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(
        json.dumps({"text": PAGE, "published": "2011-03-23", "url": "https://www.example.org/a"})
        + "\n",
        encoding="utf-8",
    )
    with Repository(tmp_path / "lib.db") as repo:
        report = import_paths(repo, [source], workers=1)
        (article_id,) = report.imported
        article = repo.article(article_id)
        assert article.title == "Rebels seize port"
        expressions = {event.expression for event in repo.events(include_hidden=True)}
        assert "Wednesday" in expressions
        assert not expressions & {"June 13, 2011", "April 2"}
        assert {f.kind for f in repo.furniture(article_id)} == {
            FurnitureKind.LEAD,
            FurnitureKind.COMMENT,
        }
        # An article written without a title (an older build) is titled by a re-tag;
        # furniture rows emptied behind the app's back come back with the analysis.
        repo.db.execute("UPDATE articles SET title = '' WHERE id = ?", (article_id,))
        repo.db.execute("DELETE FROM article_furniture")
        repo.db.conn.commit()
        retag_all(repo, workers=1)
        assert repo.article(article_id).title == "Rebels seize port"
        assert len(repo.furniture(article_id)) == 2
        repo.delete_article(article_id)
        assert repo.db.execute("SELECT COUNT(*) FROM article_furniture").fetchone()[0] == 0


def test_a_teaser_many_articles_open_with_is_not_their_title(tmp_path: Path) -> None:
    teaser = "Two men charged in death of a teen who performed at an event."
    feed = tmp_path / "feed.jsonl"
    records = [
        {
            "text": f"{teaser}\n\nStory {i} opens here with its own news on Monday.\n\nMore.",
            "published": "2011-03-23",
        }
        for i in range(3)
    ]
    records.append({"text": "Own headline\nA single article.", "title": teaser})
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Repository(tmp_path / "lib.db") as repo:
        assert import_paths(repo, [feed], workers=1).ok
        titles = sorted(article.title for article in repo.articles())
        assert titles == [
            "Story 0 opens here with its own news on Monday.",
            "Story 1 opens here with its own news on Monday.",
            "Story 2 opens here with its own news on Monday.",
            teaser,  # the file's own title is kept
        ]
