"""The window in step with its library: after its own edits and after other processes' ones.

A mixin of ``MainWindow``. Every refresh re-reads what is shown from the
database (library rows, events, timeline, the reader's header and text) and
keeps the user's place: the current event is found again by what it is (its
article and time expression, since re-resolving gives events new row ids),
the article in the reader and the one selected in the library stay.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel

from timeline_app.gui.library_watch import LibraryWatcher

EventKey = tuple[int, int, int]  # article id, time expression start and end


class LibrarySyncMixin:
    """Refreshing the window while keeping the selection; watching for others' changes."""

    # Provided by MainWindow.
    repo: Any
    reader: Any
    importer: Any
    event_loader: Any
    article_model: Any
    article_view: Any
    event_model: Any
    undated_model: Any
    timeline: Any
    _current_event_id: int | None
    _timex_cache: dict[int, Any]
    _syncing: bool
    reload_all: Any
    select_event: Any
    statusBar: Any
    _load_event_table: Any
    _marks_of: Any
    _update_status: Any
    _update_actions: Any

    def _start_library_watch(self) -> None:
        self.library_watch = LibraryWatcher(self.repo, self, busy=self._other_connections_open)  # type: ignore[arg-type]
        self.library_watch.changedElsewhere.connect(self.refresh_from_library)
        self.library_watch.reconnected.connect(self._on_library_reconnected)

    def _other_connections_open(self) -> bool:
        """While a worker thread has its own connection, reopening ours would not help."""
        return bool(self.importer.is_running() or self.event_loader.is_running())

    def ensure_live_library(self) -> None:
        """Before writing: make sure the connection still writes to the real library."""
        self.library_watch.ensure_live()

    def _on_library_reconnected(self, reason: str) -> None:
        self.statusBar().showMessage(f"Reopened the library ({reason}); re-read it", 10000)
        self.refresh_from_library()

    def refresh_from_library(self) -> None:
        """Another process changed the library: re-read everything, keep the user's place."""
        self.refresh_after_change(None)
        self.library_watch.acknowledge()

    def refresh_after_change(self, article_id: int | None = None) -> None:
        """After an edit, an undo or a change from elsewhere: re-read what is shown.

        With ``article_id`` only that article's rows are re-read (fast on a large library).
        """
        event_key = self._shown_event_key()
        reader_article = self.reader.article()
        library_article = self._library_article_id()
        if article_id is None:
            self.reload_all()
            self._select_library_article(library_article)
        else:
            self._timex_cache.pop(article_id, None)
            self.article_model.update_articles([article_id])
            if self.event_model.loading:
                self._load_event_table(self.article_model.included_ids())
            else:
                self.event_model.update_articles([article_id])
            self.undated_model.update_articles([article_id])
            self.timeline.reload()
            self._update_status()
        event_id = self._event_with_key(event_key) if event_key is not None else None
        if event_id is not None:
            self.select_event(event_id, "refresh")
        else:
            self._current_event_id = None
            self._show_fresh_article(reader_article.id if reader_article is not None else None)
        self._update_actions()

    def _shown_event_key(self) -> EventKey | None:
        event = self.reader.current_event()
        if event is None or self._current_event_id is None:
            return None
        return event.article_id, event.timex_start, event.timex_end

    def _event_with_key(self, key: EventKey) -> int | None:
        """The event that is now stored for this article and time expression, if any."""
        article_id, start, end = key
        for event in self.repo.events(article_ids=[article_id], include_hidden=True):
            if (event.timex_start, event.timex_end) == (start, end):
                # Still listed (or the list is still arriving from the background loader,
                # which selects it in the table once loaded): filtered out, it is not shown.
                listed = self.event_model.loading or self.event_model.row_of_event(event.id) >= 0
                return event.id if listed else None
        return None

    def _show_fresh_article(self, article_id: int | None) -> None:
        """Show the reader's article as stored now (its new date in the header), or nothing."""
        if article_id is None:
            return
        try:
            fresh = self.repo.article(article_id)
        except KeyError:
            self.reader.clear()
            return
        self.reader.show_article(fresh, *self._marks_of(fresh.id))

    def _library_article_id(self) -> int | None:
        index = self.article_view.currentIndex()
        return self.article_model.row_item(index.row()).id if index.isValid() else None

    def _select_library_article(self, article_id: int | None) -> None:
        if article_id is None:
            return
        row = self.article_model.row_of_article(article_id)
        if row < 0:
            return
        self._syncing = True  # only restoring the highlight: the reader is handled apart
        try:
            self.article_view.selectionModel().setCurrentIndex(
                self.article_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._syncing = False
