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

from .paths import line_coordinates, path_from_parts, ring_coordinates

__all__ = ["PreparedLayer", "ChunkDrawing", "RenderCache", "geometry_kind"]

CHUNK_SIZE = 384


@dataclass
class ChunkDrawing:
    """What one chunk draws at one level of detail."""

    path: QPainterPath  # polygons (winding fill) or lines, in lon/lat
    dots: np.ndarray  # K×2 lon/lat of features smaller than a pixel
    dot_rows: np.ndarray  # the feature index of each dot


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
        level = self._levels.setdefault(bucket, {})
        drawing = level.get(chunk)
        if drawing is None:
            drawing = _build_chunk(self.geoms, self.bounds, self.chunks[chunk], self.kind, 2.0 ** bucket)
            level[chunk] = drawing
        return drawing

    def subset_path(self, rows: np.ndarray) -> QPainterPath:
        """A full-detail path of the given features (used for the selection highlight)."""
        geoms = self.geoms[np.asarray(rows, dtype=np.int64)]
        if self.kind == "polygon":
            coords, ids, _ = ring_coordinates(geoms)
            return path_from_parts(coords, ids)
        coords, ids, _ = line_coordinates(geoms)
        return path_from_parts(coords, ids, winding=False)


def _build_chunk(geoms, bounds, rows, kind, pixel) -> ChunkDrawing:
    sub = geoms[rows]
    b = bounds[rows]
    if kind == "point":
        xy = shapely.get_coordinates(sub)
        return ChunkDrawing(QPainterPath(), xy, rows)
    size = np.fmax(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    tiny = ~(size >= pixel)  # also catches NaN bounds of empty geometries
    big = sub[~tiny]
    if pixel > 0 and len(big):
        simplified = shapely.simplify(big, pixel * 0.6, preserve_topology=False)
        lost = shapely.is_empty(simplified)
        simplified = np.where(lost, big, simplified)
    else:
        simplified = big
    if kind == "polygon":
        coords, ids, _ = ring_coordinates(simplified)
        path = path_from_parts(coords, ids)
    else:
        coords, ids, _ = line_coordinates(simplified)
        path = path_from_parts(coords, ids, winding=False)
    tb = b[tiny]
    valid = np.isfinite(tb).all(axis=1)
    dots = np.column_stack([(tb[valid, 0] + tb[valid, 2]) / 2.0, (tb[valid, 1] + tb[valid, 3]) / 2.0])
    return ChunkDrawing(path, dots, rows[tiny][valid])


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
