"""The river-vertex gaps of the downstream step: nearest edge from a tree of a feature's edges
gives the same geodesic gaps as measuring against the whole polygon."""
import numpy as np
import shapely

from explorer.analysis.downstream_rivers import _gaps_to_outside_points_m
from explorer.analysis.gaps import GEOD, geodesic_gap_m


def test_nearest_edge_gaps_equal_whole_polygon_gaps():
    rng = np.random.default_rng(5)
    angles = np.sort(rng.uniform(0, 2 * np.pi, 400))
    radius = rng.uniform(0.05, 0.2, 400)
    shell = np.c_[-51.0 + radius * np.cos(angles), 1.5 + radius * np.sin(angles)]
    hole = shapely.Point(-51.0, 1.5).buffer(0.02)
    feature = shapely.MultiPolygon([shapely.Polygon(shell, [hole.exterior.coords]),
                                    shapely.Point(-50.5, 1.6).buffer(0.03)])
    assert feature.is_valid
    points = shapely.points(np.c_[rng.uniform(-51.3, -50.4, 3000), rng.uniform(1.2, 1.8, 3000)])
    points = points[~shapely.intersects(feature, points)]
    fast = _gaps_to_outside_points_m(feature, points)
    np.testing.assert_allclose(fast, geodesic_gap_m(feature, points), rtol=1e-12, atol=1e-9)
    # and a plain geodesic check: no vertex of the feature is nearer than the gap
    vertices = shapely.get_coordinates(feature)
    for p, gap in zip(points[:20], fast[:20]):
        x, y = shapely.get_coordinates(p)[0]
        _, _, d = GEOD.inv(np.full(len(vertices), x), np.full(len(vertices), y),
                           vertices[:, 0], vertices[:, 1])
        assert gap <= d.min() * (1 + 1e-6)
