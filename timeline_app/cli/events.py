"""Event subcommands: ``events`` (print them) and ``export`` (write CSV, JSON, TimelineJS).

Both take the same filters: ``--from``/``--to`` (inclusive, YYYY, YYYY-MM or
YYYY-MM-DD), ``--search`` and ``--article`` (repeatable).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from datetime import datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from timeline_app.cli.library_access import open_repository, search_filter

# C0/C1 control characters (ESC starts terminal escape sequences) and bidi
# overrides: article text is untrusted and must not drive or disguise the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print to a terminal: control characters shown as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _date_bounds(text: str) -> tuple[datetime, datetime]:
    """``(first moment, moment after the last)`` of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        start = datetime(year or 1, month or 1, day or 1)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date: {error}") from None
    step = relativedelta(days=1) if day else relativedelta(months=1) if month else None
    return start, start + (step or relativedelta(years=1))


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_date_bounds,
        metavar="DATE",
        help="only events still going on at or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=_date_bounds,
        metavar="DATE",
        help="only events begun by the end of DATE (inclusive)",
    )
    parser.add_argument(
        "--search",
        type=search_filter,
        metavar="TEXT",
        help="only events whose text matches (blank: all)",
    )
    parser.add_argument(
        "--article",
        dest="articles",
        type=int,
        action="append",
        metavar="ID",
        help="only events of this article (repeat for several)",
    )
    parser.add_argument("--include-hidden", action="store_true", help="also events the user hid")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``events`` and ``export`` to the command line."""
    events = subparsers.add_parser(
        "events",
        help="print the dated events of the library",
        description="Print events in date order: dates, precision, kind, article and label. "
        "Time expressions that date no event (durations, sets, 'recently') are counted "
        "at the end and listed with --undated.",
    )
    _add_filters(events)
    events.add_argument(
        "--explain", action="store_true", help="add each event's explanation and confidence"
    )
    events.add_argument(
        "--undated", action="store_true", help="list the time expressions that are no events"
    )
    events.add_argument(
        "--inside",
        action="store_true",
        help="with --from/--to: only events dated inside the range, not the spans and months "
        "running through it (listed after them otherwise)",
    )
    events.set_defaults(handler=run_events)

    export = subparsers.add_parser(
        "export",
        help="export events to CSV, JSON or TimelineJS",
        description="Write the events (same filters as 'events') in date order. CSV is "
        "RFC 4180 UTF-8 with cells a spreadsheet would execute neutralised.",
    )
    _add_filters(export)
    export.add_argument(
        "--format", choices=["csv", "json", "timelinejs"], default="csv", help="default: csv"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write here (default: standard output)"
    )
    export.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 BOM (Excel)")
    export.add_argument(
        "--force",
        action="store_true",
        help="write even over a read-only file, and through a symbolic or hard link, pipe "
        "or device into what it names, in place (refused otherwise)",
    )
    export.add_argument(
        "--merge-groups",
        action="store_true",
        help="one row per group of events reporting the same happening (its most confident "
        "member, naming the other articles)",
    )
    export.add_argument(
        "--undated",
        action="store_true",
        help="write the undated list instead (durations, sets, vague or unresolved "
        "expressions, with the reason; csv or json; only --article applies)",
    )
    export.set_defaults(handler=run_export)


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "start": args.date_from[0] if args.date_from else None,
        "end": args.date_to[1] if args.date_to else None,
        "search": args.search,
        "article_ids": args.articles,
        "include_hidden": args.include_hidden,
    }


def run_events(args: argparse.Namespace) -> int:
    from timeline_app.events import is_event_timex
    from timeline_app.export.rows import date_range

    with open_repository(args, "read") as repo:
        filters = _filters(args)
        # Events dated inside the range first; spans merely running through it after.
        events = repo.events(**filters, inside_first=True)
        start, end = filters["start"], filters["end"]
        inside = [
            e
            for e in events
            if (start is None or e.start >= start) and (end is None or e.end <= end)
        ]
        through = len(events) - len(inside)
        if args.inside:
            events = inside
        for event in events:
            first, last = date_range(event)
            when = first if first == last else f"{first} .. {last}"
            group = f" group {event.group_id}" if event.group_id else ""
            hidden = " hidden" if event.hidden else ""
            print(
                f"{when:<24} {event.precision.name.lower():<7} {event.kind.value:<7} "
                f"#{event.id} a{event.article_id}{group}{hidden}  {printable(event.label)}"
            )
            if args.explain:
                explanation = printable(event.explanation)
                print(f"{'':<24} confidence {event.confidence:.2f}: {explanation}")
        # Dated timexes folded into another event of their sentence are not "undated".
        undated = [
            (article_id, timex)
            for article_id, timex in repo.undated(article_ids=args.articles)
            if not is_event_timex(timex)
        ]
        ranged = start is not None or end is not None
        detail = (
            f" ({len(inside)} dated inside the range, {through} running through it"
            f"{', left out' if args.inside else ', listed after them'})"
            if ranged and through
            else ""
        )
        print(
            f"{len(events)} events{detail}; {len(undated)} undated time expressions",
            file=sys.stderr,
        )
        if args.undated:
            for article_id, timex in undated:
                expression = printable(" ".join(timex.text.split()))
                print(f"undated a{article_id}  {printable(timex.value):<12} {expression}")
    return 0


def _utf8_stdout():
    """Standard output as UTF-8 without newline translation (CSV brings its own CRLFs)."""
    # A stream that cannot be reconfigured (a test harness's) is used as it is.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    return sys.stdout


def run_export(args: argparse.Namespace) -> int:
    from timeline_app.export import export_events, export_undated

    if args.undated and args.format == "timelinejs":
        print(
            "error: the undated list has no dates to draw; use --format csv or json",
            file=sys.stderr,
        )
        return 2
    with open_repository(args, "read") as repo:
        target = args.output or _utf8_stdout()
        try:
            if args.undated:
                count = export_undated(
                    repo,
                    args.format,
                    target,
                    article_ids=args.articles,
                    bom=args.bom,
                    force=args.force,
                )
            else:
                count = export_events(
                    repo,
                    args.format,
                    target,
                    bom=args.bom,
                    merge_groups=args.merge_groups,
                    force=args.force,
                    **_filters(args),
                )
            if not args.output:
                target.flush()  # a full disk under stdout shows here
        except OSError as error:
            if not args.output:
                raise  # cli.main reports standard output's errors
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
    what = "undated expressions" if args.undated else "events"
    destination = args.output or "standard output"
    print(f"exported {count} {what} as {args.format} to {destination}", file=sys.stderr)
    return 0
