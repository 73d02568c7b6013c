"""From an analysis uid (``"<layer name>:<id>"``, see ``explorer.analysis.frames``) back to a
layer of the session and the positional rows of that feature.  No widgets."""
from __future__ import annotations

from typing import Any

__all__ = ["locate_uid", "rows_bounds"]


def _as_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def locate_uid(layers: list[Any], uid: str) -> tuple[Any, tuple[int, ...]]:
    """The vector layer and rows a uid names, or ``(None, ())`` when it names nothing."""
    uid = str(uid)
    candidates = sorted((layer for layer in layers if getattr(layer, "kind", "") == "vector"
                         and uid.startswith(f"{layer.name}:")), key=lambda l: -len(l.name))
    for layer in candidates:
        rows = _rows_for_id(layer, uid[len(layer.name) + 1:])
        if rows:
            return layer, rows
    return None, ()


def _rows_for_id(layer: Any, ident: str) -> tuple[int, ...]:
    column = layer.column("id") if hasattr(layer, "column") else None
    texts = None if column is None else [_as_text(v) for v in layer.frame[column].tolist()]
    for candidate in (ident, ident.rsplit("#", 1)[0]):
        if texts is None:
            if candidate.isdigit() and int(candidate) < len(layer.frame):
                return (int(candidate),)
            continue
        rows = tuple(i for i, text in enumerate(texts) if text == candidate)
        if rows:
            return rows
    return ()


def rows_bounds(layer: Any, rows: tuple[int, ...]) -> tuple[float, float, float, float] | None:
    """Lon/lat bounds of some rows of a vector layer, or None."""
    if layer is None or not rows:
        return None
    geo = layer.geographic().iloc[list(rows)]
    minx, miny, maxx, maxy = (float(v) for v in geo.total_bounds)
    if minx != minx:  # NaN: empty geometries
        return None
    return (minx, miny, maxx, maxy)
