"""Overlap of subjects (concessions, projects) with the features of each sensitive role.

Method (cited by the report):

1. Edges longer than ``settings.densify_m`` are densified following ``settings.edges``
   (straight lon/lat segments by default, or geodesics); overlay runs in lon/lat with shapely
   (GEOS); areas are ellipsoidal (:func:`geodesy.area_m2`, exact for straight lon/lat edges).
2. Features are cut into small pieces (:mod:`pieces`); an STRtree finds the (subject, piece)
   pairs that intersect.  A subject strictly inside a piece needs no overlay: its overlap is the
   subject itself.  Piece overlaps are summed per (subject, feature).
3. Per feature, ``covered_ha`` dissolves the subjects first (where subjects overlap one
   another their intersections are unioned), so overlapping titles are not counted twice.
   Per subject and role, the features are dissolved first in the same way.
4. Rivers (lines): length inside the subject (``overlap_km``).  Points (communities, point
   projects): containment, ``contained`` = True and ``distance_m`` = 0.
A pair is reported when the overlap area exceeds :data:`AREA_EPS_M2` (touching is no overlap).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from layers.model import ANALYSIS_CRS

from .arrays import distinct, take
from .geodesy import area_m2, length_m
from .overlap_totals import (PolygonTree, feature_summary, overlapping_flags, run_dissolves,
                             summary_dissolve, summary_table, totals_dissolve, totals_table)
from .parallel import run_chunks
from .pieces import PreparedInputs
from .results import empty_table
from .settings import checkpoint

__all__ = ["OverlapOutput", "overlap_tables", "AREA_EPS_M2", "safe_intersection"]

#: Overlaps at or below this area (m²) are numerical noise along shared edges.
AREA_EPS_M2 = 1e-3


@dataclass(frozen=True, eq=False)
class OverlapOutput:
    """Tables (overlaps, summary, concession_totals) and the overlap geometries."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    geometries: gpd.GeoDataFrame | None = None


def overlap_tables(subjects, sensitive, settings, *, progress=None, cancelled=None,
                   prepared: PreparedInputs | None = None) -> OverlapOutput:
    """Overlap metrics of every (subject, sensitive feature) pair, per-feature summary and
    per-subject totals, plus the overlap geometries.  See the module docstring.
    ``prepared`` shares densified inputs with the proximity step."""
    if not sensitive:
        return OverlapOutput()
    prepared = prepared or PreparedInputs(subjects, sensitive, settings.densify_m, settings.edges)
    if not len(subjects):
        return OverlapOutput({"summary": _summary_only(sensitive, prepared)})
    sgeoms, s_area = prepared.overlay_sgeoms, prepared.s_area
    checkpoint(progress, cancelled, 0.0,
               "Overlap with " + ", ".join(role.value for role in sensitive))
    tree = PolygonTree.of(sgeoms)
    polygons, flagged = _polygon_pairs(sgeoms, s_area, {r: prepared.index(r) for r in sensitive},
                                       tree, cancelled, settings.workers)
    all_pairs = {role: _role_pairs(sgeoms, prepared.fgeoms(role), polygons[role], cancelled)
                 for role in sensitive}
    # only subjects with overlaps need to know whether they overlap one another; those with
    # polygon overlaps were told in the chunks
    touching = distinct(np.concatenate([p["subject"] for p in all_pairs.values()]))
    rest = np.setdiff1d(touching, _subjects_of(polygons))
    s_flags = overlapping_flags(sgeoms, among=rest, workers=settings.workers, tree=tree)
    s_flags[flagged] = True
    checkpoint(progress, cancelled, 0.8, "Overlap totals")
    rows, geoms, plans = [], [], []
    for role, feats in sensitive.items():
        pairs = all_pairs[role]
        pairs["role"] = role.value
        f_area, f_len = prepared.measures(role)
        rows.append(_pair_rows(pairs, subjects, feats, s_area, f_area, f_len))
        geoms.append(pairs)
        plans.append((summary_dissolve(pairs, len(feats), s_flags),
                      totals_dissolve(pairs, len(subjects))))
    run_dissolves([d for pair in plans for d in pair], settings.workers)  # one run for all
    summaries, totals = [], []
    for (role, feats), (summary, total) in zip(sensitive.items(), plans):
        pairs, f_area, f_len = all_pairs[role], *prepared.measures(role)
        summaries.append(summary_table(summary, pairs, feats, f_area, f_len,
                                       subject_geoms=sgeoms, feature_geoms=prepared.fgeoms(role)))
        totals.append(totals_table(total, subjects, s_area, role.value))
    checkpoint(progress, cancelled, 1.0, "Overlap done")
    overlaps = pd.concat(rows, ignore_index=True) if rows else empty_table("overlaps")
    tables = {"overlaps": overlaps, "summary": pd.concat(summaries, ignore_index=True),
              "concession_totals": pd.concat(totals, ignore_index=True)}
    return OverlapOutput(tables, _geometry_frame(geoms, subjects, sensitive))


def _role_pairs(sgeoms, fgeoms, polygon_pairs, cancelled) -> dict[str, np.ndarray]:
    """Pairs (subject, feature) with overlap area, length, containment and geometry: the
    polygon features' ``polygon_pairs`` (:func:`_polygon_pairs`) and the lines' and points'."""
    ftype = shapely.get_type_id(fgeoms)
    out = [polygon_pairs,
           _line_pairs(sgeoms, fgeoms, np.flatnonzero(np.isin(ftype, (1, 2, 5))), cancelled),
           _point_pairs(sgeoms, fgeoms, np.flatnonzero(np.isin(ftype, (0, 4))), cancelled)]
    return {key: np.concatenate([o[key] for o in out]) for key in out[0]}


def _empty_pairs() -> dict[str, np.ndarray]:
    return {"subject": np.zeros(0, int), "feature": np.zeros(0, int), "area_m2": np.zeros(0),
            "length_m": np.zeros(0), "contained": np.zeros(0, bool),
            "geometry": np.zeros(0, object)}


def _polygon_pairs(sgeoms, s_area, indexes: dict, tree: PolygonTree, cancelled,
                   workers=1) -> tuple[dict, np.ndarray]:
    """Per role of ``indexes`` (its :class:`pieces.PieceIndex`), the pairs of subjects and
    polygon features that overlap, every role in one run of chunks; and the subjects of
    those pairs that overlap another subject (``tree``: :meth:`overlap_totals.PolygonTree.of`
    the subjects)."""
    roles = [role for role, index in indexes.items() if index.is_polygon.any()]
    out = {role: _empty_pairs() for role in indexes}
    if not roles:
        return out, np.zeros(0, np.int64)
    parts = run_chunks(_overlap_chunk, (sgeoms, s_area, [indexes[r] for r in roles], tree),
                       len(sgeoms), workers, cancelled)
    for k, role in enumerate(roles):
        out[role] = {key: np.concatenate([p[0][k][key] for p in parts]) for key in parts[0][0][k]}
    return out, np.concatenate([p[1] for p in parts])


def _subjects_of(pairs_by_role: dict) -> np.ndarray:
    """The distinct subjects of every role's pairs."""
    return distinct(np.concatenate([p["subject"] for p in pairs_by_role.values()]))


def _overlap_chunk(state, start, stop) -> tuple[list[dict], np.ndarray]:
    """For each index of ``state``, the overlaps of subjects ``start:stop`` with the
    features they meet (above the noise), summed over the features' pieces (a chunk holds
    every piece of its subjects' pairs); and which of the subjects in those pairs overlap
    another subject."""
    sgeoms, s_area, indexes, tree = state
    pairs = [_index_overlaps(sgeoms, s_area, index, start, stop) for index in indexes]
    touching = distinct(np.concatenate([p["subject"] for p in pairs]))
    return pairs, tree.overlapping(sgeoms, touching)


def _index_overlaps(sgeoms, s_area, index, start, stop) -> dict:
    """The overlaps of subjects ``start:stop`` with the polygon pieces of ``index``."""
    si, pj = index.tree.query(sgeoms[start:stop], predicate="intersects")
    poly = index.is_polygon[pj]
    si, pj = si[poly] + start, pj[poly]
    g, a = _piece_overlaps(sgeoms[si], s_area[si], index.pieces[pj])
    keep = a > AREA_EPS_M2
    return _group_pieces(si[keep], index.owner[pj[keep]], g[keep], a[keep], s_area)


def _piece_overlaps(sub, sub_area, pieces):
    """Intersection geometry and area of each (subject, piece) pair, with the within shortcut."""
    geoms = np.empty(len(sub), dtype=object)
    areas = np.empty(len(sub))
    inside = shapely.contains_properly(pieces, sub)
    geoms[inside], areas[inside] = sub[inside], sub_area[inside]
    rest = ~inside
    if rest.any():
        geoms[rest] = safe_intersection(sub[rest], pieces[rest])
        areas[rest] = area_m2(geoms[rest])
    return geoms, areas


def safe_intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Vectorised intersection; on a GEOS topology error, pair by pair with repaired inputs."""
    try:
        return shapely.intersection(a, b)
    except shapely.errors.GEOSException:
        out = np.empty(len(a), dtype=object)
        for i, (x, y) in enumerate(zip(a, b)):
            try:
                out[i] = shapely.intersection(x, y)
            except shapely.errors.GEOSException:
                out[i] = shapely.intersection(shapely.make_valid(x), shapely.make_valid(y))
        return out


def _group_pieces(si, fi, geoms, areas, s_area):
    """Sum the piece overlaps per (subject, feature) and union their geometries."""
    if not len(si):
        return _empty_pairs()
    key = si.astype(np.int64) * (fi.max() + 1) + fi
    order = np.argsort(key, kind="stable")
    key, si, fi, geoms, areas = key[order], si[order], fi[order], geoms[order], areas[order]
    starts = np.r_[0, np.flatnonzero(np.diff(key)) + 1]
    sizes = np.diff(np.r_[starts, len(key)])
    total = np.add.reduceat(areas, starts)
    merged = geoms[starts]
    for n in np.flatnonzero(sizes > 1):
        merged[n] = shapely.union_all(geoms[starts[n]:starts[n] + sizes[n]])
    sub = si[starts]
    return {"subject": sub, "feature": fi[starts], "area_m2": total,
            "length_m": np.zeros(len(starts)),
            "contained": total >= s_area[sub] * (1 - 1e-9), "geometry": merged}


def _line_pairs(sgeoms, fgeoms, line_ids, cancelled):
    if not len(line_ids):
        return _empty_pairs()
    tree = shapely.STRtree(fgeoms[line_ids])
    si, lj = tree.query(sgeoms, predicate="intersects")
    checkpoint(None, cancelled, 0, "overlap")
    inter = shapely.intersection(sgeoms[si], fgeoms[line_ids][lj])
    length = length_m(inter)
    keep = length > 0
    n = int(keep.sum())
    return {"subject": si[keep], "feature": line_ids[lj[keep]], "area_m2": np.zeros(n),
            "length_m": length[keep], "contained": np.zeros(n, bool),
            "geometry": inter[keep]}


def _point_pairs(sgeoms, fgeoms, point_ids, cancelled):
    """Point features inside subjects, and point subjects inside polygon features."""
    stype = shapely.get_type_id(sgeoms)
    out = []
    if len(point_ids):
        tree = shapely.STRtree(fgeoms[point_ids])
        si, pj = tree.query(sgeoms, predicate="intersects")
        out.append((si, point_ids[pj], fgeoms[point_ids][pj]))
    point_subjects = np.flatnonzero(np.isin(stype, (0, 4)))
    polys = np.flatnonzero(np.isin(shapely.get_type_id(fgeoms), (3, 6)))
    if len(point_subjects) and len(polys):
        tree = shapely.STRtree(fgeoms[polys])
        pi, fj = tree.query(sgeoms[point_subjects], predicate="intersects")
        out.append((point_subjects[pi], polys[fj], sgeoms[point_subjects][pi]))
    if not out:
        return _empty_pairs()
    checkpoint(None, cancelled, 0, "overlap")
    si = np.concatenate([o[0] for o in out])
    n = len(si)
    return {"subject": si, "feature": np.concatenate([o[1] for o in out]),
            "area_m2": np.zeros(n), "length_m": np.zeros(n), "contained": np.ones(n, bool),
            "geometry": np.concatenate([o[2] for o in out])}


def _pair_rows(pairs, subjects, feats, s_area, f_area, f_len) -> pd.DataFrame:
    s, f = pairs["subject"], pairs["feature"]
    f_area = f_area[f]
    f_len = np.where(f_area > 0, np.nan, f_len[f])
    with np.errstate(divide="ignore", invalid="ignore"):
        pct_sub = np.where(s_area[s] > 0, 100 * pairs["area_m2"] / s_area[s], np.nan)
        pct_feat = np.where(f_area > 0, 100 * pairs["area_m2"] / f_area,
                            100 * pairs["length_m"] / f_len)
    is_area = pairs["area_m2"] > 0
    return pd.DataFrame({
        "concession_uid": take(subjects["uid"], s),
        "concession_id": take(subjects["id"], s),
        "concession_name": take(subjects["name"], s),
        "concession_role": take(subjects["role"], s),
        "role": pairs["role"],
        "feature_uid": take(feats["uid"], f),
        "feature_id": take(feats["id"], f),
        "feature_name": take(feats["name"], f),
        "overlap_ha": pairs["area_m2"] / 1e4,
        "pct_of_concession": np.where(is_area, pct_sub, np.nan),
        "pct_of_feature": np.where(is_area | (pairs["length_m"] > 0), pct_feat, np.nan),
        "contained": pairs["contained"],
        "distance_m": 0.0,
        "overlap_km": pairs["length_m"] / 1e3,
    })


def _geometry_frame(pairs_list, subjects, sensitive) -> gpd.GeoDataFrame:
    frames = []
    for pairs, feats in zip(pairs_list, sensitive.values()):
        frames.append(pd.DataFrame({
            "concession_uid": take(subjects["uid"], pairs["subject"]),
            "feature_uid": take(feats["uid"], pairs["feature"]),
            "role": pairs["role"], "overlap_ha": pairs["area_m2"] / 1e4,
            "geometry": pairs["geometry"]}))
    table = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(table, geometry="geometry", crs=ANALYSIS_CRS)


def _summary_only(sensitive, prepared) -> pd.DataFrame:
    out = [feature_summary(_empty_pairs() | {"role": r.value}, f, *prepared.measures(r),
                           np.zeros(0, bool)) for r, f in sensitive.items()]
    return pd.concat(out, ignore_index=True) if out else empty_table("summary")
