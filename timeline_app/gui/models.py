"""Qt item models: thin adapters over Repository queries (the library; events in
``event_models.py``).

Each model asks the repository once per reload, keeps the plain domain objects,
and hands them to the view in batches (``canFetchMore``/``fetchMore``) so a
library of thousands of articles or events opens instantly. Sorting reorders the
loaded domain list; nothing here decides what an event *is*.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import PurePath
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from timeline_app.articles import Article, article_name, outlet_of
from timeline_app.gui.formatting import (
    INFERRED_SOURCES,
    article_title,
    plain_tooltip,
    published_is_guess,
    published_text,
    published_tooltip,
)

BATCH_SIZE = 200
ROLE_ID = Qt.ItemDataRole.UserRole + 1  # article id / event id of a row
ROLE_SORT = Qt.ItemDataRole.UserRole + 2  # value a column sorts by
ROLE_SUBTITLE = Qt.ItemDataRole.UserRole + 3  # the line under an article's title

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
MUTED_COLOUR = QColor("#7a8594")
HIDDEN_COLOUR = QColor("#a0a8b3")

Row = TypeVar("Row")


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
        self._names: dict[int, str] = {}

    def refresh(self) -> None:
        articles = self._repo.articles()
        self._titles = {article.id: article_title(article) for article in articles}
        self._names = {article.id: article_name(article) for article in articles}

    def name(self, article_id: int) -> str:
        """ "Title (outlet)": how the reader names other articles of a happening."""
        name = self._names.get(article_id)
        if name is None:
            try:
                name = article_name(self._repo.article(article_id))
            except KeyError:
                return f"Article {article_id}"
            self._names[article_id] = name
        return name

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


class BatchedRows(Generic[Row]):
    """The loaded rows of a model and how many of them the view has been given."""

    def __init__(self) -> None:
        self.items: list[Row] = []
        self.shown = 0

    def reset(self, items: Sequence[Row]) -> None:
        self.items = list(items)
        self.shown = min(BATCH_SIZE, len(self.items))

    def remaining(self) -> int:
        return len(self.items) - self.shown


def reveal_next_batch(model: QAbstractItemModel, rows: BatchedRows) -> None:
    """Show the next batch of already-queried rows (Qt's fetchMore protocol)."""
    count = min(BATCH_SIZE, rows.remaining())
    if count <= 0:
        return
    first = rows.shown
    model.beginInsertRows(ROOT, first, first + count - 1)
    rows.shown += count
    model.endInsertRows()


class BatchedTableModel(QAbstractTableModel, Generic[Row]):
    """Shared batching and sorting for the table models below."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: BatchedRows[Row] = BatchedRows()
        self._positions: dict[int, int] | None = None  # row id -> index, None when stale
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self._rows.shown

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
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

    def canFetchMore(self, parent: AnyIndex = ROOT) -> bool:
        return not parent.isValid() and self._rows.remaining() > 0

    def fetchMore(self, parent: AnyIndex = ROOT) -> None:
        if not parent.isValid():
            reveal_next_batch(self, self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self._rows_changed()
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
        self._rows_changed()
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

    def _rows_changed(self) -> None:
        """Rows were replaced or reordered: drop indexes built over the old order."""
        self._positions = None

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


class ArticleTableModel(BatchedTableModel[Article]):
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

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if index.column() != self.TITLE:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_included(self.row_item(index.row()).id, checked)
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
            and (article.published_source in INFERRED_SOURCES or published_is_guess(article))
        ):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (
            column in (self.SOURCE, self.EVENTS)
            or (column == self.PUBLISHED and published_is_guess(article))
        ):
            return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROLE_ID:
            return article.id
        if role == ROLE_SORT:
            return self._sort_key(article, column)
        if role == ROLE_SUBTITLE:
            # Who published it; the file's name only when nothing says (never a record's path).
            return outlet_of(article) or PurePath(article.path.split("#", 1)[0]).name
        return None

    def _display(self, article: Article, column: int) -> str:
        if column == self.TITLE:
            return article_title(article)
        if column == self.SOURCE:
            return outlet_of(article)
        if column == self.PUBLISHED:
            return published_text(article)
        return str(self._event_counts.get(article.id, 0))

    def _tooltip(self, article: Article, column: int) -> str | None:
        if column == self.PUBLISHED:
            return published_tooltip(article)
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
