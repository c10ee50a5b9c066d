"""Export never destroys what it should not touch, and write errors are said plainly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.export.destination import UnsafeTarget, write_file

from .conftest import run_cli

OLD = "the user's old content\n"


def export(library: Path, target: Path, *extra: str) -> int:
    return main(["--db", str(library), "export", "--format", "json", "-o", str(target), *extra])


def exported(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_regular_target_is_replaced_whole_keeping_its_mode(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "timeline.json"
    target.parent.mkdir()
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o640)
    assert export(library, target) == 0
    assert exported(target).startswith("[")
    assert "harbour plan" in exported(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(target.parent) == ["timeline.json"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "timeline.csv"
    target.write_text(OLD, encoding="utf-8")

    def failing(stream) -> None:
        stream.write("half a row,")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_file(target, failing)
    assert exported(target) == OLD
    assert os.listdir(tmp_path) == ["timeline.csv"]


def test_read_only_file_is_refused_then_forced_keeping_its_mode(
    library: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "kept.json"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o444)
    assert export(library, target) == 1
    err = capsys.readouterr().err
    assert f"cannot write {target}: it is read-only; not replaced (--force" in err
    assert exported(target) == OLD
    assert export(library, target, "--force") == 0
    assert "harbour plan" in exported(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_symlink_is_refused_then_written_through(library: Path, tmp_path: Path, capsys) -> None:
    real = tmp_path / "real.json"
    real.write_text(OLD, encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert export(library, link) == 1
    assert f"it is a symbolic link to {real}" in capsys.readouterr().err
    assert link.is_symlink()
    assert exported(real) == OLD
    assert export(library, link, "--force") == 0
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert "harbour plan" in exported(real)
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_hard_link_is_refused_then_written_in_place(library: Path, tmp_path: Path, capsys) -> None:
    first = tmp_path / "first.json"
    first.write_text(OLD, encoding="utf-8")
    second = tmp_path / "second.json"
    os.link(first, second)
    assert export(library, second) == 1
    assert "it is a file with 2 hard links" in capsys.readouterr().err
    assert exported(first) == OLD
    assert export(library, second, "--force") == 0
    assert first.stat().st_ino == second.stat().st_ino
    assert "harbour plan" in exported(first)


def test_fifo_is_refused_without_blocking(library: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert export(library, fifo) == 1
    assert "it is not a regular file (a named pipe)" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_device_node_is_refused_and_forced_writes_report_the_error(
    library: Path, tmp_path: Path, capsys
) -> None:
    """A private copy of /dev/full (a node made here), never the real one."""
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    assert export(library, device) == 1
    assert "it is not a regular file (a device)" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert export(library, device, "--force") == 1
    err = capsys.readouterr().err
    assert f"cannot write {device}: No space left on device" in err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_window_export_refuses_a_symlink_as_an_os_error(tmp_path: Path) -> None:
    """The window catches OSError and shows ``strerror``: the refusal reads well there too."""
    real = tmp_path / "real.csv"
    real.write_text(OLD, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(real)
    with pytest.raises(OSError, match="symbolic link") as refused:
        write_file(tmp_path / "link.csv", lambda stream: stream.write("x"))
    assert isinstance(refused.value, UnsafeTarget)
    assert "symbolic link" in refused.value.strerror


@pytest.mark.parametrize("command", [["export"], ["events"], ["articles"]])
def test_full_disk_on_stdout_is_reported_plainly(library: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = run_cli("--db", str(library), *command, stdout=full)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "None" not in done.stderr
    assert "error: cannot write to standard output: No space left on device" in done.stderr
    assert "Exception ignored" not in done.stderr
