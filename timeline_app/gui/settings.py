"""What the window remembers between runs: layout, last database, zoom.

Everything goes through one ``AppSettings`` object handed to the window, so tests
can point it at a temporary INI file and never touch the user's real settings.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_ENV_VAR = "TIMELINE_APP_SETTINGS"
ORGANISATION = "timeline-app"
APPLICATION = "Timeline Reader"


class AppSettings:
    """Typed access to the persisted settings (a thin layer over ``QSettings``)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings or QSettings(ORGANISATION, APPLICATION)

    @classmethod
    def at(cls, path: str | Path) -> AppSettings:
        """Settings stored in an INI file at ``path`` (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def from_environment(cls) -> AppSettings:
        """``$TIMELINE_APP_SETTINGS`` (an INI file) if set, else the platform's usual place."""
        path = os.environ.get(SETTINGS_ENV_VAR)
        return cls.at(path) if path else cls()

    def file_name(self) -> str:
        """Where the settings are stored (shown in bug reports, checked by tests)."""
        return self._qsettings.fileName()

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qsettings.sync()

    # -- database -------------------------------------------------------------------------

    def last_database(self) -> Path | None:
        """The database opened last time, if it still exists."""
        value = self._qsettings.value("database/last", "")
        if not value:
            return None
        path = Path(str(value))
        return path if path.exists() else None

    def set_last_database(self, path: str | Path) -> None:
        self._qsettings.setValue("database/last", str(Path(path).resolve()))

    # -- layout ---------------------------------------------------------------------------

    def layout_state(self, key: str) -> QByteArray | None:
        """A saved geometry/splitter/header state, or None on first run."""
        value = self._qsettings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout_state(self, key: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"layout/{key}", state)

    # -- per-database view: zoom and selection ------------------------------------------------

    @staticmethod
    def _view_key(database: str | Path) -> str:
        """Settings group of one database (a zoom only makes sense for its own events)."""
        digest = hashlib.sha1(str(Path(database).resolve()).encode("utf-8")).hexdigest()
        return f"views/{digest[:16]}"

    def visible_range(self, database: str | Path) -> tuple[datetime, datetime] | None:
        """The timeline range shown when ``database`` was last closed."""
        key = self._view_key(database)
        start = self._qsettings.value(f"{key}/visible_start", "")
        end = self._qsettings.value(f"{key}/visible_end", "")
        try:
            start_dt = datetime.fromisoformat(str(start))
            end_dt = datetime.fromisoformat(str(end))
        except ValueError:
            return None
        return (start_dt, end_dt) if start_dt < end_dt else None

    def set_visible_range(self, database: str | Path, start: datetime, end: datetime) -> None:
        key = self._view_key(database)
        self._qsettings.setValue(f"{key}/visible_start", start.isoformat())
        self._qsettings.setValue(f"{key}/visible_end", end.isoformat())

    def selected_event(self, database: str | Path) -> int | None:
        """The event selected when ``database`` was last closed."""
        value = self._qsettings.value(f"{self._view_key(database)}/event", "")
        try:
            return int(str(value))
        except ValueError:
            return None

    def set_selected_event(self, database: str | Path, event_id: int | None) -> None:
        key = f"{self._view_key(database)}/event"
        if event_id is None:
            self._qsettings.remove(key)
        else:
            self._qsettings.setValue(key, int(event_id))

    # -- folders --------------------------------------------------------------------------

    def last_folder(self, purpose: str) -> str:
        """The folder last used for ``purpose`` ("import", "export") in a file dialog."""
        return str(self._qsettings.value(f"folders/{purpose}", "") or "")

    def set_last_folder(self, purpose: str, folder: str | Path) -> None:
        self._qsettings.setValue(f"folders/{purpose}", str(folder))
