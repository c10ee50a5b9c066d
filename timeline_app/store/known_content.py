"""A read-only look at which contents a library already holds, for import workers.

Workers must not write (only the importing process does), but asking "is
this article already stored?" before tagging it lets a re-run after a crash
skip the work already done. Every failure here just answers "no": the
writer's unique content hash is what really refuses duplicates.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class KnownContent:
    """Content hashes present in a library file, looked up read-only."""

    def __init__(self, db_path: str | Path | None) -> None:
        self._conn: sqlite3.Connection | None = None
        if db_path and str(db_path) != ":memory:" and Path(db_path).exists():
            uri = Path(db_path).resolve().as_uri() + "?mode=ro"
            try:
                self._conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            except sqlite3.Error:
                self._conn = None

    def __contains__(self, content_hash: str) -> bool:
        if self._conn is None:
            return False
        try:
            row = self._conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        except sqlite3.Error:
            return False
        return row is not None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
