"""Painting the whole canvas for a frame: what is in view, drawn as rows or as counts.

A mixin for ``TimelineView``; the screen, PNG and SVG exports all call
``render_timeline``. Where counts are drawn, the story layer labels the most
important happenings above a band of count bars; where events are drawn, each
has a row (scrolled by ``rows``).
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from timeline_app.events.model import Event
from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.density import Bar, DensityGrid
from timeline_app.gui.timeline.scene import BAR_PX
from timeline_app.gui.timeline.time_scale import build_axis, to_seconds

LEGEND_MAX = 6  # more articles or sources than this on screen: hover tells instead
DENSITY_BAND_SHARE = 0.3  # of the canvas the count histogram takes beneath labelled happenings
DENSITY_BAND_MAX = 150.0


class TimelineRendering:
    """Frame painting for ``TimelineView`` (which supplies every attribute used here)."""

    def render_timeline(self, painter: QPainter, width: float, height: float) -> None:
        """Paint the whole canvas (screen, PNG and SVG export share this)."""
        theme = self.theme
        painter.fillRect(QRectF(0, 0, width, height), QColor(theme.background))
        axis = build_axis(
            self._viewport, width, QFontMetricsF(paint.tick_font(self.font())).averageCharWidth()
        )
        paint.paint_grid_and_axis(
            painter,
            axis,
            self._viewport,
            width,
            height,
            self.font(),
            theme,
            self._axis_texts if self._painting_screen else None,
        )
        self._drawn, self._bars = [], []
        if self._source is None or self._span is None:
            paint.paint_message(
                painter,
                width,
                height,
                self.font(),
                "No dated events yet. Import articles to see them on the timeline.",
                theme,
            )
            return
        grid = self._scene.counts(self._viewport, width)
        if grid is None:
            rows = self._scene.row_count(self._viewport, width, self._measure)
            if self._painting_screen:
                self._sync_row_bar(rows, height)
            self._drawn = self._visible_drawn(width, height)
            shown = self._rows_available(height)
            taken = 0.0
            if rows > shown:
                first = self._first_row + 1
                last = min(rows, self._first_row + shown)
                note = f"rows {first}-{last} of {rows}; Shift+wheel or Up/Down scroll the rows"
                taken = paint.paint_banner(painter, width, self.font(), note, theme)
            legend = self._legend()
            if legend:
                paint.paint_legend(painter, legend, width - taken - 20, self.font(), theme)
            paint.paint_events(
                painter,
                self._drawn,
                self.font(),
                theme,
                self.selected_event_id(),
                self._hovered_id,
                width - self._row_bar_room(),  # labels end short of the row scrollbar
                self._label_texts if self._painting_screen else None,
            )
            if not self._drawn and rows <= shown and not self._scene.wants_refresh:
                paint.paint_message(
                    painter,
                    width,
                    height,
                    self.font(),
                    "No events in this period. Press Ctrl+0 to see where they are.",
                    theme,
                )
        else:
            if self._painting_screen:
                self._sync_row_bar(0, height)
            self._bars = self._count_bars(grid, width)
            paint.paint_density(
                painter,
                self._bars,
                self._viewport,
                width,
                height,
                self.font(),
                theme,
                self._hovered_bar,
                self._density_room(height),
            )
            self._drawn = self._visible_drawn(width, height)
            total = sum(bar.count for bar in self._bars)
            labelled = len(self._drawn)
            paint.paint_banner(
                painter,
                width,
                self.font(),
                f"{total:,} events in view, counted in the bars below"
                + (
                    f"; the {labelled} most important happenings that fit are labelled"
                    if labelled
                    else ""
                )
                + "; zoom in for more",
                theme,
            )
            paint.paint_events(
                painter,
                self._drawn,
                self.font(),
                theme,
                self.selected_event_id(),
                self._hovered_id,
                width,
                self._label_texts if self._painting_screen else None,
            )
            self._paint_selection_line(painter, width, height)
        if self._painting_screen:
            self._paint_edges(painter, width, height)
        stale = self._scene.wants_refresh or self._beyond_stale()
        if stale and not self._refresh_timer.isActive():
            self._refresh_timer.start()  # repaints (hover) must not postpone it; moves do

    def _visible_drawn(self, width: float, height: float) -> list[paint.DrawnEvent]:
        counting = self._scene.counts(self._viewport, width) is not None
        if counting:
            top = self.theme.top_margin
            placed = self._scene.key_events(
                self._viewport, width, self._key_rows(height), self._measure_headline
            )
        else:
            rows = self._visible_rows(height)
            top = self.theme.top_margin - rows.start * self.theme.row_height
            placed = self._scene.visible(self._viewport, width, self._measure, rows)
        return [
            paint.DrawnEvent(
                item.event,
                item.shape,
                item.x0,
                item.x1,
                top + item.row * self.theme.row_height,
                item.label,
                self._colour_of(item.event),
                item.right,
                item.label_x,
                item.label_inside,
                item.label_before,
            )
            for item in placed
        ]

    def _row_bar_room(self) -> float:
        """Width the row scrollbar takes on screen (nothing in exports)."""
        bar = self._row_bar
        return float(bar.width()) if self._painting_screen and bar.isVisible() else 0.0

    def _count_bars(self, grid: DensityGrid, width: float) -> list[Bar]:
        bar_seconds = BAR_PX * self._viewport.span / max(width, 1)
        return grid.bars(self._viewport.start, self._viewport.end, bar_seconds)

    def _paint_selection_line(self, painter: QPainter, width: float, height: float) -> None:
        if self._selected is None:
            return
        x = self._viewport.x_of(to_seconds(self._selected.start), width)
        if 0 <= x <= width:
            painter.setPen(QColor(self.theme.selection))
            painter.drawLine(QPointF(x, 0), QPointF(x, height - self.theme.axis_height))

    def _colour_of(self, event: Event) -> str:
        if self._color_mode == "source" and self._source is not None:
            key = self._source.article_label(event.article_id).source or str(event.article_id)
            index = zlib.crc32(key.encode("utf-8"))
        else:
            index = event.article_id
        return paint.CATEGORY_COLOURS[index % len(paint.CATEGORY_COLOURS)]

    def _legend(self) -> list[tuple[str, str]]:
        """(colour, name) of what the colours mean, when few enough are on screen to say."""
        if self._source is None:
            return []
        keys: dict[object, Event] = {}
        for item in self._drawn:
            article = item.event.article_id
            key = (
                self._source.article_label(article).source
                if self._color_mode == "source"
                else article
            )
            keys.setdefault(key, item.event)
            if len(keys) > LEGEND_MAX:
                return []
        if len(keys) < 2:
            return []
        entries = []
        for key, event in keys.items():
            label = self._source.article_label(event.article_id)
            if self._color_mode == "source":
                name = label.source or "unknown source"
            else:  # an article by its title and outlet, never "article 67"
                title = label.title or f"article {key}"
                name = f"{title} ({label.source})" if label.source else title
            entries.append((self._colour_of(event), name))
        return entries

    def _density_room(self, height: float) -> float:
        """Height of the count histogram while counts are drawn: a band beneath the
        story layer's labelled happenings, not the whole canvas."""
        usable = height - self.theme.axis_height - self.theme.top_margin
        return max(40.0, min(DENSITY_BAND_MAX, usable * DENSITY_BAND_SHARE))

    def _key_rows(self, height: float) -> int:
        """Rows of labelled happenings above the count band."""
        usable = height - self.theme.axis_height - self.theme.top_margin - 6
        usable -= self._density_room(height) + 14  # the band and its scale line
        return max(0, int(usable // self.theme.row_height))
