"""Class areas of zones in one window, fast.

Nested zones (a subject and its rings, centre rule) share one labelled pass:
:func:`labelled_sums`.  Other zones go through :class:`ClassCounter`:

Weights are 0/1 under the centre rule, so a zone's class sums are two ``bincount`` calls
over its pixels.  When a zone covers more than half of its window, the sums over the pixels
*outside* it are subtracted from the window's cached totals instead, which halves the work
at worst and makes large rings (that cover most of a raster) cheap.
"""
from __future__ import annotations

import numpy as np

from .raster_io import Block
from .zonal import zone_weights

__all__ = ["ClassCounter", "labelled_sums", "nested_class_sums"]

_MAX_CODE = 1 << 17


def _sums(values: np.ndarray, weights: np.ndarray | None, area_m2: np.ndarray, size: int):
    pixels = np.bincount(values, weights=weights, minlength=size).astype(float)
    area = np.bincount(values, weights=area_m2 if weights is None else weights * area_m2,
                       minlength=size)
    return pixels, area


class ClassCounter:
    """Class sums per zone, reusing each window's totals (keyed by transform and shape)."""

    def __init__(self) -> None:
        self._totals: dict = {}

    def _block_totals(self, block: Block, valid: np.ndarray, size: int):
        key = (tuple(block.transform)[:6], block.data.shape, size)
        if key not in self._totals:
            values = np.asarray(block.data)[valid]
            self._totals[key] = _sums(values, None, block.areas_m2[valid], size)
        return self._totals[key]

    def sums(self, geom, block: Block, rule: str):
        """(classes, weighted pixel counts, areas in m²) of the zone's valid pixels."""
        data = np.asarray(block.data)
        valid = ~np.ma.getmaskarray(block.data)
        if not valid.any():
            return np.empty(0, int), np.empty(0), np.empty(0)
        if data.dtype.kind not in "iu" or data[valid].min() < 0 or data[valid].max() >= _MAX_CODE:
            return self._generic(geom, block, rule, valid)
        size = int(data[valid].max()) + 1
        weights = zone_weights(geom, data.shape, block.transform, rule)
        binary = rule == "centre" or not ((weights > 0) & (weights < 1)).any()
        inside = (weights > 0) & valid
        if binary and inside.sum() > valid.sum() / 2:
            outside = valid & ~inside
            total_px, total_area = self._block_totals(block, valid, size)
            out_px, out_area = _sums(data[outside], None, block.areas_m2[outside], size)
            pixels, area = total_px - out_px, total_area - out_area
        else:
            pixels, area = _sums(data[inside], None if binary else weights[inside],
                                 block.areas_m2[inside], size)
        classes = np.flatnonzero(pixels > 1e-12)
        return classes, pixels[classes], area[classes]

    @staticmethod
    def _generic(geom, block: Block, rule: str, valid: np.ndarray):
        weights = zone_weights(geom, block.data.shape, block.transform, rule)
        inside = (weights > 0) & valid
        values = np.asarray(block.data)[inside].astype(np.int64)
        classes, inverse = np.unique(values, return_inverse=True)
        w = weights[inside]
        return (classes, np.bincount(inverse, weights=w),
                np.bincount(inverse, weights=w * block.areas_m2[inside]))


def labelled_sums(geoms, transform, codes: np.ndarray, size: int, areas_m2: np.ndarray):
    """Centre-rule sums of nested zones (``geoms`` smallest first, each containing the
    previous one) in one pass: each pixel is labelled with the smallest zone holding its
    centre, and zone k sums the labels 0..k.  ``codes`` holds a bin in 0..size-1 per pixel,
    or -1 for pixels to ignore.  Returns per zone (bins present, pixel counts, areas m²)."""
    from rasterio.features import rasterize

    n = len(geoms)
    shapes = [(g, k) for k, g in reversed(list(enumerate(geoms)))]  # largest first, smallest on top
    labels = rasterize(shapes, out_shape=codes.shape, transform=transform, fill=255,
                       all_touched=False, dtype="uint8")
    # one bincount over every pixel: label n = outside every zone, bin ``size`` = ignored
    flat = np.minimum(labels, n).astype(np.int64)
    flat *= size + 1
    flat += np.where(codes >= 0, codes, size)
    width = (n + 1) * (size + 1)
    pixels = np.bincount(flat.ravel(), minlength=width).reshape(n + 1, size + 1)[:n, :size]
    area = np.bincount(flat.ravel(), weights=areas_m2.ravel(), minlength=width)
    area = area.reshape(n + 1, size + 1)[:n, :size]
    pixels, area = pixels.cumsum(axis=0), area.cumsum(axis=0)
    out = []
    for k in range(n):
        bins = np.flatnonzero(pixels[k] > 0)
        out.append((bins, pixels[k, bins].astype(float), area[k, bins]))
    return out


def nested_class_sums(geoms, block: Block):
    """:func:`labelled_sums` with the block's class values as bins; None when the values are
    not small non-negative integers (the caller then takes the generic path)."""
    data = np.asarray(block.data)
    valid = ~np.ma.getmaskarray(block.data)
    if not valid.any():
        return [(np.empty(0, int), np.empty(0), np.empty(0))] * len(geoms)
    if data.dtype.kind not in "iu" or data[valid].max() >= _MAX_CODE:
        return None
    codes = np.where(valid, data.astype(np.int64), np.int64(-1))
    return labelled_sums(geoms, block.transform, codes, int(data[valid].max()) + 1, block.areas_m2)
