"""File ▸ Set basemap…: an offline basemap from a GeoTIFF or an MBTiles file (read locally
through GDAL), added under every other layer as an undoable layer addition."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from layers.errors import LayerError, UnreadableFileError

from .commands import AddLayerCommand
from .errors import show_error

__all__ = ["choose_basemap", "add_basemap", "BASEMAP_FILTER"]

BASEMAP_FILTER = QT_TRANSLATE_NOOP("Basemap", "Basemaps (*.mbtiles *.tif *.tiff);;All files (*)")


def open_basemap(path: str | Path) -> Any:
    """A RasterLayer over a GeoTIFF (through the readers) or an MBTiles file (GDAL, local)."""
    path = Path(path)
    name = QCoreApplication.translate("Basemap", "Basemap: %1").replace("%1", path.stem)
    if path.suffix.lower() == ".mbtiles":
        return _open_mbtiles(path, name)
    from layers.rasters import open_raster  # noqa: PLC0415

    return open_raster(str(path), name=name, categorical=False)


def _open_mbtiles(path: Path, name: str) -> Any:
    """MBTiles are SQLite tile stores; GDAL reads them locally as a Web Mercator raster."""
    import rasterio  # noqa: PLC0415
    from rasterio.warp import transform_bounds  # noqa: PLC0415

    from layers.model import Provenance, RasterLayer  # noqa: PLC0415
    from layers.provenance import sha256_file  # noqa: PLC0415

    try:
        with rasterio.open(path) as src:
            crs, bounds, shape, dtype = src.crs.to_string(), tuple(src.bounds), src.shape, src.dtypes[0]
            lonlat = tuple(transform_bounds(src.crs, "EPSG:4326", *src.bounds))
    except (rasterio.errors.RasterioError, OSError, AttributeError) as exc:
        raise UnreadableFileError(path, f"is not a readable MBTiles basemap ({exc})") from exc
    provenance = Provenance(path=str(path.resolve()), layer_name=None, driver="MBTiles",
                            sha256=sha256_file(path), original_crs=crs, bounds=lonlat)
    return RasterLayer(name=name, path=str(path.resolve()), provenance=provenance, crs=crs, bounds=bounds,
                       shape=shape, dtype=dtype, nodata=None, categorical=False)


def add_basemap(window: Any, path: str | Path) -> Any:
    """Open ``path`` as a basemap and put it at the bottom of the layer list (undoable)."""
    try:
        layer = open_basemap(path)
    except LayerError as exc:
        show_error(window, QCoreApplication.translate("Basemap", "Cannot use this basemap"), exc)
        return None
    window.undo.push(AddLayerCommand(window.session, layer, len(window.session.layers)))
    window.statusBar().showMessage(QCoreApplication.translate("Basemap", "Basemap added: %1").replace("%1", str(path)), 8000)
    return layer


def choose_basemap(window: Any) -> None:
    """Ask for a basemap file and add it."""
    path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("Basemap", "Choose a basemap"), "", QCoreApplication.translate("Basemap", BASEMAP_FILTER))
    if path:
        add_basemap(window, path)
