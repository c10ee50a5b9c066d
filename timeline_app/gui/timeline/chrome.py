"""Painting what surrounds the events: grid and axis, count bars, notes and legend.

Apart from ``paint`` (the events themselves) so each module holds one idea;
the screen, PNG and SVG exports share both.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from timeline_app.gui.timeline.density import Bar
from timeline_app.gui.timeline.text_cache import TextCache, draw_label
from timeline_app.gui.timeline.theme import Theme, context_font, tick_font
from timeline_app.gui.timeline.time_scale import Axis, Viewport


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
        draw_label(
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
        draw_label(painter, caches and caches[1], left, text_y, tick.label)


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
