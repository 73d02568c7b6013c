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


#: Words in a raster's file name or band description that say what its values are (a word
#: of 3 letters must be a whole word, or followed by digits: ``dem``, ``srtm30``;
#: longer ones a prefix: ``elevation``, ``classification``).
_CLASS_WORDS = ("class", "landcover", "lulc", "mapbiomas", "cobertura", "legend")
_CONTINUOUS_WORDS = ("elev", "dem", "dtm", "dsm", "srtm", "height", "altitude", "altim", "altura",
                     "relief", "relevo",
                     "slope", "declive", "temperature", "precip", "ndvi")


def _names_say(words: str, vocabulary: tuple[str, ...]) -> bool:
    import re

    tokens = [t for t in re.split(r"[^a-z0-9]+", words.lower()) if t]
    joined = "".join(tokens)
    if vocabulary is _CLASS_WORDS and ("landcover" in joined or "landuse" in joined):
        return True
    return any(t == w or (t.startswith(w) and (len(w) > 3 or t[len(w):].isdigit()))
               for t in tokens for w in vocabulary)
#: At most this many distinct values in the sampled windows: a class map.
MAX_CLASSES = 64


def _is_categorical(dtype: str, given: bool | None, dataset=None, source: Path | None = None,
                    band: int = 1) -> bool:
    """Class map (True) or continuous values (False).

    The caller's answer wins.  Otherwise: floating point is continuous; a file name or band
    description that names classes (``mapbiomas``, ``landcover``, ``class``...) or values
    (``elevation``, ``dem``, ``srtm``...) decides; then the data: an integer raster with at
    most :data:`MAX_CLASSES` distinct values in nine small windows is a class map, one with
    more (an 8-bit or 16-bit DEM) is continuous.
    """
    if given is not None:
        return bool(given)
    if not np.issubdtype(np.dtype(dtype), np.integer):
        return False
    described = [dataset.descriptions[band - 1] or ""] if dataset is not None else []
    words = " ".join([source.stem if source else "", *described])
    if _names_say(words, _CONTINUOUS_WORDS):
        return False
    if _names_say(words, _CLASS_WORDS):
        return True
    if dataset is None:
        return True
    return len(_sampled_values(dataset, band)) <= MAX_CLASSES


def _sampled_values(dataset, band: int = 1, size: int = 64) -> np.ndarray:
    """Distinct valid values of ``band`` in a 3 x 3 grid of small windows (cheap on any size)."""
    from rasterio.windows import Window

    found = []
    h, w = dataset.height, dataset.width
    for fy in (0.2, 0.5, 0.8):
        for fx in (0.2, 0.5, 0.8):
            row = max(min(int(h * fy) - size // 2, h - size), 0)
            col = max(min(int(w * fx) - size // 2, w - size), 0)
            window = Window(col, row, min(size, w), min(size, h))
            data = dataset.read(band, window=window, masked=True)
            found.append(np.unique(data.compressed()))
    return np.unique(np.concatenate(found)) if found else np.zeros(0)


@guarded
def open_raster(path, *, name=None, categorical=None, band=None) -> RasterLayer:
    """Open a GeoTIFF's metadata (CRS, bounds, shape, dtype, nodata) without reading its pixels.

    ``categorical``: True for a class map (land cover: area per class), False for continuous
    values (elevation: min, mean, max); None lets :func:`_is_categorical` decide from the
    data type, the names and a sample of the values.  ``band`` (1-based, default 1) is the
    band measured; a band the file does not have is an UnsupportedFormatError.
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
        band = _check_band(source, dataset, band)
        dtype, nodata = dataset.dtypes[band - 1], dataset.nodatavals[band - 1]
        shape, driver = (dataset.height, dataset.width), dataset.driver
        categorical = _is_categorical(dtype, categorical, dataset, source, band)
    provenance = Provenance(
        path=str(source.resolve()), layer_name=None if band == 1 else str(band), driver=driver,
        sha256=files[0][1], files=files,
        original_crs=crs, feature_count=0, bounds=bounds_lonlat(bounds, crs), loaded_at=clock.started_at,
        load_seconds=clock.seconds(),
    )
    return RasterLayer(
        name=str(name or source.stem), path=str(source.resolve()), provenance=provenance, crs=crs,
        bounds=bounds, shape=shape, dtype=dtype, nodata=None if nodata is None else float(nodata),
        categorical=categorical, band=band,
    )


def _check_band(source: Path, dataset, band) -> int:
    """``band`` as an int in 1..count (default 1); UnsupportedFormatError otherwise."""
    if band is None:
        return 1
    try:
        number = int(band)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= dataset.count or str(band).strip() != str(number):
        raise UnsupportedFormatError(source, f"there is no band '{band}'; the raster has bands "
                                             f"1 to {dataset.count}")
    return number


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
