"""GeoTIFF rasters: opened for their metadata only, read by window, never loaded whole."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .boundary import guarded
from .errors import RasterGeoreferenceError, UnreadableFileError, UnsupportedFormatError
from .formats import check_signature, detect_format
from .model import Provenance, RasterLayer
from .provenance import LoadClock, bounds_lonlat, crs_label, hash_files
from .readers import existing_file

__all__ = ["open_raster", "read_window"]


def _open(path: Path):
    import warnings

    import rasterio
    from rasterio.errors import NotGeoreferencedWarning, RasterioIOError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NotGeoreferencedWarning)  # reported as an error instead
            return rasterio.open(path)
    except RasterioIOError as exc:
        raise UnreadableFileError(path, f"the raster is corrupt or cannot be opened ({_first_line(exc)})") from exc


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _check_georeference(path: Path, dataset) -> None:
    if dataset.crs is None:
        raise RasterGeoreferenceError(path, "the raster has no coordinate reference system (not georeferenced)")
    if dataset.transform.is_identity or dataset.transform.determinant == 0:
        raise RasterGeoreferenceError(path, "the raster has no geotransform (pixel positions are not on the map)")


def _is_categorical(dtype: str, given: bool | None) -> bool:
    return bool(given) if given is not None else np.issubdtype(np.dtype(dtype), np.integer)


@guarded
def open_raster(path, *, name=None, categorical=None) -> RasterLayer:
    """Open a GeoTIFF's metadata (CRS, bounds, shape, dtype, nodata) without reading its pixels.

    ``categorical`` defaults to True for integer data (class maps such as MapBiomas).
    Raises RasterGeoreferenceError for a raster with no CRS or no geotransform.
    """
    clock = LoadClock()
    source = existing_file(path)
    fmt = detect_format(source)
    if fmt.kind != "raster":
        raise UnsupportedFormatError(source, "this is not a raster; open it as a vector layer")
    check_signature(source, fmt)
    files = hash_files([source])
    with _open(source) as dataset:
        _check_georeference(source, dataset)
        crs = crs_label(dataset.crs.to_wkt())
        bounds = tuple(float(v) for v in dataset.bounds)
        dtype, nodata = dataset.dtypes[0], dataset.nodata
        shape, driver = (dataset.height, dataset.width), dataset.driver
    provenance = Provenance(
        path=str(source.resolve()), layer_name=None, driver=driver, sha256=files[0][1], files=files,
        original_crs=crs, feature_count=0, bounds=bounds_lonlat(bounds, crs), loaded_at=clock.started_at,
        load_seconds=clock.seconds(),
    )
    return RasterLayer(
        name=str(name or source.stem), path=str(source.resolve()), provenance=provenance, crs=crs,
        bounds=bounds, shape=shape, dtype=dtype, nodata=None if nodata is None else float(nodata),
        categorical=_is_categorical(dtype, categorical),
    )


def _pixel_window(dataset, bounds, eps: float = 1e-6):
    """The whole pixels touched by ``bounds``, clipped to the raster; None when they miss it."""
    import math

    from rasterio.windows import Window, from_bounds

    window = from_bounds(*bounds, transform=dataset.transform)
    col0 = max(math.floor(window.col_off + eps), 0)
    row0 = max(math.floor(window.row_off + eps), 0)
    col1 = min(math.ceil(window.col_off + window.width - eps), dataset.width)
    row1 = min(math.ceil(window.row_off + window.height - eps), dataset.height)
    if col1 <= col0 or row1 <= row0:
        return None
    return Window(col0, row0, col1 - col0, row1 - row0)


def _read(raster: RasterLayer, bounds):
    with _open(Path(raster.path)) as dataset:
        window = _pixel_window(dataset, bounds)
        if window is None:
            empty = np.ma.masked_array(np.empty((0, 0), dtype=dataset.dtypes[0]), mask=np.empty((0, 0), bool))
            return empty, dataset.transform
        data = dataset.read(raster.band, window=window, masked=True)
        return np.ma.masked_array(data, mask=np.ma.getmaskarray(data)), dataset.window_transform(window)


def read_window(raster: RasterLayer, bounds):
    """Pixels of ``raster`` inside ``bounds`` (minx, miny, maxx, maxy in the raster's CRS).

    Returns ``(masked array, affine transform of the window)``; nodata pixels are masked and
    only the window is read from disk.  Bounds outside the raster give an empty (0, 0) array.
    """
    return _guarded_read(raster.path, raster, tuple(float(v) for v in bounds))


@guarded
def _guarded_read(path, raster: RasterLayer, bounds):
    return _read(raster, bounds)
