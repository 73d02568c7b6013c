"""Benchmark: time to read 200,000 polygons with layers.readers.read_vector, per format.

Run: python benchmarks/read_200k_polygons.py [count]
Writes a synthetic layer (square-ish 12-vertex polygons on a grid over Amapá, EPSG:4674, with a
text attribute holding accents) to a temporary folder in each format, then reads each once.
Timing lives here, not in the unit tests.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layers.readers import read_vector  # noqa: E402


def synthetic(count: int) -> gpd.GeoDataFrame:
    """``count`` 12-vertex polygons on a grid, with id and accented names."""
    side = int(np.ceil(np.sqrt(count)))
    ix, iy = np.divmod(np.arange(count), side)
    centres = shapely.points(-54.0 + ix * 0.01, 0.0 + iy * 0.01)
    polygons = shapely.buffer(centres, 0.004, quad_segs=3)
    names = np.array([f"Processo nº {i} — Mineração São João" for i in range(count)], dtype=object)
    return gpd.GeoDataFrame({"id": np.arange(count), "nome": names}, geometry=polygons, crs="EPSG:4674")


def main(count: int = 200_000) -> None:
    frame = synthetic(count)
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".gpkg", ".fgb", ".shp", ".parquet", ".geojson"):
            path = Path(folder) / f"polys{suffix}"
            if suffix == ".parquet":
                frame.to_parquet(path)
            else:
                frame.to_file(path, engine="pyogrio")
            start = time.perf_counter()
            raw = gpd.read_parquet(path) if suffix == ".parquet" else gpd.read_file(path, engine="pyogrio",
                                                                                   use_arrow=True)
            bare = time.perf_counter() - start
            start = time.perf_counter()
            layer = read_vector(path)
            seconds = time.perf_counter() - start
            print(f"{suffix:9} {len(layer.frame):>8,} features  read_vector {seconds:6.2f} s   "
                  f"bare geopandas read {bare:6.2f} s   ({len(raw):,} rows)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
