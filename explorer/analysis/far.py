"""Distances between geometries thousands of kilometres apart.

The local frames of :mod:`rings` (one azimuthal projection per 1° cell, built for rings of at
most :data:`settings.MAX_RING_KM`) find the nearest points of two geometries well only within
a few thousand kilometres: beyond a quarter of the globe their orthographic step folds the far
hemisphere onto the near one.  A partnership project on another continent is measured here
instead: in pyproj's ellipsoidal azimuthal equidistant projection centred on the subject,
where the distance from the centre is the geodesic distance at any range (GeographicLib), the
nearest points are found with shapely and the distance between them is measured with
:meth:`pyproj.Geod.inv`.
"""
from __future__ import annotations

import numpy as np
import pyproj
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
    lon, lat = shapely.get_coordinates(shapely.point_on_surface(subject))[0]
    aeqd = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m")
    to_plane = pyproj.Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)

    def project(geoms):
        return shapely.transform(geoms, lambda xy: np.column_stack(to_plane.transform(*xy.T)))

    local_s = project(np.array([subject], dtype=object))
    line = shapely.shortest_line(np.repeat(local_s, len(pieces)), project(pieces))
    x, y = shapely.get_coordinates(line).T
    lon, lat = to_plane.transform(x, y, direction="INVERSE")
    return GEOD.inv(lon[0::2], lat[0::2], lon[1::2], lat[1::2])[2]
