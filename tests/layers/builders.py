"""Builders for reader tests: a tiny, real-looking layer (CRS, accents, a hole, a multipolygon),
a writer that puts it into every format the app reads, and an independent geodesic area."""
from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Point, Polygon

WGS84_GEOD = Geod(ellps="WGS84")


def amapa_frame(crs: str = "EPSG:4674") -> gpd.GeoDataFrame:
    """Three features near Oiapoque (Amapá): a polygon with a hole, a multipolygon, a plain one."""
    with_hole = Polygon(
        [(-51.9, 3.2), (-51.5, 3.2), (-51.5, 3.6), (-51.9, 3.6)],
        [[(-51.8, 3.3), (-51.6, 3.3), (-51.6, 3.5), (-51.8, 3.5)]],
    )
    multi = MultiPolygon([
        Polygon([(-51.2, 2.8), (-51.0, 2.8), (-51.0, 3.0), (-51.2, 3.0)]),
        Polygon([(-50.9, 2.7), (-50.7, 2.7), (-50.8, 2.95)]),
    ])
    plain = Polygon([(-52.4, 2.1), (-52.0, 2.0), (-51.9, 2.4), (-52.3, 2.5)])
    frame = gpd.GeoDataFrame(
        {
            "nome": ["Terra Indígena Uaçá", "São Paulo do Oiapoque", "Rio Paru d'Este"],
            "titular": ["Associação dos Povos Indígenas", "Mineração Ñandú Ltda.", "Coopérative Façade"],
            "area_ha": [1.5, 2.25, 3.0],
        },
        geometry=[with_hole, multi, plain],
        crs="EPSG:4674",
    )
    return frame.to_crs(crs) if crs != "EPSG:4674" else frame


def geodesic_areas(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Area of each geometry on the WGS 84 ellipsoid (m²), computed with pyproj.Geod directly."""
    lonlat = shapely.orient_polygons(frame.to_crs("EPSG:4326").geometry.to_numpy())  # holes clockwise
    return np.array([WGS84_GEOD.geometry_area_perimeter(g)[0] for g in lonlat])


def zip_files(target: Path, files: list[Path], arcnames: list[str] | None = None) -> Path:
    """A zip of ``files`` stored under ``arcnames`` (default: their names)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, path in enumerate(files):
            archive.write(path, arcnames[i] if arcnames else path.name)
    return target


def shapefile_parts(shp: Path) -> list[Path]:
    """The files of a shapefile (same stem)."""
    return sorted(p for p in shp.parent.iterdir() if p.stem == shp.stem)


def write_layer(frame: gpd.GeoDataFrame, folder: Path, fmt: str, stem: str = "camadas") -> Path:
    """Write ``frame`` in format ``fmt`` under ``folder``; return the path a user would open."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.{fmt}"
    if fmt in ("gpkg", "geojson", "fgb"):
        frame.to_file(path, engine="pyogrio")
    elif fmt == "shp":
        frame.to_file(path, engine="pyogrio", encoding="utf-8")
    elif fmt in ("zip", "shp.zip"):
        shp = write_layer(frame, folder / f"{stem}_src", "shp", stem)
        path = zip_files(folder / f"{stem}.{fmt}", shapefile_parts(shp))
    elif fmt == "kml":
        frame.to_crs("EPSG:4326").to_file(path, driver="KML", engine="pyogrio")
    elif fmt == "kmz":
        kml = write_layer(frame, folder / f"{stem}_src", "kml", "doc")
        path = zip_files(path, [kml], ["doc.kml"])
    elif fmt == "parquet":
        frame.to_parquet(path)
    elif fmt == "csv":
        table = frame.to_crs("EPSG:4326")
        table = table.assign(wkt=table.geometry.to_wkt(rounding_precision=-1)).drop(columns="geometry")
        table.to_csv(path, index=False)
    else:
        raise ValueError(fmt)
    return path


def points_frame() -> gpd.GeoDataFrame:
    """Three villages as points in lon/lat."""
    return gpd.GeoDataFrame(
        {"aldeia": ["Kumarumã", "Manga", "Açaizal"]},
        geometry=[Point(-51.14, 3.64), Point(-51.28, 3.54), Point(-51.02, 3.39)],
        crs="EPSG:4326",
    )
