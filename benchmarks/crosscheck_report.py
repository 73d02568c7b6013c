"""Markdown report of :mod:`crosscheck_reference` (figures, outliers, commands, versions)."""
from __future__ import annotations

import datetime as _dt

import pandas as pd

__all__ = ["render_markdown"]

_TOL_TEXT = ("An outlier exceeds both 0.1 % relative and 0.01 ha (100 m²) absolute difference; "
             "pairs below 0.01 ha are slivers along shared edges where a relative figure means "
             "nothing.")


_READING = """### Reading the figures

- **Two edge conventions.** By default the engine reads a polygon edge as the straight
  segment between its vertices in the layer's coordinates (OGC Simple Features, QGIS, and the
  legal description of SIGMINE titles, whose sides follow meridians and parallels) and
  integrates the area exactly along those edges; `--edges geodesic` reads lon/lat edges as
  geodesics (GeographicLib, PostGIS `geography`).  QGIS and a plain PostGIS
  `ST_Intersection(geometry)` overlay straight lon/lat segments too, so the default engine
  agrees with both on every pair and total.  The remaining differences (up to 0.09 % on a few
  pairs, a fraction of a hectare) come from the references, not the engine: `::geography`
  and QGIS's GeographicLib measure re-read the straight-edged intersection as if its long
  edges were geodesics.  The sample has long straight boundary edges (FLOTA Amapá up to
  311 km, PARNA Montanhas do Tumucumaque up to 28 km, TI Uaçá) where a geodesic and the lon/lat
  segment part by up to tens of metres; that is why "PostGIS geodesic edges"
  (`ST_Segmentize(geom::geography, 100)` before the overlay) differs from both: it is the
  other convention, which the engine reproduces with `--edges geodesic` (the previous run
  of this script, with the geodesic model, agreed with it within 0.003 % on pairs ≥ 1 ha).
- **Dissolving.** QGIS's Overlap analysis dissolves the overlay features that meet each input
  feature (`QgsGeometry::unaryUnion` in `qgsalgorithmcalculateoverlaps.cpp`), so it is compared
  with the engine's per-(concession, role) totals, which also dissolve. Features of one role do
  overlap in the sample (see below), so a plain sum of pairs would not match.
- **Distances.** PostGIS `ST_Distance(geography)` finds the nearest points on a sphere and then
  measures them on the spheroid; where the spherical nearest pair is not the ellipsoidal one,
  it overstates the distance (e.g. concession fid 732 – TI Juminá: PostGIS 8 392.7 m; the
  engine and the independent reference in `tests/analysis/reference.py`, which ranks pairs on
  the ellipsoid, both give 8 375.1 m).
- **Sphere vs ellipsoid in the geodesic-edge PostGIS variant.** `ST_Segmentize(geography)`
  follows great circles of a sphere, not geodesics of the ellipsoid; on slivers along long
  edges this leaves differences of a few m² (e.g. PARNA Montanhas do Tumucumaque covered area
  1.538 ha in PostGIS vs 1.541 ha in the engine; the independent GeographicLib reference of
  `tests/analysis/test_sample_reference.py` gives 1.541 ha).
- **Independent reference in CI.** `tests/analysis/test_sample_reference.py` compares every
  pair (1 974), every per-feature covered area, every per-(concession, role) total and a
  sample of distances with pyproj.Geod on geometry densified every 100 m along geodesics:
  with the latitude-adaptive densify step now on main (segments within ~2 mm of the geodesic)
  every pair agrees within 9e-4 ha (a strip 0.8 mm wide at most along the intersection's
  boundary) and pairs of 1 ha or more within 5e-5 relative; with the earlier fixed 250 m step
  (b19cc63) every pair agreed within 1.5e-5 ha (median relative difference 2e-10).
"""


_SOURCES_NOTE = """
Reading: the Indigenous-land figures match SOURCES.md (Uaçá 8 titles, 205.7 ha vs 206; Galibi 3,
217.1 vs 217; Juminá 4 title polygons of 3 PROCESSO numbers, 864.1 ha vs 865, the rest of the
gap being EPSG:5880's scale error: 864.8 ha there). FLOTA Amapá: 328 distinct PROCESSO numbers
touch it, as quoted (343 polygons; the sample has 51 repeated PROCESSO numbers). Federal
strict-protection UCs: 38 PROCESSO numbers touch them here against 36 quoted, but only 18 have
more than 0.01 ha of overlap; the others are slivers along the PARNA Montanhas do Tumucumaque
and Cabo Orange boundaries, so the count depends on how touching and slivers were treated.
"""


def _pct(x: float) -> str:
    return "n/a" if pd.isna(x) else f"{100 * x:.5f} %"


def _stats_row(label: str, stats: dict) -> str:
    return (f"| {label} | {stats['n']} | {_pct(stats['max_rel'])} | {_pct(stats['median_rel'])} | "
            f"{stats['n_1ha']} | {_pct(stats['max_rel_1ha'])} | "
            f"{stats['max_abs_ha']:.5f} | {stats['n_rel_over']} | {stats['n_outliers']} |")


def _table(frame: pd.DataFrame, floatfmt: str = "{:.4f}") -> str:
    if frame is None or not len(frame):
        return "_(none)_\n"
    frame = frame.copy()
    if "concession_fid" in frame.columns:
        frame["concession_fid"] = frame["concession_fid"].map(
            lambda v: "" if pd.isna(v) else str(int(v)))
    cols = list(frame.columns)
    lines = ["| " + " | ".join(map(str, cols)) + " |", "|" + "---|" * len(cols)]
    for _, row in frame.iterrows():
        cells = [floatfmt.format(v) if isinstance(v, float) else ("" if v is None else str(v))
                 for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _outlier_table(entry, cols) -> str:
    frame, stats = entry
    sub = frame[stats["outliers"].reindex(frame.index, fill_value=False)]
    return _table(sub[[c for c in cols if c in sub.columns]].head(30))


def _mismatch_table(frame: pd.DataFrame) -> str:
    if "_merge" not in frame.columns:
        return ""
    only = frame[frame["_merge"] != "both"]
    if not len(only):
        return "Every pair is in both tables.\n"
    cols = ["concession_fid", "concession_id", "role", "feature_id", "overlap_ha", "engine_ha", "_merge"]
    return (f"{len(only)} pairs are in one table only (left_only = PostGIS only, right_only = "
            f"engine only); largest overlap among them: "
            f"{only[['overlap_ha', 'engine_ha']].max().max():.6f} ha.\n\n"
            + _table(only[[c for c in cols if c in only.columns]].head(20), "{:.6f}"))


def render_markdown(res: dict, commands: list[str], versions: dict, seconds: float) -> str:
    """The whole report as Markdown text."""
    now = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    pg = res["pg"]
    out = [f"# Cross-check of overlap areas on the sample data\n",
           f"Generated by `python benchmarks/crosscheck_reference.py` on {now} ({seconds:.0f} s). "
           f"Engine: {res['engine_how']}.\n",
           "Datum: concessions and protected areas are SIRGAS 2000 (EPSG:4674). PROJ's only "
           "operation to WGS 84 is EPSG:15894, a null transformation (+proj=noop, 1 m), so every "
           "tool works on the same lon/lat numbers on the WGS 84 ellipsoid (ogr2ogr -t_srs "
           "EPSG:4326 for PostGIS and QGIS, pyproj for the engine).\n",
           _TOL_TEXT + "\n",
           "## Summary\n",
           "| comparison | n | max rel. diff | median rel. diff | n (ref ≥ 1 ha) | max rel. diff (ref ≥ 1 ha) "
           "| max abs. diff (ha) | n > 0.1 % | n outliers |",
           "|---|---|---|---|---|---|---|---|---|"]
    labels = {"engine_vs_pg": "engine vs PostGIS (lon/lat edges), per (concession, feature) pair",
              "engine_vs_pg_geod": "engine vs PostGIS (geodesic edges), per pair",
              "pg_planar_vs_geod": "PostGIS lon/lat edges vs PostGIS geodesic edges, per pair",
              "engine_vs_qgis": "engine vs QGIS, per (concession, role) total",
              "qgis_vs_pg": "QGIS vs PostGIS (lon/lat edges), per (concession, layer) dissolved total",
              "summary_vs_pg": "engine summary covered_ha vs PostGIS ST_Union (lon/lat edges), per feature",
              "summary_vs_pg_geod": "engine summary covered_ha vs PostGIS ST_Union (geodesic edges)"}
    for key, label in labels.items():
        if key in res:
            out.append(_stats_row(label, res[key][1]))
    out.append("")
    out.append(_READING)
    out.append(f"PostGIS pairs with area > 1e-3 m²: {len(res['pg_pairs'])} "
               f"(plus {res['pg_touching_only']} pairs that only touch).\n")
    if "engine_vs_pg" in res:
        out.append("## Engine vs PostGIS: pairs present in one table only\n")
        out.append(_mismatch_table(res["engine_vs_pg"][0]))
        out.append("## Outliers\n")
        out.append("### engine vs PostGIS (lon/lat edges)\n")
        out.append(_outlier_table(res["engine_vs_pg"], ["concession_fid", "concession_id", "role",
                                                        "feature_id", "overlap_ha", "engine_ha"]))
        out.append("### engine vs PostGIS (geodesic edges)\n")
        out.append(_outlier_table(res["engine_vs_pg_geod"], ["concession_fid", "concession_id", "role",
                                                             "feature_id", "overlap_ha", "engine_ha"]))
        out.append("### PostGIS lon/lat edges vs geodesic edges\n")
        out.append(_outlier_table(res["pg_planar_vs_geod"], ["concession_fid", "concession_id", "role",
                                                             "feature_id", "overlap_ha", "geod_ha"]))
    if "engine_vs_qgis" in res:
        out.append(f"### engine vs QGIS (engine side: {res.get('engine_totals_source')})\n")
        out.append(_outlier_table(res["engine_vs_qgis"], ["concession_fid", "role", "qgis_ha", "overlap_ha"]))
    if "qgis_vs_pg" in res:
        out.append("### QGIS vs PostGIS\n")
        out.append(_outlier_table(res["qgis_vs_pg"], ["concession_fid", "role", "total_ha", "qgis_ha"]))
    if "summary_vs_pg" in res:
        out.append("### Per-feature covered area (concessions dissolved)\n")
        out.append(_table(res["summary_vs_pg"][0], "{:.3f}"))
    if "distance_vs_pg" in res:
        frame, st = res["distance_vs_pg"]
        out.append("## Distances: engine distance_m vs PostGIS ST_Distance(geography, spheroid)\n")
        out.append(f"Protected areas and Indigenous territories, every (concession, feature) row of "
                   f"the engine's proximity table: {st['n']} rows ({st['n_positive']} with a "
                   f"positive distance). Max relative difference {_pct(st['max_rel'])}, median "
                   f"{_pct(st['median_rel'])}, max absolute {st['max_abs_m']:.3f} m; rows where "
                   f"one says 0 and the other not: {st['n_zero_mismatch']}; outliers (> 0.1 % and "
                   f"> 1 m): {st['n_outliers']}.\n")
        sub = frame[st["outliers"]]
        out.append(_table(sub.head(20), "{:.3f}") if len(sub) else "")
    out.append("## Features of one role overlapping each other (sums vs dissolved totals)\n")
    out.append(_table(pg["self_overlap"], "{:.3f}"))
    out.append("## Input validity in PostGIS (ST_IsValid)\n")
    out.append(_table(pg["validity"]))
    out.append("## Figures of shared/data/amapa/SOURCES.md \"Checks\"\n")
    out.append("SOURCES.md used EPSG:5880 (Brazil Polyconic) planar areas, did not dissolve, and "
               "counted titles that intersect (touching included). Here: titles touching "
               "(ST_Intersects), titles with a positive overlap, and sums of overlaps on the "
               "spheroid and in EPSG:5880. For the UC rows a title overlapping two units counts once.\n")
    out.append(_table(res["sources"], "{:.1f}"))
    out.append(_SOURCES_NOTE)
    out.append("## Commands\n")
    out.append("```\n" + "\n".join(commands) + "\n```\n")
    out.append("SQL (per layer `f`, concessions `c`, both in schema `crosscheck`, EPSG:4326):\n")
    out.append("```sql\n-- pairs\nSELECT ST_Area(ST_CollectionExtract(ST_Intersection(c.geom, f.geom), 3)::geography)/1e4\n"
               "  FROM c JOIN f ON ST_Intersects(c.geom, f.geom);\n"
               "-- per feature, concessions dissolved\nSELECT ST_Area(ST_Union(ST_CollectionExtract(ST_Intersection(c.geom, f.geom), 3))::geography)/1e4\n"
               "  FROM c JOIN f ON ST_Intersects(c.geom, f.geom) GROUP BY f.fid, f.geom;\n"
               "-- per concession, features dissolved (QGIS's definition)\n"
               "SELECT ST_Area(ST_CollectionExtract(ST_Intersection(c.geom, ST_Union(f.geom)), 3)::geography)/1e4\n"
               "  FROM c JOIN f ON ST_Intersects(c.geom, f.geom) GROUP BY c.src_fid, c.geom;\n```\n")
    out.append("## Tool versions\n")
    out.extend(f"- {k}: {v}" for k, v in versions.items())
    out.append("")
    return "\n".join(out)
