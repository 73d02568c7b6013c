"""The known error of a ring polygon (explorer.analysis.rings.RING_BOUNDARY_ERROR).

A ring polygon never lies inside the exact buffer of its title by more than the arc
approximation (0.08 % of r), and never beyond it by more than 1 % of r, even next to a wide,
shallow notch, which GEOS fills before buffering.  Distances are measured independently: the
geodesic distance (pyproj.Geod) from points every 50 m along the ring to the title's boundary
densified every 5 m.
"""
from __future__ import annotations

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import Polygon

from explorer.analysis.rings import RING_BOUNDARY_ERROR, ring_polygons

GEOD = pyproj.Geod(ellps="WGS84")
M_PER_DEG = 111_320.0


def _notched_title(lat: float) -> Polygon:
    """A 6 km × 2 km title with a 3 km wide, 60 m deep notch in its northern side."""
    k = np.cos(np.radians(lat))
    w, h, notch_w, notch_d = 6000 / (M_PER_DEG * k), 2000 / M_PER_DEG, 3000 / (M_PER_DEG * k), 60 / M_PER_DEG
    x0, y0 = -52.0, lat
    a = x0 + (w - notch_w) / 2
    return Polygon([(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (a + notch_w, y0 + h),
                    (a + notch_w, y0 + h - notch_d), (a, y0 + h - notch_d), (a, y0 + h),
                    (x0, y0 + h)])


def _distances_to_boundary_m(points: np.ndarray, title: Polygon) -> np.ndarray:
    """Geodesic distance (m) from each lon/lat point to the title's boundary (every 5 m)."""
    boundary = shapely.segmentize(title.exterior, 5 / M_PER_DEG)
    bx, by = shapely.get_coordinates(boundary).T
    out = np.empty(len(points))
    for i, (x, y) in enumerate(points):
        out[i] = GEOD.inv(np.full(len(bx), x), np.full(len(bx), y), bx, by)[2].min()
    return out


@pytest.mark.parametrize("lat", [0.5, -30.0])
@pytest.mark.parametrize("radius_m", [1000.0, 10000.0])
def test_ring_boundary_lies_within_its_known_error(lat, radius_m):
    title = _notched_title(lat)
    ring = ring_polygons(np.array([title], dtype=object), radius_m)[0]
    points = shapely.get_coordinates(shapely.segmentize(ring.exterior, 50 / M_PER_DEG))[:-1]
    dist = _distances_to_boundary_m(points, title)
    assert dist.min() >= radius_m * (1 - 0.0008)  # never inside the buffer (arcs: ±0.08 %)
    assert dist.max() <= radius_m * (1 + 0.0008) * (1 + RING_BOUNDARY_ERROR)
