"""Area and centroid of polygon ∩ polygon by the compiled Green's-theorem kernel
(explorer.analysis.clip_area), against GEOS's overlay and against figures worked by hand."""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from explorer.analysis.clip_area import intersection_moments


def _random_polygon(rng) -> shapely.Geometry:
    """Discs of 4 to 28 sides, some with a hole, some with a second part, some clockwise."""
    x, y = rng.uniform(0, 100, 2)
    g = shapely.Point(x, y).buffer(rng.uniform(5, 40), quad_segs=int(rng.integers(1, 8)))
    if rng.random() < 0.4:
        g = g.difference(shapely.Point(x + rng.uniform(-5, 5), y).buffer(rng.uniform(1, 4)))
    if rng.random() < 0.3:
        g = shapely.union(g, shapely.box(x + 50, y, x + 60, y + 10))
    if rng.random() < 0.3:
        g = shapely.reverse(g)
    return g


def test_random_polygons_match_geos():
    rng = np.random.default_rng(7)
    a = np.array([_random_polygon(rng) for _ in range(1500)], dtype=object)
    b = np.array([_random_polygon(rng) for _ in range(1500)], dtype=object)
    pick = np.arange(len(a))
    area, cx, cy = intersection_moments(a, pick, b, pick)
    ref = shapely.intersection(a, b)
    ref_area = shapely.area(ref)
    assert np.allclose(area, ref_area, rtol=1e-9, atol=1e-9)
    some = ref_area > 1e-9
    xy = shapely.get_coordinates(shapely.centroid(ref[some]))
    assert np.allclose(cx[some], xy[:, 0], atol=1e-6) and np.allclose(cy[some], xy[:, 1], atol=1e-6)
    assert (ref_area == 0).any() and (ref_area > 0).any()  # both kinds of pair were drawn


def test_pairs_index_into_the_two_arrays():
    squares = np.array([shapely.box(0, 0, 2, 2), shapely.box(10, 10, 11, 11)], dtype=object)
    others = np.array([shapely.box(1, 1, 3, 3), shapely.box(10.5, 10, 12, 11)], dtype=object)
    area, cx, cy = intersection_moments(squares, np.array([0, 1, 0]), others, np.array([0, 1, 1]))
    assert area.tolist() == pytest.approx([1.0, 0.5, 0.0])
    assert (cx[:2].tolist(), cy[:2].tolist()) == (pytest.approx([1.5, 10.75]),
                                                  pytest.approx([1.5, 10.5]))
    assert np.isnan(cx[2]) and np.isnan(cy[2])


def test_exact_contacts_are_measured_by_geos():
    sq = shapely.box(0, 0, 1, 1)
    a = np.array([sq, sq, sq, sq, shapely.Polygon([(0.5, 0), (1.5, 0.5), (0.5, 1)])], dtype=object)
    b = np.array([sq, shapely.box(1, 0, 2, 1), shapely.box(0.5, 0, 1.5, 1),
                  shapely.box(0.25, 0.25, 0.75, 0.75), sq], dtype=object)
    pick = np.arange(len(a))
    area, _, _ = intersection_moments(a, pick, b, pick)
    assert area.tolist() == pytest.approx([1.0, 0.0, 0.5, 0.25, 0.375])


def test_holes_and_parts_count_with_their_sign():
    ring = shapely.box(0, 0, 10, 10).difference(shapely.box(4, 4, 6, 6))
    two = shapely.MultiPolygon([shapely.box(3, 3, 7, 7), shapely.box(20, 20, 21, 21)])
    area, cx, cy = intersection_moments(np.array([ring]), np.array([0]),
                                        np.array([shapely.reverse(two)]), np.array([0]))
    assert area[0] == pytest.approx(16 - 4)
    assert (cx[0], cy[0]) == (pytest.approx(5.0), pytest.approx(5.0))


def test_edges_on_the_shared_box_and_far_vertices():
    """Only edges within the two polygons' shared bounding box are walked: edges lying on that
    box's sides still count, and a box a millionth as tall as the other polygon's edges still
    sorts them into its bands."""
    disc = shapely.Point(0, 5).buffer(8, quad_segs=16)
    a = np.array([shapely.box(5, 0, 15, 10), shapely.box(-20, 4, 20, 4 + 1e-6),
                  shapely.MultiPolygon([shapely.box(-30, 0, -25, 1), shapely.box(5, 0, 15, 10)])],
                 dtype=object)
    b = np.array([disc, shapely.Polygon([(0, -1e4), (1e4, 1e4), (-1e4, 1e4)]), disc], dtype=object)
    pick = np.arange(len(a))
    area, _, _ = intersection_moments(a, pick, b, pick)
    ref = shapely.area(shapely.intersection(a, b))
    assert (ref > 0).all()
    assert np.allclose(area, ref, rtol=1e-9, atol=0)
