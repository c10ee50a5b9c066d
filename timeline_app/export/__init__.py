"""Writing events out: CSV (formula-safe), JSON and TimelineJS.

``export_events(repo, fmt, path_or_stream, **filters)`` is what the CLI calls;
``write_events(repo, events, fmt, path_or_stream)`` writes events already chosen
(the GUI's shown list); ``export_undated`` writes the expressions that date no
event; ``rows`` and the ``write_*`` functions are the parts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from typing import Protocol, TextIO

from timeline_app.articles import Article
from timeline_app.events.model import Event
from timeline_app.export.destination import UnsafeTarget, write_file
from timeline_app.export.rows import FIELDS, ExportRow, rows
from timeline_app.export.undated import UNDATED_FIELDS, UndatedSource, undated_rows
from timeline_app.export.writers import (
    neutralise_cell,
    write_csv,
    write_json,
    write_table,
    write_timelinejs,
)

FORMATS = ("csv", "json", "timelinejs")

__all__ = [
    "FIELDS",
    "FORMATS",
    "ExportRow",
    "UnsafeTarget",
    "export_events",
    "export_undated",
    "neutralise_cell",
    "rows",
    "write_csv",
    "write_events",
    "write_json",
    "write_timelinejs",
]


class ArticleStore(Protocol):
    """What writing given events needs: their articles."""

    def article(self, article_id: int) -> Article: ...


class EventStore(ArticleStore, Protocol):
    """The part of the Repository an export reads."""

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


def write_events(
    repo: ArticleStore,
    events: Iterable[Event],
    fmt: str,
    path_or_stream: str | os.PathLike[str] | TextIO,
    *,
    bom: bool = False,
    merge_groups: bool = False,
    force: bool = False,
) -> int:
    """Write ``events`` (e.g. those a GUI list shows) in ``fmt``; returns the row count.

    A path is written atomically (a temporary file renamed into place), so a
    failed export never leaves half a file where the user's old one was; a
    read-only file, a link or a device there is refused unless ``force``.
    """
    write = _writer(fmt, bom)
    selected = rows(repo, events, merge_groups=merge_groups)
    _write_to(path_or_stream, lambda stream: write(selected, stream), force)
    return len(selected)


def _write_to(
    path_or_stream: str | os.PathLike[str] | TextIO,
    write: Callable[[TextIO], None],
    force: bool = False,
) -> None:
    """Call ``write`` on the stream, or write the path safely (``destination.write_file``)."""
    if not isinstance(path_or_stream, str | os.PathLike):
        write(path_or_stream)
        return
    write_file(path_or_stream, write, force=force)


def export_undated(
    repo: UndatedSource,
    fmt: str,
    path_or_stream: str | os.PathLike[str] | TextIO,
    *,
    article_ids: Collection[int] | None = None,
    bom: bool = False,
    force: bool = False,
) -> int:
    """Write the undated list (csv or json): expressions that date no event, and why."""
    if fmt not in ("csv", "json"):
        raise ValueError(f"the undated list exports as csv or json, not {fmt!r}")
    selected = undated_rows(repo, article_ids)
    if fmt == "csv":
        _write_to(
            path_or_stream,
            lambda stream: write_table(UNDATED_FIELDS, selected, stream, bom),
            force,
        )
    else:
        _write_to(path_or_stream, lambda stream: write_json(selected, stream), force)
    return len(selected)


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
    merge_groups: bool = False,
    force: bool = False,
) -> int:
    """Write the stored events matching the filters (as ``Repository.events``) in ``fmt``."""
    _writer(fmt, bom)  # an unknown format fails before the query
    events = repo.events(
        start=start,
        end=end,
        search=search,
        article_ids=article_ids,
        include_hidden=include_hidden,
    )
    return write_events(
        repo, events, fmt, path_or_stream, bom=bom, merge_groups=merge_groups, force=force
    )
