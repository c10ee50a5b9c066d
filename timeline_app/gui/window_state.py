"""What the main window remembers between runs: layout, and per library the zoom and selection.

A mixin of ``MainWindow``; it expects the window's ``settings``, ``db_path``,
``timeline``, ``event_model``, splitters and ``select_event``.
"""

from __future__ import annotations

from typing import Any


class WindowStateMixin:
    """Save and restore the window's layout and per-library view state (QSettings)."""

    def _remember_visible_range(self, start: Any, end: Any) -> None:
        self._visible_range = (start, end)

    def _restore_state(self) -> None:
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("window", self.restoreState),
            ("mainSplitter", self.main_splitter.restoreState),
            ("centerSplitter", self.center_splitter.restoreState),
        ):
            state = self.settings.layout_state(key)
            if state is not None:
                restore(state)
        visible = self.settings.visible_range(self.db_path)
        setter = getattr(self.timeline, "set_visible_range", None)
        if visible is not None and setter is not None:
            setter(*visible)
        else:
            self.timeline.fit_all()
        remembered = self.settings.selected_event(self.db_path)
        if remembered is not None and self.event_model.row_of_event(remembered) >= 0:
            self.select_event(remembered)
            if visible is not None and setter is not None:
                setter(*visible)  # selecting may have panned: the remembered view wins

    def save_state(self) -> None:
        """Remember layout and zoom for the next run."""
        self.settings.set_layout_state("geometry", self.saveGeometry())
        self.settings.set_layout_state("window", self.saveState())
        self.settings.set_layout_state("mainSplitter", self.main_splitter.saveState())
        self.settings.set_layout_state("centerSplitter", self.center_splitter.saveState())
        visible = getattr(self, "_visible_range", None)
        if visible is not None:
            self.settings.set_visible_range(self.db_path, *visible)
        self.settings.set_selected_event(self.db_path, self._current_event_id)
        self.settings.set_last_database(self.db_path)
        self.settings.sync()
