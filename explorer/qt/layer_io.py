"""Loading user files into layers for the GUI: one function, no widgets.

``layers.loader.load_layer`` (the readers) does the reading, validation and repair.  If the
readers are not installed yet a small geopandas fallback stands in, so the app still opens
files; either way bad input surfaces as a :class:`layers.errors.LayerError` naming the file."""
from __future__ import annotations

import hashlib
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from layers.errors import LayerError, UnreadableFileError

__all__ = ["load_path", "load_paths", "FILE_FILTER"]

#: The file-dialog filter of formats the readers accept.
FILE_FILTER = (
    "Geodata (*.gpkg *.geojson *.json *.shp *.zip *.kml *.kmz *.fgb *.parquet *.csv *.tif *.tiff);;"
    "All files (*)"
)


def load_path(path: str | Path) -> Any:
    """Read one file into a VectorLayer or RasterLayer; raises LayerError on bad input."""
    try:
        from layers.loader import load_layer  # noqa: PLC0415 - the readers are optional here
    except ImportError:
        return _fallback_load(Path(path))
    try:
        return load_layer(str(path))
    except LayerError:
        raise
    except Exception as exc:  # readers promise LayerError; never let anything else reach a user
        raise UnreadableFileError(path, f"cannot be read ({type(exc).__name__}: {exc})") from exc


def load_paths(paths: list[str | Path]) -> tuple[list[Any], list[LayerError]]:
    """Read several files; returns the layers read and the errors of those that failed."""
    layers, errors = [], []
    for path in paths:
        try:
            layers.append(load_path(path))
        except LayerError as exc:
            errors.append(exc)
    return layers, errors


def _fallback_load(path: Path) -> Any:
    """Minimal vector reader used only until ``layers.loader`` is available."""
    import geopandas as gpd  # noqa: PLC0415 - heavy, imported late

    from layers.model import Provenance, VectorLayer  # noqa: PLC0415
    from layers.roles import Role  # noqa: PLC0415

    if not path.is_file():
        raise UnreadableFileError(path, "file not found")
    start = time.perf_counter()
    try:
        frame = gpd.read_file(path)
    except Exception as exc:
        raise UnreadableFileError(path, f"cannot be read as geodata ({exc})") from exc
    if frame.crs is None:
        raise UnreadableFileError(path, "has no coordinate reference system")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    bounds = tuple(float(v) for v in frame.to_crs("EPSG:4326").total_bounds) if len(frame) else None
    provenance = Provenance(
        path=str(path), layer_name=None, driver="", sha256=digest, original_crs=frame.crs.to_string(),
        feature_count=len(frame), bounds=bounds, loaded_at=datetime.now(timezone.utc).isoformat(),
        load_seconds=time.perf_counter() - start,
    )
    return VectorLayer(name=path.stem, role=Role.CONTEXT, frame=frame, provenance=provenance)
