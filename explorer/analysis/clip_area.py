"""Area and centroid of polygon ∩ polygon without building the intersection.

By Green's theorem the area of A ∩ B is the integral of ½(x dy − y dx) around its boundary,
and that boundary is made of the parts of A's boundary inside B and the parts of B's boundary
inside A.  Each edge is cut where it crosses the other polygon's edges (found through
horizontal bands of those edges), the parts inside are integrated, and the first moments
(∮ ½x² dy, −∮ ½y² dx) give the centroid.  Whether the first part of a ring is inside is a
crossing-number test; it then flips at every crossing.  Rings are taken with a sign that
makes exteriors counter-clockwise and holes clockwise.

A pair is *degenerate* when an orientation test between candidate edges is exactly zero (a
vertex on the other boundary, collinear shared edges): parities may then be wrong, so those
pairs are measured with GEOS instead.  On 40,000 (ring, feature piece) pairs of the national
benchmark the areas equal GEOS's within 1.5e-8 (relative) and the centroids within 0.1 mm.  Only
the edges inside the two polygons' shared bounding box are walked (an edge outside it is outside
the other polygon): in the ring pass the areas take 1.1 s per 25,000 titles (GEOS: 5.0 s).
"""
from __future__ import annotations

import numba
import numpy as np
import shapely

from .ragged import polygon_rings

__all__ = ["intersection_moments", "FlatPolygons", "warm_up", "boxes"]


def intersection_moments(a, ia: np.ndarray, b, ib: np.ndarray):
    """Area and centroid (x, y) of ``a[ia[k]] ∩ b[ib[k]]`` for each k (planar; polygons).
    ``a`` and ``b`` are arrays of geometries or :class:`FlatPolygons` (flattened once for
    many calls).

    Returns ``(area, cx, cy)``; the centroid is NaN where the area is 0."""
    fa, ia = _flat(a, ia)
    fb, ib = _flat(b, ib)
    area, mx, my, bad = _pairs(*fa.arrays(), *fb.arrays(), ia, ib)
    if bad.any():
        geoms = shapely.intersection(fa.geoms[ia[bad]], fb.geoms[ib[bad]])
        centre = shapely.centroid(geoms)
        area[bad] = shapely.area(geoms)
        mx[bad] = shapely.get_x(centre) * area[bad]  # NaN for an empty intersection: 0 × NaN
        my[bad] = shapely.get_y(centre) * area[bad]
    with np.errstate(invalid="ignore", divide="ignore"):
        cx = np.where(area > 0, mx / area, np.nan)
        cy = np.where(area > 0, my / area, np.nan)
    return area, cx, cy


def warm_up() -> None:
    """Compile the kernel (or load it from numba's cache) now: processes forked afterwards
    inherit it instead of each compiling or loading it again."""
    one = np.zeros(1, np.int64)
    intersection_moments(np.array([shapely.box(0, 0, 2, 2)], dtype=object), one,
                         np.array([shapely.box(1, 1, 3, 3)], dtype=object), one)


def _flat(geoms, index) -> tuple["FlatPolygons", np.ndarray]:
    """``geoms`` flattened (only the geometries ``index`` uses, unless already flat) and the
    index into the flattened ones."""
    if isinstance(geoms, FlatPolygons):
        return geoms, np.asarray(index, dtype=np.int64)
    used, inverse = np.unique(index, return_inverse=True)
    return FlatPolygons(np.asarray(geoms, dtype=object)[used]), inverse.astype(np.int64)


class FlatPolygons:
    """Polygons (Polygon or MultiPolygon; anything else has no rings) as the kernel reads
    them: coordinates, each ring's [start, end) and sign (+1 for exteriors, −1 for holes,
    whichever way they turn), each geometry's rings [first, last)."""

    def __init__(self, geoms):
        self.geoms = np.asarray(geoms, dtype=object)
        parts, part_of = shapely.get_parts(self.geoms, return_index=True)
        polys = shapely.get_type_id(parts) == 3
        parts, part_of = parts[polys], part_of[polys]
        xy, counts, ring_of = polygon_rings(parts)
        self.end = np.cumsum(counts)
        exterior = np.r_[True, ring_of[1:] != ring_of[:-1]] if len(counts) else np.zeros(0, bool)
        per_geom = np.bincount(part_of[ring_of], minlength=len(self.geoms))
        self.last = np.cumsum(per_geom)
        self.first = self.last - per_geom
        self.x, self.y = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])
        self.start = self.end - counts
        ccw = _signed_areas(self.x, self.y, self.start, self.end) > 0
        self.sign = np.where(ccw == exterior, 1.0, -1.0)

    def arrays(self) -> tuple:
        """The arrays the compiled kernel takes."""
        return self.x, self.y, self.start, self.end, self.sign, self.first, self.last


@numba.njit(cache=True)
def _signed_areas(x, y, start, end):
    """Signed (shoelace) area of each ring: positive when counter-clockwise."""
    out = np.zeros(len(start))
    for r in range(len(start)):
        s = 0.0
        for k in range(start[r], end[r] - 1):
            s += x[k] * y[k + 1] - x[k + 1] * y[k]
        out[r] = s / 2
    return out


@numba.njit(cache=True)
def _pairs(ax, ay, ast, aen, asg, af, al, bx, by, bst, ben, bsg, bf, bl, ia, ib):
    """Area, x and y moments of each pair ``a[ia[p]] ∩ b[ib[p]]``, and whether an exact
    contact makes them doubtful (the caller then asks GEOS)."""
    n = len(ia)
    area, mx, my = np.zeros(n), np.zeros(n), np.zeros(n)
    bad = np.zeros(n, np.bool_)
    ts = np.empty(1 << 16)
    cnt = np.empty(1 << 12, np.int64)
    first = np.empty(1 << 12, np.int64)
    ent = np.empty(1 << 20, np.int64)
    lowest = np.empty(1 << 20, np.int64)
    abox = boxes(ax, ay, ast, aen, af, al)
    bbox = boxes(bx, by, bst, ben, bf, bl)
    for p in range(n):
        i, j = ia[p], ib[p]
        if al[i] == af[i] or bl[j] == bf[j]:
            continue
        ox, oy = ax[ast[af[i]]], ay[ast[af[i]]]
        box = np.empty(4)
        box[0] = max(abox[i, 0], bbox[j, 0]) - ox
        box[1] = max(abox[i, 1], bbox[j, 1]) - oy
        box[2] = min(abox[i, 2], bbox[j, 2]) - ox
        box[3] = min(abox[i, 3], bbox[j, 3]) - oy
        if box[0] > box[2] or box[1] > box[3]:
            continue  # boxes apart: no intersection
        a1, x1, y1, d1 = _walk(ax, ay, ast[af[i]:al[i]], aen[af[i]:al[i]], asg[af[i]:al[i]],
                               bx, by, bst[bf[j]:bl[j]], ben[bf[j]:bl[j]], ox, oy, box,
                               ts, cnt, first, ent, lowest)
        a2, x2, y2, d2 = _walk(bx, by, bst[bf[j]:bl[j]], ben[bf[j]:bl[j]], bsg[bf[j]:bl[j]],
                               ax, ay, ast[af[i]:al[i]], aen[af[i]:al[i]], ox, oy, box,
                               ts, cnt, first, ent, lowest)
        bad[p] = d1 or d2
        area[p] = a1 + a2
        mx[p] = (x1 + x2) / 6.0 + ox * area[p]
        my[p] = (y1 + y2) / 6.0 + oy * area[p]
    return area, mx, my, bad


@numba.njit(cache=True)
def boxes(x, y, rs, re, first, last):
    """Bounding box (xmin, ymin, xmax, ymax) of each geometry's rings (or paths: coordinates
    ``[rs[r], re[r])`` of ring r, rings ``[first[g], last[g])`` of geometry g)."""
    out = np.empty((len(first), 4))
    for g in range(len(first)):
        out[g, 0] = out[g, 1] = 1e300
        out[g, 2] = out[g, 3] = -1e300
        for r in range(first[g], last[g]):
            for k in range(rs[r], re[r]):
                out[g, 0] = min(out[g, 0], x[k])
                out[g, 1] = min(out[g, 1], y[k])
                out[g, 2] = max(out[g, 2], x[k])
                out[g, 3] = max(out[g, 3], y[k])
    return out


@numba.njit(cache=True)
def _walk(ax, ay, ars, are, asg, bx, by, brs, bre, ox, oy, box, ts, cnt, start, ent, elo):
    """Green's integrals (area, 6·x moment, 6·y moment) over the parts of rings ``a`` inside
    polygon ``b``, and whether an exact contact made them doubtful.  ``b``'s edges are first
    sorted into horizontal bands.  One function on purpose: split into helpers, numba ran it
    twice as slowly."""
    bx0, by0, bx1, by1 = box[0], box[1], box[2], box[3]
    y0, y1 = by0, by1
    m = 0
    for rb in range(len(brs)):
        m += bre[rb] - brs[rb] - 1
    K = max(1, min(len(cnt) - 2, int(np.sqrt(m))))
    h = (y1 - y0) / K if y1 > y0 else 1.0
    for b in range(K + 1):
        cnt[b] = 0
    for rb in range(len(brs)):
        for j in range(brs[rb], bre[rb] - 1):
            a, c = by[j] - oy, by[j + 1] - oy
            if (max(a, c) < by0 or min(a, c) > by1
                    or max(bx[j], bx[j + 1]) - ox < bx0 or min(bx[j], bx[j + 1]) - ox > bx1):
                continue
            lo = _band(min(a, c), y0, h, K)
            hi = _band(max(a, c), y0, h, K)
            cnt[lo + 1:hi + 2] += 1
    for b in range(K):
        cnt[b + 1] += cnt[b]
    if cnt[K] > len(ent):
        return 0.0, 0.0, 0.0, True
    for b in range(K + 1):
        start[b] = cnt[b]
    for rb in range(len(brs)):
        for j in range(brs[rb], bre[rb] - 1):
            a, c = by[j] - oy, by[j + 1] - oy
            if (max(a, c) < by0 or min(a, c) > by1
                    or max(bx[j], bx[j + 1]) - ox < bx0 or min(bx[j], bx[j + 1]) - ox > bx1):
                continue
            lo = _band(min(a, c), y0, h, K)
            hi = _band(max(a, c), y0, h, K)
            for b in range(lo, hi + 1):
                ent[cnt[b]] = j
                elo[cnt[b]] = lo
                cnt[b] += 1
    area = 0.0
    mx = 0.0
    my = 0.0
    doubt = False
    for r in range(len(ars)):
        s, e, sign = ars[r], are[r], asg[r]
        edges = e - 1 - s
        k0 = -1
        for k in range(s, e - 1):  # start outside the box: known to be outside b
            if (ax[k] - ox < bx0 or ax[k] - ox > bx1 or ay[k] - oy < by0
                    or ay[k] - oy > by1):
                k0 = k
                break
        if k0 < 0:
            k0 = s
            inside = _inside(ax[s] - ox, ay[s] - oy, bx, by, brs, bre, ox, oy)
        else:
            inside = False
        for step in range(edges):
            k = k0 + step
            if k >= e - 1:
                k -= edges
            px, py, qx, qy = ax[k] - ox, ay[k] - oy, ax[k + 1] - ox, ay[k + 1] - oy
            exmin, exmax = min(px, qx), max(px, qx)
            eymin, eymax = min(py, qy), max(py, qy)
            if exmax < bx0 or exmin > bx1 or eymax < by0 or eymin > by1:
                continue  # outside the box: outside b, no crossing
            n = 0
            # the edge meets the box: its bands, clamped to the grid's
            blo = _band(eymin, y0, h, K)
            bhi = _band(eymax, y0, h, K)
            for b in range(blo, bhi + 1):
                for q in range(start[b], start[b + 1]):
                    if b != max(blo, elo[q]):
                        continue  # met in a lower band
                    j = ent[q]
                    cx, cy, dx, dy = bx[j] - ox, by[j] - oy, bx[j + 1] - ox, by[j + 1] - oy
                    if (max(cx, dx) < exmin or min(cx, dx) > exmax
                            or max(cy, dy) < eymin or min(cy, dy) > eymax):
                        continue
                    o1 = (dx - cx) * (py - cy) - (dy - cy) * (px - cx)
                    o2 = (dx - cx) * (qy - cy) - (dy - cy) * (qx - cx)
                    if (o1 > 0) == (o2 > 0) and o1 != 0 and o2 != 0:
                        continue
                    o3 = (qx - px) * (cy - py) - (qy - py) * (cx - px)
                    o4 = (qx - px) * (dy - py) - (qy - py) * (dx - px)
                    if (o3 > 0) == (o4 > 0) and o3 != 0 and o4 != 0:
                        continue
                    if o1 == 0 or o2 == 0 or o3 == 0 or o4 == 0:
                        doubt = True  # a vertex on the other boundary: GEOS decides
                        continue
                    ts[n] = o1 / (o1 - o2)
                    n += 1
            for i in range(1, n):  # insertion sort: a handful of crossings per edge
                v = ts[i]
                w = i - 1
                while w >= 0 and ts[w] > v:
                    ts[w + 1] = ts[w]
                    w -= 1
                ts[w + 1] = v
            t0 = 0.0
            for i in range(n + 1):
                t1 = ts[i] if i < n else 1.0
                if inside:
                    ux, uy = px + t0 * (qx - px), py + t0 * (qy - py)
                    wx, wy = px + t1 * (qx - px), py + t1 * (qy - py)
                    area += sign * 0.5 * (ux * wy - wx * uy)
                    mx += sign * (wy - uy) * (ux * ux + ux * wx + wx * wx)
                    my -= sign * (wx - ux) * (uy * uy + uy * wy + wy * wy)
                if i < n:
                    inside = not inside
                t0 = t1
    return area, mx, my, doubt


@numba.njit(cache=True)
def _band(y, y0, h, k):
    """The band (0 to k − 1) of ordinate ``y`` in a grid of bands of height ``h`` from
    ``y0``, clamped while still a float (a far ordinate must not overflow the integer)."""
    return int(min(k - 1.0, max(0.0, (y - y0) / h)))


@numba.njit(cache=True)
def _inside(x, y, bx, by, bst, ben, ox, oy):
    """Crossing-number test of (x, y) against polygon ``b``."""
    inside = False
    for r in range(len(bst)):
        for k in range(bst[r], ben[r] - 1):
            x1, y1, x2, y2 = bx[k] - ox, by[k] - oy, bx[k + 1] - ox, by[k + 1] - oy
            if (y1 > y) != (y2 > y) and x1 + (y - y1) * (x2 - x1) / (y2 - y1) > x:
                inside = not inside
    return inside
