"""Tables with coordinates: CSV (and Parquet without GeoParquet metadata) holding lon/lat
columns or a WKT column.

Column names are matched case-insensitively: longitude ``lon, lng, long, longitude, longitud,
x`` and latitude ``lat, latitude, latitud, y``; WKT ``wkt, geometry, geom, the_geom``.

CRS rule (a CSV carries none): with ``crs=`` given, that CRS is used.  Without it, EPSG:4326 is
assumed only when every coordinate lies within longitude/latitude ranges, and the assumption
is recorded as an ``assumed_crs`` repair; otherwise lon/lat-named columns out of range raise
GeometryError and x/y columns raise MissingCRSError (supply their CRS).
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np

from .encoding import EncodingChoice, decode_text
from .errors import EmptyLayerError, GeometryError, MissingCRSError, UnreadableFileError
from .model import Repair

__all__ = ["LON_NAMES", "LAT_NAMES", "WKT_NAMES", "read_csv", "read_parquet", "frame_from_table"]

LON_NAMES = ("longitude", "lon", "lng", "long", "longitud", "x")
LAT_NAMES = ("latitude", "lat", "latitud", "y")
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom")
_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")


def _find(columns, names: tuple[str, ...]) -> str | None:
    lowered = {str(c).strip().lower(): c for c in columns}
    return next((lowered[n] for n in names if n in lowered), None)


def _rows(mask: np.ndarray, limit: int = 5) -> str:
    rows = [str(i + 1) for i in np.flatnonzero(mask)[:limit]]
    return ", ".join(rows) + (", ..." if int(mask.sum()) > limit else "")


def _numbers(series, column: str, path: Path, repairs: list[Repair]) -> np.ndarray:
    import pandas as pd

    if pd.api.types.is_numeric_dtype(series):
        return series.to_numpy(dtype=float, na_value=np.nan)
    text = series.astype("string").str.strip().fillna("")
    comma = text.str.match(_DECIMAL_COMMA).fillna(False).to_numpy(bool)
    if comma.any():
        text = text.where(~comma, text.str.replace(",", ".", regex=False))
        repairs.append(Repair("decimal_comma", int(comma.sum()), f"column '{column}': decimal commas read as points"))
    values = pd.to_numeric(text.replace("", None), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = np.isnan(values) & (text != "").to_numpy(bool)
    if bad.any():
        example = text.to_numpy()[np.flatnonzero(bad)[0]]
        raise GeometryError(path, f"column '{column}' holds text that is not a number in {int(bad.sum())} "
                                  f"row(s) (data rows {_rows(bad)}; e.g. '{example[:40]}')")
    return values


def _in_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(invalid="ignore"):
        return np.abs(x) > 180, np.abs(y) > 90


def _settle_crs(x, y, names: tuple[str, str], geographic_names: bool, crs, path: Path, repairs: list[Repair]):
    from pyproj import CRS

    if crs is not None and not CRS.from_user_input(crs).is_geographic:
        return _supplied(crs, x, repairs)
    out_x, out_y = _in_lonlat(x, y)
    if out_x.any() or out_y.any():
        if crs is None and not geographic_names:
            raise MissingCRSError(path, f"columns '{names[0]}'/'{names[1]}' are not longitude/latitude "
                                        "degrees and a CSV has no CRS; supply the CRS they use")
        column, mask, span = (names[0], out_x, "-180..180") if out_x.any() else (names[1], out_y, "-90..90")
        raise GeometryError(path, f"column '{column}' has {int(mask.sum())} value(s) outside {span} "
                                  f"(data rows {_rows(mask)})")
    if crs is None:
        repairs.append(Repair("assumed_crs", int(np.isfinite(x).sum()),
                              "the table has no CRS; EPSG:4326 (WGS 84 longitude/latitude) assumed because "
                              "every coordinate is within longitude/latitude ranges; pass crs= if it is another"))
        return "EPSG:4326"
    return _supplied(crs, x, repairs)


def _supplied(crs, x: np.ndarray, repairs: list[Repair]):
    from .provenance import crs_label

    repairs.append(Repair("assign_crs", int(np.isfinite(x).sum()),
                          f"the table has no CRS; {crs_label(crs)} supplied by the user"))
    return crs


def _points(table, lon: str, lat: str, crs, path: Path, repairs: list[Repair]):
    import geopandas as gpd
    import shapely

    x = _numbers(table[lon], lon, path, repairs)
    y = _numbers(table[lat], lat, path, repairs)
    geographic_names = lon.strip().lower() != "x"
    crs = _settle_crs(x, y, (lon, lat), geographic_names, crs, path, repairs)
    missing = np.isnan(x) | np.isnan(y)
    geoms = shapely.points(np.where(missing, 0, x), np.where(missing, 0, y))
    geoms[missing] = None
    return gpd.GeoDataFrame(table.drop(columns=[lon, lat]), geometry=geoms, crs=crs)


def _shapes(table, column: str, crs, path: Path, repairs: list[Repair]):
    import geopandas as gpd
    import shapely

    raw = table[column]
    if raw.map(lambda v: isinstance(v, (bytes, bytearray))).any():
        geoms = shapely.from_wkb(raw.to_numpy(), on_invalid="ignore")
        given = raw.notna().to_numpy(bool)
    else:
        text = raw.astype("string").str.strip().fillna("")
        given = (text != "").to_numpy(bool)
        values = np.where(given, text.to_numpy(dtype=object, na_value=""), None)
        geoms = shapely.from_wkt(values, on_invalid="ignore")
    bad = given & shapely.is_missing(geoms)
    if bad.any():
        raise GeometryError(path, f"column '{column}' holds text that is not WKT geometry in {int(bad.sum())} "
                                  f"row(s) (data rows {_rows(bad)})")
    xmin, ymin, xmax, ymax = (np.array([b]) for b in shapely.total_bounds(geoms))
    crs = _settle_crs(np.r_[xmin, xmax], np.r_[ymin, ymax], (column, column), False, crs, path, repairs)
    return gpd.GeoDataFrame(table.drop(columns=[column]), geometry=geoms, crs=crs)


def frame_from_table(table, path: Path, crs=None):
    """A GeoDataFrame from a plain table with lon/lat or WKT columns; return ``(frame, repairs)``."""
    repairs: list[Repair] = []
    lon, lat = _find(table.columns, LON_NAMES), _find(table.columns, LAT_NAMES)
    wkt = _find(table.columns, WKT_NAMES)
    if not wkt and not (lon and lat):
        shown = ", ".join(str(c) for c in table.columns[:15]) or "none"
        raise GeometryError(path, "no geometry columns: expected longitude and latitude columns "
                                  "(lon/lng/long/longitude/x and lat/latitude/y) or a WKT column "
                                  f"(wkt/geometry/geom); found: {shown}")
    if len(table) == 0:
        raise EmptyLayerError(path, "the table has a header but no rows")
    if wkt:
        return _shapes(table, wkt, crs, path, repairs), repairs
    return _points(table, lon, lat, crs, path, repairs), repairs


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=counts.get) if max(counts.values()) else ","


def read_csv(path: Path, crs=None, encoding: str | None = None):
    """Read a CSV with coordinates or WKT; return ``(frame, repairs, encoding choice)``."""
    import pandas as pd

    text, choice = decode_text(path.read_bytes(), path, encoding)
    if not text.strip():
        raise EmptyLayerError(path, "the file holds no text")
    try:
        table = pd.read_csv(io.StringIO(text), sep=_delimiter(text), dtype=str, keep_default_na=False,
                            skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise UnreadableFileError(path, f"the CSV cannot be parsed ({str(exc).strip()})") from exc
    frame, repairs = frame_from_table(table, path, crs)
    if choice.repair is not None:
        repairs.insert(0, choice.repair)
    return frame, repairs, choice


def read_parquet(path: Path, crs=None) -> tuple[object, list[Repair], EncodingChoice]:
    """Read GeoParquet (or plain Parquet with lon/lat or WKT/WKB columns)."""
    import geopandas as gpd
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(path).metadata or {}
        if b"geo" in metadata:
            return gpd.read_parquet(path), [], EncodingChoice("utf-8", "format")
        import pandas as pd

        table = pd.read_parquet(path)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise UnreadableFileError(path, f"the Parquet file cannot be read ({exc})") from exc
    frame, repairs = frame_from_table(table, path, crs)
    return frame, repairs, EncodingChoice("utf-8", "table")
