"""Import is per record and per file: one bad record or file name costs only itself (issue 12).

Each case runs the real command line in a subprocess on real files and checks
what the user sees (exit status, messages, no traceback) and what is stored.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.reliability.conftest import cli_command, cli_environment, run_cli, stored_count

RECORDS = 300
BAD_LINE = 151


def _record(number: int) -> str:
    text = f"On March {number % 28 + 1}, 2024, the council met about item {number}."
    return json.dumps({"title": f"Item {number}", "text": text})


def test_a_lone_surrogate_costs_only_its_record_and_reruns_finish(tmp_path):
    lines = [_record(number) for number in range(1, RECORDS + 1)]
    # Before: a traceback, the records of earlier batches stored, every re-run the same.
    lines[BAD_LINE - 1] = '{"title": "Caf\\udce9", "text": "On May 5, 2024, it opened."}'
    source = tmp_path / "export.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "lib.db"

    first = run_cli(db, "ingest", str(source), "--workers", "2", "--quiet")
    assert "Traceback" not in first.stderr
    assert first.returncode == 1
    assert f"export.jsonl (line {BAD_LINE}): 'title' field holds a lone surrogate" in first.stderr
    assert f"imported {RECORDS - 1}, already present 0, failed 1" in first.stdout
    assert stored_count(db, "articles") == RECORDS - 1

    again = run_cli(db, "ingest", str(source), "--workers", "2", "--quiet")
    assert "Traceback" not in again.stderr
    assert f"imported 0, already present {RECORDS - 1}, failed 1" in again.stdout
    assert stored_count(db, "articles") == RECORDS - 1


def test_a_file_name_that_is_not_utf8_is_imported_and_shown_readably(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"lat\xe9in.txt")
    with open(odd, "wb") as stream:
        stream.write(b"Title: Latin\n\nOn May 5, 2023, the Latin school opened.\n")
    (folder / "plain.txt").write_text("Title: Plain\n\nOn May 6, 2023, a school opened.\n")
    db = tmp_path / "lib.db"

    result = run_cli(db, "ingest", str(folder), "--workers", "1")

    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "imported 2, already present 0, failed 0" in result.stdout
    assert stored_count(db, "articles", "path LIKE '%lat\ufffdin.txt'") == 1
    # A second run names it readably as already present.
    again = run_cli(db, "ingest", str(folder), "--workers", "1")
    assert "lat\ufffdin.txt" in again.stdout


def test_a_line_above_the_record_limit_is_reported_and_never_held_in_memory(tmp_path):
    source = tmp_path / "dump.jsonl"
    huge_text = "On May 5, 2024, it rained. " * (2 * 1024 * 1024 // 27 + 1)  # ~2 MB
    with source.open("w", encoding="utf-8") as stream:
        stream.write(_record(1) + "\n")
        stream.write(json.dumps({"title": "Huge", "text": huge_text}) + "\n")
        stream.write(_record(3) + "\n")
    db = tmp_path / "lib.db"

    result = run_cli(db, "ingest", str(source), "--max-record-size", "1", "--workers", "1")

    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert (
        "dump.jsonl (line 2): record is 2.0 MB, above the 1.0 MB limit per record" in result.stderr
    )
    assert "imported 2, already present 0, failed 1" in result.stdout
    assert stored_count(db, "articles") == 2


def test_an_unreadable_folder_is_a_failure_not_an_empty_folder(tmp_path):
    """Before: "imported 0, failed 0", exit 0, as if the folder were empty."""
    command_prefix: list[str] = []
    workspace = tmp_path
    if os.geteuid() == 0:  # root reads any folder: drop to nobody, as a user would be
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv (util-linux) is missing")
        command_prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        workspace = Path(tempfile.mkdtemp(prefix="timeline-unreadable-"))
        workspace.chmod(0o777)  # nobody writes the library here (pytest's tmp is root's)
    folder = workspace / "locked"
    folder.mkdir()
    (folder / "inside.txt").write_text("Title: Hidden\n\nOn May 5, 2023, it opened.\n")
    db = workspace / "lib.db"
    folder.chmod(0)
    try:
        result = subprocess.run(
            [*command_prefix, *cli_command(db, "ingest", str(folder), "--workers", "1")],
            env=cli_environment(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        folder.chmod(0o755)
        if workspace != tmp_path:
            shutil.rmtree(workspace)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert f"failed: {folder}: cannot read folder: Permission denied" in result.stderr
    assert "imported 0, already present 0, failed 1" in result.stdout


def _peak_rss_mb(db: Path, *args: str) -> tuple[int, float]:
    """Exit status and peak memory (ru_maxrss) of one real import process."""
    process = subprocess.Popen(
        cli_command(db, *args),
        env=cli_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="os.wait4 (POSIX) reports a child's memory")
def test_a_huge_line_costs_no_more_memory_than_a_small_file(tmp_path):
    """Before: a 200 MB line with --max-size 300 ran 900 s to 6.9 GB and stored nothing."""
    small = tmp_path / "small.jsonl"
    small.write_text(_record(1) + "\n" + _record(3) + "\n", encoding="utf-8")
    huge = tmp_path / "huge.jsonl"
    filler = "x" * (1024 * 1024)
    with huge.open("w", encoding="utf-8") as stream:
        stream.write(_record(1) + "\n")
        stream.write('{"title": "Huge", "text": "')
        for _ in range(80):  # an 80 MB line
            stream.write(filler)
        stream.write('"}\n')
        stream.write(_record(3) + "\n")

    status, baseline = _peak_rss_mb(tmp_path / "a.db", "ingest", str(small), "--workers", "1")
    assert status == 0
    status, peak = _peak_rss_mb(
        tmp_path / "b.db", "ingest", str(huge), "--max-size", "300", "--workers", "1"
    )
    assert status == 1  # the huge record failed
    assert stored_count(tmp_path / "b.db", "articles") == 2
    assert peak < baseline + 40, f"peak {peak:.0f} MB against {baseline:.0f} MB for a small file"
