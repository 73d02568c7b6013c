"""Geometry checks and repairs made on load, each reported as a :class:`~layers.model.Repair`.

In order: drop null and empty geometries, force 2D, settle the layer's geometry family (points,
lines or polygons; a layer mixing families raises MixedGeometryError), reduce geometry
collections to that family, fix invalid geometries with ``make_valid``, drop what became empty,
and promote single parts to multi-parts when a layer holds both.  Nothing happens silently.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely

from .errors import EmptyLayerError, MixedGeometryError
from .model import Repair
from .roles import Role

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["FAMILY_OF_TYPE", "ROLE_FAMILY", "repair_geometries", "geometry_family"]

#: shapely type id -> geometry family.
FAMILY_OF_TYPE = {0: "point", 4: "point", 1: "line", 2: "line", 5: "line", 3: "polygon", 6: "polygon"}
_COLLECTION = 7
_MULTI_OF = {"point": shapely.MultiPoint, "line": shapely.MultiLineString, "polygon": shapely.MultiPolygon}
_SINGLE_IDS = {"point": 0, "line": 1, "polygon": 3}

#: The family of geometry each role expects (roles not listed accept any single family).
ROLE_FAMILY = {
    Role.CONCESSION: "polygon",
    Role.BASIN: "polygon",
    Role.PROTECTED_AREA: "polygon",
    Role.INDIGENOUS_TERRITORY: "polygon",
    Role.RIVER: "line",
    Role.COMMUNITY: "point",
}

_PLURAL = {"point": "points", "line": "lines", "polygon": "polygons", "collection": "collections"}


def _rows(frame, mask: np.ndarray, limit: int = 8) -> str:
    """Source feature numbers (1-based, in file order) of the masked rows."""
    numbers = [str(int(i) + 1) for i in frame.index[mask][:limit]]
    more = ", ..." if int(mask.sum()) > limit else ""
    return "feature(s) #" + ", #".join(numbers) + more


def geometry_family(geoms: np.ndarray) -> Counter:
    """How many geometries of each family (collections counted apart as "collection")."""
    ids = shapely.get_type_id(geoms)
    return Counter(FAMILY_OF_TYPE.get(int(i), "collection") for i in ids)


def _drop(frame: "gpd.GeoDataFrame", mask: np.ndarray, kind: str, why: str, repairs: list) -> "gpd.GeoDataFrame":
    if mask.any():
        repairs.append(Repair(kind, int(mask.sum()), f"{why}: {_rows(frame, mask)}"))
        frame = frame.loc[~mask]
    return frame


def _settle_family(geoms: np.ndarray, role: Role | None, path: Path) -> str:
    counts = geometry_family(geoms)
    simple = {fam: n for fam, n in counts.items() if fam != "collection"}
    if len(simple) > 1:
        listed = ", ".join(f"{n} {_PLURAL[fam]}" for fam, n in sorted(simple.items()))
        raise MixedGeometryError(
            path, f"the layer mixes geometry types ({listed}); one layer must hold one kind, "
                  "so split it by geometry type before loading",
        )
    if simple:
        return next(iter(simple))
    parts = shapely.get_parts(geoms)
    part_counts = geometry_family(parts)
    wanted = ROLE_FAMILY.get(role) if role is not None else None
    if wanted and part_counts.get(wanted):
        return wanted
    return part_counts.most_common(1)[0][0] if part_counts else "polygon"


def parts_of(geom, family: str) -> list:
    """The single parts of ``geom`` that belong to ``family`` (collections and multi-parts flattened)."""
    out = []
    for part in shapely.get_parts(np.array([geom], dtype=object)):
        type_id = int(shapely.get_type_id(part))
        if type_id == _COLLECTION or type_id in (4, 5, 6):
            out.extend(parts_of(part, family))
        elif FAMILY_OF_TYPE.get(type_id) == family:
            out.append(part)
    return out


def _flat(items):
    return [g for g in items if not g.is_empty]


def _reduce_step(frame, family: str, mask: np.ndarray, kind: str, why: str, repairs: list):
    if not mask.any():
        return frame
    geoms = frame.geometry.values.to_numpy().copy()
    geoms[mask] = [_MULTI_OF[family](_flat(parts_of(g, family))) for g in geoms[mask]]
    repairs.append(Repair(kind, int(mask.sum()), f"{why}: {_rows(frame, mask)}"))
    return frame.set_geometry(_as_series(frame, geoms))


def _as_series(frame, geoms: np.ndarray):
    import geopandas as gpd

    return gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs, name=frame.geometry.name)


def _make_valid(frame, family: str, repairs: list):
    geoms = frame.geometry.values.to_numpy()
    invalid = ~shapely.is_valid(geoms)
    if not invalid.any():
        return frame
    reasons = Counter(r.split("[")[0] for r in shapely.is_valid_reason(geoms[invalid]))
    fixed = geoms.copy()
    fixed[invalid] = shapely.make_valid(geoms[invalid])
    leftovers = np.zeros(len(fixed), bool)
    leftovers[invalid] = shapely.get_type_id(fixed[invalid]) == _COLLECTION
    fixed[leftovers] = [_MULTI_OF[family](_flat(parts_of(g, family))) for g in fixed[leftovers]]
    why = ", ".join(f"{n} {reason.lower()}" for reason, n in reasons.most_common())
    repairs.append(Repair("make_valid", int(invalid.sum()), f"invalid geometries fixed ({why}): {_rows(frame, invalid)}"))
    return frame.set_geometry(_as_series(frame, fixed))


def _promote(frame, family: str, repairs: list):
    geoms = frame.geometry.values.to_numpy()
    ids = shapely.get_type_id(geoms)
    single = ids == _SINGLE_IDS[family]
    if not single.any() or single.all():
        return frame
    promoted = geoms.copy()
    promoted[single] = [_MULTI_OF[family]([g]) for g in geoms[single]]
    repairs.append(Repair("promote_multi", int(single.sum()),
                          f"single {_PLURAL[family]} made multi-part so the layer holds one type"))
    return frame.set_geometry(_as_series(frame, promoted))


def repair_geometries(frame: "gpd.GeoDataFrame", path: Path, role: Role | None = None):
    """Check and repair a layer's geometries; return ``(frame, repairs)``.

    Raises EmptyLayerError when no usable geometry is left and MixedGeometryError when the layer
    mixes points, lines and polygons.  The frame's index is reset to 0..n-1.
    """
    repairs: list[Repair] = []
    frame = frame.reset_index(drop=True)
    geoms = frame.geometry.values.to_numpy()
    frame = _drop(frame, shapely.is_missing(geoms), "drop_null", "features without geometry dropped", repairs)
    geoms = frame.geometry.values.to_numpy()
    frame = _drop(frame, shapely.is_empty(geoms), "drop_empty", "features with empty geometry dropped", repairs)
    _require_features(frame, path, repairs)
    geoms = frame.geometry.values.to_numpy()
    has_z = shapely.has_z(geoms)
    if has_z.any():
        repairs.append(Repair("force_2d", int(has_z.sum()), "Z (height) coordinates removed"))
        frame = frame.set_geometry(_as_series(frame, shapely.force_2d(geoms)))
        geoms = frame.geometry.values.to_numpy()
    family = _settle_family(geoms, role, path)
    collections = shapely.get_type_id(geoms) == _COLLECTION
    frame = _reduce_step(frame, family, collections, "reduce_collection",
                         f"geometry collections reduced to their {_PLURAL[family]}", repairs)
    frame = _make_valid(frame, family, repairs)
    geoms = frame.geometry.values.to_numpy()
    frame = _drop(frame, shapely.is_empty(geoms), "drop_empty",
                  f"features with no {_PLURAL[family]} left after repair dropped", repairs)
    _require_features(frame, path, repairs)
    frame = _promote(frame, family, repairs)
    return frame.reset_index(drop=True), repairs


def _require_features(frame, path: Path, repairs: list[Repair]) -> None:
    if len(frame) == 0 and not any(r.kind.startswith("drop") for r in repairs):
        raise EmptyLayerError(path, "the layer holds no features")
    if len(frame) == 0:
        dropped = sum(r.count for r in repairs if r.kind.startswith("drop"))
        raise EmptyLayerError(path, f"no usable geometry: all {dropped} feature(s) have a null or empty geometry")
