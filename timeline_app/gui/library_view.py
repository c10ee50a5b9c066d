"""The library pane: a search box over a compact article table.

Four columns do not fit a side pane, so the title cell carries two lines: the
title, and beneath it in a muted tone the source (or file name). Sorting by
source is still available from the header's Title column via the model.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.gui import icons
from timeline_app.gui.models import ROLE_SUBTITLE, ArticleTableModel

_MUTED = QColor("#6b7684")
_Index = QModelIndex | QPersistentModelIndex


def style_table(view: QTableView, row_height: int = 26) -> None:
    """The look shared by the app's tables: whole-row selection, no grid, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves to the next pane, not the next cell
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


class TitleWithSourceDelegate(QStyledItemDelegate):
    """Paints the title cell as title over source (or file name), both elided to the cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title = item.text
        subtitle = str(index.data(ROLE_SUBTITLE) or "")
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        text_rect = text_rect.adjusted(2, 0, -2, 0)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        metrics = item.fontMetrics
        line = metrics.height()
        top = text_rect.top() + (text_rect.height() - 2 * line) // 2
        painter.setPen(item.palette.color(role))
        painter.setFont(item.font)
        painter.drawText(
            QRect(text_rect.left(), top, text_rect.width(), line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        small = QFont(item.font)
        small.setPointSizeF(max(item.font.pointSizeF() - 1.0, 7.0))
        painter.setFont(small)
        painter.setPen(item.palette.color(role) if selected else _MUTED)
        painter.drawText(
            QRect(text_rect.left(), top + line, text_rect.width(), line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(
                subtitle, Qt.TextElideMode.ElideRight, text_rect.width()
            ),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), option.fontMetrics.height() * 2 + 10)


class LibraryPane(QWidget):
    """Heading, search box and article table; the window wires them to its models."""

    def __init__(self, model: ArticleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search articles and events  (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(
            icons.icon(icons.SEARCH), QLineEdit.ActionPosition.LeadingPosition
        )

        self.view = QTableView(self)
        self.view.setObjectName("articleView")
        self.view.setModel(model)
        style_table(self.view, row_height=self.fontMetrics().height() * 2 + 12)
        self.view.setItemDelegateForColumn(ArticleTableModel.TITLE, TitleWithSourceDelegate(self))
        self.view.setColumnHidden(ArticleTableModel.SOURCE, True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed, measured widths: ResizeToContents reserves room for a sort arrow in
        # every column and leaves the titles too little.
        metrics = self.fontMetrics()
        for column, sample in (
            (ArticleTableModel.PUBLISHED, "≈ 0000-00-00?"),  # "?": a guess
            (ArticleTableModel.EVENTS, "Events"),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 22)
        self.view.sortByColumn(ArticleTableModel.PUBLISHED, Qt.SortOrder.DescendingOrder)

        heading = QLabel("Library", self)
        heading.setObjectName("paneHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view, 1)
