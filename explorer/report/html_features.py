"""GeoJSON features for the HTML map: simplified, rounded geometry and escaped popup text.

Only two properties travel to the page: ``h`` (the feature's name, shown as tooltip and popup
heading) and ``r`` (popup rows as ``[label number, value]``; the collection's ``labels`` list
holds each label once).  Every value and label is passed through :func:`html.escape` here;
the page only concatenates them.
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
    "attribute_table",
    "feature_labels",
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
    return attribute_table(layer, _)[position]


def attribute_table(layer: VectorLayer, _: Callable[[str], str]) -> list[list]:
    """:func:`attribute_rows` of every feature of ``layer``, read column by column (fast)."""
    out: list[list] = [[] for _i in range(len(layer.frame))]
    for key, label in ATTRIBUTE_LABELS.items():
        column = layer.column(key)
        if not column:
            continue
        text = _(label)
        for rows, value in zip(out, layer.frame[column].tolist()):
            if value is not None and str(value) not in ("", "nan", "None"):
                rows.append((text, str(value)))
    return out


def feature_labels(layer: VectorLayer) -> list[str]:
    """:func:`feature_label` of every feature of ``layer``."""
    columns = [layer.frame[c].tolist() for c in (layer.column("name"), layer.column("id")) if c]
    out = []
    for position in range(len(layer.frame)):
        label = f"#{position + 1}"
        for values in columns:
            value = values[position]
            if value is not None and str(value).strip() and str(value) != "nan":
                label = str(value)
                break
        out.append(label)
    return out


#: Decimals kept in the HTML map's coordinates: 1e-5 degree is about 1.1 m.
DECIMALS = 5


def _rounded(geoms):
    return shapely.transform(geoms, lambda xy: np.round(xy, DECIMALS))


def _prepared_geometries(layer: VectorLayer, tolerance: float) -> np.ndarray:
    geoms = np.asarray(layer.geographic().geometry.values, dtype=object)
    if tolerance > 0:
        simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
        geoms = np.where(shapely.is_empty(simple), geoms, simple)
    return _rounded(geoms)


def _is_line_layer(layer: VectorLayer) -> bool:
    kinds = set(layer.frame.geom_type.dropna())
    return bool(kinds) and not kinds - {"LineString", "MultiLineString"}


def _merged_lines(geoms: np.ndarray):
    """All line geometries of ``geoms`` merged into one (shared vertices written once)."""
    lines = geoms[shapely.get_type_id(geoms) == 1] if len(geoms) else geoms
    multi = shapely.get_type_id(geoms) == 5
    parts = list(lines) + [p for g in geoms[multi] for p in shapely.get_parts(g)]
    if not parts:
        return None
    return shapely.line_merge(shapely.multilinestrings(parts))


def _feature(geom, heading: str | None = None, rows: list | None = None) -> dict:
    properties: dict = {}
    if heading is not None:
        properties["h"] = heading
    if rows:
        properties["r"] = rows
    return {"type": "Feature", "geometry": json.loads(shapely.to_geojson(geom)),
            "properties": properties}


class _Labels:
    """Popup row labels of one layer, each written once: rows refer to them by index."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def rows(self, rows) -> list:
        out = []
        for label, value in rows:
            number = self.index.setdefault(html.escape(str(label)), len(self.index))
            out.append([number, html.escape(str(value))])
        return out

    def escaped(self) -> list[str]:
        return list(self.index)


def _silent_lines(layer: VectorLayer, keys: list[str], extra_rows: Mapping) -> np.ndarray:
    """Mask of the features of a line layer that have nothing to show (no id, no name and no
    metric): they are merged into one feature without a popup (e.g. a river network)."""
    if layer.column("id") or layer.column("name") or not _is_line_layer(layer):
        return np.zeros(len(keys), dtype=bool)
    return np.array([key not in extra_rows for key in keys], dtype=bool)


def feature_collection(
    layer: VectorLayer,
    extra_rows: Mapping[str, Sequence[tuple[str, str]]],
    tolerance: float,
    _: Callable[[str], str],
) -> dict:
    """A GeoJSON FeatureCollection of ``layer`` with name ``h`` and popup rows ``r`` (see the
    module docstring), and the escaped row ``labels``.

    In a line layer whose features carry no id or name (e.g. a river network), the features
    without metrics are merged into one feature without a popup, which keeps the page small;
    the features with metrics keep their own popup.  Coordinates are rounded to
    :data:`DECIMALS` decimals.
    """
    geoms = _prepared_geometries(layer, tolerance)
    keys = feature_keys(layer)
    silent = _silent_lines(layer, keys, extra_rows)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    features = []
    if silent.any():
        merged = _merged_lines(geoms[silent & present])
        if merged is not None:
            merged = shapely.simplify(merged, tolerance) if tolerance > 0 else merged
            features.append(_feature(_rounded(merged)))
    labels, attributes = feature_labels(layer), attribute_table(layer, _)
    row_labels = _Labels()
    for position in np.flatnonzero(present & ~silent):
        rows = attributes[position] + list(extra_rows.get(keys[position], ()))
        features.append(_feature(geoms[position], html.escape(labels[position]), row_labels.rows(rows)))
    return {"type": "FeatureCollection", "features": features, "labels": row_labels.escaped()}


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
