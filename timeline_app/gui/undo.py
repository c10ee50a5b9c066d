"""Undoable user corrections: ``QUndoCommand`` wrappers over commands/Repository calls.

Each command records, before it acts, exactly what it needs to put things back
(the previous date and whether it was the user's, whether the event already
carried a correction), so undo restores the machine's values rather than
freezing them as a fake user correction. The decisions stay in
``timeline_app.commands`` and the Repository; these classes only remember.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtGui import QUndoCommand

from timeline_app import event_edits
from timeline_app.articles import PublishedSource
from timeline_app.gui.formatting import article_title
from timeline_app.temporal.timex import Precision

Changed = Callable[[int], None]  # called with the id of the article that changed
Failed = Callable[[str], None]


class _RepositoryCommand(QUndoCommand):
    """Runs an action, then tells the window what changed; reports failures instead of raising.

    ``before_write`` runs first, every time (do, undo, redo): the window makes sure its
    connection still writes to the library other processes see.
    """

    before_write: Callable[[], object] = staticmethod(lambda: None)

    def __init__(
        self, text: str, repo: Any, article_id: int, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(text)
        self.article_id = article_id
        self._repo = repo
        self._changed = changed
        self._failed = failed

    def _run(self, action: Callable[[], None]) -> None:
        """Run ``action`` in one transaction: a failure half-way leaves the store as it was."""
        try:
            self.before_write()
            with self._repo.transaction():
                action()
        except (KeyError, ValueError, OSError, sqlite3.Error) as error:
            self.setObsolete(True)
            self._failed(f"{self.text()} failed: {error}")
            return
        self._changed(self.article_id)


class SetPublicationDateCommand(_RepositoryCommand):
    """Set an article's publication date; its events are re-resolved against it."""

    def __init__(
        self, repo: Any, article_id: int, new_date: date, changed: Changed, failed: Failed
    ) -> None:
        article = repo.article(article_id)
        title = article_title(article)
        super().__init__(f"Set publication date of “{title}”", repo, article_id, changed, failed)
        self.new_date = new_date
        self.old_date = article.published
        self.old_was_users = article.published_source == PublishedSource.USER

    def redo(self) -> None:
        from timeline_app import commands

        self._run(lambda: commands.set_publication_date(self._repo, self.article_id, self.new_date))

    def undo(self) -> None:
        from timeline_app import commands

        if self.old_was_users and self.old_date is not None:
            old_date = self.old_date
            self._run(lambda: commands.set_publication_date(self._repo, self.article_id, old_date))
        else:
            self._run(lambda: restore_machine_date(self._repo, self.article_id))


def restore_machine_date(repo: Any, article_id: int) -> None:
    """Forget the user's publication date and re-resolve against the machine's one."""
    from timeline_app import commands

    commands.clear_publication_date(repo, article_id)


class CorrectEventDateCommand(_RepositoryCommand):
    """Give an event the user's own dates."""

    def __init__(
        self,
        repo: Any,
        event_id: int,
        start: datetime,
        end: datetime,
        precision: Precision,
        changed: Changed,
        failed: Failed,
    ) -> None:
        event = repo.event(event_id)
        super().__init__(
            f"Correct date of “{event.expression}”", repo, event.article_id, changed, failed
        )
        self.event_id = event_id
        self.new = (start, end, precision)
        self.old = (event.start, event.end, event.precision)
        self.was_corrected = bool(repo.is_corrected(event_id))

    def redo(self) -> None:
        self._run(lambda: event_edits.correct_event_date(self._repo, self.event_id, *self.new))

    def undo(self) -> None:
        if self.was_corrected:
            self._run(lambda: event_edits.correct_event_date(self._repo, self.event_id, *self.old))
        else:
            self._run(lambda: event_edits.clear_event_correction(self._repo, self.event_id))


class HideEventCommand(_RepositoryCommand):
    """Hide an event from the timeline (or show a hidden one again)."""

    def __init__(
        self, repo: Any, event_id: int, hidden: bool, changed: Changed, failed: Failed
    ) -> None:
        event = repo.event(event_id)
        verb = "Hide" if hidden else "Show"
        super().__init__(
            f"{verb} event “{event.expression}”", repo, event.article_id, changed, failed
        )
        self.event_id = event_id
        self.hidden = hidden
        self.was_corrected = bool(repo.is_corrected(event_id))
        self.was_hidden = event.hidden

    def redo(self) -> None:
        self._run(lambda: event_edits.hide_event(self._repo, self.event_id, self.hidden))

    def undo(self) -> None:
        if self.was_corrected:
            self._run(lambda: event_edits.hide_event(self._repo, self.event_id, self.was_hidden))
        else:
            self._run(lambda: event_edits.clear_event_correction(self._repo, self.event_id))


class CorrectionsMixin:
    """The window's undoable corrections: ask, then push a command (mixed into MainWindow)."""

    # Provided by MainWindow.
    repo: Any
    prompts: Any
    undo_stack: Any
    _current_event_id: int | None
    refresh_after_change: Any
    current_article_id: Any
    _report_error: Any
    ensure_live_library: Any

    def _push(self, command: _RepositoryCommand) -> None:
        """Run a command (it commits at once) and keep it for undo."""
        command.before_write = self.ensure_live_library
        self.undo_stack.push(command)

    def set_publication_date(self, article_id: int, new_date: Any) -> None:
        self.ensure_live_library()
        self._push(
            SetPublicationDateCommand(
                self.repo, article_id, new_date, self.refresh_after_change, self._report_error
            )
        )

    def correct_event_date(self, event_id: int, start: Any, end: Any, precision: Any) -> None:
        self.ensure_live_library()
        self._push(
            CorrectEventDateCommand(
                self.repo,
                event_id,
                start,
                end,
                precision,
                self.refresh_after_change,
                self._report_error,
            )
        )

    def set_event_hidden(self, event_id: int, hidden: bool) -> None:
        self.ensure_live_library()
        self._push(
            HideEventCommand(
                self.repo, event_id, hidden, self.refresh_after_change, self._report_error
            )
        )

    def choose_publication_date(self) -> None:
        article_id = self.current_article_id()
        if article_id is None:
            return
        article = self.repo.article(article_id)
        chosen = self.prompts.publication_date(article_title(article), article.published)
        if chosen is not None and chosen != article.published:
            self.set_publication_date(article_id, chosen)

    def choose_event_date(self) -> None:
        if self._current_event_id is None:
            return
        event = self.repo.event(self._current_event_id)
        chosen = self.prompts.event_date(event.expression, event.start, event.precision)
        if chosen is not None:
            self.correct_event_date(event.id, *chosen)

    def toggle_current_event_hidden(self) -> None:
        if self._current_event_id is None:
            return
        event = self.repo.event(self._current_event_id)
        self.set_event_hidden(event.id, not event.hidden)
