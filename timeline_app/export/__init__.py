"""Writing events out: CSV (formula-safe), JSON and TimelineJS.

``export_events(repo, fmt, path_or_stream, **filters)`` is what the CLI and the
GUI call; ``rows`` and the ``write_*`` functions are the parts.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol, TextIO

from timeline_app.articles import Article
from timeline_app.events.model import Event
from timeline_app.export.rows import FIELDS, ExportRow, rows
from timeline_app.export.writers import (
    neutralise_cell,
    write_csv,
    write_json,
    write_timelinejs,
)

FORMATS = ("csv", "json", "timelinejs")

__all__ = [
    "FIELDS",
    "FORMATS",
    "ExportRow",
    "export_events",
    "neutralise_cell",
    "rows",
    "write_csv",
    "write_json",
    "write_timelinejs",
]


class EventStore(Protocol):
    """The part of the Repository an export reads."""

    def article(self, article_id: int) -> Article: ...

    def events(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        search: str | None = None,
        article_ids: Collection[int] | None = None,
        include_hidden: bool = False,
        limit: int | None = None,
    ) -> list[Event]: ...


def _writer(fmt: str, bom: bool) -> Callable[[Sequence[ExportRow], TextIO], None]:
    if fmt == "csv":
        return lambda selected, stream: write_csv(selected, stream, bom=bom)
    if fmt == "json":
        return write_json
    if fmt == "timelinejs":
        return write_timelinejs
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def export_events(
    repo: EventStore,
    fmt: str,
    path_or_stream: str | os.PathLike[str] | TextIO,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    search: str | None = None,
    article_ids: Collection[int] | None = None,
    include_hidden: bool = False,
    bom: bool = False,
) -> int:
    """Write the events matching the filters in ``fmt``; returns how many were written.

    A path is written atomically (a temporary file renamed into place), so a
    failed export never leaves half a file where the user's old one was.
    """
    write = _writer(fmt, bom)
    selected = rows(
        repo,
        repo.events(
            start=start,
            end=end,
            search=search,
            article_ids=article_ids,
            include_hidden=include_hidden,
        ),
    )
    if not isinstance(path_or_stream, str | os.PathLike):
        write(selected, path_or_stream)
        return len(selected)
    target = Path(path_or_stream)
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            write(selected, stream)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; an export is a normal file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(selected)
