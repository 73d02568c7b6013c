"""Numbers on the WGS 84 ellipsoid: areas, geodesic densification, local azimuthal projections
and edge-to-edge geodesic distances.

Conventions (the method statement cites them):

- Edge model (:data:`EDGE_MODELS`).  ``"straight"`` (the default): an edge is the straight
  segment between its vertices in the layer's own coordinates, as in the OGC Simple Features
  model, QGIS and the legal description of SIGMINE titles (sides along meridians and
  parallels); projected layers are densified in their own CRS before they are turned into
  lon/lat (see :mod:`explorer.analysis.frames`).  ``"geodesic"``: an edge of a lon/lat layer is
  the geodesic between its vertices, as in GeographicLib and PostGIS ``geography``.
  Before any overlay, :func:`densify_edges` inserts points along every edge longer than
  :data:`DENSIFY_M` metres at 60° (longer near the equator, see :func:`edge_step_m`): on the
  straight lon/lat segment for ``"straight"``, on the geodesic for ``"geodesic"``.  Areas need
  no densification under the straight model (see :func:`area_m2`); distances do, because they
  are measured in a local azimuthal projection where a long lon/lat segment is curved.
- :func:`area_m2` integrates exactly over the ellipsoid for edges that are straight in lon/lat:
  area = -∮ F(φ) dλ, with F(φ) = a²·q(φ)/2 the authalic area between the equator and latitude
  φ per radian of longitude, integrated along each edge by 4-point Gauss–Legendre quadrature.
  On densified geometry it agrees with GeographicLib's geodesic polygon area to better than
  1e-5 (tested in ``tests/analysis/test_geodesy.py``).
- Distances come from :meth:`pyproj.Geod.inv` between the two nearest points, found in a local
  azimuthal equidistant projection (:class:`LocalFrame`), which preserves distance and azimuth
  from its centre.
"""
from __future__ import annotations

import numpy as np
import pyproj
import shapely

from .ragged import polygon_rings, ragged_polygons

__all__ = [
    "GEOD",
    "DENSIFY_M",
    "area_m2",
    "area_ha",
    "densify_geodesic",
    "densify_edges",
    "EDGE_MODELS",
    "LocalFrame",
    "LocalFrames",
    "geodesic_distance_m",
    "polygon_parts",
    "edge_step_m",
    "length_m",
]

GEOD = pyproj.Geod(ellps="WGS84")
#: Longest edge kept as it is before overlay, in metres.
DENSIFY_M = 500.0  # m at 60° (see edge_step_m)
#: How an edge between two vertices is read: straight in the layer's coordinates, or geodesic.
EDGE_MODELS = ("straight", "geodesic")

_A = GEOD.a
_E2 = GEOD.es
_E = np.sqrt(_E2)
_GL_T = (np.array([-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
                   0.8611363115940526]) + 1) / 2
_GL_W = np.array([0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
                  0.3478548451374538]) / 2
_POLYGON, _MULTIPOLYGON = 3, 6


def polygon_parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every polygon inside ``geoms`` (through multi-parts and collections) and its owner."""
    parts, owner = np.asarray(geoms, dtype=object), np.arange(len(geoms))
    for _ in range(4):  # collections nest rarely and shallowly
        types = shapely.get_type_id(parts)
        multi = types >= 4
        if not multi.any():
            break
        sub, idx = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], sub])
        owner = np.concatenate([owner[~multi], owner[multi][idx]])
    polys = shapely.get_type_id(parts) == _POLYGON
    return parts[polys], owner[polys]


def area_m2(geoms) -> np.ndarray:
    """Ellipsoidal area (m²) of each lon/lat geometry; 0 for points, lines and empties."""
    geoms = np.atleast_1d(np.asarray(geoms, dtype=object))
    out = np.zeros(len(geoms))
    present = ~shapely.is_missing(geoms)
    parts, owner = polygon_parts(geoms[present]) if present.any() else ([], [])
    if len(parts):  # an empty polygon (or empty part) has no ring to integrate
        full = ~shapely.is_empty(parts)
        parts, owner = parts[full], owner[full]
    if not len(parts):
        return out
    owner = np.flatnonzero(present)[owner]
    coords, sizes, ring_owner = polygon_rings(parts)
    ring_area = _ring_areas(coords, sizes)
    exterior = np.r_[True, ring_owner[1:] != ring_owner[:-1]]  # rings come exterior first
    ring_area[~exterior] *= -1.0
    part_area = np.bincount(ring_owner, weights=ring_area, minlength=len(parts))
    out += np.bincount(owner, weights=part_area, minlength=len(geoms))
    return np.maximum(out, 0.0)


#: From this many coordinates on, areas and densification run compiled (:mod:`_area_kernel`,
#: :mod:`_densify_kernel`): below it numba's start-up in a process (about 1 s) outweighs
#: what it saves, and numpy runs the same rules (to the last bit: tested).
KERNEL_FROM_COORDS = 500_000


def warm_up() -> None:
    """Start numba and load the area and densification kernels in this process (before it
    forks workers that will use them on large inputs: they then inherit them)."""
    from ._area_kernel import ring_areas
    from ._densify_kernel import edge_pieces, straight_points

    one = np.zeros(2)
    ring_areas(one, one, np.zeros(1, np.int64), np.full(1, 2), _A, _E, _E2, _SIMPSON_MAX_DLAT,
               _GL_T, _GL_W)
    straight_points(one, one, edge_pieces(one, one, np.array([0, 2]), 500.0))


def _ring_areas(coords: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Unsigned ellipsoidal area (m²) of each lon/lat ring (``sizes[k]`` coordinates of
    ``coords`` after those of the rings before it): the integral of the authalic F(φ) dλ
    along its edges, φ linear along each edge."""
    lon, lat = np.radians(coords[:, 0]), np.radians(coords[:, 1])
    if len(coords) < KERNEL_FROM_COORDS:
        ring_of = np.repeat(np.arange(len(sizes)), sizes)
        return _ring_areas_numpy(lon, lat, ring_of, len(sizes))
    from ._area_kernel import ring_areas  # compiled on first use

    ends = np.cumsum(sizes)
    return ring_areas(lon, lat, ends - sizes, ends, _A, _E, _E2, _SIMPSON_MAX_DLAT, _GL_T,
                      _GL_W)


def _ring_areas_numpy(lon, lat, ring_of, n_rings) -> np.ndarray:
    """:func:`_ring_areas` in numpy (radians; ``ring_of`` the ring of each vertex)."""
    starts = np.r_[0, np.flatnonzero(np.diff(ring_of)) + 1]
    f_vertex = _authalic_f(lat)
    ref = np.repeat(f_vertex[starts], np.diff(np.r_[starts, len(lat)]))
    contrib = -(lon[1:] - lon[:-1]) * (_edge_mean_f(lat, f_vertex) - ref[:-1])
    contrib[ring_of[1:] != ring_of[:-1]] = 0.0
    return np.abs(np.bincount(ring_of[:-1], weights=contrib, minlength=n_rings))


def _authalic_f(lat: np.ndarray) -> np.ndarray:
    """Area (m²) between the equator and latitude ``lat`` (radians), per radian of longitude."""
    s = np.sin(lat)
    es = _E * s
    q = (1 - _E2) * (s / (1 - _E2 * s * s) - np.log((1 - es) / (1 + es)) / (2 * _E))
    return _A * _A * q / 2


def _edge_mean_f(lat: np.ndarray, f_vertex: np.ndarray) -> np.ndarray:
    """Mean of F(φ) along each edge (consecutive vertices), φ linear along the edge."""
    lat0, lat1 = lat[:-1], lat[1:]
    mean = (f_vertex[:-1] + 4 * _authalic_f((lat0 + lat1) / 2) + f_vertex[1:]) / 6
    long_ = np.flatnonzero(np.abs(lat1 - lat0) > _SIMPSON_MAX_DLAT)
    if len(long_):
        a, b = lat0[long_], lat1[long_]
        mean[long_] = sum(w * _authalic_f(a + t * (b - a)) for t, w in zip(_GL_T, _GL_W))
    return mean


#: Edges spanning less latitude than this (radians, about 0.6°) are integrated by Simpson's
#: rule (error below 1e-13 of the edge's term); longer ones by 4-point Gauss–Legendre.
_SIMPSON_MAX_DLAT = 0.01


def area_ha(geoms) -> np.ndarray:
    """Ellipsoidal area of each lon/lat geometry in hectares."""
    return area_m2(geoms) / 1e4


def densify_geodesic(geoms, max_m: float = DENSIFY_M) -> np.ndarray:
    """Insert points along the geodesic on every edge longer than ``max_m`` metres.

    Points and short edges are left alone; geometries come back with the same types
    (a polygon may come back as a one-part multipolygon only if it was densified).
    """
    return densify_edges(geoms, max_m, "geodesic")


def densify_edges(geoms, max_m: float = DENSIFY_M, edges: str = "straight") -> np.ndarray:
    """Insert points on every edge longer than ``max_m`` metres, following the edge model
    ``edges`` (:data:`EDGE_MODELS`): the straight lon/lat segment or the geodesic.

    The shape of a ``"straight"`` geometry does not change, only its vertex count.
    """
    if edges not in EDGE_MODELS:
        raise ValueError(f"edges must be one of {EDGE_MODELS}, got {edges!r}")
    geoms = np.asarray(geoms, dtype=object).copy()
    types = shapely.get_type_id(geoms)
    for kinds in ((1, 5), (3, 6)):  # lines, polygons
        idx = np.flatnonzero(np.isin(types, kinds) & ~shapely.is_empty(geoms))
        if not len(idx):
            continue
        dense = _densify_group(_without_empty_parts(geoms[idx]), max_m, edges == "geodesic")
        changed = shapely.get_num_coordinates(dense) != shapely.get_num_coordinates(geoms[idx])
        idx = idx[changed]
        geoms[idx] = dense[changed]
        if edges == "geodesic" and len(idx):  # a bulging edge may touch a close neighbour
            broken = idx[~shapely.is_valid(geoms[idx])]
            geoms[broken] = shapely.make_valid(geoms[broken])
    return geoms


def edge_step_m(lat_deg: np.ndarray, max_m: float) -> np.ndarray:
    """Longest edge kept at latitude ``lat_deg``: ``max_m`` at 60°, longer nearer the equator.

    A straight lon/lat segment of length s strays from the geodesic by about
    s²·tan φ/(8R); scaling s by sqrt(tan 60°/tan φ) keeps that offset at its 60° value
    (≈ 8 mm for 500 m), capped at 8·``max_m``.  On the Amapá sample, 500 m instead of
    250 m moves distances by at most 9 mm and ring areas by at most 0.013 % (p99 5e-6), and
    leaves overlaps as they were (within 1e-9 ha); the national benchmark's ring pass is 10 %
    faster (fewer vertices to project and measure).
    """
    tan = np.tan(np.radians(np.minimum(np.abs(lat_deg), 89.0)))
    with np.errstate(divide="ignore"):
        factor = np.sqrt(np.tan(np.radians(60.0)) / np.maximum(tan, 1e-12))
    return max_m * np.clip(factor, 1.0, 8.0)


def _densify_group(geoms: np.ndarray, max_m: float, geodesic: bool) -> np.ndarray:
    """``geoms`` (all lines or all polygons) with every edge cut into the pieces
    :func:`_densify_kernel.edge_pieces` gives it."""
    polygons = np.isin(shapely.get_type_id(geoms), (3, 6)).all()
    kind, coords, offsets = (ragged_polygons if polygons else shapely.to_ragged_array)(geoms)
    x, y = np.ascontiguousarray(coords[:, 0]), np.ascontiguousarray(coords[:, 1])
    compiled = len(coords) >= KERNEL_FROM_COORDS
    if compiled:
        from ._densify_kernel import edge_pieces, straight_points  # compiled on first use

        pieces = edge_pieces(x, y, offsets[0].astype(np.int64), float(max_m))
    else:
        pieces = _edge_pieces_numpy(coords, offsets[0], max_m)
    new_pos = np.r_[0, np.cumsum(pieces)]
    new_offsets = (new_pos[offsets[0]],) + tuple(offsets[1:])
    if not geodesic and compiled:
        return shapely.from_ragged_array(kind, straight_points(x, y, pieces), new_offsets)
    edge = np.flatnonzero(pieces > 1)
    reps = pieces[edge] - 1
    owner = np.repeat(np.arange(len(edge)), reps)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(reps) - reps, reps) + 1
    start, end = coords[edge][owner], coords[edge + 1][owner]
    fraction = k / pieces[edge][owner]
    lon, lat = _edge_points(start, end, fraction) if geodesic else (
        (start + (end - start) * fraction[:, None]).T)
    out = np.empty((new_pos[-1], 2))
    out[new_pos[:-1]] = coords
    slots = new_pos[edge][owner] + k.astype(int)
    out[slots, 0], out[slots, 1] = lon, lat
    return shapely.from_ragged_array(kind, out, new_offsets)


def _without_empty_parts(geoms: np.ndarray) -> np.ndarray:
    """Multi-lines and multipolygons without their empty parts (shapely's ragged arrays,
    which densification goes through, crash on them)."""
    multi = np.flatnonzero(np.isin(shapely.get_type_id(geoms), (5, 6)))
    parts, owner = shapely.get_parts(geoms[multi], return_index=True)
    empty = shapely.is_empty(parts)
    if not empty.any():
        return geoms
    geoms = geoms.copy()
    for k in np.unique(owner[empty]):
        kept = parts[(owner == k) & ~empty]
        make = shapely.multipolygons if shapely.get_type_id(geoms[multi[k]]) == 6 \
            else shapely.multilinestrings
        geoms[multi[k]] = make(kept)
    return geoms


def _edge_pieces_numpy(coords: np.ndarray, ring_off: np.ndarray, max_m: float) -> np.ndarray:
    """:func:`_densify_kernel.edge_pieces` in numpy."""
    is_last = np.zeros(len(coords), bool)
    is_last[ring_off[1:] - 1] = True
    dlon = np.abs(np.diff(coords[:, 0]))
    lat = np.maximum(np.abs(coords[:-1, 1]), np.abs(coords[1:, 1]))
    approx = np.r_[np.hypot(dlon * np.cos(np.radians(lat)) * 111_320.0,
                            np.diff(coords[:, 1]) * 110_574.0), 0.0]
    step = edge_step_m(np.r_[lat, np.abs(coords[-1:, 1])], max_m)
    pieces = np.maximum(np.ceil(approx / step * 1.02), 1).astype(np.int64)
    pieces[is_last] = 1
    return pieces


def _edge_points(start: np.ndarray, end: np.ndarray, fraction: np.ndarray):
    """Points at ``fraction`` of the geodesic from ``start`` to ``end`` (lon/lat rows)."""
    az, _, dist = GEOD.inv(start[:, 0], start[:, 1], end[:, 0], end[:, 1])
    lon, lat, _ = GEOD.fwd(start[:, 0], start[:, 1], az, dist * fraction)
    lon = np.where(np.abs(lon - start[:, 0]) > 180, lon + 360 * np.sign(start[:, 0]), lon)
    return lon, lat


def geodesic_distance_m(a, b, centre: tuple[float, float] | None = None) -> np.ndarray:
    """Geodesic edge-to-edge distance (m) between lon/lat geometries ``a[i]`` and ``b[i]``.

    The nearest points are found in the azimuthal equidistant projection at ``centre``
    (default: the centre of the first pair's bounds) and the distance between them measured
    with :meth:`pyproj.Geod.inv`.  Intersecting pairs give 0.  Meant for pairs within a few
    thousand km of ``centre`` (:class:`LocalFrame`); see :mod:`explorer.analysis.far` beyond.
    """
    a = np.atleast_1d(np.asarray(a, dtype=object))
    b = np.atleast_1d(np.asarray(b, dtype=object))
    out = np.zeros(len(a))
    apart = ~shapely.intersects(a, b)
    if not apart.any():
        return out
    if centre is None:
        x0, y0, x1, y1 = shapely.total_bounds(a[apart])
        centre = ((x0 + x1) / 2, (y0 + y1) / 2)
    frame = LocalFrame(*centre)
    line = shapely.shortest_line(frame.project(a[apart]), frame.project(b[apart]))
    xy = shapely.get_coordinates(line)
    lon, lat = frame.inverse(xy[:, 0], xy[:, 1])
    _, _, dist = GEOD.inv(lon[0::2], lat[0::2], lon[1::2], lat[1::2])
    out[apart] = dist
    return out


def length_m(geoms) -> np.ndarray:
    """Geodesic length (m) of each lon/lat geometry's lines (polygon rings count too)."""
    geoms = np.atleast_1d(np.asarray(geoms, dtype=object))
    out = np.zeros(len(geoms))
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not present.any():
        return out
    lines = shapely.boundary(geoms[present])  # lines -> points: use the lines themselves
    is_line = np.isin(shapely.get_type_id(geoms[present]), (1, 2, 5))
    lines[is_line] = geoms[present][is_line]
    parts, owner = shapely.get_parts(lines, return_index=True)
    coords, of = shapely.get_coordinates(parts, return_index=True)
    if len(coords) < 2:
        return out
    _, _, d = GEOD.inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
    d[of[1:] != of[:-1]] = 0.0
    per_part = np.bincount(of[:-1], weights=d, minlength=len(parts))
    out[np.flatnonzero(present)] = np.bincount(owner, weights=per_part, minlength=present.sum())
    return out


class LocalFrames:
    """Fast azimuthal equidistant projections on the WGS 84 ellipsoid, one per centre
    (``lon[k]``, ``lat[k]``); each point or geometry names its frame (``which``).

    A point is projected orthographically onto the plane tangent to the ellipsoid at the
    centre (exact east/north components of its ECEF offset), then moved radially so that its
    distance from the centre is the arc ``R_α·asin(ρ/R_α)`` along the normal section of
    azimuth α (R_α from Euler's formula).  Distances and azimuths from the centre are right to
    about e²·(s/R)² (below 0.2 m at 100 km); the inverse is closed-form (line–ellipsoid
    intersection).  Pure numpy, and many frames cost one pass: the proximity step measures
    all the 1° cells of a chunk of subjects together.
    """

    def __init__(self, lon, lat):
        self.lon = np.atleast_1d(np.asarray(lon, dtype=float))
        self.lat = np.atleast_1d(np.asarray(lat, dtype=float))
        lam, phi = np.radians(self.lon), np.radians(self.lat)
        self._origin = _ecef(lam, phi)
        sl, cl, sp, cp = np.sin(lam), np.cos(lam), np.sin(phi), np.cos(phi)
        self._east = np.array([-sl, cl, np.zeros_like(sl)])
        self._north = np.array([-sp * cl, -sp * sl, cp])
        self._up = np.array([cp * cl, cp * sl, sp])
        w = 1 - _E2 * sp * sp
        self._m = _A * (1 - _E2) / w ** 1.5  # meridional radius of curvature
        self._n = _A / np.sqrt(w)  # prime-vertical radius of curvature

    def __len__(self) -> int:
        return len(self.lon)

    def _at(self, which):
        """Frame numbers per point as given; one frame for all (a number, or None when there
        is only one) as a slice that broadcasts."""
        if which is None:
            if len(self) != 1:
                raise ValueError(f"which frame? there are {len(self)}")
            which = 0
        if isinstance(which, slice) or np.ndim(which) > 0:
            return which
        k = int(which)
        if not 0 <= k < len(self):
            raise IndexError(f"frame {k} of {len(self)}")
        return slice(k, k + 1)

    def _radius(self, x, y, rho, which) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            cos2 = np.where(rho > 0, (y / rho) ** 2, 1.0)
        return 1.0 / (cos2 / self._m[which] + (1 - cos2) / self._n[which])

    def forward(self, lon, lat, which=None) -> tuple[np.ndarray, np.ndarray]:
        """Lon/lat (degrees) to metres east and north in frame ``which`` (per point)."""
        which = self._at(which)
        p = _ecef(np.radians(lon), np.radians(lat)) - self._origin[:, which]
        # element by element, not a BLAS product: BLAS kernels may round the last column of a
        # block differently, so a ring's closing vertex would no longer equal its first one
        x, y = _dot3(self._east[:, which], p), _dot3(self._north[:, which], p)
        rho = np.hypot(x, y)
        r = self._radius(x, y, rho, which)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(rho > 0, r * np.arcsin(np.minimum(rho / r, 1.0)) / rho, 1.0)
        return x * scale, y * scale

    def inverse(self, x, y, which=None) -> tuple[np.ndarray, np.ndarray]:
        """Metres east and north in frame ``which`` (per point) back to lon/lat (degrees)."""
        which = self._at(which)
        x, y = np.asarray(x, float), np.asarray(y, float)
        s = np.hypot(x, y)
        r = self._radius(x, y, s, which)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(s > 0, r * np.sin(np.minimum(s / r, np.pi / 2)) / s, 1.0)
        x, y = x * scale, y * scale
        base = self._origin[:, which] + self._east[:, which] * x + self._north[:, which] * y
        up = self._up[:, which]
        p = base + up * _down_to_ellipsoid(base, up)
        lon = np.degrees(np.arctan2(p[1], p[0]))
        lat = np.degrees(np.arctan2(p[2], (1 - _E2) * np.hypot(p[0], p[1])))
        return lon, lat

    def area_scale(self, x, y, which=None) -> np.ndarray:
        """Ratio of planar area in frame ``which`` to area on the ellipsoid near local point
        (x, y): ``c / sin c`` with c the distance from the centre over the mean radius of
        curvature there (within 1e-6 of the truth up to 150 km from the centre)."""
        which = self._at(which)
        c = np.hypot(x, y) / np.sqrt(self._m[which] * self._n[which])
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(c > 0, c / np.sin(c), 1.0)

    def project(self, geoms, which=None) -> np.ndarray:
        """Lon/lat geometries to local metres, each in its frame ``which``."""
        geoms = np.asarray(geoms, dtype=object)
        at = _per_coordinate(geoms, self._at(which))
        return shapely.transform(geoms, lambda xy: np.column_stack(
            self.forward(xy[:, 0], xy[:, 1], at)))

    def unproject(self, geoms, which=None) -> np.ndarray:
        """Local-metre geometries, each in its frame ``which``, back to lon/lat."""
        geoms = np.asarray(geoms, dtype=object)
        at = _per_coordinate(geoms, self._at(which))
        return shapely.transform(geoms, lambda xy: np.column_stack(
            self.inverse(xy[:, 0], xy[:, 1], at)))


#: One projection centred at (lon, lat): a :class:`LocalFrames` of one frame, whose methods
#: need no ``which``.
LocalFrame = LocalFrames


def _per_coordinate(geoms: np.ndarray, which):
    """``which`` (per geometry, or one slice for all) repeated for each coordinate."""
    if isinstance(which, slice):
        return which
    return np.repeat(np.asarray(which, dtype=np.int64),
                     shapely.get_num_coordinates(geoms))


def _dot3(axis: np.ndarray, p: np.ndarray) -> np.ndarray:
    """``axis @ p`` for a 3-vector and a (3, n) array, the same rounding for every column."""
    return axis[0] * p[0] + axis[1] * p[1] + axis[2] * p[2]


def _ecef(lam, phi) -> np.ndarray:
    lam, phi = np.asarray(lam, float), np.asarray(phi, float)
    sin_phi = np.sin(phi)
    n = _A / np.sqrt(1 - _E2 * sin_phi ** 2)
    n_cos_phi = n * np.cos(phi)
    return np.array([n_cos_phi * np.cos(lam), n_cos_phi * np.sin(lam), n * (1 - _E2) * sin_phi])


def _down_to_ellipsoid(base: np.ndarray, up: np.ndarray) -> np.ndarray:
    """Signed distance u along ``up`` from each point of ``base`` to the ellipsoid (nearest root)."""
    b2 = (_A * _A) * (1 - _E2)
    w = np.array([1 / _A ** 2, 1 / _A ** 2, 1 / b2])[:, None]
    qa = (up ** 2 * w).sum(axis=0)
    qb = 2 * (base * up * w).sum(axis=0)
    qc = (base ** 2 * w).sum(axis=0) - 1
    disc = np.sqrt(np.maximum(qb * qb - 4 * qa * qc, 0.0))
    return (-qb + disc) / (2 * qa)
