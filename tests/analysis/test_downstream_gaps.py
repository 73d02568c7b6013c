"""The geodesic edge-to-edge distance used for reach limits, against a brute-force reference:
the minimum of pyproj.Geod distances between densely sampled boundary points."""
import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point, box

from explorer.analysis.gaps import geodesic_gap_m

GEOD = Geod(ellps="WGS84")


def _samples(geom, n=400):
    if geom.geom_type == "Point":
        return np.array([[geom.x, geom.y]])
    ring = geom.exterior
    along = [ring.interpolate(t, normalized=True).coords[0] for t in np.linspace(0, 1, n)]
    return np.vstack([np.array(along), np.array(ring.coords)])  # the corners too


def brute_force_m(a, b):
    pa, pb = _samples(a), _samples(b)
    lon1, lat1 = np.repeat(pa[:, 0], len(pb)), np.repeat(pa[:, 1], len(pb))
    lon2, lat2 = np.tile(pb[:, 0], len(pa)), np.tile(pb[:, 1], len(pa))
    return GEOD.inv(lon1, lat1, lon2, lat2)[2].min()


@pytest.mark.parametrize("lat", [0.0, 60.0])
@pytest.mark.parametrize("dx, dy", [(0.3, 0.0), (0.0, 0.3), (0.4, 0.25), (0.05, 0.8)])
def test_box_to_box(lat, dx, dy):
    a = box(10.0, lat, 10.1, lat + 0.1)
    b = box(10.1 + dx, lat + 0.1 + dy, 10.3 + dx, lat + 0.3 + dy)
    got = geodesic_gap_m(a, [b])[0]
    assert got == pytest.approx(brute_force_m(a, b), rel=1e-3)  # 0.1 %


@pytest.mark.parametrize("lat", [0.0, 60.0])
def test_point_to_box_and_touching(lat):
    a = box(10.0, lat, 10.1, lat + 0.1)
    p = Point(10.5, lat + 0.35)
    got = geodesic_gap_m(a, [p, box(10.1, lat, 10.2, lat + 0.1)])
    assert got[0] == pytest.approx(brute_force_m(a, p), rel=1e-3)
    assert got[1] == 0.0  # touching


def test_empty_input():
    assert geodesic_gap_m(box(0, 0, 1, 1), []).shape == (0,)
