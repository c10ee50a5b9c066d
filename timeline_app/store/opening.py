"""Opening a library file: the one place that decides whether a path may be
created, written or only read, and whether what is there is an intact library.

The command line and the window both come here, so a typo in ``--db`` never
silently starts an empty library (only ``Access.CREATE`` creates one: ``ingest``,
and the window after asking), and a damaged, foreign, read-only or unreadable
file is met with a plain :class:`LibraryError` whose text is meant for the user,
not a traceback from deep inside SQLite.

Reading needs no write access: when the file or its folder is not writable (WAL
wants to create ``PATH-shm`` beside it), a read opens the file read-only, and
immutable as a last resort, instead of failing.
"""

from __future__ import annotations

import enum
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from timeline_app.store.schema import MIGRATIONS, migrate

# The tables that hold what the user cannot get back by re-importing, then the
# machine's output; checked one by one when the whole file does not pass.
LIBRARY_TABLES = ("articles", "article_corrections", "event_corrections", "events", "timexes")
# A quick check reads every page once: ~0.3 s for a 37 MB library on a loaded
# 2-core machine. Past this budget the rest is assumed intact (never blocks a start).
CHECK_BUDGET_S = 3.0


class Access(enum.Enum):
    """What the caller is going to do with the library."""

    READ = "read"  # must exist; read-only (or immutable) when it cannot be written
    WRITE = "write"  # must exist and be writable, with its folder
    CREATE = "create"  # created with its folders when missing (``ingest``, the window)


class LibraryError(sqlite3.DatabaseError):
    """A library that cannot be used as asked; ``str()`` is the message for the user.

    A ``sqlite3.DatabaseError``, so every caller already prepared for a database
    that fails (the window's workers, its open dialog) reports it as such.
    """

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)


class LibraryMissing(LibraryError):
    """No file at the path, and the caller may not create one."""


class NotALibrary(LibraryError):
    """The file is not an SQLite database (a text file, a truncated header) or not ours."""


class LibraryReadOnly(LibraryError):
    """The library (or its folder) cannot be written, and the caller needs to write."""


class LibraryDamaged(LibraryError):
    """The file fails SQLite's integrity check; ``report`` says what can still be read."""

    def __init__(self, path: str | Path, report: IntegrityReport) -> None:
        super().__init__(path, report.describe(Path(path)))
        self.report = report


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of the quick check: SQLite's complaints and what is still readable."""

    problems: tuple[str, ...] = ()
    readable: dict[str, int] = field(default_factory=dict)  # table -> rows read intact
    damaged: dict[str, int] = field(default_factory=dict)  # table -> rows read before failing
    finished: bool = True  # False: the time budget ran out first (assumed intact)

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self, path: Path) -> str:
        """One paragraph for the user: damaged tables, what reads, how to recover."""
        if self.ok:
            return f"{path} passed the integrity check"
        parts = [f"the library {path} is damaged (SQLite: {self.problems[0]})."]
        if self.damaged:
            damaged = ", ".join(
                f"{name} ({rows:,} rows readable before the damage)" if rows else name
                for name, rows in self.damaged.items()
            )
            parts.append(f"Damaged tables: {damaged}.")
        if self.readable:
            intact = ", ".join(f"{name} ({rows:,} rows)" for name, rows in self.readable.items())
            parts.append(f"Intact: {intact}.")
        if "events" in self.readable:
            parts.append(f"Export the events first: timeline-app --db {path} export -o saved.csv.")
        parts.append(
            "To recover, move the file aside and re-import your articles into a new library "
            "(timeline-app --db NEW.db ingest FOLDER). Nothing is written to a damaged library."
        )
        return " ".join(parts)


def _sqlite_uri(path: Path, **options: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return f"file:{quote(str(path.resolve()))}?{query}"


def _writable(path: Path) -> bool:
    """Can this process write the file and create its ``-wal``/``-shm`` beside it?"""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    wal_files_ok = all(
        os.access(extra, os.W_OK)
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm"))
        if extra.exists()
    )
    return folder_ok and wal_files_ok and os.access(path, os.W_OK)


def _read_only_reason(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    return (
        f"its folder {path.parent} is not writable (SQLite keeps {path.name}-wal and "
        f"{path.name}-shm beside the library while it is open)"
    )


def _not_sqlite(path: Path) -> NotALibrary:
    return NotALibrary(
        path,
        f"{path} is not a Timeline Reader library: it is not a database SQLite can "
        "read (or its first page is damaged). Check the --db path; if it was a library, "
        "re-import the articles into a new one with 'timeline-app --db NEW.db ingest'.",
    )


def _refuse_unopenable(path: Path) -> None:
    """A folder or an unreadable file, told apart without opening it.

    Never ``open()`` a library file to peek at it: closing any descriptor of it
    drops every POSIX lock this process's SQLite connections hold on it (see
    ``live_files``). SQLite itself says when a file is no database.
    """
    if path.is_dir():
        raise NotALibrary(path, f"{path} is a folder, not a library file")
    if not os.access(path, os.R_OK):
        raise LibraryReadOnly(path, f"cannot read the library {path}: permission denied")


def _connect(path: Path, access: Access) -> tuple[sqlite3.Connection, bool]:
    """A connection and whether it is read-only, after the existence and access checks."""
    exists = path.exists()
    if not exists and access is not Access.CREATE:
        raise LibraryMissing(
            path,
            f"no library at {path}: check the path, or create one by importing "
            f"articles: timeline-app --db {path} ingest PATH",
        )
    if exists:
        _refuse_unopenable(path)
        if not _writable(path):
            if access is not Access.READ:
                raise LibraryReadOnly(
                    path, f"cannot change the library {path}: {_read_only_reason(path)}."
                )
            return _connect_read_only(path), True
    else:
        _make_folder_for(path)
    return sqlite3.connect(str(path), timeout=30, check_same_thread=False), False


def _make_folder_for(path: Path) -> None:
    """Create the new library's folders, or say plainly why it cannot be created."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryReadOnly(
            path, f"cannot create the library {path}: {error.strerror} ({error.filename})"
        ) from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise LibraryReadOnly(
            path, f"cannot create the library {path}: its folder {path.parent} is not writable"
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only when SQLite can share the ``-shm``; immutable when nothing can be written.

    Immutable skips the write-ahead log, so it is used only when no ``-wal`` with
    content lies beside the file (a cleanly closed library has none).
    """
    wal = Path(f"{path}-wal")
    conn = sqlite3.connect(
        _sqlite_uri(path, mode="ro"), uri=True, timeout=30, check_same_thread=False
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if wal.exists() and wal.stat().st_size > 0:
            raise LibraryReadOnly(
                path,
                f"cannot read the library {path}: {_read_only_reason(path)}, and it holds "
                "changes not yet folded into the file (the -wal file). Open it once where "
                "it can be written, or copy the folder somewhere writable.",
            ) from None
    return sqlite3.connect(
        _sqlite_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False
    )


def _use_wal(db: Database, attempts: int = 300) -> None:
    """Switch the file to WAL once (it persists); retry while another opener holds it.

    Changing the journal mode needs the database to itself and SQLite does
    not wait for that on its own, so two processes opening a brand-new
    library at the same moment would otherwise see "database is locked".
    """
    for _ in range(attempts):
        if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        try:
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.1)
    raise sqlite3.OperationalError("could not switch the database to WAL: it stays locked")


def _count_rows(conn: sqlite3.Connection, table: str) -> tuple[int, bool]:
    """Rows read by a full scan of ``table``, and whether the scan reached the end."""
    rows = 0
    try:
        for _row in conn.execute(f'SELECT * FROM "{table}"'):  # names: LIBRARY_TABLES
            rows += 1
    except sqlite3.DatabaseError:
        return rows, False
    return rows, True


def check_integrity(conn: sqlite3.Connection, budget_s: float = CHECK_BUDGET_S) -> IntegrityReport:
    """SQLite's ``quick_check`` within ``budget_s``; on failure, which tables still read.

    ``quick_check`` reads every page and checks the b-trees (not the indexes
    against their tables, which ``integrity_check`` adds at many times the cost).
    """
    deadline = time.monotonic() + budget_s
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        lines = [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error):
            return IntegrityReport(finished=False)
        lines = [str(error)]
    except sqlite3.DatabaseError as error:
        lines = [str(error)]
    finally:
        conn.set_progress_handler(None, 0)
    if lines == ["ok"]:
        return IntegrityReport()
    readable: dict[str, int] = {}
    damaged: dict[str, int] = {}
    for table in LIBRARY_TABLES:
        rows, complete = _count_rows(conn, table)
        (readable if complete else damaged)[table] = rows
    return IntegrityReport(problems=tuple(lines), readable=readable, damaged=damaged)


def _refuse_foreign_database(db: Database, path: Path) -> None:
    """An SQLite file with tables but none of ours is someone else's database."""
    names = set(db.table_names())
    if names and "articles" not in names and not MIGRATIONS.applied(db):
        raise NotALibrary(
            path,
            f"{path} is an SQLite database but not a Timeline Reader library "
            f"(its tables: {', '.join(sorted(names)[:5])}); nothing was changed.",
        )


@dataclass
class OpenedDatabase:
    """A database ready to use, and how it was opened."""

    db: Database
    read_only: bool
    damage: IntegrityReport | None  # set when the check found damage (reads only)


def open_library_database(
    path: str | Path, access: Access = Access.CREATE, *, check: bool = False
) -> OpenedDatabase:
    """Open (creating only for ``Access.CREATE``) a library with WAL, foreign keys, migrations.

    ``check`` runs the quick integrity check first: a damaged library raises
    :class:`LibraryDamaged` unless the caller only reads, who gets the report
    in ``damage`` and may still read what is intact. Raises :class:`LibraryError`
    subclasses with messages for the user.
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        read_only = False
    else:
        conn, read_only = _connect(Path(path), access)
    db = Database(conn)
    try:
        return _prepare(db, Path(str(path)), access, read_only=read_only, check=check)
    except BaseException:
        db.close()
        raise


def _prepare(
    db: Database, path: Path, access: Access, *, read_only: bool, check: bool
) -> OpenedDatabase:
    db.execute("PRAGMA busy_timeout = 30000")
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise _not_sqlite(path) from None
        if "malformed" not in str(error):
            raise
    try:
        damage = check_integrity(db.conn) if check and str(path) != ":memory:" else None
    except sqlite3.DatabaseError as error:
        if "not a database" not in str(error) and "malformed" not in str(error):
            raise
        damage = IntegrityReport(problems=(str(error),))
    if damage is not None and not damage.ok:
        if access is not Access.READ:
            raise LibraryDamaged(path, damage)
    else:
        damage = None
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        _refuse_foreign_database(db, path)
        if not read_only:
            _use_wal(db)
            # WAL makes NORMAL durable across application crashes (kill -9); only
            # an OS crash or power loss can lose the last transactions.
            db.execute("PRAGMA synchronous = NORMAL")
    if read_only and MIGRATIONS.pending(db):
        raise LibraryReadOnly(
            path,
            f"the library {path} was made by an older version and needs upgrading, "
            f"which needs write access: {_read_only_reason(path)}.",
        )
    if damage is None:
        migrate(db)
    return OpenedDatabase(db=db, read_only=read_only, damage=damage)
