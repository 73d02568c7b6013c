"""The frame convention every analysis step shares.

A *feature frame* is a GeoDataFrame in EPSG:4326 with exactly these columns:

``uid``
    unique string ``"<layer name>:<id>"`` (a ``#<row>`` suffix is added to repeated ids);
``id``
    the feature's id as text: the mapped id column, else a column named like an id
    (:data:`FALLBACK_COLUMNS`), else the row number;
``name``
    the mapped name column as text, else a column named like a name, else ``""``;
``role``
    the layer's :class:`layers.roles.Role` value (a plain string such as ``"protected_area"``);
``layer``
    the layer's name;
``geometry``
    the geometry in lon/lat, 2-D, valid, never empty; geometries that cross the antimeridian
    are cut at ±180° so every coordinate lies in [-180, 180].

The index is a plain ``RangeIndex``.  The subject frame stacks the feature frames of the
concession and project layers.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from layers.model import ANALYSIS_CRS, VectorLayer
from layers.roles import SUBJECT_ROLES, Role

__all__ = [
    "FRAME_COLUMNS",
    "feature_frame",
    "subject_frame",
    "sensitive_frames",
    "empty_frame",
    "vector_layers",
    "unwrap_antimeridian",
]

FRAME_COLUMNS = ["uid", "id", "name", "role", "layer", "geometry"]


def empty_frame() -> gpd.GeoDataFrame:
    """A feature frame with no rows (the right columns and CRS)."""
    return gpd.GeoDataFrame(
        {c: pd.Series(dtype=str) for c in FRAME_COLUMNS[:-1]},
        geometry=gpd.GeoSeries([], crs=ANALYSIS_CRS),
        crs=ANALYSIS_CRS,
    )


def vector_layers(layers: Iterable[object]) -> list[VectorLayer]:
    """The vector layers among ``layers`` (rasters and anything else are skipped)."""
    return [layer for layer in layers if isinstance(layer, VectorLayer)]


def feature_frame(layer: VectorLayer) -> gpd.GeoDataFrame:
    """The features of one vector layer in the frame convention (see the module docstring)."""
    geo = layer.geographic()
    geoms = np.asarray(geo.geometry.values, dtype=object)
    ids = _text_column(geo, _column(layer, "id"), default=[str(i) for i in range(len(geo))])
    names = _text_column(geo, _column(layer, "name"), default=[""] * len(geo))
    geoms = _clean_geometries(geoms)
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    ids, names, geoms = ids[keep], names[keep], geoms[keep]
    if not len(geoms):
        return empty_frame()
    role = Role(layer.role).value
    frame = gpd.GeoDataFrame(
        {
            "uid": _unique_uids(layer.name, ids),
            "id": ids,
            "name": names,
            "role": role,
            "layer": layer.name,
        },
        geometry=gpd.GeoSeries(geoms, crs=ANALYSIS_CRS),
        crs=ANALYSIS_CRS,
    )
    return frame.reset_index(drop=True)


#: Column names used when the field mapping names no id or name column (case ignored).
FALLBACK_COLUMNS = {
    "id": ("id", "uid", "code", "codigo", "cod", "ident", "identifier"),
    "name": ("name", "nome", "nom", "nombre", "title", "titulo", "label"),
}


def _column(layer: VectorLayer, key: str) -> str | None:
    mapped = layer.column(key)
    if mapped:
        return mapped
    by_lower = {str(c).lower(): c for c in layer.frame.columns if c != "geometry"}
    for candidate in FALLBACK_COLUMNS[key]:
        if candidate in by_lower:
            return by_lower[candidate]
    return None


def subject_frame(layers: Iterable[object]) -> gpd.GeoDataFrame:
    """The concession and project features of ``layers``, stacked in one feature frame."""
    return _stack(layer for layer in vector_layers(layers) if Role(layer.role) in SUBJECT_ROLES)


def sensitive_frames(
    layers: Iterable[object], roles: Sequence[Role]
) -> dict[Role, gpd.GeoDataFrame]:
    """One stacked feature frame per role in ``roles`` that at least one layer plays."""
    vectors = vector_layers(layers)
    out: dict[Role, gpd.GeoDataFrame] = {}
    for role in roles:
        members = [layer for layer in vectors if Role(layer.role) == Role(role)]
        if members:
            out[Role(role)] = _stack(members)
    return out


def _stack(layers: Iterable[VectorLayer]) -> gpd.GeoDataFrame:
    frames = [feature_frame(layer) for layer in layers]
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame()
    out = pd.concat(frames, ignore_index=True)
    out = gpd.GeoDataFrame(out, geometry="geometry", crs=ANALYSIS_CRS)
    dup = out["uid"].duplicated(keep="first")
    if dup.any():  # two layers with the same name: keep uids unique
        out.loc[dup, "uid"] = out.loc[dup, "uid"] + "#" + out.index[dup].astype(str)
    return out


def _text_column(frame: pd.DataFrame, column: str | None, default: list[str]) -> np.ndarray:
    if column is None:
        return np.asarray(default, dtype=object)
    values = frame[column]
    text = values.map(_as_text)
    return np.asarray(text.tolist(), dtype=object)


def _as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _unique_uids(layer_name: str, ids: np.ndarray) -> np.ndarray:
    uids = pd.Series([f"{layer_name}:{i}" for i in ids], dtype=object)
    dup = uids.duplicated(keep=False) | (pd.Series(ids) == "")
    if dup.any():
        uids[dup] = uids[dup] + "#" + uids.index[dup].astype(str)
    return uids.to_numpy(dtype=object)


def _clean_geometries(geoms: np.ndarray) -> np.ndarray:
    if shapely.has_z(geoms).any():  # force_2d copies every geometry: only when needed
        geoms = shapely.force_2d(geoms)
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    return unwrap_antimeridian(geoms)


def unwrap_antimeridian(geoms: np.ndarray) -> np.ndarray:
    """Cut geometries that cross ±180° so every coordinate lies in [-180, 180].

    Two encodings are recognised: coordinates beyond ±180 (e.g. a ring from 179 to 181), and a
    ring that jumps across the line (its longitudes span more than 180°, e.g. 179 → -179).
    Each is shifted to one side, cut at the line and the part beyond it moved back by 360°.
    """
    geoms = np.asarray(geoms, dtype=object)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    bounds = np.full((len(geoms), 4), np.nan)
    if present.any():
        bounds[present] = shapely.bounds(geoms[present])
    outside = (bounds[:, 0] < -180) | (bounds[:, 2] > 180)
    jumps = (bounds[:, 2] - bounds[:, 0]) > 180
    todo = np.flatnonzero(present & (outside | jumps))
    if not len(todo):
        return geoms
    geoms = geoms.copy()
    for i in todo:
        geoms[i] = _cut_at_antimeridian(geoms[i], jump=bool(jumps[i] and not outside[i]))
    return geoms


def _cut_at_antimeridian(geom: shapely.Geometry, jump: bool) -> shapely.Geometry:
    if jump:  # longitudes written on both sides: move the western half east by 360°
        geom = shapely.transform(geom, lambda xy: np.column_stack([np.where(xy[:, 0] < 0, xy[:, 0] + 360, xy[:, 0]), xy[:, 1]]))
    parts = []
    for shift in (-360.0, 0.0, 360.0):
        window = shapely.box(-180 + shift, -90, 180 + shift, 90)
        piece = shapely.intersection(geom, window)
        if not piece.is_empty:
            parts.append(shapely.transform(piece, lambda xy, s=shift: xy - np.array([s, 0.0])))
    merged = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    return merged
