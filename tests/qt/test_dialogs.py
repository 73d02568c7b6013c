"""Style and field-mapping dialogs collect a choice; the window applies it as an undo step.
Also: an unexpected error becomes a dialog and a log line, not a crash."""
from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QDialog

from layers.model import FieldMapping
from layers.roles import Role


def test_style_dialog_returns_the_edited_style(loaded_window):
    from explorer.qt.style_dialog import StyleDialog

    park = loaded_window.session.layer_named("park")
    dialog = StyleDialog(park, loaded_window)
    dialog.fill.set_color("#123456")
    dialog.hatch.setCurrentIndex(dialog.hatch.findData("cross"))
    dialog.stroke_width.setValue(2.4)
    dialog.label_field.setCurrentIndex(dialog.label_field.findData("name"))
    style = dialog.style_value()
    assert (style.fill, style.hatch, style.stroke_width, style.label_field) == ("#123456", "cross", 2.4, "name")
    assert style.visible == park.style.visible


def test_style_edit_through_the_window_is_undoable(loaded_window, monkeypatch):
    from explorer.qt import style_dialog

    park = loaded_window.session.layer_named("park")
    old = park.style
    monkeypatch.setattr(style_dialog.StyleDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(style_dialog.StyleDialog, "style_value", lambda self: old.with_changes(fill="#00ff00"))
    loaded_window.layer_actions.edit_style(park)
    assert park.style.fill == "#00ff00"
    loaded_window.undo.undo()
    assert park.style == old


def test_mapping_dialog_starts_from_the_suggestion_and_applies_as_one_step(loaded_window, monkeypatch):
    from explorer.qt import mapping_dialog
    from explorer.qt.mapping_dialog import MappingDialog

    villages = loaded_window.session.layer_named("villages")
    dialog = MappingDialog(villages, Role.COMMUNITY, FieldMapping(name="name"), loaded_window)
    assert dialog.boxes["name"].currentData() == "name"
    assert dialog.role() == Role.COMMUNITY
    monkeypatch.setattr(mapping_dialog.MappingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(mapping_dialog.MappingDialog, "role", lambda self: Role.CONTEXT)
    monkeypatch.setattr(mapping_dialog.MappingDialog, "mapping", lambda self: FieldMapping(id="name", name="name"))
    loaded_window.layer_actions.edit_mapping(villages)
    assert villages.role == Role.CONTEXT and villages.mapping.id == "name"
    loaded_window.undo.undo()
    assert villages.role == Role.COMMUNITY and villages.mapping.id is None


def test_uncaught_error_is_logged_and_shown_not_raised(window, messages, caplog):
    from explorer.qt.errors import install_excepthook

    seen = []
    previous = install_excepthook(lambda: window, seen.append)
    try:
        with caplog.at_level(logging.ERROR, logger="explorer.qt"):
            try:
                raise ValueError("boom in a slot")
            except ValueError:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert seen and isinstance(seen[0], ValueError)
    assert "boom in a slot" in messages[-1][1] and "Traceback" not in messages[-1][1]
    assert "Traceback" in caplog.text
