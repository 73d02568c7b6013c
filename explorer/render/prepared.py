"""Geometry prepared for drawing: spatial chunks, a spatial index and level-of-detail paths.

A layer's features are sorted along a Hilbert curve and cut into chunks of a few hundred, each
with its bounding box, so a redraw only touches the chunks that meet the view.  For each zoom
bucket (zoom levels a factor of two apart) a chunk's geometry is simplified to the pixel size
once, turned into one QPainterPath in lon/lat, and kept; features smaller than a pixel become
dots.  Nothing here depends on the current pan position, so panning reuses everything.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from .paths import grouped_paths, line_coordinates, path_from_parts, ring_coordinates

__all__ = ["PreparedLayer", "ChunkDrawing", "RenderCache", "geometry_kind", "clip_to_box"]

CHUNK_SIZE = 384
#: Features wider than this many pixels of their zoom bucket are clipped to a window around
#: the view instead of being drawn whole from their chunk (a country outline at a village zoom).
LARGE_PX = 1024.0
#: Polygons smaller than this many pixels are filled without anti-aliasing (ten times faster
#: for a layer of 100 000 small titles; their anti-aliased outline still smooths the edge).
SMALL_PX = 6.0
#: Zoom buckets whose simplified geometry and paths are kept (memory stays bounded).
KEEP_LEVELS = 6


@dataclass
class ChunkDrawing:
    """What one chunk draws at one level of detail."""

    paths: list[QPainterPath]  # polygons (winding fill) or lines, in lon/lat, ~64 features each
    dots: np.ndarray  # K×2 lon/lat of features smaller than a pixel
    dot_rows: np.ndarray  # the feature index of each dot
    small: list[QPainterPath] = field(default_factory=list)  # polygons under SMALL_PX pixels


def geometry_kind(geoms: np.ndarray) -> str:
    """``"polygon"``, ``"line"`` or ``"point"``: the dominant geometry family of a layer."""
    kinds = shapely.get_type_id(geoms[~shapely.is_missing(geoms)])
    if len(kinds) == 0:
        return "polygon"
    counts = {
        "point": int(np.isin(kinds, (0, 4)).sum()),
        "line": int(np.isin(kinds, (1, 2, 5)).sum()),
        "polygon": int(np.isin(kinds, (3, 6)).sum()),
    }
    return max(counts, key=counts.get)


@dataclass
class PreparedLayer:
    """Drawing-ready geometry of one vector layer (in lon/lat)."""

    geoms: np.ndarray
    kind: str
    bounds: np.ndarray  # N×4
    chunks: list[np.ndarray]  # feature indices per chunk
    chunk_bounds: np.ndarray  # M×4
    _levels: dict = field(default_factory=dict, repr=False)
    _tree: shapely.STRtree | None = field(default=None, repr=False)
    _anchors: np.ndarray | None = field(default=None, repr=False)
    _windows: dict = field(default_factory=dict, repr=False)
    _simple: dict = field(default_factory=dict, repr=False)  # bucket -> (geoms, done mask)
    _lengths: tuple[float, float] | None = field(default=None, repr=False)

    @classmethod
    def from_geometries(cls, geoms) -> "PreparedLayer":
        """Index and chunk an array of shapely geometries (lon/lat)."""
        geoms = np.asarray(geoms, dtype=object)
        geoms = np.where(shapely.is_missing(geoms), shapely.from_wkt("GEOMETRYCOLLECTION EMPTY"), geoms)
        bounds = shapely.bounds(geoms)
        order = _hilbert_order(bounds)
        chunks = [order[i:i + CHUNK_SIZE] for i in range(0, len(order), CHUNK_SIZE)]
        chunk_bounds = np.array([_union_bounds(bounds[c]) for c in chunks]).reshape(-1, 4)
        return cls(geoms, geometry_kind(geoms), bounds, chunks, chunk_bounds)

    @property
    def tree(self) -> shapely.STRtree:
        """An STRtree over the features (built on first use)."""
        if self._tree is None:
            self._tree = shapely.STRtree(self.geoms)
        return self._tree

    def anchors(self) -> np.ndarray:
        """N×2 lon/lat label anchors: a point inside each feature (NaN for empty ones), cached."""
        if self._anchors is None:
            try:
                points = shapely.point_on_surface(self.geoms)
            except shapely.errors.GEOSException:
                points = shapely.point_on_surface(shapely.make_valid(self.geoms))
            xy = np.full((len(self.geoms), 2), np.nan)
            present = ~shapely.is_empty(points)
            xy[present] = shapely.get_coordinates(points[present])
            self._anchors = xy
        return self._anchors

    def ink_density(self) -> tuple[float, float]:
        """Total length of the lines (degrees) and the area of their bounding box (degrees²)."""
        if self._lengths is None:
            total = float(np.nan_to_num(shapely.length(self.geoms)).sum())
            b = self.bounds[np.isfinite(self.bounds).all(axis=1)]
            area = float((b[:, 2].max() - b[:, 0].min()) * (b[:, 3].max() - b[:, 1].min())) if len(b) else 0.0
            self._lengths = (total, area)
        return self._lengths

    def visible_chunks(self, extent) -> np.ndarray:
        """Indices of the chunks whose bounding box meets ``extent`` (minx, miny, maxx, maxy)."""
        if len(self.chunk_bounds) == 0:
            return np.empty(0, dtype=np.int64)
        minx, miny, maxx, maxy = extent
        b = self.chunk_bounds
        hit = (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)
        return np.flatnonzero(hit)

    def chunk_drawing(self, chunk: int, bucket: int) -> ChunkDrawing:
        """The chunk's paths at level of detail ``bucket`` (2**bucket degrees per pixel), cached."""
        if bucket not in self._levels:
            self._forget_far_levels(bucket)
        level = self._levels.setdefault(bucket, {})
        drawing = level.get(chunk)
        if drawing is None:
            drawing = self._build(self.chunks[chunk], bucket)
            level[chunk] = drawing
        return drawing

    def _forget_far_levels(self, bucket: int) -> None:
        """Keep the caches of at most ``KEEP_LEVELS`` zoom buckets, dropping the farthest."""
        for cache in (self._levels, self._simple):
            while len(cache) >= KEEP_LEVELS:
                del cache[max(cache, key=lambda b: abs(b - bucket))]

    def large_drawing(self, bucket: int, extent, x_factor: float = 1.0) -> ChunkDrawing | None:
        """Features too large for their chunk, simplified for ``bucket`` and clipped to a window
        of whole cells around ``extent``; the window is cached, so pans inside it cost nothing."""
        if self.kind == "point":
            return None
        pixel = 2.0 ** bucket
        window, key = _window(extent, pixel * LARGE_PX, x_factor)
        cached = self._windows.get(bucket)
        if cached is not None and cached[0] == key:
            return cached[1]
        rows = np.flatnonzero(_large(self.bounds, pixel) & _meets(self.bounds, window))
        drawing = None
        if len(rows):
            drawing = ChunkDrawing(self._paths(self.simplified(rows, bucket), window, rows), np.empty((0, 2)), rows[:0])
        self._windows[bucket] = (key, drawing)
        return drawing

    def drawing(self, bucket: int, box) -> ChunkDrawing:
        """Every feature meeting ``box``, simplified for ``bucket`` and clipped to ``box``: what a
        narrow strip uncovered by a pan needs, without the geometry outside it."""
        rows = np.flatnonzero(_meets(self.bounds, box))
        return self._build(rows, bucket, box)

    def simplified(self, rows: np.ndarray, bucket: int) -> np.ndarray:
        """The features ``rows`` simplified to the pixel of ``bucket`` (computed once per bucket)."""
        geoms, done = self._simple.get(bucket, (None, None))
        if geoms is None:
            self._forget_far_levels(bucket)
            geoms, done = self.geoms.copy(), np.zeros(len(self.geoms), dtype=bool)
            self._simple[bucket] = (geoms, done)
        todo = rows[~done[rows]]
        if len(todo):
            simple = _simplified(self.geoms[todo], 2.0 ** bucket)
            if self.kind == "polygon":  # shells counter-clockwise, holes clockwise (winding fill)
                simple = shapely.orient_polygons(simple, exterior_cw=False)
            geoms[todo] = simple
            done[todo] = True
        return geoms[rows]

    def _build(self, rows: np.ndarray, bucket: int, box=None) -> ChunkDrawing:
        if self.kind == "point":
            return ChunkDrawing([], shapely.get_coordinates(self.geoms[rows]), rows)
        pixel = 2.0 ** bucket
        b = self.bounds[rows]
        size = np.fmax(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
        tiny = ~(size >= pixel)  # also catches NaN bounds of empty geometries
        keep = ~tiny if box is not None else ~tiny & ~_large(b, pixel)  # large: see large_drawing
        small = keep & (size < pixel * SMALL_PX) if self.kind == "polygon" else np.zeros_like(keep)
        keep &= ~small
        paths = self._paths(self.simplified(rows[keep], bucket), box, rows[keep])
        small_paths = self._paths(self.simplified(rows[small], bucket), box, rows[small])
        tb = b[tiny]
        valid = np.isfinite(tb).all(axis=1)
        dots = np.column_stack([(tb[valid, 0] + tb[valid, 2]) / 2.0, (tb[valid, 1] + tb[valid, 3]) / 2.0])
        return ChunkDrawing(paths, dots, rows[tiny][valid], small_paths)

    def _paths(self, geoms: np.ndarray, box, rows) -> list[QPainterPath]:
        if box is not None and len(geoms):
            partial = ~_within(self.bounds[rows], box)
            if partial.any():
                geoms = geoms.copy()
                clipped = clip_to_box(geoms[partial], box)
                if self.kind == "polygon":
                    clipped = shapely.orient_polygons(clipped, exterior_cw=False)
                geoms[partial] = clipped
        if self.kind == "polygon":
            return grouped_paths(*ring_coordinates(geoms, oriented=True))
        return grouped_paths(*line_coordinates(geoms), group=256, winding=False)

    def subset_path(self, rows: np.ndarray, bucket: int | None = None, window=None) -> QPainterPath:
        """A path of the given features, simplified for ``bucket`` and clipped to ``window`` if given."""
        rows = np.asarray(rows, dtype=np.int64)
        geoms = self.geoms[rows] if bucket is None else self.simplified(rows, bucket)
        if window is not None:
            geoms = clip_to_box(geoms, window)
        if self.kind == "polygon":
            coords, ids, _ = ring_coordinates(geoms)
            return path_from_parts(coords, ids)
        coords, ids, _ = line_coordinates(geoms)
        return path_from_parts(coords, ids, winding=False)


def _simplified(geoms: np.ndarray, pixel: float) -> np.ndarray:
    """Geometries simplified to a fraction of a pixel; any that would vanish stay as they were."""
    if pixel <= 0 or len(geoms) == 0:
        return geoms
    simplified = shapely.simplify(geoms, pixel * 0.6, preserve_topology=False)
    return np.where(shapely.is_empty(simplified), geoms, simplified)


def clip_to_box(geoms: np.ndarray, box) -> np.ndarray:
    """``shapely.clip_by_rect``, keeping a geometry unclipped when GEOS rejects it (a ring that
    simplification left with three points, say): drawing it whole is better than losing it."""
    try:
        return shapely.clip_by_rect(geoms, *box)
    except shapely.errors.GEOSException:
        out = geoms.copy()
        for i, geom in enumerate(geoms):
            try:
                out[i] = shapely.clip_by_rect(geom, *box)
            except shapely.errors.GEOSException:
                pass
        return out


def _large(bounds: np.ndarray, pixel: float) -> np.ndarray:
    size = np.fmax(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    return size >= pixel * LARGE_PX


def _meets(bounds: np.ndarray, box) -> np.ndarray:
    return (bounds[:, 0] <= box[2]) & (bounds[:, 2] >= box[0]) & (bounds[:, 1] <= box[3]) & (bounds[:, 3] >= box[1])


def _within(bounds: np.ndarray, box) -> np.ndarray:
    return (bounds[:, 0] >= box[0]) & (bounds[:, 2] <= box[2]) & (bounds[:, 1] >= box[1]) & (bounds[:, 3] <= box[3])


def _window(extent, cell: float, x_factor: float):
    """A box of whole ``cell``-sized cells covering ``extent`` with one spare cell on each side."""
    cell_x = cell / max(x_factor, 1e-6)
    ix0, ix1 = int(np.floor(extent[0] / cell_x)) - 1, int(np.floor(extent[2] / cell_x)) + 2
    iy0, iy1 = int(np.floor(extent[1] / cell)) - 1, int(np.floor(extent[3] / cell)) + 2
    return (ix0 * cell_x, iy0 * cell, ix1 * cell_x, iy1 * cell), (ix0, iy0, ix1, iy1)


def _hilbert_order(bounds: np.ndarray) -> np.ndarray:
    n = len(bounds)
    if n <= CHUNK_SIZE:
        return np.arange(n)
    cx = np.nan_to_num((bounds[:, 0] + bounds[:, 2]) / 2.0)
    cy = np.nan_to_num((bounds[:, 1] + bounds[:, 3]) / 2.0)
    from geopandas.tools.hilbert_curve import _encode  # private, but pure numpy and stable

    level = 16
    side = 2 ** level - 1
    span_x = max(cx.max() - cx.min(), 1e-12)
    span_y = max(cy.max() - cy.min(), 1e-12)
    ix = ((cx - cx.min()) / span_x * side).astype(np.uint32)
    iy = ((cy - cy.min()) / span_y * side).astype(np.uint32)
    return np.argsort(_encode(level, ix, iy), kind="stable")


def _union_bounds(b: np.ndarray) -> tuple[float, float, float, float]:
    if len(b) == 0 or not np.isfinite(b).any():
        return (np.inf, np.inf, -np.inf, -np.inf)
    return (np.nanmin(b[:, 0]), np.nanmin(b[:, 1]), np.nanmax(b[:, 2]), np.nanmax(b[:, 3]))


class RenderCache:
    """Prepared geometry per layer, rebuilt when a layer's lon/lat frame changes.

    The canvas owns one; ``render_map`` makes a throw-away one when none is given.
    """

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref, int, PreparedLayer]] = {}
        #: Raster images kept between redraws (see :func:`explorer.render.raster.draw_raster_layer`).
        self.rasters: dict = {}

    def prepared(self, layer) -> PreparedLayer:
        """The PreparedLayer of a VectorLayer (built on first use, kept while the layer lives)."""
        frame = layer.geographic()
        key = id(layer)
        entry = self._entries.get(key)
        if entry is not None and entry[0]() is layer and entry[1] == id(frame):
            return entry[2]
        prepared = PreparedLayer.from_geometries(frame.geometry.values)
        self._entries[key] = (weakref.ref(layer, lambda _r, k=key: self._entries.pop(k, None)), id(frame), prepared)
        return prepared

    def clear(self) -> None:
        """Forget everything (e.g. after a project is closed)."""
        self._entries.clear()
        self.rasters.clear()
