"""Raster statistics inside zones (subjects and their rings): class areas, change between
two dates, and min/mean/max of continuous rasters.

Definitions
-----------
- Pixel area: the true ground area on the ellipsoid (:mod:`explorer.analysis.pixel_area`).
- Edge pixels: ``settings.pixel_rule`` (``"centre"`` or ``"fraction"``,
  :mod:`explorer.analysis.zonal`); ``pixels`` is the weighted pixel count.
- Nodata pixels (the raster's nodata value, or NaN) are left out of every figure;
  ``valid_ha`` is the area of the zone's pixels that hold data.
- Categorical rows: ``area_ha`` of each class and ``pct_of_zone`` = area_ha / valid_ha × 100.
- Continuous rows (``categorical=False``): ``min``, ``max`` and the area-weighted ``mean``
  of the pixels with weight > 0, and ``pixels``.
- Change rows (:func:`raster_change_table`): for each class, its area at the first date
  (``before_ha``) and the second (``after_ha``), ``gained_ha`` (pixels of the class at the
  second date that were another class at the first), ``lost_ha`` (the reverse) and
  ``net_ha`` = after − before, over pixels holding data at both dates.

Zones are reprojected to the raster's CRS for masking; rasters are read by window only.
"""
from __future__ import annotations

import hashlib

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from affine import Affine

from layers.model import RasterLayer

from .pixel_area import apply_affine
from .raster_classes import ClassCounter, nested_class_sums
from .raster_io import Block, clip_bounds, read_block
from .raster_runs import RunTable
from .raster_scan import centre_spans
from .raster_zones import (ZONE_COLUMNS, nested_groups, normalise_zones, zones_in_crs,
                           zones_meeting)
from .zonal import zone_weights

__all__ = ["RASTER_COLUMNS", "MAX_BLOCK_PIXELS", "raster_tables", "zone_blocks", "class_rows",
           "continuous_row"]

RASTER_COLUMNS = [
    "raster", "raster_kind", *ZONE_COLUMNS, "class", "pixels", "area_ha", "pct_of_zone",
    "valid_ha", "min", "mean", "max", "before_ha", "after_ha", "gained_ha", "lost_ha", "net_ha",
]
#: Above this many pixels the zones' common window is not read at once: one window per zone.
MAX_BLOCK_PIXELS = 40_000_000


def _window_pixels(raster: RasterLayer, bounds) -> float:
    rb = raster.bounds
    h, w = raster.shape
    return (bounds[2] - bounds[0]) / (rb[2] - rb[0]) * w * (bounds[3] - bounds[1]) / (rb[3] - rb[1]) * h


def _slice_window(block: Block, bounds) -> tuple[int, int, int, int] | None:
    """(row0, row1, col0, col1) of the pixels of ``block`` covering ``bounds``, or None."""
    cols, rows = apply_affine(~block.transform, [bounds[0], bounds[2]], [bounds[3], bounds[1]])
    r0, r1 = sorted(rows)
    c0, c1 = sorted(cols)
    h, w = block.data.shape
    r0, c0 = max(int(np.floor(r0)), 0), max(int(np.floor(c0)), 0)
    r1, c1 = min(int(np.ceil(r1)), h), min(int(np.ceil(c1)), w)
    if r0 >= r1 or c0 >= c1:
        return None
    return r0, r1, c0, c1


def _slice(block: Block, bounds):
    window = _slice_window(block, bounds)
    if window is None:
        return None
    r0, r1, c0, c1 = window
    transform = block.transform @ Affine.translation(c0, r0)
    return Block(block.data[r0:r1, c0:c1], transform, block.areas_m2[r0:r1, c0:c1])


def _shared_block(raster: RasterLayer, zones: gpd.GeoDataFrame):
    """(zone bounds, zones meeting the raster, the common window's Block or None if too
    large or empty)."""
    bounds = zones.geometry.bounds.to_numpy()
    hits = [i for i, b in enumerate(bounds) if clip_bounds(b, raster.bounds) is not None]
    if not hits:
        return bounds, hits, None
    union = (bounds[hits, 0].min(), bounds[hits, 1].min(), bounds[hits, 2].max(), bounds[hits, 3].max())
    union = clip_bounds(union, raster.bounds)
    shared = read_block(raster, union) if _window_pixels(raster, union) <= MAX_BLOCK_PIXELS else None
    return bounds, hits, shared


def zone_blocks(raster: RasterLayer, zones: gpd.GeoDataFrame):
    """Yield ``(zone index, Block of the zone's window)`` for zones meeting the raster.

    ``zones`` must be in the raster's CRS.  The common window of all zones is read once when
    it holds at most :data:`MAX_BLOCK_PIXELS` pixels, else each zone's window is read alone.
    """
    bounds, hits, shared = _shared_block(raster, zones)
    for i in hits:
        block = _slice(shared, bounds[i]) if shared is not None else read_block(raster, bounds[i])
        if block is not None:
            yield i, block


def _weights(geom, block: Block, rule: str) -> tuple[np.ndarray, np.ndarray]:
    weights = zone_weights(geom, block.data.shape, block.transform, rule)
    valid = (weights > 0) & ~np.ma.getmaskarray(block.data)
    return weights, valid


def class_rows(geom, block: Block, rule: str, counter: ClassCounter | None = None) -> list[dict]:
    """One dict per class present in the zone: class, pixels, area_ha, pct_of_zone, valid_ha."""
    return _rows_of(*(counter or ClassCounter()).sums(geom, block, rule))


def continuous_row(geom, block: Block, rule: str) -> dict | None:
    """min, area-weighted mean, max and weighted pixel count of the zone's valid pixels."""
    weights, valid = _weights(geom, block, rule)
    if not valid.any():
        return None
    values = np.asarray(block.data)[valid].astype(float)
    w = weights[valid] * block.areas_m2[valid]
    return {"pixels": float(weights[valid].sum()), "valid_ha": float(w.sum() / 10_000.0),
            "min": float(values.min()), "mean": float(np.average(values, weights=w)),
            "max": float(values.max())}


def _rows_of(classes, pixels, area_m2) -> list[dict]:
    areas = area_m2 / 10_000.0
    valid_ha = float(areas.sum())
    return [{"class": int(c), "pixels": float(p), "area_ha": float(a),
             "pct_of_zone": 100.0 * a / valid_ha if valid_ha else np.nan, "valid_ha": valid_ha}
            for c, p, a in zip(classes, pixels, areas)]


def _covers(geom, block: Block) -> bool:
    return bool(shapely.contains(geom, shapely.box(*_block_bounds(block))))


def _group_sums(group, local, blocks, totals) -> list | None:
    """Per zone of a nested group: (classes, pixels, areas).  Outer zones that cover their
    whole window take that window's cached totals, so only the inner zones are rasterized."""
    geoms = [local.geometry.iloc[g] for g in group]
    peeled = []
    while len(geoms) > 1 and _covers(geoms[-1], blocks[group[len(geoms) - 1]]):
        block = blocks[group[len(geoms) - 1]]
        key = (tuple(block.transform)[:6], block.data.shape)
        if key not in totals:
            totals[key] = nested_class_sums([shapely.box(*_block_bounds(block))], block)
        if totals[key] is None:
            return None
        peeled.append(totals[key][0])
        geoms.pop()
    inner = nested_class_sums(geoms, blocks[group[len(geoms) - 1]])
    return None if inner is None else inner + peeled[::-1]


def _block_bounds(block: Block):
    h, w = block.data.shape
    (x0, x1), (y0, y1) = apply_affine(block.transform, [0, w], [h, 0])
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _run_table(block: Block) -> RunTable | None:
    """The run table of a block of small non-negative integer classes, else None."""
    data = np.asarray(block.data)
    valid = ~np.ma.getmaskarray(block.data)
    if data.dtype.kind not in "iu" or (valid.any() and not 0 <= data[valid].min() <= data[valid].max() < 2**62):
        return None
    codes = np.where(valid, data.astype(np.int64), np.int64(-1))
    return RunTable.build(codes, block.areas_m2)


def _categorical_runs(raster, local, base_of, spans_cache=None) -> list[dict] | None:
    """Class rows of every zone from one run table of the zones' common window (centre
    rule), or None when that window is not read at once or its values are not classes."""
    bounds, hits, shared = _shared_block(raster, local)
    if not hits:
        return []
    table = _run_table(shared) if shared is not None else None
    if table is None:
        return None
    windows = {i: w for i in hits if (w := _slice_window(shared, bounds[i])) is not None}
    found = _zone_sums(table, shared.transform, local, windows, spans_cache)
    if found is None:
        return None
    rows = []
    for group in nested_groups(local, windows):
        for g in group:
            rows.extend({**base_of(g), **r} for r in _rows_of(*found[g]))
    return rows


def _zone_sums(table: RunTable, transform, local, windows, spans_cache=None) -> dict | None:
    """Zone position -> (classes, pixels, areas m²): pixel spans from the zones' edges
    (:mod:`explorer.analysis.raster_scan`, shared through ``spans_cache`` by rasters on the
    same grid), GDAL's mask for the zones it must decide."""
    positions = np.array(sorted(windows), dtype=np.int64)
    geoms = np.asarray(local.geometry.values, dtype=object)[positions]
    cache = {} if spans_cache is None else spans_cache
    key = (tuple(transform)[:6], table.shape,
           hashlib.blake2b(b"".join(shapely.to_wkb(geoms)), digest_size=16).digest())
    if key not in cache:
        cache[key] = centre_spans(geoms, transform, table.shape)
    spans = cache[key]
    if spans is None:
        return None
    zone, row, col0, col1, gdal = spans
    lo = row * table.shape[1] + col0
    found = table.found(*table.span_sums(lo, lo + (col1 - col0), zone, len(positions)))
    out = dict(zip(positions.tolist(), found))
    for k in np.flatnonzero(gdal):
        r0, r1, c0, c1 = windows[positions[k]]
        sums = table.nested_sums([geoms[k]], (r0, c0, r1 - r0, c1 - c0),
                                 transform @ Affine.translation(c0, r0))
        if sums is None:
            return None
        out[int(positions[k])] = sums[0]
    return out


def _categorical_centre(raster, local, base_of, spans_cache=None) -> list[dict] | None:
    """Class rows of every zone by nested groups (centre rule), or None if not applicable."""
    rows = _categorical_runs(raster, local, base_of, spans_cache)
    if rows is not None:
        return rows
    blocks = dict(zone_blocks(raster, local))
    rows, totals = [], {}
    for group in nested_groups(local, blocks):
        sums = _group_sums(group, local, blocks, totals)
        if sums is None:
            return None
        for g, found in zip(group, sums):
            rows.extend({**base_of(g), **r} for r in _rows_of(*found))
    return rows


def _local_zones(raster: RasterLayer, zones: gpd.GeoDataFrame, cache=None) -> gpd.GeoDataFrame:
    """The zones meeting ``raster``, in its CRS; rasters with the same CRS and extent share
    them through ``cache`` (a dict, kept by the caller for one set of zones)."""
    key = ("local zones", str(raster.crs), tuple(raster.bounds))
    cache = {} if cache is None else cache
    if key not in cache:
        near = zones_meeting(zones, raster.crs, raster.bounds)
        cache[key] = zones_in_crs(near, raster.crs).reset_index(drop=True)
    return cache[key]


def _one_raster(raster: RasterLayer, zones: gpd.GeoDataFrame, rule: str,
                spans_cache=None, zones_cache=None) -> list[dict]:
    local = _local_zones(raster, zones, zones_cache)
    kind = "categorical" if raster.categorical else "continuous"

    fields = local[ZONE_COLUMNS].to_dict("records")

    def base_of(i):
        return {"raster": raster.name, "raster_kind": kind, **fields[i]}

    if raster.categorical and rule == "centre":
        rows = _categorical_centre(raster, local, base_of, spans_cache)
        if rows is not None:
            return rows
    rows, counter = [], ClassCounter()
    for i, block in zone_blocks(raster, local):
        geom = local.geometry.iloc[i]
        if raster.categorical:
            rows.extend({**base_of(i), **r} for r in _rows_of(*counter.sums(geom, block, rule)))
        else:
            row = continuous_row(geom, block, rule)
            rows.extend([{**base_of(i), **row}] if row is not None else [])
    return rows


def raster_tables(rasters: list[RasterLayer], zones: gpd.GeoDataFrame, settings=None) -> pd.DataFrame:
    """Statistics of every raster in every zone (columns :data:`RASTER_COLUMNS`).

    Categorical rasters give one row per zone and class, continuous rasters one row per zone;
    zones that miss the raster or hold only nodata there have no row.  Under the centre rule
    a subject's nested rings are measured in one pass (:mod:`explorer.analysis.raster_classes`).
    When ``settings.raster_change`` names two of the rasters (before, after), change rows
    (``raster_kind = "change"``) for every class follow, from :func:`raster_change_table`.
    """
    rule = getattr(settings, "pixel_rule", "centre")
    zones = normalise_zones(zones)
    rows: list[dict] = []
    spans_cache: dict = {}   # rasters on one grid share the zones' pixel spans
    zones_cache: dict = {}   # ... and rasters with one CRS and extent the zones in that CRS
    for raster in rasters:
        rows.extend(_one_raster(raster, zones, rule, spans_cache, zones_cache))
    table = pd.DataFrame(rows, columns=RASTER_COLUMNS)
    pair = _change_pair(rasters, getattr(settings, "raster_change", ()))
    if pair is not None:
        from .raster_change import raster_change_table

        change = raster_change_table(*pair, zones, rule=rule, spans_cache=spans_cache)
        table = pd.concat([table, change.reindex(columns=RASTER_COLUMNS)], ignore_index=True)
    return table


def _change_pair(rasters, names) -> tuple[RasterLayer, RasterLayer] | None:
    if len(names) != 2:
        return None
    by_name = {r.name: r for r in rasters}
    if names[0] in by_name and names[1] in by_name:
        return by_name[names[0]], by_name[names[1]]
    return None
