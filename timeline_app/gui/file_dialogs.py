"""File dialogs that never open the files they list.

Why this exists: Qt's file dialog asks its icon provider for each listed
file's icon and type, and the stock provider finds them by opening the file
and sniffing its first bytes (``QMimeDatabase``). Opened and closed in the
window's process, that read of ``library.db``, ``library.db-wal`` or
``library.db-shm`` drops every POSIX advisory lock the process holds on them
(locks belong to the process, and closing *any* descriptor of a file releases
them all). SQLite's connections in the window still believe they hold their
locks; the next ``timeline-app`` run on the same library then thinks it is
the last user, checkpoints and deletes the write-ahead log, and the window
goes on writing into a deleted file: its edits were lost (issue 12).

So every dialog here is Qt's own widget dialog (a platform's native dialog
running in our process may sniff files the same way, out of our control)
with an icon provider that judges a file by its name and kind only. Windows
keeps its native dialog: its file locks belong to a handle, not the process.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

POSIX_LOCKS = sys.platform != "win32"  # SQLite's locks there are per process


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name and kind, never from its bytes."""

    def icon(self, what: Any) -> Any:  # icon(IconType) or icon(QFileInfo), as in Qt
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


def _dialog(parent: QWidget | None, title: str, folder: str, file_filter: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, POSIX_LOCKS)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog._icon_provider = provider  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog


def _run(dialog: QFileDialog) -> list[Path]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return [Path(name) for name in dialog.selectedFiles()]
    finally:
        dialog.deleteLater()


def open_file_names(
    parent: QWidget | None, title: str, folder: str, file_filter: str
) -> list[Path]:
    """Existing files the user picks (empty if cancelled)."""
    dialog = _dialog(parent, title, folder, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def existing_directory(parent: QWidget | None, title: str, folder: str) -> Path | None:
    """An existing folder the user picks (None if cancelled)."""
    dialog = _dialog(parent, title, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def save_file_name(
    parent: QWidget | None,
    title: str,
    suggested: str,
    file_filter: str,
    *,
    confirm_overwrite: bool = True,
) -> Path | None:
    """A file name to write (None if cancelled); asks before replacing unless told not to."""
    dialog = _dialog(parent, title, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    chosen = _run(dialog)
    return chosen[0] if chosen else None
