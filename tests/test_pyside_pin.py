"""Guard the PySide6 pin: 6.12.0 on Python 3.11 aborts after ~5,000 void calls."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    for i in range(10_000):
        label.setText(str(i))     # void-returning
        label.resize(100 + i % 7, 20)  # void-returning
    print("clean", label.text())
    """
)


@pytest.mark.slow
def test_twenty_thousand_void_calls_exit_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "clean 9999"
