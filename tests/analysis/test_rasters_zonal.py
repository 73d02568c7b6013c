"""Raster statistics on synthetic GeoTIFFs whose answers are computed independently:
each pixel's area is the geodesic area (pyproj.Geod, GeographicLib) of its outline, densified
and, for projected rasters, transformed back to lon/lat corner by corner."""
import geopandas as gpd
import numpy as np
import pytest
import rasterio
from affine import Affine
from pyproj import Geod, Transformer
from shapely.geometry import box

from layers.errors import RasterGeoreferenceError
from layers.model import Provenance, RasterLayer
from explorer.analysis.raster_change import raster_change_table, raster_transition_table
from explorer.analysis.rasters import RASTER_COLUMNS, raster_tables
from explorer.analysis.settings import AnalysisSettings

GEOD = Geod(ellps="WGS84")
N = 40  # points per pixel edge when densifying


def write(path, array, transform, crs, nodata=None, categorical=True):
    with rasterio.open(path, "w", driver="GTiff", width=array.shape[1], height=array.shape[0],
                       count=1, dtype=array.dtype, crs=crs, transform=transform, nodata=nodata) as dst:
        dst.write(array, 1)
        bounds = tuple(dst.bounds)
    return RasterLayer(name=path.stem, path=str(path), provenance=Provenance(str(path), None, "GTiff", ""),
                       crs=crs, bounds=bounds, shape=array.shape, dtype=str(array.dtype),
                       nodata=nodata, categorical=categorical)


def outline(x0, y0, x1, y1):
    t = np.linspace(0, 1, N, endpoint=False)
    xs = np.r_[x0 + (x1 - x0) * t, np.full(N, x1), x1 - (x1 - x0) * t, np.full(N, x0)]
    ys = np.r_[np.full(N, y0), y0 + (y1 - y0) * t, np.full(N, y1), y1 - (y1 - y0) * t]
    return xs, ys


def geod_pixel_m2(transform, row, col, crs):
    a, b, c, d, e, f = transform[:6]
    x0, y0 = a * col + b * (row + 1) + c, d * col + e * (row + 1) + f
    x1, y1 = a * (col + 1) + b * row + c, d * (col + 1) + e * row + f
    xs, ys = outline(x0, y0, x1, y1)
    if crs != "EPSG:4326":
        xs, ys = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(xs, ys)
    return abs(GEOD.polygon_area_perimeter(xs, ys)[0])


def zones(*geoms, crs="EPSG:4326"):
    return gpd.GeoDataFrame({"zone_id": [f"z{i}" for i in range(len(geoms))],
                             "zone_name": [f"zone {i}" for i in range(len(geoms))],
                             "zone_type": "concession", "ring_km": np.nan},
                            geometry=list(geoms), crs=crs)


CLASSES = np.array([[30, 30, 3, 3, 3], [30, 3, 3, 15, 15], [3, 3, 3, 15, 15], [33, 33, 3, 3, 3]],
                   dtype="uint16")


@pytest.mark.parametrize("lat0", [0.0, 60.0])
def test_geographic_class_areas(tmp_path, lat0):
    res = 0.01
    transform = Affine(res, 0, -51.0, 0, -res, lat0 + 4 * res)
    raster = write(tmp_path / "cls.tif", CLASSES, transform, "EPSG:4326")
    zone = box(-51.0, lat0, -51.0 + 5 * res, lat0 + 4 * res)  # the whole grid, on pixel edges
    table = raster_tables([raster], zones(zone), AnalysisSettings())
    assert list(table.columns) == RASTER_COLUMNS
    for cls in (3, 15, 30, 33):
        expected = sum(geod_pixel_m2(transform, r, c, "EPSG:4326")
                       for r, c in zip(*np.nonzero(CLASSES == cls))) / 1e4
        got = table.set_index("class").loc[cls, "area_ha"]
        assert got == pytest.approx(expected, rel=1e-4)  # 0.01 %
    assert table["pixels"].sum() == CLASSES.size


def test_rows_at_60_degrees_are_half_the_equator(tmp_path):
    # independent sanity: a 60° N cell is about cos(60°) times an equator cell
    one = np.array([[30]], dtype="uint16")
    eq = write(tmp_path / "eq.tif", one, Affine(0.01, 0, 0, 0, -0.01, 0.01), "EPSG:4326")
    north = write(tmp_path / "n.tif", one, Affine(0.01, 0, 0, 0, -0.01, 60.01), "EPSG:4326")
    a = raster_tables([eq], zones(box(0, 0, 0.01, 0.01)), None)["area_ha"].iloc[0]
    b = raster_tables([north], zones(box(0, 60, 0.01, 60.01)), None)["area_ha"].iloc[0]
    assert b / a == pytest.approx(0.5, rel=0.01)


def test_utm_class_areas_use_the_true_ground_area(tmp_path):
    crs = "EPSG:32622"  # UTM 22N; this grid lies about 330 km west of the central meridian
    transform = Affine(30, 0, 170_000, 0, -30, 240_000)
    raster = write(tmp_path / "utm.tif", CLASSES, transform, crs)
    table = raster_tables([raster], zones(box(170_000, 239_880, 170_150, 240_000), crs=crs), None)
    expected = sum(geod_pixel_m2(transform, r, c, crs) for r, c in zip(*np.nonzero(CLASSES == 30))) / 1e4
    got = table.set_index("class").loc[30, "area_ha"]
    assert got == pytest.approx(expected, rel=1e-4)
    assert abs(got / (3 * 900 / 1e4) - 1) > 5e-4  # and it is not the nominal 30 m x 30 m


def test_half_covered_pixel_under_both_rules(tmp_path):
    transform = Affine(0.01, 0, 0, 0, -0.01, 0.01)
    raster = write(tmp_path / "one.tif", np.array([[30]], dtype="uint16"), transform, "EPSG:4326")
    cell = geod_pixel_m2(transform, 0, 0, "EPSG:4326") / 1e4
    half, less, more = box(0, 0, 0.005, 0.01), box(0, 0, 0.004, 0.01), box(0, 0, 0.006, 0.01)
    frac = raster_tables([raster], zones(half), AnalysisSettings(pixel_rule="fraction"))
    assert frac["pixels"].iloc[0] == pytest.approx(0.5, abs=1e-9)
    assert frac["area_ha"].iloc[0] == pytest.approx(cell / 2, rel=1e-4)
    centre = raster_tables([raster], zones(less, more), AnalysisSettings(pixel_rule="centre"))
    assert list(centre["zone_id"]) == ["z1"]  # only the zone holding the centre gets it
    assert centre["pixels"].iloc[0] == 1
    assert centre["area_ha"].iloc[0] == pytest.approx(cell, rel=1e-4)


def test_nodata_is_left_out(tmp_path):
    data = CLASSES.copy()
    data[0, 0] = 65535
    transform = Affine(0.01, 0, 0, 0, -0.01, 0.04)
    raster = write(tmp_path / "nd.tif", data, transform, "EPSG:4326", nodata=65535)
    table = raster_tables([raster], zones(box(0, 0, 0.05, 0.04)), None)
    assert 65535 not in set(table["class"])
    assert table.set_index("class").loc[30, "pixels"] == 2
    valid = sum(geod_pixel_m2(transform, r, c, "EPSG:4326") for r, c in zip(*np.nonzero(data != 65535))) / 1e4
    assert table["valid_ha"].iloc[0] == pytest.approx(valid, rel=1e-4)


def test_continuous_min_mean_max(tmp_path):
    elevation = np.array([[10.0, 20.0, np.nan], [30.0, 40.0, 50.0]], dtype="float32")
    transform = Affine(0.01, 0, 0, 0, -0.01, 0.02)
    raster = write(tmp_path / "dem.tif", elevation, transform, "EPSG:4326", nodata=np.nan, categorical=False)
    row = raster_tables([raster], zones(box(0, 0, 0.03, 0.02)), None).iloc[0]
    w = {(r, c): geod_pixel_m2(transform, r, c, "EPSG:4326") for r in range(2) for c in range(3)}
    values = {(0, 0): 10, (0, 1): 20, (1, 0): 30, (1, 1): 40, (1, 2): 50}
    mean = sum(v * w[k] for k, v in values.items()) / sum(w[k] for k in values)
    assert (row["min"], row["max"], row["pixels"]) == (10, 50, 5)
    assert row["mean"] == pytest.approx(mean, rel=1e-9)
    assert row["raster_kind"] == "continuous"


def test_engine_zone_form_and_zones_off_the_raster(tmp_path):
    raster = write(tmp_path / "cls.tif", CLASSES, Affine(0.01, 0, 0, 0, -0.01, 0.04), "EPSG:4326")
    frame = gpd.GeoDataFrame({"uid": ["t:1", "t:1", "t:2"], "id": ["1", "1", "2"], "name": "A",
                              "zone": ["subject", "ring_5km", "subject"],
                              "subject_uid": ["t:1", "t:1", "t:2"]},
                             geometry=[box(0, 0, 0.01, 0.01), box(0, 0, 0.05, 0.04), box(5, 5, 6, 6)],
                             crs="EPSG:4326")
    table = raster_tables([raster], frame, None)
    assert set(table["zone_type"]) == {"concession", "ring"}
    assert set(table.loc[table.zone_type == "ring", "ring_km"]) == {5.0}
    assert "t:2" not in set(table["subject_uid"])


BEFORE = np.array([[30, 3, 3], [30, 30, 15]], dtype="uint16")
AFTER = np.array([[30, 30, 3], [3, 30, 15]], dtype="uint16")


def test_change_between_two_dates(tmp_path):
    transform = Affine(0.01, 0, 0, 0, -0.01, 0.02)
    before = write(tmp_path / "b1985.tif", BEFORE, transform, "EPSG:4326")
    after = write(tmp_path / "a2020.tif", AFTER, transform, "EPSG:4326")
    px = {(r, c): geod_pixel_m2(transform, r, c, "EPSG:4326") / 1e4 for r in range(2) for c in range(3)}
    table = raster_change_table(before, after, zones(box(0, 0, 0.03, 0.02)), classes=[30, 3])
    mining = table.set_index("class").loc[30]
    assert mining["before_ha"] == pytest.approx(px[0, 0] + px[1, 0] + px[1, 1], rel=1e-4)
    assert mining["after_ha"] == pytest.approx(px[0, 0] + px[0, 1] + px[1, 1], rel=1e-4)
    assert mining["gained_ha"] == pytest.approx(px[0, 1], rel=1e-4)
    assert mining["lost_ha"] == pytest.approx(px[1, 0], rel=1e-4)
    assert mining["net_ha"] == pytest.approx(px[0, 1] - px[1, 0], rel=1e-4)
    fraction = raster_change_table(before, after, zones(box(0, 0, 0.03, 0.02)), classes=[30, 3],
                                   rule="fraction")
    assert np.allclose(fraction[["before_ha", "after_ha", "gained_ha", "lost_ha"]].to_numpy(),
                       table[["before_ha", "after_ha", "gained_ha", "lost_ha"]].to_numpy())
    moves = raster_transition_table(before, after, zones(box(0, 0, 0.03, 0.02)), 30)
    assert {(r.from_class, r.to_class) for r in moves.itertuples()} == {(3, 30), (30, 3)}
    settings = AnalysisSettings(raster_change=("b1985", "a2020"))
    both = raster_tables([before, after], zones(box(0, 0, 0.03, 0.02)), settings)
    assert set(both["raster_kind"]) == {"categorical", "change"}


def test_change_needs_one_grid(tmp_path):
    before = write(tmp_path / "b.tif", BEFORE, Affine(0.01, 0, 0, 0, -0.01, 0.02), "EPSG:4326")
    after = write(tmp_path / "a.tif", AFTER, Affine(0.01, 0, 1, 0, -0.01, 0.02), "EPSG:4326")
    with pytest.raises(RasterGeoreferenceError, match="same grid"):
        raster_change_table(before, after, zones(box(0, 0, 0.03, 0.02)))
