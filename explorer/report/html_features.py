"""GeoJSON features for the HTML map: simplified, rounded geometry and escaped popup HTML.

Only two properties travel to the page: ``p`` (popup HTML) and ``t`` (tooltip text), both
built here with every attribute value passed through :func:`html.escape`.
"""
from __future__ import annotations

import html
import json
from typing import Callable, Mapping, Sequence

import numpy as np
import shapely

from layers.model import MAPPING_KEYS, VectorLayer
from layers.styles import Style

__all__ = [
    "feature_collection",
    "leaflet_style",
    "feature_keys",
    "feature_label",
    "attribute_rows",
    "popup_html",
    "ATTRIBUTE_LABELS",
]

#: Mapped attributes shown in popups, with their English labels (translated at use).
def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now."""
    return message


ATTRIBUTE_LABELS = {
    "id": N_("Identifier"),
    "name": N_("Name"),
    "holder": N_("Holder"),
    "commodity": N_("Commodity"),
    "status": N_("Status"),
    "phase": N_("Phase"),
    "code": N_("Code"),
}


def feature_keys(layer: VectorLayer) -> list[str]:
    """The key of each feature: its mapped id as text, else its row position."""
    column = layer.column("id")
    if column:
        return [str(v) for v in layer.frame[column].tolist()]
    return [str(i) for i in range(len(layer.frame))]


def feature_label(layer: VectorLayer, position: int) -> str:
    """A feature's display name: mapped name, else id, else ``#position`` (not escaped)."""
    for key in ("name", "id"):
        column = layer.column(key)
        if column:
            value = layer.frame[column].iloc[position]
            if value is not None and str(value).strip() and str(value) != "nan":
                return str(value)
    return f"#{position + 1}"


def popup_html(heading: str, rows: Sequence[tuple[str, str]]) -> str:
    """A popup: an escaped heading and an escaped two-column table."""
    body = "".join(
        f"<tr><th>{html.escape(str(label))}</th><td>{html.escape(str(value))}</td></tr>"
        for label, value in rows
    )
    return f'<div class="mie-popup"><h4>{html.escape(heading)}</h4><table>{body}</table></div>'


def attribute_rows(layer: VectorLayer, position: int, _: Callable[[str], str]) -> list:
    """(label, value) of the mapped attributes of one feature, labels translated."""
    rows = []
    for key, label in ATTRIBUTE_LABELS.items():
        column = layer.column(key)
        if column:
            value = layer.frame[column].iloc[position]
            if value is not None and str(value) not in ("", "nan", "None"):
                rows.append((_(label), str(value)))
    return rows


def _prepared_geometries(layer: VectorLayer, tolerance: float) -> np.ndarray:
    geoms = np.asarray(layer.geographic().geometry.values, dtype=object)
    if tolerance > 0:
        simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
        geoms = np.where(shapely.is_empty(simple), geoms, simple)
    return shapely.transform(geoms, lambda xy: np.round(xy, 6))


def _anonymous(layer: VectorLayer, extra_rows: Mapping) -> bool:
    """A layer whose features carry nothing to show (no id, no name, no metrics)."""
    return not extra_rows and not layer.column("id") and not layer.column("name")


def _merged_lines(geoms: np.ndarray):
    """All line geometries of ``geoms`` merged into one (shared vertices written once)."""
    lines = geoms[shapely.get_type_id(geoms) == 1] if len(geoms) else geoms
    multi = shapely.get_type_id(geoms) == 5
    parts = list(lines) + [p for g in geoms[multi] for p in shapely.get_parts(g)]
    if not parts:
        return None
    return shapely.line_merge(shapely.multilinestrings(parts))


def _feature(geom, popup: str | None, tooltip: str | None) -> dict:
    properties = {}
    if popup:
        properties["p"] = popup
    if tooltip:
        properties["t"] = tooltip
    return {"type": "Feature", "geometry": json.loads(shapely.to_geojson(geom)),
            "properties": properties}


def feature_collection(
    layer: VectorLayer,
    extra_rows: Mapping[str, Sequence[tuple[str, str]]],
    tolerance: float,
    _: Callable[[str], str],
) -> dict:
    """A GeoJSON FeatureCollection of ``layer`` with popup ``p`` and tooltip ``t`` properties.

    Line layers whose features carry no id, name or metric (e.g. a river network) are merged
    into one feature without a popup, which keeps the page small.
    """
    geoms = _prepared_geometries(layer, tolerance)
    if _anonymous(layer, extra_rows):
        merged = _merged_lines(geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))])
        if merged is not None and not set(layer.frame.geom_type.dropna()) - {"LineString", "MultiLineString"}:
            merged = shapely.simplify(merged, tolerance) if tolerance > 0 else merged
            merged = shapely.transform(merged, lambda xy: np.round(xy, 6))
            return {"type": "FeatureCollection", "features": [_feature(merged, None, None)]}
    keys = feature_keys(layer)
    features = []
    for position, geom in enumerate(geoms):
        if geom is None or shapely.is_empty(geom):
            continue
        label = feature_label(layer, position)
        rows = attribute_rows(layer, position, _) + list(extra_rows.get(keys[position], ()))
        features.append(_feature(geom, popup_html(label, rows), html.escape(label)))
    return {"type": "FeatureCollection", "features": features}


def leaflet_style(style: Style, point: bool = False) -> dict:
    """Leaflet path options for a :class:`layers.styles.Style` (hatches become dashes)."""
    options = {
        "color": style.stroke,
        "weight": max(float(style.stroke_width) * 1.33, 0.5),
        "opacity": float(style.opacity),
        "fillColor": style.fill,
        "fillOpacity": float(style.fill_opacity) * float(style.opacity),
        "fill": style.fill_opacity > 0,
    }
    if style.hatch not in ("none", "", None):
        options["dashArray"] = "6 3"
    if point:
        options.update(radius=max(float(style.marker_size) / 2, 3), fill=True,
                       fillOpacity=0.9, weight=1)
    return options
