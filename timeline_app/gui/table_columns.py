"""Column widths that follow a table's width: the main column keeps most of the room.

``QHeaderView`` stretches one section and leaves the others at fixed widths,
so a narrow pane squeezes the stretched one to nothing (the events table
showed two letters of each event beside a full date and article name). Here
a secondary column takes a share of what the fixed ones leave, and the main
column stretches over the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ShareOfWidth(QObject):
    """Keep ``column`` of ``view`` at ``share`` of the width left beside ``fixed`` columns."""

    def __init__(
        self, view: QTableView, column: int, share: float, fixed: tuple[int, ...], minimum: int
    ) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._share = share
        self._fixed = fixed
        self._minimum = minimum
        view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        header = self._view.horizontalHeader()
        left = self._view.viewport().width() - sum(header.sectionSize(c) for c in self._fixed)
        self._view.setColumnWidth(self._column, max(self._minimum, int(left * self._share)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False
