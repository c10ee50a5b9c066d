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
