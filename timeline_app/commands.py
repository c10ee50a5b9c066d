"""User-level operations shared by the CLI and the GUI: import, re-tag, set a date.

They take a ``Repository`` and plain values and return plain reports, so the
same code runs from ``timeline-app ingest``, the GUI's import worker and the
tests, with no window and no terminal.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline_app.analysis import analyse
from timeline_app.articles import Article, ParsedArticle, PublishedSource
from timeline_app.events.model import Event
from timeline_app.ingest.decoding import DEFAULT_MAX_BYTES
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem
from timeline_app.ingest.parallel import WorkerDied, run_in_order
from timeline_app.ingest.pipeline import (
    FileTask,
    PreparedArticle,
    RecordTask,
    TaskOutcome,
    init_worker,
    run_task,
)
from timeline_app.ingest.pubdate import published_problem_of, with_publication_date
from timeline_app.ingest.readers import expand_paths, is_record_file, read_path
from timeline_app.resources import seeds_dir
from timeline_app.store.repository import Repository
from timeline_app.story import refresh_happenings
from timeline_app.temporal.timex import Timex

ProgressCallback = Callable[[int, int, str], None]

# Writes are batched: one transaction per this many articles or seconds,
# whichever comes first. Each batch holds whole articles only.
BATCH_ARTICLES = 200
BATCH_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A file (or record) that could not be imported, and why, in words for the user."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """An article that was imported, but with a problem the user should hear of.

    E.g. a ``Date:`` header that is no real date: the article is dated from
    its text instead, and the message names the header so it can be fixed.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    """Outcome of an import: new article ids, contents already present, failures, warnings."""

    imported: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    warnings: list[ImportWarning] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing failed (warnings do not count: their articles were imported)."""
        return not self.failures and not self.cancelled

    def summary(self) -> str:
        text = (
            f"imported {len(self.imported)}, already present {len(self.duplicates)}, "
            f"failed {len(self.failures)}"
        )
        if self.warnings:
            text += f", with warnings {len(self.warnings)}"
        return text + (" (cancelled)" if self.cancelled else "")


def _database_files(repo: Repository) -> list[Path]:
    if str(repo.path) == ":memory:":
        return []
    main = Path(repo.path)
    return [main, *(main.with_name(main.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def _tasks_for(
    repo: Repository,
    paths: Iterable[str | os.PathLike[str]],
    max_bytes: int,
    report: ImportReport,
) -> list[FileTask | RecordTask]:
    """Files become tasks; JSON/JSONL files are read here so their records spread over workers."""
    tasks: list[FileTask | RecordTask] = []
    for path in expand_paths(paths, exclude=_database_files(repo)):
        if not is_record_file(path) or not path.exists():
            tasks.append(FileTask(str(path), max_bytes))
            continue
        try:
            items = read_path(path, max_bytes)
        except ReaderError as error:
            report.failures.append(ImportFailure(str(path), str(error)))
            continue
        except Exception as error:  # a reader bug must not end the whole import
            message = f"unexpected error: {type(error).__name__}: {error}"
            report.failures.append(ImportFailure(str(path), message))
            continue
        for item in items:
            if isinstance(item, RecordProblem):
                where = f"{path} ({item.where})" if item.where else str(path)
                report.failures.append(ImportFailure(where, item.message))
            else:
                tasks.append(RecordTask(item.path or str(path), item))
    return tasks


def import_paths(
    repo: Repository,
    paths: Sequence[str | os.PathLike[str]],
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    group: bool = True,
) -> ImportReport:
    """Import files and folders; every bad file is reported and the others still import.

    Reading and tagging run on ``workers`` processes (default: all cores);
    this process writes, in transactions holding whole articles, so killing
    the import at any moment loses nothing committed and a re-run completes
    the rest without duplicates. ``group=False`` leaves cross-article grouping
    to a later :func:`regroup` (one pass after several imports).
    """
    report = ImportReport()
    tasks = _tasks_for(repo, paths, max_bytes, report)
    total = len(tasks)
    pending: list[tuple[str, PreparedArticle]] = []
    last_write = time.monotonic()
    results = run_in_order(
        run_task,
        tasks,
        workers=workers,
        initializer=init_worker,
        initargs=(str(repo.path),),
    )
    try:
        for done, outcome in enumerate(results, start=1):
            if isinstance(outcome, WorkerDied):
                outcome = TaskOutcome(
                    _task_label(outcome.task),
                    problems=[(_task_label(outcome.task), WORKER_DIED_MESSAGE)],
                )
            _collect(outcome, pending, report)
            if len(pending) >= BATCH_ARTICLES or time.monotonic() - last_write >= BATCH_SECONDS:
                _write(repo, pending, report)
                last_write = time.monotonic()
            if progress is not None:
                progress(done, total, outcome.label)
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
        _write(repo, pending, report)
    finally:
        # Stops the worker pool when cancelled or on an error; work prepared but
        # not yet written is dropped whole, and a re-run picks it up.
        results.close()
    if report.imported:
        if group:
            regroup(repo, report.imported)
        repo.optimize()
    return report


WORKER_DIED_MESSAGE = (
    "the worker process handling this file died (out of memory or a crash); "
    "nothing from it was stored, import it again to retry"
)


def _task_label(task: FileTask | RecordTask) -> str:
    return task.path if isinstance(task, FileTask) else task.label


def _collect(
    outcome: TaskOutcome, pending: list[tuple[str, PreparedArticle]], report: ImportReport
) -> None:
    report.failures += [ImportFailure(where, message) for where, message in outcome.problems]
    report.duplicates += outcome.already_present
    pending += [(article.parsed.path or outcome.label, article) for article in outcome.articles]


def _write(
    repo: Repository, pending: list[tuple[str, PreparedArticle]], report: ImportReport
) -> None:
    """Store a batch of prepared articles in one transaction, then empty the batch.

    The report learns about the batch only once it is committed, so a failed
    write never claims articles that were rolled back.
    """
    if not pending:
        return
    imported: list[int] = []
    duplicates: list[str] = []
    warnings: list[ImportWarning] = []
    with repo.transaction():
        for label, prepared in pending:
            article, created = repo.add_analysed_article(
                prepared.parsed,
                prepared.content_hash,
                prepared.timex_values,
                prepared.event_values,
            )
            if created:
                imported.append(article.id)
                if prepared.parsed.published_problem:
                    problem = prepared.parsed.published_problem
                    warnings.append(ImportWarning(label, _problem_warning(problem, article)))
            else:
                duplicates.append(label)
    report.imported += imported
    report.duplicates += duplicates
    report.warnings += warnings
    pending.clear()


def _problem_warning(problem: str, article: Article) -> str:
    """The warning for an article whose own date was unusable: what was wrong, what was done."""
    if article.published is None:
        return f"{problem}; imported undated (the text names no date either)"
    confidence = article.published_confidence
    how = article.published_source.value + (
        f", confidence {confidence:.2f}" if confidence is not None else ""
    )
    return f"{problem}; imported, dated {article.published.isoformat()} from the text ({how})"


def regroup(
    repo: Repository,
    article_ids: Collection[int] | None = None,
    former_groups: Collection[int] = (),
) -> None:
    """Recompute which events of different articles report the same happening.

    With ``article_ids``, only the neighbourhood those articles' events can
    affect is regrouped (their events, events overlapping them in time, and
    whole groups touched, including ``former_groups`` their previous events
    were in): a date change in a library of 100,000 events stays quick.
    A large share of the library, or no ids, regroups everything.
    """
    from timeline_app.events import group_events

    scope: list[int] | None = None
    if article_ids is not None and len(article_ids) * 4 < repo.article_count():
        events = repo.grouping_neighbourhood(article_ids, former_groups)
        scope = [event.id for event in events]
    else:
        events = repo.events(include_hidden=True)
    texts = repo.article_texts({event.article_id for event in events})
    repo.set_groups(group_events(events, texts), scope)
    refresh_happenings(repo)


def _groups_of(repo: Repository, article_id: int) -> set[int]:
    events = repo.events(article_ids=[article_id], include_hidden=True)
    return {event.group_id for event in events if event.group_id is not None}


def set_publication_date(repo: Repository, article_id: int, published: date) -> None:
    """The user's date for an article: stored apart, and its events re-resolved against it."""
    former_groups = _groups_of(repo, article_id)
    repo.set_published(article_id, published, PublishedSource.USER, "set by the user")
    article = repo.article(article_id)
    timexes, events = analyse(article.text, published, PublishedSource.USER)
    repo.replace_analysis(article_id, timexes, events)
    regroup(repo, [article_id], former_groups)


def clear_publication_date(repo: Repository, article_id: int) -> None:
    """Forget the user's date: the machine's date shows again and events follow it."""
    former_groups = _groups_of(repo, article_id)
    repo.clear_published_correction(article_id)
    article = repo.article(article_id)
    timexes, events = analyse(article.text, article.published, article.published_source)
    repo.replace_analysis(article_id, timexes, events)
    regroup(repo, [article_id], former_groups)


RetagResult = tuple[int, ParsedArticle | None, list[Timex], list[Event]]


RetagItem = tuple[int, str, str, date | None, PublishedSource, bool, str]


def _retag_task(item: RetagItem) -> RetagResult:
    """Worker side of :func:`retag_all`: re-infer a machine date if allowed, then tag."""
    article_id, text, title, published, source, may_reinfer, problem = item
    redated = None
    if may_reinfer:
        unread = ParsedArticle(text=text, title=title, published_problem=problem)
        redated = with_publication_date(unread)
        if redated.published is None:
            redated = None  # nothing found now: keep whatever date the article had
        else:
            published, source = redated.published, redated.published_source
    timexes, events = analyse(text, published, source)
    return article_id, redated, timexes, events


def retag_all(
    repo: Repository, progress: ProgressCallback | None = None, workers: int | None = None
) -> int:
    """Re-tag every article (after the rules change); returns how many were re-tagged.

    Dates the machine found in a dateline or inferred (or could not find) are
    found again with the new rules; dates from metadata and dates the user set
    are kept. User corrections of events are re-applied to the fresh output.
    """
    refindable = {PublishedSource.INFERRED, PublishedSource.DATELINE, PublishedSource.UNKNOWN}
    items: list[RetagItem] = [
        (
            a.id,
            a.text,
            a.title,
            a.published,
            a.published_source,
            a.published_source in refindable,
            published_problem_of(a.published_reason),
        )
        for a in repo.articles()
    ]
    from timeline_app.ingest.titles import title_from_text

    repo.fill_missing_titles(title_from_text)
    count = 0
    batch: list[RetagResult] = []
    results = run_in_order(_retag_task, items, workers=workers)
    try:
        for done, result in enumerate(results, start=1):
            if isinstance(result, WorkerDied):
                continue  # that article keeps its previous analysis
            batch.append(result)
            if len(batch) >= BATCH_ARTICLES:
                count += _write_retagged(repo, batch)
            if progress is not None:
                progress(done, len(items), f"article {result[0]}")
    finally:
        results.close()
        count += _write_retagged(repo, batch)
    if count:
        regroup(repo)
        repo.optimize()
    return count


def _write_retagged(repo: Repository, batch: list[RetagResult]) -> int:
    """Store a batch of re-tagged articles in one transaction, then empty the batch."""
    written = len(batch)
    with repo.transaction():
        for article_id, redated, timexes, events in batch:
            if redated is not None and redated.published is not None:
                repo.set_published(
                    article_id,
                    redated.published,
                    redated.published_source,
                    redated.published_reason,
                    redated.published_confidence,
                )
            repo.replace_analysis(article_id, timexes, events)
    batch.clear()
    return written


def ensure_seeded(
    repo: Repository,
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
) -> ImportReport | None:
    """Import the bundled sample articles into an empty library (first launch)."""
    if repo.article_count() > 0:
        return None
    return import_paths(repo, [seeds_dir()], progress=progress, workers=workers)
