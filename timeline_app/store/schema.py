"""Schema versions of the library database, applied with ``sqlite_utils.Migrations``.

Each migration runs in its own transaction, so a database is always at one
whole version. Never edit a migration that has shipped: add a new one.

Layout, and why:

* ``articles`` holds what the machine found (publication date, where it came
  from, and how sure it is when it read the date from the text: the
  nullable ``published_confidence``); ``article_corrections`` holds the date
  a user set, apart, so no re-import or re-tag can overwrite it.
* ``timexes`` and ``events`` are machine output, replaced whole per article.
  Events keep the machine's ``machine_*`` values and the *effective* values
  (``start_s``, ``end_s``, ``precision``, ``hidden``, ``group_id``) that queries
  read; ``event_corrections`` is the user's record, keyed by the article and the
  time expression's character offsets (stable across re-tags, unlike row ids),
  and is re-applied to the effective columns whenever either side changes.
* Times are stored as integer seconds since 1970-01-01 (naive, UTC-like wall
  time) so range queries and density buckets are plain integer arithmetic on
  indexed columns.
* FTS5 indexes article title/text and event label/expression, kept in step by
  triggers; the update trigger only fires when the indexed columns change.
* ``pending_regroup`` lists articles stored but not yet grouped across the
  library; it is written in the same transaction as the articles, so an
  import killed between storing and grouping leaves a note the next import
  acts on.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("timeline_app")

_INITIAL_STATEMENTS = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        published TEXT,
        published_source TEXT NOT NULL DEFAULT 'unknown',
        published_reason TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        imported_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE article_corrections (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        published TEXT NOT NULL,
        published_source TEXT NOT NULL,
        published_reason TEXT NOT NULL,
        corrected_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE timexes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        mod TEXT,
        interval_start TEXT,
        interval_end TEXT,
        precision INTEGER,
        rule TEXT NOT NULL DEFAULT '',
        anchor_kind TEXT NOT NULL DEFAULT 'none',
        anchor_value TEXT
    )
    """,
    "CREATE INDEX timexes_by_article ON timexes(article_id, char_start)",
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        machine_start_s INTEGER NOT NULL,
        machine_end_s INTEGER NOT NULL,
        machine_precision INTEGER NOT NULL,
        machine_group_id INTEGER,
        start_s INTEGER NOT NULL,
        end_s INTEGER NOT NULL,
        precision INTEGER NOT NULL,
        group_id INTEGER,
        hidden INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL,
        timex_start INTEGER NOT NULL,
        timex_end INTEGER NOT NULL,
        expression TEXT NOT NULL,
        value TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        label TEXT NOT NULL,
        confidence REAL NOT NULL,
        explanation TEXT NOT NULL DEFAULT '',
        mod TEXT
    )
    """,
    "CREATE INDEX events_by_time ON events(start_s, end_s)",
    "CREATE INDEX events_by_article ON events(article_id, timex_start, timex_end)",
    "CREATE INDEX events_by_group ON events(group_id)",
    """
    CREATE TABLE event_corrections (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        timex_start INTEGER NOT NULL,
        timex_end INTEGER NOT NULL,
        start_s INTEGER,
        end_s INTEGER,
        precision INTEGER,
        hidden INTEGER,
        ungrouped INTEGER,
        corrected_at TEXT NOT NULL,
        PRIMARY KEY (article_id, timex_start, timex_end)
    )
    """,
)


def _fts_statements(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """External-content FTS5 table plus the triggers that keep it in step."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return (
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={table}, content_rowid=id)",
        f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {table}_fts_update AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
    )


@MIGRATIONS(name="0001_initial_schema")
def _initial_schema(db: Database) -> None:
    statements = (
        *_INITIAL_STATEMENTS,
        *_fts_statements("articles", ("title", "text")),
        *_fts_statements("events", ("label", "expression")),
    )
    for statement in statements:
        db.execute(statement)


@MIGRATIONS(name="0002_fast_event_queries")
def _fast_event_queries(db: Database) -> None:
    """Indexes the timeline's queries can answer from alone, and an R*Tree for time windows.

    Measured at 100,000 events: span, density and per-article counts read only
    these covering indexes instead of the wide event rows; a narrow window is
    found through the R*Tree instead of scanning every earlier start.
    R*Tree coordinates are 32-bit floats rounded outwards, so it returns a
    superset that the exact integer columns then filter.
    """
    for statement in (
        "DROP INDEX events_by_group",
        "DROP INDEX events_by_article",
        "CREATE INDEX events_by_article ON events(article_id, timex_start, timex_end, hidden)",
        "CREATE INDEX events_visible_by_start ON events(hidden, start_s, end_s)",
        "CREATE INDEX events_visible_by_end ON events(hidden, end_s)",
        "CREATE VIRTUAL TABLE events_rtree USING rtree(id, start_s, end_s)",
        "INSERT INTO events_rtree (id, start_s, end_s)"
        " SELECT id, start_s, MAX(start_s, end_s) FROM events",
        "CREATE TRIGGER events_rtree_insert AFTER INSERT ON events BEGIN"
        " INSERT INTO events_rtree (id, start_s, end_s)"
        " VALUES (new.id, new.start_s, MAX(new.start_s, new.end_s)); END",
        "CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN"
        " DELETE FROM events_rtree WHERE id = old.id; END",
        "CREATE TRIGGER events_rtree_update AFTER UPDATE OF start_s, end_s ON events BEGIN"
        " UPDATE events_rtree SET start_s = new.start_s, end_s = MAX(new.start_s, new.end_s)"
        " WHERE id = new.id; END",
    ):
        db.execute(statement)


@MIGRATIONS(name="0003_published_confidence")
def _published_confidence(db: Database) -> None:
    """How sure the machine is of a date it read from an article's own words.

    Nullable: rows of older libraries get NULL, which means "not known" and
    reads the same as a date that needs no confidence (metadata, the user's).
    A re-tag re-infers machine dates and fills it in.
    """
    db.execute("ALTER TABLE articles ADD COLUMN published_confidence REAL")


@MIGRATIONS(name="0004_happenings")
def _happenings(db: Database) -> None:
    """What the story layer knows of each event's happening, stored on every member.

    ``importance`` (comparable within one library; the same for every event
    of a group), ``headline`` (the happening's short clause) and ``reports``
    (distinct articles reporting it) are recomputed for the whole library
    whenever grouping runs. Old rows get the defaults until then (a lone
    event reported once, of no particular importance). The index serves
    "the most important events (in a window)": it is read in importance
    order and the time filter is answered from the index alone.
    """
    for statement in (
        "ALTER TABLE events ADD COLUMN importance REAL NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN headline TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN reports INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX events_by_importance ON events(hidden, importance DESC, start_s, end_s)",
    ):
        db.execute(statement)


@MIGRATIONS(name="0005_article_furniture")
def _article_furniture(db: Database) -> None:
    """Page furniture as marked ranges of each article, and a title for every article.

    Ranges of an article's text that are page furniture (a caption before the
    dateline, social widgets, lists of other stories, reader comments): the
    text is kept whole, the ranges say what to dim and where no event comes
    from. Existing articles get theirs here, and those stored without a title
    get one from their text (the headline they open with, else their first
    sentence); their events follow at the next ``retag``.
    """
    from timeline_app.ingest.titles import title_from_text
    from timeline_app.store.furniture import store_furniture

    db.execute(
        "CREATE TABLE article_furniture ("
        " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
        " char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, kind TEXT NOT NULL,"
        " PRIMARY KEY (article_id, char_start)) WITHOUT ROWID"
    )
    rows = db.execute("SELECT id, title, text FROM articles").fetchall()
    for article_id, title, text in rows:
        store_furniture(db, article_id, text)
        if not title.strip():
            db.execute(
                "UPDATE articles SET title = ? WHERE id = ?", (title_from_text(text), article_id)
            )


@MIGRATIONS(name="0006_pending_regroup")
def _pending_regroup(db: Database) -> None:
    """Articles whose cross-article grouping has not run yet (see ``store.pending``).

    Before: kill -9 right after the last batch was committed left every event
    ungrouped, and re-running the import (all duplicates now) did not repair it.
    """
    db.execute(
        "CREATE TABLE pending_regroup ("
        " article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE)"
    )


def migrate(db: Database) -> None:
    """Bring ``db`` to the newest schema version (no-op when it is already there).

    Several processes may open a new library at once (the GUI and its import
    worker, a CLI import and a viewer), so pending migrations are applied
    under the database write lock (``BEGIN IMMEDIATE`` waits for it) and
    looked up again once it is held: exactly one opener applies each one.
    """
    if not MIGRATIONS.pending(db):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        MIGRATIONS.apply(db)  # each migration nests as a savepoint
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
