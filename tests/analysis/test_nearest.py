"""The compiled nearest-points kernel against GEOS on random geometries of every kind."""
import numpy as np
import pytest
import shapely

from explorer.analysis.nearest import FlatPaths, nearest_points


def _random_geometries(rng, n):
    out = []
    for _ in range(n):
        kind = rng.integers(0, 5)
        c = rng.uniform(0, 100, 2)
        if kind == 0:
            out.append(shapely.Point(c))
        elif kind == 1:
            out.append(shapely.LineString(c + rng.normal(0, 5, (rng.integers(2, 8), 2))))
        elif kind == 2:
            out.append(shapely.Point(c).buffer(rng.uniform(1, 8), quad_segs=int(rng.integers(1, 40))))
        elif kind == 3:  # a polygon with a hole, and a second part: a multipolygon
            ring = shapely.Point(c).buffer(rng.uniform(3, 8)).difference(shapely.Point(c).buffer(2))
            out.append(ring.union(shapely.box(*(c + 10), *(c + 14))))
        else:
            out.append(shapely.MultiPoint(c + rng.normal(0, 4, (3, 2))))
    return np.array(out, dtype=object)


def _paths(geoms):
    """What the kernel measures to: polygon boundaries, lines and points themselves."""
    polygon = np.isin(shapely.get_type_id(geoms), (3, 6))
    return np.where(polygon, shapely.boundary(geoms), geoms)


@pytest.fixture(scope="module")
def pairs():
    rng = np.random.default_rng(7)
    a, b = _random_geometries(rng, 300), _random_geometries(rng, 300)
    ia, ib = rng.integers(0, 300, 6000), rng.integers(0, 300, 6000)
    return a, b, ia, ib


def test_distances_and_end_points_match_geos(pairs):
    a, b, ia, ib = pairs
    dist, ends = nearest_points(FlatPaths(a), ia, FlatPaths(b), ib)
    expected = shapely.distance(_paths(a)[ia], _paths(b)[ib])
    np.testing.assert_allclose(dist, expected, rtol=0, atol=1e-9)
    on_a = shapely.distance(shapely.points(ends[:, :2]), _paths(a)[ia])
    on_b = shapely.distance(shapely.points(ends[:, 2:]), _paths(b)[ib])
    assert on_a.max() < 1e-9 and on_b.max() < 1e-9
    np.testing.assert_allclose(np.hypot(*(ends[:, :2] - ends[:, 2:]).T), expected, atol=1e-9)


def test_limit_drops_farther_pairs_only(pairs):
    a, b, ia, ib = pairs
    expected = shapely.distance(_paths(a)[ia], _paths(b)[ib])
    dist, ends = nearest_points(FlatPaths(a), ia, FlatPaths(b), ib, limit=10.0)
    near = expected <= 10.0
    assert 0 < near.sum() < len(near)
    np.testing.assert_allclose(dist[near], expected[near], atol=1e-9)
    assert np.isinf(dist[~near]).all() and np.isnan(ends[~near]).all()


def test_the_larger_geometry_may_come_first():
    big = shapely.Point(0, 0).buffer(50, quad_segs=400)  # 1,600 vertices
    small = shapely.box(60, -1, 62, 1)
    dist, ends = nearest_points(FlatPaths([big]), [0], FlatPaths([small]), [0])
    assert dist[0] == pytest.approx(shapely.distance(big, small), abs=1e-9)
    assert shapely.distance(shapely.Point(ends[0, :2]), big.boundary) < 1e-9
    assert shapely.distance(shapely.Point(ends[0, 2:]), small) < 1e-9


def test_crossing_boundaries_are_zero_and_empty_geometries_infinite():
    a = FlatPaths([shapely.box(0, 0, 2, 2), shapely.Polygon()])
    b = FlatPaths([shapely.box(1, 1, 3, 3)])
    dist, ends = nearest_points(a, [0, 1], b, [0, 0])
    assert dist[0] == 0.0 and np.allclose(ends[0, :2], ends[0, 2:])
    assert np.isinf(dist[1])


def test_a_pair_exactly_at_the_limit_is_within_it():
    rng = np.random.default_rng(11)
    a = shapely.points(rng.uniform(-5, 5, (500, 2)))
    b = shapely.points(rng.uniform(-5, 5, (500, 2)))
    exact = shapely.distance(a, b)
    flat_a, flat_b, k = FlatPaths(a), FlatPaths(b), np.arange(500)
    for i in range(500):  # each pair with its own distance as the limit
        dist, _ = nearest_points(flat_a, k[i:i + 1], flat_b, k[i:i + 1], limit=exact[i])
        assert dist[0] == exact[i]


def test_nested_collections_are_measured_part_by_part():
    # make_valid of a polygon with a spike: a collection of a multipolygon and a multiline
    spiky = shapely.make_valid(shapely.Polygon(
        [(0, 0), (1, 0), (3, 0), (3, -3), (3, -4), (4, -4), (4, -3), (3, -3), (3, 0), (1, 0),
         (1, 1), (0, 1)]))
    assert spiky.geom_type == "GeometryCollection"
    other = shapely.Point(2, 0.5)
    dist, ends = nearest_points(FlatPaths([spiky]), [0], FlatPaths([other]), [0])
    assert dist[0] == pytest.approx(shapely.distance(spiky, other), abs=1e-12)
    assert shapely.distance(shapely.Point(ends[0, :2]), spiky) < 1e-12


def test_no_geometries_at_all():
    none = FlatPaths(np.array([], dtype=object))
    dist, ends = nearest_points(none, [], none, [])
    assert dist.shape == (0,) and ends.shape == (0, 4)
