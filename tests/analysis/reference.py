"""Independent geodesic reference for tests: GeographicLib through :class:`pyproj.Geod`.

Nothing here imports ``explorer``: these helpers are the yardstick the engine is measured
against, so they must not share its code.  Conventions (the same as GeographicLib and PostGIS
``geography``):

- coordinates are lon/lat degrees on WGS 84;
- a polygon or line edge is, by default (:data:`EDGES` = ``"straight"``, the engine's default
  and QGIS's), the straight lon/lat segment between its two vertices; with ``"geodesic"`` it is
  the geodesic (GeographicLib, PostGIS ``geography``).  :func:`densify` inserts points along
  each edge (linearly in lon/lat, or with :meth:`pyproj.Geod.npts`) so that GeographicLib's
  geodesic edges between the new points stay within millimetres of the edge;
- areas come from :meth:`pyproj.Geod.geometry_area_perimeter` on rings oriented
  counter-clockwise (holes clockwise), so holes are subtracted;
- distances come from :meth:`pyproj.Geod.inv` between points.

Examples
--------
>>> from shapely.geometry import box
>>> round(geodesic_area_m2(box(0, 0, 0.01, 0.01)) / 1e4, 3)   # ~1.1 km square at the equator
123.091
>>> geodesic_area_m2(box(0, 0, 0, 0))
0.0
"""
from __future__ import annotations

import math

import numpy as np
import pyproj
import shapely
from shapely.geometry import LinearRing, LineString, MultiLineString, MultiPolygon, Polygon
from shapely.geometry.polygon import orient

__all__ = [
    "GEOD",
    "densify",
    "geodesic_area_m2",
    "geodesic_area_ha",
    "geodesic_length_m",
    "geodesic_distance_m",
    "min_distance_m",
    "NearestBoundary",
    "intersection_area_ha",
]

GEOD = pyproj.Geod(ellps="WGS84")
#: The edge model used when a function is not told one: "straight" (lon/lat) or "geodesic".
EDGES = "straight"
#: Default spacing (m) of the points inserted along long edges.
DEFAULT_SPACING_M = 100.0


def _straight_points(start: np.ndarray, end: np.ndarray, n: int) -> np.ndarray:
    """``n`` points evenly spaced on the straight lon/lat segment from ``start`` to ``end``."""
    t = np.arange(1, n + 1)[:, None] / (n + 1)
    return start + (end - start) * t


def _densify_coords(coords: np.ndarray, spacing_m: float, edges: str) -> np.ndarray:
    """Vertices of one ring or line with points inserted along each edge."""
    coords = np.asarray(coords, dtype=float)[:, :2]
    _, _, dist = GEOD.inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
    extra = np.ceil(np.asarray(dist) / spacing_m).astype(int) - 1
    out: list[np.ndarray] = []
    for k in range(len(coords) - 1):
        out.append(coords[k:k + 1])
        if extra[k] > 0:
            (lon1, lat1), (lon2, lat2) = coords[k], coords[k + 1]
            if edges == "geodesic":
                out.append(np.asarray(GEOD.npts(lon1, lat1, lon2, lat2, int(extra[k]))))
            else:
                out.append(_straight_points(coords[k], coords[k + 1], int(extra[k])))
    out.append(coords[-1:])
    return np.vstack(out)


def densify(geom, spacing_m: float = DEFAULT_SPACING_M, edges: str | None = None):
    """``geom`` with points every ``spacing_m`` metres or less along every edge, following the
    edge model ``edges`` (default :data:`EDGES`).

    Polygons, multipolygons, lines and multilines are densified; points, empty geometries and
    anything else come back unchanged.
    """
    edges = edges or EDGES
    if geom is None or geom.is_empty:
        return geom
    if isinstance(geom, Polygon):
        shell = _densify_coords(np.asarray(geom.exterior.coords), spacing_m, edges)
        holes = [_densify_coords(np.asarray(r.coords), spacing_m, edges) for r in geom.interiors]
        return Polygon(shell, holes)
    if isinstance(geom, LineString) and not isinstance(geom, LinearRing):
        return LineString(_densify_coords(np.asarray(geom.coords), spacing_m, edges))
    if isinstance(geom, (MultiPolygon, MultiLineString)):
        return type(geom)([densify(g, spacing_m, edges) for g in geom.geoms])
    if hasattr(geom, "geoms"):
        return shapely.GeometryCollection([densify(g, spacing_m, edges) for g in geom.geoms])
    return geom


def _polygons(geom) -> list[Polygon]:
    """Every polygon inside ``geom`` (through multi-parts and collections)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def geodesic_area_m2(geom, spacing_m: float | None = DEFAULT_SPACING_M,
                     edges: str | None = None) -> float:
    """Area (m²) on WGS 84 of the polygonal parts of a lon/lat geometry (0 for points, lines).

    With ``spacing_m`` set, points are inserted along the edges first, following :data:`EDGES`;
    with ``spacing_m=None`` the edges are read as geodesics between the given vertices.
    """
    total = 0.0
    for poly in _polygons(geom):
        if spacing_m:
            poly = densify(poly, spacing_m, edges)
        area, _ = GEOD.geometry_area_perimeter(orient(poly, sign=1.0))
        total += area
    return max(total, 0.0)


def geodesic_area_ha(geom, spacing_m: float | None = DEFAULT_SPACING_M) -> float:
    """:func:`geodesic_area_m2` in hectares."""
    return geodesic_area_m2(geom, spacing_m) / 1e4


def geodesic_length_m(geom) -> float:
    """Geodesic length (m) of a lon/lat line or of the boundary of a polygon."""
    if geom is None or geom.is_empty:
        return 0.0
    return float(GEOD.geometry_length(geom))


def geodesic_distance_m(lon1, lat1, lon2, lat2) -> float | np.ndarray:
    """Geodesic distance (m) between two lon/lat points (scalars or arrays)."""
    _, _, dist = GEOD.inv(lon1, lat1, lon2, lat2)
    return dist


def _ecef(lonlat: np.ndarray) -> np.ndarray:
    """Earth-centred coordinates (m) on the WGS 84 ellipsoid (not a sphere: ranking points by
    their chord on a sphere can pick the wrong nearest pair by ~0.5 % of the distance)."""
    lon, lat = np.radians(lonlat[:, 0]), np.radians(lonlat[:, 1])
    n = GEOD.a / np.sqrt(1 - GEOD.es * np.sin(lat) ** 2)
    return np.column_stack([n * np.cos(lat) * np.cos(lon), n * np.cos(lat) * np.sin(lon),
                            n * (1 - GEOD.es) * np.sin(lat)])


def _nearest_pairs(pa: np.ndarray, pb: np.ndarray, candidates: int):
    """Indices (i, j) of the ``candidates`` closest vertex pairs by chord on the ellipsoid."""
    from scipy.spatial import cKDTree

    chord, j = cKDTree(_ecef(pb)).query(_ecef(pa), k=1)
    best = np.argsort(chord)[: max(candidates, 1)]
    return best, j[best]


def _local_points(points: np.ndarray, part: np.ndarray, k: int, steps: int, spacing_m: float):
    """The boundary around vertex ``k`` (``steps`` vertices each way, same ring or line only),
    densified to ``spacing_m``, as an (n, 2) array."""
    lo, hi = max(k - steps, 0), min(k + steps + 1, len(points))
    sel = np.arange(lo, hi)
    sel = sel[part[sel] == part[k]]
    if len(sel) < 2:
        return points[[k]]
    return shapely.get_coordinates(densify(LineString(points[sel]), spacing_m))


def _boundary_vertices(boundary) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of a (multi)line boundary and the index of the line each belongs to."""
    lines = shapely.get_parts(boundary)
    return shapely.get_coordinates(lines, return_index=True)


def _densified_boundary(geom, spacing_m: float):
    geom = densify(geom, spacing_m)
    return geom.boundary if geom.geom_type in ("Polygon", "MultiPolygon") else geom


class NearestBoundary:
    """One geometry prepared for many :meth:`distance_m` queries (densified boundary, k-d tree).

    Method: both boundaries are densified to ``spacing_m``; the nearest vertex pairs are found
    by their chord in earth-centred coordinates on the ellipsoid (shorter than the geodesic by
    about d³/24R², 0.5 mm at 8 km; a chord on a *sphere* can pick the wrong pair by ~0.5 % of
    the distance) and the best ``candidates`` are measured with :meth:`pyproj.Geod.inv`.
    Sampling vertices overestimates a distance ``d`` by at most about ``s**2 / (8 d)`` for
    spacing ``s``; with ``refine_m`` set, the boundaries within two vertices of the best pairs
    are densified again to ``refine_m`` (0.5 m: 3 cm at d = 1 m).
    """

    def __init__(self, geom, spacing_m: float = 10.0):
        from scipy.spatial import cKDTree

        self.geom = geom
        shapely.prepare(geom)
        self.spacing_m = spacing_m
        self.points, self.part = _boundary_vertices(_densified_boundary(geom, spacing_m))
        self.tree = cKDTree(_ecef(self.points))

    def _near_vertices(self, other, coarse_m: float = 500.0) -> np.ndarray:
        """Indices of this boundary's vertices that can be nearest to ``other``: within
        (coarse distance + coarse spacing) of ``other``'s boundary sampled every ``coarse_m``."""
        coarse = shapely.get_coordinates(_densified_boundary(other, coarse_m))
        chord, _ = self.tree.query(_ecef(coarse), k=1)
        radius = float(chord.min()) + coarse_m + self.spacing_m
        hits = self.tree.query_ball_point(_ecef(coarse), r=radius)
        return np.unique(np.concatenate([np.asarray(h, dtype=int) for h in hits]))

    def distance_m(self, other, candidates: int = 16, refine_m: float | None = 0.5) -> float:
        """Geodesic edge-to-edge distance (m) from ``other`` to this geometry; 0 if they meet."""
        from scipy.spatial import cKDTree

        if self.geom.intersects(other):
            return 0.0
        pa, part_a = _boundary_vertices(_densified_boundary(other, self.spacing_m))
        near = self._near_vertices(other)
        chord, j = cKDTree(_ecef(self.points[near])).query(_ecef(pa), k=1)
        ia = np.argsort(chord)[: max(candidates, 1)]
        ib = near[j[ia]]
        pb = self.points
        dist = geodesic_distance_m(pa[ia, 0], pa[ia, 1], pb[ib, 0], pb[ib, 1])
        best = float(np.min(dist))
        if not refine_m:
            return best
        for k in np.argsort(dist)[:4]:
            la = _local_points(pa, part_a, ia[k], 2, refine_m)
            lb = _local_points(pb, self.part, ib[k], 2, refine_m)
            i, jj = _nearest_pairs(la, lb, candidates)
            fine = geodesic_distance_m(la[i, 0], la[i, 1], lb[jj, 0], lb[jj, 1])
            best = min(best, float(np.min(fine)))
        return best


def min_distance_m(a, b, spacing_m: float = 10.0, candidates: int = 16,
                   refine_m: float | None = 0.5) -> float:
    """Geodesic edge-to-edge distance (m) between two lon/lat geometries; 0 if they meet.

    See :class:`NearestBoundary` for the method and its error bound."""
    return NearestBoundary(b, spacing_m).distance_m(a, candidates, refine_m)


def intersection_area_ha(a, b, spacing_m: float = DEFAULT_SPACING_M) -> float:
    """Geodesic area (ha) of ``a ∩ b``: both densified along geodesics, intersected by
    shapely in lon/lat, the result measured with :func:`geodesic_area_m2`."""
    if not a.intersects(b):
        return 0.0
    inter = shapely.intersection(densify(a, spacing_m), densify(b, spacing_m))
    return geodesic_area_ha(inter, spacing_m=None)
