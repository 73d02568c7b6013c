"""Filling notches before buffering (explorer.analysis.notches).

The claim checked, independently of the filling code: with C the filled outline of P,
``P ⊆ C`` and every point within r of C lies within r · (1 + FILL_ERROR) of P (so the buffer
of C lies between the exact buffers of P by r and by r · (1 + FILL_ERROR)).  Distances are
GEOS's planar distances in the metric frame the outlines are given in, from a dense cloud of
points around and inside the outline.
"""
from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from explorer.analysis.notches import FILL_ERROR, fill_notches


def _staircase(steps: int, run: float, rise: float, width: float = 2000.0) -> Polygon:
    """A band between two parallel staircases of ``steps`` steps (metres)."""
    lower = []
    for i in range(steps):
        lower += [(i * run, i * rise), ((i + 1) * run, i * rise)]
    upper = [(x - width, y + rise) for x, y in lower]
    return Polygon(lower + upper[::-1])


def _notched(width: float, depth: float) -> Polygon:
    """A 6 km × 2 km rectangle with a notch of ``width`` × ``depth`` metres in its top."""
    a = (6000 - width) / 2
    return Polygon([(0, 0), (6000, 0), (6000, 2000), (a + width, 2000), (a + width, 2000 - depth),
                    (a, 2000 - depth), (a, 2000), (0, 2000)])


def _bottle() -> Polygon:
    """A square with a round bay 6 km across, open to the outside by a 150 m mouth."""
    bay = shapely.Point(5000, 5000).buffer(3000, quad_segs=32)
    mouth = box(4925, 7500, 5075, 10000)
    return shapely.difference(box(0, 0, 10000, 10000), shapely.union(bay, mouth))


def _at_distance(c, radius) -> np.ndarray:
    """Points at exactly ``radius`` from ``c``, all around it: points of a fine buffer's
    outline, each moved along the line from its nearest point of ``c`` to that distance."""
    outline = shapely.segmentize(shapely.buffer(c, radius, quad_segs=64).exterior, radius / 100)
    far = shapely.points(shapely.get_coordinates(outline))
    near = shapely.get_coordinates(shapely.shortest_line(c, far))[0::2]
    away = shapely.get_coordinates(far) - near
    away *= radius / np.hypot(away[:, 0], away[:, 1])[:, None]
    return shapely.points(near + away)


def _assert_within_bound(p, c, radius):
    assert shapely.covers(c, p)
    rng = np.random.default_rng(7)
    x0, y0, x1, y1 = shapely.bounds(c)
    pad = 1.1 * radius
    pts = shapely.points(rng.uniform(x0 - pad, x1 + pad, 40_000),
                         rng.uniform(y0 - pad, y1 + pad, 40_000))
    near_c = shapely.distance(pts, c) <= radius
    assert near_c.sum() > 1000
    pts = np.concatenate([pts[near_c], _at_distance(c, radius)])
    assert shapely.distance(pts, p).max() <= radius * (1 + FILL_ERROR) + 1e-6


@pytest.mark.parametrize("radius", [1000.0, 5000.0, 10000.0])
def test_filled_staircase_buffers_within_the_bound(radius):
    title = _staircase(30, 500.0, 90.0)
    filled = fill_notches(np.array([title], dtype=object), radius)[0]
    if radius > 1000:  # at 1 km, 500 m steps are too wide and too deep to fill
        assert shapely.get_num_coordinates(filled) < shapely.get_num_coordinates(title)
    else:
        assert shapely.equals(filled, title)
    _assert_within_bound(title, filled, radius)


def test_fine_staircase_becomes_a_straight_side():
    title = _staircase(40, 100.0, 100.0)
    filled = fill_notches(np.array([title], dtype=object), 5000.0)[0]
    assert shapely.get_num_coordinates(filled) <= 8  # 81 vertices before
    _assert_within_bound(title, filled, 5000.0)


def test_a_notch_is_filled_only_within_the_bound():
    deep = _notched(500.0, 500.0)  # neither bound holds at 1 km: chord 500 m, depth 500 m
    assert shapely.equals(fill_notches(np.array([deep], dtype=object), 1000.0)[0], deep)
    shallow = _notched(3000.0, 4.0)  # depth 4 m ≤ 0.005 × 1 km
    filled = fill_notches(np.array([shallow], dtype=object), 1000.0)[0]
    assert shapely.equals(filled, box(0, 0, 6000, 2000))
    _assert_within_bound(shallow, filled, 1000.0)
    slightly_deeper = _notched(3000.0, 6.0)
    assert shapely.equals(fill_notches(np.array([slightly_deeper], dtype=object), 1000.0)[0],
                          slightly_deeper)


def test_a_bay_wider_than_the_ring_is_not_filled_through_its_mouth():
    bay = _bottle()
    filled = fill_notches(np.array([bay], dtype=object), 1000.0)[0]
    _assert_within_bound(bay, filled, 1000.0)
    centre = shapely.Point(5000, 5000)
    assert not shapely.intersects(filled, centre)  # 3 km from the land: beyond the 1 km ring


def test_other_parts_and_holes_block_a_fill_and_survive_it():
    title = _staircase(10, 100.0, 100.0)
    islet = box(640, 520, 660, 540)  # in the notch under the corner at (700, 600)
    assert not shapely.intersects(title, islet)
    parts = MultiPolygon([title, islet])
    holed = Polygon(title.exterior.coords, [[(0, 300), (40, 300), (40, 340), (0, 340)]])
    out = fill_notches(np.array([parts, holed], dtype=object), 5000.0)
    assert out[0].geom_type == "MultiPolygon" and len(out[0].geoms) == 2 and out[0].is_valid
    assert shapely.equals(out[0].geoms[1], islet)
    assert shapely.get_num_coordinates(out[0].geoms[0]) < shapely.get_num_coordinates(title)
    assert len(out[1].interiors) == 1 and out[1].is_valid
    for before, after in zip((parts, holed), out):
        _assert_within_bound(before, after, 5000.0)


def test_other_geometries_pass_through():
    geoms = np.array([shapely.Point(0, 0), shapely.LineString([(0, 0), (1, 1)]), None,
                      box(0, 0, 1, 1)], dtype=object)
    out = fill_notches(geoms, 1000.0)
    assert out[0] is geoms[0] and out[1] is geoms[1] and out[2] is None
    assert shapely.equals(out[3], geoms[3])
    assert fill_notches(geoms[:0], 1000.0).shape == (0,)


def test_empty_geometries_and_empty_parts_pass_through():
    notched = _notched(3000.0, 4.0)
    geoms = np.array([shapely.from_wkt("POLYGON EMPTY"), notched,
                      shapely.from_wkt("MULTIPOLYGON (((0 0, 1000 0, 1000 1000, 500 999, "
                                       "0 1000, 0 0)), EMPTY)")], dtype=object)
    out = fill_notches(geoms, 1000.0)
    assert out[0].is_empty and out[2] is geoms[2]
    assert shapely.equals(out[1], box(0, 0, 6000, 2000))


def test_the_fill_does_not_depend_on_where_the_ring_starts():
    # a 3 km wide, 4 m deep notch whose middle vertex lies straight between its neighbours
    pts = [(3000, 1996), (1500, 1996), (1500, 2000), (0, 2000), (0, 0), (6000, 0),
           (6000, 2000), (4500, 2000), (4500, 1996)]
    for start in range(len(pts)):
        ring = Polygon(pts[start:] + pts[:start])
        filled = fill_notches(np.array([ring], dtype=object), 1000.0)[0]
        assert shapely.equals(filled, box(0, 0, 6000, 2000)), start
