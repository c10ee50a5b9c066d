"""The page furniture of each article (captions, widgets, story lists, comments), stored.

Rows of ``article_furniture`` are ranges of the article's text found by
``events.furniture``: kept so the reader can dim them and the story layer can
tell where an event sits without reading every text again. They are derived
from the text alone and replaced with the article's analysis, so a re-tag
brings them up to date with the rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from timeline_app.events.furniture import Furniture, FurnitureKind, find_furniture


def store_furniture(db: Database, article_id: int, text: str) -> None:
    """Replace the stored furniture of one article with what its text shows now."""
    replace_furniture(db, article_id, find_furniture(text))


def replace_furniture(db: Database, article_id: int, furniture: Sequence[Furniture]) -> None:
    db.execute("DELETE FROM article_furniture WHERE article_id = ?", (article_id,))
    db.conn.executemany(
        "INSERT INTO article_furniture (article_id, char_start, char_end, kind)"
        " VALUES (?, ?, ?, ?)",
        [(article_id, item.start, item.end, item.kind.value) for item in furniture],
    )


def stored_furniture(db: Database, article_id: int) -> list[Furniture]:
    """An article's furniture, sorted by start (as ``furniture_kind_at`` needs it)."""
    rows = db.execute(
        "SELECT char_start, char_end, kind FROM article_furniture WHERE article_id = ?"
        " ORDER BY char_start",
        (article_id,),
    ).fetchall()
    return [Furniture(start, end, FurnitureKind(kind)) for start, end, kind in rows]
