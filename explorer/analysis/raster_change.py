"""Land-cover change between two categorical rasters on the same grid (e.g. MapBiomas 1985
and 2020, class 30 = mining), inside zones.  Definitions in :mod:`explorer.analysis.rasters`.
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from layers.errors import RasterGeoreferenceError
from layers.model import RasterLayer

from .raster_runs import RunTable
from .raster_zones import (ZONE_COLUMNS, nested_groups, normalise_zones, zones_in_crs,
                           zones_meeting)
from .rasters import _shared_block, _slice_window, _zone_sums, zone_blocks
from .zonal import zone_weights

__all__ = ["CHANGE_COLUMNS", "TRANSITION_COLUMNS", "raster_change_table", "raster_transition_table"]

CHANGE_COLUMNS = ["raster", "raster_kind", *ZONE_COLUMNS, "class", "before_ha", "after_ha",
                  "gained_ha", "lost_ha", "net_ha", "valid_ha"]
TRANSITION_COLUMNS = ["raster", *ZONE_COLUMNS, "from_class", "to_class", "area_ha"]
#: Largest from -> to matrix (classes²) built per zone by the one-pass path.
_MAX_MATRIX = 4_000_000


def _same_grid(before: RasterLayer, after: RasterLayer) -> None:
    same = (before.shape == after.shape
            and np.allclose(before.bounds, after.bounds, rtol=0, atol=1e-6 * max(map(abs, before.bounds)))
            and str(before.crs) == str(after.crs))
    if not same:
        raise RasterGeoreferenceError(
            after.path, f"change needs two rasters on the same grid; {after.name!r} differs "
            f"from {before.name!r} in CRS, extent or size")


def _block_pairs(before: RasterLayer, after: RasterLayer, local: gpd.GeoDataFrame) -> dict:
    """zone position -> (before block, after block) of the same window."""
    _same_grid(before, after)
    olds = dict(zone_blocks(before, local))
    pairs = {}
    for i, new in zone_blocks(after, local):
        old = olds.get(i)
        if old is None or old.data.shape != new.data.shape:
            raise RasterGeoreferenceError(before.path, "windows of the two dates do not align")
        pairs[i] = (old, new)
    return pairs


def _pairs(before: RasterLayer, after: RasterLayer, zones: gpd.GeoDataFrame, rule: str):
    """Yield (zone, before classes, after classes, area ha) of the zone's valid pixels."""
    near = zones_meeting(normalise_zones(zones), after.crs, after.bounds)
    local = zones_in_crs(near, after.crs).reset_index(drop=True)
    for i, (old, new) in _block_pairs(before, after, local).items():
        weights = zone_weights(local.geometry.iloc[i], new.data.shape, new.transform, rule)
        valid = (weights > 0) & ~np.ma.getmaskarray(new.data) & ~np.ma.getmaskarray(old.data)
        area = weights[valid] * new.areas_m2[valid] / 10_000.0
        yield (local.iloc[i], np.asarray(old.data)[valid].astype(np.int64),
               np.asarray(new.data)[valid].astype(np.int64), area)


def _matrix_rows(base: dict, size: int, bins, area_m2, wanted) -> list[dict]:
    """Change rows from a from->to matrix given as (bin = from * size + to, area) pairs."""
    matrix = np.zeros((size, size))
    matrix.flat[bins] = area_m2 / 10_000.0
    before, after, same = matrix.sum(axis=1), matrix.sum(axis=0), np.diag(matrix)
    present = np.flatnonzero((before > 0) | (after > 0))
    classes = present if wanted is None else [c for c in sorted(wanted)]
    rows = []
    for c in classes:
        b, a, d = (before[c], after[c], same[c]) if c < size else (0.0, 0.0, 0.0)
        rows.append({**base, "valid_ha": float(matrix.sum()), "class": int(c),
                     "before_ha": float(b), "after_ha": float(a), "gained_ha": float(a - d),
                     "lost_ha": float(b - d), "net_ha": float(a - b)})
    return rows


def _centre_change(before, after, zones, wanted, spans_cache=None) -> list[dict] | None:
    """Change rows from one run table of (before, after) class pairs over the zones' common
    window (centre rule), or None when that does not apply (the caller goes zone by zone)."""
    near = zones_meeting(normalise_zones(zones), after.crs, after.bounds)
    local = zones_in_crs(near, after.crs).reset_index(drop=True)
    _same_grid(before, after)
    bounds, hits, new = _shared_block(after, local)
    if not hits:
        return []
    old = _shared_block(before, local)[2]
    if new is None or old is None or old.data.shape != new.data.shape:
        return None
    valid = ~np.ma.getmaskarray(old.data) & ~np.ma.getmaskarray(new.data)
    a, b = np.asarray(old.data), np.asarray(new.data)
    if a.dtype.kind not in "iu" or b.dtype.kind not in "iu" or (
            valid.any() and min(a[valid].min(), b[valid].min()) < 0):
        return None
    size = int(max(a[valid].max(initial=0), b[valid].max(initial=0))) + 1
    if size * size > _MAX_MATRIX:
        return None
    codes = np.where(valid, a.astype(np.int64) * size + b, np.int64(-1))
    table = RunTable.build(codes, new.areas_m2)
    windows = {i: w for i in hits if (w := _slice_window(new, bounds[i])) is not None}
    found = None if table is None else _zone_sums(table, new.transform, local, windows,
                                                  spans_cache)
    if found is None:
        return None
    fields = local[ZONE_COLUMNS].to_dict("records")
    label = {"raster": _label(before, after), "raster_kind": "change"}
    rows = []
    for group in nested_groups(local, windows):
        for g in group:
            bins, _, area = found[g]
            rows.extend(_matrix_rows({**label, **fields[g]}, size, bins, area, wanted))
    return rows


def _label(before: RasterLayer, after: RasterLayer) -> str:
    return f"{before.name} -> {after.name}"


def raster_change_table(before: RasterLayer, after: RasterLayer, zones: gpd.GeoDataFrame,
                        classes=None, rule: str = "centre", spans_cache=None) -> pd.DataFrame:
    """Per zone and class: before_ha, after_ha, gained_ha, lost_ha, net_ha (and valid_ha).

    ``classes`` limits the rows to those class values (default: every class present at
    either date).  Only pixels holding data at both dates count.  Under the centre rule all
    zones share one table of the common window (:mod:`explorer.analysis.raster_runs`);
    ``spans_cache`` (a dict) lets several calls on one grid share the zones' pixel spans.
    """
    wanted = None if classes is None else {int(c) for c in np.atleast_1d(classes)}
    if rule == "centre":
        rows = _centre_change(before, after, zones, wanted, spans_cache)
        if rows is not None:
            return pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    rows = []
    for zone, old, new, area in _pairs(before, after, zones, rule):
        size = int(max(old.max(initial=0), new.max(initial=0))) + 1
        bins, inverse = np.unique(old * size + new, return_inverse=True)
        summed = np.bincount(inverse.ravel(), weights=area, minlength=len(bins)) * 10_000.0
        base = {"raster": _label(before, after), "raster_kind": "change",
                **{c: zone[c] for c in ZONE_COLUMNS}}
        rows.extend(_matrix_rows(base, size, bins, summed, wanted))
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def raster_transition_table(before: RasterLayer, after: RasterLayer, zones: gpd.GeoDataFrame,
                            cls: int, rule: str = "centre") -> pd.DataFrame:
    """The from -> to matrix for one class, long form: every (from, to) pair with from or to
    equal to ``cls`` and from != to, with its area in ha, per zone."""
    rows = []
    for zone, old, new, area in _pairs(before, after, zones, rule):
        moved = (old != new) & ((old == cls) | (new == cls))
        if not moved.any():
            continue
        pairs = pd.DataFrame({"from_class": old[moved], "to_class": new[moved], "area_ha": area[moved]})
        summed = pairs.groupby(["from_class", "to_class"], as_index=False)["area_ha"].sum()
        for r in summed.itertuples(index=False):
            rows.append({"raster": _label(before, after), **{c: zone[c] for c in ZONE_COLUMNS},
                         "from_class": int(r.from_class), "to_class": int(r.to_class),
                         "area_ha": float(r.area_ha)})
    return pd.DataFrame(rows, columns=TRANSITION_COLUMNS)
