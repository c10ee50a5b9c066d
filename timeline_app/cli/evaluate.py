"""``timeline-app evaluate``: TempEval-3 scores of the tagger on TimeML gold files."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score the tagger on TimeML gold files (TempEval-3 metrics)",
        description="Tag the raw text of each .tml file with its DCT and print strict and "
        "relaxed span F1, type F1 and value F1 as JSON.",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD_DIR", help=".tml files or folders")
    parser.add_argument("--errors", action="store_true", help="also list every error")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("evaluate: not available yet")
