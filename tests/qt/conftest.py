"""Fixtures for the GUI tests: settings in a temporary INI file, tiny layers with a CRS, and a
main window that never blocks on a dialog."""
from __future__ import annotations

import geopandas as gpd
import pytest
from PySide6.QtCore import QSettings
from shapely.geometry import Point, box

from layers.model import Provenance, VectorLayer
from layers.roles import Role


def make_layer(name: str, role: Role, geometries, crs: str = "EPSG:4326", **columns) -> VectorLayer:
    """A small vector layer built in code, with a CRS and provenance."""
    frame = gpd.GeoDataFrame({"name": [f"{name} {i}" for i in range(len(geometries))], **columns},
                             geometry=list(geometries), crs=crs)
    bounds = tuple(float(v) for v in frame.to_crs("EPSG:4326").total_bounds)
    provenance = Provenance(path=f"/memory/{name}.gpkg", layer_name=name, driver="GPKG", sha256="0" * 64,
                            original_crs=crs, feature_count=len(frame), bounds=bounds)
    return VectorLayer(name=name, role=role, frame=frame, provenance=provenance)


@pytest.fixture
def tiny_layers() -> list[VectorLayer]:
    """Concessions over a protected area, plus villages: top-most first."""
    concessions = make_layer("concessions", Role.CONCESSION,
                             [box(-52.0, 0.0, -51.8, 0.2), box(-51.5, 0.5, -51.3, 0.7)])
    park = make_layer("park", Role.PROTECTED_AREA, [box(-52.1, -0.1, -51.4, 0.6)])
    villages = make_layer("villages", Role.COMMUNITY, [Point(-51.9, 0.1), Point(-51.2, 0.9)])
    return [villages, concessions, park]


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """Settings kept in a temporary INI file (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every QMessageBox warning/critical/information shown, as (title, text); never blocks."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def capture(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(capture))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    return shown


@pytest.fixture
def window(qtbot, settings, messages):
    """A main window with no project, shown offscreen."""
    from explorer.qt.main_window import MainWindow

    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win, timeout=30_000)  # returns at once when shown; generous for a loaded CI
    yield win
    win.session.set_modified(False)
    win.close()


@pytest.fixture
def loaded_window(window, tiny_layers):
    """The window with the tiny layers in it, as if a project had been opened."""
    window.session.set_layers(tiny_layers)
    return window
