"""Helpers for the end-to-end tests: run the real ``mining-explorer`` command in a subprocess.

The command runs as a user would run it (``python -m explorer.cli ...``), from a scratch
working directory, with this repository on ``PYTHONPATH`` and Qt headless.  Nothing here
imports ``explorer``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["ROOT", "SHARED_DATA", "run_cli", "has_command", "tree_snapshot"]

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def run_cli(args, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``python -m explorer.cli ARGS`` in ``cwd``; returns the completed process (text)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               PYTHONDONTWRITEBYTECODE="1")
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-m", "explorer.cli", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=timeout)


@lru_cache(maxsize=None)
def has_command(name: str) -> bool:
    """Whether ``mining-explorer NAME --help`` exists on this checkout."""
    proc = run_cli([name, "--help"], Path(os.environ.get("TMPDIR", "/tmp")))
    return proc.returncode == 0 and "usage:" in proc.stdout


def tree_snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder`` -> (size, mtime_ns), to see what a run wrote or changed."""
    snap = {}
    for path in folder.rglob("*"):
        if path.is_file() or path.is_symlink():
            st = path.lstat()
            snap[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return snap
