"""Zones for raster statistics: the subjects and their rings, in one normal form.

Accepted inputs (EPSG:4326 or any CRS):

- the brief's form: ``zone_id``, ``zone_name``, ``zone_type`` (``"concession"`` or
  ``"ring"``), ``ring_km``, ``geometry``;
- the engine's form (``proximity.ring_zones``): a feature frame (``uid``, ``id``, ``name``, ...)
  with ``zone`` = ``"subject"`` or ``"ring_<r>km"`` and ``subject_uid``.
"""
from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

__all__ = ["ZONE_COLUMNS", "normalise_zones", "zones_in_crs", "zones_meeting", "nested_groups"]

ZONE_COLUMNS = ["zone_id", "zone_name", "zone_type", "ring_km", "subject_uid"]
_RING = re.compile(r"ring_?([0-9.]+)\s*km", re.I)


def _ring_km(label: object) -> float:
    match = _RING.search(str(label))
    return float(match.group(1)) if match else np.nan


def _column(zones: pd.DataFrame, *names: str, default=None) -> pd.Series:
    for name in names:
        if name in zones.columns:
            return zones[name]
    return pd.Series([default] * len(zones), index=zones.index, dtype=object)


def normalise_zones(zones: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``zones`` with the columns :data:`ZONE_COLUMNS` plus ``geometry`` (CRS unchanged)."""
    label = _column(zones, "zone", default="subject").fillna("subject").astype(str)
    if "zone_type" in zones.columns:
        zone_type = zones["zone_type"].fillna("concession").astype(str)
    else:
        zone_type = label.map(lambda z: "ring" if z.startswith("ring") else "concession")
    ring = zones["ring_km"] if "ring_km" in zones.columns else label.map(_ring_km)
    subject = _column(zones, "subject_uid", "uid", "zone_id").astype(str)
    if "zone_id" in zones.columns:
        zone_id = zones["zone_id"].astype(str)
    else:
        ident = _column(zones, "id", "uid").astype(str)
        zone_id = ident.where(zone_type != "ring", ident + "@" + label)
    out = pd.DataFrame({
        "zone_id": zone_id.values,
        "zone_name": _column(zones, "zone_name", "name", default="").fillna("").astype(str).values,
        "zone_type": zone_type.values,
        "ring_km": pd.to_numeric(ring, errors="coerce").values,
        "subject_uid": subject.values,
    })
    return gpd.GeoDataFrame(out, geometry=zones.geometry.values, crs=zones.crs)


def zones_meeting(zones: gpd.GeoDataFrame, crs, bounds) -> gpd.GeoDataFrame:
    """The zones whose bounding box meets the raster extent ``bounds`` (in ``crs``), compared
    in the zones' own CRS with a 1 % margin; all zones when that cannot be worked out."""
    from rasterio.warp import transform_bounds

    try:
        w, s, e, n = transform_bounds(crs, zones.crs, *bounds, densify_pts=21)
    except Exception:  # noqa: BLE001 - any failure only disables this shortcut
        return zones
    if not np.all(np.isfinite([w, s, e, n])) or w >= e or s >= n:
        return zones
    m = 0.01 * max(e - w, n - s)
    return zones.cx[w - m:e + m, s - m:n + m]


def zones_in_crs(zones: gpd.GeoDataFrame, crs, edges: str = "straight") -> gpd.GeoDataFrame:
    """``zones`` reprojected to ``crs`` with any geometry made invalid by it repaired.

    Lon/lat zones are densified first along their edges (``edges``: the edge model of
    :mod:`explorer.analysis.geodesy`), so that a long edge keeps its shape in a projected
    raster's CRS instead of becoming the straight line between its reprojected ends."""
    from pyproj import CRS

    from .geodesy import densify_edges

    if zones.crs is not None and CRS(zones.crs).is_geographic and not CRS(crs).is_geographic:
        dense = densify_edges(np.asarray(zones.geometry.values, dtype=object), edges=edges)
        zones = zones.set_geometry(gpd.GeoSeries(dense, index=zones.index, crs=zones.crs))
    local = zones.to_crs(crs)
    geoms = np.asarray(local.geometry.values, dtype=object)
    bad = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if bad.any():
        geoms = geoms.copy()
        geoms[bad] = shapely.make_valid(geoms[bad])
        local = local.set_geometry(gpd.GeoSeries(geoms, index=local.index, crs=local.crs))
    return local


def nested_groups(zones: gpd.GeoDataFrame, positions) -> list[list[int]]:
    """The zone ``positions`` grouped by subject, smallest first, when each zone contains the
    previous one (a subject and its rings); other zones come as groups of one."""
    positions = np.asarray(sorted(positions), dtype=int)
    subject = zones["subject_uid"].to_numpy(dtype=object)[positions].astype(str)
    ring = np.nan_to_num(zones["ring_km"].to_numpy(dtype=float)[positions], nan=-1.0)
    order = np.lexsort((ring, subject))
    positions, subject = positions[order], subject[order]
    cuts = np.flatnonzero(subject[1:] != subject[:-1]) + 1
    geoms = np.asarray(zones.geometry.values, dtype=object)
    groups = []
    for members in np.split(positions, cuts):
        nested = len(members) > 1 and bool(
            shapely.contains(geoms[members[1:]], geoms[members[:-1]]).all())
        groups.extend([list(members)] if nested else [[int(m)] for m in members])
    return groups
