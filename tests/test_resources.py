"""resources.py finds data in a checkout and in a built wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from timeline_app import resources

from .conftest import PROJECT_ROOT


def test_checkout_resources_and_seeds_are_found() -> None:
    assert resources.resources_dir().is_dir()
    assert any(resources.seeds_dir().glob("*.txt"))


@pytest.mark.slow
def test_wheel_carries_resources_and_finds_them(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling needed to build a wheel offline")
    src = tmp_path / "src"
    shutil.copytree(
        PROJECT_ROOT,
        src,
        ignore=shutil.ignore_patterns(".venv", ".git", "*.db", "__pycache__", ".*cache"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("*.whl"))
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = (
        "import timeline_app.resources as r; "
        "print(r.resources_dir()); print(next(r.seeds_dir().glob('*.txt')).name)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith(str(target))
    assert first.endswith("_resources")
