"""The real MapBiomas cut of the Amapá set: class 30 (mining) inside SIGMINE titles.

SOURCES.md reports 514.0 of 516.7 ha (nominal UTM pixel areas, titles not dissolved in
EPSG:5880).  Here the answer is recomputed independently: pixel centres tested with
shapely.contains_xy against the dissolved titles, and each pixel's area taken as the geodesic
area (pyproj.Geod) of its four corners transformed back to lon/lat.
"""
from pathlib import Path

import numpy as np
import pytest

SHARED = Path("/work/shared/data/amapa")
pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def sample():
    if not (SHARED / "mapbiomas_c6_lourenco_2020.tif").exists():
        pytest.skip("shared data absent")
    import geopandas as gpd
    import rasterio

    from layers.model import Provenance, RasterLayer

    def layer(year):
        path = SHARED / f"mapbiomas_c6_lourenco_{year}.tif"
        with rasterio.open(path) as src:
            return RasterLayer(name=f"mapbiomas_{year}", path=str(path),
                               provenance=Provenance(str(path), None, "GTiff", ""),
                               crs=src.crs.to_string(), bounds=tuple(src.bounds), shape=src.shape,
                               dtype=src.dtypes[0], nodata=src.nodata)

    titles = gpd.read_file(SHARED / "anm_sigmine_ap_2021.gpkg", layer="sigmine_AP_2021_poligonos")
    return layer(1985), layer(2020), titles


def _independent_class_ha(raster, titles, cls):
    import rasterio
    import shapely
    from pyproj import Geod, Transformer

    with rasterio.open(raster.path) as src:
        data, t = src.read(1), src.transform
    union = shapely.union_all(titles.to_crs(raster.crs).geometry.values)
    rows, cols = np.nonzero(data == cls)
    xs, ys = t.c + t.a * (cols + 0.5), t.f + t.e * (rows + 0.5)
    inside = shapely.contains_xy(union, xs, ys)
    to_geo = Transformer.from_crs(raster.crs, "EPSG:4326", always_xy=True)
    geod = Geod(ellps="WGS84")
    total = 0.0
    for r, c in zip(rows[inside], cols[inside]):
        cx = t.c + t.a * np.array([c, c + 1, c + 1, c])
        cy = t.f + t.e * np.array([r, r, r + 1, r + 1])
        lon, lat = to_geo.transform(cx, cy)
        total += abs(geod.polygon_area_perimeter(lon, lat)[0])
    return total / 1e4, int(inside.sum())


def test_mining_class_inside_titles_2020(sample):
    import geopandas as gpd

    from explorer.analysis.rasters import raster_tables

    _, after, titles = sample
    zone = gpd.GeoDataFrame({"zone_id": ["titles"], "zone_name": ["SIGMINE"], "zone_type": ["concession"],
                             "ring_km": [np.nan]}, geometry=[titles.to_crs(4326).union_all()], crs=4326)
    table = raster_tables([after], zone, None)
    mining = table.set_index("class").loc[30]
    expected_ha, expected_px = _independent_class_ha(after, titles, 30)
    assert mining["pixels"] == pytest.approx(expected_px, abs=3)  # centre ties on title edges
    assert mining["area_ha"] == pytest.approx(expected_ha, rel=1e-4)  # 0.01 %
    assert mining["area_ha"] == pytest.approx(514.0, rel=0.005)  # SOURCES.md check


def test_mining_change_1985_2020(sample):
    import geopandas as gpd

    from explorer.analysis.raster_change import raster_change_table

    before, after, titles = sample
    zone = gpd.GeoDataFrame({"zone_id": ["titles"], "zone_name": ["SIGMINE"], "zone_type": ["concession"],
                             "ring_km": [np.nan]}, geometry=[titles.to_crs(4326).union_all()], crs=4326)
    row = raster_change_table(before, after, zone, classes=[30]).iloc[0]
    assert row["net_ha"] == pytest.approx(row["after_ha"] - row["before_ha"])
    assert row["after_ha"] - row["before_ha"] == pytest.approx(row["gained_ha"] - row["lost_ha"], abs=1e-6)
    independent_before, _ = _independent_class_ha(before, titles, 30)
    assert row["before_ha"] == pytest.approx(independent_before, rel=2e-3)
