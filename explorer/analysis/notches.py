"""Filling the notches of a subject's outline before it is buffered by r.

A title drawn along the cadastre's lon/lat grid on a diagonal is a staircase: dozens of
concave corners a few hundred metres apart.  GEOS buffers each concave corner whose offset
segments do not meet (r much longer than the steps) by a closing segment back to the corner,
so a staircase buffered by kilometres becomes a tangle of long, crossing segments to node:
milliseconds a title, growing with r.  Yet the buffer of a polygon barely depends on notches
much narrower than r.

:func:`fill_notches` removes concave vertices v (neighbours a and b) and so adds the triangle
a v b to the outline C, while a bound on what that adds to the buffer stays within
``FILL_ERROR · r``.  Each added region lies outside the current outline and holds no vertex of
the geometry, so C contains the subject P and buffer(C, r) ⊇ buffer(P, r): a ring is never
made smaller.  It is no bigger than buffer(P, r + e), where e is, over the chords a b of the
final outline, the smaller of

- ``sqrt(r² + L²/4) − r`` (L the chord's length): a point within r of the chord is within
  that distance of one of its ends, both vertices of P; and
- the depth h of P's boundary between a and b about the chord (the largest distance of those
  vertices from its line): the perpendicular to the chord through any of its points meets
  that boundary within h, so a point within r of the chord is within r + h of P.

The points added lie within r/4 of P: a triangle's points lie within half its shortest side
of its sides, and the points of a side within half its length (a chord under the first
bound is at most 0.21 r long) or within its depth (under the second) of P.

So ring polygons may lie up to ``FILL_ERROR · r`` beyond the exact buffer next to a filled
notch, never inside it.  Holes are kept as they are (a hole's vertices still block fills).
The kernel is compiled with numba (see :func:`fill_notches`).
"""
from __future__ import annotations

import numpy as np
import shapely

__all__ = ["FILL_ERROR", "fill_notches", "warm_up"]

#: Largest distance, as a fraction of the radius, by which filling a notch may move a ring's
#: boundary beyond the exact buffer.
FILL_ERROR = 0.005


def fill_notches(geoms: np.ndarray, radius_m: float) -> np.ndarray:
    """The polygons ``geoms`` (in a metric frame) with the notches whose filling moves their
    buffer by ``radius_m`` at most ``FILL_ERROR · radius_m`` filled (module docstring).
    Other geometries, and any result that would not be valid, are returned unchanged."""
    geoms = np.asarray(geoms, dtype=object)
    out = geoms.copy()
    polys = _fillable(geoms)
    if not len(polys) or radius_m <= 0:
        return out
    from ._notches_kernel import fill_rings  # numba: imported (and compiled) on first use

    flat = _Exteriors(geoms[polys])
    keep = fill_rings(flat.x, flat.y, flat.start, flat.end, flat.owner, flat.bx, flat.by,
                      flat.bid, flat.bstart, flat.bend, float(radius_m),
                      FILL_ERROR * float(radius_m))
    changed = np.flatnonzero(np.bincount(flat.vertex_geom[~keep], minlength=len(polys)))
    if not len(changed):
        return out
    filled = flat.rebuild(keep)[changed]
    ok = shapely.is_valid(filled) & (shapely.get_num_geometries(filled)
                                     == shapely.get_num_geometries(geoms[polys[changed]]))
    out[polys[changed[ok]]] = filled[ok]
    return out


def _fillable(geoms: np.ndarray) -> np.ndarray:
    """Positions of the polygons and multipolygons with no empty part."""
    polys = np.flatnonzero(np.isin(shapely.get_type_id(geoms), (3, 6)))
    parts, owner = shapely.get_parts(geoms[polys], return_index=True)
    hollow = np.zeros(len(polys), bool)
    hollow[owner[shapely.is_empty(parts)]] = True
    hollow[shapely.is_empty(geoms[polys])] = True
    return polys[~hollow]


class _Exteriors:
    """The exterior rings of polygons, flattened for the kernel: their vertices (without the
    closing one) and the geometry of each, each ring's [start, end) and geometry; and per
    geometry every vertex of all its rings sorted by x (``bx``, ``by``; ``bid`` the exterior
    vertex's index, −1 for holes)."""

    def __init__(self, geoms: np.ndarray):
        self.geoms = geoms
        self.parts, self.part_of = shapely.get_parts(geoms, return_index=True)
        shells = shapely.get_exterior_ring(self.parts)
        xy, ring = shapely.get_coordinates(shells, return_index=True)
        last = np.r_[ring[1:] != ring[:-1], True]  # the closing vertex of each ring
        self.x, self.y = (np.ascontiguousarray(xy[~last, k]) for k in (0, 1))
        counts = np.bincount(ring[~last], minlength=len(shells))
        self.end = np.cumsum(counts).astype(np.int64)
        self.start = self.end - counts
        self.owner = self.part_of.astype(np.int64)
        self.vertex_geom = self.owner[ring[~last]]
        self._blockers(geoms, ring[~last])

    def _blockers(self, geoms, ring_of_vertex) -> None:
        """Every vertex of each geometry (exteriors and holes), sorted by (geometry, x)."""
        rings, ring_part = shapely.get_rings(self.parts, return_index=True)
        interior = np.r_[False, ring_part[1:] == ring_part[:-1]]  # each part's first: exterior
        hxy, h_ring = shapely.get_coordinates(rings[interior], return_index=True)
        geom = np.r_[self.part_of[ring_of_vertex],
                     self.part_of[ring_part[interior]][h_ring]].astype(np.int64)
        x, y = np.r_[self.x, hxy[:, 0]], np.r_[self.y, hxy[:, 1]]
        order = np.lexsort((x, geom))
        self.bx, self.by = np.ascontiguousarray(x[order]), np.ascontiguousarray(y[order])
        self.bid = np.r_[np.arange(len(self.x)), np.full(len(hxy), -1)][order].astype(np.int64)
        counts = np.bincount(geom, minlength=len(geoms))
        self.bend = np.cumsum(counts).astype(np.int64)
        self.bstart = self.bend - counts

    def rebuild(self, keep: np.ndarray) -> np.ndarray:
        """The geometries with their exterior rings cut down to the ``keep`` vertices."""
        ring = np.repeat(np.arange(len(self.start)), self.end - self.start)[keep]
        xy = np.column_stack([self.x, self.y])[keep]
        firsts = np.r_[0, np.flatnonzero(np.diff(ring)) + 1]
        closing = np.r_[firsts[1:], len(xy)]  # each ring closed on its first kept vertex
        shells = shapely.linearrings(np.insert(xy, closing, xy[firsts], axis=0),
                                     indices=np.insert(ring, closing, ring[firsts]))
        parts = shapely.polygons(shells)
        for i in np.flatnonzero(shapely.get_num_interior_rings(self.parts)):
            parts[i] = shapely.Polygon(shells[i], list(self.parts[i].interiors))
        out = shapely.multipolygons(parts, indices=self.part_of)
        single = np.flatnonzero(shapely.get_type_id(self.geoms) == 3)
        out[single] = parts[np.searchsorted(self.part_of, single)]
        return out


def warm_up() -> None:
    """Compile the kernel (or load it from numba's cache) now: processes forked afterwards
    inherit it."""
    notched = shapely.Polygon([(0, 0), (4, 0), (4, 4), (2, 3.9), (0, 4)])
    fill_notches(np.array([notched], dtype=object), 100.0)
