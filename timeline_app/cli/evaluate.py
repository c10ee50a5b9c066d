"""``timeline-app evaluate``: TempEval-3 scores of the tagger on TimeML gold files."""

from __future__ import annotations

import argparse
import json
import sys
import time


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score the tagger on TimeML gold files (TempEval-3 metrics)",
        description="Tag the raw text of each .tml file with its DCT and print strict and "
        "relaxed span F1, type F1 and value F1 as JSON.",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD_DIR", help=".tml files or folders")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every miss, spurious expression, partial span and wrong type/value",
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=["miss", "spurious", "wrong_type", "wrong_value", "partial_span"],
        help="with --errors: only these kinds (repeatable)",
    )
    parser.add_argument(
        "--summary-errors",
        nargs="?",
        type=int,
        const=30,
        metavar="N",
        help="also the N most frequent error groups (kind, value shape, rule); default 30",
    )
    parser.add_argument(
        "--by-type", action="store_true", help="also the figures per TIMEX type (DATE, TIME...)"
    )
    parser.add_argument(
        "--per-document", action="store_true", help="also the figures of every document"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from timeline_app.evaluation import TimeMLError, evaluate_paths, summarise_errors

    began = time.perf_counter()
    try:
        evaluation = evaluate_paths(args.gold)
    except TimeMLError as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 2
    output: dict[str, object] = evaluation.summary()
    output["seconds"] = round(time.perf_counter() - began, 3)
    if args.summary_errors is not None:
        output["error_summary"] = summarise_errors(evaluation.errors)[: args.summary_errors]
    if args.errors:
        kinds = set(args.kind or [])
        output["errors"] = [
            error.as_dict() for error in evaluation.errors if not kinds or error.kind in kinds
        ]
    if args.by_type:
        output["by_type"] = evaluation.by_type()
    if args.per_document:
        output["documents"] = evaluation.per_document()
    json.dump(output, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0
