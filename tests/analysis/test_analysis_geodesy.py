"""Areas and distances on the ellipsoid against GeographicLib (pyproj.Geod)."""
import numpy as np
import pytest
import shapely
from shapely.geometry import Point, Polygon

from analysis_fixtures import GEOD, disc, geod_area_m2, geodesic_ring, square
from explorer.analysis.geodesy import area_m2, densify_edges, densify_geodesic, geodesic_distance_m

SIDES_M = [100.0, 1_000.0, 10_000.0, 100_000.0]  # 1 ha ... 10,000 km²


@pytest.mark.parametrize("edges", ["straight", "geodesic"])
@pytest.mark.parametrize("lat", [0.0, 60.0, -60.0])
@pytest.mark.parametrize("side", SIDES_M)
def test_area_of_densified_square_matches_geographiclib(lat, side, edges):
    poly = square(-50.0, lat, side)
    reference = geod_area_m2(poly, edges)  # GeographicLib on the polygon densified every 100 m
    ours = area_m2(densify_edges([poly], edges=edges)[0:1])[0]
    assert abs(ours / reference - 1) < 1e-4  # 0.01 %


@pytest.mark.parametrize("lat", [0.0, 60.0])
def test_straight_edges_need_no_densifying_for_area(lat):
    """area_m2 integrates exactly along straight lon/lat edges: the 4-vertex square and its
    densified copy have the same area."""
    poly = square(-50.0, lat, 100_000.0)
    assert area_m2([poly])[0] == pytest.approx(geod_area_m2(poly, "straight"), rel=1e-7)


def test_straight_densify_keeps_the_shape():
    poly = Polygon([(0, 60), (2, 60), (2, 61), (0, 61)])
    dense = densify_edges([poly], 1000.0, "straight")[0]
    assert len(dense.exterior.coords) > 100
    assert shapely.equals(shapely.normalize(dense), shapely.normalize(poly)) or \
        shapely.symmetric_difference(dense, poly).area < 1e-18


def test_area_of_holes_multiparts_and_lines():
    outer = square(10, 0, 10_000)
    hole = square(10.02, 0.02, 2_000)
    with_hole = Polygon(outer.exterior.coords, [hole.exterior.coords])
    expected = geod_area_m2(outer) - geod_area_m2(hole)
    got = area_m2(densify_edges([with_hole]))[0]
    assert got == pytest.approx(expected, rel=1e-4)
    multi = shapely.MultiPolygon([outer, square(20, 0, 1000)])
    got_multi = area_m2(densify_edges([multi]))[0]
    assert got_multi == pytest.approx(geod_area_m2(outer) + 1e6, rel=1e-4)
    assert area_m2([Point(0, 0), shapely.LineString([(0, 0), (1, 1)]), None]).tolist() == [0, 0, 0]


@pytest.mark.parametrize("lat", [0.0, 60.0])
def test_geodesic_disc_area(lat):
    poly = disc(30.0, lat, 20_000.0)
    assert area_m2([poly])[0] == pytest.approx(geod_area_m2(poly), rel=1e-6)


@pytest.mark.parametrize("lat", [0.0, 60.0])
@pytest.mark.parametrize("gap_m", [50.0, 3_000.0, 80_000.0])
def test_edge_to_edge_distance_matches_brute_force_geod(lat, gap_m):
    a = square(0.0, lat, 5_000)
    lon_e = a.exterior.coords[1][0]
    # a tilted quadrilateral east of ``a`` starting gap_m east of its south-east corner
    x0 = GEOD.fwd(lon_e, lat + 0.01, 80, gap_m)[0:2]
    b_vertices = [x0, GEOD.fwd(*x0, 160, 4000)[0:2], GEOD.fwd(*x0, 100, 6000)[0:2]]
    b = Polygon(b_vertices)
    reference = _brute(a, b)
    got = geodesic_distance_m(densify_geodesic([a]), densify_geodesic([b]))[0]
    assert abs(got - reference) <= max(1.0, 1e-3 * reference)


def _brute(a, b):
    from analysis_fixtures import brute_distance_m

    return brute_distance_m(list(a.exterior.coords)[:-1], list(b.exterior.coords)[:-1])


def test_touching_geometries_are_zero_apart():
    a, b = square(0, 0, 1000), None
    b = Polygon([a.exterior.coords[1], (0.02, 0), (0.02, 0.005), a.exterior.coords[2]])
    assert geodesic_distance_m([a], [b])[0] == 0.0


def test_densify_keeps_vertices_on_the_geodesic():
    poly = Polygon([(0, 60), (2, 60), (2, 61), (0, 61)])
    dense = densify_geodesic([poly], 1000.0)[0]
    xy = np.array(dense.exterior.coords)
    lengths = GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])[2]
    assert lengths.max() <= 1000.0
    # the top edge bulges poleward: a midpoint of the geodesic (0,61)-(2,61) is north of 61°
    mid = GEOD.npts(2, 61, 0, 61, 1)[0]
    assert mid[1] > 61.0
    assert shapely.dwithin(Point(mid), dense.exterior, 1e-6)
    assert len(geodesic_ring([(0, 0), (1, 0), (1, 1)], 10_000)) > 3


def test_straight_densify_of_every_kind_cuts_each_edge_to_its_step():
    from explorer.analysis.geodesy import edge_step_m

    polygon = Polygon([(0, 60), (2, 60), (2, 61), (0, 61)], [[(0.5, 60.2), (1, 60.2), (1, 60.4)]])
    multi = shapely.MultiPolygon([shapely.box(-50, -10, -49.9, -9.95), shapely.box(-49, -10, -48, -9)])
    line = shapely.LineString([(10, 0), (10.3, 0.1), (10.3001, 0.1)])
    multiline = shapely.MultiLineString([[(20, 40), (21, 40)], [(20, 41), (20, 41.001)]])
    short = shapely.box(0, 0, 0.001, 0.001)
    geoms = np.array([polygon, multi, line, multiline, short, Point(1, 1), Polygon()], dtype=object)
    dense = densify_edges(geoms, 500.0)
    assert dense[4] is short and dense[5] is geoms[5] and dense[6] is geoms[6]
    for before, after in zip(geoms[:4], dense[:4]):
        assert shapely.get_num_coordinates(after) > shapely.get_num_coordinates(before)
        assert shapely.hausdorff_distance(after, before) < 1e-12  # points on the edges only
        for part in shapely.get_parts(after):
            paths = [part] if part.geom_type == "LineString" else [part.exterior, *part.interiors]
            for path in paths:
                xy = np.array(path.coords)
                length = GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])[2]
                lat = np.maximum(np.abs(xy[:-1, 1]), np.abs(xy[1:, 1]))
                assert np.all(length <= edge_step_m(lat, 500.0))


@pytest.mark.parametrize("edges", ["straight", "geodesic"])
def test_compiled_and_numpy_paths_agree_to_the_last_bit(monkeypatch, edges):
    from explorer.analysis import geodesy

    rng = np.random.default_rng(3)
    geoms = np.array([shapely.Point(x, y).buffer(r, quad_segs=3) for x, y, r in
                      zip(rng.uniform(-70, 170, 300), rng.uniform(-70, 70, 300),
                          rng.uniform(0.001, 2.0, 300))]
                     + [shapely.LineString([(0, 0), (1.5, 0.7), (1.5, 0.71)])], dtype=object)
    runs = []
    for threshold in (0, 10**12):  # compiled for every input, then never
        monkeypatch.setattr(geodesy, "KERNEL_FROM_COORDS", threshold)
        dense = densify_edges(geoms, 500.0, edges)
        runs.append((dense, area_m2(dense)))
    # equal to the last bit on this machine; numpy's vectorised sin/log may round the last
    # bit differently from numba's on other processors
    assert shapely.equals_exact(runs[0][0], runs[1][0], tolerance=1e-12).all()
    np.testing.assert_allclose(runs[0][1], runs[1][1], rtol=1e-13, atol=0)
    assert (runs[0][1][:-1] > 0).all()


def test_empty_polygons_and_empty_parts_are_measured_and_densified():
    whole = shapely.box(0, 0, 3, 3)
    with_empty = shapely.from_wkt("MULTIPOLYGON (((0 0, 3 0, 3 3, 0 3, 0 0)), EMPTY)")
    line = shapely.from_wkt("MULTILINESTRING ((0 0, 3 0), EMPTY)")
    geoms = np.array([shapely.Polygon(), with_empty, whole, line], dtype=object)
    area = area_m2(geoms)
    assert area[0] == 0.0 and area[1] == area[2] > 0
    dense = densify_edges(geoms, 500.0)  # shapely's ragged arrays crashed on the empty parts
    assert shapely.hausdorff_distance(dense[1], whole) < 1e-12
    assert shapely.get_num_coordinates(dense[3]) > 2
