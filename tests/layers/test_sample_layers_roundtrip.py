"""The bundled sample: every catalogued layer loads with its stated count and CRS, and real
sample layers survive a round trip through every vector format (counts, text, geodesic areas,
lengths and positions compared with pyproj.Geod on the source, not with the reader)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from pyproj import CRS

from layers.loader import load_layer
from layers.model import RasterLayer, VectorLayer
from layers.readers import read_vector
from tests.layers.builders import WGS84_GEOD, geodesic_areas, write_layer

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"
CATALOGUE = SAMPLE / "catalogue.json"
ENTRIES = json.loads(CATALOGUE.read_text(encoding="utf-8")) if CATALOGUE.exists() else []
FORMATS = ["gpkg", "shp", "zip", "geojson", "kml", "kmz", "fgb", "parquet", "csv"]

pytestmark = pytest.mark.skipif(not ENTRIES, reason="sample_data/catalogue.json not built")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_every_catalogued_sample_layer_loads(entry):
    layer = load_layer(SAMPLE / entry["file"], entry.get("layer"), role=entry.get("role"))
    if entry.get("role") == "raster":
        assert isinstance(layer, RasterLayer)
    else:
        assert isinstance(layer, VectorLayer)
        assert layer.provenance.feature_count == entry["features"] == len(layer.frame)
        assert layer.frame.geometry.is_valid.all()
    if entry.get("crs") and isinstance(layer, VectorLayer) and layer.provenance.original_crs:
        assert CRS(layer.frame.crs).equals(CRS(entry["crs"]))


def _sample(file: str, rows: int | None = None):
    path = SAMPLE / file
    if not path.exists():
        pytest.skip(f"{file} not in sample_data")
    layer = read_vector(path)
    frame = layer.frame if rows is None else layer.frame.iloc[:rows]
    return layer, frame.reset_index(drop=True)


def _text_column(layer, frame):
    column = layer.column("name")
    return column if column and len(column) <= 10 and frame[column].dtype == object else None


def _measure(frame) -> np.ndarray:
    kind = frame.geom_type.iloc[0]
    lonlat = frame.to_crs("EPSG:4326")
    if "Polygon" in kind:
        return geodesic_areas(frame)
    if "Line" in kind:
        return np.array([WGS84_GEOD.geometry_length(g) for g in lonlat.geometry])
    centres = lonlat.geometry.centroid
    return np.c_[centres.x, centres.y]


def _sorted(values: np.ndarray) -> np.ndarray:
    """Measurements in a canonical order (features may come back in another order)."""
    if values.ndim == 1:
        return np.sort(values)
    return values[np.lexsort(values.T[::-1])]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("file, rows", [("indigenous_territories.gpkg", None), ("protected_areas.gpkg", None),
                                        ("villages.gpkg", None), ("rivers.gpkg", 150)])
def test_sample_layers_round_trip_through_every_format(tmp_path, file, rows, fmt):
    layer, frame = _sample(file, rows)
    column = _text_column(layer, frame)
    written = write_layer(frame, tmp_path, fmt, Path(file).stem)
    back = read_vector(written).frame
    assert len(back) == len(frame)
    if column and column in back.columns:
        assert sorted(back[column].astype(str)) == sorted(frame[column].astype(str))
    np.testing.assert_allclose(_sorted(_measure(back)), _sorted(_measure(frame)), rtol=1e-6, atol=1e-9)
