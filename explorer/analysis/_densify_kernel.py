"""Compiled kernels of :func:`geodesy.densify_edges`: how many pieces each edge is cut into,
and the points of straight lon/lat edges cut so (one pass each over the coordinates)."""
from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True)
def edge_pieces(x, y, offsets, max_m):
    """Pieces of the edge from coordinate k to k + 1 of each path (``offsets``: each path's
    first coordinate, then the end): its approximate length over the longest edge kept at its
    latitude (:func:`geodesy.edge_step_m`), rounded up with 2 % to spare; 1 for the last
    coordinate of a path."""
    out = np.ones(len(x), np.int64)
    tan60 = np.tan(np.radians(60.0))
    for r in range(len(offsets) - 1):
        for k in range(offsets[r], offsets[r + 1] - 1):
            lat = max(abs(y[k]), abs(y[k + 1]))
            dx = abs(x[k + 1] - x[k]) * np.cos(np.radians(lat)) * 111_320.0
            dy = (y[k + 1] - y[k]) * 110_574.0
            tan = np.tan(np.radians(min(lat, 89.0)))
            factor = min(max(np.sqrt(tan60 / max(tan, 1e-12)), 1.0), 8.0)
            out[k] = max(int(np.ceil(np.hypot(dx, dy) / (max_m * factor) * 1.02)), 1)
    return out


@numba.njit(cache=True)
def straight_points(x, y, pieces):
    """The coordinates with ``pieces[k] - 1`` points inserted at equal steps on the straight
    segment from coordinate k to k + 1."""
    total = 0
    for k in range(len(pieces)):
        total += pieces[k]
    out = np.empty((total, 2))
    m = 0
    for k in range(len(x)):
        out[m, 0], out[m, 1] = x[k], y[k]
        m += 1
        for j in range(1, pieces[k]):
            f = j / pieces[k]
            out[m, 0] = x[k] + (x[k + 1] - x[k]) * f
            out[m, 1] = y[k] + (y[k + 1] - y[k]) * f
            m += 1
    return out
