"""``timeline-app gui``: open the desktop window."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``gui`` (also what ``timeline-app`` with no command runs)."""
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop timeline (the default with no command)",
        description="Open the desktop timeline. On first launch with an empty database "
        "the bundled sample article is imported.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Open the window; Qt is imported only now, so ``--help`` stays fast."""
    from timeline_app.gui.app import run_app

    return run_app(db=args.db)
