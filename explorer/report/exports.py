"""Machine-readable exports of the analysis tables: one CSV per table and ``metrics.gpkg``.

Numbers stay machine numbers here (full precision, ``.`` as decimal mark, no thousands
separator) whatever the report language; only the PDF and HTML format them for people.
File names are fixed by this module and never come from attribute values.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import geopandas as gpd
import pandas as pd

__all__ = ["csv_name", "write_csv_tables", "write_metrics_gpkg", "canonical_table", "GPKG_NAME"]

GPKG_NAME = "metrics.gpkg"


def csv_name(table: str) -> str:
    """The file name of a table's CSV, as ``mining-explorer analyze`` names it (``overlaps.csv``)."""
    safe = "".join(c if c.isalnum() or c == "_" else "_" for c in table)
    return f"{safe}.csv"


def canonical_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The table without geometry, with object columns as text (what the CSV holds)."""
    out = pd.DataFrame(frame.drop(columns=[c for c in frame.columns if c == "geometry"]))
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(lambda v: "" if v is None else str(v))
    return out


def _try_analyze_writer():
    """The analyze command's CSV writer, when the analysis package provides one."""
    try:
        from explorer.analysis.export import write_table_csv  # type: ignore[import-not-found]

        return write_table_csv
    except (ImportError, AttributeError):
        return None


def write_csv_tables(tables: Mapping[str, pd.DataFrame], folder: str | Path) -> list[Path]:
    """Write each table as UTF-8 CSV in ``folder``; return the paths in table order."""
    folder = Path(folder)
    writer = _try_analyze_writer()
    paths = []
    for name, frame in tables.items():
        path = folder / csv_name(name)
        if writer is not None:
            writer(frame, path)
        else:
            canonical_table(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def write_metrics_gpkg(tables: Mapping[str, pd.DataFrame], geometries: gpd.GeoDataFrame | None,
                       path: str | Path) -> Path:
    """Every table as an attribute table of ``metrics.gpkg``, plus the overlap polygons."""
    import pyogrio

    path = Path(path)
    if path.exists():
        path.unlink()
    for name, frame in tables.items():
        table = canonical_table(frame)
        if not len(table.columns):
            continue
        pyogrio.write_dataframe(table, path, layer=name, driver="GPKG")
    if geometries is not None and len(geometries):
        geo = gpd.GeoDataFrame(geometries, geometry="geometry", crs=geometries.crs or "EPSG:4326")
        for column in geo.columns:
            if column != "geometry" and geo[column].dtype == object:
                geo[column] = geo[column].map(lambda v: "" if v is None else str(v))
        pyogrio.write_dataframe(geo, path, layer="overlap_geometries", driver="GPKG",
                                promote_to_multi=True)
    return path
