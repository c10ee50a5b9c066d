"""Event subcommands: ``events`` and ``export``."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Registered by events and export (issue 5)."""
