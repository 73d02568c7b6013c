"""The engine's notes and progress messages are plain English; the report catalogues and the Qt
translations must list every one of them, or a reader sees English in a translated report."""
import ast
from pathlib import Path

import pytest

from explorer.i18n import translator

ROOT = Path(__file__).resolve().parents[2]


def _engine_literals(kind: str) -> set[str]:
    """String literals the engine passes to ``notes.append`` ("notes") or ``checkpoint`` with a
    progress callback ("progress")."""
    found = set()
    for path in (ROOT / "explorer" / "analysis").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            last = node.args[-1]
            if not (isinstance(last, ast.Constant) and isinstance(last.value, str)):
                continue
            if kind == "notes" and name == "append" and getattr(node.func.value, "id", "") == "notes":
                found.add(last.value)
            quiet = isinstance(node.args[0], ast.Constant) and node.args[0].value is None
            if kind == "progress" and name == "checkpoint" and not quiet:
                found.add(last.value)
    return found


def test_the_engine_has_notes_and_progress_messages():
    assert len(_engine_literals("notes")) >= 3 and len(_engine_literals("progress")) >= 5


@pytest.mark.parametrize("lang", ["pt", "es", "fr"])
def test_every_engine_note_is_in_the_report_catalogue(lang):
    from explorer.report.engine_notes import ENGINE_NOTES

    notes = _engine_literals("notes")
    assert notes <= set(ENGINE_NOTES)
    _ = translator(lang)
    assert [note for note in notes if _(note) == note] == []


def _report_progress_messages() -> set[str]:
    """Literal messages the report builder passes to ``_step`` or ``progress``."""
    found = set()
    for path in (ROOT / "explorer" / "report").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_step", "progress") and node.args:
                last = node.args[-1]
                if isinstance(last, ast.Constant) and isinstance(last.value, str):
                    found.add(last.value)
    return found


def test_every_report_progress_message_is_translatable_in_the_export_dialog():
    from explorer.qt.engine_texts import ENGINE_TEXTS

    messages = _report_progress_messages()
    assert len(messages) >= 5 and messages <= set(ENGINE_TEXTS)


def test_every_engine_message_is_translatable_in_the_widgets():
    from explorer.qt.engine_texts import ENGINE_TEXTS

    assert (_engine_literals("notes") | _engine_literals("progress")) <= set(ENGINE_TEXTS)
