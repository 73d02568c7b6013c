"""Damaged copies of valid files (truncated at many lengths, bytes overwritten at random with a
fixed seed): every one either loads or raises a LayerError naming the file, never anything else."""
from __future__ import annotations

import random

import pytest

from layers.errors import LayerError
from layers.loader import load_layer
from tests.layers.builders import amapa_frame, write_layer

FORMATS = ["gpkg", "shp", "geojson", "kml", "kmz", "fgb", "parquet", "csv", "zip"]


def _damaged(data: bytes, trial: int, rng: random.Random) -> bytes:
    if trial < 8:
        return data[: len(data) * trial // 8]
    copy = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        copy[rng.randrange(len(copy))] = rng.randrange(256)
    return bytes(copy)


@pytest.mark.parametrize("fmt", FORMATS)
def test_damaged_files_load_or_fail_clearly(tmp_path, fmt):
    source = write_layer(amapa_frame().to_crs("EPSG:4326"), tmp_path / "src", fmt)
    data = source.read_bytes()
    suffix = "".join(source.suffixes)
    rng = random.Random(f"{fmt}-2026")
    outcomes = []
    for trial in range(16):
        path = tmp_path / f"dano{trial}{suffix}"
        path.write_bytes(_damaged(data, trial, rng))
        if fmt == "shp":  # damage only the .shp; keep its sidecars
            for part in source.parent.glob("camadas.*"):
                if part.suffix != ".shp":
                    path.with_suffix(part.suffix).write_bytes(part.read_bytes())
        try:
            load_layer(path)
            outcomes.append("ok")
        except LayerError as exc:
            assert path.name in str(exc)
            assert "Traceback" not in str(exc)
            outcomes.append(type(exc).__name__)
    assert outcomes[0] != "ok"  # a 0-byte copy never loads


def test_damaged_geotiffs_open_and_read_or_fail_clearly(tmp_path):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    from layers.rasters import open_raster, read_window

    source = tmp_path / "classes.tif"
    data = (np.arange(200 * 200).reshape(200, 200) % 9).astype("uint8")
    with rasterio.open(source, "w", driver="GTiff", width=200, height=200, count=1, dtype="uint8",
                       crs="EPSG:31976", transform=from_origin(400_000, 400_000, 30, 30), nodata=0,
                       tiled=True, blockxsize=64, blockysize=64, compress="deflate") as dst:
        dst.write(data, 1)
    raw = source.read_bytes()
    rng = random.Random("tif-2026")
    for trial in range(16):
        path = tmp_path / f"dano{trial}.tif"
        path.write_bytes(_damaged(raw, trial, rng))
        try:
            raster = open_raster(path)
            read_window(raster, raster.bounds)
        except LayerError as exc:
            assert path.name in str(exc)
