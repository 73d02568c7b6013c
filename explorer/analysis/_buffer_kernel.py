"""Compiled kernel of :mod:`convex_buffer`: outward buffers of convex rings, two passes (count
the points of each buffer, then place them)."""
from __future__ import annotations

import math

import numba
import numpy as np


@numba.njit(cache=True)
def _scratch(start, end):
    """Two arrays long enough for the vertices of the longest ring ``[start, end)``."""
    width = 1
    for p in range(len(start)):
        width = max(width, end[p] - start[p])
    return np.empty(width), np.empty(width)


@numba.njit(cache=True)
def _distinct(x, y, s, e, vx, vy) -> int:
    """The vertices of the closed ring ``[s, e)`` without the closing one and without
    repeats, into ``vx``, ``vy``; their number."""
    n = 0
    for k in range(s, e - 1):
        if n > 0 and x[k] == vx[n - 1] and y[k] == vy[n - 1]:
            continue
        vx[n] = x[k]
        vy[n] = y[k]
        n += 1
    while n > 1 and vx[n - 1] == vx[0] and vy[n - 1] == vy[0]:
        n -= 1
    return n


@numba.njit(cache=True)
def _counter_clockwise(vx, vy, n) -> bool:
    """Turn the first ``n`` vertices counter-clockwise (in place); False for a flat ring."""
    area = 0.0
    for i in range(n):
        j = (i + 1) % n
        area += vx[i] * vy[j] - vx[j] * vy[i]
    if area == 0.0:
        return False
    if area < 0.0:
        for i in range(n // 2):
            vx[i], vx[n - 1 - i] = vx[n - 1 - i], vx[i]
            vy[i], vy[n - 1 - i] = vy[n - 1 - i], vy[i]
    return True


@numba.njit(cache=True)
def _turn(vx, vy, n, i, straight_tol):
    """(turn in [0, 2π), angle of the normal before, notch?) at vertex ``i`` of a
    counter-clockwise ring: the turn between the outward normals of its two edges."""
    p, q = (i - 1) % n, (i + 1) % n
    ix, iy = vx[i] - vx[p], vy[i] - vy[p]
    ox, oy = vx[q] - vx[i], vy[q] - vy[i]
    cross = ix * oy - iy * ox
    straight = (abs(cross) <= straight_tol * math.hypot(ix, iy) * math.hypot(ox, oy)
                and ix * ox + iy * oy > 0)
    a_in = math.atan2(iy, ix) - math.pi / 2
    if straight:
        return 0.0, a_in, False
    turn = (math.atan2(oy, ox) - math.pi / 2 - a_in) % (2 * math.pi)
    return turn, a_in, cross < 0


@numba.njit(cache=True)
def _points(turn, quantum) -> int:
    """Points placed at a vertex: one where the ring goes straight on, else the ends and
    inner points of an arc cut in ``round(turn / quantum)`` segments (at least one)."""
    if turn == 0.0:
        return 1
    return max(int(math.floor(turn / quantum + 0.5)), 1) + 1


@numba.njit(cache=True)
def convex_counts(x, y, start, end, quantum, straight_tol):
    """Per closed ring ``[start, end)``: the number of coordinates of its buffer polygon
    (closing one included) when it is convex, else 0."""
    out = np.zeros(len(start), np.int64)
    vx, vy = _scratch(start, end)
    for p in range(len(start)):
        n = _distinct(x, y, start[p], end[p], vx, vy)
        if n < 3 or not _counter_clockwise(vx, vy, n):
            continue
        total, count, notch = 0.0, 1, False
        for i in range(n):
            turn, _, dent = _turn(vx, vy, n, i, straight_tol)
            notch = notch or dent
            total += turn
            count += _points(turn, quantum)
        if not notch and abs(total - 2 * math.pi) < 1e-6:
            out[p] = count
    return out


@numba.njit(cache=True)
def convex_fill(x, y, start, end, counts, offsets, distance, quantum, straight_tol, out):
    """Write the buffer polygon of each convex ring (``counts`` > 0, from
    :func:`convex_counts`) into ``out`` from row ``offsets[k]`` (k-th convex ring)."""
    vx, vy = _scratch(start, end)
    k = 0
    for p in range(len(start)):
        if counts[p] == 0:
            continue
        n = _distinct(x, y, start[p], end[p], vx, vy)
        _counter_clockwise(vx, vy, n)
        row = offsets[k]
        for i in range(n):
            turn, a_in, _ = _turn(vx, vy, n, i, straight_tol)
            m = _points(turn, quantum)
            step = turn / max(m - 1, 1)
            for j in range(m):
                angle = a_in + j * step
                out[row, 0] = vx[i] + distance * math.cos(angle)
                out[row, 1] = vy[i] + distance * math.sin(angle)
                row += 1
        out[row, 0] = out[offsets[k], 0]
        out[row, 1] = out[offsets[k], 1]
        k += 1
