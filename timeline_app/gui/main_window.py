"""The main window: library on the left, timeline and event lists in the middle, reader right.

The window wires views to models and user actions to ``timeline_app.commands``,
the Repository and the undo stack; it makes no decisions of its own about dates
or events. Which event and article are current, kept the same in every pane,
is ``window_selection``'s job.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timeline_app import __version__
from timeline_app.gui import icons
from timeline_app.gui.background import EventLoader
from timeline_app.gui.dialogs import ImportFailuresDialog, Prompts, ShortcutsDialog
from timeline_app.gui.event_models import EventTableModel, UndatedListModel
from timeline_app.gui.file_flows import FileFlowsMixin
from timeline_app.gui.first_view import FirstViewMixin
from timeline_app.gui.import_worker import ImportController
from timeline_app.gui.key_events import KeyEventsModel, KeyEventsView
from timeline_app.gui.library_view import LibraryPane, style_table
from timeline_app.gui.models import ArticleTableModel, ArticleTitles
from timeline_app.gui.reader import ReaderPanel
from timeline_app.gui.settings import AppSettings
from timeline_app.gui.story_filter import StoryFilter, StoryFilterBar
from timeline_app.gui.undo import CorrectionsMixin
from timeline_app.gui.window_actions import WindowActions
from timeline_app.gui.window_loading import LoadingMixin
from timeline_app.gui.window_selection import SelectionMixin
from timeline_app.gui.window_state import WindowStateMixin
from timeline_app.gui.window_sync import LibrarySyncMixin

SEARCH_DELAY_MS = 250


class MainWindow(
    LoadingMixin,
    SelectionMixin,
    LibrarySyncMixin,
    CorrectionsMixin,
    FileFlowsMixin,
    WindowStateMixin,
    FirstViewMixin,
    QMainWindow,
):
    """Timeline Reader's window.

    ``timeline`` is the canvas (engineer E's ``TimelineView`` or anything with its
    signals and methods); ``prompts`` asks the user things (replaceable in tests).
    """

    def __init__(
        self,
        repo: Any,
        *,
        db_path: Path,
        settings: AppSettings,
        timeline: QWidget,
        overview: QWidget | None = None,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__()
        self.repo = repo
        self.db_path = Path(db_path)
        self.settings = settings
        self.prompts = prompts or Prompts(self)
        self.undo_stack = QUndoStack(self)
        self.failures_dialog: ImportFailuresDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.context_menu: QMenu | None = None
        self.requested_database: Path | None = None  # set by File > Open Library…
        self._current_event_id: int | None = None
        self._timex_cache: dict[int, tuple[list[Any], list[Any]]] = {}
        self._syncing = False

        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Timeline Reader — {self.db_path.name}")
        self.setWindowIcon(icons.icon(icons.APP))
        self.setAcceptDrops(True)

        self.article_model = ArticleTableModel(repo, self)
        self.titles = ArticleTitles(repo)
        self.event_model = EventTableModel(repo, self, self.titles)
        self.undated_model = UndatedListModel(repo, self, self.titles)
        self.timeline = timeline
        self.overview = overview
        self.reader = ReaderPanel(self)
        self.importer = ImportController(self.db_path, self)
        self.event_loader = EventLoader(self.db_path, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self._start_library_watch()  # polls for other processes' changes

        self._build_panes()
        self.menu_actions = WindowActions(self, self)
        self.menu_actions.install_menus_and_toolbar()
        self._connect_signals()
        self.story_filter = StoryFilter(self, self.story_bar, self.key_events_view)
        self.reload_all()
        self.story_filter.apply()
        self._restore_state()
        self._open_first_view()  # the top key event, unless a selection was remembered
        self._update_actions()
        # Start on the timeline, so the arrow keys step through events at once.
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- layout -----------------------------------------------------------------------------

    def _build_panes(self) -> None:
        library = LibraryPane(self.article_model, self)
        self.search_box = library.search_box
        self.article_view = library.view

        self.event_view = QTableView(self)
        self.event_view.setObjectName("eventView")
        self.event_view.setModel(self.event_model)
        style_table(self.event_view)
        event_header = self.event_view.horizontalHeader()
        self.event_view.setColumnWidth(EventTableModel.DATE, 150)
        event_header.setSectionResizeMode(EventTableModel.LABEL, QHeaderView.ResizeMode.Stretch)
        self.event_view.setColumnWidth(EventTableModel.ARTICLE, 190)
        self.event_view.sortByColumn(EventTableModel.DATE, Qt.SortOrder.AscendingOrder)

        self.undated_view = QListView(self)
        self.undated_view.setObjectName("undatedView")
        self.undated_view.setModel(self.undated_model)
        self.undated_view.setUniformItemSizes(True)
        self.undated_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.lists_tabs = QTabWidget(self)
        self.lists_tabs.setObjectName("listsTabs")
        self.lists_tabs.setDocumentMode(True)
        self.lists_tabs.addTab(self.event_view, "Events")
        self.lists_tabs.addTab(self.undated_view, "Undated && vague")

        timeline_box = QWidget(self)
        timeline_box.setObjectName("timelinePane")
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.setSpacing(0)
        self.story_bar = StoryFilterBar(self)
        timeline_layout.addWidget(self.story_bar)
        if self.overview is not None:
            timeline_layout.addWidget(self.overview)
        timeline_layout.addWidget(self.timeline, 1)

        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.center_splitter.setObjectName("centerSplitter")
        self.center_splitter.addWidget(timeline_box)
        # The Key events list (importance order) beside the date-ordered tables.
        self.key_events_view = KeyEventsView(KeyEventsModel(self.repo, self), self)
        self.lists_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.lists_splitter.setObjectName("listsSplitter")
        self.lists_splitter.addWidget(self.lists_tabs)
        self.lists_splitter.addWidget(self.key_events_view)
        self.center_splitter.addWidget(self.lists_splitter)
        self.center_splitter.setStretchFactor(0, 3)
        self.center_splitter.setStretchFactor(1, 2)
        self.center_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(library)
        self.main_splitter.addWidget(self.center_splitter)
        self.main_splitter.addWidget(self.reader)
        self.main_splitter.setChildrenCollapsible(False)
        library.setMinimumWidth(220)
        self.center_splitter.setMinimumWidth(320)
        self.reader.setMinimumWidth(260)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setStretchFactor(2, 0)
        self.center_splitter.setSizes([420, 260])
        self.setCentralWidget(self.main_splitter)
        for widget, name in (
            (self.article_view, "Library: articles, checked ones are on the timeline"),
            (self.search_box, "Search articles and events"),
            (self.timeline, "Timeline"),
            (self.event_view, "Events"),
            (self.undated_view, "Undated and vague time expressions"),
            (self.reader, "Reader: the selected event's article"),
        ):
            widget.setAccessibleName(name)
        # Tab walks the panes left to right, top to bottom.
        order = [
            self.search_box,
            self.article_view,
            self.timeline,
            self.event_view,
            self.undated_view,
            self.reader.text_widget(),
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)
        self._fit_default_size()

    def _fit_default_size(self) -> None:
        """Up to 1600x1000, at most 94% of the screen, so nothing starts off-screen."""
        width, height = 1600, 1000
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.94))
            height = min(height, int(available.height() * 0.94))
        self.resize(width, height)
        left = max(300, width * 27 // 100)
        right = max(320, width * 26 // 100)
        self.main_splitter.setSizes([left, width - left - right, right])

    # -- actions ----------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.apply_search)
        self.article_model.includedChanged.connect(self.apply_article_filter)
        self.article_view.selectionModel().currentRowChanged.connect(self._on_article_row)
        self.event_view.selectionModel().currentRowChanged.connect(self._on_event_row)
        self.event_view.activated.connect(lambda _index: self.show_current_source())
        self.undated_view.activated.connect(self._on_undated_activated)
        self.article_view.doubleClicked.connect(self._on_article_double_clicked)
        self.timeline.eventSelected.connect(
            lambda event_id: self.select_event(event_id, "timeline")
        )
        self.timeline.eventActivated.connect(self._on_timeline_activated)
        if hasattr(self.timeline, "visibleRangeChanged"):
            self.timeline.visibleRangeChanged.connect(self._remember_visible_range)
        self.reader.timexClicked.connect(self.select_event_at)
        for view in (self.article_view, self.event_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda point, view=view: self._show_context_menu(view, point)
            )
        self.event_loader.loaded.connect(self._on_events_loaded)
        self.event_loader.failed.connect(self._on_events_failed)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.finished.connect(lambda _report: self.library_watch.acknowledge())
        self.importer.failed.connect(lambda _message: self.library_watch.acknowledge())
        self.importer.failed.connect(self._on_import_failed)
        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_actions())
        self.undo_stack.indexChanged.connect(lambda _index: self._update_actions())

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _update_actions(self) -> None:
        has_event = self._current_event_id is not None
        self.menu_actions.correct_event.setEnabled(has_event)
        self.menu_actions.hide_event.setEnabled(has_event)
        self.menu_actions.set_date.setEnabled(self.current_article_id() is not None)
        event = self.reader.current_event()
        hidden = bool(event is not None and event.hidden)
        self.menu_actions.hide_event.setText("Un&hide Event" if hidden else "&Hide Event")
        has_events = self.event_model.total_count() > 0
        for action in (
            self.menu_actions.previous,
            self.menu_actions.next,
            self.menu_actions.export_csv,
        ):
            action.setEnabled(has_events)

    def toggle_show_hidden(self) -> None:
        self._load_event_table(
            self.article_model.included_ids(),
            include_hidden=self.menu_actions.show_hidden.isChecked(),
        )
        self._update_status()

    def show_only_current_article(self) -> None:
        """Take every other article off the timeline."""
        article_id = self.current_article_id()
        if article_id is not None:
            self.article_model.include_only([article_id])

    def show_all_articles(self) -> None:
        self.article_model.include_only(None)

    def set_colour_mode(self, mode: str) -> None:
        """Colour the timeline by article or by source (the canvas decides the colours)."""
        setter = getattr(self.timeline, "set_color_mode", None)
        if setter is not None:
            setter(mode)

    def _show_context_menu(self, view: QAbstractItemView, point: QPoint) -> None:
        """Right-click in the library or the events list: the actions on that row."""
        index = view.indexAt(point)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        acts = self.menu_actions
        menu = QMenu(self)
        if view is self.event_view:
            menu.addActions([acts.show_source, acts.correct_event, acts.hide_event])
        else:
            menu.addActions([acts.set_date, acts.only_this_article, acts.all_articles])
        menu.popup(view.viewport().mapToGlobal(point))
        self.context_menu = menu

    def _report_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.prompts.error("Timeline Reader", message)

    def choose_library(self) -> None:
        """Ask for another library database; the app reopens on it (see ``run_app``).

        A path with no library yet becomes one only if the user confirms.
        """
        path = self.prompts.library_path(str(self.db_path.parent))
        if path is None or path.resolve() == self.db_path.resolve():
            return
        if not path.exists() and not self.prompts.create_library(path):
            return
        self.requested_database = path
        self.close()

    # -- help -----------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """A non-modal list of every keyboard shortcut, built from the actions themselves."""
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.menu_actions.shortcut_table(), self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    def show_about(self) -> None:
        self.prompts.about(
            "About Timeline Reader",
            f"Timeline Reader {__version__}\n\nReads news articles as a dated, zoomable "
            f"timeline.\nDatabase: {self.db_path}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.library_watch.stop()
        if self.importer.is_running():
            self.importer.cancel_and_wait()
        self.save_state()
        if self.failures_dialog is not None:
            self.failures_dialog.close()
        super().closeEvent(event)
