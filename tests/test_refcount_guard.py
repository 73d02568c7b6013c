"""Many void PySide6 calls must not exhaust None's reference count (PySide6 6.12 on Python 3.11)."""
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_hundred_thousand_void_calls_do_not_abort_the_interpreter():
    code = textwrap.dedent("""
        import explorer  # the package installs the guard, whatever is imported next
        from PySide6.QtGui import QPainterPath
        path = QPainterPath()
        for _ in range(100_000):
            path.moveTo(1.0, 2.0)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=ROOT, env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
