"""Proximity of subjects to the features of each sensitive role.

For each subject and role: every feature within the largest ring, with its geodesic
edge-to-edge distance (0 when they touch or overlap), whether it lies within each ring and
the area (ha) of the feature inside each ring; and the nearest feature, however far.

Roles measured: ``settings.proximity_roles`` (by default not basins: every subject lies in a
basin, and the downstream step says which).

A *ring* of r km is the set of points within r km of the subject, the subject included
(a geodesic buffer, built in a local azimuthal equidistant projection: see :mod:`rings`).
A feature is *within* the ring when its distance is at most r.  Ring areas are given for
polygon features only.  For a role made only of lines (a river network of thousands of
segments) only the nearest line is reported: its distance and the rings it lies within.
:func:`ring_counts` gives, per subject, role and ring, the count and names of the features
within the ring and their total area inside it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import geopandas as gpd
import shapely

from layers.model import ANALYSIS_CRS

from .geodesy import GEOD
from .pieces import PieceIndex, PreparedInputs
from .parallel import run_chunks
from .rings import cells, expanded_boxes, measure_pairs, ring_polygons
from .results import empty_table
from .settings import checkpoint

__all__ = ["proximity_table", "ring_label", "ring_zones", "ring_counts"]



def ring_label(km: float) -> str:
    """Column suffix of a ring: ``5km``, ``2.5km``."""
    return f"{km:g}km"


def proximity_table(subjects, sensitive, settings, *, progress=None, cancelled=None,
                    prepared: PreparedInputs | None = None) -> pd.DataFrame:
    """One row per (subject, role, feature) for features within the largest ring, plus the
    nearest feature of each role; see the module docstring for the columns' meaning."""
    if not len(subjects) or not sensitive:
        return empty_table("proximity")
    prepared = prepared or PreparedInputs(subjects, sensitive, settings.densify_m, settings.edges)
    rings_m = np.array(settings.rings_km) * 1000.0
    sensitive = {r: f for r, f in sensitive.items() if r in settings.proximity_roles}
    indexes = {role: prepared.index(role) for role in sensitive}
    indexes = {role: index for role, index in indexes.items() if len(index)}
    area_roles = [r for r, i in indexes.items()
                  if len(rings_m) and np.isin(shapely.get_type_id(i.pieces), (0, 3, 4, 6)).any()]
    near = {}
    if area_roles:  # one pass for every role: each subject's rings are built once
        checkpoint(progress, cancelled, 0.0, "Proximity: rings")
        combined, offsets = PieceIndex.combine([indexes[r] for r in area_roles])
        pairs = _near_pairs(prepared.sgeoms, combined, rings_m, cancelled, settings.workers)
        for k, role in enumerate(area_roles):
            mine = (pairs["feature"] >= offsets[k]) & (pairs["feature"] < offsets[k + 1])
            near[role] = pairs[mine].assign(feature=pairs["feature"][mine] - offsets[k])
    tables = []
    for k, (role, index) in enumerate(indexes.items()):
        checkpoint(progress, cancelled, 0.5 + k / len(indexes) / 2, f"Proximity to {role.value}")
        pairs = near.get(role, _no_pairs(len(rings_m))).reset_index(drop=True)
        pairs = _with_nearest(prepared.sgeoms, index, pairs, cancelled, settings.workers)
        tables.append(_rows(pairs, subjects, sensitive[role], role.value, settings.rings_km))
    checkpoint(progress, cancelled, 1.0, "Proximity done")
    return pd.concat(tables, ignore_index=True) if tables else empty_table("proximity")


def _query(tree: shapely.STRtree, boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Box query that also looks across the antimeridian."""
    si, pj = tree.query(boxes)
    b = shapely.bounds(boxes)
    out_s, out_p = [si], [pj]
    for shift, cross in ((360.0, b[:, 0] < -180), (-360.0, b[:, 2] > 180)):
        idx = np.flatnonzero(cross)
        if len(idx):
            s2, p2 = tree.query(shapely.transform(boxes[idx], lambda xy, s=shift: xy + [s, 0]))
            out_s.append(idx[s2]), out_p.append(p2)
    si, pj = np.concatenate(out_s), np.concatenate(out_p)
    if len(out_s) > 1:  # a box wider than 360° meets a piece once per shift: count it once
        width = int(pj.max(initial=0)) + 1
        key = np.unique(si.astype(np.int64) * width + pj)
        si, pj = key // width, key % width
    return si, pj


def _near_pairs(sgeoms, index: PieceIndex, rings_m, cancelled, workers=1) -> pd.DataFrame:
    """(subject, feature) pairs within the largest ring: distance and ring areas (m²).
    Subjects are taken in the order of their 1° cells, so each chunk projects few pieces."""
    order = np.argsort(cells(sgeoms)[0], kind="stable")
    parts = run_chunks(_proximity_chunk, (sgeoms, index, rings_m, order), len(sgeoms),
                       workers, cancelled)
    return pd.concat(parts, ignore_index=True)


def _proximity_chunk(state, start, stop) -> pd.DataFrame:
    sgeoms, index, rings_m, order = state
    radius = float(rings_m.max()) if len(rings_m) else 0.0
    chunk = order[start:stop]
    si, pj = _query(index.tree, expanded_boxes(sgeoms[chunk], radius))
    si = chunk[si]
    dist, areas, hit = measure_pairs(sgeoms, index, si, pj, rings_m)
    out = _per_feature(si[hit], index.owner[pj[hit]], dist[hit], areas[hit])
    return out[out["distance_m"].to_numpy() <= radius].reset_index(drop=True)


def _no_pairs(n_rings: int) -> pd.DataFrame:
    cols = {"subject": np.zeros(0, np.int64), "feature": np.zeros(0, np.int64),
            "distance_m": np.zeros(0)}
    return pd.DataFrame({**cols, **{f"_a{k}": np.zeros(0) for k in range(n_rings)}})


def _per_feature(si, fi, dist, areas) -> pd.DataFrame:
    """One row per (subject, feature): the smallest piece distance and the summed ring areas
    (NaN where every piece's area is NaN: lines, points)."""
    if not len(si):
        return _no_pairs(areas.shape[1])
    key = si.astype(np.int64) * (int(fi.max()) + 1) + fi
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.r_[0, np.flatnonzero(np.diff(key)) + 1]
    with np.errstate(invalid="ignore"):
        best = np.fmin.reduceat(dist[order], starts)
    frame = pd.DataFrame({"subject": si[order][starts], "feature": fi[order][starts],
                          "distance_m": best})
    for k in range(areas.shape[1]):
        col = areas[order, k]
        known = np.add.reduceat((~np.isnan(col)).astype(np.int64), starts)
        total = np.add.reduceat(np.nan_to_num(col), starts)
        frame[f"_a{k}"] = np.where(known > 0, total, np.nan)
    return frame


def _with_nearest(sgeoms, index: PieceIndex, pairs: pd.DataFrame, cancelled,
                  workers: int = 1) -> pd.DataFrame:
    """Mark the nearest feature per subject; find it beyond the rings where needed (in
    chunks of subjects taken in cell order, in ``workers`` processes)."""
    pairs = pairs.assign(nearest=False)
    if len(pairs):
        best = pairs.groupby("subject")["distance_m"].idxmin()
        pairs.loc[best.to_numpy(), "nearest"] = True
    missing = np.setdiff1d(np.arange(len(sgeoms)), pairs["subject"].unique())
    missing = missing[~shapely.is_empty(sgeoms[missing])]
    if not len(missing):
        return pairs
    checkpoint(None, cancelled, 0, "proximity")
    order = missing[np.argsort(cells(sgeoms[missing])[0], kind="stable")]
    parts = run_chunks(_nearest_chunk, (sgeoms, index, _box_tree(index), order), len(order),
                       workers, cancelled, min_chunk=1_000)
    far = pd.concat(parts, ignore_index=True).assign(nearest=True)
    return pd.concat([pairs, far], ignore_index=True)


def _nearest_chunk(state, start, stop) -> pd.DataFrame:
    """Nearest feature of subjects ``order[start:stop]``: the piece with the nearest bounding
    box gives an upper bound, every piece that may be nearer is then measured."""
    sgeoms, index, boxes, order = state
    sub = order[start:stop]
    near = boxes.query_nearest(shapely.envelope(sgeoms[sub]), all_matches=False)
    d0 = _upper_bound_m(sgeoms[sub[near[0]]], index.pieces[near[1]])
    si, pj = _query(index.tree, expanded_boxes(sgeoms[sub[near[0]]], d0))
    si = sub[near[0]][si]
    si, pj = _prune_far(sgeoms, index.pieces, si, pj)
    dist = measure_pairs(sgeoms, index, si, pj)[0]
    far = pd.DataFrame({"subject": si, "feature": index.owner[pj], "distance_m": dist})
    return far.loc[far.groupby("subject")["distance_m"].idxmin()]


def _upper_bound_m(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A distance (m) no shorter than the geodesic distance between each ``a`` and ``b``: the
    geodesic length of their shortest line in lon/lat (both ends are points of the pair)."""
    xy = shapely.get_coordinates(shapely.shortest_line(a, b))
    return GEOD.inv(xy[0::2, 0], xy[0::2, 1], xy[1::2, 0], xy[1::2, 1])[2] * (1 + 1e-9) + 1e-3


def _box_tree(index: PieceIndex) -> shapely.STRtree:
    """An STRtree of the pieces' bounding boxes (nearest candidates at box-to-box cost)."""
    return shapely.STRtree(shapely.envelope(index.pieces))


def _prune_far(sgeoms, pieces, si, pj):
    """Drop candidate pairs that cannot be nearest: a spherical lower bound on their distance
    (centre distance minus both bounding radii, less 1 %) exceeds the smallest upper bound."""
    if len(si) < 2:
        return si, pj
    sc, sr = _centre_radius(sgeoms)
    pc, pr = _centre_radius(pieces[np.unique(pj)])
    pos = np.searchsorted(np.unique(pj), pj)
    centre = _haversine(sc[si], pc[pos])
    lower = 0.99 * centre - sr[si] - pr[pos]
    upper = pd.Series(centre + sr[si] + pr[pos]).groupby(si).transform("min").to_numpy()
    keep = lower <= upper
    return si[keep], pj[keep]


def _centre_radius(geoms):
    b = shapely.bounds(geoms)
    centre = np.column_stack([(b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2])
    radius = _haversine(centre, b[:, 2:4]) * 1.01 + 1.0
    return centre, radius


def _haversine(a, b):
    lon1, lat1, lon2, lat2 = map(np.radians, (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_008.8 * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def _rows(pairs, subjects, feats, role: str, rings_km) -> pd.DataFrame:
    s, f = pairs["subject"].to_numpy(), pairs["feature"].to_numpy()
    out = pd.DataFrame({
        "concession_uid": subjects["uid"].to_numpy()[s],
        "concession_id": subjects["id"].to_numpy()[s],
        "concession_name": subjects["name"].to_numpy()[s],
        "role": role,
        "feature_uid": feats["uid"].to_numpy()[f],
        "feature_id": feats["id"].to_numpy()[f],
        "feature_name": feats["name"].to_numpy()[f],
        "distance_m": pairs["distance_m"].to_numpy(),
        "nearest": pairs["nearest"].to_numpy(bool),
    })
    dist = out["distance_m"].to_numpy()
    polygon = np.isin(shapely.get_type_id(np.asarray(feats.geometry.values)[f]), (3, 6))
    for k, km in enumerate(rings_km):
        out[f"within_{ring_label(km)}"] = dist <= km * 1000.0
    for k, km in enumerate(rings_km):
        col = pairs.get(f"_a{k}")
        area = col.to_numpy(float) if col is not None else np.full(len(out), np.nan)
        area = np.where(dist <= km * 1000.0, area / 1e4, 0.0)
        out[f"area_{ring_label(km)}_ha"] = np.where(polygon, area, np.nan)
    return out.sort_values(["concession_uid", "distance_m"], kind="stable", ignore_index=True)


def ring_zones(subjects: gpd.GeoDataFrame, rings_km) -> gpd.GeoDataFrame:
    """The subjects and their rings as zones (feature frame + ``zone`` and ``subject_uid``)
    for raster statistics: ``zone`` is ``"subject"`` or ``"ring_<r>km"``."""
    base = subjects.assign(zone="subject", subject_uid=subjects["uid"])
    frames = [base]
    geoms = np.asarray(subjects.geometry.values, dtype=object)
    for km in rings_km:
        ring = ring_polygons(geoms, km * 1000.0)
        frames.append(base.assign(zone=f"ring_{ring_label(km)}",
                                  geometry=gpd.GeoSeries(ring, crs=ANALYSIS_CRS).values))
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry",
                            crs=ANALYSIS_CRS)


def ring_counts(proximity: pd.DataFrame, rings_km) -> pd.DataFrame:
    """Per (subject, role, ring): how many features lie within the ring, their names
    (nearest first, ``"; "``-separated) and their total area inside the ring (ha)."""
    cols = ["concession_uid", "concession_id", "role", "ring_km", "n_features", "names",
            "area_ha"]
    frames = []
    for km in rings_km:
        if f"within_{ring_label(km)}" not in proximity.columns:
            continue
        within = proximity[proximity[f"within_{ring_label(km)}"].astype(bool)]
        if not len(within):
            continue
        label = within["feature_name"].where(within["feature_name"] != "", within["feature_id"])
        keys = ["concession_uid", "concession_id", "role"]
        within = within.assign(_label=label)
        grouped = within.groupby(keys, sort=False)
        frames.append(pd.DataFrame({
            "n_features": grouped["feature_uid"].nunique(),
            "names": _joined_names(within.drop_duplicates(keys + ["_label"]), keys),
            "area_ha": grouped[f"area_{ring_label(km)}_ha"].sum(min_count=1),
        }).reset_index().assign(ring_km=km))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return pd.concat(frames, ignore_index=True)[cols]


def _joined_names(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """``"; "``-joined ``_label`` per group of ``keys``, in row order (one pass, no per-group
    pandas objects)."""
    codes = rows.groupby(keys, sort=False).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    labels = rows["_label"].to_numpy()[order].tolist()
    bounds = np.r_[0, np.flatnonzero(np.diff(codes[order])) + 1, len(order)].tolist()
    names = ["; ".join(labels[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
    first = rows.iloc[order[bounds[:-1]]][keys]
    return pd.Series(names, index=pd.MultiIndex.from_frame(first))
