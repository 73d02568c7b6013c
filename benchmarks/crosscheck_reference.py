"""Cross-check the overlap numbers of the sample data with PostGIS geography and QGIS.

Not a unit test (CI has neither QGIS nor PostGIS).  Run from the repository root::

    python benchmarks/crosscheck_reference.py [--md benchmarks/results/crosscheck.md]

Steps
-----
1. Every polygon layer (concessions, protected areas, Indigenous territories, basins) is copied
   by ``ogr2ogr -t_srs EPSG:4326`` into a work folder (GeoPackage) with its source fid kept as
   ``src_fid``.  Datum: the concessions and protected areas are SIRGAS 2000 (EPSG:4674); PROJ's
   only operation to WGS 84 is EPSG:15894 "SIRGAS 2000 to WGS 84 (1)", a null transformation
   (``+proj=noop``, stated accuracy 1 m), so the coordinates are unchanged; every tool then
   works on these same lon/lat coordinates on the WGS 84 ellipsoid (GRS80 and WGS84 differ by
   0.1 mm in the semi-minor axis, which changes areas by < 1e-8).  The engine applies the same
   null transformation through pyproj when it reprojects to EPSG:4326.
2. PostGIS: the copies are loaded with ``ogr2ogr -f PostgreSQL`` into schema ``crosscheck`` of
   database ``mie``; per (concession, feature) pair the overlap is
   ``ST_Area(ST_Intersection(a.geom, b.geom)::geography)`` (spheroid); per feature the covered
   area dissolves the concessions (``ST_Union`` of the pair intersections); per (concession,
   layer) the total dissolves the layer's features (what QGIS reports).
3. QGIS: ``native:calculatevectoroverlaps`` with ``--ELLIPSOID=EPSG:7030`` (WGS 84), input the
   concessions, one overlay layer per role.  QGIS dissolves the overlay features that intersect
   each input feature (``QgsGeometry::unaryUnion``) and gives one total per (concession, layer).
4. The engine: ``python -m explorer.cli analyze --sample --out DIR`` (or ``run_analysis`` on the
   same files when the CLI cannot run), tables ``overlaps`` and ``summary``.

A difference counts as an outlier only when it exceeds both the relative tolerance (0.1 %) and
the absolute one (0.01 ha = 100 m²): slivers of a few m² along shared edges carry large relative
differences that mean nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from crosscheck_report import render_markdown  # noqa: E402

SAMPLE = ROOT / "sample_data"
REL_TOL = 1e-3
ABS_TOL_HA = 0.01
GEODESIC_SPACING_M = 100
DISTANCE_ROLES = ("protected_area", "indigenous_territory")
DIST_REL_TOL, DIST_ABS_TOL_M = 1e-3, 1.0
AREA_EPS_HA = 1e-7  # 1e-3 m²: below this an "overlap" is a touching edge
SCHEMA = "crosscheck"
POLYGON_ROLES = ("protected_area", "indigenous_territory", "basin")
COMMANDS: list[str] = []
WORK_HINT: list[Path] = []
ENGINE_SECONDS: list[float] = []


# ----------------------------------------------------------------------------- helpers
def run(cmd: list[str], *, input_text: str | None = None, env: dict | None = None,
        cwd: Path | None = None) -> str:
    """Run a command, record it, return stdout; raise with stderr on failure."""
    shown = ["<engine snippet, see ENGINE_SNIPPET>" if "\n" in c else c for c in cmd]
    text = " ".join(f"'{c}'" if " " in c else c for c in shown) if cmd[0] != "su" else f"su postgres -c '{cmd[-1]}'"
    text = text.replace(str(WORK_HINT[0]), "$WORK") if WORK_HINT else text
    if text not in COMMANDS:
        COMMANDS.append(text)
    res = subprocess.run(cmd, input=input_text, capture_output=True, text=True, cwd=cwd,
                         env=env if env is not None else os.environ)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr[-3000:]}")
    return res.stdout


def qgis_env() -> dict[str, str]:
    """Environment for qgis_process: offscreen Qt, and no trace of our Python interpreter.

    qgis_process embeds the system Python; a PATH or PYTHONHOME pointing at another Python
    (pyenv, a virtualenv) makes its embedded interpreter crash on start.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "PYENV", "VIRTUAL_ENV"))}
    exe_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p != exe_dir and ".pyenv" not in p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def as_postgres(command: str) -> list[str]:
    """``command`` run as the ``postgres`` OS user (peer authentication) when we are root."""
    return ["su", "postgres", "-c", command] if os.geteuid() == 0 else ["sh", "-c", command]


def psql(sql: str, db: str) -> str:
    """Run SQL through psql (unaligned, tuples only) and return its stdout."""
    return run(as_postgres(f"psql -d {db} -v ON_ERROR_STOP=1 -q -At"), input_text=sql)


def psql_frame(query: str, db: str) -> pd.DataFrame:
    """The result of a SELECT as a DataFrame (COPY ... TO STDOUT CSV)."""
    from io import StringIO

    out = psql(f"COPY ({query}) TO STDOUT WITH CSV HEADER;\n", db)
    return pd.read_csv(StringIO(out), dtype={"concession_id": str, "feature_id": str})


def sample_layers() -> list[dict]:
    """The concession layer and the sensitive polygon layers from the sample catalogue."""
    entries = json.loads((SAMPLE / "catalogue.json").read_text(encoding="utf-8"))
    keep = [e for e in entries if e["role"] in ("concession", *POLYGON_ROLES)]
    return [{"table": Path(e["file"]).stem, "layer": e["layer"], "role": e["role"],
             "file": SAMPLE / e["file"], "id": e["mapping"].get("id"),
             "name": e["mapping"].get("name")} for e in keep]


# ----------------------------------------------------------------------------- step 1 + 2
def prepare(layers: list[dict], work: Path) -> None:
    """Copy each layer to EPSG:4326 with its source fid kept (``src_fid``)."""
    for lay in layers:
        out = work / f"{lay['table']}_4326.gpkg"
        sql = f'SELECT fid AS src_fid, * FROM "{lay["layer"]}"'
        run(["ogr2ogr", "-f", "GPKG", str(out), str(lay["file"]), "-dialect", "SQLite",
             "-sql", sql, "-t_srs", "EPSG:4326", "-nln", lay["table"],
             "-nlt", "PROMOTE_TO_MULTI", "-overwrite"])
        lay["work"] = out


def load_postgis(layers: list[dict], db: str) -> None:
    """Load the EPSG:4326 copies into schema ``crosscheck``."""
    psql(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA};", db)
    for lay in layers:
        run(as_postgres(
            f"ogr2ogr -f PostgreSQL PG:dbname={db} {lay['work']} -nln {SCHEMA}.{lay['table']} "
            f"-lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -lco LAUNDER=YES -overwrite"))


def geodesic_copies(layers: list[dict], db: str, spacing_m: float = GEODESIC_SPACING_M) -> None:
    """Tables ``<name>_geod``: every edge segmentized along the great circle every
    ``spacing_m`` metres (``ST_Segmentize(geography)``), so that a planar lon/lat overlay
    follows geodesic edges, the convention of the engine, GeographicLib and ``geography``."""
    for lay in layers:
        t = f"{SCHEMA}.{lay['table']}"
        psql(f"DROP TABLE IF EXISTS {t}_geod; CREATE TABLE {t}_geod AS SELECT * FROM {t};"
             f"UPDATE {t}_geod SET geom = ST_Multi(ST_Segmentize(geom::geography, {spacing_m})::geometry);"
             f"CREATE INDEX ON {t}_geod USING gist (geom); ANALYZE {t}_geod;", db)


def postgis_tables(layers: list[dict], db: str, suffix: str = "") -> dict[str, pd.DataFrame]:
    """Pairs, per-feature dissolved coverage and per-(concession, layer) dissolved totals,
    on the tables ``<name><suffix>`` (``""``: edges straight in lon/lat; ``"_geod"``:
    edges segmentized along great circles)."""
    conc = next(lay for lay in layers if lay["role"] == "concession")
    cid = conc["id"].lower()
    pairs, covered, totals, validity = [], [], [], []
    for lay in (lay for lay in layers if lay["role"] in POLYGON_ROLES):
        t, fid_col, fname = f"{SCHEMA}.{lay['table']}{suffix}", lay["id"].lower(), lay["name"].lower()
        inter = "ST_CollectionExtract(ST_Intersection(c.geom, f.geom), 3)"
        join = f"FROM {SCHEMA}.{conc['table']}{suffix} c JOIN {t} f ON ST_Intersects(c.geom, f.geom)"
        pairs.append(psql_frame(
            f"SELECT c.src_fid AS concession_fid, c.{cid}::text AS concession_id, "
            f"'{lay['role']}' AS role, f.{fid_col}::text AS feature_id, f.{fname} AS feature_name, "
            f"ST_Area({inter}::geography) / 1e4 AS overlap_ha, "
            f"ST_Area(c.geom::geography) / 1e4 AS concession_ha, "
            f"ST_Area(f.geom::geography) / 1e4 AS feature_ha, "
            f"ST_Area(ST_Transform({inter}, 5880)) / 1e4 AS overlap_ha_5880 {join}", db))
        covered.append(psql_frame(
            f"SELECT '{lay['role']}' AS role, f.{fid_col}::text AS feature_id, "
            f"ST_Area(ST_Union({inter})::geography) / 1e4 AS covered_ha, "
            f"ST_Area(f.geom::geography) / 1e4 AS feature_ha {join} GROUP BY f.{fid_col}, f.geom", db))
        totals.append(psql_frame(
            f"SELECT c.src_fid AS concession_fid, '{lay['role']}' AS role, "
            f"ST_Area(ST_CollectionExtract(ST_Intersection(c.geom, ST_Union(f.geom)), 3)"
            f"::geography) / 1e4 AS total_ha {join} GROUP BY c.src_fid, c.geom", db))
        validity.append(psql_frame(
            f"SELECT '{lay['role']}' AS role, count(*) AS n, "
            f"sum(CASE WHEN ST_IsValid(geom) THEN 0 ELSE 1 END) AS invalid FROM {t}", db))
    return {"pairs": pd.concat(pairs, ignore_index=True),
            "covered": pd.concat(covered, ignore_index=True),
            "totals": pd.concat(totals, ignore_index=True),
            "validity": pd.concat(validity, ignore_index=True)}


def postgis_distances(layers: list[dict], db: str, roles=DISTANCE_ROLES) -> pd.DataFrame:
    """Geodesic edge-to-edge distance (m, spheroid) of every (concession, feature) pair of
    ``roles`` within 0.6° (more than 60 km here): ``ST_Distance(a::geography, b::geography)``."""
    conc = next(lay for lay in layers if lay["role"] == "concession")
    frames = []
    for lay in (lay for lay in layers if lay["role"] in roles):
        t, fid_col = f"{SCHEMA}.{lay['table']}", lay["id"].lower()
        frames.append(psql_frame(
            f"SELECT c.src_fid AS concession_fid, '{lay['role']}' AS role, "
            f"f.{fid_col}::text AS feature_id, "
            f"ST_Distance(c.geom::geography, f.geom::geography, true) AS pg_distance_m "
            f"FROM {t} f JOIN {SCHEMA}.{conc['table']} c "
            f"ON ST_DWithin(c.geom, f.geom, 0.6)", db))  # 0.6° > 60 km at these latitudes
    return pd.concat(frames, ignore_index=True)


def role_self_overlap(layers: list[dict], db: str) -> pd.DataFrame:
    """Area (ha) where two features of one role overlap (then sums and dissolves differ)."""
    frames = []
    for lay in (lay for lay in layers if lay["role"] in POLYGON_ROLES):
        t = f"{SCHEMA}.{lay['table']}"
        frames.append(psql_frame(
            f"SELECT '{lay['role']}' AS role, coalesce(sum(ST_Area(ST_CollectionExtract("
            f"ST_Intersection(a.geom, b.geom), 3)::geography)) / 1e4, 0) AS self_overlap_ha "
            f"FROM {t} a JOIN {t} b ON a.src_fid < b.src_fid AND ST_Intersects(a.geom, b.geom)", db))
    return pd.concat(frames, ignore_index=True)


# ----------------------------------------------------------------------------- step 3
def qgis_totals(layers: list[dict], work: Path) -> pd.DataFrame:
    """QGIS Overlap analysis: per concession, total overlap (ha) with each overlay layer."""
    conc = next(lay for lay in layers if lay["role"] == "concession")
    overlays = [lay for lay in layers if lay["role"] in POLYGON_ROLES]
    out = work / "qgis_overlaps.gpkg"
    cmd = ["qgis_process.bin", "run", "native:calculatevectoroverlaps", "--ELLIPSOID=EPSG:7030",
           f"--INPUT={conc['work']}"]
    cmd += [f"--LAYERS={lay['work']}" for lay in overlays]
    cmd += [f"--OUTPUT={out}"]
    run(cmd, env=qgis_env())
    import pyogrio

    frame = pyogrio.read_dataframe(out, read_geometry=False)
    area_cols = [c for c in frame.columns if c.endswith("_area")][-len(overlays):]
    rows = []
    for lay, col in zip(overlays, area_cols):
        part = pd.DataFrame({"concession_fid": frame["src_fid"], "role": lay["role"],
                             "qgis_ha": frame[col].astype(float) / 1e4, "qgis_column": col})
        rows.append(part)
    return pd.concat(rows, ignore_index=True)


# ----------------------------------------------------------------------------- step 4
ENGINE_SNIPPET = """
import sys
from pathlib import Path
from explorer.analysis import run_analysis
try:
    from layers.catalogue import load_sample_project
    source = load_sample_project()
except ImportError:
    import json
    from layers.readers import read_vector
    folder = Path("sample_data")
    source = [read_vector(folder / e["file"], e["layer"], role=e["role"])
              for e in json.loads((folder / "catalogue.json").read_text())
              if e["layer"] and e["role"] not in ("raster", "project")]
result = run_analysis(source)
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
for name, table in result.tables().items():
    table.to_csv(out / (name + ".csv"), index=False)
"""


def engine_tables(work: Path, engine_root: Path, reuse: Path | None = None
                  ) -> tuple[dict[str, pd.DataFrame] | None, str]:
    """The engine's overlaps, summary and concession_totals on the sample, and how they were
    made: ``run_analysis(load_sample_project())`` in a fresh process in ``engine_root``; the
    CLI's ``overlaps.csv`` (``analyze --sample``) is checked against it when the CLI has it."""
    out = reuse or work / "engine_api"
    if reuse is None:
        try:
            started = time.perf_counter()
            run([sys.executable, "-c", ENGINE_SNIPPET, str(out)], cwd=engine_root)
            ENGINE_SECONDS.append(time.perf_counter() - started)
        except RuntimeError as err:
            return None, f"engine not runnable: {str(err).splitlines()[-1]}"
    tables = {name: pd.read_csv(out / f"{name}.csv", dtype={"concession_id": str, "feature_id": str},
                                low_memory=False)
              for name in ("overlaps", "summary", "concession_totals", "proximity")
              if (out / f"{name}.csv").exists()}
    if "proximity" in tables:
        tables["proximity"] = tables["proximity"][tables["proximity"]["role"].isin(DISTANCE_ROLES)]
    if not len(tables.get("overlaps", [])):
        return None, "engine returned no overlaps (overlap step not implemented yet)"
    head_file = out / "engine_head.txt"
    if reuse is None:
        head_file.write_text(_git_head(engine_root), encoding="utf-8")
    head = head_file.read_text(encoding="utf-8") if head_file.exists() else "unknown commit"
    how = f"run_analysis(load_sample_project()) at {head}"
    if ENGINE_SECONDS:
        how += f" (whole analysis incl. process start: {ENGINE_SECONDS[0]:.0f} s)"
    if reuse is not None:
        how += f"; tables reused from {reuse}"
    cli_out = (reuse.parent if reuse is not None else work) / "engine_cli"
    try:
        if reuse is None:
            run([sys.executable, "-m", "explorer.cli", "analyze", "--sample", "--out",
                 str(cli_out)], cwd=engine_root)
        cli = pd.read_csv(cli_out / "overlaps.csv", dtype={"concession_id": str, "feature_id": str})
        same = len(cli) == len(tables["overlaps"]) and np.allclose(
            np.sort(cli["overlap_ha"].astype(float)), np.sort(tables["overlaps"]["overlap_ha"].astype(float)),
            rtol=1e-9, atol=1e-9)
        how += f"; CLI overlaps.csv {'identical' if same else 'DIFFERENT'} ({len(cli)} rows)"
    except (RuntimeError, FileNotFoundError, KeyError) as err:
        how += f"; CLI analyze --sample not usable yet ({str(err).splitlines()[0][:80]})"
    return tables, how


def _git_head(root: Path) -> str:
    try:
        return run(["git", "-C", str(root), "log", "-1", "--format=%h %s"]).strip()[:90]
    except RuntimeError:
        return str(root)


def engine_pairs(tables: dict[str, pd.DataFrame], conc_frame: pd.DataFrame,
                 table: str = "overlaps") -> pd.DataFrame:
    """Engine concession rows of ``table`` (polygon roles) keyed by source fid.

    The engine's uids are ``<layer>:<id>`` and, for the 51 repeated ``PROCESSO`` values of
    the sample, ``<layer>:<id>#<row>`` with the row counted from 0 in the layer."""
    ov = tables[table].copy()
    ov = ov[ov["role"].isin(POLYGON_ROLES)].copy()
    if "concession_role" in ov.columns:
        ov = ov[ov["concession_role"] == "concession"]
    ov["overlap_ha"] = ov["overlap_ha"].astype(float)
    ov = ov[ov["overlap_ha"] > 0]
    by_id = conc_frame.groupby("concession_id")["concession_fid"].agg(list)
    if "concession_uid" in ov.columns:
        tail = ov["concession_uid"].str.rsplit(":", n=1).str[1]
        row = tail.str.extract(r"#(\d+)$")[0]
        fid = row.astype(float) + 1  # the engine numbers rows from 0, GeoPackage fids from 1
        single = ov["concession_id"].map(lambda i: by_id.get(i, [np.nan])[0]
                                         if len(by_id.get(i, [])) == 1 else np.nan)
        ov["concession_fid"] = fid.fillna(single)
    else:
        ov["concession_fid"] = ov["concession_id"].map(lambda i: by_id.get(i, [np.nan])[0])
    return ov


# ----------------------------------------------------------------------------- comparison
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
        ms = ms[ms["covered_ha_pg"] > AREA_EPS_HA]
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


def tool_versions(db: str) -> dict[str, str]:
    """Versions of QGIS, PostGIS, GDAL and the Python geo stack."""
    import pyproj
    import shapely

    out = {}
    try:
        v = run(["qgis_process.bin", "--version"], env=qgis_env())
        out["QGIS"] = " | ".join(line.strip() for line in v.splitlines()
                                 if line.startswith(("QGIS", "PROJ", "GEOS", "GDAL")))
    except (RuntimeError, FileNotFoundError) as err:
        out["QGIS"] = f"unavailable ({err})"
    out["PostGIS"] = psql("SELECT postgis_full_version();", db).strip().splitlines()[-1].strip()
    out["PostgreSQL"] = psql("SHOW server_version;", db).strip().splitlines()[-1].strip()
    out["ogr2ogr"] = run(["ogr2ogr", "--version"]).strip()
    out["Python"] = f"{sys.version.split()[0]}, shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), pyproj {pyproj.__version__} (PROJ {pyproj.proj_version_str})"
    return out


def main(argv: list[str] | None = None) -> int:
    """Run every step, print the comparison and write the Markdown report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="mie")
    ap.add_argument("--md", default=str(ROOT / "benchmarks" / "results" / "crosscheck.md"))
    ap.add_argument("--no-qgis", action="store_true")
    ap.add_argument("--no-engine", action="store_true")
    ap.add_argument("--engine-csv", help="reuse the engine tables (CSV) written by an earlier run")
    ap.add_argument("--engine-root", default=str(ROOT),
                    help="worktree whose engine is run (default: this repository)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="mie-crosscheck-"))
    work.chmod(0o755)
    WORK_HINT.append(work)
    layers = sample_layers()
    prepare(layers, work)
    load_postgis(layers, args.db)
    pg = postgis_tables(layers, args.db)
    geodesic_copies(layers, args.db)
    geod = postgis_tables(layers, args.db, "_geod")
    pg["pairs_geod"], pg["covered_geod"] = geod["pairs"], geod["covered"]
    pg["self_overlap"] = role_self_overlap(layers, args.db)
    pg["distances"] = postgis_distances(layers, args.db)
    qgis = None if args.no_qgis else qgis_totals(layers, work)
    engine, how = (None, "skipped") if args.no_engine else engine_tables(
        work, Path(args.engine_root), Path(args.engine_csv) if args.engine_csv else None)
    res = compare(pg, qgis, engine)
    eng_pairs = None
    if engine is not None:
        conc_frame = pg["pairs"][["concession_fid", "concession_id"]].drop_duplicates()
        eng_pairs = engine_pairs(engine, conc_frame)
    res["sources"] = sources_checks(pg["pairs"], eng_pairs)
    res["engine_how"] = how
    res["pg"] = pg
    md = render_markdown(res, COMMANDS, tool_versions(args.db), time.perf_counter() - t0)
    Path(args.md).parent.mkdir(parents=True, exist_ok=True)
    Path(args.md).write_text(md, encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
