"""Tiny in-code fixtures and independent geodesic references for the analysis tests.

References use pyproj.Geod (GeographicLib) directly on hand-built vertices; they never call
the code under test.
"""
import geopandas as gpd
import numpy as np
import pyproj
from shapely.geometry import MultiPolygon, Polygon

from layers.model import FieldMapping, Provenance, VectorLayer

GEOD = pyproj.Geod(ellps="WGS84")


def layer(name, role, geoms, crs="EPSG:4326", names=None):
    """A VectorLayer with ids 0..n-1 and optional names."""
    cols = {"fid": list(range(len(geoms)))}
    if names is not None:
        cols["label"] = names
    frame = gpd.GeoDataFrame(cols, geometry=list(geoms), crs=crs)
    mapping = FieldMapping(id="fid", name="label" if names is not None else None)
    return VectorLayer(name, role, frame, Provenance(name, None, "memory", ""), mapping)


def geodesic_ring(vertices, step_m=20.0):
    """Vertices joined by geodesics, sampled every ``step_m`` metres with Geod.npts."""
    out = []
    closed = list(vertices) + [vertices[0]]
    for (x0, y0), (x1, y1) in zip(closed[:-1], closed[1:]):
        out.append((x0, y0))
        dist = GEOD.inv(x0, y0, x1, y1)[2]
        n = int(dist // step_m)
        if n > 1:
            out.extend(GEOD.npts(x0, y0, x1, y1, n - 1))
    return out


def square(lon, lat, side_m):
    """A 'square': corners by Geod.fwd from the south-west corner (its edges are read as
    straight lon/lat segments or geodesics according to the edge model of the test)."""
    lon_e = GEOD.fwd(lon, lat, 90, side_m)[0]
    lat_n = GEOD.fwd(lon, lat, 0, side_m)[1]
    return Polygon([(lon, lat), (lon_e, lat), (lon_e, lat_n), (lon, lat_n)])


def geod_area_m2(geom, edges=None):
    """GeographicLib area of a polygon or multipolygon, its edges read as ``edges``
    ("straight" lon/lat segments, the default, or "geodesic"), densified every 100 m."""
    from tests.analysis.reference import densify

    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    return sum(abs(GEOD.geometry_area_perimeter(densify(p, 100.0, edges))[0]) for p in parts)


def disc(lon, lat, radius_m, n=3600):
    """A geodesic circle as a polygon of ``n`` points placed with Geod.fwd."""
    az = np.linspace(0, 360, n, endpoint=False)
    x, y, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, radius_m))
    return Polygon(zip(x, y))


def _pairwise_min(pa, pb):
    x1 = np.repeat(pa[:, 0], len(pb)); y1 = np.repeat(pa[:, 1], len(pb))
    x2 = np.tile(pb[:, 0], len(pa)); y2 = np.tile(pb[:, 1], len(pa))
    d = GEOD.inv(x1, y1, x2, y2)[2]
    k = int(np.argmin(d))
    return d[k], k // len(pb), k % len(pb)


def _refine(points, i, step_m):
    """Points every ``step_m`` along the geodesic edges around coarse sample ``i``."""
    lo, hi = max(i - 2, 0), min(i + 2, len(points) - 1)
    out = [points[lo]]
    for (x0, y0), (x1, y1) in zip(points[lo:hi], points[lo + 1:hi + 1]):
        n = int(GEOD.inv(x0, y0, x1, y1)[2] // step_m)
        if n > 1:
            out.extend(GEOD.npts(x0, y0, x1, y1, n - 1))
        out.append((x1, y1))
    return np.array(out)


def brute_distance_m(a_vertices, b_vertices, coarse_m=50.0, fine_m=0.5):
    """Minimum Geod.inv distance between two geodesic rings: all pairs of points sampled every
    ``coarse_m``, then all pairs sampled every ``fine_m`` around the best coarse pair."""
    pa = np.array(geodesic_ring(a_vertices, coarse_m))
    pb = np.array(geodesic_ring(b_vertices, coarse_m))
    pa = np.vstack([pa, pa[:1]])
    pb = np.vstack([pb, pb[:1]])
    _, i, j = _pairwise_min(pa, pb)
    return _pairwise_min(_refine(pa, i, fine_m), _refine(pb, j, fine_m))[0]
