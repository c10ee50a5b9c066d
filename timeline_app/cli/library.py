"""Library subcommands: ``ingest``, ``articles``, ``set-date``, ``retag``."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from typing import TextIO

from timeline_app.articles import CONFIDENT_PUBLISHED
from timeline_app.cli.events import printable
from timeline_app.cli.library_access import open_repository, search_filter


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the library subcommands to the main parser."""
    ingest = subparsers.add_parser(
        "ingest",
        help="import article files and folders (txt, md, html, json, jsonl, tml)",
        description="Import articles into the library. Folders are read recursively. "
        "The same content twice is reported as already present; a bad file is reported "
        "and the others still import. A date in a file that is no real date (Date: 2024-02-30) "
        "is a warning: the article is imported, dated from its text. "
        "Exit status 1 when anything failed (warnings do not count).",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    ingest.add_argument(
        "--max-size",
        type=float,
        default=50.0,
        metavar="MB",
        help="refuse files larger than this many megabytes (default: 50)",
    )
    ingest.add_argument(
        "--max-record-size",
        type=float,
        default=10.0,
        metavar="MB",
        help="refuse single articles (a JSON/JSONL record, a text file) larger than this "
        "many megabytes (default: 10)",
    )
    ingest.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processes used for reading and tagging (default: all cores)",
    )
    ingest.add_argument(
        "--quiet", action="store_true", help="print only the summary, the failures and the warnings"
    )
    ingest.set_defaults(handler=run_ingest)

    articles = subparsers.add_parser(
        "articles",
        help="list the articles in the library",
        description="List the library: id, publication date and where it came from, "
        "how sure a date read from the article's text is (0..1, '?' marks a guess "
        "under 0.4; blank for metadata and user dates), number of events, title.",
    )
    articles.add_argument(
        "--search",
        type=search_filter,
        metavar="TEXT",
        help="only articles whose words match (blank: all)",
    )
    articles.set_defaults(handler=run_articles)

    set_date = subparsers.add_parser(
        "set-date",
        help="set an article's publication date; its events are re-resolved",
        description="Set the publication date of an article (as the user's date, which "
        "re-tagging never overwrites) and re-resolve its time expressions against it.",
    )
    set_date.add_argument("article", type=int, metavar="ARTICLE", help="article id")
    set_date.add_argument("date", metavar="DATE", help="the date, YYYY-MM-DD")
    set_date.set_defaults(handler=run_set_date)

    retag = subparsers.add_parser(
        "retag",
        help="re-tag every article after the rules change",
        description="Re-tag every article and rebuild its events. Dates the user set and "
        "dates from metadata are kept; user corrections of events are re-applied.",
    )
    retag.add_argument("--workers", type=int, default=None, metavar="N", help="processes")
    retag.set_defaults(handler=run_retag)


class ProgressBar:
    """A one-line progress bar on a terminal; silent when stderr is not a terminal."""

    def __init__(self, stream: TextIO | None = None, label: str = "importing") -> None:
        self.stream = stream if stream is not None else sys.stderr  # as redirected now
        self.label = label
        self.enabled = self.stream.isatty()
        self.last_draw = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int, current: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last_draw < 0.1 and done < total):
            return
        self.last_draw = now
        width = 30
        filled = width * done // max(total, 1)
        current = printable(current)
        name = current if len(current) <= 40 else "…" + current[-39:]
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}"
        )
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def run_ingest(args: argparse.Namespace) -> int:
    from timeline_app.commands import import_paths

    if args.max_size <= 0 or args.max_record_size <= 0:
        print("error: --max-size and --max-record-size must be positive", file=sys.stderr)
        return 2
    bar = ProgressBar()
    with open_repository(args, "create") as repo:
        try:
            report = import_paths(
                repo,
                args.paths,
                progress=bar,
                workers=args.workers,
                max_bytes=int(args.max_size * 1024 * 1024),
                max_record_bytes=int(args.max_record_size * 1024 * 1024),
            )
        finally:
            bar.finish()
    # File names and messages quoting content are untrusted: escape controls.
    if not args.quiet:
        for path in report.duplicates:
            print(f"already present: {printable(path)}")
    for failure in report.failures:
        print(f"failed: {printable(str(failure))}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {printable(str(warning))}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1


def run_articles(args: argparse.Namespace) -> int:
    with open_repository(args, "read") as repo:
        articles = repo.articles(args.search)
        counts = repo.event_counts_by_article()
    for article in articles:
        published = article.published.isoformat() if article.published else "----------"
        source = article.published_source.value
        sure = confidence_text(article.published_confidence)
        title = printable(article.title.replace("\n", " ")) or "(untitled)"
        print(
            f"{article.id:>6}  {published}  {source:<9} {sure:<5}"
            f" {counts.get(article.id, 0):>5}  {title}"
        )
    if not articles:
        print("no articles" + (" match" if args.search else " yet (timeline-app ingest PATH)"))
    return 0


def confidence_text(confidence: float | None) -> str:
    """'0.62' for a date read from the text, '0.08?' for a guess, '' when not applicable."""
    if confidence is None:
        return ""
    return f"{confidence:.2f}" + ("?" if confidence < CONFIDENT_PUBLISHED else "")


def run_set_date(args: argparse.Namespace) -> int:
    from timeline_app.commands import set_publication_date

    try:
        published = date.fromisoformat(args.date)
    except ValueError:
        print(f"error: {args.date!r} is not a date (use YYYY-MM-DD)", file=sys.stderr)
        return 2
    with open_repository(args, "write") as repo:
        try:
            set_publication_date(repo, args.article, published)
        except KeyError:
            print(f"error: no article with id {args.article}", file=sys.stderr)
            return 1
        events = repo.event_counts_by_article().get(args.article, 0)
    print(f"article {args.article}: published {published.isoformat()} (user); {events} events")
    return 0


def run_retag(args: argparse.Namespace) -> int:
    from timeline_app.commands import retag_all

    bar = ProgressBar(label="re-tagging")
    with open_repository(args, "write") as repo:
        try:
            count = retag_all(repo, progress=bar, workers=args.workers)
        finally:
            bar.finish()
        events = repo.event_count()
    print(f"re-tagged {count} articles; {events} events")
    return 0
