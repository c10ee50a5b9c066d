"""The one module that names the app's icons (plain SVG files in ``resources/icons``).

Code asks for ``icons.icon(icons.ZOOM_IN)``; a missing file is a programming
error caught by the tests, not a silent blank button.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from timeline_app.resources import resource_path

APP = "app"
IMPORT_FILE = "import-file"
IMPORT_FOLDER = "import-folder"
EXPORT = "export"
IMAGE = "image"
ZOOM_IN = "zoom-in"
ZOOM_OUT = "zoom-out"
FIT = "fit"
UNDO = "undo"
REDO = "redo"
CALENDAR = "calendar"
EDIT_DATE = "edit-date"
HIDE = "hide"
PREVIOUS = "previous"
NEXT = "next"
SOURCE = "source"
SEARCH = "search"

ALL_NAMES = (
    APP,
    IMPORT_FILE,
    IMPORT_FOLDER,
    EXPORT,
    IMAGE,
    ZOOM_IN,
    ZOOM_OUT,
    FIT,
    UNDO,
    REDO,
    CALENDAR,
    EDIT_DATE,
    HIDE,
    PREVIOUS,
    NEXT,
    SOURCE,
    SEARCH,
)


def icon_path(name: str) -> Path:
    """The SVG file behind an icon name."""
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"icon {name!r} not found: {path}")
    return path


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name`` (cached: one QIcon per name per process)."""
    return QIcon(str(icon_path(name)))
