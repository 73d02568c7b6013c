"""Adding files: by drag-and-drop onto the window, and a clear message for a bad file."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from layers.roles import Role


def _write_geojson(path):
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        '"properties": {"nome": "Parque"}, "geometry": {"type": "Polygon", "coordinates": '
        '[[[-52, 0], [-51, 0], [-51, 1], [-52, 1], [-52, 0]]]}}]}', encoding="utf-8")
    return path


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_drop_a_file_adds_it_on_top_and_undo_removes_it(window, tiny_layers, tmp_path):
    window.session.set_layers(tiny_layers)
    path = _write_geojson(tmp_path / "my_park.geojson")
    _drop(window, [path])
    top = window.session.layers[0]
    assert top.name == "my_park"
    assert len(top.frame) == 1
    assert window.layers_panel.model.rowCount() == 4
    assert "my_park" in window.statusBar().currentMessage()
    window.undo.undo()
    assert [layer.name for layer in window.session.layers] == ["villages", "concessions", "park"]


def test_malformed_file_gives_a_message_naming_the_file(window, messages, tmp_path):
    bad = tmp_path / "broken_concessions.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [ oops', encoding="utf-8")
    _drop(window, [bad])
    assert window.session.layers == []
    assert messages, "no message was shown"
    title, text = messages[-1]
    assert "broken_concessions.geojson" in text
    assert "Traceback" not in text


def test_good_and_bad_files_together_add_the_good_one(window, messages, tmp_path):
    good = _write_geojson(tmp_path / "good.geojson")
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"not a geopackage")
    window.layer_actions.add_files([str(good), str(bad)])
    assert [layer.name for layer in window.session.layers] == ["good"]
    assert "bad.gpkg" in messages[-1][1]
    assert window.session.layers[0].role in set(Role)


def test_a_geopackage_with_two_layers_adds_both(window, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point, box

    path = tmp_path / "two.gpkg"
    gpd.GeoDataFrame({"nome": ["A"]}, geometry=[box(0, 0, 1, 1)], crs="EPSG:4326").to_file(path, layer="areas")
    gpd.GeoDataFrame({"nome": ["B"]}, geometry=[Point(0.5, 0.5)], crs="EPSG:4326").to_file(path, layer="points")
    _drop(window, [path])
    assert sorted(len(layer.frame) for layer in window.session.layers) == [1, 1]
    assert len(window.session.layers) == 2
    window.undo.undo()  # one drop is one undo step
    assert window.session.layers == []


def test_unsupported_file_type_is_refused_with_its_name(window, messages, tmp_path):
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04 not geodata")
    _drop(window, [odd])
    assert window.session.layers == []
    assert "notes.docx" in messages[-1][1]


def test_a_file_name_that_looks_like_html_is_shown_escaped(window, messages, tmp_path):
    bad = tmp_path / "<b>evil<script>x.geojson"  # no "/" in a file name
    bad.write_text("{ not json", encoding="utf-8")
    _drop(window, [bad])
    text = messages[-1][1]
    assert "&lt;script&gt;" in text and "<script>" not in text
