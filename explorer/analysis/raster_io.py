"""Reading rasters by window, and the pixel areas of what was read.

``read_window`` uses ``layers.rasters.read_window`` when that module is present and falls
back to rasterio windows otherwise; either way only the window is read, never the whole file.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

import numpy as np
import rasterio
from affine import Affine
from rasterio.windows import Window, from_bounds

from layers.errors import RasterGeoreferenceError, UnreadableFileError
from layers.model import RasterLayer

from .pixel_area import block_areas_m2

__all__ = ["Block", "read_window", "read_block", "clip_bounds"]


@dataclass(frozen=True)
class Block:
    """A window of a raster: masked values, its transform and the area of each pixel (m²)."""

    data: np.ma.MaskedArray
    transform: Affine
    areas_m2: np.ndarray


def clip_bounds(bounds, limits) -> tuple[float, float, float, float] | None:
    """``bounds`` cut to ``limits`` (both minx, miny, maxx, maxy), or None if they miss."""
    minx, miny = max(bounds[0], limits[0]), max(bounds[1], limits[1])
    maxx, maxy = min(bounds[2], limits[2]), min(bounds[3], limits[3])
    if minx >= maxx or miny >= maxy:
        return None
    return minx, miny, maxx, maxy


def _rasterio_window(raster: RasterLayer, bounds) -> tuple[np.ma.MaskedArray, Affine]:
    try:
        with rasterio.open(raster.path) as src:
            window = from_bounds(*bounds, transform=src.transform)
            window = window.round_offsets(op="floor").round_lengths(op="ceil")
            window = window.intersection(Window(0, 0, src.width, src.height))
            data = src.read(raster.band, window=window, masked=True)
            return data, src.window_transform(window)
    except rasterio.errors.RasterioError as exc:
        raise UnreadableFileError(raster.path, f"cannot read raster window: {exc}") from exc


def read_window(raster: RasterLayer, bounds) -> tuple[np.ma.MaskedArray, Affine]:
    """Values (masked where nodata) and transform of the pixels covering ``bounds``
    (minx, miny, maxx, maxy in the raster's CRS)."""
    try:
        reader = importlib.import_module("layers.rasters").read_window
    except (ImportError, AttributeError):
        reader = None
    if reader is not None:
        return reader(raster, bounds)
    return _rasterio_window(raster, bounds)


def read_block(raster: RasterLayer, bounds) -> Block | None:
    """The window covering ``bounds`` with the true area of every pixel, or None if empty."""
    if not raster.crs:
        raise RasterGeoreferenceError(raster.path, "raster has no CRS")
    clipped = clip_bounds(bounds, raster.bounds)
    if clipped is None:
        return None
    data, transform = read_window(raster, clipped)
    data = np.ma.masked_invalid(np.ma.asarray(data)) if data.dtype.kind == "f" else np.ma.asarray(data)
    if data.ndim == 3:
        data = data[0]
    if data.size == 0:
        return None
    return Block(data, transform, block_areas_m2(transform, data.shape, raster.crs))
