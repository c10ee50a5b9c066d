"""User-level operations shared by the CLI and the GUI: import, re-tag, set a date.

They take a ``Repository`` and plain values and return plain reports, so the
same code runs from ``timeline-app ingest``, the GUI's import worker and the
tests, with no window and no terminal.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline_app.analysis import analyse
from timeline_app.articles import Article, ParsedArticle, PublishedSource
from timeline_app.events.furniture import Furniture, find_furniture
from timeline_app.events.importance import event_day
from timeline_app.events.model import Event
from timeline_app.ingest.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_RECORD_BYTES
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem
from timeline_app.ingest.parallel import WorkerDied, run_in_order
from timeline_app.ingest.pipeline import (
    FileTask,
    LineTask,
    PreparedArticle,
    RecordTask,
    TaskOutcome,
    init_worker,
    run_task,
)
from timeline_app.ingest.pubdate import published_problem_of, with_publication_date
from timeline_app.ingest.readers import (
    expand_paths,
    is_record_file,
    is_streamable_jsonl,
    iter_path,
    jsonl_lines,
    shown_path,
)
from timeline_app.resources import seeds_dir
from timeline_app.store.repository import Repository
from timeline_app.story import StoryChange, refresh_happenings
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
    limits: tuple[int, int],
    report: ImportReport,
) -> list[FileTask | RecordTask | LineTask]:
    """Files become tasks, and so does each record of a JSON/JSONL file (to spread them
    over the workers). A JSON Lines file is only indexed here (a task per line's
    place); a JSON document is parsed here, within the size limit per file.

    ``limits`` is (bytes per file, bytes per article). A folder that cannot be
    listed is a failure, not an empty folder.
    """
    max_bytes, max_record_bytes = limits
    tasks: list[FileTask | RecordTask | LineTask] = []

    def unreadable(folder: Path, message: str) -> None:
        report.failures.append(ImportFailure(shown_path(folder), message))

    for path in expand_paths(paths, exclude=_database_files(repo), unreadable=unreadable):
        shown = shown_path(path)
        if not is_record_file(path) or not path.exists():
            tasks.append(FileTask(str(path), max_bytes, max_record_bytes))
            continue
        try:
            if is_streamable_jsonl(path):
                for line in jsonl_lines(path, max_bytes, max_record_bytes):
                    if isinstance(line, RecordProblem):
                        report.failures.append(
                            ImportFailure(f"{shown} ({line.where})", line.message)
                        )
                    else:
                        tasks.append(LineTask(str(path), *line, max_record_bytes))
                continue
            for item in iter_path(path, max_bytes, max_record_bytes):
                if isinstance(item, RecordProblem):
                    where = f"{shown} ({item.where})" if item.where else shown
                    report.failures.append(ImportFailure(where, item.message))
                else:
                    tasks.append(RecordTask(item.path or shown, item))
        except ReaderError as error:
            report.failures.append(ImportFailure(shown, str(error)))
        except Exception as error:  # a reader bug must not end the whole import
            message = f"unexpected error: {type(error).__name__}: {error}"
            report.failures.append(ImportFailure(shown, message))
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
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> ImportReport:
    """Import files and folders; every bad file is reported and the others still import.

    Reading and tagging run on ``workers`` processes (default: all cores);
    this process writes, in transactions holding whole articles, so killing
    the import at any moment loses nothing committed and a re-run completes
    the rest without duplicates. ``group=False`` leaves cross-article grouping
    to a later :func:`regroup` (one pass after several imports). Articles
    are noted as awaiting grouping in the transaction that stores them, and
    any import groups whatever an interrupted one left ungrouped.
    """
    report = ImportReport()
    tasks = _tasks_for(repo, paths, (max_bytes, max_record_bytes), report)
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
        name_articles(repo)
    owed = repo.regroup_pending() if group else []
    if owed:
        regroup(repo, owed)
    if report.imported:
        repo.optimize()
    return report


# A title this many articles of a library take from their texts is a page's
# teaser ("2 men charged in death of Chicago teen ..."), not their title.
SHARED_TITLE = 3


def name_articles(repo: Repository) -> int:
    """Title the untitled, and retitle articles whose title is a teaser many share.

    Titles read from a file's metadata are kept; only titles the machine took
    from the text move on to the text's next sentence. Returns how many changed.
    """
    from timeline_app.ingest.titles import title_from_text

    changed = repo.fill_missing_titles(title_from_text)
    shared = repo.articles_with_shared_titles(SHARED_TITLE)
    avoid = {title for _, title, _ in shared}
    with repo.transaction():
        for article_id, title, text in shared:
            if title_from_text(text) != title:
                continue  # not taken from the text: the file's own title stays
            better = title_from_text(text, avoid)
            if better != title:
                repo.set_title(article_id, better)
                changed += 1
    return changed


WORKER_DIED_MESSAGE = (
    "the worker process handling this file died (out of memory or a crash); "
    "nothing from it was stored, import it again to retry"
)


def _task_label(task: FileTask | RecordTask | LineTask) -> str:
    return shown_path(task.path) if isinstance(task, FileTask) else task.label


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
    try:
        _write_batch(repo, pending, report)
    except (sqlite3.DataError, sqlite3.IntegrityError, ValueError):
        # One article the database refuses must not cost the others of its
        # batch: write them one by one and report the one that fails.
        for label, prepared in pending:
            try:
                _write_batch(repo, [(label, prepared)], report)
            except (sqlite3.DataError, sqlite3.IntegrityError, ValueError) as error:
                message = f"could not be stored: {type(error).__name__}: {error}"
                report.failures.append(ImportFailure(label, message))
    pending.clear()


def _write_batch(
    repo: Repository, batch: list[tuple[str, PreparedArticle]], report: ImportReport
) -> None:
    imported: list[int] = []
    duplicates: list[str] = []
    warnings: list[ImportWarning] = []
    with repo.transaction():
        for label, prepared in batch:
            article, created = repo.add_analysed_article(
                prepared.parsed,
                prepared.content_hash,
                prepared.timex_values,
                prepared.event_values,
                prepared.furniture,
            )
            if created:
                imported.append(article.id)
                if prepared.parsed.published_problem:
                    problem = prepared.parsed.published_problem
                    warnings.append(ImportWarning(label, _problem_warning(problem, article)))
                if prepared.parsed.read_warning:
                    warnings.append(ImportWarning(label, prepared.parsed.read_warning))
            else:
                duplicates.append(label)
        repo.mark_regroup_pending(imported)
    report.imported += imported
    report.duplicates += duplicates
    report.warnings += warnings


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
    former_days: Collection[date] = (),
) -> None:
    """Recompute which events of different articles report the same happening.

    With ``article_ids``, only the neighbourhood those articles' events can
    affect is regrouped (their events, events overlapping them in time, and
    whole groups touched, including ``former_groups`` their previous events
    were in), and only the happenings there or on the days touched (also
    ``former_days``, named by their previous events) are re-weighed: a date
    change in a library of 100,000 events stays quick. A large share of the
    library, or no ids, regroups everything.
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
    if scope is None or article_ids is None:
        refresh_happenings(repo)
    else:
        refresh_happenings(
            repo, _story_change(repo, events, article_ids, former_groups, former_days)
        )
    repo.clear_regroup_pending(None if scope is None else article_ids)


def _story_change(
    repo: Repository,
    regrouped: Sequence[Event],
    article_ids: Collection[int],
    former_groups: Collection[int],
    former_days: Collection[date],
) -> StoryChange:
    """What a local regroup changed: the articles' events and the events that changed group.

    ``regrouped`` carry their group from before the regroup; the neighbourhood
    can be most of the library (a span "since 2009" overlaps everything), so
    only the events whose group really changed are handed on.
    """
    articles = set(article_ids)
    now = repo.group_ids([event.id for event in regrouped])
    moved = [e for e in regrouped if e.article_id in articles or now.get(e.id) != e.group_id]
    groups = {g for e in moved for g in (e.group_id, now.get(e.id)) if g is not None}
    return StoryChange(
        events=frozenset(event.id for event in moved),
        groups=frozenset(groups | set(former_groups)),
        days=frozenset(former_days),
    )


def _story_footprint(repo: Repository, article_id: int) -> tuple[set[int], set[date]]:
    """The groups an article's events are in and the days they name, before they change."""
    events = repo.events(article_ids=[article_id], include_hidden=True)
    groups = {event.group_id for event in events if event.group_id is not None}
    return groups, {day for event in events if (day := event_day(event)) is not None}


def set_publication_date(repo: Repository, article_id: int, published: date) -> None:
    """The user's date for an article: stored apart, and its events re-resolved against it."""
    former_groups, former_days = _story_footprint(repo, article_id)
    repo.set_published(article_id, published, PublishedSource.USER, "set by the user")
    article = repo.article(article_id)
    timexes, events = analyse(article.text, published, PublishedSource.USER)
    repo.replace_analysis(article_id, timexes, events)
    regroup(repo, [article_id], former_groups, former_days)


def clear_publication_date(repo: Repository, article_id: int) -> None:
    """Forget the user's date: the machine's date shows again and events follow it."""
    former_groups, former_days = _story_footprint(repo, article_id)
    repo.clear_published_correction(article_id)
    article = repo.article(article_id)
    timexes, events = analyse(article.text, article.published, article.published_source)
    repo.replace_analysis(article_id, timexes, events)
    regroup(repo, [article_id], former_groups, former_days)


RetagResult = tuple[int, ParsedArticle | None, list[Timex], list[Event], list[Furniture]]


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
    # Found here, in the worker, for both the events and the store (as an import does).
    furniture = find_furniture(text)
    timexes, events = analyse(text, published, source, furniture=furniture)
    return article_id, redated, timexes, events, furniture


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
    name_articles(repo)
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
        for article_id, redated, timexes, events, furniture in batch:
            if redated is not None and redated.published is not None:
                repo.set_published(
                    article_id,
                    redated.published,
                    redated.published_source,
                    redated.published_reason,
                    redated.published_confidence,
                )
            repo.replace_analysis(article_id, timexes, events, furniture)
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
