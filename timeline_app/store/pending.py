"""Grouping still owed: articles stored by an import that has not grouped them yet.

An import writes articles in batches and groups them once at the end; a kill
in between used to leave them ungrouped for good, since a re-run finds every
article already present. The ids are noted in the batch's own transaction and
removed once grouping has run, so whichever import comes next finishes the job.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlite_utils import Database


class PendingRegroupMixin:
    """Methods of ``Repository`` for the ``pending_regroup`` table."""

    db: Database

    def mark_regroup_pending(self, article_ids: Collection[int]) -> None:
        """Note that these articles still need grouping (call inside their write)."""
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO pending_regroup (article_id) VALUES (?)",
            [(int(article_id),) for article_id in article_ids],
        )

    def regroup_pending(self) -> list[int]:
        """Articles stored but never grouped, oldest first."""
        cursor = self.db.execute("SELECT article_id FROM pending_regroup ORDER BY article_id")
        return [row[0] for row in cursor.fetchall()]

    def clear_regroup_pending(self, article_ids: Collection[int] | None = None) -> None:
        """Grouping has run for these articles (all of them when None)."""
        with self.db.atomic():
            if article_ids is None:
                self.db.execute("DELETE FROM pending_regroup")
            else:
                self.db.conn.executemany(
                    "DELETE FROM pending_regroup WHERE article_id = ?",
                    [(int(article_id),) for article_id in article_ids],
                )
