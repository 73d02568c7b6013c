"""MapCanvas: navigation, identify, selection (pytest-qt, offscreen)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer.qt.canvas import MapCanvas, MapTool
from tests.render.tiny_layers import tiny_map


@pytest.fixture
def canvas(qtbot):
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    qtbot.waitExposed(widget, timeout=30_000)
    layers = tiny_map()
    widget.set_layers(list(layers.values()))
    widget.render_now()
    widget.layers_by_role = layers
    return widget


def _wheel(widget, pos: QPointF, steps: int) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * steps), Qt.NoButton,
                        Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_full_extent_shows_every_subject_layer(canvas):
    minx, miny, maxx, maxy = canvas.view().extent  # the context layer (borders) does not count
    assert minx <= -52.9 and maxx >= -49.5 and miny <= 1.0 and maxy >= 4.9
    assert miny > 0.0 or maxy < 5.0  # fitted to 1.0-4.9, not to the borders' 0-5


def test_pan_redraws_only_the_strips_yet_matches_a_full_redraw(canvas):
    canvas.pan_by(37, -23)
    panned = _array(canvas.map_image())
    canvas.render_now()
    full = _array(canvas.map_image())
    diff = np.abs(panned.astype(int) - full.astype(int))
    assert diff.max() <= 3


def _array(image):
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * image.height())
    return data.reshape(image.height(), image.bytesPerLine()).copy()


def test_wheel_zooms_in_around_the_cursor(canvas, qtbot):
    before, upp = canvas.scale_denominator(), canvas.view().units_per_pixel
    anchor = QPointF(200, 150)
    lon, lat = canvas.view().to_world(anchor.x(), anchor.y())
    with qtbot.waitSignal(canvas.scaleChanged):
        _wheel(canvas, anchor, 2)
    assert canvas.view().units_per_pixel == pytest.approx(upp / 1.25 ** 2, rel=1e-9)
    # the 1:N scale is measured at the new centre latitude, so it is only close to before/1.5625
    assert canvas.scale_denominator() == pytest.approx(before / 1.25 ** 2, rel=1e-3)
    lon2, lat2 = canvas.view().to_world(anchor.x(), anchor.y())
    assert (lon2, lat2) == pytest.approx((lon, lat), abs=1e-9)


def test_drag_pans_by_the_mouse_movement(canvas, qtbot):
    view = canvas.view()
    start, end = QPoint(300, 200), QPoint(380, 260)
    lon, lat = view.to_world(start.x(), start.y())
    qtbot.mousePress(canvas, Qt.LeftButton, pos=start)
    qtbot.mouseMove(canvas, QPoint(340, 230))
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=end)
    lon2, lat2 = canvas.view().to_world(end.x(), end.y())  # the grabbed point followed the mouse
    assert (lon2, lat2) == pytest.approx((lon, lat), abs=1e-9)
    assert canvas.view().units_per_pixel == view.units_per_pixel


def test_box_zoom_shows_the_box(canvas, qtbot):
    canvas.set_tool(MapTool.ZOOM_BOX)
    view = canvas.view()
    a, b = QPoint(100, 100), QPoint(300, 250)
    lon0, lat1 = view.to_world(a.x(), a.y())
    lon1, lat0 = view.to_world(b.x(), b.y())
    qtbot.mousePress(canvas, Qt.LeftButton, pos=a)
    qtbot.mouseMove(canvas, b)
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=b)
    minx, miny, maxx, maxy = canvas.view().extent
    assert minx <= lon0 + 1e-9 and maxx >= lon1 - 1e-9 and miny <= lat0 + 1e-9 and maxy >= lat1 - 1e-9
    assert canvas.view().units_per_pixel < view.units_per_pixel


def test_identify_returns_the_feature_under_the_cursor(canvas, qtbot):
    canvas.set_tool(MapTool.IDENTIFY)
    concessions = canvas.layers_by_role["concession"]
    x, y = canvas.view().to_device(-51.85, 2.65)  # inside "Title B" (row 1)
    with qtbot.waitSignal(canvas.featuresIdentified) as blocker:
        qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(x), round(y)))
    hits = blocker.args[0]
    assert hits[0].layer is concessions and hits[0].row == 1
    assert hits[0].attributes["name"] == "Title B"
    assert [h.layer.name for h in hits] == ["Concessions", "Borders"]


def test_set_selection_signals_and_changes_the_image(canvas, qtbot):
    concessions = canvas.layers_by_role["concession"]
    before = canvas.grab().toImage()
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        canvas.set_selection(concessions, [0])
    assert blocker.args == [concessions, (0,)]
    assert canvas.selected_rows(concessions) == [0]
    assert canvas.grab().toImage() != before
    x, y = canvas.view().to_device(-50.6, 1.4)  # west edge of title A: in the highlight
    assert canvas.selection_image().pixelColor(round(x), round(y)).alpha() > 200
    canvas.clear_selection()
    assert canvas.selection_image() is None


def test_select_tool_click_selects_the_top_feature(canvas, qtbot):
    canvas.set_tool(MapTool.SELECT)
    x, y = canvas.view().to_device(-50.2, 1.4)  # inside "Title A" (row 0)
    qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(x), round(y)))
    assert canvas.selected_rows(canvas.layers_by_role["concession"]) == [0]


def test_zoom_to_selection_and_layer(canvas):
    concessions = canvas.layers_by_role["concession"]
    canvas.set_selection(concessions, [1])
    canvas.zoom_to_selection()
    minx, miny, maxx, maxy = canvas.view().extent
    assert minx <= -52.0 and maxx >= -51.7 and (maxx - minx) < 1.0
    canvas.zoom_to_layer(canvas.layers_by_role["protected_area"])
    minx, miny, maxx, maxy = canvas.view().extent
    assert minx <= -52.5 and maxx >= -51.5 and miny <= 1.0 and maxy >= 2.0


def test_cursor_coordinates_are_emitted(canvas, qtbot):
    with qtbot.waitSignal(canvas.coordinatesChanged) as blocker:
        qtbot.mouseMove(canvas, QPoint(320, 240))
    lon, lat = blocker.args
    assert (lon, lat) == pytest.approx(canvas.view().to_world(320, 240))


def test_screen_map_is_not_blank(canvas):
    image = canvas.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    assert np.isfinite(canvas.last_render_ms)


def test_export_image_at_print_resolution_keeps_the_extent(canvas):
    image = canvas.export_image(dpi=192)
    assert (image.width(), image.height()) == (canvas.width() * 2, canvas.height() * 2)
    x, y = canvas.view().to_device(-50.2, 1.35)  # inside title A, away from its label
    on_screen = canvas.map_image().pixelColor(round(x), round(y))
    exported = image.pixelColor(round(2 * x), round(2 * y))
    assert abs(on_screen.red() - exported.red()) + abs(on_screen.green() - exported.green()) < 12


def test_identify_a_village_by_its_symbol_not_only_its_centre(canvas):
    villages = canvas.layers_by_role["community"]
    x, y = canvas.view().to_device(-49.5, 4.5)
    hits = canvas.identify_at(QPointF(x + 3, y - 3.2))  # on the symbol, 4.4 px off its centre
    assert hits and hits[0].layer is villages and hits[0].attributes["name"] == "Kumarumã"
    assert not [h for h in canvas.identify_at(QPointF(x + 30, y)) if h.layer is villages]
