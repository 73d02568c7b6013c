"""Land-cover change between two categorical rasters on the same grid (e.g. MapBiomas 1985
and 2020, class 30 = mining), inside zones.  Definitions in :mod:`explorer.analysis.rasters`.
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from layers.errors import RasterGeoreferenceError
from layers.model import RasterLayer

from .pixel_area import apply_affine
from .raster_io import read_window
from .raster_zones import ZONE_COLUMNS, normalise_zones, zones_in_crs
from .rasters import zone_blocks
from .zonal import zone_weights

__all__ = ["CHANGE_COLUMNS", "TRANSITION_COLUMNS", "raster_change_table", "raster_transition_table"]

CHANGE_COLUMNS = ["raster", "raster_kind", *ZONE_COLUMNS, "class", "before_ha", "after_ha",
                  "gained_ha", "lost_ha", "net_ha", "valid_ha"]
TRANSITION_COLUMNS = ["raster", *ZONE_COLUMNS, "from_class", "to_class", "area_ha"]


def _same_grid(before: RasterLayer, after: RasterLayer) -> None:
    same = (before.shape == after.shape
            and np.allclose(before.bounds, after.bounds, rtol=0, atol=1e-6 * max(map(abs, before.bounds)))
            and str(before.crs) == str(after.crs))
    if not same:
        raise RasterGeoreferenceError(
            after.path, f"change needs two rasters on the same grid; {after.name!r} differs "
            f"from {before.name!r} in CRS, extent or size")


def _pairs(before: RasterLayer, after: RasterLayer, zones: gpd.GeoDataFrame, rule: str):
    """Yield (zone, before classes, after classes, area ha) of the zone's valid pixels."""
    _same_grid(before, after)
    local = zones_in_crs(normalise_zones(zones), after.crs)
    for i, block in zone_blocks(after, local):
        h, w = block.data.shape
        (x0, x1), (y0, y1) = apply_affine(block.transform, [0, w], [h, 0])
        bounds = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        old, _ = read_window(before, bounds)
        old = np.ma.asarray(old)
        if old.shape != block.data.shape:
            raise RasterGeoreferenceError(before.path, "windows of the two dates do not align")
        weights = zone_weights(local.geometry.iloc[i], block.data.shape, block.transform, rule)
        valid = (weights > 0) & ~np.ma.getmaskarray(block.data) & ~np.ma.getmaskarray(old)
        area = weights[valid] * block.areas_m2[valid] / 10_000.0
        yield (local.iloc[i], np.asarray(old)[valid].astype(np.int64),
               np.asarray(block.data)[valid].astype(np.int64), area)


def _label(before: RasterLayer, after: RasterLayer) -> str:
    return f"{before.name} -> {after.name}"


def raster_change_table(before: RasterLayer, after: RasterLayer, zones: gpd.GeoDataFrame,
                        classes=None, rule: str = "centre") -> pd.DataFrame:
    """Per zone and class: before_ha, after_ha, gained_ha, lost_ha, net_ha (and valid_ha).

    ``classes`` limits the rows to those class values (default: every class present at
    either date).  Only pixels holding data at both dates count.
    """
    wanted = None if classes is None else {int(c) for c in np.atleast_1d(classes)}
    rows = []
    for zone, old, new, area in _pairs(before, after, zones, rule):
        present = set(np.unique(old)) | set(np.unique(new)) if wanted is None else wanted
        base = {"raster": _label(before, after), "raster_kind": "change",
                **{c: zone[c] for c in ZONE_COLUMNS}, "valid_ha": float(area.sum())}
        for c in sorted(int(v) for v in present):
            was, now = old == c, new == c
            b, a = float(area[was].sum()), float(area[now].sum())
            rows.append({**base, "class": c, "before_ha": b, "after_ha": a,
                         "gained_ha": float(area[now & ~was].sum()),
                         "lost_ha": float(area[was & ~now].sum()), "net_ha": a - b})
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
