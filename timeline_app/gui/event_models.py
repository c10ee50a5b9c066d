"""Qt models of the events: the sortable events table and the undated list.

Like ``models.py``, thin adapters over Repository queries; they add batching,
sorting, incremental updates of single articles and a first-page-now mode for
large libraries (the rest arrives from ``background.EventLoader``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QBrush, QFont

from timeline_app.events.model import Event
from timeline_app.gui.formatting import event_when, plain_tooltip
from timeline_app.gui.models import (
    BATCH_SIZE,
    HIDDEN_COLOUR,
    MUTED_COLOUR,
    ROLE_ID,
    ROLE_SORT,
    ROOT,
    AnyIndex,
    ArticleTitles,
    BatchedRows,
    BatchedTableModel,
    filter_difference,
    reveal_next_batch,
)
from timeline_app.temporal.timex import Timex


class EventTableModel(BatchedTableModel[Event]):
    """The events on the timeline as a sortable table: date, label, article."""

    COLUMNS = ("Date", "Event", "Article")
    DATE, LABEL, ARTICLE = range(3)

    def __init__(self, repo: Any, parent: Any = None, titles: ArticleTitles | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._article_ids: Collection[int] | None = None
        self._include_hidden = False
        self._own_titles = titles is None
        self._titles = titles or ArticleTitles(repo)
        self._groups: dict[int, list[Event]] | None = None  # group id -> its events
        self._story_filter: dict[str, Any] = {}  # search / start / end of the window's filter
        self.loading = False  # True while only a first page is loaded
        self.generation = 0  # bumped by every full (re)load request

    def reload(
        self,
        article_ids: Collection[int] | None = None,
        *,
        include_hidden: bool | None = None,
        first_page_only: bool = False,
    ) -> int:
        """Re-read the events of the included articles; returns the load's generation.

        With ``first_page_only`` just the earliest events are read now and the
        caller delivers the rest to ``finish_loading`` (see ``background.py``).
        """
        self._article_ids = article_ids
        if include_hidden is not None:
            self._include_hidden = include_hidden
        self.generation += 1
        # A search or date range reads few events: at once, not in the background.
        first_page_only = first_page_only and not self._story_filter
        self.loading = first_page_only
        events = self._repo.events(
            article_ids=self._article_ids,
            include_hidden=self._include_hidden,
            limit=BATCH_SIZE if first_page_only else None,
            **self._story_filter,
        )
        if self._own_titles:
            self._titles.refresh()
        self._replace_rows(events)
        return self.generation

    def finish_loading(self, generation: int, events: Sequence[Event]) -> bool:
        """Take the full list of a background load; False if a newer request overtook it."""
        if generation != self.generation or not self.loading:
            return False
        self.loading = False
        self._replace_rows(events, keep_shown=self._rows.shown)
        return True

    def request_args(self) -> tuple[Collection[int] | None, bool]:
        """The filter a background load must use: (article ids, include hidden)."""
        return self._article_ids, self._include_hidden

    def update_articles(self, article_ids: Collection[int]) -> None:
        """Re-read only these articles' events (after a correction or a filter change).

        Cheaper than ``reload`` on a large library: one small query, one sort.
        """
        changed = set(article_ids)
        included = self._article_ids
        wanted = changed if included is None else changed & set(included)
        fresh = (
            self._repo.events(
                article_ids=sorted(wanted),
                include_hidden=self._include_hidden,
                **self._story_filter,
            )
            if wanted
            else []
        )
        kept = [event for event in self._rows.items if event.article_id not in changed]
        shown = self._rows.shown
        self._rows_changed()
        self.beginResetModel()
        self._rows.reset(kept)
        self._insert_sorted(fresh)
        self._rows.shown = min(max(shown, BATCH_SIZE), len(self._rows.items))
        self.endResetModel()

    def _insert_sorted(self, events: Sequence[Event]) -> None:
        """Insert events where the current order puts them (the rest is already in order)."""
        items = self._rows.items
        column = self._sort_column
        descending = column >= 0 and self._sort_order == Qt.SortOrder.DescendingOrder
        if descending:
            items.reverse()
        for event in events:
            if column < 0:
                insort(items, event, key=lambda e: (e.start, e.id))
            else:
                insort(items, event, key=lambda e: self._sort_key(e, column))
        if descending:
            items.reverse()

    def set_article_ids(self, article_ids: Collection[int] | None) -> None:
        """Change the article filter, re-reading only the articles that came or went."""
        before = self._article_ids
        self._article_ids = article_ids
        if changed := filter_difference(before, article_ids, self._titles.ids()):
            self.update_articles(changed)

    def set_story_filter(
        self, search: str | None, start: datetime | None, end: datetime | None
    ) -> None:
        """Keep only events matching ``search`` and overlapping ``[start, end)`` (None:
        no limit), as the timeline does; re-reads the table."""
        wanted = {
            key: value
            for key, value in (("search", search), ("start", start), ("end", end))
            if value is not None
        }
        if wanted != self._story_filter:
            self._story_filter = wanted
            self.reload(self._article_ids)

    def story_filter(self) -> dict[str, Any]:
        """The search and date range the table is filtered by (empty: none)."""
        return dict(self._story_filter)

    def shows_hidden(self) -> bool:
        return self._include_hidden

    def article_ids(self) -> Collection[int] | None:
        return self._article_ids

    def _position(self, event_id: int) -> int | None:
        """Index of an event in the current order (an id index, rebuilt after changes)."""
        if self._positions is None:
            self._positions = {event.id: index for index, event in enumerate(self._rows.items)}
        return self._positions.get(event_id)

    def _rows_changed(self) -> None:
        super()._rows_changed()
        self._groups = None

    def group_members(self, event: Event) -> list[Event]:
        """Other listed events reporting the same happening (same group), in time order."""
        if event.group_id is None:
            return []
        if self._groups is None:
            groups: dict[int, list[Event]] = {}
            for item in self._rows.items:
                if item.group_id is not None:
                    groups.setdefault(item.group_id, []).append(item)
            self._groups = groups
        return sorted(
            (other for other in self._groups.get(event.group_id, []) if other.id != event.id),
            key=lambda other: (other.start, other.id),
        )

    def article_title(self, article_id: int) -> str:
        return self._titles.get(article_id)

    def article_name(self, article_id: int) -> str:
        """ "Title (outlet)", to name the other articles reporting a happening."""
        return self._titles.name(article_id)

    def row_of_event(self, event_id: int) -> int:
        """Row of an event (loading batches as needed), or -1 when not listed."""
        position = self._position(event_id)
        if position is None:
            return -1
        self._reveal(position)
        return position

    def first_row_within(self, start: datetime, end: datetime) -> int:
        """The first row, in the table's date order, of an event beginning in ``[start, end)``
        (loading batches up to it); -1 when none does or the table is not sorted by date.

        Ascending, that is the first event at or after ``start``; descending, the
        latest one before ``end``: either way the row where the period begins.
        """
        if self._sort_column != self.DATE:
            return -1
        items = self._rows.items
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            row = bisect_left(items, True, key=lambda e: e.start < end)
        else:
            row = bisect_left(items, True, key=lambda e: e.start >= start)
        if row >= len(items) or not start <= items[row].start < end:
            return -1
        self._reveal(row)
        return row

    def neighbour(self, event_id: int | None, step: int) -> Event | None:
        """The event ``step`` rows after ``event_id`` in the current order (first if None)."""
        items = self._rows.items
        if not items:
            return None
        if event_id is None:
            return items[0] if step >= 0 else items[-1]
        position = self._position(event_id)
        if position is None:
            return items[0]
        target = max(0, min(len(items) - 1, position + step))
        return items[target]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows.shown:
            return None
        event = self._rows.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return event_when(event)
            if column == self.LABEL:
                return event.label
            return self._titles.get(event.article_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ARTICLE:
                return plain_tooltip(self._titles.get(event.article_id))
            if column == self.LABEL:
                return plain_tooltip(event.label)
            return plain_tooltip(f"“{event.expression}” → {event.value}\n{event.explanation}")
        if role == Qt.ItemDataRole.ForegroundRole:
            if event.hidden:
                return QBrush(HIDDEN_COLOUR)
            if column == self.ARTICLE:
                return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and event.hidden:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == ROLE_ID:
            return event.id
        if role == ROLE_SORT:
            return self._sort_key(event, column)
        return None

    def _sort_key(self, row: Event, column: int) -> Any:
        if column == self.DATE:
            return (row.start, row.end, row.id)
        if column == self.LABEL:
            return (row.label.casefold(), row.id)
        return (self._titles.get(row.article_id).casefold(), row.start, row.id)


class UndatedListModel(QAbstractListModel):
    """Time expressions that are no point on the timeline: durations, sets, vague refs."""

    def __init__(self, repo: Any, parent: Any = None, titles: ArticleTitles | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._rows: BatchedRows[tuple[int, Timex]] = BatchedRows()
        self._own_titles = titles is None
        self._titles = titles or ArticleTitles(repo)
        self._article_ids: Collection[int] | None = None

    def reload(self, article_ids: Collection[int] | None = None) -> None:
        self._article_ids = article_ids
        self.beginResetModel()
        self._rows.reset(self._repo.undated(article_ids=article_ids))
        if self._own_titles:
            self._titles.refresh()
        self.endResetModel()

    def set_article_ids(self, article_ids: Collection[int] | None) -> None:
        """Change the article filter, re-reading only the articles that came or went."""
        before = self._article_ids
        self._article_ids = article_ids
        if changed := filter_difference(before, article_ids, self._titles.ids()):
            self.update_articles(changed)

    def update_articles(self, article_ids: Collection[int]) -> None:
        """Re-read only these articles' items."""
        changed = set(article_ids)
        included = self._article_ids
        wanted = changed if included is None else changed & set(included)
        fresh = self._repo.undated(article_ids=sorted(wanted)) if wanted else []
        kept = [item for item in self._rows.items if item[0] not in changed]
        merged = sorted(kept + fresh, key=lambda item: (item[0], item[1].start))
        shown = self._rows.shown
        self.beginResetModel()
        self._rows.reset(merged)
        self._rows.shown = min(max(shown, BATCH_SIZE), len(merged))
        self.endResetModel()

    def item(self, row: int) -> tuple[int, Timex]:
        """(article id, timex) at ``row``."""
        return self._rows.items[row]

    def total_count(self) -> int:
        return len(self._rows.items)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self._rows.shown

    def canFetchMore(self, parent: AnyIndex = ROOT) -> bool:
        return not parent.isValid() and self._rows.remaining() > 0

    def fetchMore(self, parent: AnyIndex = ROOT) -> None:
        if not parent.isValid():
            reveal_next_batch(self, self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows.shown:
            return None
        article_id, timex = self._rows.items[index.row()]
        title = self._titles.get(article_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"“{timex.text}”  {timex.value}  ·  {title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                f"{timex.type.value} {timex.value} (rule {timex.rule or 'unknown'})"
            )
        if role == ROLE_ID:
            return article_id
        return None
