"""Polygon coordinates as flat arrays, without a shapely geometry per ring.

``shapely.get_rings`` and ``shapely.to_ragged_array`` create one geometry object per ring
before reading its coordinates: on 200,000 concession titles that is most of the time of
densifying them or measuring their areas.  A polygon without holes is its exterior ring, so
its coordinates and their count come straight from the polygon; only polygons with holes are
split into rings.  The arrays are those shapely gives (same order, same values: tested).
"""
from __future__ import annotations

import numpy as np
import shapely

__all__ = ["polygon_rings", "ragged_polygons", "offsets_of"]

_POLYGON, _MULTIPOLYGON = 3, 6


def offsets_of(counts) -> np.ndarray:
    """Offsets ``[0, c0, c0+c1, ...]`` of consecutive blocks of ``counts`` items (int64)."""
    return np.r_[0, np.cumsum(counts, dtype=np.int64)]


def polygon_rings(parts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rings of the Polygons ``parts``: every coordinate (x, y), the number of
    coordinates of each ring and the part of each ring, in the order of
    ``shapely.get_rings(parts, return_index=True)`` (each part's exterior first, then its
    holes; an empty polygon has no ring)."""
    parts = np.asarray(parts, dtype=object)
    holes = shapely.get_num_interior_rings(parts)
    n_rings = np.where(shapely.is_empty(parts), 0, holes + 1)
    ring_part = np.repeat(np.arange(len(parts)), n_rings)
    sizes = np.zeros(len(ring_part), np.int64)
    first = offsets_of(n_rings)[:-1]
    simple = np.flatnonzero(n_rings == 1)
    sizes[first[simple]] = shapely.get_num_coordinates(parts[simple])
    holed = np.flatnonzero(n_rings > 1)
    if len(holed):
        rings, owner = shapely.get_rings(parts[holed], return_index=True)
        rank = np.arange(len(owner)) - offsets_of(n_rings[holed])[owner]
        sizes[first[holed][owner] + rank] = shapely.get_num_coordinates(rings)
    coords = shapely.get_coordinates(parts) if len(parts) else np.zeros((0, 2))
    return coords, sizes, ring_part


def ragged_polygons(geoms) -> tuple[shapely.GeometryType, np.ndarray, tuple]:
    """``shapely.to_ragged_array(geoms)`` for 2-D Polygons and MultiPolygons: the type
    (MultiPolygon if any geometry is one), the coordinates and the offsets (of the rings'
    coordinates, the parts' rings and, for MultiPolygons, the geometries' parts)."""
    geoms = np.asarray(geoms, dtype=object)
    types = shapely.get_type_id(geoms)
    if not np.isin(types, (_POLYGON, _MULTIPOLYGON)).all():
        raise ValueError("ragged_polygons takes Polygons and MultiPolygons only")
    multi = types == _MULTIPOLYGON
    if not multi.any():
        coords, sizes, ring_part = polygon_rings(geoms)
        rings_per_part = np.bincount(ring_part, minlength=len(geoms))
        return shapely.GeometryType.POLYGON, coords, (offsets_of(sizes),
                                                      offsets_of(rings_per_part))
    n_parts = np.ones(len(geoms), np.int64)
    n_parts[multi] = shapely.get_num_geometries(geoms[multi])
    first = offsets_of(n_parts)[:-1]
    parts = np.empty(int(n_parts.sum()), dtype=object)
    parts[first[~multi]] = geoms[~multi]
    sub, owner = shapely.get_parts(geoms[multi], return_index=True)
    rank = np.arange(len(owner)) - offsets_of(n_parts[multi])[owner]
    parts[first[multi][owner] + rank] = sub
    coords, sizes, ring_part = polygon_rings(parts)
    rings_per_part = np.bincount(ring_part, minlength=len(parts))
    return shapely.GeometryType.MULTIPOLYGON, coords, (
        offsets_of(sizes), offsets_of(rings_per_part), offsets_of(n_parts))
