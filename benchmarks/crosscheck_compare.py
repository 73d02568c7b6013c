"""Cross-check comparisons: relative differences, outliers, distances, SOURCES.md checks."""
from __future__ import annotations

import numpy as np
import pandas as pd

from crosscheck_tools import (  # noqa: F401
    ABS_TOL_HA, AREA_EPS_HA, DIST_ABS_TOL_M, DIST_REL_TOL, DISTANCE_ROLES, ENGINE_SECONDS,
    GEODESIC_SPACING_M, POLYGON_ROLES, REL_TOL, SCHEMA, psql, psql_frame, qgis_env, run,
    as_postgres,
)
from crosscheck_engine import engine_pairs


def rel_stats(a: pd.Series, b: pd.Series) -> dict:
    """Max and median relative difference of ``a`` vs reference ``b``; count of outliers."""
    a, b = a.astype(float), b.astype(float)
    absdiff = (a - b).abs()
    rel = absdiff / b.where(b > 0)
    out_mask = ((rel > REL_TOL) | (b <= 0)) & (absdiff > ABS_TOL_HA)
    big = b >= 1.0
    return {"n": int(len(a)), "max_rel": float(rel.max()) if len(a) else np.nan,
            "n_1ha": int(big.sum()), "max_rel_1ha": float(rel[big].max()) if big.any() else np.nan,
            "median_rel": float(rel.median()) if len(a) else np.nan,
            "max_abs_ha": float(absdiff.max()) if len(a) else np.nan,
            "n_rel_over": int((rel > REL_TOL).sum()), "n_outliers": int(out_mask.sum()),
            "outliers": out_mask}


def compare(pg: dict, qgis: pd.DataFrame | None, engine: dict | None) -> dict:
    """Every comparison the report prints (see :func:`render_markdown`)."""
    pairs = pg["pairs"][pg["pairs"]["overlap_ha"] > AREA_EPS_HA].copy()
    res: dict = {"pg_pairs": pairs, "pg_touching_only": int((pg["pairs"]["overlap_ha"] <= AREA_EPS_HA).sum())}
    totals = pg["totals"]
    if qgis is not None:
        m = totals.merge(qgis, on=["concession_fid", "role"], how="left")
        m = m[(m["total_ha"] > AREA_EPS_HA) | (m["qgis_ha"] > AREA_EPS_HA)]
        res["qgis_vs_pg"] = (m, rel_stats(m["qgis_ha"].fillna(0), m["total_ha"]))
    if engine is None:
        return res
    conc_frame = pg["pairs"][["concession_fid", "concession_id"]].drop_duplicates()
    eng = engine_pairs(engine, conc_frame)
    key = ["concession_fid", "role", "feature_id"]
    eng["feature_id"] = eng["feature_id"].astype(str)
    m = pairs.merge(eng[key + ["overlap_ha"]].rename(columns={"overlap_ha": "engine_ha"}),
                    on=key, how="outer", indicator=True)
    res["engine_vs_pg"] = (m, rel_stats(m["engine_ha"].fillna(0), m["overlap_ha"].fillna(0)))
    geod = pg["pairs_geod"][pg["pairs_geod"]["overlap_ha"] > AREA_EPS_HA]
    mg = geod.merge(eng[key + ["overlap_ha"]].rename(columns={"overlap_ha": "engine_ha"}),
                    on=key, how="outer", indicator=True)
    res["engine_vs_pg_geod"] = (mg, rel_stats(mg["engine_ha"].fillna(0), mg["overlap_ha"].fillna(0)))
    mp = pairs.merge(geod[key + ["overlap_ha"]].rename(columns={"overlap_ha": "geod_ha"}),
                     on=key, how="outer")
    res["pg_planar_vs_geod"] = (mp, rel_stats(mp["overlap_ha"].fillna(0), mp["geod_ha"].fillna(0)))
    if "concession_totals" in engine:  # features of a role dissolved, as QGIS does
        eng_tot = engine_pairs(engine, conc_frame, "concession_totals")
        res["engine_totals_source"] = "concession_totals (features dissolved per role)"
    else:
        eng_tot = eng.groupby(["concession_fid", "role"], as_index=False)["overlap_ha"].sum()
        res["engine_totals_source"] = "sum of overlaps pairs (features not dissolved)"
    if qgis is not None:
        mq = qgis[qgis["qgis_ha"] > AREA_EPS_HA].merge(eng_tot, on=["concession_fid", "role"], how="outer")
        res["engine_vs_qgis"] = (mq, rel_stats(mq["overlap_ha"].fillna(0), mq["qgis_ha"].fillna(0)))
    if "proximity" in engine:
        res["distance_vs_pg"] = compare_distances(engine, conc_frame, pg["distances"])
    if "summary" in engine:
        s = engine["summary"].copy()
        s = s[s["role"].isin(POLYGON_ROLES)]
        s["feature_id"] = s["feature_id"].astype(str)
        s["covered_ha"] = s["covered_ha"].astype(float)
        ms = pg["covered"].merge(s[["role", "feature_id", "covered_ha"]], on=["role", "feature_id"],
                                 how="left", suffixes=("_pg", "_engine"))
        ms = ms.merge(pg["covered_geod"][["role", "feature_id", "covered_ha"]].rename(
            columns={"covered_ha": "covered_ha_pg_geod"}), on=["role", "feature_id"], how="left")
        ms = ms[ms["covered_ha_pg"] > AREA_EPS_HA].sort_values(["role", "feature_id"], ignore_index=True)
        res["summary_vs_pg"] = (ms, rel_stats(ms["covered_ha_engine"].fillna(0), ms["covered_ha_pg"]))
        res["summary_vs_pg_geod"] = (ms, rel_stats(ms["covered_ha_engine"].fillna(0),
                                                   ms["covered_ha_pg_geod"].fillna(0)))
    return res


def compare_distances(engine: dict, conc_frame: pd.DataFrame, pg_dist: pd.DataFrame):
    """Engine ``distance_m`` vs PostGIS geography distance for the roles of the check.

    An outlier exceeds both 0.1 % and 1 m (the issue's distance tolerance)."""
    prox = engine["proximity"]
    prox = prox[prox["role"].isin(DISTANCE_ROLES)].copy()
    prox["overlap_ha"] = 1.0  # engine_pairs keeps rows with a positive overlap_ha
    eng = engine_pairs({"proximity": prox}, conc_frame, "proximity")
    eng["feature_id"] = eng["feature_id"].astype(str)
    m = eng[["concession_fid", "role", "feature_id", "distance_m"]].merge(
        pg_dist, on=["concession_fid", "role", "feature_id"], how="left")
    m = m.dropna(subset=["pg_distance_m"])
    a, b = m["distance_m"].astype(float), m["pg_distance_m"].astype(float)
    diff = (a - b).abs()
    rel = diff / b.where(b > 0)
    out = ((rel > DIST_REL_TOL) | (b <= 0)) & (diff > DIST_ABS_TOL_M)
    positive = b > 0
    stats = {"n": int(len(m)), "n_positive": int(positive.sum()),
             "max_rel": float(rel.max()), "median_rel": float(rel.median()),
             "max_abs_m": float(diff.max()), "n_zero_mismatch": int(((a == 0) != (b == 0)).sum()),
             "n_outliers": int(out.sum()), "outliers": out}
    return m, stats


def sources_checks(pg_pairs: pd.DataFrame, eng: pd.DataFrame | None) -> pd.DataFrame:
    """The figures of shared/data/amapa/SOURCES.md "Checks", recomputed (undissolved sums)."""
    rows = []
    def add(label, quoted, sel_pg, sel_eng):
        pos = sel_pg[sel_pg["overlap_ha"] > AREA_EPS_HA]
        rows.append({"check": label, "SOURCES.md (EPSG:5880)": quoted,
                     "PostGIS polygons touching": len(sel_pg),
                     "PostGIS polygons with area": len(pos),
                     "PostGIS distinct PROCESSO touching": sel_pg["concession_id"].nunique(),
                     "PostGIS distinct PROCESSO > 0.01 ha":
                         pos.loc[pos["overlap_ha"] > ABS_TOL_HA, "concession_id"].nunique(),
                     "PostGIS ha (geography)": round(pos["overlap_ha"].sum(), 1),
                     "PostGIS ha (EPSG:5880)": round(pos["overlap_ha_5880"].sum(), 1),
                     "engine titles": (len(sel_eng) if sel_eng is not None else None),
                     "engine ha": (round(sel_eng["overlap_ha"].sum(), 1) if sel_eng is not None else None)})
    def pick(frame, role, names=None, exclude=None):
        if frame is None:
            return None
        f = frame[frame["role"] == role]
        if names is not None:
            f = f[f["feature_name"].isin(names)]
        if exclude is not None:
            f = f[~f["feature_name"].isin(exclude)]
        return f
    def distinct(frame):  # one row per title polygon, its overlaps with every feature summed
        if frame is None:
            return None
        cols = [c for c in ("overlap_ha", "overlap_ha_5880") if c in frame.columns]
        return frame.groupby(["concession_fid", "concession_id"], as_index=False)[cols].sum()
    flota = ["FLORESTA ESTADUAL DO AMAPÁ"]
    for name, quoted in (("Uaçá", "8 titles, 206 ha (2025 polygon)"), ("Galibi", "3 titles, 217 ha"),
                         ("Juminá", "4 titles, 865 ha")):
        add(f"TI {name}", quoted, pick(pg_pairs, "indigenous_territory", [name]),
            pick(eng, "indigenous_territory", [name]))
    for label, quoted, kw in (("federal strict-protection UCs", "36 titles", {"exclude": flota}),
                              ("FLOTA Amapá", "328 titles", {"names": flota})):
        p = pick(pg_pairs, "protected_area", **kw)
        e = pick(eng, "protected_area", **kw)
        add(label, quoted, distinct(p), distinct(e))
    return pd.DataFrame(rows)
