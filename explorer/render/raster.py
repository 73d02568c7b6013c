"""Drawing a RasterLayer: warped to lon/lat at screen resolution, coloured, nodata transparent.

The raster stays on disk.  For each zoom bucket a window around the view (padded by half a
view on each side) is warped once with GDAL (``rasterio.warp.reproject``, nearest neighbour
for classes) and kept as a QImage, so panning inside it costs one drawImage.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QTransform

from .context import RenderContext
from .palette import categorical_lut, continuous_rgba

__all__ = ["RasterImage", "raster_lonlat_bounds", "read_lonlat_grid", "raster_image", "draw_raster_layer"]

_MAX_SIDE = 4096


@dataclass
class RasterImage:
    """A coloured lon/lat image of part of a raster, with the classes it shows."""

    image: QImage
    extent: tuple[float, float, float, float]
    bucket: int
    classes: tuple[int, ...]


def raster_lonlat_bounds(raster) -> tuple[float, float, float, float]:
    """The raster's bounds in lon/lat."""
    from rasterio.warp import transform_bounds

    return tuple(transform_bounds(raster.crs, "EPSG:4326", *raster.bounds, densify_pts=21))


def read_lonlat_grid(raster, extent, cols: int, rows: int) -> np.ma.MaskedArray:
    """Band values resampled onto a regular lon/lat grid over ``extent`` (nodata masked)."""
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_bounds
    from rasterio.warp import reproject

    fill = raster.nodata if raster.nodata is not None else 0
    with rasterio.open(raster.path) as src:
        dtype = src.dtypes[raster.band - 1]
        out = np.full((rows, cols), fill, dtype=dtype)
        reproject(rasterio.band(src, raster.band), out, dst_transform=from_bounds(*extent, cols, rows),
                  dst_crs="EPSG:4326", dst_nodata=fill, src_nodata=raster.nodata,
                  resampling=Resampling.nearest if raster.categorical else Resampling.bilinear)
    mask = out == fill
    if raster.categorical:
        mask |= out == 0  # MapBiomas and most class rasters use 0 for "not observed"
    return np.ma.MaskedArray(out, mask=mask)


def raster_image(raster, extent, cols: int, rows: int, bucket: int) -> RasterImage:
    """Read and colour a lon/lat window of ``raster`` into a QImage."""
    values = read_lonlat_grid(raster, extent, cols, rows)
    alpha = int(round(255 * max(0.0, min(1.0, raster.style.fill_opacity or 1.0))))
    if raster.categorical:
        codes, inverse = np.unique(np.ma.filled(values, 0), return_inverse=True)
        pixels = categorical_lut(codes, alpha)[inverse.reshape(values.shape)]
        pixels[np.ma.getmaskarray(values)] = 0
        classes = tuple(int(c) for c in np.unique(values.compressed()))
    else:
        pixels = continuous_rgba(values, alpha)
        classes = ()
    pixels = np.ascontiguousarray(pixels)
    image = QImage(pixels.data, cols, rows, cols * 4, QImage.Format_ARGB32).copy()
    return RasterImage(image, tuple(extent), bucket, classes)


def _request(rb, raster, ctx: RenderContext):
    minx, miny, maxx, maxy = ctx.view.extent
    pad_x, pad_y = (maxx - minx) / 2, (maxy - miny) / 2
    ext = (max(rb[0], minx - pad_x), max(rb[1], miny - pad_y), min(rb[2], maxx + pad_x), min(rb[3], maxy + pad_y))
    if ext[0] >= ext[2] or ext[1] >= ext[3]:
        return None
    upp = 2.0 ** ctx.bucket  # the finest pixel of this bucket, in degrees of latitude
    native_x = (rb[2] - rb[0]) / max(raster.shape[1], 1)
    native_y = (rb[3] - rb[1]) / max(raster.shape[0], 1)
    cols = int(np.ceil((ext[2] - ext[0]) / max(upp / ctx.view.x_factor, native_x / 2)))
    rows = int(np.ceil((ext[3] - ext[1]) / max(upp, native_y / 2)))
    return ext, max(1, min(cols, _MAX_SIDE)), max(1, min(rows, _MAX_SIDE))


def _covers(outer, inner) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]


def draw_raster_layer(ctx: RenderContext, raster, store: dict) -> RasterImage | None:
    """Draw ``raster`` into the map; ``store`` keeps its last image between redraws."""
    key = (id(raster), raster.path, raster.band)
    bounds = store.get(("bounds", key))
    if bounds is None:
        bounds = store[("bounds", key)] = raster_lonlat_bounds(raster)
    needed = _overlap(ctx.view.extent, bounds)
    if needed[0] >= needed[2] or needed[1] >= needed[3]:
        return None
    cached = store.get(key)
    if cached is None or cached.bucket != ctx.bucket or not _covers(cached.extent, needed):
        request = _request(bounds, raster, ctx)
        if request is None:
            return None
        cached = store[key] = raster_image(raster, *request, ctx.bucket)
    _blit(ctx, cached, raster.style.opacity)
    return cached


def _overlap(a, b):
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _blit(ctx: RenderContext, img: RasterImage, opacity: float) -> None:
    minx, miny, maxx, maxy = img.extent
    painter = ctx.painter
    painter.save()
    painter.setOpacity(max(0.0, min(1.0, opacity)))
    painter.setTransform(QTransform())
    x0, y0 = ctx.to_device(minx, maxy)
    x1, y1 = ctx.to_device(maxx, miny)
    painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, False)
    painter.setClipRect(ctx.rect, Qt.IntersectClip)
    painter.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), img.image)
    painter.restore()
