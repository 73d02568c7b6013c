"""Map figures for the PDF, drawn by :mod:`explorer.render` (the same drawing as the screen),
so the maps stay vectors in the PDF.  Each figure fits a lon/lat extent into its frame."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import shapely
from PySide6.QtCore import QRectF

from layers.model import RasterLayer, VectorLayer

from .map_labels import draw_area_labels
from .ordering import draw_order
from .pdf import Figure

__all__ = ["renderer_available", "map_figure", "extent_of", "padded", "layers_for_extent"]

#: Map detail: the simplification tolerance is the extent's width divided by this.
DETAIL = 2500.0


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


def _clipped(layer: VectorLayer, extent, tolerance: float) -> VectorLayer | None:
    frame = layer.geographic()
    window = shapely.box(*padded(extent, 0.05, 0.0))
    hits = frame.sindex.query(window, predicate="intersects")
    if not len(hits):
        return None
    rows = np.sort(hits)
    part = frame.iloc[rows].copy()
    geoms = np.asarray(part.geometry.values, dtype=object)
    kinds = shapely.get_type_id(geoms)
    areal = np.isin(kinds, (1, 2, 3, 5, 6))
    if areal.any():
        cut = shapely.clip_by_rect(geoms[areal], *window.bounds)
        geoms[areal] = shapely.simplify(cut, tolerance, preserve_topology=True)
    part = part.set_geometry(list(geoms), crs=frame.crs)
    part["__source_row"] = rows
    part = part[~part.geometry.is_empty].reset_index(drop=True)
    copy = VectorLayer(layer.name, layer.role, part, layer.provenance, layer.mapping, layer.style)
    copy._geographic = part
    return copy


def layers_for_extent(layers: Sequence[VectorLayer | RasterLayer], extent):
    """The layers cut to ``extent`` and simplified for the page (numbers never use these)."""
    tolerance = max(extent[2] - extent[0], extent[3] - extent[1]) / DETAIL
    out = []
    for layer in layers:
        if isinstance(layer, VectorLayer):
            clipped = _clipped(layer, extent, tolerance)
            if clipped is not None and len(clipped.frame):
                out.append(clipped)
        else:
            out.append(layer)
    return out


def _remap_selection(drawn, selection: dict) -> dict:
    """Selection by original row -> selection by row of the cut-down layers."""
    out = {}
    for layer in drawn:
        wanted = selection.get(layer.name)
        if wanted and "__source_row" in layer.frame.columns:
            positions = np.flatnonzero(np.isin(layer.frame["__source_row"].to_numpy(), list(wanted)))
            out[layer.name] = [int(p) for p in positions]
    return out


def map_figure(layers: Sequence[VectorLayer | RasterLayer], extent, height_mm: float,
               caption: str = "", *, legend: bool = True, legend_title: str | None = None,
               credits: str | None = None, graticule: bool = True,
               selection: dict | None = None) -> Figure | None:
    """A :class:`Figure` drawing ``layers`` over ``extent``; None if the renderer is missing."""
    if not renderer_available() or extent is None:
        return None
    drawn = layers_for_extent(draw_order(layers), extent)
    picked = _remap_selection(drawn, selection or {})

    def draw(painter, rect: QRectF, ctx) -> None:
        from explorer.render import MapView, RenderOptions, render_map

        view = MapView.fit(extent, max(1, round(rect.width())), max(1, round(rect.height())))
        options = RenderOptions(background="#dfe9ef", labels=False, scale_bar=True,
                                north_arrow=True, graticule=graticule, legend=legend,
                                legend_title=legend_title, credits=credits, frame=True)
        result = render_map(painter, rect, drawn, view, selection=picked, options=options)
        draw_area_labels(painter, rect, drawn, result.view)

    return Figure(draw, height_mm, caption, frame=False)
