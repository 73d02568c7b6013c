"""Launch ``mining-explorer gui`` as a real X11 window under Xvfb, the way a user starts it."""
from __future__ import annotations

import os
import shutil
import signal
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
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        _out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # xvfb-run, Xvfb and the app: nothing left behind
        _out, err = process.communicate()
        pytest.fail("the app did not quit by itself:\n" + err[-2000:])
    assert process.returncode == 0, err[-2000:]
    assert "window shown in" in err
    assert "smoke exit: window visible=True" in err
    assert "dialog dismissed" not in err, err[-2000:]
    assert shot.is_file() and shot.stat().st_size > 1000
