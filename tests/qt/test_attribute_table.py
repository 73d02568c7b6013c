"""Attribute table: filter, sort, and selection synchronised with the session (and map)."""
from __future__ import annotations

from PySide6.QtCore import Qt


def test_table_follows_the_current_layer_and_filters(loaded_window):
    table = loaded_window.attribute_table
    villages = loaded_window.session.layer_named("villages")
    loaded_window.layers_panel.select_layer(villages)
    assert table.layer is villages
    assert table.proxy.rowCount() == 2
    table.filter_edit.setText("villages 1")
    assert table.proxy.rowCount() == 1
    assert table.proxy.source_row(0) == 1


def test_sorting_by_a_column_is_numeric(loaded_window, tiny_layers):
    table = loaded_window.attribute_table
    park = loaded_window.session.layer_named("park")
    park.frame["area_ha"] = [5.0]
    concessions = loaded_window.session.layer_named("concessions")
    concessions.frame["area_ha"] = [900.0, 80.0]
    table.show_layer(None)
    table.show_layer(concessions)
    column = table.model.column_names().index("area_ha")
    table.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [table.proxy.source_row(r) for r in range(2)] == [1, 0]


def test_table_selection_goes_to_the_session_and_back(loaded_window):
    table = loaded_window.attribute_table
    concessions = loaded_window.session.layer_named("concessions")
    table.show_layer(concessions)
    table.view.selectRow(1)
    assert loaded_window.session.selection.layer is concessions
    assert loaded_window.session.selection.rows == (1,)
    loaded_window.session.set_selection(concessions, [0])
    assert table.selected_rows() == [0]
    villages = loaded_window.session.layer_named("villages")
    loaded_window.session.set_selection(villages, [1])  # e.g. clicked on the map
    assert table.layer is villages and table.selected_rows() == [1]
