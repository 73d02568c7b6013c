"""Cross-check step 1-2: EPSG:4326 copies with ogr2ogr, PostGIS loading and queries."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from crosscheck_tools import (  # noqa: F401
    ABS_TOL_HA, AREA_EPS_HA, DIST_ABS_TOL_M, DIST_REL_TOL, DISTANCE_ROLES, ENGINE_SECONDS,
    GEODESIC_SPACING_M, POLYGON_ROLES, REL_TOL, SCHEMA, psql, psql_frame, qgis_env, run,
    as_postgres,
)


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
