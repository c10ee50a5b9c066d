"""An import killed with SIGKILL leaves no worker processes behind (issue 12).

Before: a kill in the first ~0.4 s left three workers running for minutes,
holding the database and the caller's pipe; they had read their parent's pid
only after it was already gone, and watched the wrong process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.reliability.conftest import cli_command, cli_environment

ARTICLES = 40  # above MIN_TASKS_FOR_POOL: the import uses a pool
WAIT_SECONDS = 60
GONE_WITHIN_SECONDS = 10


def _children(proc: Path, parent: int) -> set[int]:
    found = set()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == parent:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_when_the_import_is_killed_while_they_start(tmp_path, linux_proc):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ARTICLES):
        (folder / f"{number:03d}.txt").write_text(
            f"Title: Report {number}\n\nOn March {number % 28 + 1}, 2024, the council met.\n"
        )
    importer = subprocess.Popen(
        cli_command(tmp_path / "lib.db", "ingest", str(folder), "--workers", "2"),
        env=cli_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + WAIT_SECONDS
    try:
        while not workers and time.monotonic() < deadline and importer.poll() is None:
            workers = _children(linux_proc, importer.pid)
            time.sleep(0.005)
        assert workers, "the import never started a worker process"
        os.kill(importer.pid, signal.SIGKILL)  # workers are still importing their modules
        importer.wait()
        time.sleep(0.3)  # the pool had time to start the rest of its workers
        deadline = time.monotonic() + GONE_WITHIN_SECONDS
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        left = [pid for pid in workers if _alive(pid)]
        assert not left, f"worker processes {left} outlived their killed parent"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
