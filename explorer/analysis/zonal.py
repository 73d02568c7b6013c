"""Which pixels of a window a zone covers, and by how much.

Two rules for pixels on a zone's edge (``AnalysisSettings.pixel_rule``):

``"centre"``
    a pixel belongs to the zone, whole, when its centre lies inside the zone (GDAL's
    rasterize rule).  Weight 1 or 0.  Unbiased on average for large zones.
``"fraction"``
    each pixel is weighted by the share of its area inside the zone: 1 inside, 0 outside, and
    for pixels the zone's boundary crosses, area(pixel ∩ zone) / area(pixel) computed in the
    raster's own coordinates (exact for projected rasters; for a lon/lat raster the ratio of
    planar areas inside one small cell differs from the ellipsoidal ratio by less than the
    cell's latitude span in radians times tan(latitude), under 1e-5 for 30 m cells).

Points and lines cannot hold a pixel centre, so they take every pixel they touch, weight 1.
"""
from __future__ import annotations

import numpy as np
import shapely
from affine import Affine
from rasterio.features import geometry_mask, rasterize

from .pixel_area import apply_affine

__all__ = ["PIXEL_RULES", "zone_weights"]

PIXEL_RULES = ("centre", "fraction")
#: Zones with more vertices are clipped row by row before the pixel intersections.
_DIRECT_VERTICES = 5_000


def _mask(geom, shape, transform, all_touched: bool) -> np.ndarray:
    return geometry_mask([geom], out_shape=shape, transform=transform, invert=True,
                         all_touched=all_touched)


def _pixel_boxes(rows: np.ndarray, cols: np.ndarray, transform: Affine) -> np.ndarray:
    x0, y0 = apply_affine(transform, cols, rows)
    x1, y1 = apply_affine(transform, cols + 1, rows + 1)
    return shapely.box(np.minimum(x0, x1), np.minimum(y0, y1), np.maximum(x0, x1), np.maximum(y0, y1))


def _row_fractions(geom, rows, cols, transform) -> np.ndarray:
    """Covered share of the pixels (rows, cols), one raster row at a time: the zone is first
    clipped to the row's strip, so each intersection only sees a few of its vertices."""
    out = np.zeros(len(rows))
    boxes = _pixel_boxes(rows, cols, transform)
    for row in np.unique(rows):
        here = np.flatnonzero(rows == row)
        minx, miny, maxx, maxy = shapely.total_bounds(boxes[here])
        strip = shapely.clip_by_rect(geom, minx, miny, maxx, maxy)
        if strip.is_empty:
            continue
        cut = shapely.area(shapely.intersection(strip, boxes[here]))
        out[here] = cut / shapely.area(boxes[here])
    return np.clip(out, 0.0, 1.0)


def _fractions(geom, shape, transform) -> np.ndarray:
    weights = _mask(geom, shape, transform, all_touched=False).astype(float)
    edge = rasterize([(shapely.boundary(geom), 1)], out_shape=shape, transform=transform,
                     all_touched=True, fill=0, dtype="uint8").astype(bool)
    rows, cols = np.nonzero(edge)
    if not len(rows):
        return weights
    if shapely.get_num_coordinates(geom) <= _DIRECT_VERTICES:
        boxes = _pixel_boxes(rows, cols, transform)
        cut = shapely.area(shapely.intersection(geom, boxes)) / shapely.area(boxes)
        weights[rows, cols] = np.clip(cut, 0.0, 1.0)
    else:
        weights[rows, cols] = _row_fractions(geom, rows, cols, transform)
    return weights


def zone_weights(geom, shape: tuple[int, int], transform: Affine, rule: str = "centre") -> np.ndarray:
    """Weight (0..1) of every pixel of a ``shape`` window for the zone ``geom`` (same CRS).

    >>> from affine import Affine
    >>> import shapely
    >>> half = shapely.box(0, 0, 1, 2)      # covers the left half of the pixel (0..2, 0..2)
    >>> zone_weights(half, (1, 1), Affine(2, 0, 0, 0, -2, 2), "fraction").tolist()
    [[0.5]]
    """
    if rule not in PIXEL_RULES:
        raise ValueError(f"pixel rule must be one of {PIXEL_RULES}, got {rule!r}")
    if geom is None or geom.is_empty or 0 in shape:
        return np.zeros(shape)
    if shapely.get_dimensions(geom) < 2:
        return _mask(geom, shape, transform, all_touched=True).astype(float)
    if rule == "centre":
        return _mask(geom, shape, transform, all_touched=False).astype(float)
    return _fractions(geom, shape, transform)
