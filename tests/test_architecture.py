"""The layout holds: a Qt-free core, documented CLI commands, ruff-clean code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from timeline_app.cli import build_parser, subcommand_parsers

from .conftest import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "timeline_app"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def qt_imports(source: str) -> list[str]:
    """Names of Qt modules a module's source imports (at any depth)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [n for n in names if n.split(".")[0] in QT_MODULES]
    return found


def test_qt_import_detector_sees_nested_imports() -> None:
    source = "def f():\n    from PySide6.QtCore import Qt\nimport os\n"
    assert qt_imports(source) == ["PySide6.QtCore"]


def test_only_gui_package_imports_qt() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "gui":
            continue
        if names := qt_imports(path.read_text(encoding="utf-8")):
            offenders.append(f"{relative}: {', '.join(names)}")
    assert offenders == [], "Qt imported outside timeline_app/gui/"


def test_every_subcommand_has_help_and_is_in_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    subcommands = subcommand_parsers(parser)
    assert subcommands, "no subcommands registered"
    help_by_name = {
        action.dest: action.help for action in parser._subparsers._group_actions[0]._choices_actions
    }
    for name in subcommands:
        assert help_by_name.get(name), f"subcommand {name!r} has no help text"
        assert f"timeline-app {name}" in readme, f"subcommand {name!r} missing from README"


def test_readme_starts_with_the_two_commands() -> None:
    lines = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:8]
    commands = [line for line in lines if line.startswith("bash scripts/setup.sh")]
    assert len(commands) == 2
    assert "timeline-app" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci
    assert "pytest" in ci


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (pip install -e .[dev])")
    result = subprocess.run(
        [ruff, "check", "--quiet", str(PROJECT_ROOT)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def module_name(path: Path) -> str:
    """``timeline_app/ingest/pubdate/__init__.py`` -> ``timeline_app.ingest.pubdate``."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, importer: str, is_package: bool, known: set[str]) -> set[str]:
    """The modules of ``known`` a module's source imports, at any depth (lazy imports count).

    ``from a.b import c`` is an import of ``a.b.c`` when that is a module, else
    of ``a.b``; relative imports are resolved against ``importer``. Imports
    under ``if TYPE_CHECKING:`` count too: a type-only import back still ties
    the two modules together (the rule is about the design, not import order).
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = importer.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            candidates = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        found |= {name for name in candidates if name in known and name != importer}
    return found


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def package_import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {
        name: imported_modules(
            path.read_text(encoding="utf-8"), name, path.name == "__init__.py", known
        )
        for name, path in paths.items()
    }


def test_cycle_finder_sees_a_lazy_import_back() -> None:
    known = {"pkg", "pkg.a", "pkg.b", "pkg.c"}
    graph = {
        "pkg.a": imported_modules("from pkg.b import x\n", "pkg.a", False, known),
        "pkg.b": imported_modules("def f():\n    from . import a\n", "pkg.b", False, known),
        "pkg.c": imported_modules("import pkg.a\n", "pkg.c", False, known),
    }
    assert graph["pkg.b"] == {"pkg.a"}
    assert import_cycles(graph) == [["pkg.a", "pkg.b"]]
    typing_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    assert imported_modules(typing_only, "pkg.c", False, known) == {"pkg.a"}


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    cycles = import_cycles(package_import_graph())
    assert cycles == [], f"import cycles: {cycles}"


def test_the_analysis_step_is_core_code() -> None:
    """Tagging and building the events of one article: no Qt, no store, no ingest."""
    graph = package_import_graph()
    seen, todo = set(), ["timeline_app.analysis"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += graph.get(module, ())
    outside = sorted(m for m in seen if m.split(".")[1] in ("gui", "store", "ingest", "commands"))
    assert outside == []
