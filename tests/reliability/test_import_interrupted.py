"""A re-run of an interrupted import completes it, grouping included (issue 12).

Before: kill -9 right after the last batch was committed left every event
ungrouped, and running the same import again (every article already present)
did not repair it; only ``retag`` did.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from tests.reliability.conftest import cli_environment, run_cli, stored_count

# The real command line, killed with SIGKILL at the moment grouping would start:
# every batch is committed, nothing is grouped.
KILLED_BEFORE_GROUPING = """
import os, signal, sys
import timeline_app.commands as commands
commands.regroup = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
from timeline_app.cli import main
sys.exit(main(sys.argv[1:]))
"""

HAPPENINGS = (
    "the council approved the new bridge budget after a long debate",
    "police arrested two suspects in the harbour robbery case",
    "the court rejected the appeal against the airport expansion",
)


def _write_reports(folder) -> None:
    """Two outlets reporting the same three happenings: three groups of two events."""
    folder.mkdir()
    for outlet in ("Herald", "Courier"):
        for number, happening in enumerate(HAPPENINGS, start=1):
            text = f"On March {number + 2}, 2024, {happening}. The {outlet} reports."
            (folder / f"{outlet}-{number}.txt").write_text(f"Title: {outlet} {number}\n\n{text}\n")


def test_rerun_groups_what_a_killed_import_left_ungrouped(tmp_path):
    folder = tmp_path / "reports"
    _write_reports(folder)
    clean = tmp_path / "clean.db"
    assert run_cli(clean, "ingest", str(folder), "--workers", "1").returncode == 0
    grouped = stored_count(clean, "events", "group_id IS NOT NULL")
    assert grouped == 2 * len(HAPPENINGS)

    db = tmp_path / "killed.db"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BEFORE_GROUPING, "--db", str(db), "ingest", str(folder)],
        env=cli_environment(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    assert stored_count(db, "articles") == 2 * len(HAPPENINGS)
    assert stored_count(db, "events", "group_id IS NOT NULL") == 0

    rerun = run_cli(db, "ingest", str(folder), "--workers", "1")
    assert "Traceback" not in rerun.stderr
    assert f"imported 0, already present {2 * len(HAPPENINGS)}, failed 0" in rerun.stdout
    assert stored_count(db, "events", "group_id IS NOT NULL") == grouped
    assert stored_count(db, "pending_regroup") == 0
