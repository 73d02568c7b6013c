"""Which features are under a device point or inside a device box (identify and select)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from .prepared import RenderCache

__all__ = ["Hit", "features_at", "features_in_rect"]


@dataclass(frozen=True)
class Hit:
    """One feature found: its layer, its row index in the layer's frame, and its attributes."""

    layer: object = field(compare=False)
    row: int
    attributes: dict = field(compare=False, default_factory=dict)

    @property
    def layer_name(self) -> str:
        """The layer's name."""
        return self.layer.name


def _attributes(layer, row: int) -> dict:
    frame = layer.frame
    record = frame.iloc[row]
    geometry_name = frame.geometry.name
    return {str(k): v for k, v in record.items() if k != geometry_name}


def _vector_layers(layers, visible_only: bool):
    for layer in reversed(list(layers)):  # topmost first
        if getattr(layer, "kind", "vector") != "vector":
            continue
        if visible_only and not layer.style.visible:
            continue
        yield layer


def features_at(layers, view, x: float, y: float, tolerance_px: float = 4.0,
                cache: RenderCache | None = None, visible_only: bool = True) -> list[Hit]:
    """Features under device pixel (x, y) of ``view``, topmost layer first.

    Polygons are hit when the point is inside them or within the tolerance of their edge;
    lines and points within ``tolerance_px`` pixels.
    """
    cache = cache or RenderCache()
    lon, lat = view.to_world(x, y)
    point = shapely.Point(lon, lat)
    hits: list[Hit] = []
    for layer in _vector_layers(layers, visible_only):
        prepared = cache.prepared(layer)
        pixels = tolerance_px
        if prepared.kind == "point":  # the whole symbol answers, not just its centre
            pixels = max(tolerance_px, layer.style.marker_size * 96.0 / 72.0 / 2.0)
        tolerance = pixels * view.units_per_pixel / view.x_factor
        rows = prepared.tree.query(point, predicate="dwithin", distance=tolerance)
        if len(rows) == 0:
            continue
        geoms = prepared.geoms[rows]
        distance = shapely.distance(geoms, point)
        for row in rows[np.argsort(distance, kind="stable")]:
            hits.append(Hit(layer, int(row), _attributes(layer, int(row))))
    return hits


def features_in_rect(layers, view, x0: float, y0: float, x1: float, y1: float,
                     cache: RenderCache | None = None, visible_only: bool = True) -> dict[int, list[int]]:
    """Rows of each layer meeting a device box, as ``{id(layer): [rows]}`` (for box selection)."""
    cache = cache or RenderCache()
    lon0, lat0 = view.to_world(min(x0, x1), max(y0, y1))
    lon1, lat1 = view.to_world(max(x0, x1), min(y0, y1))
    box = shapely.box(lon0, lat0, lon1, lat1)
    found: dict[int, list[int]] = {}
    for layer in _vector_layers(layers, visible_only):
        rows = cache.prepared(layer).tree.query(box, predicate="intersects")
        if len(rows):
            found[id(layer)] = sorted(int(r) for r in rows)
    return found
