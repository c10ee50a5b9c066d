"""The one place that knows where ``resources/`` and ``seeds/`` live.

A checkout and an editable install read them from the project root; a built
wheel carries them inside the package as ``_resources`` and ``_seeds``
(see ``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"timeline_app data folder not found (tried {tried})")


@cache
def resources_dir() -> Path:
    """Folder holding rule files, icons and styles."""
    return _first_existing(_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources")


@cache
def seeds_dir() -> Path:
    """Folder holding the sample articles imported on first launch."""
    return _first_existing(_PACKAGE_DIR / "_seeds", _PACKAGE_DIR.parent / "seeds")


def resource_path(*parts: str) -> Path:
    """Path of a file below ``resources/``, e.g. ``resource_path("icons", "app.svg")``."""
    return resources_dir().joinpath(*parts)
