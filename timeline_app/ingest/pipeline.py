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
from timeline_app.ingest.decoding import DEFAULT_MAX_BYTES
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem
from timeline_app.ingest.pubdate import with_publication_date
from timeline_app.ingest.readers import read_path
from timeline_app.ingest.titles import article_title
from timeline_app.store import codec
from timeline_app.store.codec import content_hash
from timeline_app.store.known_content import KnownContent


@dataclass(frozen=True, slots=True)
class FileTask:
    """Read this file (and tag what it holds)."""

    path: str
    max_bytes: int = DEFAULT_MAX_BYTES


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
    timexes, events = analyse(dated.text, dated.published, dated.published_source)
    return PreparedArticle(
        dated,
        digest or content_hash(dated.text),
        [codec.timex_values(t) for t in timexes],
        [codec.event_values(e) for e in events],
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


def run_task(task: FileTask | RecordTask) -> TaskOutcome:
    """Read (for files), date and tag; every problem becomes a message, never an exception."""
    if isinstance(task, RecordTask):
        outcome = TaskOutcome(task.label)
        _prepare_into(outcome, task.label, task.article)
        return outcome
    outcome = TaskOutcome(task.path)
    try:
        items = read_path(Path(task.path), task.max_bytes)
    except ReaderError as error:
        outcome.problems.append((task.path, str(error)))
        return outcome
    except Exception as error:  # a reader bug must not end the whole import
        outcome.problems.append((task.path, f"unexpected error: {type(error).__name__}: {error}"))
        return outcome
    for item in items:
        if isinstance(item, RecordProblem):
            where = f"{task.path} ({item.where})" if item.where else task.path
            outcome.problems.append((where, item.message))
        else:
            _prepare_into(outcome, item.path or task.path, item)
    return outcome


def _prepare_into(outcome: TaskOutcome, label: str, parsed: ParsedArticle) -> None:
    digest = content_hash(parsed.text)
    if digest in _known:
        outcome.already_present.append(label)
        return
    try:
        outcome.articles.append(prepare_article(parsed, digest))
    except Exception as error:  # a tagging bug must not end the whole import
        outcome.problems.append((label, f"tagging failed: {type(error).__name__}: {error}"))
