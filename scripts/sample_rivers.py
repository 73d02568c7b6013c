"""River network for the sample data: topological Strahler order, headwater pruning and
simplification in a projected equal-area CRS.  Used by ``build_sample_data.py``."""
from __future__ import annotations

from collections import defaultdict

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod

__all__ = ["SIMPLIFY_TOLERANCE_M", "MIN_HEADWATER_LENGTH_M", "strahler_orders", "prepare_rivers"]

#: Douglas-Peucker tolerance, metres, applied in the source Albers equal-area CRS.  About half
#: the 15 arc-second (~460 m) grid of HydroSHEDS from which FFR reaches were traced.
SIMPLIFY_TOLERANCE_M = 250.0

#: First-order (headwater) reaches shorter than this are dropped; every other reach is kept.
MIN_HEADWATER_LENGTH_M = 1000.0

_NODE_DECIMALS = 3  # millimetres: reach end points that meet are snapped to the same node


def _end_nodes(geoms: np.ndarray) -> tuple[list[tuple], list[tuple]]:
    """First and last vertex of each (multi)line, rounded so that meeting ends compare equal."""
    firsts, lasts = [], []
    for geom in geoms:
        parts = list(getattr(geom, "geoms", [geom]))
        firsts.append(tuple(np.round(parts[0].coords[0], _NODE_DECIMALS)))
        lasts.append(tuple(np.round(parts[-1].coords[-1], _NODE_DECIMALS)))
    return firsts, lasts


def strahler_orders(geoms: np.ndarray) -> np.ndarray:
    """Strahler order of each reach, from topology alone.

    FFR/HydroRIVERS reaches are digitised downstream, so a reach's tributaries are the reaches
    whose last vertex is its first vertex.  Reaches with no tributary are order 1.
    """
    firsts, lasts = _end_nodes(geoms)
    ending_at: dict[tuple, list[int]] = defaultdict(list)
    for index, node in enumerate(lasts):
        ending_at[node].append(index)
    orders = np.zeros(len(geoms), dtype=np.int32)
    for start in range(len(geoms)):
        stack = [start]
        while stack:  # iterative post-order walk: no recursion limit on long rivers
            reach = stack[-1]
            if orders[reach]:
                stack.pop()
                continue
            ups = ending_at.get(firsts[reach], [])
            pending = [u for u in ups if not orders[u]]
            if pending:
                stack.extend(pending)
                continue
            orders[reach] = _combine([int(orders[u]) for u in ups])
            stack.pop()
    return orders


def _combine(upstream: list[int]) -> int:
    """Strahler rule: two or more tributaries of the highest order raise the order by one."""
    if not upstream:
        return 1
    top = max(upstream)
    return top + 1 if upstream.count(top) > 1 else top


def _geodesic_km(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Length of each line on the GRS 80 ellipsoid, kilometres (frame in geographic degrees)."""
    geod = Geod(ellps="GRS80")
    return np.array([geod.geometry_length(g) / 1000.0 for g in frame.geometry])


def prepare_rivers(source: gpd.GeoDataFrame, target_crs: str) -> tuple[gpd.GeoDataFrame, dict]:
    """Prune tiny headwaters, simplify in the projected source CRS, reproject; return the rivers
    and statistics (counts, vertices before/after, maximum displacement in metres)."""
    if not source.crs or not source.crs.is_projected:
        raise ValueError("rivers must be in a projected CRS (metres) to be simplified")
    geoms = source.geometry.values
    orders = strahler_orders(geoms)
    lengths = shapely.length(geoms)
    keep = ~((orders == 1) & (lengths < MIN_HEADWATER_LENGTH_M))
    kept = geoms[keep]
    simple = shapely.simplify(kept, SIMPLIFY_TOLERANCE_M, preserve_topology=True)
    displacement = shapely.hausdorff_distance(kept, simple)
    out = gpd.GeoDataFrame(
        {"strahler": orders[keep]}, geometry=shapely.force_2d(simple), crs=source.crs
    ).to_crs(target_crs)
    out["length_km"] = np.round(_geodesic_km(out), 3)
    stats = {
        "reaches_source": int(len(geoms)),
        "reaches_kept": int(keep.sum()),
        "headwaters_dropped": int((~keep).sum()),
        "length_km_source_albers": round(float(lengths.sum()) / 1000.0, 1),
        "length_km_dropped_albers": round(float(lengths[~keep].sum()) / 1000.0, 1),
        "vertices_source": int(shapely.get_num_coordinates(geoms).sum()),
        "vertices_kept_before_simplify": int(shapely.get_num_coordinates(kept).sum()),
        "vertices_after_simplify": int(shapely.get_num_coordinates(simple).sum()),
        "max_displacement_m": round(float(displacement.max()), 1),
        "mean_displacement_m": round(float(displacement.mean()), 1),
        "tolerance_m": SIMPLIFY_TOLERANCE_M,
        "min_headwater_length_m": MIN_HEADWATER_LENGTH_M,
        "strahler_counts_kept": {
            str(k): int(v) for k, v in zip(*np.unique(orders[keep], return_counts=True))
        },
    }
    return out, stats
