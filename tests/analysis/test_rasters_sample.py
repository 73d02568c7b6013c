"""The real MapBiomas cut of the Amapá set: class 30 (mining) inside SIGMINE titles.

SOURCES.md reports 514.0 of 516.7 ha (nominal UTM pixel areas, titles not dissolved in
EPSG:5880).  Here the answer is recomputed independently: pixel centres tested with
shapely.contains_xy against the dissolved titles, and each pixel's area taken as the geodesic
area (pyproj.Geod) of its four corners transformed back to lon/lat.
"""
from pathlib import Path

import numpy as np
import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "amapa"  # shared/ beside the clone
SHARED = SHARED if SHARED.exists() else Path("/work/shared/data/amapa")
BUNDLED = Path(__file__).resolve().parents[2] / "sample_data"
SOURCES = {  # folder, raster name pattern, titles file and layer
    "bundled": (BUNDLED, "mapbiomas_{}.tif", "concessions.gpkg", None),
    "shared": (SHARED, "mapbiomas_c6_lourenco_{}.tif", "anm_sigmine_ap_2021.gpkg",
               "sigmine_AP_2021_poligonos"),
}


@pytest.fixture(scope="module", params=["bundled", pytest.param("shared", marks=pytest.mark.shared)])
def sample(request):
    folder, pattern, titles_file, titles_layer = SOURCES[request.param]
    if not (folder / pattern.format(2020)).exists() or not (folder / titles_file).exists():
        pytest.skip(f"{request.param} sample data absent")
    import geopandas as gpd
    import rasterio

    from layers.model import Provenance, RasterLayer

    def layer(year):
        path = folder / pattern.format(year)
        with rasterio.open(path) as src:
            return RasterLayer(name=f"mapbiomas_{year}", path=str(path),
                               provenance=Provenance(str(path), None, "GTiff", ""),
                               crs=src.crs.to_string(), bounds=tuple(src.bounds), shape=src.shape,
                               dtype=src.dtypes[0], nodata=src.nodata)

    titles = gpd.read_file(folder / titles_file, layer=titles_layer)
    return layer(1985), layer(2020), titles, request.param


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
    r, c = rows[inside], cols[inside]
    cx = t.c + t.a * np.stack([c, c + 1, c + 1, c], axis=1)
    cy = t.f + t.e * np.stack([r, r, r + 1, r + 1], axis=1)
    lon, lat = to_geo.transform(cx.ravel(), cy.ravel())
    lon, lat = np.reshape(lon, cx.shape), np.reshape(lat, cy.shape)
    total = sum(abs(geod.polygon_area_perimeter(lo, la)[0]) for lo, la in zip(lon, lat))
    return total / 1e4, int(inside.sum())


def test_mining_class_inside_titles_2020(sample):
    import geopandas as gpd

    from explorer.analysis.rasters import raster_tables

    _, after, titles, source = sample
    zone = gpd.GeoDataFrame({"zone_id": ["titles"], "zone_name": ["SIGMINE"], "zone_type": ["concession"],
                             "ring_km": [np.nan]}, geometry=[titles.to_crs(4326).union_all()], crs=4326)
    table = raster_tables([after], zone, None)
    mining = table.set_index("class").loc[30]
    expected_ha, expected_px = _independent_class_ha(after, titles, 30)
    assert mining["pixels"] == pytest.approx(expected_px, abs=3)  # centre ties on title edges
    assert mining["area_ha"] == pytest.approx(expected_ha, rel=1e-4)  # 0.01 %
    if source == "shared":
        assert mining["area_ha"] == pytest.approx(514.0, rel=0.005)  # SOURCES.md check


def test_mining_change_1985_2020(sample):
    import geopandas as gpd

    from explorer.analysis.raster_change import raster_change_table

    before, after, titles, _ = sample
    zone = gpd.GeoDataFrame({"zone_id": ["titles"], "zone_name": ["SIGMINE"], "zone_type": ["concession"],
                             "ring_km": [np.nan]}, geometry=[titles.to_crs(4326).union_all()], crs=4326)
    row = raster_change_table(before, after, zone, classes=[30]).iloc[0]
    assert row["net_ha"] == pytest.approx(row["after_ha"] - row["before_ha"])
    assert row["after_ha"] - row["before_ha"] == pytest.approx(row["gained_ha"] - row["lost_ha"], abs=1e-6)
    independent_before, _ = _independent_class_ha(before, titles, 30)
    assert row["before_ha"] == pytest.approx(independent_before, rel=2e-3)
