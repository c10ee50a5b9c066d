"""Filling the window's lists from the library: articles, events, undated, status line.

A mixin of ``MainWindow``. A large events table fills its first page at once
and the rest from a background thread; the search and the article checkboxes
filter every list and the timeline alike.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from timeline_app.gui.formatting import checked_ids_text

ASYNC_EVENT_THRESHOLD = 20_000  # above this many events the table fills in the background


class LoadingMixin:
    """(Re)loading what the window shows."""

    # Provided by MainWindow.
    repo: Any
    reader: Any
    timeline: Any
    titles: Any
    event_model: Any
    article_model: Any
    undated_model: Any
    event_loader: Any
    story_filter: Any
    search_box: Any
    status_label: Any
    db_path: Any
    _timex_cache: dict[int, Any]
    _current_event_id: int | None
    select_event: Any
    _report_error: Any
    _update_actions: Any
    _events_loaded_first_time: Any

    def reload_all(self) -> None:
        """Re-read everything from the store (after an import or a correction)."""
        self.titles.refresh()
        self._reload_articles()
        self._reload_events()

    def _marks_of(self, article_id: int) -> tuple[list[Any], list[Any]]:
        """An article's time expressions and stored page furniture, as the reader marks them.

        Cached until the next reload (articles are long); the furniture is the
        one the import stored, so the reader need not look for it again.
        """
        cached = self._timex_cache.get(article_id)
        if cached is None:
            marks = (self.repo.timexes(article_id), self.repo.furniture(article_id))
            cached = self._timex_cache[article_id] = marks
        return cached

    def _reload_articles(self) -> None:
        self.article_model.reload(self.search_box.text())

    def _reload_events(self) -> None:
        self._timex_cache.clear()
        ids = self.article_model.included_ids()
        self._load_event_table(ids)
        self.undated_model.reload(ids)
        self.timeline.set_article_filter(ids)
        self._update_status()

    def _load_event_table(
        self, ids: Collection[int] | None, include_hidden: bool | None = None
    ) -> None:
        """Fill the events table: at once when small, else first page now and the rest
        from a background thread (decoding 100,000 events takes seconds)."""
        large = self.repo.event_count(include_hidden=True) > ASYNC_EVENT_THRESHOLD
        background = large and str(self.repo.path) != ":memory:"
        generation = self.event_model.reload(
            ids, include_hidden=include_hidden, first_page_only=background
        )
        if background:
            article_ids, hidden = self.event_model.request_args()
            self.event_loader.start(generation, article_ids, hidden)

    def _on_events_loaded(self, generation: int, events: Any) -> None:
        if not self.event_model.finish_loading(generation, events):
            return
        self._update_status()
        self._update_actions()
        if self._current_event_id is not None:
            self.select_event(self._current_event_id, "loaded")
        self._events_loaded_first_time()

    def _on_events_failed(self, generation: int, message: str) -> None:
        if generation == self.event_model.generation:
            self._report_error(f"Could not read the events: {message}")

    def _update_status(self) -> None:
        ids = self.article_model.included_ids()
        total = self.repo.article_count()
        events = self.event_model.total_count()
        undated = self.undated_model.total_count()
        event_text = (
            "loading events…"
            if self.event_model.loading
            else f"{events} event{'s' if events != 1 else ''}"
        )
        self.status_label.setText(
            f"{checked_ids_text(ids, total)}  ·  {event_text}"
            f"  ·  {undated} undated  ·  {self.db_path.name}"
        )

    def apply_search(self) -> None:
        self._reload_articles()
        self.story_filter.apply()  # the same words filter the timeline and both event lists

    def apply_article_filter(self, ids: Collection[int] | None) -> None:
        """Articles checked or unchecked: update the lists for just those articles."""
        if self.event_model.loading:
            self._load_event_table(ids)
        else:
            self.event_model.set_article_ids(ids)
        self.undated_model.set_article_ids(ids)
        self.timeline.set_article_filter(ids)  # the canvas re-reads its source itself
        self._update_status()
        if self._current_event_id is not None:
            if self.event_model.row_of_event(self._current_event_id) < 0:
                self._current_event_id = None
                self.reader.clear()
            else:
                self.select_event(self._current_event_id, "filter")
        self._update_actions()
