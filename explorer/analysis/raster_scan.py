"""Which pixels of a window have their centre inside a polygon, as row spans, without a mask.

The rule is GDAL's rasterizer's (``all_touched=False``, what :func:`rasterio.features.rasterize`
does): on the line through the centres of row ``r`` (``y = r + 0.5`` in pixel coordinates), the
polygon's edges are cut where ``y1 <= y < y2`` (the lower end counts, the upper does not), the
cuts are sorted and taken in pairs (even-odd, so holes and parts come out right), and a pair
``(xa, xb)`` holds the columns ``floor(xa + 0.5) .. floor(xb + 0.5) - 1``.

Computed here from the edges alone, the cost grows with the number of rows and vertices, not
with the number of pixels.  Floating-point rounding can only change a pixel whose centre lies
on the boundary itself (a cut within :data:`TIE` of a pixel centre, or a vertex within
:data:`TIE` of a centre line); when any such tie occurs the function returns None and the
caller asks GDAL instead, so the pixels are always GDAL's.
"""
from __future__ import annotations

import numpy as np
import shapely
from affine import Affine

__all__ = ["centre_spans", "TIE"]

#: Distance (in pixels) from a pixel centre under which a cut or a vertex counts as a tie.
TIE = 1e-6


def _near_half(values: np.ndarray) -> np.ndarray:
    """Which values lie within TIE of k + 0.5 for an integer k."""
    return np.abs((values - 0.5) - np.round(values - 0.5)) < TIE


def _edges(geoms, transform: Affine):
    """Vertices of every ring of ``geoms`` (polygons or None) in pixel coordinates, which
    consecutive vertices form an edge, and the zone of each edge."""
    parts, zone = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    px = (coords[:, 0] - transform.c) / transform.a
    py = (coords[:, 1] - transform.f) / transform.e
    same = ring[1:] == ring[:-1]
    return px, py, same, zone[ring_part[ring[:-1][same]]]


def _cut_order(zone: np.ndarray, row: np.ndarray, x: np.ndarray, h: int) -> np.ndarray:
    """``np.lexsort((x, row, zone))`` (rows ``0 <= row < h``) in a fraction of its time: one
    stable sort by zone and row, then only the groups of cuts sharing both are put in x
    order (stably), pairs (nearly all of them) by a swap."""
    key = zone.astype(np.int64) * h + row
    order = np.argsort(key, kind="stable")
    key = key[order]
    start = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    size = np.diff(np.r_[start, len(key)])
    pair = start[size == 2]
    swap = pair[x[order[pair + 1]] < x[order[pair]]]
    order[swap], order[swap + 1] = order[swap + 1], order[swap].copy()
    longer = size > 2
    if longer.any():
        first, count = start[longer], size[longer]
        at = np.repeat(first - (np.cumsum(count) - count), count) + np.arange(count.sum())
        members = order[at]
        order[at] = members[np.lexsort((x[members], key[at]))]
    return order


def centre_spans(geoms, transform: Affine, shape: tuple[int, int]):
    """Row spans of the pixels whose centre is inside each of ``geoms`` (polygons, in the
    window's CRS): arrays ``(zone, row, col0, col1)`` with ``col1`` exclusive, and a boolean
    array ``gdal`` marking the zones left for GDAL to decide (a tie, or not a polygon; they
    have no span).  None when the transform is rotated."""
    if transform.b or transform.d or not transform.a or not transform.e:
        return None
    geoms = np.asarray(geoms, dtype=object)
    gdal = ~np.isin(shapely.get_type_id(geoms), (3, 6))
    px, py, same, zone = _edges(np.where(gdal, None, geoms), transform)
    h, w = shape
    gdal[zone[_near_half(py[:-1][same])]] = True
    x1, y1 = px[:-1][same], py[:-1][same]
    x2, y2 = px[1:][same], py[1:][same]
    lo, hi = np.minimum(y1, y2), np.maximum(y1, y2)
    first = np.maximum(np.ceil(lo - 0.5), 0).astype(np.int64)      # rows with lo <= r + .5
    last = np.minimum(np.ceil(hi - 0.5), h).astype(np.int64)       # ... and r + .5 < hi
    count = np.maximum(last - first, 0)
    edge = np.repeat(np.arange(len(count)), count)
    row = np.arange(len(edge)) - np.repeat(np.cumsum(count) - count, count) + first[edge]
    yc = row + 0.5
    x = x1[edge] + (yc - y1[edge]) * (x2[edge] - x1[edge]) / (y2[edge] - y1[edge])
    z = zone[edge]
    gdal[z[_near_half(x)]] = True
    order = _cut_order(z, row, x, h)
    x, row, z = x[order], row[order], z[order]
    starts = np.flatnonzero(np.r_[True, (row[1:] != row[:-1]) | (z[1:] != z[:-1])])
    odd = np.diff(np.r_[starts, len(x)]) % 2 == 1
    gdal[z[starts[odd]]] = True                  # cannot happen for closed rings; be safe
    keep = ~gdal[z]
    x, row, z = x[keep], row[keep], z[keep]
    col0 = np.clip(np.floor(x[0::2] + 0.5), 0, w).astype(np.int64)
    col1 = np.clip(np.floor(x[1::2] + 0.5), 0, w).astype(np.int64)
    filled = col1 > col0
    return z[0::2][filled], row[0::2][filled], col0[filled], col1[filled], gdal
