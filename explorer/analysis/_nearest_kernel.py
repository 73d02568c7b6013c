"""Compiled kernel of :mod:`nearest`: the nearest points of the paths of two geometries.

A geometry is a list of *paths* (polygon rings, lines, points), each a run of coordinates
``[start, end)``; its segments join consecutive coordinates of a path, and a path of one
coordinate (a point) is a segment of length 0.  For each pair the segments of ``b`` are taken
nearest-box first, and a segment is measured only while the gap between its bounding box and
the nearest one found so far can still beat it: the answer is the exact minimum over every
segment pair, found while measuring a few of them.
"""
from __future__ import annotations

import numba
import numpy as np

from .clip_area import boxes


@numba.njit(cache=True)
def nearest_pairs(ax, ay, ast, aen, af, al, bx, by, bst, ben, bf, bl, ia, ib, limit):
    """Planar distance between the paths of ``a[ia[p]]`` and ``b[ib[p]]`` and its two end
    points (x, y on ``a``, x, y on ``b``) for each pair p; ``inf`` and NaN points where the
    distance exceeds ``limit`` or a geometry is empty."""
    n = len(ia)
    dist = np.full(n, np.inf)
    ends = np.full((n, 4), np.nan)
    abox = boxes(ax, ay, ast, aen, af, al)
    most = 1
    for j in range(len(bf)):
        most = max(most, _n_segments(bst, ben, bf[j], bl[j]))
    gap = np.empty(most)
    seg = np.empty(most, np.int64)
    found = np.empty(5)
    for p in range(n):
        i, j = ia[p], ib[p]
        if al[i] == af[i] or bl[j] == bf[j]:
            continue
        m = _segment_gaps(bx, by, bst, ben, bf[j], bl[j], abox[i], gap, seg)
        found[:] = np.nan
        # a pair at exactly the limit may square one bit above limit²: prune a little wider
        found[0] = limit * limit * (1 + 1e-12) if limit < np.inf else np.inf
        first = np.argmin(gap[:m])
        _against_a(ax, ay, ast, aen, af[i], al[i], bx, by, seg[first], ben, found)
        for q in range(m):
            if q != first and gap[q] <= found[0]:
                _against_a(ax, ay, ast, aen, af[i], al[i], bx, by, seg[q], ben, found)
        if found[1] == found[1] and np.sqrt(found[0]) <= limit:  # found within the limit
            dist[p] = np.sqrt(found[0])
            ends[p, 0], ends[p, 1] = found[1], found[2]
            ends[p, 2], ends[p, 3] = found[3], found[4]
    return dist, ends


@numba.njit(cache=True)
def _n_segments(st, en, first, last):
    m = 0
    for r in range(first, last):
        m += max(1, en[r] - st[r] - 1)
    return m


@numba.njit(cache=True)
def _segment_gaps(bx, by, bst, ben, first, last, box, gap, seg):
    """Squared gap between ``box`` and the bounding box of each segment of one geometry of
    ``b``; the segment's first coordinate goes to ``seg`` (its path's end to ``ben``).
    Returns the number of segments."""
    m = 0
    for r in range(first, last):
        s, e = bst[r], ben[r]
        for k in range(s, max(s + 1, e - 1)):
            k2 = min(k + 1, e - 1)
            dx = max(0.0, box[0] - max(bx[k], bx[k2]), min(bx[k], bx[k2]) - box[2])
            dy = max(0.0, box[1] - max(by[k], by[k2]), min(by[k], by[k2]) - box[3])
            gap[m] = dx * dx + dy * dy
            seg[m] = k if e - s > 1 else -k - 1  # a point: encoded negative
            m += 1
    return m


@numba.njit(cache=True)
def _against_a(ax, ay, ast, aen, first, last, bx, by, k, ben, found):
    """Measure one segment of ``b`` (``k``: its first coordinate, negative for a point)
    against every segment of one geometry of ``a`` whose box may beat ``found[0]`` (squared
    distance), updating ``found`` = (d², ax, ay, bx, by)."""
    if k < 0:
        k = -k - 1
        k2 = k
    else:
        k2 = k + 1
    x1, y1, x2, y2 = bx[k], by[k], bx[k2], by[k2]
    sx0, sx1 = min(x1, x2), max(x1, x2)
    sy0, sy1 = min(y1, y2), max(y1, y2)
    for r in range(first, last):
        s, e = ast[r], aen[r]
        for h in range(s, max(s + 1, e - 1)):
            h2 = min(h + 1, e - 1)
            u1, v1, u2, v2 = ax[h], ay[h], ax[h2], ay[h2]
            dx = max(0.0, sx0 - max(u1, u2), min(u1, u2) - sx1)
            dy = max(0.0, sy0 - max(v1, v2), min(v1, v2) - sy1)
            if dx * dx + dy * dy > found[0]:
                continue
            _segments(u1, v1, u2, v2, x1, y1, x2, y2, found)


@numba.njit(cache=True)
def _segments(u1, v1, u2, v2, x1, y1, x2, y2, found):
    """Nearest points of segments (u1, v1)–(u2, v2) on a and (x1, y1)–(x2, y2) on b, kept in
    ``found`` when nearer than it."""
    o1 = (u2 - u1) * (y1 - v1) - (v2 - v1) * (x1 - u1)
    o2 = (u2 - u1) * (y2 - v1) - (v2 - v1) * (x2 - u1)
    o3 = (x2 - x1) * (v1 - y1) - (y2 - y1) * (u1 - x1)
    o4 = (x2 - x1) * (v2 - y1) - (y2 - y1) * (u2 - x1)
    if ((o1 > 0 and o2 < 0) or (o1 < 0 and o2 > 0)) and \
            ((o3 > 0 and o4 < 0) or (o3 < 0 and o4 > 0)):  # they cross
        t = o3 / (o3 - o4)
        px, py = u1 + t * (u2 - u1), v1 + t * (v2 - v1)
        _keep(0.0, px, py, px, py, found)
        return
    _point_to(x1, y1, u1, v1, u2, v2, found, True)
    _point_to(x2, y2, u1, v1, u2, v2, found, True)
    _point_to(u1, v1, x1, y1, x2, y2, found, False)
    _point_to(u2, v2, x1, y1, x2, y2, found, False)


@numba.njit(cache=True)
def _point_to(px, py, x1, y1, x2, y2, found, point_on_b):
    """Nearest point to (px, py) of segment (x1, y1)–(x2, y2), kept in ``found`` when nearer;
    ``point_on_b`` tells which geometry the point belongs to."""
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0
    if length2 > 0:
        t = min(1.0, max(0.0, ((px - x1) * dx + (py - y1) * dy) / length2))
    qx, qy = x1 + t * dx, y1 + t * dy
    d2 = (px - qx) * (px - qx) + (py - qy) * (py - qy)
    if point_on_b:
        _keep(d2, qx, qy, px, py, found)
    else:
        _keep(d2, px, py, qx, qy, found)


@numba.njit(cache=True)
def _keep(d2, ax, ay, bx, by, found):
    if d2 < found[0] or (d2 == found[0] and found[1] != found[1]):
        found[0], found[1], found[2], found[3], found[4] = d2, ax, ay, bx, by
