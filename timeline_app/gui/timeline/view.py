"""The zoomable timeline canvas: a custom-painted QWidget over a ``TimelineSource``.

Custom painting (not one QGraphicsItem per event) keeps a library of 100,000
events as cheap as ten: ``TimelineScene`` decides what to fetch and where each
event goes; this widget holds the visible window and the selection, turns
mouse, wheel, pinch and keys into zoom/pan/selection, and paints.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QScrollBar, QWidget

from timeline_app.events.model import Event
from timeline_app.gui.timeline import export as timeline_export
from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.density import Bar, DensityGrid
from timeline_app.gui.timeline.fit import TimelineFitting
from timeline_app.gui.timeline.input import ZOOM_STEP, TimelineInput
from timeline_app.gui.timeline.scene import BAR_PX, TimelineScene
from timeline_app.gui.timeline.source import TimelineSource, neighbour_event
from timeline_app.gui.timeline.time_scale import (
    Viewport,
    build_axis,
    from_seconds,
    to_seconds,
)

LEGEND_MAX = 6  # more articles or sources than this on screen: hover tells instead
SETTLE_MS = 80  # pause after the last pan/zoom step before the view re-queries
DENSITY_BAND_SHARE = 0.3  # of the canvas the count histogram takes beneath labelled happenings
DENSITY_BAND_MAX = 150.0


class TimelineView(TimelineInput, TimelineFitting, QWidget):
    """Horizontal time axis with events; zoom, pan, select, export.

    Keys: Left/Right select the previous/next event, Enter activates it, +/-
    zoom, Ctrl+0 shows where the events are (again: every event, outliers
    included; Ctrl+Shift+0 directly), Shift+Left/Right and PageUp/PageDown pan,
    Home/End jump to the first/last event. When the events in view need more rows
    than fit, Shift+wheel, Up/Down or the scrollbar on the right scroll the rows.
    """

    eventSelected = Signal(int)
    eventActivated = Signal(int)
    visibleRangeChanged = Signal(object, object)
    dataReloaded = Signal()
    selectionChanged = Signal()  # any change of selection, by the user or by select_event

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 160)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Events on a time axis. Left and Right select events, Enter opens one, "
            "plus and minus zoom, Shift with arrows pans, Ctrl+0 shows where the events are."
        )
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.theme = paint.Theme()
        self._scene = TimelineScene()
        self._viewport = Viewport.from_datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1))
        self._label_cache: dict[int, tuple[str, float]] = {}
        self._headline_cache: dict[int, tuple[str, float]] = {}
        self._reset_metrics()
        self._drawn: list[paint.DrawnEvent] = []
        self._bars: list[Bar] = []
        self._first_row = 0  # the top visible row while events are drawn in rows
        self._row_bar = QScrollBar(Qt.Orientation.Vertical, self)
        self._row_bar.setAccessibleName("Timeline rows")
        self._row_bar.setCursor(Qt.CursorShape.ArrowCursor)
        self._row_bar.hide()
        self._row_bar.valueChanged.connect(self.scroll_rows_to)
        self._painting_screen = False
        self._selected: Event | None = None
        self._hovered_id: int | None = None
        self._hovered_bar: Bar | None = None
        self._press: QPointF | None = None
        self._press_viewport: Viewport | None = None
        self._dragging = False
        self._color_mode = "article"
        self._init_fitting()
        # Re-fetch for the current zoom once the user pauses (see TimelineScene.fetched).
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(SETTLE_MS)
        self._refresh_timer.timeout.connect(self.settle)

    # -- data ------------------------------------------------------------------------

    def set_source(self, source: TimelineSource | None) -> None:
        """Show ``source``'s events, framed where they are (``fit_all``)."""
        self._scene.source = source
        self._set_selected(None)
        self.reload()
        self.fit_all()

    @property
    def _source(self) -> TimelineSource | None:
        return self._scene.source

    @property
    def _span(self) -> tuple[datetime, datetime] | None:
        return self._scene.span

    def source(self) -> TimelineSource | None:
        return self._scene.source

    def reload(self) -> None:
        """Re-read the source (after an import, a correction, a filter change)."""
        self._label_cache.clear()
        self._headline_cache.clear()
        had_events = self._scene.span is not None
        self._scene.reload()
        self._beyond_cache = None
        if self._selected is not None and self._source is not None:
            self._set_selected(self._source.event(self._selected.id))
        self.dataReloaded.emit()
        if not had_events and self._scene.span is not None:
            self.fit_all()  # the first events arrived (e.g. the first import): show them
        self.update()

    def set_article_filter(self, ids: Collection[int] | None) -> None:
        """Show only these articles' events (None = all); the visible window is kept."""
        if self._source is None:
            return
        self._source.article_ids = None if ids is None else list(ids)
        self.reload()

    def set_search(self, text: str | None) -> None:
        """Show only the events matching ``text`` (None or blank = all); the window is kept."""
        if self._source is None:
            return
        words = (text or "").strip() or None
        if words == self._source.search:
            return
        self._source.search = words
        self.reload()

    def search(self) -> str | None:
        """The search the canvas is filtered by (None = none)."""
        return None if self._source is None else self._source.search

    def set_color_mode(self, mode: str) -> None:
        """Colour events by ``"article"`` or by ``"source"`` (the article's outlet)."""
        if mode not in ("article", "source"):
            raise ValueError(f"colour mode must be 'article' or 'source', got {mode!r}")
        self._color_mode = mode
        self.update()

    def global_density(self) -> DensityGrid | None:
        """Counts over the whole span (what the overview strip draws)."""
        return self._scene.global_grid

    def data_span(self) -> tuple[datetime, datetime] | None:
        return self._span

    # -- visible window --------------------------------------------------------------

    @property
    def background_colour(self) -> str:
        """The canvas background, which exports fill before painting."""
        return self.theme.background

    def visible_range(self) -> tuple[datetime, datetime]:
        return from_seconds(self._viewport.start), from_seconds(self._viewport.end)

    def viewport(self) -> Viewport:
        return self._viewport

    def set_visible_range(self, start: datetime, end: datetime) -> None:
        self._set_viewport(Viewport.from_datetimes(start, end))

    def frame_bar(self, bar: Bar) -> None:
        """Show exactly the slice of time a count bar covers: the events it counts (each
        at its middle, where it is drawn) are then the events in view."""
        self._set_viewport(Viewport.around(bar.start, bar.end))

    def set_viewport(self, viewport: Viewport) -> None:
        """Show exactly ``viewport`` (the overview strip drives the view through this)."""
        self._set_viewport(viewport)

    def _set_viewport(self, viewport: Viewport) -> None:
        if viewport == self._viewport:
            return
        self._viewport = viewport
        if self._refresh_timer.isActive():
            self._refresh_timer.start()  # still moving: wait for the pause
        self.update()
        self.visibleRangeChanged.emit(*self.visible_range())

    def view_state(self) -> dict[str, str]:
        """The zoom and position as plain strings, for the main window to persist."""
        start, end = self.visible_range()
        return {"start": start.isoformat(), "end": end.isoformat()}

    def restore_view_state(self, state: object) -> bool:
        """Restore what ``view_state`` returned; False (and no change) if it is unusable."""
        if not isinstance(state, dict):
            return False
        try:
            start = datetime.fromisoformat(str(state["start"]))
            end = datetime.fromisoformat(str(state["end"]))
        except (KeyError, ValueError):
            return False
        if end <= start:
            return False
        self.set_visible_range(start, end)
        return True

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` (>1 in) keeping the time under ``anchor_x`` (default centre)."""
        anchor = 0.5 if anchor_x is None else anchor_x / max(self.width(), 1)
        self._set_viewport(self._viewport.zoomed(factor, anchor))

    def pan_by_pixels(self, dx: float) -> None:
        """Move the window by ``dx`` pixels (positive shows later times)."""
        self._set_viewport(self._viewport.panned(dx * self._viewport.span / max(self.width(), 1)))

    # -- selection -------------------------------------------------------------------

    def selected_event_id(self) -> int | None:
        return None if self._selected is None else self._selected.id

    def selected_event(self) -> Event | None:
        """The selected event itself (the overview strip marks where it is)."""
        return self._selected

    def select_event(self, event_id: int | None) -> None:
        """Select an event (None clears) and bring it into view, drawn individually."""
        if event_id is None or self._source is None:
            self._set_selected(None)
            self.update()
            return
        event = self._source.event(event_id)
        if event is None:
            return
        self._select(event, emit=False)

    def _set_selected(self, event: Event | None) -> None:
        changed = event != self._selected
        self._selected = event
        if changed:
            self.selectionChanged.emit()

    def _select(self, event: Event, emit: bool) -> None:
        self._set_selected(event)
        self._reveal(event)
        self.update()
        if emit:
            self.eventSelected.emit(event.id)

    def _reveal(self, event: Event) -> None:
        """Pan (and zoom in if need be) until ``event`` is drawn on screen."""
        start, end = to_seconds(event.start), to_seconds(event.end)
        view = self._viewport
        if end - start > view.span * 0.9:
            view = Viewport.around(start - (end - start) * 0.1, end + (end - start) * 0.1)
        elif not (view.start <= start and end <= view.end):
            view = view.panned((start + end) / 2 - (view.start + view.end) / 2)
        for _ in range(12):  # each step zooms 4x around the event
            self._set_viewport(view)
            if self._scene.fetched(view, self.width(), allow_stale=False).events is not None:
                break
            view = view.zoomed(4.0, ((start + end) / 2 - view.start) / view.span)
        self._set_viewport(view)
        self._scroll_to_row_of(event)  # its row may be scrolled out of sight

    def step_selection(self, step: int) -> None:
        """Select the next (step > 0) or previous event in time order."""
        if self._source is None or self._span is None:
            return
        current: Event | tuple[datetime, int] | None = self._selected
        if current is None:  # start from the edge of the view
            visible_start, visible_end = self.visible_range()
            current = (visible_start, -1) if step > 0 else (visible_end, sys.maxsize)
        target = neighbour_event(self._source, current, step, self._span)
        if target is not None:
            self._select(target, emit=True)

    def activate_selected(self) -> None:
        if self._selected is not None:
            self.eventActivated.emit(self._selected.id)

    # -- layout ----------------------------------------------------------------------

    def _measure(self, event: Event) -> tuple[str, float]:
        """The label as drawn (whitespace collapsed, elided) and its width; cached."""
        cached = self._label_cache.get(event.id)
        if cached is None:
            cached = self._label_cache[event.id] = self._fitted(event.label or event.expression)
        return cached

    def _measure_headline(self, event: Event) -> tuple[str, float]:
        """The happening's headline as the story layer draws it, and its width; cached."""
        cached = self._headline_cache.get(event.id)
        if cached is None:
            text = event.headline or event.label or event.expression
            cached = self._headline_cache[event.id] = self._fitted(text)
        return cached

    def _fitted(self, text: str) -> tuple[str, float]:
        """``text`` with whitespace collapsed, elided to the label width, and its width.

        Widths are sums of cached per-character advances: a few microseconds per
        label instead of a font-engine call, so laying out hundreds of fresh events
        stays within a frame. The row gap absorbs the small kerning error.
        """
        text = " ".join(text.split())
        advances = self._advances
        for char in set(text).difference(advances):
            advances[char] = self._label_metrics.horizontalAdvance(char)
        width = sum(map(advances.__getitem__, text))  # a C-level loop
        limit = self.theme.max_label_px - self._ellipsis_width
        if width > limit:  # cut at the last character that fits, then add "…"
            width = 0.0
            for index, char in enumerate(text):
                if width + advances[char] > limit:
                    text = text[:index].rstrip() + "…"
                    break
                width += advances[char]
            width = sum(map(advances.__getitem__, text[:-1])) + self._ellipsis_width
        return text, width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._reset_metrics()
            self.reload()
        super().changeEvent(event)

    def _reset_metrics(self) -> None:
        self._label_texts = paint.TextCache(paint.label_font(self.font()), self.theme.label_text)
        self._axis_texts = (
            paint.TextCache(paint.tick_font(self.font()), self.theme.tick_text),
            paint.TextCache(paint.context_font(self.font()), self.theme.context_text),
        )
        self._label_metrics = QFontMetricsF(paint.label_font(self.font()))
        self._ellipsis_width = self._label_metrics.horizontalAdvance("…")
        self._advances: dict[str, float] = {}
        self._label_cache.clear()
        self._headline_cache.clear()

    def _rows_available(self, height: float) -> int:
        """Rows of events that fit on the canvas at once."""
        usable = height - self.theme.axis_height - self.theme.top_margin - 6
        return max(1, int(usable // self.theme.row_height))

    def row_count(self) -> int:
        """Rows the events in view are laid out in (0 while counts are drawn)."""
        if self._scene.empty or self._scene.counts(self._viewport, self.width()) is not None:
            return 0
        return self._scene.row_count(self._viewport, self.width(), self._measure)

    def first_row(self) -> int:
        """The row shown at the top of the canvas (0 unless scrolled)."""
        return self._first_row

    def scroll_rows_to(self, row: int) -> None:
        """Show rows from ``row`` down (clamped to the rows there are)."""
        last = max(0, self.row_count() - self._rows_available(self.height()))
        row = max(0, min(int(row), last))
        if row != self._first_row:
            self._first_row = row
            self.update()

    def scroll_rows_by(self, rows: int) -> None:
        """Scroll the rows down (positive) or up by ``rows``."""
        self.scroll_rows_to(self._first_row + rows)

    def _scroll_to_row_of(self, event: Event) -> None:
        """Scroll so the row holding ``event`` is on screen."""
        if self._scene.empty or self._scene.counts(self._viewport, self.width()) is not None:
            return
        row = self._scene.row_of(event.id, self._viewport, self.width(), self._measure)
        if row is None:
            return
        visible = self._rows_available(self.height())
        if row < self._first_row:
            self.scroll_rows_to(row)
        elif row >= self._first_row + visible:
            self.scroll_rows_to(row - visible + 1)

    def _visible_rows(self, height: float) -> range:
        return range(self._first_row, self._first_row + self._rows_available(height))

    def _sync_row_bar(self, rows: int, height: float) -> None:
        """Show the row scrollbar when the rows outnumber what fits, clamping the scroll."""
        visible = self._rows_available(height)
        last = max(0, rows - visible)
        self._first_row = min(self._first_row, last)
        bar = self._row_bar
        bar.blockSignals(True)
        bar.setRange(0, last)
        bar.setPageStep(visible)
        bar.setValue(self._first_row)
        bar.blockSignals(False)
        if bar.isVisible() != bool(last):
            bar.setVisible(bool(last))

    def resizeEvent(self, event: QResizeEvent) -> None:
        top = self.theme.top_margin
        extent = self._row_bar.sizeHint().width()
        self._row_bar.setGeometry(
            self.width() - extent,
            int(top),
            extent,
            int(self.height() - self.theme.axis_height - top),
        )
        super().resizeEvent(event)

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

    def event_rect(self, event_id: int) -> QRectF | None:
        """Where an event's shape is drawn now (None when it is not drawn individually)."""
        for item in self._visible_drawn(self.width(), self.height()):
            if item.event.id == event_id:
                return item.shape_rect(self.theme)
        return None

    def drawn_events(self) -> list[paint.DrawnEvent]:
        """Events as placed by the last paint (for tests and accessibility)."""
        return list(self._drawn)

    def drawn_bars(self) -> list[Bar]:
        """Count bars drawn by the last paint (empty when events were drawn)."""
        return list(self._bars)

    def settle(self) -> None:
        """Fetch what the current zoom deserves, and count exactly what begins beyond
        the edges, now instead of after the pause."""
        self._refresh_timer.stop()
        if self._scene.empty:
            return
        refetched = self._scene.refresh(self._viewport, self.width())
        if self._refresh_beyond() or refetched:
            self.update()

    def undrawn_count(self) -> int:
        """Events in view laid out in rows scrolled out of sight (reachable by scrolling)."""
        if self._scene.empty or self._scene.counts(self._viewport, self.width()) is not None:
            return 0
        shown = self._visible_rows(self.height())
        placed = self._scene.visible(self._viewport, self.width(), self._measure)
        return sum(1 for item in placed if item.row not in shown and _in_view(item, self.width()))

    def is_aggregated(self) -> bool:
        """True when the current window is drawn as counts rather than events (once settled)."""
        self.settle()
        if self._scene.empty:
            return False
        return self._scene.counts(self._viewport, self.width()) is not None

    # -- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._painting_screen = True
        try:
            self.render_timeline(painter, self.width(), self.height())
        finally:
            self._painting_screen = False
            painter.end()

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
                width,
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

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden view does not settle (its store may be closing); painting restarts it."""
        self._refresh_timer.stop()
        super().hideEvent(event)

    # -- export ----------------------------------------------------------------------

    def export_png(self, path: str | Path, scale: float = 2.0) -> Path:
        """Save the timeline as it is shown, at ``scale`` times the screen resolution."""
        return timeline_export.export_png(self, Path(path), scale)

    def export_svg(self, path: str | Path) -> Path:
        """Save the timeline as it is shown as a scalable SVG drawing."""
        return timeline_export.export_svg(self, Path(path))


def _in_view(item, width: float) -> bool:
    """Whether a placed event's shape or label lies across the canvas horizontally."""
    return item.right >= 0 and min(item.x0, item.label_x) <= width
