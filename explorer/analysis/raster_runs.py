"""Class sums of many zones over one window, by runs of equal pixels (centre rule, fast).

The window's class codes are cut once into *runs*: stretches of one row holding one code.
For each run the table keeps, per class, the pixel count and area of every run before it,
so the class sums over any stretch of a row (a *span*) are two look-ups and a correction
for the runs cut by the span's ends; no pass over the pixels is needed per zone.

Which pixels a zone holds is still decided by GDAL's rasterizer (centre rule): the zones of
a nested group (a subject and its rings, smallest first) are burnt into one label raster over
the outer zone's window, smallest on top, and the label raster's own runs are the spans.  A
zone's sums are those of the spans labelled with it or with any smaller zone.

Areas are summed as ``count × a_r + residual``, with ``a_r`` the area of the row's first
pixel and ``residual`` the pixel's area minus ``a_r``: counts are exact and the residuals are
small (zero on lon/lat rasters), so the prefix sums lose nothing to rounding.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from affine import Affine

__all__ = ["RunTable", "MAX_TABLE_CELLS"]

#: (classes + 1) × runs above which no table is built (the caller takes the pixel path).
MAX_TABLE_CELLS = 20_000_000
_OUTSIDE = 255


def _run_starts(flat: np.ndarray, width: int) -> np.ndarray:
    """Flat positions where a run starts: a new row or a change of value."""
    change = np.empty(flat.size, dtype=bool)
    change[0] = True
    np.not_equal(flat[1:], flat[:-1], out=change[1:])
    change[::width] = True
    return np.flatnonzero(change)


@dataclass(frozen=True)
class RunTable:
    """Runs of a window of class codes, with per-class prefix sums over the runs."""

    shape: tuple[int, int]
    classes: np.ndarray      # code of each dense bin 0..K-1 (bin K: pixels to ignore)
    starts: np.ndarray       # flat start of every run
    bins: np.ndarray         # dense bin of every run
    count_cum: np.ndarray    # (runs, K + 1): pixels of each bin in the row's runs before j
    res_cum: np.ndarray      # (runs, K + 1): residual area of each bin in the runs before j
    res_prefix: np.ndarray   # (pixels + 1): residual area of the flat pixels before p
    row_ref: np.ndarray      # (rows,): reference pixel area of each row

    @classmethod
    def build(cls, codes: np.ndarray, areas_m2: np.ndarray) -> "RunTable | None":
        """The table of ``codes`` (int, -1 = ignore) with pixel ``areas_m2`` (same shape), or
        None when it would hold more than :data:`MAX_TABLE_CELLS` cells."""
        h, w = codes.shape
        flat = codes.ravel()
        starts = _run_starts(flat, w)
        run_codes = flat[starts]
        valid = run_codes >= 0
        classes, dense = np.unique(run_codes[valid], return_inverse=True)
        k = len(classes)
        if (k + 1) * (len(starts) + 1) > MAX_TABLE_CELLS:
            return None
        bins = np.full(len(starts), k, dtype=np.int64)
        bins[valid] = dense
        row_ref = np.ascontiguousarray(areas_m2[:, 0], dtype=float)
        residual = (areas_m2 - row_ref[:, None]).ravel()
        res_prefix = np.zeros(flat.size + 1)
        np.cumsum(residual, out=res_prefix[1:])
        ends = np.append(starts[1:], flat.size)
        count_cum = _binned_prefix(bins, (ends - starts).astype(float), k + 1)
        count_cum -= count_cum[np.searchsorted(starts, starts // w * w)]  # per row: exact
        res_cum = _binned_prefix(bins, res_prefix[ends] - res_prefix[starts], k + 1)
        return cls((h, w), classes, starts, bins, count_cum, res_cum, res_prefix, row_ref)

    def span_sums(self, lo: np.ndarray, hi: np.ndarray, slot: np.ndarray, n_slots: int):
        """Per slot, (pixels, areas m²) of every class (arrays ``n_slots × K``) summed over
        the non-empty spans ``lo..hi`` (flat positions, ``hi`` exclusive, both in one row)."""
        k = len(self.classes)
        if not len(lo):
            return np.zeros((n_slots, k)), np.zeros((n_slots, k))
        j0 = np.searchsorted(self.starts, lo, side="right") - 1       # run holding lo
        j1 = np.searchsorted(self.starts, hi - 1, side="right") - 1   # run holding hi - 1
        ref = self.row_ref[lo // self.shape[1]]
        ones, refs = _end_matrices(slot, j0, j1, ref, (n_slots, len(self.starts)))
        pixels = ones @ self.count_cum                 # runs before the end run, minus ...
        areas = refs @ self.count_cum + ones @ self.res_cum
        # ... plus the part of the end runs up to each end
        n = n_slots * (k + 1)
        px1, px0 = hi - self.starts[j1], lo - self.starts[j0]
        at1, at0 = slot * (k + 1) + self.bins[j1], slot * (k + 1) + self.bins[j0]
        pixels += (np.bincount(at1, px1, n) - np.bincount(at0, px0, n)).reshape(n_slots, k + 1)
        res1 = self.res_prefix[hi] - self.res_prefix[self.starts[j1]]
        res0 = self.res_prefix[lo] - self.res_prefix[self.starts[j0]]
        areas += (np.bincount(at1, px1 * ref + res1, n)
                  - np.bincount(at0, px0 * ref + res0, n)).reshape(n_slots, k + 1)
        return np.asarray(pixels)[:, :k], np.asarray(areas)[:, :k]

    def found(self, pixels: np.ndarray, areas: np.ndarray) -> list:
        """Per slot, (codes present, pixel counts, areas m²) from :meth:`span_sums`' arrays."""
        out = []
        for z in range(len(pixels)):
            present = np.flatnonzero(pixels[z] > 0.5)
            out.append((self.classes[present], pixels[z, present], areas[z, present]))
        return out

    def nested_sums(self, geoms, window: tuple[int, int, int, int], transform: Affine):
        """Centre-rule sums of nested zones (``geoms`` smallest first, each containing the
        previous one) over ``window`` = (row0, col0, rows, cols) of the table, whose transform
        is ``transform``: per zone (codes present, pixel counts, areas m²); None when there are
        too many zones for one label raster."""
        from rasterio.features import rasterize

        n = len(geoms)
        r0, c0, h, w = window
        if n >= _OUTSIDE or h <= 0 or w <= 0:
            return None
        shapes = [(g, k) for k, g in reversed(list(enumerate(geoms)))]
        labels = rasterize(shapes, out_shape=(h, w), transform=transform, fill=_OUTSIDE,
                           all_touched=False, dtype="uint8").ravel()
        starts = _run_starts(labels, w)
        keep = labels[starts] != _OUTSIDE
        ends = np.append(starts[1:], labels.size)[keep]
        slot = labels[starts[keep]].astype(np.int64)
        starts = starts[keep]
        rows = starts // w
        offset = (r0 + rows) * self.shape[1] + c0 - rows * w
        pixels, areas = self.span_sums(starts + offset, ends + offset, slot, n)
        return self.found(pixels.cumsum(axis=0), areas.cumsum(axis=0))

    def window_sums(self, window: tuple[int, int, int, int]):
        """(codes present, pixel counts, areas m²) of every pixel of ``window`` =
        (row0, col0, rows, cols)."""
        r0, c0, h, w = window
        lo = (r0 + np.arange(h)) * self.shape[1] + c0
        return self.found(*self.span_sums(lo, lo + w, np.zeros(h, dtype=np.int64), 1))[0]


def _end_matrices(slot, j0, j1, ref, shape):
    """Sparse (slots × runs) matrices with -1 at the run holding each span's start and +1 at
    the run holding its end (``ones``), and the same times the row's reference area
    (``refs``).  When the spans come in slot order and, within a slot, in position order (as
    :func:`~explorer.analysis.raster_scan.centre_spans` gives them) the entries are already in
    the sparse format's order and are summed per cell directly; otherwise scipy sorts them."""
    from scipy.sparse import csr_matrix

    rows = np.repeat(slot, 2)
    cols = np.column_stack([j0, j1]).ravel()
    key = rows * shape[1] + cols
    if not np.all(key[1:] >= key[:-1]):
        rows, cols = np.r_[slot, slot], np.r_[j1, j0]
        ones = csr_matrix((np.r_[np.ones(len(slot)), -np.ones(len(slot))], (rows, cols)), shape)
        return ones, csr_matrix((np.r_[ref, -ref], (rows, cols)), shape)
    sign = np.tile([-1.0, 1.0], len(slot))
    cell = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])   # first entry of each cell
    indptr = np.searchsorted(rows[cell], np.arange(shape[0] + 1))
    ones = np.add.reduceat(sign, cell)
    refs = np.add.reduceat(sign * np.repeat(ref, 2), cell)
    return (csr_matrix((ones, cols[cell], indptr), shape),
            csr_matrix((refs, cols[cell], indptr), shape))


def _binned_prefix(bins: np.ndarray, values: np.ndarray, n_bins: int) -> np.ndarray:
    """(len, n_bins) array: per bin, the sum of ``values`` of the entries before j."""
    out = np.zeros((len(bins), n_bins))
    out[np.arange(1, len(bins)), bins[:-1]] = values[:-1]
    return np.cumsum(out, axis=0, out=out)
