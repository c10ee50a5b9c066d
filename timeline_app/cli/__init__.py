"""Command line: ``timeline-app [--db PATH] COMMAND [--db PATH] ...``; no command: the GUI.

Each subcommand lives in a small module of this package exposing
``register(subparsers)``; handlers take the parsed arguments and return an exit
code. Registering one is one line: its module name in ``SUBCOMMAND_MODULES``.
The global options (``GLOBAL_OPTIONS``) are then accepted before or after it
without the module doing anything. Heavy imports (Qt, the store) happen inside
handlers, so ``--help`` is fast. ``main`` turns what can go wrong outside the
program (a missing, damaged or read-only library, a full disk) into one plain
message: no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import re
import sqlite3
import sys
from collections.abc import Sequence

from timeline_app import __version__

# Order here is the order shown in ``--help``.
SUBCOMMAND_MODULES = ("tag", "evaluate", "library", "events", "key_dates", "gui")

# Options every subcommand takes, before or after its name: (flags, add_argument keywords).
GLOBAL_OPTIONS: tuple[tuple[tuple[str, ...], dict], ...] = (
    (
        ("--db",),
        {
            "metavar": "PATH",
            "help": "SQLite library to use (default: $TIMELINE_APP_DB or the user data folder)",
        },
    ),
)

# Exit codes: 1 something failed, 2 refused (bad usage, no such library).
EXIT_FAILED = 1
EXIT_REFUSED = 2


def _add_global_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """The global options on the main parser (default None) or a subcommand's.

    On a subcommand the default is SUPPRESS, so a value given before the
    subcommand is kept when it is not repeated after it.
    """
    for flags, keywords in GLOBAL_OPTIONS:
        options = dict(keywords)
        if not top_level:
            options["default"] = argparse.SUPPRESS
        parser.add_argument(*flags, **options)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="Timeline Reader: turn news articles into a dated, zoomable timeline. "
        "Every command takes --db PATH, before or after the command's name.",
    )
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    _add_global_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"timeline_app.cli.{name}")
        module.register(subparsers)
    for subparser in subcommand_parsers(parser).values():
        _add_global_options(subparser, top_level=False)
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
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full disk under stdout is reported here, not at exit
        return code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _discard_stdout()
        return 0
    except Exception as error:  # the last resort: a plain message, never a traceback
        message, code = plain_error(error, getattr(args, "db", None))
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return code


def plain_error(error: Exception, db: str | None) -> tuple[str | None, int]:
    """The user's message and exit code for an error from outside the program, or None."""
    from timeline_app.store.opening import LibraryError, LibraryMissing

    if isinstance(error, LibraryError):
        return str(error), EXIT_REFUSED if isinstance(error, LibraryMissing) else EXIT_FAILED
    if isinstance(error, sqlite3.DatabaseError):
        return _database_message(error, db), EXIT_FAILED
    if isinstance(error, OSError):
        if error.filename is None and error.errno in _STREAM_ERRNOS:
            _discard_stdout()
            return f"cannot write to standard output: {os.strerror(error.errno)}", EXIT_FAILED
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}", EXIT_FAILED
    return None, EXIT_FAILED


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_STREAM_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EPIPE, errno.EBADF}


def _database_message(error: sqlite3.DatabaseError, db: str | None) -> str:
    from timeline_app.config import database_path

    path = database_path(db)
    # SQLite may quote a damaged row ("Could not decode to UTF-8 column 'text' with
    # text '...'"): article text is untrusted, so one line, no control characters, short.
    text = _CONTROL.sub("?", " ".join(str(error).split()))
    text = text if len(text) <= 160 else text[:159] + "…"
    if "readonly" in text or "read-only" in text:
        return (
            f"cannot change the library {path}: it is read-only (check the permissions of "
            f"the file and of its folder, which must let SQLite create {path.name}-wal)"
        )
    if any(sign in text for sign in ("malformed", "not a database", "corrupt", "Could not decode")):
        return (
            f"the library {path} is damaged ({text}); reading stopped at the damage. "
            "Move the file aside and re-import your articles into a new library "
            f"(timeline-app --db NEW.db ingest FOLDER); 'timeline-app --db {path} articles' "
            "says which tables can still be read."
        )
    if "locked" in text or "busy" in text:
        return f"the library {path} is busy: another program holds it; try again ({text})"
    return f"the library {path} could not be used: {text}"


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the exit's final flush cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
