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
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from crosscheck_compare import compare, sources_checks  # noqa: E402
from crosscheck_engine import engine_pairs, engine_tables, qgis_totals  # noqa: E402
from crosscheck_postgis import (  # noqa: E402
    geodesic_copies, load_postgis, postgis_distances, postgis_tables, prepare, role_self_overlap,
)
from crosscheck_report import render_markdown  # noqa: E402
from crosscheck_tools import COMMANDS, ROOT, WORK_HINT, psql, qgis_env, run, sample_layers  # noqa: E402


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
