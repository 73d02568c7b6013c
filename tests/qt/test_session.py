"""The session model and the coordinate formatting, without widgets."""
from __future__ import annotations

from explorer.qt.geo_format import format_dms, to_dms
from explorer.qt.session import Session


def test_selection_clears_when_its_layer_is_removed(qtbot, tiny_layers):
    session = Session()
    session.set_layers(tiny_layers)
    with qtbot.waitSignal(session.selectionChanged):
        session.set_selection(tiny_layers[1], [1, 0, 1])
    assert session.selection.rows == (0, 1)
    session.remove_layer(1)
    assert session.selection.layer is None and session.selection.rows == ()


def test_draw_order_is_bottom_first(tiny_layers):
    session = Session()
    session.set_layers(tiny_layers)
    assert [layer.name for layer in session.draw_order()] == ["park", "concessions", "villages"]


def test_dms_of_known_angles():
    # 51.5 degrees is exactly 51 degrees 30 minutes; 0.0025 degrees is 9 seconds.
    assert to_dms(51.5) == (51, 30, 0.0)
    assert to_dms(-0.0025) == (0, 0, 9.0)
    assert format_dms(-0.0025, -51.5) == "0°00'09.0\"S 51°30'00.0\"W"
