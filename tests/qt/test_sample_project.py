"""The bundled sample project in the window: open, toggle, draw, save, reopen, recover."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from layers.roles import Role

catalogue = pytest.importorskip("layers.catalogue")


@pytest.fixture
def sample_window(window):
    assert window.project_actions.open_sample()
    return window


def _pixels(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
    return raw[:, :width, 2::-1].astype(int)  # BGRA in memory -> RGB


def _count_near(pixels: np.ndarray, color: str, tolerance: int = 30) -> int:
    q = QColor(color)
    return int((np.abs(pixels - np.array([q.red(), q.green(), q.blue()])).sum(axis=2) < tolerance).sum())


def test_open_sample_lists_its_layers_and_toggles_them(sample_window):
    layers = sample_window.session.layers
    assert len(layers) >= 8
    roles = {Role(layer.role) for layer in layers}
    assert {Role.CONCESSION, Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY, Role.RIVER} <= roles
    model = sample_window.layers_panel.model
    assert model.rowCount() == len(layers)
    assert "Amapá" in sample_window.windowTitle()
    row = next(i for i, layer in enumerate(layers) if layer.role == Role.CONCESSION)
    model.setData(model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert layers[row].style.visible is False
    canvas_layers = sample_window.canvas.layers()
    assert canvas_layers[::-1] == layers  # the canvas draws the panel's order, bottom first
    sample_window.undo.undo()
    assert layers[row].style.visible is True


def test_rendered_sample_is_not_blank_and_shows_each_role_colour(sample_window):
    canvas = sample_window.canvas
    if not hasattr(canvas, "render_now"):
        pytest.skip("the map canvas is not installed")
    canvas.render_now()
    QApplication.processEvents()
    pixels = _pixels(canvas)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 200, "the map looks blank"
    seen = {}
    for layer in sample_window.session.layers:
        if layer.kind == "vector" and layer.role != Role.PROJECT:
            style = layer.style
            seen[layer.role] = max(seen.get(layer.role, 0), _count_near(pixels, style.stroke),
                                   _count_near(pixels, style.fill))
    missing = {role.value: n for role, n in seen.items() if n < 20}
    assert not missing, f"roles not visible on the map: {missing}"
    canvas.zoom_to_full_extent()  # partnership projects are world-wide
    canvas.render_now()
    projects = next(layer for layer in sample_window.session.layers if layer.role == Role.PROJECT)
    assert _count_near(_pixels(canvas), projects.style.fill) >= 20


def test_save_and_reopen_the_project(sample_window, settings, qtbot, tmp_path):
    from explorer.qt.main_window import MainWindow

    session = sample_window.session
    park = next(layer for layer in session.layers if layer.role == Role.PROTECTED_AREA)
    sample_window.layers_panel.select_layer(park)
    sample_window.layers_panel.opacity.setValue(55)
    sample_window.layers_panel.step_current(-1)
    assert session.modified
    path = tmp_path / "my work.mieproj"
    assert sample_window.project_actions.save_to(path)
    assert not session.modified and path.is_file()
    assert str(path) in sample_window.project_actions.recent()[0]

    other = MainWindow(settings=settings)
    qtbot.addWidget(other)
    assert other.project_actions.open_project(path)
    before = [(l.name, Role(l.role), l.style.visible, round(l.style.opacity, 2)) for l in session.layers]
    after = [(l.name, Role(l.role), l.style.visible, round(l.style.opacity, 2)) for l in other.session.layers]
    assert after == before
    assert "my work.mieproj" in other.windowTitle()


def test_autosave_then_recovery_after_a_crash(sample_window, settings, qtbot, monkeypatch):
    from explorer.qt.main_window import MainWindow

    sample_window.layers_panel.select_layer(sample_window.session.layers[0])
    sample_window.layers_panel.remove_current()
    names = [layer.name for layer in sample_window.session.layers]
    assert sample_window.autosave.save_now()
    assert sample_window.autosave.path.is_file()
    # the app "crashes": no close event, the recovery file stays
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    fresh = MainWindow(settings=settings)
    qtbot.addWidget(fresh)
    assert fresh.autosave.offer_recovery()
    assert [layer.name for layer in fresh.session.layers] == names
    assert fresh.session.modified  # recovered work still needs a real save
    assert str(fresh.autosave.path) not in " ".join(fresh.project_actions.recent())
    fresh.session.set_modified(False)
    fresh.close()
    assert not fresh.autosave.path.exists()  # a clean exit leaves nothing to recover


def test_moved_data_is_relinked(window, tmp_path, monkeypatch, messages):
    from layers.catalogue import sample_dir
    from layers.project import LayerRef, Project, save_project

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(sample_dir() / "protected_areas.gpkg", data / "protected_areas.gpkg")
    project = Project(title="Moved", layers=[LayerRef(path=str(data / "protected_areas.gpkg"),
                                                      name="Parks", role=Role.PROTECTED_AREA)])
    path = save_project(project, tmp_path / "moved.mieproj")
    moved = tmp_path / "elsewhere" / "gis"
    moved.mkdir(parents=True)
    shutil.move(str(data / "protected_areas.gpkg"), moved / "protected_areas.gpkg")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path / "elsewhere")))
    assert window.project_actions.open_project(path)
    assert [layer.name for layer in window.session.layers] == ["Parks"]
    assert window.session.modified
