"""The repository's promises to a newcomer: the README's commands and what CI runs."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _command_after(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(re.escape(marker) + r"\s*```\s*\n(.+?)\n```", text, re.S)
    assert match, f"README has no command after {marker}"
    return match.group(1).strip()


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    run_cmd = _command_after("<!-- run-command -->")
    test_cmd = _command_after("<!-- test-command -->")
    assert run_cmd.endswith("mining-explorer")
    assert "pytest" in test_cmd and "QT_QPA_PLATFORM=offscreen" in test_cmd
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci and 'eval "$test_cmd"' in ci


def test_readme_lists_the_qt_system_packages():
    needed = "libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0"
    for cmd in (_command_after("<!-- run-command -->"), _command_after("<!-- test-command -->")):
        for package in needed.split():
            assert f" {package} " in cmd


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    exe = str(lint) if lint.exists() else "lint-imports"
    # --no-cache: nothing is written into the work tree, and two runs at once cannot race on it
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
