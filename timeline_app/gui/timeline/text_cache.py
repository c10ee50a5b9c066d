"""Labels rendered once into small pixmaps and drawn from there (screen only)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap


class TextCache:
    """Labels rendered once into small pixmaps, for one font and colour.

    Blitting a pixmap costs a few microseconds; shaping and rasterising a label
    costs tens, and the same labels are drawn on every frame of a pan. Always
    plain text: article content is never read as markup.
    """

    def __init__(self, font: QFont, colour: str, limit: int = 3000) -> None:
        self.font = font
        self.colour = QColor(colour)
        self.metrics = QFontMetricsF(font)
        self.limit = limit
        self._ratio = 1.0
        self._entries: dict[str, tuple[QPixmap, float]] = {}

    def width(self, text: str) -> float:
        entry = self._entries.get(text)
        return entry[1] if entry is not None else self.metrics.horizontalAdvance(text)

    def draw(self, painter: QPainter, left: float, baseline: float, text: str) -> None:
        ratio = painter.device().devicePixelRatioF()
        if ratio != self._ratio:
            self._entries.clear()
            self._ratio = ratio
        entry = self._entries.get(text)
        if entry is None:
            if len(self._entries) >= self.limit:
                self._entries.clear()
            entry = self._entries[text] = self._render(text, ratio)
        pixmap = entry[0]
        top = baseline - self.metrics.ascent() - 1
        painter.drawPixmap(QPointF(round(left) - 1, round(top)), pixmap)

    def _render(self, text: str, ratio: float) -> tuple[QPixmap, float]:
        width = self.metrics.horizontalAdvance(text)
        size = QSize(math.ceil((width + 2) * ratio), math.ceil((self.metrics.height() + 2) * ratio))
        pixmap = QPixmap(size)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(QPointF(1, 1 + self.metrics.ascent()), text)
        painter.end()
        return pixmap, width


def draw_label(
    painter: QPainter,
    cache: TextCache | None,
    left: float,
    baseline: float,
    text: str,
) -> None:
    if cache is None:  # exports: real text in the SVG, crisp at any PNG scale
        painter.drawText(QPointF(left, baseline), text)
    else:
        cache.draw(painter, left, baseline, text)
