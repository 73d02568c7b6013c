"""The independent reference (``tests/analysis/reference.py``) against closed-form answers.

Known answers: the octant bounded by the equator and two meridians 90° apart (all three edges
are geodesics) is 1/8 of the ellipsoid's surface, 2πa²(1 + (1-e²)/e·atanh e) / 8; the
quarter meridian of WGS 84 is 10 001 965.729 m.
"""
from __future__ import annotations

import math

import pytest
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, box

from tests.analysis.reference import (
    GEOD,
    densify,
    geodesic_area_ha,
    geodesic_area_m2,
    geodesic_distance_m,
    geodesic_length_m,
    intersection_area_ha,
    min_distance_m,
)

QUARTER_MERIDIAN_M = 10_001_965.729


def _ellipsoid_area_m2() -> float:
    a, e2 = GEOD.a, GEOD.es
    e = math.sqrt(e2)
    return 2 * math.pi * a * a * (1 + (1 - e2) / e * math.atanh(e))


@pytest.mark.parametrize("spacing", [None, 50_000.0])
def test_octant_is_one_eighth_of_the_ellipsoid(spacing):
    octant = Polygon([(0, 0), (90, 0), (0, 90)])
    assert geodesic_area_m2(octant, spacing, "geodesic") == pytest.approx(_ellipsoid_area_m2() / 8, rel=1e-12)


def test_orientation_does_not_matter_and_holes_are_subtracted():
    outer = box(10, 60, 10.2, 60.1)
    hole = box(10.05, 60.02, 10.1, 60.05)
    cw = Polygon(list(outer.exterior.coords)[::-1])
    assert geodesic_area_m2(cw) == pytest.approx(geodesic_area_m2(outer), rel=1e-12)
    holed = Polygon(outer.exterior.coords, [hole.exterior.coords])
    expected = geodesic_area_m2(outer) - geodesic_area_m2(hole)
    assert geodesic_area_m2(holed) == pytest.approx(expected, rel=1e-12)
    multi = MultiPolygon([outer, box(11, 60, 11.1, 60.1)])
    assert geodesic_area_m2(multi) == pytest.approx(
        geodesic_area_m2(outer) + geodesic_area_m2(box(11, 60, 11.1, 60.1)), rel=1e-12)


def test_points_lines_and_empties_have_no_area():
    assert geodesic_area_m2(Point(1, 1)) == 0.0
    assert geodesic_area_m2(LineString([(0, 0), (1, 1)])) == 0.0
    assert geodesic_area_m2(Polygon()) == 0.0


def test_densify_keeps_vertices_and_spacing():
    line = LineString([(0, 0), (0, 1)])
    dense = densify(line, 1000.0)
    coords = list(dense.coords)
    assert coords[0] == (0, 0) and coords[-1] == (0, 1)
    steps = [geodesic_distance_m(*a, *b) for a, b in zip(coords[:-1], coords[1:])]
    assert max(steps) <= 1000.0 + 1e-6
    assert sum(steps) == pytest.approx(geodesic_length_m(line), rel=1e-12)


def test_quarter_meridian_length_and_distance():
    assert geodesic_distance_m(0, 0, 0, 90) == pytest.approx(QUARTER_MERIDIAN_M, abs=1e-3)
    assert geodesic_length_m(LineString([(0, 0), (0, 90)])) == pytest.approx(QUARTER_MERIDIAN_M, abs=1e-3)


def test_min_distance_between_boxes_on_the_equator():
    a, b = box(0, -0.01, 0.01, 0.01), box(0.02, -0.01, 0.03, 0.01)
    # the nearest points lie on the equator, 0.01° of equatorial arc apart: a * 0.01 rad-deg
    expected = GEOD.a * math.radians(0.01)
    assert min_distance_m(a, b) == pytest.approx(expected, abs=0.01)
    assert min_distance_m(a, box(0.005, 0, 0.02, 0.02)) == 0.0


def test_intersection_area_of_nested_and_disjoint_boxes():
    big, small = box(-51, 1, -50, 2), box(-50.6, 1.2, -50.5, 1.3)
    assert intersection_area_ha(big, small) == pytest.approx(geodesic_area_ha(small), rel=1e-9)
    assert intersection_area_ha(big, box(0, 0, 1, 1)) == 0.0


def test_nearest_pair_is_ranked_on_the_ellipsoid_not_a_sphere():
    """0.1° of meridian (11 057 m) is shorter than 0.0996° of equator (11 087 m) on WGS 84,
    though longer on a sphere: the reference must pick the meridian point."""
    north, east = (0.0, 0.1), (0.0996, 0.0)
    expected = geodesic_distance_m(0, 0, *north)
    assert expected < geodesic_distance_m(0, 0, *east)
    got = min_distance_m(Point(0, 0), MultiPoint([north, east]), candidates=1)
    assert got == pytest.approx(expected, abs=1e-6)


def test_distance_to_the_middle_of_a_long_geodesic_edge(monkeypatch):
    """A point 1 m off the middle of a 30 km geodesic edge, along the perpendicular."""
    monkeypatch.setattr("tests.analysis.reference.EDGES", "geodesic")
    end_lon, end_lat, _ = GEOD.fwd(-51.0, 2.0, 45, 30_000)
    mid_lon, mid_lat, back = GEOD.fwd(-51.0, 2.0, 45, 15_000)
    forward = back - 180  # azimuth of the edge at its middle
    lon, lat, _ = GEOD.fwd(mid_lon, mid_lat, forward + 90, 1.0)
    edge = LineString([(-51.0, 2.0), (end_lon, end_lat)])
    assert min_distance_m(Point(lon, lat), edge) == pytest.approx(1.0, abs=1e-3)
