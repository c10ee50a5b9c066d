"""Work done for each file or record before it reaches the store: read, date, tag.

These functions run in worker processes (spawned, so they only take and
return picklable values) or in the calling process for small imports. The
store is written only by the calling process, a whole article per write.
"""

from __future__ import annotations

import multiprocessing
import signal
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from timeline_app.analysis import analyse
from timeline_app.articles import ParsedArticle
from timeline_app.events.furniture import Furniture, find_furniture
from timeline_app.ingest.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_RECORD_BYTES
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem
from timeline_app.ingest.pubdate import with_publication_date
from timeline_app.ingest.readers import read_jsonl_line, read_path, shown_path
from timeline_app.ingest.titles import article_title
from timeline_app.store import codec
from timeline_app.store.codec import content_hash
from timeline_app.store.known_content import KnownContent


@dataclass(frozen=True, slots=True)
class FileTask:
    """Read this file (and tag what it holds)."""

    path: str
    max_bytes: int = DEFAULT_MAX_BYTES
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES


@dataclass(frozen=True, slots=True)
class LineTask:
    """Read, date and tag the record on one line of a JSON Lines file.

    Only the line's place travels to the worker, so the importing process
    never holds a JSON Lines file's records.
    """

    path: str
    number: int
    offset: int
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES

    @property
    def label(self) -> str:
        return f"{shown_path(self.path)} (line {self.number})"


@dataclass(frozen=True, slots=True)
class RecordTask:
    """Tag this already-read article (a record of a JSON/JSONL file)."""

    label: str
    article: ParsedArticle


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to store: dated, tagged, its events built, as database rows.

    Rows (plain tuples, see ``store.codec``) rather than domain objects: they
    cross the process boundary cheaply and leave the writing process
    nothing to do but write.
    """

    parsed: ParsedArticle
    content_hash: str
    timex_values: list[tuple[Any, ...]]
    event_values: list[tuple[Any, ...]]
    # Page furniture found where the tagging ran (the writer need not look again).
    furniture: list[Furniture] | None = None


@dataclass(slots=True)
class TaskOutcome:
    """What one task produced; ``problems`` are (where, message) pairs."""

    label: str
    articles: list[PreparedArticle] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)


def prepare_article(parsed: ParsedArticle, digest: str | None = None) -> PreparedArticle:
    """Date and tag one article."""
    titled = replace(parsed, title=article_title(parsed.text, parsed.title))
    dated = with_publication_date(titled)
    furniture = find_furniture(dated.text)
    timexes, events = analyse(
        dated.text, dated.published, dated.published_source, furniture=furniture
    )
    return PreparedArticle(
        dated,
        digest or content_hash(dated.text),
        [codec.timex_values(t) for t in timexes],
        [codec.event_values(e) for e in events],
        furniture,
    )


# Which contents the target library already holds (read-only, one per worker
# process), so a re-run skips tagging articles that are already stored.
_known = KnownContent(None)


def init_worker(db_path: str | None) -> None:
    """Pool initializer: look at the library read-only (None for in-memory databases)."""
    global _known
    if multiprocessing.parent_process() is not None:
        # Ctrl-C is the parent's to handle (it stops the pool); workers would
        # otherwise each print a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _known.close()
    _known = KnownContent(db_path)


def run_task(task: FileTask | RecordTask | LineTask) -> TaskOutcome:
    """Read (for files), date and tag; every problem becomes a message, never an exception."""
    if isinstance(task, RecordTask):
        outcome = TaskOutcome(task.label)
        _prepare_into(outcome, task.label, task.article)
        return outcome
    if isinstance(task, LineTask):
        outcome = TaskOutcome(task.label)
        try:
            item = read_jsonl_line(Path(task.path), task.number, task.offset, task.max_record_bytes)
        except Exception as error:  # a reader bug must not end the whole import
            item = RecordProblem("", f"unexpected error: {type(error).__name__}: {error}")
        if isinstance(item, RecordProblem):
            outcome.problems.append((task.label, item.message))
        else:
            _prepare_into(outcome, item.path or task.label, item)
        return outcome
    shown = shown_path(task.path)
    outcome = TaskOutcome(shown)
    try:
        items = read_path(Path(task.path), task.max_bytes, task.max_record_bytes)
    except ReaderError as error:
        outcome.problems.append((shown, str(error)))
        return outcome
    except Exception as error:  # a reader bug must not end the whole import
        outcome.problems.append((shown, f"unexpected error: {type(error).__name__}: {error}"))
        return outcome
    for item in items:
        if isinstance(item, RecordProblem):
            where = f"{shown} ({item.where})" if item.where else shown
            outcome.problems.append((where, item.message))
        else:
            _prepare_into(outcome, item.path or shown, item)
    return outcome


def _prepare_into(outcome: TaskOutcome, label: str, parsed: ParsedArticle) -> None:
    try:
        digest = content_hash(parsed.text)
        if digest in _known:
            outcome.already_present.append(label)
            return
        outcome.articles.append(prepare_article(parsed, digest))
    except Exception as error:  # one article's bug must not end the whole import
        outcome.problems.append((label, f"tagging failed: {type(error).__name__}: {error}"))
