"""Cluster-local geometry: distances and ring areas measured in azimuthal equidistant
projections centred on 1° cells.

Subjects are grouped by the 1° cell of their bounding-box centre; each cell gets one
azimuthal equidistant projection on the WGS 84 ellipsoid (:class:`geodesy.LocalFrame`),
centred on the cell.  Within about
150 km of the centre its distance scale error stays below 1e-4, so the nearest points it finds
(:func:`nearest.nearest_points`, a compiled pass over the boundaries of each subject and
piece that do not intersect in lon/lat) are right to well within 0.1 %, and the distance
itself is then measured between them with :meth:`pyproj.Geod.inv`.

Rings are handled in the same projection, cheapest test first: whether a piece of a feature
reaches a ring is told by its planar distance (no ring polygon); a piece whose bounding
box lies within the ring counts whole; only the subjects that have a piece crossing a ring
get that ring's polygon, a buffer of the subject outline (simplified by 0.5 m, see
:data:`OUTLINE_TOLERANCE_M`; ``quad_segs`` = 16, i.e. 64 segments per
circle, vertices pushed out so each arc keeps the disc's area), intersected with the crossing
pieces.  An outline of many vertices has its notches filled first where that moves the ring
by at most 0.5 % of r (:class:`RingBuilder`, :mod:`notches`): GEOS buffers a staircase title
ten times faster then.  Known error of a ring polygon (:data:`RING_BOUNDARY_ERROR`): GEOS,
before it buffers, fills the concavities of the outline that are shallower than 1 % of the
distance (its ``BufferInputLineSimplifier``), so next to a notch of a title the ring's
boundary may lie up to 1.5 % of r beyond the exact buffer, never inside it; elsewhere it is
within ±0.08 % of r.  Which features a ring holds and their distances are decided by
distance, not by the polygon, so only the areas inside a ring carry this error.
Areas of those intersections are planar areas in the projection divided by its area
scale at their centroid (:func:`local_area_m2`, within 1e-6 of the ellipsoidal area near the
centre); far or wide ones are brought back to lon/lat and measured with
:func:`geodesy.area_m2`.
"""
from __future__ import annotations

import numpy as np
import shapely

from .arrays import distinct
from .convex_buffer import convex_buffers
from .geodesy import GEOD, LocalFrame, LocalFrames, area_m2
from .frames import unwrap_antimeridian
from .nearest import FlatPaths, nearest_points
from .notches import FILL_ERROR, fill_notches


def safe_intersection(a, b):
    """See :func:`overlap.safe_intersection` (imported late: overlap imports this module's
    neighbours)."""
    from .overlap import safe_intersection as _safe

    return _safe(a, b)

__all__ = ["CELL_DEG", "QUAD_SEGS", "OUTLINE_TOLERANCE_M", "RING_BOUNDARY_ERROR",
           "FILL_FROM_VERTICES", "RingBuilder", "cells", "expanded_boxes", "measure_pairs",
           "ring_polygons", "rings_around", "local_area_m2", "load_kernel"]

CELL_DEG = 1.0
QUAD_SEGS = 16
#: Douglas–Peucker tolerance (m) applied to a subject before its rings are built: it removes
#: the points densification put on straight edges (their sag in the local projection is well
#: under it) and moves a ring's boundary by at most this much (0.05 % of a 1 km ring).
OUTLINE_TOLERANCE_M = 0.5
#: Ring polygons have 4·QUAD_SEGS sides per full turn; their vertices sit at r·EQUAL_AREA so
#: that the polygon has the area of the true disc (arcs within ±0.08 % of r).
EQUAL_AREA = float(np.sqrt((np.pi / (2 * QUAD_SEGS)) / np.sin(np.pi / (2 * QUAD_SEGS))))
#: Largest distance, as a fraction of r, by which a ring polygon's boundary may lie beyond the
#: exact buffer of the subject: GEOS fills concavities shallower than r/100 before buffering,
#: and :class:`RingBuilder` fills notches of many-vertex outlines within
#: :data:`notches.FILL_ERROR` · r.
RING_BOUNDARY_ERROR = 0.01 + FILL_ERROR
#: Outlines with more vertices than this have their notches filled before they are buffered
#: (:class:`RingBuilder`).
FILL_FROM_VERTICES = 20
#: Filled outlines are buffered with arcs twice as fine (within ±0.02 % of r): they have few
#: vertices left, and a sliver of a feature just inside a wide ring keeps its area.
FILLED_QUAD_SEGS = 2 * QUAD_SEGS
#: From this many subjects on, the areas of rings crossing a piece are measured by the
#: compiled kernel of :mod:`clip_area` (equal to GEOS's within 1e-9; loading it costs about
#: 0.3 s, compiling it about 5 s on a first run): every analysis, since the ring outlines need
#: numba anyway (:mod:`notches`).
COMPILED_AREAS_FROM = 1


def load_kernel(n_subjects: int) -> None:
    """Compile or load the compiled kernels (ring areas, nearest points and notch filling) in
    this process when ``n_subjects`` subjects will use them (:data:`COMPILED_AREAS_FROM`),
    before workers are forked: they then inherit them rather than each compiling them (about
    13 s on the first run after installation)."""
    if n_subjects >= COMPILED_AREAS_FROM:
        from .clip_area import warm_up
        from .convex_buffer import warm_up as warm_up_buffers
        from .nearest import warm_up as warm_up_nearest
        from .notches import warm_up as warm_up_notches

        warm_up()
        warm_up_buffers()
        warm_up_nearest()
        warm_up_notches()


def cells(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cell number of each geometry and the (lon, lat) centre of each cell number."""
    b = shapely.bounds(geoms)
    cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    wide = (b[:, 2] - b[:, 0]) > 180  # cut at the antimeridian: centre on one of its parts
    if wide.any():
        xy = shapely.get_coordinates(shapely.point_on_surface(geoms[wide]))
        cx[wide], cy[wide] = xy[:, 0], xy[:, 1]
    kx = np.floor(cx / CELL_DEG).astype(np.int64)
    ky = np.floor(cy / CELL_DEG).astype(np.int64)
    keys, cell = np.unique(np.column_stack([kx, ky]), axis=0, return_inverse=True)
    centres = (keys + 0.5) * CELL_DEG
    centres[:, 1] = np.clip(centres[:, 1], -89.0, 89.0)
    return cell.ravel(), centres


def expanded_boxes(geoms: np.ndarray, radius_m) -> np.ndarray:
    """Lon/lat boxes around ``geoms`` that hold every point within ``radius_m`` metres."""
    b = shapely.bounds(geoms)
    r = np.broadcast_to(np.asarray(radius_m, dtype=float), (len(b),)) * 1.01 + 1.0
    dlat = r / 110_574.0
    top = np.minimum(np.maximum(np.abs(b[:, 1]), np.abs(b[:, 3])) + dlat, 89.9)
    dlon = np.minimum(r / (111_320.0 * np.cos(np.radians(top))), 360.0)
    return shapely.box(b[:, 0] - dlon, np.maximum(b[:, 1] - dlat, -90),
                       b[:, 2] + dlon, np.minimum(b[:, 3] + dlat, 90))


def measure_pairs(sgeoms, index, si, pj, rings_m=()):
    """Measure (subject ``si``, piece ``pj``) pairs of a :class:`pieces.PieceIndex`.

    Returns ``(dist, areas, hit)``.  Without rings, ``dist`` is the geodesic distance (m) of
    every pair.  With rings, ``hit`` tells which pairs reach the largest ring, ``areas[:, k]``
    is the area (m²) of the piece inside ring k (NaN for lines and points), and ``dist`` is
    measured only for the pieces of each (subject, feature) that reach its smallest ring
    (NaN elsewhere): the minimum per (subject, feature) is still exact.  The cell frames are
    right within :data:`settings.MAX_RING_KM` of their centre; pairs farther apart are
    measured by :func:`far.far_distances_m`.
    """
    n_rings = len(rings_m)
    dist = np.full(len(si), np.nan)
    areas = np.full((len(si), n_rings), np.nan)
    hit = np.zeros(len(si), bool)
    if not len(si):
        return dist, areas, hit
    us, s_inv = np.unique(si, return_inverse=True)
    cell_of_s, centres = cells(sgeoms[us])
    frames = LocalFrames(centres[:, 0], centres[:, 1])
    cell = cell_of_s[s_inv]
    order = np.argsort(cell, kind="stable")
    for group in _batches(order, cell[order]):
        dist[group], areas[group], hit[group] = _measure_cells(
            sgeoms, index, si[group], pj[group], cell[group], np.asarray(rings_m, float),
            frames, len(sgeoms) >= COMPILED_AREAS_FROM)
    return dist, areas, hit


#: Pairs measured together (at most, unless one cell has more): the cells of a batch share
#: every vectorised call, each pair in its own cell's frame; the bound keeps the projected
#: pieces of a batch small.
BATCH_PAIRS = 40_000


def _batches(order: np.ndarray, sorted_cell: np.ndarray) -> list[np.ndarray]:
    """``order`` (pairs sorted by cell) cut at cell boundaries into runs of about
    :data:`BATCH_PAIRS` pairs."""
    bounds = np.r_[0, np.flatnonzero(np.diff(sorted_cell)) + 1, len(order)]
    cuts = [0]
    for b in bounds[1:]:
        if b - cuts[-1] >= BATCH_PAIRS or b == len(order):
            cuts.append(int(b))
    return [order[a:b] for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


def _geodesic_ends(frames, ends: np.ndarray, which) -> np.ndarray:
    """Geodesic distance (m) between the two local points (x, y, x, y) of each row, given
    in frame ``which[row]``."""
    lon, lat = frames.inverse(ends[:, [0, 2]].ravel(), ends[:, [1, 3]].ravel(),
                              np.repeat(which, 2))
    return GEOD.inv(lon[0::2], lat[0::2], lon[1::2], lat[1::2])[2]


def _planar_gaps(sgeoms, pieces, local_s, local_p, si, pj, s_pos, p_pos, limit=np.inf):
    """Planar distance in the frame between each subject and piece (0 where they intersect,
    tested in lon/lat; ``inf`` beyond ``limit``) and its end points (NaN where 0 or beyond
    ``limit``): :func:`nearest.nearest_points`."""
    gap = np.zeros(len(si))
    ends = np.full((len(si), 4), np.nan)
    apart = np.flatnonzero(~shapely.intersects(pieces[pj], sgeoms[si]))
    if len(apart):
        gap[apart], ends[apart] = nearest_points(FlatPaths(local_s), s_pos[apart],
                                                 FlatPaths(local_p), p_pos[apart], limit)
    return gap, ends


def _measure_cells(sgeoms, index, si, pj, cell, rings_m, frames, compiled=False):
    """:func:`measure_pairs` for pairs whose subjects lie in cells ``cell`` (each pair in
    its subject's frame of ``frames``)."""
    us, s_pos = np.unique(si, return_inverse=True)
    s_cell = np.empty(len(us), np.int64)
    s_cell[s_pos] = cell
    n_pieces = len(index.pieces)
    key, p_pos = np.unique(cell.astype(np.int64) * n_pieces + pj, return_inverse=True)
    up, p_cell = key % n_pieces, key // n_pieces  # a piece once per cell that meets it
    local_s = frames.project(sgeoms[us], s_cell)
    local_p = frames.project(index.pieces[up], p_cell)
    n = len(si)
    limit = rings_m.max() * EQUAL_AREA if len(rings_m) else np.inf
    gap, ends = _planar_gaps(sgeoms, index.pieces, local_s, local_p, si, pj, s_pos, p_pos,
                             limit)
    dist = np.where(gap > 0, np.nan, 0.0)
    if not len(rings_m):
        dist[gap > 0] = _geodesic_ends(frames, ends[gap > 0], cell[gap > 0])
        return dist, np.zeros((n, 0)), np.ones(n, bool)
    # the smallest ring each piece reaches, as a distance-within test in the frame would say
    first_ring = np.searchsorted(rings_m * EQUAL_AREA, gap, side="left")
    hit = first_ring < len(rings_m)
    owner = index.owner[pj]
    m = np.flatnonzero(hit & (first_ring == _group_min(si, owner, first_ring)) & (gap > 0))
    dist[m] = _geodesic_ends(frames, ends[m], cell[m])  # beyond the rings (inf): NaN already
    shapely.prepare(local_p)
    areas = np.where(index.is_polygon[pj][:, None], 0.0, np.nan) * np.ones(len(rings_m))
    sel = np.flatnonzero(hit & index.is_polygon[pj])
    if len(sel):
        areas[sel] = _ring_areas(local_s, local_p, index.area_m2[up], s_pos[sel], p_pos[sel],
                                 first_ring[sel], rings_m, (frames, s_cell), compiled)
    return dist, areas, hit


def _group_min(si, owner, value) -> np.ndarray:
    """For each element, the minimum of ``value`` over its (subject, feature) group."""
    key = si.astype(np.int64) * (int(owner.max()) + 1) + owner
    _, group = np.unique(key, return_inverse=True)
    best = np.full(group.max() + 1, np.iinfo(np.int64).max)
    np.minimum.at(best, group, value)
    return best[group]


def _surely_inside(local_s, local_p, s_pos, p_pos, radius) -> np.ndarray:
    """Pairs whose whole piece lies within ``radius`` of the subject: the distance from the
    centre of the piece's bounding box to the subject plus half its diagonal bounds the
    distance of every point of the piece."""
    b = shapely.bounds(local_p)
    centre = shapely.points((b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2)
    half = np.hypot(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) / 2
    out = np.zeros(len(s_pos), bool)
    small = np.flatnonzero(half[p_pos] <= radius)  # a bigger piece cannot fit
    out[small] = (shapely.distance(centre[p_pos[small]], local_s[s_pos[small]])
                  + half[p_pos[small]] <= radius)
    return out


def _ring_areas(local_s, local_p, p_area, s_pos, p_pos, first_ring, rings_m, placed,
                compiled=False):
    """Area (m²) of each polygon piece inside each ring of its subject (pieces known to reach
    ring ``first_ring``; ``placed`` = (frames, frame of each subject)).  Cheap bounds first;
    ring polygons only for the subjects that have a piece crossing the ring."""
    frames, s_cell = placed
    out = np.zeros((len(s_pos), len(rings_m)))
    builder = RingBuilder(local_s, rings_m)
    flat_p = _flattened(local_p) if compiled else None  # once for every ring
    for k, r in enumerate(rings_m):
        todo = np.flatnonzero(first_ring <= k)
        if not len(todo):
            continue
        # straight edges of the ring polygon lie at least 0.999 r from the subject
        full = _surely_inside(local_s, local_p, s_pos[todo], p_pos[todo], 0.999 * r)
        out[todo[full], k] = p_area[p_pos[todo[full]]]
        todo = todo[~full]
        if not len(todo):
            continue
        used, pos = np.unique(s_pos[todo], return_inverse=True)
        ring = builder.polygons(used, k)
        out[todo, k] = _piece_ring_areas(ring, local_p, p_area, pos, p_pos[todo], frames,
                                         s_cell[used], flat_p)
    return out


class RingBuilder:
    """The ring polygons of subjects given in one local frame, built when first asked for.

    A ring of radius r is a buffer of the subject's outline (:func:`_outlines`).  An outline
    of more than :data:`FILL_FROM_VERTICES` vertices (a title whose boundary steps along the
    cadastre's grid) first has its notches filled for that r (:func:`notches.fill_notches`):
    GEOS's buffer of a staircase costs milliseconds and grows with r, that of the filled
    outline a tenth of it, and the ring moves outwards by at most
    :data:`notches.FILL_ERROR` · r (counted in :data:`RING_BOUNDARY_ERROR`).  The filled
    outline is buffered with arcs twice as fine (:data:`FILLED_QUAD_SEGS`).
    """

    def __init__(self, local_s: np.ndarray, rings_m: np.ndarray):
        self._subjects = local_s
        self._radii = np.asarray(rings_m, dtype=float)
        self._outline = np.empty(len(local_s), dtype=object)

    def polygons(self, used: np.ndarray, k: int) -> np.ndarray:
        """Polygons of ring ``k`` of the subjects at positions ``used``."""
        outline = self.outlines(used)
        many = shapely.get_num_coordinates(outline) > FILL_FROM_VERTICES
        ring = np.empty(len(used), dtype=object)
        ring[~many] = _buffer(outline[~many], self._radii[k])
        if many.any():
            filled = fill_notches(outline[many], self._radii[k])
            ring[many] = _buffer(filled, self._radii[k], FILLED_QUAD_SEGS)
        return ring

    def outlines(self, used: np.ndarray) -> np.ndarray:
        """The outlines (:func:`_outlines`) of the subjects at positions ``used``."""
        missing = used[shapely.is_missing(self._outline[used])]
        self._outline[missing] = _outlines(self._subjects[missing])
        return self._outline[used]


def _buffer(geoms: np.ndarray, distance_m: float, quad_segs: int = QUAD_SEGS) -> np.ndarray:
    """GEOS buffer with ``quad_segs`` segments per quarter circle, its vertices pushed out
    so that each arc keeps the area of the disc's sector (as :data:`EQUAL_AREA`)."""
    half_step = np.pi / (2 * quad_segs)
    distance = distance_m * np.sqrt(half_step / np.sin(half_step))
    out = convex_buffers(geoms, distance, quad_segs)  # GEOS's polygons, 5-10 times faster
    rest = shapely.is_missing(out)
    if rest.any():
        out[rest] = shapely.buffer(geoms[rest], distance, quad_segs=quad_segs)
    return out


def _outlines(local_s) -> np.ndarray:
    """The subjects without the points that densification put on their straight edges
    (Douglas–Peucker at :data:`OUTLINE_TOLERANCE_M`: the ring's boundary moves by at most
    that much); any whose parts or validity would change are kept as they are."""
    out = shapely.simplify(local_s, OUTLINE_TOLERANCE_M, preserve_topology=False)
    keep = (~shapely.is_valid(out) | shapely.is_empty(out)
            | (shapely.get_num_geometries(out) != shapely.get_num_geometries(local_s)))
    out[keep] = local_s[keep]
    return out


def _flattened(local_p):
    """The pieces flattened for the compiled kernel (:class:`clip_area.FlatPolygons`)."""
    from .clip_area import FlatPolygons  # compiled on first use: national runs only

    return FlatPolygons(local_p)


def _piece_ring_areas(ring, local_p, p_area, s_pos, p_pos, frames, ring_cell=0,
                      flat_p=None) -> np.ndarray:
    """Area (m²) of each piece inside its subject's ring (pairs known to intersect; ring k in
    frame ``ring_cell[k]`` of ``frames``); with ``flat_p`` (the pieces flattened), crossing
    pairs are measured by the compiled kernel."""
    ring_cell = np.broadcast_to(ring_cell, (len(ring),))
    out = np.zeros(len(s_pos))
    shapely.prepare(ring)
    r, p = ring[s_pos], local_p[p_pos]
    full = shapely.contains_properly(r, p)
    out[full] = p_area[p_pos[full]]
    inside = ~full & shapely.contains_properly(p, r)
    if inside.any():
        used = distinct(s_pos[inside])
        ring_area = np.zeros(len(ring))
        ring_area[used] = local_area_m2(ring[used], frames, ring_cell[used])
        out[inside] = ring_area[s_pos[inside]]
    rest = np.flatnonzero(~full & ~inside)
    if len(rest) and flat_p is not None:
        out[rest] = _crossing_areas(ring, local_p, flat_p, s_pos[rest], p_pos[rest], frames,
                                    ring_cell)
    elif len(rest):
        out[rest] = local_area_m2(safe_intersection(r[rest], p[rest]), frames,
                                  ring_cell[s_pos[rest]])
    return out


def _crossing_areas(ring, local_p, flat_p, s_pos, p_pos, frames, ring_cell) -> np.ndarray:
    """Area (m²) of each ring ∩ piece whose boundaries cross, measured without building the
    intersection (:mod:`clip_area`: its planar area and centroid, then the frame's area scale
    there); pairs whose boxes reach beyond :data:`LOCAL_AREA_MAX_M` go through GEOS and
    :func:`local_area_m2`."""
    from .clip_area import intersection_moments  # compiled on first use: national runs only

    rb, pb = shapely.bounds(ring)[s_pos], shapely.bounds(local_p)[p_pos]
    near = _near_centre(np.hstack([np.maximum(rb[:, :2], pb[:, :2]),
                                   np.minimum(rb[:, 2:], pb[:, 2:])]))
    out = np.empty(len(s_pos))
    area, cx, cy = intersection_moments(ring, s_pos[near], flat_p, p_pos[near])
    some = area > 0
    out_near = np.zeros(len(area))
    out_near[some] = area[some] / frames.area_scale(cx[some], cy[some],
                                                   ring_cell[s_pos[near][some]])
    out[near] = out_near
    rest = ~near
    if rest.any():
        out[rest] = local_area_m2(safe_intersection(ring[s_pos[rest]], local_p[p_pos[rest]]),
                                  frames, ring_cell[s_pos[rest]])
    return out


#: Local polygons farther than this from the frame's centre, or wider, are measured on the
#: ellipsoid after unprojection instead of in the plane.
LOCAL_AREA_MAX_M = (150_000.0, 50_000.0)


def local_area_m2(geoms, frames, which=0) -> np.ndarray:
    """Ellipsoidal area (m²) of polygons given in frames ``which`` (per polygon) of
    ``frames``: planar area divided by the frame's area scale at the polygon's centroid
    (within 1e-6 near the centre, see :meth:`geodesy.LocalFrames.area_scale`); far or wide
    polygons are unprojected and measured with :func:`geodesy.area_m2`."""
    geoms = np.asarray(geoms, dtype=object)
    which = np.broadcast_to(which, (len(geoms),))
    out = np.zeros(len(geoms))
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not present.any():
        return out
    g = geoms[present]
    near = _near_centre(shapely.bounds(g))
    xy = shapely.get_coordinates(shapely.centroid(g))
    at = which[present]
    area = shapely.area(g) / frames.area_scale(xy[:, 0], xy[:, 1], at)
    if (~near).any():
        area[~near] = area_m2(unwrap_antimeridian(frames.unproject(g[~near], at[~near])))
    out[present] = area
    return out


def _near_centre(bounds: np.ndarray) -> np.ndarray:
    """Which boxes (xmin, ymin, xmax, ymax in a frame) lie within :data:`LOCAL_AREA_MAX_M` of
    the frame's centre and are no wider than it allows."""
    b = bounds
    far = np.max([np.hypot(b[:, i], b[:, j]) for i, j in ((0, 1), (0, 3), (2, 1), (2, 3))],
                 axis=0)
    wide = np.hypot(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    return (far <= LOCAL_AREA_MAX_M[0]) & (wide <= LOCAL_AREA_MAX_M[1])


def ring_polygons(sgeoms: np.ndarray, radius_m: float) -> np.ndarray:
    """The ring (geodesic buffer) of ``radius_m`` metres around each geometry, in lon/lat."""
    return rings_around(sgeoms, [radius_m])[0]


def rings_around(sgeoms: np.ndarray, radii_m) -> list[np.ndarray]:
    """The rings of each of ``radii_m`` (ascending) around each geometry, in lon/lat: the
    polygons whose areas the proximity step measures (:class:`RingBuilder`, in the
    geometry's 1° cell frame)."""
    radii = np.asarray(radii_m, dtype=float)
    if np.any(np.diff(radii) <= 0):
        raise ValueError(f"ring radii must be ascending: {radii_m}")
    out = [np.empty(len(sgeoms), dtype=object) for _ in radii]
    if not len(sgeoms):
        return out
    cell, centres = cells(sgeoms)
    for c in np.unique(cell):
        idx = np.flatnonzero(cell == c)
        frame = LocalFrame(*tuple(centres[c]))
        builder = RingBuilder(frame.project(sgeoms[idx]), radii)
        for k in range(len(radii)):
            local = builder.polygons(np.arange(len(idx)), k)
            out[k][idx] = unwrap_antimeridian(frame.unproject(local))
    return out
