"""Library subcommands: ``ingest``, ``articles``, ``set-date``, ``retag``."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Registered by the article library (issue 4)."""
