"""Drawing the timeline with QPainter: axis, event shapes, labels, density bars.

Kept apart from the widget so the same code paints the screen, the PNG and the
SVG export, and so the widget module holds only state and input handling.
Shapes say how precisely an event is known: a day is a dot ("about" or
"before" a day: a ring), a month or "mid-October" a tinted bar whose soft edges
admit the uncertainty, a span a bar with hard ends, an ongoing event a bar
ending in an open arrow.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from timeline_app.events.model import Event
from timeline_app.gui.timeline.density import Bar
from timeline_app.gui.timeline.scene import (
    BAR_LABEL_INSET,
    LABEL_GAP,
    MARKER_RADIUS,
    Shape,
)
from timeline_app.gui.timeline.time_scale import Axis, Viewport
from timeline_app.temporal.timex import Precision

MIN_ELIDED_PX = 70.0  # a label cut shorter than this at the right edge is left out

# Tableau 10: distinct, colour-blind-considerate, calm on white.
CATEGORY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and metrics of the canvas (one place to restyle it)."""

    background: str = "#ffffff"
    grid: str = "#eef0f3"
    grid_major: str = "#d9dee5"
    axis_line: str = "#b8c0cb"
    tick_text: str = "#5b6472"
    context_text: str = "#1f2933"
    label_text: str = "#1f2933"
    muted_text: str = "#8a94a3"
    selection: str = "#1d4ed8"
    selection_fill: str = "#dbeafe"
    density: str = "#7c8a9e"
    density_hover: str = "#334155"
    row_height: float = 24.0
    axis_height: float = 46.0
    top_margin: float = 24.0  # header strip for notes; no event is drawn under it
    marker_radius: float = MARKER_RADIUS
    bar_height: float = 16.0
    max_label_px: float = 280.0


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


def label_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(9.0)
    return font


def tick_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(8.5)
    return font


def context_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(9.0)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def paint_grid_and_axis(
    painter: QPainter,
    axis: Axis,
    viewport: Viewport,
    width: float,
    height: float,
    base: QFont,
    theme: Theme,
    caches: tuple[TextCache, TextCache] | None = None,
) -> None:
    """Vertical grid lines over the events area, and the two-row axis at the bottom.

    ``caches`` (tick font, context font) speed up on-screen painting.
    """
    baseline = height - theme.axis_height
    for tick in axis.ticks:
        x = round(viewport.x_of(tick.seconds, width)) + 0.5
        painter.setPen(QPen(QColor(theme.grid_major if tick.major else theme.grid), 1))
        painter.drawLine(QPointF(x, 0), QPointF(x, baseline))
    painter.setPen(QPen(QColor(theme.axis_line), 1))
    painter.drawLine(QPointF(0, baseline + 0.5), QPointF(width, baseline + 0.5))

    font = tick_font(base)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    for tick in axis.ticks:
        x = round(viewport.x_of(tick.seconds, width)) + 0.5
        painter.setPen(QPen(QColor(theme.axis_line), 1))
        painter.drawLine(QPointF(x, baseline), QPointF(x, baseline + (7 if tick.major else 4)))
        text_width = metrics.horizontalAdvance(tick.label)
        left = min(max(x - text_width / 2, 2.0), width - text_width - 2)
        painter.setPen(QColor(theme.tick_text))
        _draw_label(
            painter,
            caches and caches[0],
            left,
            baseline + 8 + metrics.ascent(),
            tick.label,
        )

    if not axis.context:
        return
    font = context_font(base)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    text_y = height - 8 - metrics.descent()
    xs = [viewport.x_of(t.seconds, width) for t in axis.context]
    for index, tick in enumerate(axis.context):
        text_width = metrics.horizontalAdvance(tick.label)
        left = max(xs[index], 0.0) + 6
        limit = min(xs[index + 1] - 12 if index + 1 < len(xs) else width, width)
        if xs[index] < 0:  # the period the view starts in: pinned left, pushed out by the next
            left = min(left, limit - text_width)
        if xs[index] > 0:
            painter.setPen(QPen(QColor(theme.grid_major), 1))
            x = round(xs[index]) + 0.5
            painter.drawLine(QPointF(x, height - 22), QPointF(x, height - 4))
        if left < 0 or left + text_width > limit:
            continue  # never a clipped or crowded label; the neighbours say enough
        painter.setPen(QColor(theme.context_text))
        _draw_label(painter, caches and caches[1], left, text_y, tick.label)


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


def _draw_label(
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
        _draw_label(painter, cache, left, baseline, text)
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


def paint_density(
    painter: QPainter,
    bars: Sequence[Bar],
    viewport: Viewport,
    width: float,
    height: float,
    base: QFont,
    theme: Theme,
    hovered: Bar | None,
    room: float | None = None,
) -> None:
    """Counts per slice as a histogram standing on the axis, at most ``room`` tall
    (default: the whole canvas), with its scale."""
    baseline = height - theme.axis_height
    tallest = max((bar.count for bar in bars), default=0)
    if tallest == 0:
        return
    if room is None:
        room = (baseline - theme.top_margin - 24) * 0.9
    scale = width / viewport.span
    rects = []
    hovered_rect = None
    for bar in bars:
        if bar.count == 0:
            continue
        x0 = (bar.start - viewport.start) * scale
        x1 = (bar.end - viewport.start) * scale
        bar_height = max(2.0, room * bar.count / tallest)
        rect = QRectF(x0 + 0.5, baseline - bar_height, max(x1 - x0 - 1.0, 1.0), bar_height)
        if bar == hovered:
            hovered_rect = rect
        else:
            rects.append(rect)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.density))
    painter.drawRects(rects)  # one call for the whole histogram
    if hovered_rect is not None:
        painter.fillRect(hovered_rect, QColor(theme.density_hover))
    font = tick_font(base)
    painter.setFont(font)
    painter.setPen(QPen(QColor(theme.grid_major), 1, Qt.PenStyle.DashLine))
    top = baseline - room
    painter.drawLine(QPointF(0, top), QPointF(width, top))
    painter.setPen(QColor(theme.muted_text))
    metrics = QFontMetricsF(font)
    painter.drawText(QPointF(6, top - metrics.descent() - 2), f"{tallest:,} events per bar")


def paint_message(
    painter: QPainter, width: float, height: float, base: QFont, text: str, theme: Theme
) -> None:
    """A centred note (empty library, nothing in view)."""
    font = QFont(base)
    font.setPointSizeF(10.5)
    painter.setFont(font)
    painter.setPen(QColor(theme.muted_text))
    painter.drawText(
        QRectF(0, 0, width, height - theme.axis_height),
        int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
        text,
    )


def paint_banner(painter: QPainter, width: float, base: QFont, text: str, theme: Theme) -> float:
    """A small note in the header strip, top right (e.g. that bars are counts); returns
    the width it took."""
    font = tick_font(base)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width - 20, 0))
    text_width = metrics.horizontalAdvance(text)
    painter.setPen(QColor(theme.muted_text))
    painter.drawText(QPointF(width - text_width - 10, 4 + metrics.ascent()), text)
    return text_width + 10


def paint_legend(
    painter: QPainter,
    entries: Sequence[tuple[str, str]],
    room: float,
    base: QFont,
    theme: Theme,
) -> None:
    """Colour key (colour, name) in the header strip, left, within ``room`` pixels."""
    font = tick_font(base)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    x = 8.0
    baseline = 4 + metrics.ascent()
    for colour, name in entries:
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, 170)
        needed = 12 + metrics.horizontalAdvance(text) + 14
        if x + needed > room:
            break
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QPointF(x + 4, baseline - metrics.ascent() / 2 + 1), 4, 4)
        painter.setPen(QColor(theme.tick_text))
        painter.drawText(QPointF(x + 12, baseline), text)
        x += needed
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
