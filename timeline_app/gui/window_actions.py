"""The window's actions (menu items, toolbar buttons, shortcuts) in one place.

Each action calls a method of the window's ``WindowCommands``; keeping them
here keeps the window module about layout and selection, and gives tests one
object to trigger actions on (``window.menu_actions.next.trigger()``).

This module does not import ``main_window`` (which imports it): what the
actions need from the window is spelled out by the ``WindowCommands`` protocol.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QToolBar

from timeline_app.gui import icons
from timeline_app.gui.timeline.input import CANVAS_KEYS


class WindowCommands(Protocol):
    """What the actions call: the user-level operations of the main window."""

    undo_stack: QUndoStack
    timeline: Any  # the canvas: zoom_in, zoom_out, toggle_fit, fit_everything

    def choose_files_to_import(self) -> None: ...
    def choose_folder_to_import(self) -> None: ...
    def choose_csv_export(self) -> None: ...
    def choose_image_export(self, kind: str) -> None: ...
    def choose_library(self) -> None: ...
    def choose_publication_date(self) -> None: ...
    def choose_event_date(self) -> None: ...
    def toggle_current_event_hidden(self) -> None: ...
    def focus_search(self) -> None: ...
    def step_event(self, step: int) -> None: ...
    def show_current_source(self) -> None: ...
    def toggle_show_hidden(self) -> None: ...
    def show_only_current_article(self) -> None: ...
    def show_all_articles(self) -> None: ...
    def set_colour_mode(self, mode: str) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


class WindowActions:
    """Every QAction of the main window, built and wired on construction.

    ``window`` owns the actions, menus and toolbar; ``commands`` (usually the
    same object) receives them.
    """

    def __init__(self, window: QMainWindow, commands: WindowCommands) -> None:
        self._window = window
        self._commands = commands
        self._build()

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | str | Sequence[QKeySequence | str] = (),
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self._window)
        if icon_name:
            action.setIcon(icons.icon(icon_name))
        if isinstance(shortcut, QKeySequence | str):
            shortcut = [shortcut]
        keys = [QKeySequence(s) if isinstance(s, str) else s for s in shortcut]
        if keys:
            action.setShortcuts(keys)
        action.setStatusTip(tip or text.replace("…", ""))
        action.setToolTip(
            f"{text.replace('…', '')} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            if keys
            else text.replace("…", "")
        )
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def _build(self) -> None:
        w = self._commands
        std = QKeySequence.StandardKey
        self.import_files = self._action(
            "&Import Files…", w.choose_files_to_import, QKeySequence(std.Open), icons.IMPORT_FILE
        )
        self.import_folder = self._action(
            "Import &Folder…", w.choose_folder_to_import, "Ctrl+Shift+O", icons.IMPORT_FOLDER
        )
        self.export_csv = self._action(
            "&Export CSV…",
            w.choose_csv_export,
            "Ctrl+E",
            icons.EXPORT,
            "Export the events shown as CSV",
        )
        self.export_png = self._action(
            "Export Timeline as &PNG…", lambda: w.choose_image_export("png"), (), icons.IMAGE
        )
        self.export_svg = self._action(
            "Export Timeline as &SVG…", lambda: w.choose_image_export("svg")
        )
        self.open_library = self._action(
            "&Open Library…",
            w.choose_library,
            "Ctrl+Shift+L",
            tip="Open another library database (asks before creating one where there is none)",
        )
        self.quit = self._action("&Quit", self._window.close, QKeySequence(std.Quit))

        self.undo = w.undo_stack.createUndoAction(self._window, "&Undo")
        self.undo.setShortcut(QKeySequence(std.Undo))
        self.undo.setIcon(icons.icon(icons.UNDO))
        self.redo = w.undo_stack.createRedoAction(self._window, "&Redo")
        self.redo.setShortcuts([QKeySequence(std.Redo), QKeySequence("Ctrl+Y")])
        self.redo.setIcon(icons.icon(icons.REDO))
        self._window.addActions([self.undo, self.redo])
        self.set_date = self._action(
            "Set &Publication Date…",
            w.choose_publication_date,
            "Ctrl+D",
            icons.CALENDAR,
            "Set the publication date of the selected article; its events are resolved again",
        )
        self.correct_event = self._action(
            "&Correct Event Date…", w.choose_event_date, "Ctrl+Shift+D", icons.EDIT_DATE
        )
        self.hide_event = self._action(
            "&Hide Event", w.toggle_current_event_hidden, "Delete", icons.HIDE
        )
        self.find = self._action("&Find Articles", w.focus_search, QKeySequence(std.Find))

        self.previous = self._action(
            "&Previous Event", lambda: w.step_event(-1), "Left", icons.PREVIOUS
        )
        self.next = self._action("&Next Event", lambda: w.step_event(1), "Right", icons.NEXT)
        self.show_source = self._action(
            "Show &Source", w.show_current_source, ["Return", "Enter"], icons.SOURCE
        )
        self.zoom_in = self._action(
            "Zoom &In", w.timeline.zoom_in, QKeySequence(std.ZoomIn), icons.ZOOM_IN
        )
        self.zoom_out = self._action(
            "Zoom &Out", w.timeline.zoom_out, QKeySequence(std.ZoomOut), icons.ZOOM_OUT
        )
        self.fit = self._action(
            "&Fit Events",
            w.timeline.toggle_fit,
            "Ctrl+0",
            icons.FIT,
            "Show where the events are; again to include far-off ones",
        )
        self.fit_everything = self._action(
            "Fit &All Events",
            w.timeline.fit_everything,
            "Ctrl+Shift+0",
            tip="Zoom out until every event is in view, however far off",
        )
        self.show_hidden = self._action("Show &Hidden Events", w.toggle_show_hidden)
        self.show_hidden.setCheckable(True)
        self.only_this_article = self._action(
            "Show &Only This Article", w.show_only_current_article
        )
        # Not Ctrl+A: text fields keep it for Select All.
        self.all_articles = self._action("Show &All Articles", w.show_all_articles, "Ctrl+Shift+A")
        self.colour_by_article = self._action(
            "Colour by &Article", lambda: w.set_colour_mode("article")
        )
        self.colour_by_source = self._action(
            "Colour by S&ource", lambda: w.set_colour_mode("source")
        )
        colour_group = QActionGroup(self._window)
        for action in (self.colour_by_article, self.colour_by_source):
            action.setCheckable(True)
            colour_group.addAction(action)
        self.colour_by_article.setChecked(True)
        self.shortcuts = self._action(
            "&Keyboard Shortcuts", w.show_shortcuts, QKeySequence(std.HelpContents)
        )
        self.about = self._action("&About Timeline Reader", w.show_about)
        # Arrow keys and Enter step and open events unless a text field wants them.
        for action in (self.previous, self.next, self.show_source):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(action, keys) for every action with a shortcut, in menu order."""
        rows = []
        for action in self._window.actions():
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            if keys:
                rows.append((action.text().replace("&", "").replace("…", ""), keys))
        return rows + list(CANVAS_KEYS)  # the canvas's keys have no actions of their own

    def install_menus_and_toolbar(self) -> None:
        """Put the actions into the menu bar and the toolbar of the window."""
        w = self._window
        menu_bar = w.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.open_library)
        file_menu.addSeparator()
        file_menu.addActions([self.import_files, self.import_folder])
        file_menu.addSeparator()
        file_menu.addActions([self.export_csv, self.export_png, self.export_svg])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.set_date, self.correct_event, self.hide_event])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)

        view_menu = menu_bar.addMenu("&View")
        view_menu.addActions([self.zoom_in, self.zoom_out, self.fit, self.fit_everything])
        view_menu.addSeparator()
        view_menu.addActions([self.previous, self.next, self.show_source])
        view_menu.addSeparator()
        view_menu.addAction(self.show_hidden)
        view_menu.addActions([self.only_this_article, self.all_articles])
        if hasattr(self._commands.timeline, "set_color_mode"):
            view_menu.addSeparator()
            view_menu.addActions([self.colour_by_article, self.colour_by_source])

        help_menu = menu_bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts, self.about])

        toolbar = QToolBar("Main", w)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([self.import_files, self.import_folder])
        toolbar.addAction(self.export_csv)
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out, self.zoom_in, self.fit])
        toolbar.addSeparator()
        toolbar.addActions([self.previous, self.next])
        toolbar.addSeparator()
        toolbar.addActions([self.set_date, self.correct_event, self.hide_event])
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
