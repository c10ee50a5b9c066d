"""The library database. This package (``repository``, ``corrections``,
``timeline_queries``, ``schema``, ``known_content``) is the only place in the app
that runs SQL.

Everything above it (commands, CLI, GUI, export) works with domain objects
(``Article``, ``Timex``, ``Event``). Machine output (timexes, events) is
replaced whole per article; user corrections live in their own tables and are
re-applied, so re-tagging never erases a user's fix. All SQL is parameterised.

One ``Repository`` is meant for one thread at a time; open another one (on the
same file) for a worker thread. WAL lets readers run while a writer commits.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline_app.articles import Article, ParsedArticle, PublishedSource
from timeline_app.events.furniture import Furniture
from timeline_app.events.model import Event
from timeline_app.store import codec
from timeline_app.store.corrections import APPLY_CORRECTIONS, CorrectionsMixin, _now
from timeline_app.store.furniture import replace_furniture, store_furniture, stored_furniture
from timeline_app.store.opening import Access, IntegrityReport, open_library_database
from timeline_app.store.pending import PendingRegroupMixin
from timeline_app.store.story_queries import StoryQueriesMixin
from timeline_app.store.timeline_queries import (
    TimelineQueriesMixin,
    event_filters,
    where_sql,
)
from timeline_app.temporal.timex import Timex, TimexType

_ARTICLE_SELECT = """
SELECT a.id, a.title, a.text, a.source, a.url, a.path, a.content_hash, a.imported_at,
       COALESCE(c.published, a.published) AS published,
       COALESCE(c.published_source, a.published_source) AS published_source,
       COALESCE(c.published_reason, a.published_reason) AS published_reason,
       CASE WHEN c.article_id IS NULL THEN a.published_confidence END AS published_confidence
FROM articles a LEFT JOIN article_corrections c ON c.article_id = a.id
"""


# Sources whose date the machine read from the article's words, with a confidence.
_READ_FROM_TEXT = (PublishedSource.INFERRED, PublishedSource.DATELINE)


def _machine_confidence(source: PublishedSource, confidence: float | None) -> float | None:
    """The confidence worth storing: only for dates read from the text, clamped to 0..1.

    Metadata and user dates store NULL rather than 1.0: nobody measured
    them, and NULL keeps "how sure" apart from "where from" for old rows too.
    """
    if source not in _READ_FROM_TEXT or confidence is None:
        return None
    return min(1.0, max(0.0, float(confidence)))


class Repository(CorrectionsMixin, TimelineQueriesMixin, StoryQueriesMixin, PendingRegroupMixin):
    """Articles, their machine analysis, and the user's corrections."""

    def __init__(
        self, path: str | Path, *, access: Access = Access.CREATE, check: bool = False
    ) -> None:
        """Open the library at ``path`` as ``opening.open_library_database`` does.

        ``read_only`` tells whether it could only be opened for reading;
        ``damage`` is the integrity report when ``check`` found a damaged
        library that is opened for reading anyway.
        """
        self.path = path
        opened = open_library_database(path, access, check=check)
        self.db = opened.db
        self.read_only: bool = opened.read_only
        self.damage: IntegrityReport | None = opened.damage

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def reopen(self) -> None:
        """Close the connection and open a fresh one on the same file.

        For a long-lived window whose connection may have lost its file locks
        (see ``store.live_files``): a new connection takes them again.
        """
        self.db.close()
        access = Access.READ if self.read_only else Access.WRITE
        self.db = open_library_database(self.path, access).db

    def data_version(self) -> int:
        """A number that changes when another connection commits to the library.

        Cheap (no table is read), so a window can poll it to notice other processes.
        """
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one transaction (nested calls use savepoints)."""
        with self.db.atomic():
            yield

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after imports; ~0.1 s per 100,000 events).

        Not sampled (``analysis_limit``): sampling misjudged the nearly constant
        ``hidden`` column and sent per-article counts back to the slow plan.

        Without them SQLite takes ``hidden = 0`` for a selective filter and
        walks the wrong index: per-article counts at 100,000 events went from
        ~300 ms to ~30 ms once statistics existed.
        """
        self.db.execute("ANALYZE")

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (e.g. before measuring its size)."""
        if str(self.path) != ":memory:":
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # -- articles ----------------------------------------------------------

    def add_article(
        self, parsed: ParsedArticle, *, content_hash: str | None = None
    ) -> tuple[Article, bool]:
        """Store an article; ``(existing, False)`` when the same content is already there.

        ``content_hash`` may be passed when already computed (by an import worker).
        """
        digest = content_hash or codec.content_hash(parsed.text)
        imported_at = _now()
        published = parsed.published.isoformat() if parsed.published else None
        confidence = _machine_confidence(parsed.published_source, parsed.published_confidence)
        cursor = self.db.execute(
            "INSERT INTO articles (title, source, url, path, published, published_source,"
            " published_reason, published_confidence, text, content_hash, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(content_hash) DO NOTHING",
            (
                parsed.title,
                parsed.source,
                parsed.url,
                parsed.path,
                published,
                parsed.published_source.value,
                parsed.published_reason,
                confidence,
                parsed.text,
                digest,
                imported_at,
            ),
        )
        if cursor.rowcount != 1:
            return self.article_by_hash(digest), False
        stored = Article(
            id=cursor.lastrowid,
            title=parsed.title,
            text=parsed.text,
            source=parsed.source,
            url=parsed.url,
            path=parsed.path,
            published=parsed.published,
            published_source=parsed.published_source,
            published_reason=parsed.published_reason,
            content_hash=digest,
            imported_at=datetime.fromisoformat(imported_at),
            published_confidence=confidence,
        )
        return stored, True

    def has_content(self, text: str) -> bool:
        """Whether an article with this content is stored (lets imports skip tagging it)."""
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (codec.content_hash(text),)
        ).fetchone()
        return row is not None

    def article_by_hash(self, digest: str) -> Article:
        rows = self._rows(_ARTICLE_SELECT + " WHERE a.content_hash = ?", (digest,))
        if not rows:
            raise KeyError(f"no article with content hash {digest}")
        return codec.article_from_row(rows[0])

    def article(self, article_id: int) -> Article:
        rows = self._rows(_ARTICLE_SELECT + " WHERE a.id = ?", (article_id,))
        if not rows:
            raise KeyError(f"no article with id {article_id}")
        return codec.article_from_row(rows[0])

    def articles(self, search: str | None = None) -> list[Article]:
        """All articles (oldest import first), or those whose title/text match ``search``.

        A blank search is no filter (the user cleared the box), never "nothing".
        """
        if search is not None and search.strip():
            query = codec.fts_query(search)
            if query is None:
                return []
            rows = self._rows(
                _ARTICLE_SELECT + " WHERE a.id IN (SELECT rowid FROM articles_fts"
                " WHERE articles_fts MATCH ?) ORDER BY a.id",
                (query,),
            )
        else:
            rows = self._rows(_ARTICLE_SELECT + " ORDER BY a.id")
        return [codec.article_from_row(row) for row in rows]

    def article_texts(self, article_ids: Collection[int]) -> dict[int, str]:
        """Texts of some articles by id (what grouping compares), without the rest."""
        rows = self.db.execute(
            "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(int(i) for i in article_ids)),),
        )
        return dict(rows.fetchall())

    def article_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def article_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def delete_article(self, article_id: int) -> None:
        """Remove an article with its analysis and corrections (foreign keys cascade)."""
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def set_published(
        self,
        article_id: int,
        published: date,
        source: PublishedSource = PublishedSource.USER,
        reason: str = "set by the user",
        confidence: float | None = None,
    ) -> None:
        """Record a publication date; a USER date is kept apart and always wins.

        Other sources update the machine's record (e.g. a re-run of inference,
        with its ``confidence``), which stays hidden behind a user's date if
        there is one. While a user's date stands, articles read with no
        confidence: the user is sure.
        """
        self.article(article_id)  # raises KeyError for a missing article
        if source == PublishedSource.USER:
            self.db.execute(
                "INSERT INTO article_corrections"
                " (article_id, published, published_source, published_reason, corrected_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET"
                " published = excluded.published, published_source = excluded.published_source,"
                " published_reason = excluded.published_reason,"
                " corrected_at = excluded.corrected_at",
                (article_id, published.isoformat(), source.value, reason, _now()),
            )
        else:
            self.db.execute(
                "UPDATE articles SET published = ?, published_source = ?, published_reason = ?,"
                " published_confidence = ? WHERE id = ?",
                (
                    published.isoformat(),
                    source.value,
                    reason,
                    _machine_confidence(source, confidence),
                    article_id,
                ),
            )

    def clear_published_correction(self, article_id: int) -> None:
        """Forget the user's date: the machine's date (if any) shows again."""
        self.db.execute("DELETE FROM article_corrections WHERE article_id = ?", (article_id,))

    # -- machine analysis --------------------------------------------------

    def replace_analysis(
        self,
        article_id: int,
        timexes: Sequence[Timex],
        events: Sequence[Event],
        furniture: Sequence[Furniture] | None = None,
    ) -> None:
        """Replace an article's timexes, events and furniture in one transaction.

        An event keeps its id when the new analysis has an event on the same
        time expression (same offsets), so selections and undo entries held by
        the GUI stay valid across a re-tag. User corrections are re-applied.
        ``furniture`` saves finding it in the stored text again when the caller has it.
        """
        with self.db.atomic():
            old_ids: dict[tuple[int, int], int] = {}
            for event_id, start, end in self.db.execute(
                "SELECT id, timex_start, timex_end FROM events WHERE article_id = ? ORDER BY id",
                (article_id,),
            ):
                old_ids.setdefault((start, end), event_id)
            self.db.execute("DELETE FROM timexes WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
            if timexes:
                self._insert_rows("timexes", [codec.timex_to_row(article_id, t) for t in timexes])
            if events:
                rows = []
                for event in events:
                    row = codec.event_to_row(article_id, event)
                    row["id"] = old_ids.pop((event.timex_start, event.timex_end), None)
                    rows.append(row)
                self._insert_rows("events", rows)
            if furniture is not None:
                replace_furniture(self.db, article_id, furniture)
            else:
                stored = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,))
                row = stored.fetchone()
                if row is not None:
                    store_furniture(self.db, article_id, row[0])
            has_corrections = self.db.execute(
                "SELECT 1 FROM event_corrections WHERE article_id = ? LIMIT 1", (article_id,)
            ).fetchone()
            if has_corrections:
                self.db.execute(
                    APPLY_CORRECTIONS.replace("{where}", "article_id = ?"), (article_id,)
                )

    def add_analysed_article(
        self,
        parsed: ParsedArticle,
        content_hash: str,
        timex_values: Sequence[tuple[Any, ...]],
        event_values: Sequence[tuple[Any, ...]],
        furniture: Sequence[Furniture] | None = None,
    ) -> tuple[Article, bool]:
        """The import fast path: a new article and its analysis, rows prepared by workers.

        Rows come from :func:`codec.timex_values` / :func:`codec.event_values`
        (computed where the tagging ran, so this process only writes). Nothing
        is written when the content is already present.
        """
        with self.db.atomic():
            article, created = self.add_article(parsed, content_hash=content_hash)
            if created:
                if furniture is None:
                    store_furniture(self.db, article.id, parsed.text)
                else:
                    replace_furniture(self.db, article.id, furniture)
                self._insert_values("timexes", codec.TIMEX_INSERT_COLUMNS, article.id, timex_values)
                self._insert_values("events", codec.EVENT_INSERT_COLUMNS, article.id, event_values)
        return article, created

    def _insert_values(
        self,
        table: str,
        columns: Sequence[str],
        article_id: int,
        values: Sequence[tuple[Any, ...]],
    ) -> None:
        if not values:
            return
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        self.db.conn.executemany(sql, [(article_id, *row) for row in values])

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert rows that share their keys (``executemany``: the hot path of imports)."""
        columns = list(rows[0])
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        self.db.conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])

    def furniture(self, article_id: int) -> list[Furniture]:
        """The article's page furniture (sorted ranges; see ``events.furniture``)."""
        return stored_furniture(self.db, article_id)

    def articles_with_shared_titles(self, at_least: int) -> list[tuple[int, str, str]]:
        """(id, title, text) of articles whose title ``at_least`` articles share."""
        return self.db.execute(
            "SELECT id, title, text FROM articles WHERE title IN (SELECT title FROM articles"
            " GROUP BY title HAVING COUNT(*) >= ?) ORDER BY id",
            (at_least,),
        ).fetchall()

    def set_title(self, article_id: int, title: str) -> None:
        self.db.execute("UPDATE articles SET title = ? WHERE id = ?", (title, article_id))

    def fill_missing_titles(self, title_for: Callable[[str], str]) -> int:
        """Give every article stored without a title one made from its text; returns how many."""
        rows = self.db.execute("SELECT id, text FROM articles WHERE trim(title) = ''").fetchall()
        with self.db.atomic():
            for article_id, text in rows:
                self.set_title(article_id, title_for(text))
        return len(rows)

    def timexes(self, article_id: int) -> list[Timex]:
        rows = self._rows(
            "SELECT * FROM timexes WHERE article_id = ? ORDER BY char_start, id", (article_id,)
        )
        return [codec.timex_from_row(row) for row in rows]

    # -- events ------------------------------------------------------------

    def _narrow_window(self, start: datetime | None, end: datetime | None) -> bool:
        """Whether ``[start, end)`` is a small part of the timeline (then the R*Tree pays)."""
        if start is None or end is None:
            return False
        span = self.event_span(include_hidden=True)
        if span is None:
            return False
        whole = codec.to_seconds(span[1]) - codec.to_seconds(span[0])
        return (codec.to_seconds(end) - codec.to_seconds(start)) * 4 < whole

    def events(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        search: str | None = None,
        article_ids: Collection[int] | None = None,
        include_hidden: bool = False,
        limit: int | None = None,
        inside_first: bool = False,
    ) -> list[Event]:
        """Events overlapping ``[start, end)``, ordered by start then id, corrections applied.

        ``inside_first`` lists the events dated inside the range first (their
        whole interval in it), then those that merely run through it, narrowest
        first: asked for 17 February, "on 17 February" comes before "in
        February", and "since 1914" comes last.
        """
        filters = event_filters(
            start=start,
            end=end,
            search=search,
            article_ids=article_ids,
            include_hidden=include_hidden,
        )
        if filters is None:
            return []
        clauses, params = filters
        source = "events"
        if self._narrow_window(start, end):
            # Candidates from the R*Tree first (CROSS JOIN fixes that loop order).
            source = (
                "(SELECT id AS candidate FROM events_rtree WHERE start_s < ? AND end_s >= ?)"
                " CROSS JOIN events ON events.id = candidate"
            )
            params = [codec.to_seconds(end), codec.to_seconds(start), *params]
        order = "start_s, id"
        if inside_first and (start is not None or end is not None):
            inside = []
            if start is not None:
                inside.append("start_s >= ?")
                params.append(codec.to_seconds(start))
            if end is not None:
                inside.append("end_s <= ?")
                params.append(codec.to_seconds(end))
            # Inside: 0, ordered by start; through: their length, narrowest first.
            order = f"CASE WHEN {' AND '.join(inside)} THEN 0 ELSE end_s - start_s + 1 END, {order}"
        sql = f"SELECT {codec.EVENT_COLUMNS} FROM {source}{where_sql(clauses)} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [codec.event_from_row(row) for row in self.db.execute(sql, params)]

    def event(self, event_id: int) -> Event:
        row = self.db.execute(
            f"SELECT {codec.EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no event with id {event_id}")
        return codec.event_from_row(row)

    def event_count(self, include_hidden: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM events" + ("" if include_hidden else " WHERE hidden = 0")
        return self.db.execute(sql).fetchone()[0]

    def event_counts_by_article(self) -> dict[int, int]:
        """Visible events per article (articles without events are absent)."""
        return dict(
            self.db.execute(
                "SELECT article_id, COUNT(*) FROM events WHERE +hidden = 0 GROUP BY article_id"
            ).fetchall()
        )

    def event_span(
        self,
        article_ids: Collection[int] | None = None,
        include_hidden: bool = False,
        search: str | None = None,
    ) -> tuple[datetime, datetime] | None:
        """Earliest start and latest end of the visible events, or None when there are none."""
        filters = event_filters(
            article_ids=article_ids, include_hidden=include_hidden, search=search
        )
        if filters is None:
            return None
        clauses, params = filters
        where = where_sql(clauses)
        # Two queries, so each reads one end of a covering index.
        low = self.db.execute(f"SELECT MIN(start_s) FROM events{where}", params).fetchone()[0]
        if low is None:
            return None
        high = self.db.execute(f"SELECT MAX(end_s) FROM events{where}", params).fetchone()[0]
        return codec.from_seconds(low), codec.from_seconds(high)

    def undated(self, article_ids: Collection[int] | None = None) -> list[tuple[int, Timex]]:
        """Time expressions that can date no event (durations, sets, PAST_REF, unresolved ones).

        Exactly the timexes ``is_event_timex`` rejects: a dated expression is
        never listed, even when it gave no event of its own (it repeats the
        moment of another expression in its sentence). The events package
        decides, so the list and the timeline cannot disagree; SQL only skips
        rows that are certainly dated (a resolved DATE/TIME that is no *_REF),
        so a whole library is not decoded to find a few thousand.
        """
        from timeline_app.events import is_event_timex

        sql = (
            "SELECT * FROM timexes t WHERE (t.type NOT IN (?, ?) OR t.interval_start IS NULL"
            " OR t.interval_end IS NULL OR t.precision IS NULL"
            " OR upper(t.value) LIKE '%\\_REF' ESCAPE '\\')"
        )
        params: list[Any] = [TimexType.DATE.value, TimexType.TIME.value]
        if article_ids is not None:
            sql += " AND t.article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(int(i) for i in article_ids)))
        sql += " ORDER BY t.article_id, t.char_start"
        undated = []
        for row in self._rows(sql, params):
            timex = codec.timex_from_row(row)
            if not is_event_timex(timex):
                undated.append((row["article_id"], timex))
        return undated
