"""Versions of the tool and of every library that shaped the numbers or the drawing."""
from __future__ import annotations

import platform
import sys
from importlib import metadata

__all__ = ["software_versions"]

_PACKAGES = ("shapely", "geopandas", "pyproj", "rasterio", "pyogrio", "folium", "pandas",
             "numpy", "numba", "PySide6", "xstatic-leaflet", "xstatic-jquery")


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _native() -> dict[str, str]:
    out = {}
    try:
        import shapely

        out["GEOS"] = shapely.geos_version_string
    except ImportError:  # pragma: no cover
        out["GEOS"] = "unknown"
    try:
        import pyproj

        out["PROJ"] = pyproj.proj_version_str
    except ImportError:  # pragma: no cover
        out["PROJ"] = "unknown"
    try:
        import rasterio

        out["GDAL"] = rasterio.__gdal_version__
    except ImportError:  # pragma: no cover
        out["GDAL"] = "unknown"
    try:
        from PySide6.QtCore import qVersion

        out["Qt"] = qVersion()
    except ImportError:  # pragma: no cover
        out["Qt"] = "unknown"
    return out


def software_versions() -> dict[str, str]:
    """Name -> version for Python, the app, Qt, GEOS, PROJ, GDAL and the Python libraries."""
    from explorer import __version__

    out = {"mining-impact-explorer": __version__,
           "Python": sys.version.split()[0],
           "platform": platform.platform()}
    out.update(_native())
    out.update({name: _package(name) for name in _PACKAGES})
    return out
