"""The compiled kernel of :mod:`notches` (numba; imported on first use)."""
from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True)
def fill_rings(x, y, start, end, owner, bx, by, bid, bstart, bend, r, tol):
    """Which vertices of each ring ``x[start[k]:end[k]]`` are kept (:func:`notches.fill_notches`):
    ``bx``, ``by`` hold every vertex of geometry ``owner[k]`` at ``bstart:bend``, sorted by x
    (``bid``: their index in ``x``, −1 for holes); ``r`` the radius, ``tol`` the error allowed."""
    keep = np.ones(len(x), np.bool_)
    for k in range(len(start)):
        g = owner[k]
        _fill_ring(x, y, start[k], end[k], bx[bstart[g]:bend[g]], by[bstart[g]:bend[g]],
                   bid[bstart[g]:bend[g]], r, tol, keep)
    return keep


@numba.njit(cache=True)
def _fill_ring(x, y, s, e, bx, by, bid, r, tol, keep):
    """Fill the notches of the ring ``s:e`` (module :mod:`notches`), greedily, each removal
    putting the two neighbours back on the stack."""
    n = e - s
    if n < 4:
        return
    prev = np.empty(n, np.int64)
    nxt = np.empty(n, np.int64)
    for i in range(n):
        prev[i] = (i - 1) % n
        nxt[i] = (i + 1) % n
    sign = 1.0 if _shoelace(x, y, s, e) > 0 else -1.0
    stack = list(range(n - 1, -1, -1))
    left = n
    while len(stack) and left > 3:
        v = stack.pop()
        if not keep[s + v]:
            continue
        a, b = prev[v], nxt[v]
        if not _fillable(x, y, s, n, a, v, b, sign, bx, by, bid, r, tol, keep):
            continue
        keep[s + v] = False
        left -= 1
        nxt[a], prev[b] = b, a
        stack.append(a)
        stack.append(b)


@numba.njit(cache=True)
def _shoelace(x, y, s, e):
    """Twice the signed area of the ring ``s:e`` (no closing vertex): positive if CCW."""
    total = 0.0
    for i in range(s, e):
        j = i + 1 if i + 1 < e else s
        total += x[i] * y[j] - x[j] * y[i]
    return total


@numba.njit(cache=True)
def _fillable(x, y, s, n, a, v, b, sign, bx, by, bid, r, tol, keep):
    """Whether v (ring positions a, v, b) lies straight between its neighbours, or is concave
    with its filling within ``tol`` (by the chord's bound or by the depth of the ring's
    original vertices a..b about it) and its triangle free of any other vertex."""
    ax, ay, vx, vy, cx, cy = x[s + a], y[s + a], x[s + v], y[s + v], x[s + b], y[s + b]
    turn = sign * ((vx - ax) * (cy - vy) - (vy - ay) * (cx - vx))
    if turn == 0.0:  # straight on: a vertex that shapes nothing
        return (vx - ax) * (cx - vx) + (vy - ay) * (cy - vy) > 0.0
    if turn > 0.0:
        return False  # convex: filling would cut the subject
    if not _chord_within(ax, ay, cx, cy, r, tol) and _depth(x, y, s, n, a, b) > tol:
        return False
    return not _blocked(ax, ay, vx, vy, cx, cy, turn * sign, s + a, s + v, s + b, bx, by, bid,
                        keep)


@numba.njit(cache=True)
def _chord_within(ax, ay, cx, cy, r, tol):
    """Whether every point within r of the chord a c lies within r + ``tol`` of a or c."""
    quarter = ((cx - ax) ** 2 + (cy - ay) ** 2) / 4.0
    return quarter / (np.sqrt(r * r + quarter) + r) <= tol


@numba.njit(cache=True)
def _depth(x, y, s, n, a, b):
    """Largest distance of the ring's vertices a..b (in ring order) from the line a b."""
    ax, ay = x[s + a], y[s + a]
    dx, dy = x[s + b] - ax, y[s + b] - ay
    length = np.sqrt(dx * dx + dy * dy)
    if length == 0.0:
        return np.inf
    deepest = 0.0
    i = a
    while i != b:
        deepest = max(deepest, abs(dx * (y[s + i] - ay) - dy * (x[s + i] - ax)) / length)
        i = (i + 1) % n
    return deepest


@numba.njit(cache=True)
def _blocked(ax, ay, vx, vy, cx, cy, turn, ia, iv, ic, bx, by, bid, keep):
    """Whether a vertex (``bx``, ``by`` sorted by x) lies in the closed triangle a v c (whose
    orientation has the sign of ``turn``), other than a, v, c themselves and the ring's
    vertices already removed (they lie inside the filled outline)."""
    lo, hi = min(ax, vx, cx), max(ax, vx, cx)
    ylo, yhi = min(ay, vy, cy), max(ay, vy, cy)
    k = np.searchsorted(bx, lo)
    while k < len(bx) and bx[k] <= hi:
        px, py, pid = bx[k], by[k], bid[k]
        k += 1
        if py < ylo or py > yhi or pid == ia or pid == iv or pid == ic:
            continue
        if pid >= 0 and not keep[pid]:
            continue
        d1 = (vx - ax) * (py - ay) - (vy - ay) * (px - ax)
        d2 = (cx - vx) * (py - vy) - (cy - vy) * (px - vx)
        d3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx)
        if turn > 0 and d1 >= 0 and d2 >= 0 and d3 >= 0:
            return True
        if turn < 0 and d1 <= 0 and d2 <= 0 and d3 <= 0:
            return True
    return False
