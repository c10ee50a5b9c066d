"""The developer tools of the canvas keep working: the preview exports, the benchmark runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from timeline_app.gui.timeline.preview import main as preview_main
from timeline_app.store.repository import Repository

from ..conftest import PROJECT_ROOT
from .conftest import fill_repository, random_events


def test_preview_exports_png_and_svg(qtbot, db_path, tmp_path, capsys) -> None:
    with Repository(db_path) as repo:
        fill_repository(repo, random_events(60, seed=1, days=400))
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    code = preview_main(
        [
            str(db_path),
            "--png",
            str(png),
            "--svg",
            str(svg),
            "--size",
            "800x300",
            "--colour-by",
            "source",
        ]
    )
    assert code == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 2 * (300 - 48))  # strip below the canvas
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert str(png) in capsys.readouterr().out


def test_preview_refuses_a_missing_database(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        preview_main([str(tmp_path / "nope.db")])
    assert "no such database" in capsys.readouterr().err


@pytest.mark.slow
def test_benchmark_prints_one_json_line_with_every_figure(tmp_path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "benchmarks" / "bench_gui.py"),
            "--events",
            "600",
            "--articles",
            "30",
            "--db",
            str(tmp_path / "bench.db"),
            "--width",
            "800",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert figures["events"] == 600
    for key in (
        "first_paint_s",
        "pan_ms_median",
        "pan_ms_p95",
        "zoom_ms_median",
        "zoom_ms_p95",
        "rss_mb",
    ):
        assert figures[key] > 0, key
