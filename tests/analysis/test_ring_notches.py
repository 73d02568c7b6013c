"""Rings of a many-vertex title are buffers of its outline with the notches filled
(explorer.analysis.rings.RingBuilder, explorer.analysis.notches) and keep the ring polygons'
known error.

The title is a staircase, as titles drawn on the cadastre's lon/lat grid are along a
diagonal boundary.  Distances are measured independently: the geodesic distance
(pyproj.Geod) from points every 50 m along each ring to the title's boundary densified every
5 m.
"""
from __future__ import annotations

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import Polygon

from explorer.analysis.geodesy import LocalFrame
from explorer.analysis.notches import FILL_ERROR
from explorer.analysis.rings import (FILL_FROM_VERTICES, OUTLINE_TOLERANCE_M,
                                     RING_BOUNDARY_ERROR, RingBuilder)

GEOD = pyproj.Geod(ellps="WGS84")
M_PER_DEG = 111_320.0
RINGS_M = np.array([1000.0, 5000.0, 10000.0])


def _staircase_title(lon: float, lat: float, steps: int = 30) -> Polygon:
    """A title bounded by two parallel staircases of ``steps`` steps (500 m × 90 m)."""
    run, rise = 500 / (M_PER_DEG * np.cos(np.radians(lat))), 90 / M_PER_DEG
    width = 2000 / (M_PER_DEG * np.cos(np.radians(lat)))
    lower = []
    for i in range(steps):
        lower += [(lon + i * run, lat + i * rise), (lon + (i + 1) * run, lat + i * rise)]
    upper = [(x - width, y + rise) for x, y in lower]
    return Polygon(lower + upper[::-1])


def _distances_to_boundary_m(points: np.ndarray, title: Polygon) -> np.ndarray:
    """Geodesic distance (m) from each point to the title's boundary points (every 5 m),
    taken over the 50 boundary points nearest in a plate carrée scaled at the point."""
    boundary = shapely.segmentize(title.exterior, 5 / M_PER_DEG)
    bx, by = shapely.get_coordinates(boundary).T
    out = np.empty(len(points))
    for i, (x, y) in enumerate(points):
        rough = np.hypot((bx - x) * np.cos(np.radians(y)), by - y)
        near = np.argpartition(rough, 50)[:50]
        out[i] = GEOD.inv(np.full(50, x), np.full(50, y), bx[near], by[near])[2].min()
    return out


def test_filled_rings_lie_within_the_known_error():
    title = _staircase_title(-51.0, 1.0)
    frame = LocalFrame(-50.5, 1.5)
    builder = RingBuilder(frame.project(np.array([title], dtype=object)), RINGS_M)
    used = np.array([0])
    assert shapely.get_num_coordinates(builder.outlines(used))[0] > FILL_FROM_VERTICES
    for k, radius in enumerate(RINGS_M):
        ring = frame.unproject(builder.polygons(used, k))[0]
        xy = shapely.get_coordinates(shapely.segmentize(ring.exterior, 50 / M_PER_DEG))[:-1]
        dist = _distances_to_boundary_m(xy, title)
        slack = OUTLINE_TOLERANCE_M + 1e-4 * radius  # outline simplification, frame scale
        assert dist.min() >= radius * (1 - 0.0008) - slack
        assert dist.max() <= radius * (1 + 0.0008) * (1 + RING_BOUNDARY_ERROR) + slack
        # measured: GEOS fills no shallow concavity here, so only the filled notches add
        assert dist.max() <= radius * (1 + 0.0008 + FILL_ERROR) + slack


def test_outer_rings_do_not_depend_on_which_ring_is_asked_first():
    title = _staircase_title(-51.0, 1.0)
    frame = LocalFrame(-50.5, 1.5)
    local = frame.project(np.array([title], dtype=object))
    used = np.array([0])
    in_order = RingBuilder(local, RINGS_M)
    rings = [in_order.polygons(used, k)[0] for k in range(3)]
    alone = RingBuilder(local, RINGS_M).polygons(used, 2)[0]
    assert shapely.equals_exact(alone, rings[2], 1e-6)
    assert rings[0].area < rings[1].area < rings[2].area


def test_rings_of_several_subjects_match_each_subject_alone():
    frame = LocalFrame(-50.5, 1.5)
    subjects = np.array([shapely.Point(-51.0, 1.2), _staircase_title(-51.0, 1.0),
                         shapely.box(-50.8, 1.6, -50.78, 1.62), _staircase_title(-50.2, 1.4, 25)],
                        dtype=object)
    local = frame.project(subjects)
    together = RingBuilder(local, RINGS_M)
    asked = {2: together.polygons(np.array([3, 1]), 2), 0: together.polygons(np.array([3, 0, 2]), 0)}
    for k, used in ((2, [3, 1]), (0, [3, 0, 2])):
        for ring, s in zip(asked[k], used):
            alone = RingBuilder(local[[s]], RINGS_M).polygons(np.array([0]), k)[0]
            assert shapely.equals_exact(ring, alone, 1e-6), (k, s)


def test_raster_ring_zones_are_the_rings_whose_areas_proximity_measures():
    from explorer.analysis.rings import cells, rings_around

    titles = np.array([_staircase_title(-51.0, 1.0), shapely.box(-50.9, 1.1, -50.88, 1.13)],
                      dtype=object)
    zones = rings_around(titles, RINGS_M)
    centre = cells(titles)[1][0]
    frame = LocalFrame(*tuple(centre))
    builder = RingBuilder(frame.project(titles), RINGS_M)
    for k in range(len(RINGS_M)):
        local = builder.polygons(np.arange(len(titles)), k)
        assert np.allclose(shapely.area(frame.project(zones[k])), shapely.area(local), rtol=1e-9)
    with pytest.raises(ValueError):
        rings_around(titles, [5000.0, 1000.0])


def test_compiled_ring_areas_equal_geos_ones(monkeypatch):
    from explorer.analysis import rings

    frame = LocalFrame(-50.5, 1.5)
    titles = frame.project(np.array([_staircase_title(-51.0, 1.0),
                                     shapely.box(-50.9, 1.1, -50.88, 1.13)], dtype=object))
    pieces = frame.project(np.array([shapely.box(-50.97, 1.02, -50.8, 1.2),
                                     shapely.Point(-50.85, 1.05).buffer(0.05)], dtype=object))
    ring = RingBuilder(titles, RINGS_M).polygons(np.array([0, 1]), 1)
    s_pos, p_pos = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    geos = rings._piece_ring_areas(ring, pieces, shapely.area(pieces), s_pos, p_pos, frame)
    compiled = rings._piece_ring_areas(ring, pieces, shapely.area(pieces), s_pos, p_pos, frame,
                                       flat_p=rings._flattened(pieces))
    assert np.allclose(compiled, geos, rtol=1e-9)
    assert (geos > 0).all()
