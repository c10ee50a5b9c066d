"""The timeline canvas is one package whose modules never import each other back."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT_ROOT

TIMELINE = PROJECT_ROOT / "timeline_app" / "gui" / "timeline"
PREFIX = "timeline_app.gui.timeline."


def imported_siblings(path: Path) -> set[str]:
    """Modules of the timeline package that ``path`` imports, at any depth (TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(PREFIX):
                found.add(node.module.removeprefix(PREFIX).split(".")[0])
            elif node.module == PREFIX.rstrip("."):
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix(PREFIX).split(".")[0]
                for a in node.names
                if a.name.startswith(PREFIX)
            )
    return found


def test_the_canvas_modules_live_in_the_timeline_package() -> None:
    names = {path.stem for path in TIMELINE.glob("*.py")}
    assert {"view", "paint", "scene", "layout", "input", "framing", "fit", "density"} <= names
    assert {"source", "preview", "export", "time_scale", "overview"} <= names
    flat = {path.stem for path in TIMELINE.parent.glob("timeline_*.py")}
    assert flat == set(), f"timeline modules left in gui/: {sorted(flat)}"


def test_no_timeline_module_imports_one_that_imports_it_back() -> None:
    graph = {path.stem: imported_siblings(path) for path in TIMELINE.glob("*.py")}
    assert "export" in graph["view"], "the detector should see view -> export"
    back = sorted(
        f"{a} <-> {b}"
        for a, targets in graph.items()
        for b in targets
        if a in graph.get(b, set()) and a < b
    )
    assert back == []
