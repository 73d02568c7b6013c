"""Map figures for the PDF, drawn by :mod:`explorer.render` (the same drawing as the screen),
so the maps stay vectors in the PDF.  Each figure fits a lon/lat extent into its frame."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRectF

from layers.model import RasterLayer, VectorLayer

from .pdf import Figure

__all__ = ["renderer_available", "map_figure", "extent_of", "padded"]


def renderer_available() -> bool:
    """True when :mod:`explorer.render` provides ``render_map`` and ``MapView``."""
    try:
        from explorer.render import MapView, render_map  # noqa: F401
    except ImportError:
        return False
    return True


def padded(extent, fraction: float = 0.08, minimum: float = 0.01):
    """``extent`` grown by ``fraction`` of its size (at least ``minimum`` degrees)."""
    minx, miny, maxx, maxy = extent
    dx = max((maxx - minx) * fraction, minimum)
    dy = max((maxy - miny) * fraction, minimum)
    return (minx - dx, miny - dy, maxx + dx, maxy + dy)


def extent_of(geometries) -> tuple[float, float, float, float] | None:
    """Lon/lat bounds of a GeoSeries (or None if it is empty)."""
    if geometries is None or not len(geometries):
        return None
    minx, miny, maxx, maxy = (float(v) for v in geometries.total_bounds)
    return (minx, miny, maxx, maxy)


def map_figure(layers: Sequence[VectorLayer | RasterLayer], extent, height_mm: float,
               caption: str = "", *, legend: bool = True, legend_title: str | None = None,
               credits: str | None = None, graticule: bool = True,
               selection: dict | None = None) -> Figure | None:
    """A :class:`Figure` drawing ``layers`` over ``extent``; None if the renderer is missing."""
    if not renderer_available() or extent is None:
        return None

    def draw(painter, rect: QRectF, ctx) -> None:
        from explorer.render import MapView, RenderOptions, render_map

        view = MapView.fit(extent, max(1, round(rect.width())), max(1, round(rect.height())))
        options = RenderOptions(background="#ffffff", labels=True, scale_bar=True,
                                north_arrow=True, graticule=graticule, legend=legend,
                                legend_title=legend_title, credits=credits, frame=True)
        render_map(painter, rect, list(layers), view, selection=selection, options=options)

    return Figure(draw, height_mm, caption, frame=False)
