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

__all__ = ["feature_collection", "leaflet_style", "feature_keys", "popup_html", "ATTRIBUTE_LABELS"]

#: Mapped attributes shown in popups, with their English labels (translated at use).
ATTRIBUTE_LABELS = {
    "id": "Identifier",
    "name": "Name",
    "holder": "Holder",
    "commodity": "Commodity",
    "status": "Status",
    "phase": "Phase",
    "code": "Basin code",
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


def _attribute_rows(layer: VectorLayer, position: int, _: Callable[[str], str]) -> list:
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


def feature_collection(
    layer: VectorLayer,
    extra_rows: Mapping[str, Sequence[tuple[str, str]]],
    tolerance: float,
    _: Callable[[str], str],
) -> dict:
    """A GeoJSON FeatureCollection of ``layer`` with popup ``p`` and tooltip ``t`` properties."""
    geoms = _prepared_geometries(layer, tolerance)
    keys = feature_keys(layer)
    features = []
    for position, geom in enumerate(geoms):
        if geom is None or shapely.is_empty(geom):
            continue
        label = feature_label(layer, position)
        rows = _attribute_rows(layer, position, _) + list(extra_rows.get(keys[position], ()))
        features.append({
            "type": "Feature",
            "geometry": json.loads(shapely.to_geojson(geom)),
            "properties": {"p": popup_html(label, rows), "t": html.escape(label)},
        })
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
