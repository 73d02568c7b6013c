"""Offline basemaps: a GeoTIFF or an MBTiles file goes under every layer, undoably."""
from __future__ import annotations

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")


def _geotiff(path):
    from rasterio.transform import from_bounds

    data = np.arange(64 * 64, dtype=np.uint8).reshape(1, 64, 64)
    with rasterio.open(path, "w", driver="GTiff", width=64, height=64, count=1, dtype="uint8",
                       crs="EPSG:4326", transform=from_bounds(-52.5, -0.5, -51.0, 1.0, 64, 64)) as dst:
        dst.write(data)
    return path


def test_geotiff_basemap_goes_to_the_bottom_and_undoes(loaded_window, tmp_path):
    from explorer.qt.basemap_actions import add_basemap

    layer = add_basemap(loaded_window, _geotiff(tmp_path / "relief.tif"))
    assert layer is not None and layer.kind == "raster"
    assert loaded_window.session.layers[-1] is layer
    assert loaded_window.session.draw_order()[0] is layer  # drawn first, under everything
    loaded_window.undo.undo()
    assert all(item is not layer for item in loaded_window.session.layers)


def test_mbtiles_basemap_is_read_locally(loaded_window, tmp_path):
    from rasterio.shutil import copy as raster_copy

    from explorer.qt.basemap_actions import add_basemap

    tiles = tmp_path / "region.mbtiles"
    try:
        raster_copy(_geotiff(tmp_path / "src.tif"), tiles, driver="MBTiles")
    except Exception as exc:  # GDAL built without the MBTiles driver
        pytest.skip(f"cannot write MBTiles here: {exc}")
    layer = add_basemap(loaded_window, tiles)
    assert layer is not None and layer.provenance.driver == "MBTiles"
    west, south, east, north = layer.provenance.bounds
    assert west == pytest.approx(-52.5, abs=0.05) and north == pytest.approx(1.0, abs=0.05)


def test_a_bad_basemap_gives_a_message(loaded_window, messages, tmp_path):
    from explorer.qt.basemap_actions import add_basemap

    bad = tmp_path / "broken.mbtiles"
    bad.write_bytes(b"not sqlite")
    assert add_basemap(loaded_window, bad) is None
    assert "broken.mbtiles" in messages[-1][1]
