"""``analyze`` rasters: class map or continuous values, detected or said with --continuous /
--categorical (issue 3 §5: elevation gives min, mean, max).

References are independent of the engine: pixel areas from pyproj.Geod on each pixel's
corners (geodesic top and bottom edges, not parallels: a few parts in 1e9, hence rel=1e-6);
the concession is aligned on whole pixels, so the centre rule takes exactly them.
"""
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import pytest
from shapely.geometry import box

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/analysis")
from explorer.cli import main  # noqa: E402

GEOD = pyproj.Geod(ellps="WGS84")
WEST, NORTH, STEP, N = -51.0, 1.2, 0.01, 20
#: The concession covers rows 5..9 and columns 4..11 (whole pixels).
ROWS, COLS = slice(5, 10), slice(4, 12)


def _tif(path, data, crs="EPSG:4326", transform=None, nodata=None):
    import rasterio
    from rasterio.transform import from_origin

    bands = data if data.ndim == 3 else data[None]
    with rasterio.open(path, "w", driver="GTiff", width=bands.shape[2], height=bands.shape[1],
                       count=bands.shape[0], dtype=bands.dtype, crs=crs, nodata=nodata,
                       transform=transform or from_origin(WEST, NORTH, STEP, STEP)) as dst:
        dst.write(bands)
    return path


def _concession(folder):
    west, east = WEST + COLS.start * STEP, WEST + COLS.stop * STEP
    north, south = NORTH - ROWS.start * STEP, NORTH - ROWS.stop * STEP
    path = folder / "titulo.geojson"
    gpd.GeoDataFrame({"nome": ["T"]}, geometry=[box(west, south, east, north)],
                     crs=4326).to_file(path)
    return path


def _pixel_areas():
    """Geodesic area (m²) of each pixel of the concession (rows of equal latitude)."""
    out = np.zeros((ROWS.stop - ROWS.start, COLS.stop - COLS.start))
    for i, r in enumerate(range(ROWS.start, ROWS.stop)):
        top, bottom = NORTH - r * STEP, NORTH - (r + 1) * STEP
        lons = [WEST, WEST + STEP, WEST + STEP, WEST]
        out[i, :] = abs(GEOD.polygon_area_perimeter(lons, [bottom, bottom, top, top])[0])
    return out


def _own(out):
    stats = pd.read_csv(out / "raster_stats.csv")
    return stats[stats["zone_type"] == "concession"]


def _run(tmp_path, *args):
    out = tmp_path / "out"
    code = main(["analyze", "--concessions", str(_concession(tmp_path)), *map(str, args),
                 "--rings", "1", "--out", str(out)])
    return code, out


DEM = (np.arange(N * N, dtype="int16").reshape(N, N) * 7 + 120)  # 400 distinct heights
CLASSES = (np.arange(N * N).reshape(N, N) % 4 * 10 + 3).astype("uint8")  # 4 classes


def test_int16_dem_is_continuous_by_default(tmp_path):
    """An int16 raster with many values and a neutral name: min, mean, max, not classes."""
    code, out = _run(tmp_path, "--raster", _tif(tmp_path / "grid.tif", DEM))
    assert code == 0
    row = _own(out).iloc[0]
    cells, weights = DEM[ROWS, COLS].astype(float), _pixel_areas()
    assert row["raster_kind"] == "continuous"
    assert (row["min"], row["max"]) == (cells.min(), cells.max())
    assert row["mean"] == pytest.approx((cells * weights).sum() / weights.sum(), rel=1e-6)


def test_few_integer_values_are_classes_by_default(tmp_path):
    """A byte raster with 4 values is a class map: one row per class with its area."""
    code, out = _run(tmp_path, "--raster", _tif(tmp_path / "grid.tif", CLASSES))
    assert code == 0
    own = _own(out)
    assert set(own["raster_kind"]) == {"categorical"}
    cells, weights = CLASSES[ROWS, COLS], _pixel_areas()
    for value in np.unique(cells):
        got = own[own["class"] == value]["area_ha"].sum()
        assert got * 1e4 == pytest.approx(weights[cells == value].sum(), rel=1e-6)


def test_continuous_option_overrides_detection(tmp_path):
    """--continuous F: even a 4-value byte raster gives min/mean/max."""
    code, out = _run(tmp_path, "--continuous", _tif(tmp_path / "grid.tif", CLASSES))
    assert code == 0
    row = _own(out).iloc[0]
    cells, weights = CLASSES[ROWS, COLS].astype(float), _pixel_areas()
    assert row["raster_kind"] == "continuous"
    assert row["mean"] == pytest.approx((cells * weights).sum() / weights.sum(), rel=1e-6)


def test_categorical_option_overrides_detection(tmp_path):
    """--categorical F: a DEM-like raster is counted by value."""
    code, out = _run(tmp_path, "--categorical", _tif(tmp_path / "grid.tif", DEM))
    assert code == 0
    own = _own(out)
    assert set(own["raster_kind"]) == {"categorical"}
    assert len(own) == (ROWS.stop - ROWS.start) * (COLS.stop - COLS.start)


def test_elevation_name_is_continuous_even_as_bytes(tmp_path):
    """An 8-bit raster called ``..._elevation`` (few values) is continuous."""
    code, out = _run(tmp_path, "--raster", _tif(tmp_path / "srtm_elevation.tif", CLASSES))
    assert code == 0
    assert set(_own(out)["raster_kind"]) == {"continuous"}


def test_multiband_raster_uses_band_1(tmp_path):
    """A 3-band raster: the statistics are those of band 1 (the others are ignored)."""
    bands = np.stack([DEM, DEM * 0 + 5, DEM * 0 + 9]).astype("int16")
    code, out = _run(tmp_path, "--continuous", _tif(tmp_path / "rgb.tif", bands))
    assert code == 0
    row = _own(out).iloc[0]
    assert (row["min"], row["max"]) == (DEM[ROWS, COLS].min(), DEM[ROWS, COLS].max())


def test_projected_raster_is_measured(tmp_path):
    """A DEM in UTM 22S (EPSG:32722) around the concession: one continuous row, values in
    range of the pixels it covers."""
    from rasterio.transform import from_origin

    x0, y0 = pyproj.Transformer.from_crs(4326, 32722, always_xy=True).transform(-51.1, 1.3)
    data = (np.arange(400 * 400, dtype="float32").reshape(400, 400))
    path = _tif(tmp_path / "utm.tif", data, crs="EPSG:32722",
                transform=from_origin(x0, y0, 100, 100))
    code, out = _run(tmp_path, "--raster", path)
    assert code == 0
    row = _own(out).iloc[0]
    assert row["raster_kind"] == "continuous"
    assert data.min() <= row["min"] <= row["mean"] <= row["max"] <= data.max()
    assert row["max"] - row["min"] > 400  # several rows of a 400-wide grid


def test_vector_given_as_continuous_is_bad_input(tmp_path, capsys):
    """--continuous with a GeoJSON: exit 2, one line naming it and what was expected."""
    conc = _concession(tmp_path)
    code = main(["analyze", "--concessions", str(conc), "--continuous", str(conc),
                 "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "titulo.geojson" in err[0] and "raster" in err[0]


def test_project_layer_says_continuous(tmp_path):
    """A project whose raster layer is saved with categorical=false gives min/mean/max."""
    from layers.project import LayerRef, Project, save_project
    from layers.roles import Role

    tif = _tif(tmp_path / "grid.tif", CLASSES)
    project = Project(title="kind")
    project.add_layer(LayerRef(path=str(_concession(tmp_path)), name="c", role=Role.CONCESSION))
    project.add_layer(LayerRef(path=str(tif), name="g", role=Role.RASTER, kind="raster",
                               categorical=False))
    path = save_project(project, tmp_path / "p.json")
    out = tmp_path / "out"
    assert main(["analyze", "--project", str(path), "--out", str(out)]) == 0
    assert set(_own(out)["raster_kind"]) == {"continuous"}


def test_band_chosen_with_double_colon(tmp_path):
    """``rgb.tif::2`` measures band 2 (all 5 there), under the name 'rgb band 2'."""
    bands = np.stack([DEM, DEM * 0 + 5, DEM * 0 + 9]).astype("int16")
    code, out = _run(tmp_path, "--continuous", f"{_tif(tmp_path / 'rgb.tif', bands)}::2")
    assert code == 0
    row = _own(out).iloc[0]
    assert (row["raster"], row["min"], row["mean"], row["max"]) == ("rgb band 2", 5, 5, 5)


def test_missing_band_is_bad_input(tmp_path, capsys):
    """``rgb.tif::4`` on a 3-band raster: exit 2, one line naming the file and the bands."""
    bands = np.stack([DEM, DEM, DEM]).astype("int16")
    code, _ = _run(tmp_path, "--raster", f"{_tif(tmp_path / 'rgb.tif', bands)}::4")
    err = [x for x in capsys.readouterr().err.splitlines() if x.strip() and x[0] != "["]
    assert code == 2 and len(err) == 1 and "rgb.tif" in err[0] and "band" in err[0], err
