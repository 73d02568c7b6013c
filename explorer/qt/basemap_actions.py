"""File ▸ Set basemap…: an offline basemap from a GeoTIFF or an MBTiles file (read locally
through GDAL), added under every other layer as an undoable layer addition."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from layers.errors import LayerError
from layers.roles import Role

from .commands import AddLayerCommand
from .errors import show_error

__all__ = ["choose_basemap", "add_basemap", "BASEMAP_FILTER"]

BASEMAP_FILTER = "Basemaps (*.mbtiles *.tif *.tiff);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Basemap", text)


def open_basemap(path: str | Path) -> Any:
    """A RasterLayer over a GeoTIFF or MBTiles file, drawn as continuous values."""
    from layers.rasters import open_raster  # noqa: PLC0415

    layer = open_raster(str(path), name=_tr("Basemap: %1").replace("%1", Path(path).stem), categorical=False)
    layer.role = Role.CONTEXT if hasattr(layer, "role") else layer.role
    return layer


def add_basemap(window: Any, path: str | Path) -> Any:
    """Open ``path`` as a basemap and put it at the bottom of the layer list (undoable)."""
    try:
        layer = open_basemap(path)
    except LayerError as exc:
        show_error(window, _tr("Cannot use this basemap"), exc)
        return None
    window.undo.push(AddLayerCommand(window.session, layer, len(window.session.layers)))
    window.statusBar().showMessage(_tr("Basemap added: %1").replace("%1", str(path)), 8000)
    return layer


def choose_basemap(window: Any) -> None:
    """Ask for a basemap file and add it."""
    path, _ = QFileDialog.getOpenFileName(window, _tr("Choose a basemap"), "", _tr(BASEMAP_FILTER))
    if path:
        add_basemap(window, path)
