"""GeoTIFF rasters: metadata without pixels, windowed reads with nodata masked, and refusal of
rasters that are not georeferenced."""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine
from rasterio.transform import from_origin

from layers.errors import RasterGeoreferenceError
from layers.loader import load_layer
from layers.model import RasterLayer
from layers.rasters import open_raster, read_window

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = from_origin(400_000.0, 400_000.0, 30.0, 30.0)  # SIRGAS 2000 / UTM 22N, 30 m pixels


def _classes() -> np.ndarray:
    data = (np.arange(80 * 100).reshape(80, 100) % 7).astype("uint8")
    data[:5, :5] = 0  # nodata corner
    return data


def _write(path: Path, data: np.ndarray, *, crs="EPSG:31976", transform=ORIGIN, nodata=0) -> Path:
    profile = dict(driver="GTiff", width=data.shape[1], height=data.shape[0], count=1, dtype=data.dtype,
                   nodata=nodata)
    if crs is not None:
        profile["crs"] = crs
    if transform is not None:
        profile["transform"] = transform
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


@pytest.fixture
def classes_tif(tmp_path) -> Path:
    return _write(tmp_path / "classes.tif", _classes())


def test_open_raster_reads_metadata_only(classes_tif, monkeypatch):
    monkeypatch.setattr(rasterio.io.DatasetReader, "read",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("pixels read")))
    raster = open_raster(classes_tif)
    assert isinstance(raster, RasterLayer) and raster.kind == "raster"
    assert raster.crs == "EPSG:31976" and raster.shape == (80, 100)
    assert raster.bounds == pytest.approx((400_000, 400_000 - 80 * 30, 400_000 + 100 * 30, 400_000))
    assert raster.dtype == "uint8" and raster.nodata == 0 and raster.categorical is True
    prov = raster.provenance
    assert prov.sha256 == hashlib.sha256(classes_tif.read_bytes()).hexdigest()
    assert prov.driver == "GTiff" and prov.original_crs == "EPSG:31976"
    lon_min, lat_min, lon_max, lat_max = prov.bounds
    assert -52 < lon_min < lon_max < -50 and 3 < lat_min < lat_max < 4


def test_float_rasters_are_continuous_unless_told(tmp_path):
    path = _write(tmp_path / "altitude.tif", np.linspace(0, 500, 400, dtype="float32").reshape(20, 20),
                  nodata=-9999)
    assert open_raster(path).categorical is False
    assert open_raster(path, categorical=True, name="Altitude").categorical is True
    assert open_raster(path, name="Altitude").name == "Altitude"


def test_read_window_reads_only_that_window_with_nodata_masked(classes_tif, monkeypatch):
    raster = open_raster(classes_tif)
    windows = []
    original = rasterio.io.DatasetReader.read

    def spy(self, *args, **kwargs):
        windows.append(kwargs.get("window"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(rasterio.io.DatasetReader, "read", spy)
    # columns 0..9 and rows 0..3: x 400000..400300, y 399880..400000
    data, transform = read_window(raster, (400_000, 399_880, 400_300, 400_000))
    assert data.shape == (4, 10)
    assert windows and windows[0] is not None and (windows[0].height, windows[0].width) == (4, 10)
    expected = _classes()[:4, :10]
    np.testing.assert_array_equal(data.filled(255), np.where(expected == 0, 255, expected))
    np.testing.assert_array_equal(data.mask, expected == 0)
    assert data.mask[:4, :5].all()
    assert transform == ORIGIN


def test_read_window_partial_pixels_and_offsets(classes_tif):
    raster = open_raster(classes_tif)
    data, transform = read_window(raster, (400_045, 399_950, 400_095, 399_985))  # cols 1..3, rows 0..1
    np.testing.assert_array_equal(data.data, _classes()[0:2, 1:4])
    assert transform == ORIGIN @ Affine.translation(1, 0)


def test_read_window_clips_to_the_raster_and_handles_no_overlap(classes_tif):
    raster = open_raster(classes_tif)
    data, _ = read_window(raster, (399_000, 397_000, 400_060, 400_000 + 500))
    assert data.shape == (80, 2)
    empty, _ = read_window(raster, (0, 0, 10, 10))
    assert empty.shape == (0, 0)


@pytest.mark.parametrize("crs, transform, problem", [
    (None, ORIGIN, "coordinate reference system"),
    ("EPSG:31976", None, "geotransform"),
    ("EPSG:31976", Affine.identity(), "geotransform"),
])
def test_rasters_without_georeferencing_are_refused(tmp_path, crs, transform, problem):
    path = _write(tmp_path / "solto.tif", _classes(), crs=crs, transform=transform)
    with pytest.raises(RasterGeoreferenceError, match=problem) as caught:
        open_raster(path)
    assert "solto.tif" in str(caught.value)


def test_load_layer_dispatches_rasters(classes_tif):
    raster = load_layer(classes_tif, name="Classes", role="concession", crs="EPSG:4326")
    assert isinstance(raster, RasterLayer) and raster.name == "Classes"


@pytest.mark.parametrize("name", ["mapbiomas_1985.tif", "mapbiomas_2020.tif"])
def test_sample_mapbiomas_rasters_open_as_categorical(name):
    path = ROOT / "sample_data" / name
    if not path.exists():
        pytest.skip("sample raster not built")
    raster = open_raster(path)
    assert raster.categorical is True
    minx, miny, maxx, maxy = raster.bounds
    centre = ((minx + maxx) / 2, (miny + maxy) / 2)
    data, _ = read_window(raster, (centre[0] - 1000, centre[1] - 1000, centre[0] + 1000, centre[1] + 1000))
    assert 0 < data.size < raster.shape[0] * raster.shape[1]
