"""The run table (explorer.analysis.raster_runs) against a pixel-by-pixel count: GDAL's own
centre-rule mask of each zone, then a plain sum over the masked pixels."""
import numpy as np
import pytest
import shapely
from affine import Affine
from rasterio.features import geometry_mask

from explorer.analysis.raster_runs import RunTable

TRANSFORM = Affine(30.0, 0, 500_000.0, 0, -30.0, 9_000_000.0)


def brute_force(geom, codes, areas, transform):
    """{code: (pixels, area)} of the valid pixels whose centre lies inside ``geom``."""
    inside = geometry_mask([geom], out_shape=codes.shape, transform=transform, invert=True)
    keep = inside & (codes >= 0)
    return {int(c): (float((codes[keep] == c).sum()), float(areas[keep][codes[keep] == c].sum()))
            for c in np.unique(codes[keep])}


def as_dict(found):
    classes, pixels, areas = found
    return {int(c): (float(p), float(a)) for c, p, a in zip(classes, pixels, areas)}


def assert_same(found, expected):
    got = as_dict(found)
    assert sorted(got) == sorted(expected)
    for c, (pixels, area) in expected.items():
        assert got[c][0] == pixels
        assert got[c][1] == pytest.approx(area, rel=1e-12)


@pytest.fixture
def grid():
    rng = np.random.default_rng(7)
    h, w = 120, 150
    codes = rng.choice([3, 3, 3, 3, 12, 15, 30, 33], size=(h, w)).astype(np.int64)
    codes[rng.random((h, w)) < 0.05] = -1                  # nodata
    codes[40:60, 20:90] = 3                                # long runs
    areas = 900.0 * (1 + 1e-4 * rng.random((h, w))) * (1 + 0.01 * np.arange(h))[:, None]
    return codes, areas


def discs(cx, cy, radii):
    return [shapely.Point(cx, cy).buffer(r, 64) for r in radii]


def test_nested_zones_match_a_pixel_count(grid):
    codes, areas = grid
    table = RunTable.build(codes, areas)
    geoms = discs(501_900.0, 8_998_300.0, [100.0, 600.0, 1500.0])
    found = table.nested_sums(geoms, (0, 0) + codes.shape, TRANSFORM)
    for geom, zone in zip(geoms, found):
        assert_same(zone, brute_force(geom, codes, areas, TRANSFORM))


def test_window_inside_the_table(grid):
    codes, areas = grid
    table = RunTable.build(codes, areas)
    r0, c0, h, w = 30, 40, 50, 60
    window_transform = TRANSFORM @ Affine.translation(c0, r0)
    holed = shapely.box(501_300, 8_997_500, 502_900, 8_998_900).difference(
        shapely.box(501_800, 8_998_000, 502_200, 8_998_400))
    found = table.nested_sums([holed], (r0, c0, h, w), window_transform)
    sub = (slice(r0, r0 + h), slice(c0, c0 + w))
    assert_same(found[0], brute_force(holed, codes[sub], areas[sub], window_transform))
    valid = codes[sub] >= 0
    expected = {int(c): (float((codes[sub][valid] == c).sum()),
                         float(areas[sub][valid][codes[sub][valid] == c].sum()))
                for c in np.unique(codes[sub][valid])}
    assert_same(table.window_sums((r0, c0, h, w)), expected)


def test_multipolygon_and_zone_off_the_window(grid):
    codes, areas = grid
    table = RunTable.build(codes, areas)
    parts = shapely.union_all(discs(500_600.0, 8_997_000.0, [400.0]) +
                              discs(503_500.0, 8_998_500.0, [700.0]))
    far = shapely.Point(0, 0).buffer(10)
    found = table.nested_sums([parts], (0, 0) + codes.shape, TRANSFORM)
    assert_same(found[0], brute_force(parts, codes, areas, TRANSFORM))
    assert table.nested_sums([far], (0, 0) + codes.shape, TRANSFORM)[0][0].size == 0


def test_all_nodata_and_too_large_tables():
    codes = np.full((4, 5), -1, dtype=np.int64)
    table = RunTable.build(codes, np.ones((4, 5)))
    assert table.window_sums((0, 0, 4, 5))[0].size == 0
    noisy = np.arange(4_000_000, dtype=np.int64).reshape(2000, 2000) % 7
    assert RunTable.build(noisy, np.ones(noisy.shape)) is None


@pytest.mark.parametrize("crs, transform", [
    ("EPSG:31976", Affine(29.88, 0, 409_829.47, 0, -29.88, 276_306.31)),     # UTM 22N
    ("EPSG:32722", Affine(30.0, 0, 780_000.0, 0, -30.0, 8_400_000.0)),       # UTM 22S, far east
    ("EPSG:4326", Affine(0.0025, 0, -52.0, 0, -0.0025, 61.0)),               # lon/lat at 61°N
])
def test_block_areas_match_the_geodesic_area_of_each_pixel(crs, transform):
    from explorer.analysis.pixel_area import block_areas_m2
    from test_rasters_zonal import geod_pixel_m2

    shape = (260, 310)                            # above the exact limit: interpolated
    areas = block_areas_m2(transform, shape, crs)
    assert areas.shape == shape
    for row, col in [(0, 0), (259, 309), (17, 250), (130, 3), (200, 155)]:
        assert areas[row, col] == pytest.approx(geod_pixel_m2(transform, row, col, crs), rel=1e-8)


def _span_mask(spans, zone, shape):
    mask = np.zeros(shape, bool)
    z, rows, col0, col1 = spans[:4]
    for r, a, b in zip(rows[z == zone], col0[z == zone], col1[z == zone]):
        mask[r, a:b] = True
    return mask


def _random_polygons(rng, n, shape, transform):
    h, w = shape
    out = []
    for k in range(n):
        cx = transform.c + rng.uniform(-20, w + 20) * transform.a
        cy = transform.f + rng.uniform(-20, h + 20) * transform.e
        r = rng.uniform(0.3, 60) * transform.a
        if k % 3 == 0:
            out.append(shapely.Point(cx, cy).buffer(r, int(rng.integers(2, 40))))
        elif k % 3 == 1:
            out.append(shapely.Point(cx, cy).buffer(r).difference(
                shapely.Point(cx + r / 3, cy).buffer(r / 3)))
        else:
            out.append(shapely.union_all([shapely.Point(cx, cy).buffer(r / 2),
                                          shapely.Point(cx + 2 * r, cy - r).buffer(r / 3)]))
    return out


def test_centre_spans_are_gdal_pixels():
    from explorer.analysis.raster_scan import centre_spans

    rng = np.random.default_rng(11)
    shape = (90, 110)
    geoms = _random_polygons(rng, 120, shape, TRANSFORM)
    spans = centre_spans(geoms, TRANSFORM, shape)
    assert not spans[-1].any()                     # random coordinates: no ties
    for k, geom in enumerate(geoms):
        expected = geometry_mask([geom], out_shape=shape, transform=TRANSFORM, invert=True)
        assert (_span_mask(spans, k, shape) == expected).all(), k


def test_centre_spans_leave_ties_and_other_geometries_to_gdal():
    from explorer.analysis.raster_scan import centre_spans

    # an edge through a column of pixel centres, a vertex on a row of centres, a line
    on_centres = shapely.box(500_000 + 10.5 * 30, 8_999_000, 500_000 + 20.2 * 30, 8_999_500)
    vertex = shapely.Polygon([(500_100, 9_000_000 - 3.5 * 30), (500_400, 8_999_800),
                              (500_300, 8_999_700)])
    line = shapely.LineString([(500_100, 8_998_900), (500_900, 8_998_100)])
    fine = shapely.Point(500_700, 8_998_700).buffer(200)
    spans = centre_spans([on_centres, vertex, line, fine], TRANSFORM, (60, 60))
    assert spans[-1].tolist() == [True, True, True, False]
    assert set(spans[0].tolist()) == {3}
    rotated = Affine(30, 1, 500_000, 0, -30, 9_000_000)
    assert centre_spans([fine], rotated, (60, 60)) is None
