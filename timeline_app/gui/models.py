"""Qt item models: thin adapters over Repository queries.

Each model asks the repository once per reload, keeps the plain domain objects,
and hands them to the view in batches (``canFetchMore``/``fetchMore``) so a
library of thousands of articles or events opens instantly. Sorting reorders the
loaded domain list; nothing here decides what an event *is*.
"""

from __future__ import annotations

import html
from bisect import insort
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from timeline_app.articles import Article, PublishedSource
from timeline_app.events.model import Event, EventKind
from timeline_app.temporal.timex import Precision, Timex

BATCH_SIZE = 200
ROLE_ID = Qt.ItemDataRole.UserRole + 1  # article id / event id of a row
ROLE_SORT = Qt.ItemDataRole.UserRole + 2  # value a column sorts by
ROLE_SUBTITLE = Qt.ItemDataRole.UserRole + 3  # the line under an article's title

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_MUTED = QColor("#7a8594")
_HIDDEN = QColor("#a0a8b3")
_MACHINE_DATE_SOURCES = (PublishedSource.INFERRED, PublishedSource.UNKNOWN)

Row = TypeVar("Row")


# TIMEX3 ``mod`` values as a reader would say them before the date.
_MOD_WORDS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
    "LESS_THAN": "under",
    "MORE_THAN": "over",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}


TITLE_LIMIT = 90


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally.

    Qt renders any tooltip that looks like HTML as rich text; article content
    (titles, reasons, paths) is untrusted, so it is escaped and wrapped.
    """
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def article_title(article: Article) -> str:
    """What to call an article: its title, else its opening line, else its file name."""
    if article.title.strip():
        return " ".join(article.title.split())
    for line in article.text.splitlines():
        words = " ".join(line.split())
        if words:
            return words if len(words) <= TITLE_LIMIT else words[: TITLE_LIMIT - 1] + "…"
    if article.path:
        return PurePath(article.path).name
    return f"Article {article.id}"


def format_when(
    start: datetime, end: datetime, precision: Precision, mod: str | None = None
) -> str:
    """A date as precise as it is known: ``2024-01-04``, ``2023-10``, ``late 2017``, a - b."""
    last = end - timedelta(microseconds=1) if end > start else end

    def one(moment: datetime) -> str:
        # isoformat, not strftime: %Y drops the leading zeros of years before 1000.
        if precision >= Precision.MINUTE:
            return moment.isoformat(sep=" ", timespec="minutes")
        if precision >= Precision.DAY:
            return moment.date().isoformat()
        if precision >= Precision.MONTH:
            return moment.date().isoformat()[:7]
        return f"{moment.year:04d}"

    if precision == Precision.WEEK and (last - start).days < 7:
        text = f"week of {start.date().isoformat()}"
    else:
        first_text, last_text = one(start), one(last)
        text = first_text if first_text == last_text else f"{first_text} – {last_text}"
    if not mod:
        return text
    word = _MOD_WORDS.get(mod.upper())
    return f"{word} {text}" if word else f"{text} ({mod.lower()})"


def event_when(event: Event) -> str:
    """How the Date column and the reader show an event's time."""
    text = format_when(event.start, event.end, event.precision, event.mod)
    if event.kind == EventKind.ONGOING:
        return f"since {text.split(' – ')[0]}"
    return text


def filter_difference(
    before: Collection[int] | None, after: Collection[int] | None, every_id: Collection[int]
) -> set[int]:
    """Articles that came onto or left the timeline between two filters (None = all)."""
    old = set(every_id) if before is None else set(before)
    new = set(every_id) if after is None else set(after)
    return old ^ new


class ArticleTitles:
    """Display titles of every article, read once per reload and shared by the models.

    The event and undated lists name each row's article; reading every article
    (with its text) once per list would triple the cost of a reload.
    """

    def __init__(self, repo: Any) -> None:
        self._repo = repo
        self._titles: dict[int, str] = {}

    def refresh(self) -> None:
        self._titles = {article.id: article_title(article) for article in self._repo.articles()}

    def get(self, article_id: int) -> str:
        title = self._titles.get(article_id)
        if title is None:
            try:
                title = article_title(self._repo.article(article_id))
            except KeyError:
                return f"Article {article_id}"
            self._titles[article_id] = title
        return title

    def ids(self) -> set[int]:
        return set(self._titles)


class _BatchedRows(Generic[Row]):
    """The loaded rows of a model and how many of them the view has been given."""

    def __init__(self) -> None:
        self.items: list[Row] = []
        self.shown = 0

    def reset(self, items: Sequence[Row]) -> None:
        self.items = list(items)
        self.shown = min(BATCH_SIZE, len(self.items))

    def remaining(self) -> int:
        return len(self.items) - self.shown


class _BatchedTableModel(QAbstractTableModel, Generic[Row]):
    """Shared batching and sorting for the table models below."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: _BatchedRows[Row] = _BatchedRows()
        self._positions: dict[int, int] | None = None  # row id -> index, None when stale
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._rows.shown

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and self._rows.remaining() > 0

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if parent.isValid():
            return
        count = min(BATCH_SIZE, self._rows.remaining())
        if count <= 0:
            return
        first = self._rows.shown
        self.beginInsertRows(_ROOT, first, first + count - 1)
        self._rows.shown += count
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self._positions = None
        self.layoutAboutToBeChanged.emit()
        shown = self._rows.shown
        self._rows.items.sort(
            key=lambda row: self._sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows.shown = shown
        self.layoutChanged.emit()

    # -- for subclasses and callers ---------------------------------------------------------

    def _sort_key(self, row: Row, column: int) -> Any:
        raise NotImplementedError

    def _replace_rows(self, items: Sequence[Row], keep_shown: int = 0) -> None:
        """New rows in the current order; ``keep_shown`` rows stay handed to the view."""
        self._positions = None
        self.beginResetModel()
        self._rows.reset(items)
        if keep_shown:
            self._rows.shown = min(max(keep_shown, BATCH_SIZE), len(self._rows.items))
        if self._sort_column >= 0:
            self._rows.items.sort(
                key=lambda row: self._sort_key(row, self._sort_column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        self.endResetModel()

    def row_item(self, row: int) -> Row:
        """The domain object shown at ``row``."""
        return self._rows.items[row]

    def all_items(self) -> list[Row]:
        """Every loaded row, including those not yet handed to the view."""
        return list(self._rows.items)

    def total_count(self) -> int:
        return len(self._rows.items)

    def _reveal(self, position: int) -> None:
        """Make sure ``position`` is within the rows the view knows about."""
        while position >= self._rows.shown and self.canFetchMore():
            self.fetchMore()


class ArticleTableModel(_BatchedTableModel[Article]):
    """The library: title, source, publication date, event count; checkable rows.

    Checked articles are on the timeline. ``includedChanged`` carries the checked
    ids, or None when every article is checked (no filter needed).
    """

    COLUMNS = ("Title", "Source", "Published", "Events")
    TITLE, SOURCE, PUBLISHED, EVENTS = range(4)
    includedChanged = Signal(object)

    def __init__(self, repo: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._search: str | None = None
        self._event_counts: dict[int, int] = {}
        self._excluded: set[int] = set()
        self._all_ids: set[int] = set()

    def reload(self, search: str | None = None) -> None:
        """Re-read the library, keeping the search and which articles are excluded."""
        self._search = search.strip() if search and search.strip() else None
        articles = self._repo.articles(search=self._search)
        self._event_counts = self._repo.event_counts_by_article()
        self._all_ids = set(self._repo.article_ids())
        self._excluded &= self._all_ids
        self._replace_rows(articles)

    def refresh_counts(self) -> None:
        """Update the Events column after events changed (cheap: one query)."""
        self._event_counts = self._repo.event_counts_by_article()
        if self._rows.shown:
            self.dataChanged.emit(
                self.index(0, self.EVENTS), self.index(self._rows.shown - 1, self.EVENTS)
            )

    def update_articles(self, article_ids: Collection[int]) -> None:
        """Re-read these articles (a new publication date) and every event count."""
        fresh = {article_id: self._repo.article(article_id) for article_id in article_ids}
        for article_id in fresh:  # per article: a GROUP BY over every event is slow
            self._event_counts[article_id] = len(self._repo.events(article_ids=[article_id]))
        for row, article in enumerate(self._rows.items):
            if article.id in fresh:
                self._rows.items[row] = fresh[article.id]
        if self._rows.shown:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows.shown - 1, len(self.COLUMNS) - 1)
            )

    def search_text(self) -> str | None:
        return self._search

    def included_ids(self) -> set[int] | None:
        """Ids of the articles on the timeline, or None for all of them."""
        if not self._excluded:
            return None
        return self._all_ids - self._excluded

    def set_included(self, article_id: int, included: bool) -> None:
        """Put an article on the timeline or take it off."""
        before = set(self._excluded)
        if included:
            self._excluded.discard(article_id)
        else:
            self._excluded.add(article_id)
        if before != self._excluded:
            for row, article in enumerate(self._rows.items[: self._rows.shown]):
                if article.id == article_id:
                    cell = self.index(row, self.TITLE)
                    self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
            self.includedChanged.emit(self.included_ids())

    def include_only(self, article_ids: Collection[int] | None) -> None:
        """Put exactly these articles on the timeline (None: all of them)."""
        wanted = self._all_ids if article_ids is None else set(article_ids) & self._all_ids
        excluded = self._all_ids - wanted
        if excluded == self._excluded:
            return
        self._excluded = excluded
        if self._rows.shown:
            self.dataChanged.emit(
                self.index(0, self.TITLE),
                self.index(self._rows.shown - 1, self.TITLE),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.includedChanged.emit(self.included_ids())

    def row_of_article(self, article_id: int) -> int:
        """Row of an article (loading batches as needed), or -1 when not listed."""
        for position, article in enumerate(self._rows.items):
            if article.id == article_id:
                self._reveal(position)
                return position
        return -1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if index.column() != self.TITLE:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_included(self.row_item(index.row()).id, checked)
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows.shown:
            return None
        article = self._rows.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TITLE:
            excluded = article.id in self._excluded
            return Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(article, column)
            return plain_tooltip(tip) if tip else None
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.PUBLISHED
            and article.published_source in _MACHINE_DATE_SOURCES
        ):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.SOURCE, self.EVENTS):
            return QBrush(_MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROLE_ID:
            return article.id
        if role == ROLE_SORT:
            return self._sort_key(article, column)
        if role == ROLE_SUBTITLE:
            return article.source or PurePath(article.path).name or article.url
        return None

    def _display(self, article: Article, column: int) -> str:
        if column == self.TITLE:
            return article_title(article)
        if column == self.SOURCE:
            return article.source
        if column == self.PUBLISHED:
            if article.published is None:
                return "unknown"
            marker = "≈ " if article.published_source in _MACHINE_DATE_SOURCES else ""
            return f"{marker}{article.published.isoformat()}"
        return str(self._event_counts.get(article.id, 0))

    def _tooltip(self, article: Article, column: int) -> str | None:
        if column == self.PUBLISHED:
            how = article.published_source.value
            reason = f": {article.published_reason}" if article.published_reason else ""
            return f"Publication date {how}{reason}"
        if column == self.TITLE:
            return article.path or article.url or None
        return None

    def _sort_key(self, row: Article, column: int) -> Any:
        if column == self.TITLE:
            return self._display(row, column).casefold()
        if column == self.SOURCE:
            return row.source.casefold()
        if column == self.PUBLISHED:
            return (row.published is None, row.published.isoformat() if row.published else "")
        return self._event_counts.get(row.id, 0)


class EventTableModel(_BatchedTableModel[Event]):
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
        self.loading = first_page_only
        events = self._repo.events(
            article_ids=self._article_ids,
            include_hidden=self._include_hidden,
            limit=BATCH_SIZE if first_page_only else None,
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
            self._repo.events(article_ids=sorted(wanted), include_hidden=self._include_hidden)
            if wanted
            else []
        )
        kept = [event for event in self._rows.items if event.article_id not in changed]
        shown = self._rows.shown
        self._positions = None
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

    def shows_hidden(self) -> bool:
        return self._include_hidden

    def article_ids(self) -> Collection[int] | None:
        return self._article_ids

    def _position(self, event_id: int) -> int | None:
        """Index of an event in the current order (an id index, rebuilt after changes)."""
        if self._positions is None:
            self._positions = {event.id: index for index, event in enumerate(self._rows.items)}
        return self._positions.get(event_id)

    def row_of_event(self, event_id: int) -> int:
        """Row of an event (loading batches as needed), or -1 when not listed."""
        position = self._position(event_id)
        if position is None:
            return -1
        self._reveal(position)
        return position

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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
            return plain_tooltip(f"“{event.expression}” → {event.value}\n{event.explanation}")
        if role == Qt.ItemDataRole.ForegroundRole:
            if event.hidden:
                return QBrush(_HIDDEN)
            if column == self.ARTICLE:
                return QBrush(_MUTED)
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
        self._rows: _BatchedRows[tuple[int, Timex]] = _BatchedRows()
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

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._rows.shown

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and self._rows.remaining() > 0

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if parent.isValid():
            return
        count = min(BATCH_SIZE, self._rows.remaining())
        if count <= 0:
            return
        first = self._rows.shown
        self.beginInsertRows(_ROOT, first, first + count - 1)
        self._rows.shown += count
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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


def checked_ids_text(ids: Collection[int] | None, total: int) -> str:
    """Status text for the article filter ("all 12 articles", "3 of 12 articles")."""
    if ids is None:
        return f"all {total} article{'s' if total != 1 else ''}"
    return f"{len(ids)} of {total} articles"
