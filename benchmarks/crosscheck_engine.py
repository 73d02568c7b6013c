"""Cross-check steps 3-4: QGIS Overlap analysis and the engine's tables."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from crosscheck_tools import (  # noqa: F401
    ABS_TOL_HA, AREA_EPS_HA, DIST_ABS_TOL_M, DIST_REL_TOL, DISTANCE_ROLES, ENGINE_SECONDS,
    GEODESIC_SPACING_M, POLYGON_ROLES, REL_TOL, SCHEMA, psql, psql_frame, qgis_env, run,
    as_postgres,
)


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
