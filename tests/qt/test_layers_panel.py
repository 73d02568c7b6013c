"""The layers panel: visibility, order, opacity, role and remove, each undoable."""
from __future__ import annotations

from PySide6.QtCore import Qt

from layers.roles import Role
from layers.styles import default_style


def _names(window):
    return [layer.name for layer in window.session.layers]


def _row_check(window, row):
    model = window.layers_panel.model
    return model.data(model.index(row, 0), Qt.ItemDataRole.CheckStateRole)


def test_panel_lists_layers_top_first_with_checkboxes(loaded_window):
    model = loaded_window.layers_panel.model
    assert model.rowCount() == 3
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["villages", "concessions", "park"]
    assert _row_check(loaded_window, 1) == Qt.CheckState.Checked


def test_toggle_visibility_then_undo_and_redo(loaded_window):
    model = loaded_window.layers_panel.model
    concessions = loaded_window.session.layers[1]
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert concessions.style.visible is False
    assert _row_check(loaded_window, 1) == Qt.CheckState.Unchecked
    assert loaded_window.session.modified
    loaded_window.undo.undo()
    assert concessions.style.visible is True
    assert not loaded_window.session.modified
    loaded_window.undo.redo()
    assert concessions.style.visible is False


def test_move_down_and_undo(loaded_window):
    panel = loaded_window.layers_panel
    panel.select_layer(loaded_window.session.layers[0])
    panel.step_current(+1)
    assert _names(loaded_window) == ["concessions", "villages", "park"]
    assert panel.current_layer().name == "villages"
    loaded_window.undo.undo()
    assert _names(loaded_window) == ["villages", "concessions", "park"]


def test_drag_reorder_in_the_list_goes_through_the_undo_stack(loaded_window):
    model = loaded_window.layers_panel.model
    mime = model.mimeData([model.index(2, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(-1, 0))
    assert _names(loaded_window) == ["park", "villages", "concessions"]
    loaded_window.undo.undo()
    assert _names(loaded_window) == ["villages", "concessions", "park"]


def test_opacity_drag_is_one_undo_step(loaded_window):
    panel = loaded_window.layers_panel
    park = loaded_window.session.layers[2]
    panel.select_layer(park)
    before = loaded_window.undo.count()
    for value in (90, 70, 40):
        panel.opacity.setValue(value)
    assert abs(park.style.opacity - 0.4) < 1e-9
    assert loaded_window.undo.count() == before + 1
    loaded_window.undo.undo()
    assert park.style.opacity == 1.0


def test_role_change_takes_the_role_style_and_undoes(loaded_window):
    panel = loaded_window.layers_panel
    park = loaded_window.session.layers[2]
    panel.select_layer(park)
    old_style = park.style
    panel.role_box.setCurrentIndex(panel.role_box.findData(Role.INDIGENOUS_TERRITORY))
    panel.role_box.activated.emit(panel.role_box.currentIndex())
    assert park.role == Role.INDIGENOUS_TERRITORY
    assert park.style.fill == default_style(Role.INDIGENOUS_TERRITORY).fill
    loaded_window.undo.undo()
    assert park.role == Role.PROTECTED_AREA and park.style == old_style


def test_remove_and_undo_restores_position(loaded_window):
    panel = loaded_window.layers_panel
    panel.select_layer(loaded_window.session.layers[1])
    panel.remove_current()
    assert _names(loaded_window) == ["villages", "park"]
    loaded_window.undo.undo()
    assert _names(loaded_window) == ["villages", "concessions", "park"]
