"""Command line: ``timeline-app [--db PATH] SUBCOMMAND ...``; with no subcommand, the GUI.

Each subcommand lives in a small module of this package exposing
``register(subparsers)``; handlers take the parsed arguments and return an exit
code. Heavy imports (Qt, the store) happen inside handlers, so ``--help`` is fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from timeline_app import __version__

# Order here is the order shown in ``--help``.
SUBCOMMAND_MODULES = ("tag", "evaluate", "library", "events", "gui")


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="Timeline Reader: turn news articles into a dated, zoomable timeline.",
    )
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite database to use (default: $TIMELINE_APP_DB or the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"timeline_app.cli.{name}")
        module.register(subparsers)
    return parser


def subcommand_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Map of subcommand name to its parser (used by the docs tests)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``timeline-app``; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        args = parser.parse_args([*(["--db", args.db] if args.db else []), "gui"])
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
