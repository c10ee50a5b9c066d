"""Work done for each file or record before it reaches the store: read, date, tag.

These functions run in worker processes (spawned, so they only take and
return picklable values) or in the calling process for small imports. The
store is written only by the calling process, a whole article per write.
"""

from __future__ import annotations

import multiprocessing
import signal
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.articles import ParsedArticle
from timeline_app.ingest.dates import ALTERNATIVE_KEY
from timeline_app.ingest.decoding import DEFAULT_MAX_BYTES
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem
from timeline_app.ingest.readers import read_path
from timeline_app.ingest.titles import article_title
from timeline_app.store import codec
from timeline_app.store.codec import content_hash
from timeline_app.store.known_content import KnownContent

NO_DATE_REASON = "no date in metadata, dateline or text"


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


_INSTEAD = "dated from the text instead: "


def published_problem_of(reason: str) -> str:
    """The unusable-header note a stored reason starts with ("header 'Date:
    2024-02-30' is not a real date ..."), or "" when it has none; re-dating an
    article keeps saying why its file's own date was not used."""
    for tail in (f"; {_INSTEAD}", f"; {NO_DATE_REASON}"):
        if tail in reason:
            return reason.split(tail, 1)[0]
    return ""


def with_publication_date(parsed: ParsedArticle) -> ParsedArticle:
    """Fill in a missing publication date: the dateline first, then inference from the text.

    A metadata date that reads two ways ("03-02-2009") is settled the same
    way: the reading nearer the date the text itself suggests wins.
    """
    from timeline_app.ingest.pubdate import find_dateline, infer_publication_date

    if parsed.published is not None:
        alternative = parsed.extra.get(ALTERNATIVE_KEY)
        if not alternative:
            return parsed
        return _settle_day_month(parsed, date.fromisoformat(alternative))

    finding = find_dateline(parsed.text) or infer_publication_date(parsed.text, parsed.title)
    # A header that held no real date is named first: the reason must say why
    # the file's own date was not used.
    prefix = f"{parsed.published_problem}; " if parsed.published_problem else ""
    if finding is None:
        return replace(parsed, published_reason=prefix + NO_DATE_REASON)
    if prefix:
        prefix += _INSTEAD
    return replace(
        parsed,
        published=finding.date,
        published_source=finding.source,
        published_reason=prefix + finding.reason,
        published_confidence=finding.confidence,
    )


def _settle_day_month(parsed: ParsedArticle, day_first: date) -> ParsedArticle:
    from timeline_app.ingest.pubdate import find_dateline, infer_publication_date

    month_first = parsed.published
    assert month_first is not None
    extra = {k: v for k, v in parsed.extra.items() if k != ALTERNATIVE_KEY}
    finding = find_dateline(parsed.text) or infer_publication_date(parsed.text, parsed.title)
    if finding is None:
        reason = (
            f"{parsed.published_reason}; day and month could be swapped "
            f"({day_first.isoformat()}), nothing in the text decides: month first kept"
        )
        return replace(parsed, published_reason=reason, extra=extra)
    chosen = min(
        (month_first, day_first),
        key=lambda day: (abs((day - finding.date).days), day != month_first),
    )
    other = day_first if chosen == month_first else month_first
    reason = (
        f"{parsed.published_reason}; read as {chosen.isoformat()} rather than "
        f"{other.isoformat()}, nearer the date the text suggests ({finding.reason})"
    )
    return replace(parsed, published=chosen, published_reason=reason, extra=extra)


def prepare_article(parsed: ParsedArticle, digest: str | None = None) -> PreparedArticle:
    """Date and tag one article."""
    from timeline_app.commands import analyse

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
