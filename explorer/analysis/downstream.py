"""Downstream of each subject: the basins its water flows through and what they hold.

Method (a report can cite it word for word)
-------------------------------------------
1. **Basins of a subject**: every basin the subject's geometry intersects (step 0).
2. **Chain**: the basins downstream of each of them, nearest first, by the Otto Pfafstetter
   rule inside one river unit, or by following HydroBASINS ``NEXT_DOWN`` (see
   :mod:`explorer.analysis.pfafstetter`).  A subject in several basins lists each downstream
   basin once, with its smallest step (the number of basins crossed from the subject's basin).
3. **Distance**, ``method = "along_river"`` when a river layer is given and reaches the
   subject's basins: the river lines form a directed graph (see
   :mod:`explorer.analysis.rivernet`).  The flow is followed from the river vertices inside the
   subject (or, if no river crosses it, from the river vertex nearest to it inside its
   basins; ``start_offset_km`` is the geodesic gap between subject and that vertex).
   ``basin_km`` is the along-river geodesic length from there to the first river vertex in the
   downstream basin (where the flow enters it; 0 for step 0), so distances are resolved to the
   vertex spacing of the river data (a few hundred metres for HydroRIVERS/FFR).  A feature counts as reached
   when the reached river passes within ``snap_km`` (default 2 km, geodesic) of it;
   ``feature_km`` is the along-river length to the first such vertex inside the basin listed on
   the row, and ``offset_km`` that
   vertex's geodesic gap to the feature (0 when the flow passes through it).  Features of a
   listed basin that the flow never comes that close to are not listed: the water does not
   pass them (they sit on another branch of that basin).
   ``method = "geodesic"`` otherwise (no rivers, a subject whose basins hold no river line, or
   a downstream basin with no river line in it): ``basin_km`` and ``feature_km`` are geodesic
   edge-to-edge distances on WGS 84 from the subject to the basin and to the feature, and
   every feature of a listed basin within the reach limit is listed.
4. **Reach limit** (``reach_km``, default 100): a downstream basin is listed when its
   ``basin_km`` is within the limit (basins of step 0 always are); a feature of a listed basin
   is listed when its ``feature_km`` is.  Along rivers, a basin the flow does not reach within
   the limit is left out.
5. **Features**: protected areas, Indigenous territories and communities intersecting a listed
   basin.  One row per subject x basin x feature; a basin with no feature within reach has one
   row with empty feature columns.  Features of step 0 share the subject's basin: the river
   distance tells whether the flow reaches them; without rivers they may lie up- or downstream.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from layers.model import ANALYSIS_CRS, FieldMapping
from layers.roles import Role

from .basin_topology import BasinSet, basin_set
from .downstream_rivers import RiverContext
from .gaps import geodesic_gap_m
from .settings import checkpoint

__all__ = ["DOWNSTREAM_ROLES", "DOWNSTREAM_COLUMNS", "downstream_table", "reached_basins"]

#: Roles whose features are looked for downstream.
DOWNSTREAM_ROLES = (Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY, Role.COMMUNITY)

DOWNSTREAM_COLUMNS = [
    "subject_uid", "concession_id", "concession_name", "basin_code", "step",
    "downstream_basin_code", "downstream_basin_name", "method", "basin_km", "start_offset_km",
    "role", "feature_uid", "feature_id", "feature_name", "feature_km", "offset_km",
]
_FEATURE_COLUMNS = ["role", "uid", "id", "name", "geometry"]


@dataclass(frozen=True)
class _Found:
    """The features intersecting one basin: row tuples and their geometries."""

    rows: list
    geoms: np.ndarray


def reached_basins(own: list[str], chains: Mapping[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Every basin at or below ``own``: key -> (smallest step, the own basin it is reached from).

    >>> reached_basins(["3984", "3983"], {"3984": ["3983", "3981"], "3983": ["3981"]})
    {'3984': (0, '3984'), '3983': (0, '3983'), '3981': (1, '3983')}
    """
    out = {key: (0, key) for key in own}
    for key in own:
        for step, down in enumerate(chains.get(key, []), start=1):
            if down not in out or step < out[down][0]:
                out[down] = (step, key)
    return out


def _lonlat(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if frame.crs is not None and not frame.crs.equals(ANALYSIS_CRS):
        return frame.to_crs(ANALYSIS_CRS)
    return frame


def _sensitive_features(sensitive) -> pd.DataFrame | None:
    frames = [
        _lonlat(frame).assign(role=Role(role).value)[_FEATURE_COLUMNS]
        for role, frame in (sensitive or {}).items()
        if Role(role) in DOWNSTREAM_ROLES and frame is not None and len(frame)
    ]
    return pd.concat(frames, ignore_index=True) if frames else None


def _features_by_basin(features, shapes: gpd.GeoDataFrame) -> dict[str, _Found]:
    if features is None:
        return {}
    tree = shapely.STRtree(np.asarray(features.geometry.values, dtype=object))
    basin_idx, feat_idx = tree.query(np.asarray(shapes.geometry.values, dtype=object),
                                     predicate="intersects")
    keys = shapes.index.to_numpy()
    rows = list(features.itertuples(index=False))
    geoms = np.asarray(features.geometry.values, dtype=object)
    out = {}
    for b in np.unique(basin_idx):
        members = feat_idx[basin_idx == b]
        out[keys[b]] = _Found([rows[i] for i in members], geoms[members])
    return out


def _own_basins(subjects: gpd.GeoDataFrame, shapes: gpd.GeoDataFrame) -> list[list[str]]:
    tree = shapely.STRtree(np.asarray(shapes.geometry.values, dtype=object))
    subj_idx, basin_idx = tree.query(np.asarray(subjects.geometry.values, dtype=object),
                                     predicate="intersects")
    keys = shapes.index.to_numpy()
    out: list[list[str]] = [[] for _ in range(len(subjects))]
    for s, b in zip(subj_idx, basin_idx):
        out[s].append(keys[b])
    return [sorted(found) for found in out]


def _geodesic_rows(subject, reached, topo: BasinSet, features, reach_km):
    far = [key for key, (step, _) in reached.items() if step != 0]
    basin_km = dict(zip(far, _gaps_km(subject, [topo.geometry_of[key] for key in far])))
    listed = [key for key in reached if basin_km.get(key, 0.0) <= reach_km]
    found = {key: features[key] for key in listed if key in features}
    gaps = _gaps_km(subject, [g for here in found.values() for g in here.geoms])
    cuts = np.cumsum([len(here.rows) for here in found.values()])
    feature_km = dict(zip(found, np.split(gaps, cuts[:-1])))
    rows = []
    for key in listed:
        step, source = reached[key]
        base = (source, step, key, "geodesic", basin_km.get(key, 0.0), np.nan)
        hits = [] if key not in found else [
            (f, km, np.nan) for f, km in zip(found[key].rows, feature_km[key]) if km <= reach_km]
        rows.extend(_basin_rows(base, hits))
    return rows


def _gaps_km(subject, geoms: list) -> np.ndarray:
    """Geodesic gaps (km) from ``subject`` to each of ``geoms``, in one call."""
    return geodesic_gap_m(subject, np.asarray(geoms, dtype=object)) / 1000


def _basin_rows(base, hits):
    if not hits:
        return [(*base, "", "", "", "", np.nan, np.nan)]
    return [(*base, f.role, f.uid, f.id, f.name, km, off) for f, km, off in hits]


def _subject_rows(subject, own, topo, features, rivers, reach_km, inside=None):
    reached = reached_basins(own, topo.chains)
    flow = rivers.follow(subject, own, reach_km, inside) if rivers is not None else None
    if flow is None:
        return _geodesic_rows(subject, reached, topo, features, reach_km)
    rows = []
    for key, (step, source) in reached.items():
        if not rivers.has_nodes(key):
            rows.extend(_geodesic_rows(subject, {key: (step, source)}, topo, features, reach_km))
            continue
        basin_km = 0.0 if step == 0 else flow.basin_km(key)
        if basin_km > reach_km:
            continue
        base = (source, step, key, "along_river", basin_km, flow.start_offset_km)
        found = features.get(key)
        hits = [] if found is None else [
            (f, km, off) for f in found.rows
            for km, off in [flow.feature_km(f.uid, key)] if km <= reach_km
        ]
        rows.extend(_basin_rows(base, hits))
    return rows


def downstream_table(subjects, basins, basin_mapping: FieldMapping | None, sensitive,
                     rivers=None, reach_km: float = 100.0, progress=None, cancelled=None,
                     *, unit_digits: int | None = None, snap_km: float = 2.0) -> pd.DataFrame:
    """The downstream table (columns :data:`DOWNSTREAM_COLUMNS`, method in the module notes).

    ``subjects`` is a subject feature frame, ``basins`` the basin layer in lon/lat with its
    source columns, ``basin_mapping`` names its Pfafstetter ``code`` or ``next_down`` column,
    ``sensitive`` maps roles to feature frames, ``rivers`` is a frame of river lines or None.
    ``unit_digits`` overrides the Pfafstetter river unit (None: continental codes);
    ``snap_km`` is how close the reached river must pass to a feature (along-river method).
    """
    topo = basin_set(_lonlat(basins), basin_mapping, unit_digits)
    subjects = _lonlat(subjects)
    if not len(subjects) or not len(topo.shapes):
        return pd.DataFrame(columns=DOWNSTREAM_COLUMNS)
    candidates = _sensitive_features(sensitive)
    features = _features_by_basin(candidates, topo.shapes)
    context = None
    if rivers is not None and len(rivers):
        context = RiverContext.build(_lonlat(rivers), topo.shapes, candidates, snap_km)
    owns = _own_basins(subjects, topo.shapes)
    inside = (context.inside_nodes(subjects.geometry.values) if context is not None
              else [None] * len(subjects))
    rows = []
    for i, subject in enumerate(subjects.itertuples()):
        if i % 50 == 0:
            checkpoint(progress, cancelled, i / len(subjects), "Downstream basins")
        for row in _subject_rows(subject.geometry, owns[i], topo, features, context, reach_km,
                                 inside[i]):
            rows.append((i, subject.uid, subject.id, subject.name, *row))
    checkpoint(progress, cancelled, 1.0, "Downstream basins")
    return _finish(rows, topo)


def _finish(rows, topo: BasinSet) -> pd.DataFrame:
    columns = ["order", *DOWNSTREAM_COLUMNS[:6], *DOWNSTREAM_COLUMNS[7:]]
    table = pd.DataFrame(rows, columns=columns)
    table.insert(7, "downstream_basin_name",
                 table["downstream_basin_code"].map(topo.shapes["name"]).fillna(""))
    table["step"] = table["step"].astype(int)
    table = table.sort_values(["order", "step", "basin_km", "downstream_basin_code", "role",
                               "feature_uid"], kind="stable", ignore_index=True)
    return table.drop(columns="order")[DOWNSTREAM_COLUMNS]
