"""The zoomable timeline canvas: a custom-painted QWidget over a ``TimelineSource``.

Custom painting (not one QGraphicsItem per event) keeps a library of 100,000
events as cheap as ten: ``TimelineScene`` decides what to fetch and where each
event goes; this widget holds the visible window and the selection, turns
mouse, wheel, pinch and keys into zoom/pan/selection, and paints.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget

from timeline_app.events.model import Event
from timeline_app.gui.timeline import export as timeline_export
from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.density import Bar, DensityGrid
from timeline_app.gui.timeline.fit import TimelineFitting
from timeline_app.gui.timeline.input import ZOOM_STEP, TimelineInput
from timeline_app.gui.timeline.label_metrics import TimelineLabels
from timeline_app.gui.timeline.render import TimelineRendering
from timeline_app.gui.timeline.rows import TimelineRows
from timeline_app.gui.timeline.scene import TimelineScene
from timeline_app.gui.timeline.source import TimelineSource, neighbour_event
from timeline_app.gui.timeline.time_scale import (
    Viewport,
    from_seconds,
    to_seconds,
)

SETTLE_MS = 80  # pause after the last pan/zoom step before the view re-queries


class TimelineView(
    TimelineInput, TimelineFitting, TimelineRows, TimelineRendering, TimelineLabels, QWidget
):
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
        self._init_rows()
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

    def select_event(self, event_id: int | None, *, reveal: bool = True) -> None:
        """Select an event (None clears) and bring it into view, drawn individually.

        With ``reveal=False`` the view stays where it is: the event is marked where
        it is drawn (its label, the selection line), for a selection the user did
        not make here, such as the one the window opens on.
        """
        if event_id is None or self._source is None:
            self._set_selected(None)
            self.update()
            return
        event = self._source.event(event_id)
        if event is None:
            return
        if reveal:
            self._select(event, emit=False)
        else:
            self._set_selected(event)
            self.update()

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
