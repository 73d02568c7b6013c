"""Nearest points of pairs of planar geometries, for distances in a local frame.

:func:`nearest_points` gives, for each pair (a, b), the planar distance between their
boundaries (polygon rings, lines, points) and the two points where it is reached: what
``shapely.shortest_line`` gives for geometries that do not intersect, in one compiled pass
(:mod:`_nearest_kernel`) instead of a GEOS facet index per pair.  It does not look inside
polygons: the caller decides first which pairs intersect (their distance is 0).
``limit`` skips the pairs farther apart than it, cheaply (a distance-within test).
"""
from __future__ import annotations

import numpy as np
import shapely

from .ragged import offsets_of, polygon_rings

__all__ = ["FlatPaths", "nearest_points", "warm_up"]


def _reordered(xy: np.ndarray, sizes: np.ndarray, order: np.ndarray):
    """The blocks of ``sizes[k]`` consecutive rows of ``xy`` put in the order ``order``,
    and their sizes in that order."""
    starts = offsets_of(sizes)[:-1]
    sizes = sizes[order]
    rows = np.repeat(starts[order] - offsets_of(sizes)[:-1], sizes) + np.arange(sizes.sum())
    return xy[rows], sizes


class FlatPaths:
    """Geometries as the kernel reads them: coordinates ``x``, ``y``; each path's coordinates
    ``[start, end)`` (rings, lines and points, empty ones left out); each geometry's paths
    ``[first, last)``."""

    def __init__(self, geoms):
        geoms = np.asarray(geoms, dtype=object)
        parts, part_of = _simple_parts(geoms)
        polygon = shapely.get_type_id(parts) == 3
        ring_xy, ring_sizes, ring_of = polygon_rings(parts[polygon])
        others = parts[~polygon]
        owner = np.concatenate([part_of[polygon][ring_of], part_of[~polygon]])
        order = np.argsort(owner, kind="stable")  # each geometry's rings, then its lines
        owner = owner[order]
        xy, counts = _reordered(np.concatenate([ring_xy, shapely.get_coordinates(others)]),
                                np.r_[ring_sizes, shapely.get_num_coordinates(others)], order)
        used = counts > 0
        self.end = np.cumsum(counts[used])
        self.start = self.end - counts[used]
        self.last = np.cumsum(np.bincount(owner[used], minlength=len(geoms)))
        self.first = np.r_[0, self.last][:-1].astype(self.last.dtype)
        self.x, self.y = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])

    def n_coords(self) -> np.ndarray:
        """Number of coordinates of each geometry."""
        ends = np.r_[0, self.end]
        return ends[self.last] - ends[self.first]

    def arrays(self) -> tuple:
        """The arrays the compiled kernel takes."""
        return self.x, self.y, self.start, self.end, self.first, self.last


def _simple_parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points, lines and polygons inside ``geoms`` (through multi-parts and nested
    collections) and the geometry each belongs to."""
    parts, owner = geoms, np.arange(len(geoms))
    while len(parts) and (shapely.get_type_id(parts) >= 4).any():
        sub, idx = shapely.get_parts(parts, return_index=True)
        parts, owner = sub, owner[idx]
    return parts, owner


def nearest_points(a: FlatPaths, ia, b: FlatPaths, ib, limit: float = np.inf):
    """Planar distance between the paths of ``a`` geometry ``ia[k]`` and ``b`` geometry
    ``ib[k]`` for each k, and its end points: ``(dist, ends)`` with ``ends[k]`` = (x, y on
    a, x, y on b).  Pairs farther apart than ``limit`` (and pairs with an empty geometry)
    get ``inf`` and NaN ends."""
    from ._nearest_kernel import nearest_pairs  # compiled on first use

    ia, ib = np.asarray(ia, np.int64), np.asarray(ib, np.int64)
    # the kernel prunes the segments of its second geometry: give it the one with more
    swap = a.n_coords()[ia] > b.n_coords()[ib]
    dist, ends = np.empty(len(ia)), np.empty((len(ia), 4))
    keep = ~swap
    dist[keep], ends[keep] = nearest_pairs(*a.arrays(), *b.arrays(), ia[keep], ib[keep],
                                           float(limit))
    if swap.any():
        d, e = nearest_pairs(*b.arrays(), *a.arrays(), ib[swap], ia[swap], float(limit))
        dist[swap], ends[swap] = d, e[:, [2, 3, 0, 1]]
    return dist, ends


def warm_up() -> None:
    """Compile the kernel (or load it from numba's cache) before workers are forked."""
    one = FlatPaths(np.array([shapely.box(0, 0, 1, 1)], dtype=object))
    nearest_points(one, [0], one, [0], 1.0)
