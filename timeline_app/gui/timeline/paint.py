"""Drawing the events with QPainter: shapes and labels (``chrome`` paints the rest).

Kept apart from the widget so the same code paints the screen, the PNG and the
SVG export, and so the widget module holds only state and input handling.
Shapes say how precisely an event is known: a day is a dot ("about" or
"before" a day: a ring), a month or "mid-October" a tinted bar whose soft edges
admit the uncertainty, a span a bar with hard ends, an ongoing event a bar
ending in an open arrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

from timeline_app.events.model import Event

# What surrounds the events, re-exported so callers keep one name for painting.
from timeline_app.gui.timeline.chrome import (  # noqa: F401
    paint_banner,
    paint_density,
    paint_grid_and_axis,
    paint_legend,
    paint_message,
)
from timeline_app.gui.timeline.placing import (
    BAR_LABEL_INSET,
    LABEL_GAP,
    Shape,
)
from timeline_app.gui.timeline.text_cache import TextCache, draw_label
from timeline_app.gui.timeline.theme import (  # noqa: F401 (the canvas's look, re-exported)
    CATEGORY_COLOURS,
    Theme,
    context_font,
    label_font,
    tick_font,
)
from timeline_app.temporal.timex import Precision

MIN_ELIDED_PX = 70.0  # a label cut shorter than this at the right edge is left out


@dataclass(frozen=True, slots=True)
class DrawnEvent:
    """One event as placed on screen (pixel coordinates of the canvas)."""

    event: Event
    shape: Shape
    x0: float  # interval start (bars) or dot centre (markers)
    x1: float  # interval end (bars) or dot centre (markers)
    row_top: float
    label: str  # elided label text; empty when it did not fit
    colour: str
    right: float  # right edge reserved for shape and label in its row
    label_x: float  # left of the label as laid out
    label_inside: bool = False  # inside a long bar: kept on screen while the bar is
    label_before: bool = False  # ends just left of the shape (no room after it)

    @property
    def centre_y(self) -> float:
        return self.row_top + 12.0

    def shape_rect(self, theme: Theme) -> QRectF:
        """Rectangle of the drawn shape (for hit tests and selection outlines)."""
        if self.shape is Shape.MARKER:
            r = theme.marker_radius + 2
            return QRectF(self.x0 - r, self.centre_y - r, 2 * r, 2 * r)
        half = theme.bar_height / 2
        width = max(self.x1 - self.x0, 6.0)
        extra = 10.0 if self.shape is Shape.ONGOING else 0.0
        return QRectF(self.x0, self.centre_y - half, width + extra, theme.bar_height)

    def label_end(self, theme: Theme) -> float:
        """Right x of a label placed before the shape."""
        shape_start = self.x0 - theme.marker_radius if self.shape is Shape.MARKER else self.x0
        return shape_start - LABEL_GAP

    def label_origin(self, theme: Theme, label_width: float) -> float:
        """Left x of the label: after a dot or short bar, or inside a long bar, where it
        stays on screen while the bar runs off the left edge (never past the bar); or,
        before the shape, right-aligned to end ``LABEL_GAP`` short of it."""
        if self.label_before:
            return self.label_end(theme) - label_width
        if not self.label_inside:
            return self.label_x
        sticky = max(self.x0, 0.0) + BAR_LABEL_INSET
        return max(self.x0 + BAR_LABEL_INSET, min(sticky, self.right - label_width))


VAGUE_MODS = frozenset(
    {
        "APPROX",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
    }
)


def is_vague(event: Event) -> bool:
    """Whether the expression only approximates or bounds its date (TIMEX3 ``mod``)."""
    return (event.mod or "").upper() in VAGUE_MODS


def _soft_gradient(x0: float, x1: float, colour: QColor, soft_start: bool, soft_end: bool):
    gradient = QLinearGradient(QPointF(x0, 0), QPointF(x1, 0))
    fade = min(0.3, 14.0 / max(x1 - x0, 1.0))
    clear = QColor(colour)
    clear.setAlpha(0)
    gradient.setColorAt(0.0, clear if soft_start else colour)
    gradient.setColorAt(fade, colour)
    gradient.setColorAt(1.0 - fade, colour)
    gradient.setColorAt(1.0, clear if soft_end else colour)
    return gradient


def paint_events(
    painter: QPainter,
    drawn: Sequence[DrawnEvent],
    base: QFont,
    theme: Theme,
    selected_id: int | None,
    hovered_id: int | None,
    canvas_width: float,
    cache: TextCache | None = None,
) -> None:
    """Shapes first, then labels, so no shape is drawn over a neighbour's text."""
    # Bars are pixel-aligned rectangles: no antialiasing (the costly part of a gradient
    # fill); dots, rings and arrows get it.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for item in drawn:
        if item.shape is not Shape.MARKER:
            _paint_shape(painter, item, theme, item.event.id == hovered_id)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for item in drawn:
        if item.shape is Shape.MARKER:
            _paint_shape(painter, item, theme, item.event.id == hovered_id)
    font = label_font(base)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    for item in drawn:
        selected = item.event.id == selected_id
        if selected:
            rect = item.shape_rect(theme).adjusted(-2, -2, 2, 2)
            painter.setPen(QPen(QColor(theme.selection), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if item.shape is Shape.MARKER:
                painter.drawEllipse(rect)
            else:
                painter.drawRoundedRect(rect, 4, 4)
        if not item.label:
            continue
        text = item.label
        width = cache.width(text) if cache else metrics.horizontalAdvance(text)
        left = item.label_origin(theme, width)
        if item.label_before and left < 4:  # runs off the left edge: elide, keep it aligned
            room = item.label_end(theme) - 4
            if room < MIN_ELIDED_PX:
                continue
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            if len(text) < 4:
                continue
            width = metrics.horizontalAdvance(text)
            left = item.label_end(theme) - width
        if left < 0:
            continue  # a dot scrolled off the left edge takes its label with it
        if left + width > canvas_width - 4:  # runs off the right edge: elide, never clip
            if canvas_width - 4 - left < MIN_ELIDED_PX:
                continue  # "Sto…" says nothing; hover still does
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, canvas_width - 4 - left)
            if len(text) < 4:
                continue
            width = metrics.horizontalAdvance(text)
        baseline = item.centre_y + (metrics.ascent() - metrics.descent()) / 2
        if selected:
            back = QRectF(left - 3, item.centre_y - 9, width + 6, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.selection_fill))
            painter.drawRoundedRect(back, 3, 3)
        painter.setPen(QColor(theme.label_text))
        draw_label(painter, cache, left, baseline, text)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _paint_shape(painter: QPainter, item: DrawnEvent, theme: Theme, hovered: bool) -> None:
    colour = QColor(item.colour)
    if hovered:
        colour = colour.darker(125)
    y = item.centre_y
    if item.shape is Shape.MARKER:
        if is_vague(item.event):  # "about Jan 6", "before Monday": a ring, not a dot
            painter.setPen(QPen(colour, 2.0))
            painter.setBrush(QColor(theme.background))
            radius = theme.marker_radius - 1
        else:
            painter.setPen(QPen(QColor(theme.background), 1.5))
            painter.setBrush(colour)
            radius = theme.marker_radius
        painter.drawEllipse(QPointF(item.x0, y), radius, radius)
        return
    rect = item.shape_rect(theme)
    if item.shape is Shape.ONGOING:
        rect.setWidth(rect.width() - 10)
    tint = QColor(colour)
    tint.setAlpha(90)
    soft_start = item.shape in (Shape.SOFT_BAR, Shape.ONGOING) and (
        item.event.precision < Precision.DAY
    )
    soft_end = item.shape is Shape.SOFT_BAR
    rect = QRectF(round(rect.left()), rect.top(), max(round(rect.width()), 1), rect.height())
    if soft_start or soft_end:
        painter.fillRect(
            rect, _soft_gradient(rect.left(), rect.right(), tint, soft_start, soft_end)
        )
    else:
        painter.fillRect(rect, tint)
    # A thin solid core line keeps light colours visible on white.
    core = QRectF(rect.left(), y + theme.bar_height / 2 - 3, rect.width(), 3)
    if soft_start or soft_end:
        painter.fillRect(
            core, _soft_gradient(core.left(), core.right(), colour, soft_start, soft_end)
        )
    else:
        painter.fillRect(core, colour)
    if item.shape is Shape.SPAN_BAR:
        painter.setPen(QPen(colour, 1.5))
        painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.left(), rect.bottom()))
        painter.drawLine(QPointF(rect.right(), rect.top()), QPointF(rect.right(), rect.bottom()))
    if item.shape is Shape.ONGOING:
        tip = rect.right() + 9
        path = QPainterPath(QPointF(rect.right() + 2, y - 6))
        path.lineTo(QPointF(tip, y))
        path.lineTo(QPointF(rect.right() + 2, y + 6))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(colour, 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
