"""Launch ``mining-explorer gui`` as a real X11 window under Xvfb, the way a user starts it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_real_window_starts_shows_and_quits(tmp_path):
    shot = tmp_path / "window.png"
    env = dict(os.environ, MIE_SMOKE_EXIT_MS="200", MIE_SCREENSHOT=str(shot),
               MIE_SETTINGS_FILE=str(tmp_path / "settings.ini"), XDG_DATA_HOME=str(tmp_path / "data"),
               PYTHONPATH=str(ROOT))
    env.pop("QT_QPA_PLATFORM", None)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "env", "QT_QPA_PLATFORM=xcb",
               sys.executable, "-m", "explorer.cli", "gui"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "window shown in" in result.stderr
    assert "smoke exit: window visible=True" in result.stderr
    assert shot.is_file() and shot.stat().st_size > 1000
