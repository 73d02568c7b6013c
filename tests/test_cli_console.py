"""The console command (explorer.cli.console) ends a batch command at once, with main()'s exit
code and nothing it printed lost; other commands exit normally."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _console(args, cwd):
    code = f"from explorer.cli import console; console({args!r})"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_a_batch_command_keeps_its_output_and_exit_code(tmp_path):
    done = _console(["analyze", "--sample", "--out", str(tmp_path / "out")], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote 10 files" in done.stderr
    assert (tmp_path / "out" / "metrics.gpkg").stat().st_size > 0
    bad = _console(["analyze", "--concessions", "missing.gpkg", "--out", "x"], tmp_path)
    assert bad.returncode == 2 and "missing.gpkg" in bad.stderr


def test_what_a_batch_command_prints_is_flushed_before_the_process_ends(tmp_path):
    code = ("import explorer.cli as cli\n"
            "cli._dispatch = lambda args: print('checked', end='') or 3\n"
            "cli.console(['verify', 'pack'])\n"
            "print('never')")
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env=buffered)
    assert (done.returncode, done.stdout) == (3, "checked")  # a pipe: stdout block-buffered


def test_argument_errors_exit_as_argparse_does(tmp_path):
    wrong = _console(["analyze", "--rings"], tmp_path)
    assert wrong.returncode == 2 and "usage:" in wrong.stderr


@pytest.mark.parametrize("command", [["--help"], ["verify", "--help"]])
def test_help_exits_zero(tmp_path, command):
    assert _console(command, tmp_path).returncode == 0
