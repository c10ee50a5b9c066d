"""``key-dates``: the most important days of the library's story, each with a short summary.

Days are ranked by their most important happening (``events.key_dates``); the
output lists them in date order, as text, JSON, CSV or a curated TimelineJS
story (one slide per day).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TextIO

from timeline_app.cli.events import _date_bounds, printable
from timeline_app.cli.library_access import open_repository, search_filter


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} key dates: ask for at least 1")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``key-dates`` to the command line."""
    parser = subparsers.add_parser(
        "key-dates",
        help="the most important days of the story, each with a short summary",
        description="The K most important days (a day is as important as the most important "
        "happening dated to it: how many articles and outlets report it, how often the "
        "library comes back to its date), in date order, each with 1-3 sentences from "
        "different articles, the number of articles reporting it and its happenings.",
    )
    parser.add_argument(
        "--count",
        type=_positive,
        metavar="K",
        help="how many days (default: from the library's size, about 20)",
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_date_bounds,
        metavar="DATE",
        help="only days from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=_date_bounds,
        metavar="DATE",
        help="only days up to the end of DATE (inclusive)",
    )
    parser.add_argument(
        "--search",
        type=search_filter,
        metavar="TEXT",
        help="only days with an event whose text matches (blank: all)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "csv", "timelinejs"],
        default="text",
        help="default: text; timelinejs is a curated story, one slide per key date",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write even over a read-only file or through a link (refused otherwise)",
    )
    parser.set_defaults(handler=run_key_dates)


def _write_text(key_dates, articles, stream: TextIO) -> None:
    for key in key_dates:
        headline = key.happenings[0].headline if key.happenings else ""
        print(
            f"{key.day.isoformat()}  {key.reports} articles  score {key.score:.2f}  "
            f"{printable(headline)}",
            file=stream,
        )
        for sentence, article_id in zip(key.summary, key.summary_articles, strict=True):
            article = articles.get(article_id)
            name = article.title or article.source if article is not None else ""
            print(f"    - {printable(sentence)}  [a{article_id} {printable(name)}]", file=stream)


def run_key_dates(args: argparse.Namespace) -> int:
    from timeline_app.export.destination import write_file
    from timeline_app.export.key_dates import (
        ArticleRef,
        write_key_dates_csv,
        write_key_dates_json,
        write_key_dates_timelinejs,
    )
    from timeline_app.story import key_dates

    with open_repository(args, "read") as repo:
        chosen = key_dates(
            repo,
            count=args.count,
            start=args.date_from[0] if args.date_from else None,
            end=args.date_to[1] if args.date_to else None,
            search=args.search,
        )
        wanted = {a for key in chosen for a in key.summary_articles}
        articles = {
            article.id: ArticleRef(article.id, article.title, article.source, article.url)
            for article in (repo.article(article_id) for article_id in sorted(wanted))
        }

    def write(stream: TextIO) -> None:
        if args.format == "json":
            write_key_dates_json(chosen, articles, stream)
        elif args.format == "csv":
            write_key_dates_csv(chosen, stream)
        elif args.format == "timelinejs":
            write_key_dates_timelinejs(chosen, articles, stream)
        else:
            _write_text(chosen, articles, stream)

    if args.output:
        try:
            write_file(args.output, write, force=args.force)
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"wrote {len(chosen)} key dates as {args.format} to {args.output}", file=sys.stderr)
    else:
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(encoding="utf-8", newline="" if args.format == "csv" else None)
        write(sys.stdout)
        sys.stdout.flush()  # a full disk under stdout shows here, for cli.main to report
    if not chosen:
        print("no dated day events in that range", file=sys.stderr)
    return 0
