"""The engine's overlaps on the bundled sample against an independent geodesic reference.

Reference (``tests/analysis/reference.py``, no engine code): both geometries densified along
geodesics every 100 m with :meth:`pyproj.Geod.npts`, intersected by shapely in lon/lat, the
result measured with :meth:`pyproj.Geod.geometry_area_perimeter` (GeographicLib).  Geometries
are read straight from the GeoPackages with geopandas; SIRGAS 2000 → WGS 84 is PROJ's null
transformation (EPSG:15894), so the lon/lat numbers are the file's.

Distances: engine ``distance_m`` for protected areas and Indigenous territories against
:class:`~tests.analysis.reference.NearestBoundary` (boundaries densified to 10 m, nearest pairs
by chord on the ellipsoid, refined to 0.5 m, measured with ``Geod.inv``), within 0.1 % or 1 m.

Tolerance for areas: 0.01 % of the reference, or a strip 3 mm wide along the boundary of the
reference intersection, whichever is larger.  The engine keeps its lon/lat segments within
about 2 mm of the geodesic (a latitude-adaptive densify step,
``explorer.analysis.geodesy.edge_step_m``), so slivers along long feature edges differ by such
a strip; on the sample the largest absolute difference is 9e-4 ha and pairs of 1 ha or more
agree within 5e-5.  The QGIS/PostGIS cross-check of
the same numbers is ``benchmarks/crosscheck_reference.py``.
"""
from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from tests.analysis.reference import NearestBoundary, densify, geodesic_area_ha, geodesic_length_m

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"
POLYGON_ROLES = ("protected_area", "indigenous_territory", "basin")
REL_TOL = 1e-4
EDGE_OFFSET_M = 3e-3  # the engine's segments stay within ~2 mm of the geodesic
MIN_TOL_HA = 1e-5
DIST_REL_TOL, DIST_ABS_TOL_M = 1e-3, 1.0  # the distance tolerance: 0.1 % or 1 m
SPACING_M = 100.0


def _catalogue() -> dict[str, dict]:
    entries = json.loads((SAMPLE / "catalogue.json").read_text(encoding="utf-8"))
    return {e["role"]: e for e in entries if e["role"] in ("concession", *POLYGON_ROLES)}


def _read(entry: dict, densified: bool = True) -> gpd.GeoDataFrame:
    frame = gpd.read_file(SAMPLE / entry["file"], layer=entry["layer"]).to_crs("EPSG:4326")
    frame["ref_id"] = frame[entry["mapping"]["id"]].astype(str)
    if densified:
        frame["geometry"] = [densify(g, SPACING_M) for g in frame.geometry]
    return frame.reset_index(drop=True)


def _engine_overlaps():
    """Run the engine on the sample's concession and polygon layers; skip if it cannot run."""
    try:
        from explorer.analysis import AnalysisSettings, run_analysis
        from layers.readers import read_vector
    except ImportError as err:  # pragma: no cover - depends on what has landed
        pytest.skip(f"analysis engine not importable: {err}")
    cat = _catalogue()
    layers = [read_vector(SAMPLE / e["file"], e["layer"], role=e["role"]) for e in cat.values()]
    result = run_analysis(layers, AnalysisSettings(rings_km=(1.0,)))
    tables = result.tables()
    overlaps = tables["overlaps"]
    if not len(overlaps):
        pytest.skip("the engine's overlap step returns no rows yet")
    return layers, tables


@pytest.fixture(scope="module")
def sample():
    """Engine tables plus the reference geometries (densified), keyed like the engine."""
    layers, tables = _engine_overlaps()
    cat = _catalogue()
    frames = {role: _read(entry) for role, entry in cat.items()}
    conc_layer = next(l for l in layers if str(getattr(l.role, "value", l.role)) == "concession")
    return {"tables": tables, "frames": frames, "concession_layer_name": conc_layer.name}


def _concession_rows(uids: np.ndarray, ids: np.ndarray, frame: gpd.GeoDataFrame) -> np.ndarray:
    """Row of each engine subject in the concession file: ``<layer>:<id>`` or, for repeated
    ids, ``<layer>:<id>#<row>``."""
    by_id = frame.groupby("ref_id").indices
    rows = []
    for uid, cid in zip(uids, ids):
        tail = uid.rsplit(":", 1)[1]
        if "#" in tail:
            rows.append(int(tail.rsplit("#", 1)[1]))
        else:
            found = by_id[str(cid)]
            assert len(found) == 1, f"id {cid} is repeated but uid {uid} has no row suffix"
            rows.append(int(found[0]))
    return np.asarray(rows)


def _reference_pairs(frames) -> dict[tuple[int, str, str], float]:
    """Every (concession row, role, feature id) pair with its reference overlap (ha)."""
    conc = frames["concession"]
    out = {}
    for role in POLYGON_ROLES:
        feats = frames[role]
        tree = shapely.STRtree(feats.geometry.values)
        ci, fj = tree.query(conc.geometry.values, predicate="intersects")
        inter = shapely.intersection(conc.geometry.values[ci], feats.geometry.values[fj])
        for c, f, g in zip(ci, fj, inter):
            out[(int(c), role, feats["ref_id"].iat[f])] = (geodesic_area_ha(g, spacing_m=None),
                                                           _perimeter_m(g))
    return out


def _perimeter_m(geom) -> float:
    """Geodesic length of the boundary of the polygonal parts of ``geom`` (m)."""
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return sum(geodesic_length_m(p.boundary) for p in polys)


@pytest.fixture(scope="module")
def compared(sample):
    """Engine vs reference for every polygon pair the engine reports."""
    ov = sample["tables"]["overlaps"]
    ov = ov[ov["role"].isin(POLYGON_ROLES) & (ov["overlap_ha"] > 0)]
    if "concession_role" in ov.columns:
        ov = ov[ov["concession_role"] == "concession"]
    rows = _concession_rows(ov["concession_uid"].to_numpy(), ov["concession_id"].to_numpy(),
                            sample["frames"]["concession"])
    keys = list(zip(rows, ov["role"], ov["feature_id"].astype(str)))
    return keys, ov["overlap_ha"].to_numpy(float), _reference_pairs(sample["frames"])


def _within(engine: np.ndarray, ref: np.ndarray, perimeter_m: np.ndarray) -> np.ndarray:
    strip_ha = EDGE_OFFSET_M * perimeter_m / 1e4
    return np.abs(engine - ref) <= np.maximum(np.maximum(REL_TOL * ref, strip_ha), MIN_TOL_HA)


def test_every_pair_overlap_matches_reference(compared):
    keys, engine, ref = compared
    ref_values = np.array([ref.get(k, (0.0, 0.0))[0] for k in keys])
    perimeters = np.array([ref.get(k, (0.0, 0.0))[1] for k in keys])
    ok = _within(engine, ref_values, perimeters)
    bad = [(k, e, r) for k, e, r, good in zip(keys, engine, ref_values, ok) if not good]
    assert len(keys) > 1000
    assert not bad, f"{len(bad)} of {len(keys)} pairs differ; first: {bad[:5]}"


def test_no_pair_missing_from_engine(compared):
    keys, _, ref = compared
    reported = set(keys)
    missing = {k: a for k, (a, p) in ref.items()
               if a > max(EDGE_OFFSET_M * p / 1e4, MIN_TOL_HA) and k not in reported}
    assert not missing, f"reference pairs the engine did not report: {list(missing.items())[:5]}"


def test_feature_coverage_matches_reference(sample):
    """Per feature, concessions dissolved: area of the union of the pair intersections."""
    summary = sample["tables"]["summary"]
    conc = sample["frames"]["concession"]
    checked = 0
    for role in ("protected_area", "indigenous_territory"):
        feats = sample["frames"][role]
        part = summary[summary["role"] == role]
        part = part.set_index(part["feature_id"].astype(str))
        tree = shapely.STRtree(conc.geometry.values)
        for fid, geom in zip(feats["ref_id"], feats.geometry):
            hits = tree.query(geom, predicate="intersects")
            union = shapely.union_all(shapely.intersection(conc.geometry.values[hits], geom))
            ref = geodesic_area_ha(union, spacing_m=None)
            engine = float(part.loc[fid, "covered_ha"]) if fid in part.index else 0.0
            per = np.array([_perimeter_m(union)])
            assert _within(np.array([engine]), np.array([ref]), per)[0], (role, fid, engine, ref)
            checked += 1
    assert checked == 10


def test_distances_match_reference(sample):
    """Proximity rows (protected areas, Indigenous territories) against the reference: every
    row closer than 2 km (where 1 m matters most) and every 8th of the others (for time)."""
    prox = sample["tables"]["proximity"]
    conc = sample["frames"]["concession"]
    raw = {role: _read(entry, densified=False)
           for role, entry in _catalogue().items()}
    bad, checked = [], 0
    for role in ("protected_area", "indigenous_territory"):
        rows = prox[(prox["role"] == role) & prox["distance_m"].notna()]
        if "concession_role" in rows.columns:
            rows = rows[rows["concession_role"] == "concession"]
        rows = rows[(rows["distance_m"].astype(float) < 2000) | (np.arange(len(rows)) % 8 == 0)]
        feats = raw[role].set_index("ref_id")
        subj = _concession_rows(rows["concession_uid"].to_numpy(), rows["concession_id"].to_numpy(), conc)
        for fid, group in rows.assign(row=subj).groupby(rows["feature_id"].astype(str)):
            near = NearestBoundary(feats.geometry.loc[fid])
            for row, engine in zip(group["row"], group["distance_m"].astype(float)):
                ref = near.distance_m(raw["concession"].geometry.iat[row])
                if abs(engine - ref) > max(DIST_REL_TOL * ref, DIST_ABS_TOL_M):
                    bad.append((role, fid, int(row), engine, ref))
                checked += 1
    assert checked > 300
    assert not bad, f"{len(bad)} of {checked} distances differ; first: {bad[:5]}"


def test_concession_totals_match_reference(sample):
    """Per concession and role, the role's features dissolved: the definition QGIS's Overlap
    analysis uses too."""
    totals = sample["tables"].get("concession_totals")
    if totals is None or not len(totals):
        pytest.skip("the engine has no concession_totals table")
    conc = sample["frames"]["concession"]
    totals = totals[totals["role"].isin(POLYGON_ROLES) & (totals["overlap_ha"] > 0)]
    rows = _concession_rows(totals["concession_uid"].to_numpy(), totals["concession_id"].to_numpy(), conc)
    trees = {r: shapely.STRtree(sample["frames"][r].geometry.values) for r in POLYGON_ROLES}
    bad = []
    for row, role, engine in zip(rows, totals["role"], totals["overlap_ha"].astype(float)):
        geom = conc.geometry.iat[row]
        feats = sample["frames"][role].geometry.values
        hits = trees[role].query(geom, predicate="intersects")
        union = shapely.union_all(shapely.intersection(feats[hits], geom))
        ref = geodesic_area_ha(union, spacing_m=None)
        if not _within(np.array([engine]), np.array([ref]), np.array([_perimeter_m(union)]))[0]:
            bad.append((int(row), role, engine, ref))
    assert len(rows) > 1000
    assert not bad, f"{len(bad)} of {len(rows)} totals differ; first: {bad[:5]}"
