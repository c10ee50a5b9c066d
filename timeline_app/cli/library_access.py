"""Opening the library for a command: the right access, and damage said plainly.

The decisions (create or refuse, read-only fallback, the integrity check)
are the store's (``store.opening``); this only picks the access a command
needs and tells the user when a library opened for reading is damaged.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Literal

from timeline_app.config import database_path

if TYPE_CHECKING:
    from timeline_app.store.repository import Repository


def open_repository(
    args: argparse.Namespace, access: Literal["read", "write", "create"]
) -> Repository:
    """The library of ``--db`` (or the default one), opened for ``access`` and checked.

    The store is imported only here, so ``--help`` stays fast. Raises
    ``store.opening.LibraryError`` (missing, read-only, damaged, not a library)
    with a message for the user, which ``cli.main`` prints.
    """
    from timeline_app.store.opening import Access
    from timeline_app.store.repository import Repository

    repo = Repository(database_path(args.db), access=Access(access), check=True)
    if repo.damage is not None:
        print(f"warning: {repo.damage.describe(database_path(args.db))}", file=sys.stderr)
    return repo


def search_filter(text: str) -> str | None:
    """``--search`` value: blank means no filter; text with no word to look for is refused."""
    if not text.strip():
        return None
    if not re.search(r"\w", text):
        raise argparse.ArgumentTypeError(
            f"{text!r} has no words to search for (searches match whole words and their starts)"
        )
    return text
