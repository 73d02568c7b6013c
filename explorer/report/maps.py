"""Map figures for the PDF, drawn by :mod:`explorer.render` (the same drawing as the screen),
so the maps stay vectors in the PDF.  Each figure fits a lon/lat extent into its frame."""
from __future__ import annotations

from typing import Sequence

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QRectF

from layers.model import RasterLayer, VectorLayer
from layers.roles import Role

from .map_labels import draw_area_labels
from .ordering import draw_order
from .pdf import Figure

__all__ = ["renderer_available", "map_figure", "extent_of", "padded", "layers_for_extent",
           "fit_beside_legend", "least_river_order", "RIVER_ORDERS"]

#: Map detail: the simplification tolerance is the extent's width divided by this.
DETAIL = 700.0


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


#: Line features (e.g. river reaches) whose extent on the map is below this many times the
#: simplification tolerance (about half a millimetre on a page-wide map) are left out of the
#: PDF maps: they could not be seen, and thousands of them made the file large.
MIN_LINE_EXTENT = 2.0


def _visible_lines(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """The lines; those too small to see at ``tolerance`` become empty."""
    simple = geoms.copy()
    minx, miny, maxx, maxy = shapely.bounds(simple).T
    small = np.hypot(maxx - minx, maxy - miny) < MIN_LINE_EXTENT * tolerance
    simple[np.nan_to_num(small, nan=True).astype(bool)] = shapely.from_wkt("LINESTRING EMPTY")
    return simple


#: River reaches drawn on a PDF map, by the map's width: (largest width in km, least Strahler
#: order drawn).  Wider maps show only the larger rivers (generalisation by stream order).
RIVER_ORDERS = ((60.0, 1), (150.0, 2), (400.0, 3), (float("inf"), 4))


def least_river_order(extent) -> int:
    """The least Strahler order of the river reaches drawn on a map of ``extent``."""
    minx, miny, maxx, maxy = extent
    width_km = (maxx - minx) * 111.32 * np.cos(np.radians((miny + maxy) / 2.0))
    return next(order for limit, order in RIVER_ORDERS if width_km <= limit)


def _stream_orders(layer: VectorLayer, rows: np.ndarray) -> np.ndarray | None:
    """The Strahler order of ``rows`` of a river layer whose mapped code is the order."""
    column = layer.column("code")
    if getattr(layer, "role", None) != Role.RIVER or not column:
        return None
    values = pd.to_numeric(layer.frame[column].iloc[rows], errors="coerce").to_numpy()
    return values if np.nanmax(values, initial=0) <= 12 else None


def _simplified(layer: VectorLayer, rows: np.ndarray, tolerance: float, cache: dict | None):
    """The geometry of ``rows`` simplified at ``tolerance`` rounded down to a power of two, and
    their geometry type ids.  ``cache`` keeps, per layer and level, what was simplified, so a
    feature is simplified once per level however many maps show it."""
    level = 2.0 ** math.floor(math.log2(tolerance)) if tolerance > 0 else 0.0
    key = (id(layer), level)
    entry = cache.get(key) if cache is not None else None
    if entry is None:
        geoms = np.asarray(layer.geographic().geometry.values, dtype=object)
        entry = (geoms.copy(), shapely.get_type_id(geoms), np.zeros(len(geoms), dtype=bool))
        if cache is not None:
            cache[key] = entry
    simple, kinds, done = entry
    todo = rows[~done[rows]]
    if level > 0 and len(todo):
        polygons = todo[np.isin(kinds[todo], (3, 6))]
        lines = todo[np.isin(kinds[todo], (1, 2, 5))]
        simple[polygons] = shapely.simplify(simple[polygons], level, preserve_topology=True)
        simple[lines] = shapely.simplify(simple[lines], level, preserve_topology=False)
    done[todo] = True
    return simple[rows].copy(), kinds[rows]


def _slim_frame(layer: VectorLayer, rows: np.ndarray, geoms) -> gpd.GeoDataFrame:
    """Only what the map draws: the geometry, the mapped columns (names for labels) and the
    row in the original layer (for the selection)."""
    frame = layer.geographic()
    columns = [c for c in dict.fromkeys(layer.mapping.as_dict().values())
               if isinstance(c, str) and c in frame.columns and c != frame.geometry.name]
    data = {c: frame[c].to_numpy()[rows] for c in columns}
    data["__source_row"] = rows
    return gpd.GeoDataFrame(data, geometry=list(geoms), crs=frame.crs)


def _clipped(layer: VectorLayer, extent, tolerance: float, cache: dict | None = None) -> VectorLayer | None:
    frame = layer.geographic()
    window = shapely.box(*padded(extent, 0.05, 0.0))
    hits = frame.sindex.query(window, predicate="intersects")
    if not len(hits):
        return None
    rows = np.sort(hits)
    orders = _stream_orders(layer, rows)
    if orders is not None:
        rows = rows[~(orders < least_river_order(extent))]
        if not len(rows):
            return None
    geoms, kinds = _simplified(layer, rows, tolerance, cache)
    shaped = np.isin(kinds, (1, 2, 3, 5, 6))
    if shaped.any():
        geoms[shaped] = shapely.clip_by_rect(geoms[shaped], *window.bounds)
    lines = np.isin(kinds, (1, 5))
    if lines.any():
        geoms[lines] = _visible_lines(geoms[lines], tolerance)
    part = _slim_frame(layer, rows, geoms)
    part = part[~part.geometry.is_empty].reset_index(drop=True)
    copy = VectorLayer(layer.name, layer.role, part, layer.provenance, layer.mapping, layer.style)
    copy._geographic = part
    return copy


def layers_for_extent(layers: Sequence[VectorLayer | RasterLayer], extent, cache: dict | None = None):
    """The layers cut to ``extent`` and simplified for the page (numbers never use these).
    ``cache`` (any dict kept for the whole report) keeps each layer's simplified geometry."""
    tolerance = max(extent[2] - extent[0], extent[3] - extent[1]) / DETAIL
    out = []
    for layer in layers:
        if isinstance(layer, VectorLayer):
            clipped = _clipped(layer, extent, tolerance, cache)
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


def _legend_size(painter, layers, pt: float, title: str | None) -> tuple[float, float]:
    """Device size the legend of ``layers`` will take.  Raster class rows are not known
    before drawing: a raster that meets the map is counted with :data:`RASTER_ROWS` rows."""
    from explorer.render import legend_entries, measure_legend

    entries = legend_entries(layers, {}, {})
    if not entries:
        return 0.0, 0.0
    size = measure_legend(painter, entries, pt, title)
    rasters = sum(1 for l in layers if isinstance(l, RasterLayer) and l.style.visible)
    return size.width(), size.height() + rasters * RASTER_ROWS * 13 * pt


#: Rows kept for the classes of each raster when the legend is measured before drawing.
RASTER_ROWS = 6


def fit_beside_legend(extent, rect: QRectF, legend: tuple[float, float]):
    """The view of ``rect`` that shows ``extent`` clear of the legend box (``legend`` = its
    width and height in device units, drawn in the lower right corner): ``extent`` is fitted
    either left of a column as wide as the legend or above a strip as high as it, whichever
    shows it larger, so the legend never covers the features the map is about."""
    from explorer.render import MapView

    width, height = max(1, round(rect.width())), max(1, round(rect.height()))
    lw, lh = legend
    if lw <= 0 or lh <= 0:
        return MapView.fit(extent, width, height)
    beside = MapView.fit(extent, max(1, round(max(width - lw, width * 0.3))), height)
    above = MapView.fit(extent, width, max(1, round(max(height - lh, height * 0.3))))
    if beside.units_per_pixel <= above.units_per_pixel:
        return beside.resized(width, height).panned(-(width - beside.width) / 2.0, 0.0)
    return above.resized(width, height).panned(0.0, -(height - above.height) / 2.0)


def map_figure(layers: Sequence[VectorLayer | RasterLayer], extent, height_mm: float,
               caption: str = "", *, legend: bool = True, legend_title: str | None = None,
               credits: str | None = None, graticule: bool = True,
               selection: dict | None = None, cache: dict | None = None) -> Figure | None:
    """A :class:`Figure` drawing ``layers`` over ``extent``; None if the renderer is missing.

    With ``legend``, a column on the right of the frame is kept for the legend: ``extent``
    is fitted into the rest of the frame, so the legend covers only surroundings.  ``cache``
    (a dict kept for the whole report) keeps simplified geometry between figures.
    """
    if not renderer_available() or extent is None:
        return None
    ordered = draw_order(layers)

    def draw(painter, rect: QRectF, ctx) -> None:
        from explorer.render import RenderOptions, render_map

        pt = max(painter.device().logicalDpiX(), 1) / 72.0
        lw, lh = _legend_size(painter, ordered, pt, legend_title) if legend else (0.0, 0.0)
        margin = (16 if credits else 8) * pt
        view = fit_beside_legend(extent, rect, (lw + 12 * pt, lh + margin + 4 * pt) if lw else (0.0, 0.0))
        drawn = layers_for_extent(ordered, view.extent, cache)
        picked = _remap_selection(drawn, selection or {})
        options = RenderOptions(background="#dfe9ef", labels=False, scale_bar=True,
                                north_arrow=True, graticule=graticule, legend=legend,
                                legend_title=legend_title, credits=credits, frame=True)
        result = render_map(painter, rect, drawn, view, selection=picked, options=options)
        draw_area_labels(painter, rect, drawn, result.view, avoid=result.legend_rect)

    return Figure(draw, height_mm, caption, frame=False)
