"""Only the store runs SQL: elsewhere, no connection is opened and no statement executed."""

from __future__ import annotations

import ast

from ..conftest import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "timeline_app"
SQL_CALLS = {"execute", "executemany", "executescript"}


def sql_calls(source: str) -> list[str]:
    """Names of SQL-running calls (``x.execute(...)``, ``sqlite3.connect(...)``) in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        opens_database = (
            node.func.attr == "connect"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "sqlite3"
        )
        if node.func.attr in SQL_CALLS or opens_database:
            found.append(f"{node.func.attr} (line {node.lineno})")
    return found


def test_detector_sees_sql_calls() -> None:
    assert sql_calls("repo.db.execute('SELECT 1')\nsqlite3.connect(p)\n") == [
        "execute (line 1)",
        "connect (line 2)",
    ]


def test_no_sql_outside_the_store() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "store":
            continue
        if calls := sql_calls(path.read_text(encoding="utf-8")):
            offenders.append(f"{relative}: {', '.join(calls)}")
    assert offenders == [], "SQL outside timeline_app/store/"
