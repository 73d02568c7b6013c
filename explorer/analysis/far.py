"""Distances between geometries thousands of kilometres apart.

The local frames of :mod:`rings` (one azimuthal projection per 1° cell, built for rings of at
most :data:`settings.MAX_RING_KM`) find the nearest points of two geometries well only within
a few thousand kilometres: beyond a quarter of the globe their orthographic step folds the far
hemisphere onto the near one.  A partnership project on another continent is measured here
instead: in the ellipsoidal azimuthal equidistant projection centred on the subject (each
point at the geodesic distance and azimuth from the centre given by :meth:`pyproj.Geod.inv`,
GeographicLib, right at any range), the nearest points are found with shapely, taken back with
:meth:`pyproj.Geod.fwd` and the distance between them is measured with :meth:`pyproj.Geod.inv`.
"""
from __future__ import annotations

import numpy as np
import shapely

from .geodesy import GEOD

__all__ = ["far_distances_m"]


def far_distances_m(sgeoms: np.ndarray, pieces: np.ndarray, si: np.ndarray,
                    pj: np.ndarray) -> np.ndarray:
    """Geodesic distance (m) between each subject ``sgeoms[si]`` and piece ``pieces[pj]``
    (lon/lat, densified), in one projection centred on each subject."""
    out = np.zeros(len(si))
    for s in np.unique(si):
        rows = np.flatnonzero(si == s)
        out[rows] = _from_subject(sgeoms[s], pieces[pj[rows]])
    return out


def _from_subject(subject, pieces: np.ndarray) -> np.ndarray:
    lon0, lat0 = shapely.get_coordinates(shapely.point_on_surface(subject))[0]

    def project(geoms):  # polar coordinates of the geodesic from the centre: exact AEQD
        def forward(xy):
            n = len(xy)
            az, _, dist = GEOD.inv(np.full(n, lon0), np.full(n, lat0), xy[:, 0], xy[:, 1])
            az = np.radians(az)
            return np.column_stack([dist * np.sin(az), dist * np.cos(az)])
        return shapely.transform(geoms, forward)

    local_s = project(np.array([subject], dtype=object))
    line = shapely.shortest_line(np.repeat(local_s, len(pieces)), project(pieces))
    x, y = shapely.get_coordinates(line).T
    lon, lat, _ = GEOD.fwd(np.full(len(x), lon0), np.full(len(x), lat0),
                           np.degrees(np.arctan2(x, y)), np.hypot(x, y))
    return GEOD.inv(lon[0::2], lat[0::2], lon[1::2], lat[1::2])[2]
