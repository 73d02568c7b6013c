"""Outward buffers of convex polygons, built by a compiled kernel instead of by GEOS.

The buffer of a convex polygon by a distance d is its Minkowski sum with a disc: each edge
moved out by d, and at each vertex an arc of radius d from the normal of the edge before it
to the normal of the edge after it.  GEOS gets there through its general machinery (offset
curves, noding, polygon building), about 20 µs per title on this machine; the kernel
(:mod:`_buffer_kernel`) places the arcs directly, a few µs per title.

The arcs are cut as GEOS cuts them (``OffsetSegmentGenerator::addDirectedFillet``): a turn of
θ gets ``round(θ / (π / (2·quad_segs)))`` equal segments (none when that rounds to 0: the two
moved edges are then joined straight), so the polygons are GEOS's own up to rounding (tested),
except that GEOS drops offset points closer together than about 1e-4·d (an edge shorter than
that): the two then differ by up to about 5e-6·d, this one nearer the exact buffer.
Only polygons without holes whose turns all go one way are built here; :func:`convex_buffers`
leaves the others (None) for GEOS.
"""
from __future__ import annotations

import numpy as np
import shapely

from .ragged import offsets_of, polygon_rings

__all__ = ["convex_buffers", "warm_up"]

#: A turn whose cross product is this small against the product of its edge lengths counts
#: as straight.  0: only exactly collinear vertices do, and the slightest turn to the right is
#: a notch (the polygon goes to GEOS).  A tolerance would let a reflex turn of 1e-10 rad
#: followed by an edge shorter than d·1e-10 place its arc point behind the next one, and the
#: ring would cross itself (found by an independent review).
STRAIGHT = 0.0


def convex_buffers(geoms, distance: float, quad_segs: int = 16) -> np.ndarray:
    """``shapely.buffer(geoms, distance, quad_segs=quad_segs)`` (``distance`` > 0) for the
    convex Polygons without holes among ``geoms``; None for every other geometry."""
    from ._buffer_kernel import convex_counts, convex_fill  # compiled on first use

    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    cand = np.flatnonzero((shapely.get_type_id(geoms) == 3) & ~shapely.is_empty(geoms)
                          & (shapely.get_num_interior_rings(geoms) == 0))
    if not len(cand) or not distance > 0:
        return out
    xy, sizes, _ = polygon_rings(geoms[cand])  # one ring each
    x, y = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])
    end = np.cumsum(sizes)
    start = end - sizes
    quantum = np.pi / 2 / quad_segs
    counts = convex_counts(x, y, start, end, quantum, STRAIGHT)
    convex = counts > 0
    if not convex.any():
        return out
    offsets = offsets_of(counts[convex])
    coords = np.empty((offsets[-1], 2))
    convex_fill(x, y, start, end, counts, offsets, float(distance), quantum, STRAIGHT, coords)
    out[cand[convex]] = shapely.from_ragged_array(
        shapely.GeometryType.POLYGON, coords, (offsets, np.arange(int(convex.sum()) + 1)))
    return out


def warm_up() -> None:
    """Compile or load the kernel in this process (before it forks workers)."""
    convex_buffers(np.array([shapely.box(0, 0, 1, 1)], dtype=object), 1.0)
