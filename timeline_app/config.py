"""Where the user's data lives and how it is chosen; no Qt here."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "timeline-app"
DB_ENV_VAR = "TIMELINE_APP_DB"
DB_FILENAME = "timeline.db"


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ``~/.local/share/timeline-app``)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the database: ``--db`` wins, then ``$TIMELINE_APP_DB``, then the data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir() / DB_FILENAME
