"""A KMZ for Google Earth: one folder per layer, a style per layer, a placemark per feature.

KML is built with :mod:`xml.etree.ElementTree`, which escapes every text node.  Google Earth
reads a description as HTML, so descriptions are HTML-escaped first (then XML-escaped), and the
balloon shows only the description: a feature named ``<script>`` is shown as text.  The
archive holds a single ``doc.kml``.
"""
from __future__ import annotations

import html
import zipfile
from pathlib import Path
from typing import Callable, Mapping, Sequence
from xml.etree import ElementTree as ET

import numpy as np
import shapely

from layers.model import VectorLayer

from .html_features import attribute_table, feature_keys, feature_labels

__all__ = ["write_kmz", "kml_colour", "kml_document"]

KML_NS = "http://www.opengis.net/kml/2.2"


def kml_colour(hex_colour: str, opacity: float) -> str:
    """``#rrggbb`` and an opacity to KML's ``aabbggrr``."""
    text = (hex_colour or "#888888").lstrip("#")
    text = (text + "000000")[:6] if len(text) != 6 else text
    alpha = max(0, min(255, round(float(opacity) * 255)))
    return f"{alpha:02x}{text[4:6]}{text[2:4]}{text[0:2]}"


def _coords(xy) -> str:
    return " ".join(f"{x:.5f},{y:.5f}" for x, y in np.asarray(xy)[:, :2])


def _add_geometry(parent: ET.Element, geom) -> None:
    kind = geom.geom_type
    if kind == "Point":
        ET.SubElement(ET.SubElement(parent, "Point"), "coordinates").text = _coords(geom.coords)
    elif kind == "LineString":
        ET.SubElement(ET.SubElement(parent, "LineString"), "coordinates").text = _coords(geom.coords)
    elif kind == "Polygon":
        poly = ET.SubElement(parent, "Polygon")
        outer = ET.SubElement(ET.SubElement(poly, "outerBoundaryIs"), "LinearRing")
        ET.SubElement(outer, "coordinates").text = _coords(geom.exterior.coords)
        for ring in geom.interiors:
            inner = ET.SubElement(ET.SubElement(poly, "innerBoundaryIs"), "LinearRing")
            ET.SubElement(inner, "coordinates").text = _coords(ring.coords)
    elif hasattr(geom, "geoms"):
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            _add_geometry(multi, part)


def _style(document: ET.Element, style_id: str, layer: VectorLayer) -> None:
    style = ET.SubElement(document, "Style", id=style_id)
    line = ET.SubElement(style, "LineStyle")
    ET.SubElement(line, "color").text = kml_colour(layer.style.stroke, layer.style.opacity)
    ET.SubElement(line, "width").text = f"{max(layer.style.stroke_width * 1.5, 1):.1f}"
    poly = ET.SubElement(style, "PolyStyle")
    ET.SubElement(poly, "color").text = kml_colour(layer.style.fill, layer.style.fill_opacity)
    icon = ET.SubElement(style, "IconStyle")
    ET.SubElement(icon, "color").text = kml_colour(layer.style.fill, 1.0)
    ET.SubElement(ET.SubElement(style, "BalloonStyle"), "text").text = "$[description]"


def _description(heading: str, rows: Sequence[tuple[str, str]]) -> str:
    """Balloon HTML: every label and value HTML-escaped."""
    lines = [f"<b>{html.escape(heading)}</b>"]
    lines += [f"{html.escape(str(label))}: {html.escape(str(value))}" for label, value in rows]
    return "<br/>".join(lines)


def kml_document(layers: Sequence[VectorLayer], popups: Mapping[str, Mapping[str, Sequence]],
                 title: str, translate: Callable[[str], str], tolerance: float) -> ET.Element:
    """The ``<kml>`` element with one folder per vector layer."""
    root = ET.Element("kml", xmlns=KML_NS)
    document = ET.SubElement(root, "Document")
    ET.SubElement(document, "name").text = title
    for number, layer in enumerate(layers):
        style_id = f"layer{number}"
        _style(document, style_id, layer)
        folder = ET.SubElement(document, "Folder")
        ET.SubElement(folder, "name").text = layer.name
        geoms = np.asarray(layer.geographic().geometry.values, dtype=object)
        if tolerance > 0:
            geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
        keys = feature_keys(layer)
        extra = popups.get(layer.name, {})
        labels, attributes = feature_labels(layer), attribute_table(layer, translate)
        for position, geom in enumerate(geoms):
            if geom is None or geom.is_empty:
                continue
            mark = ET.SubElement(folder, "Placemark")
            label = labels[position]
            ET.SubElement(mark, "name").text = label
            rows = attributes[position] + list(extra.get(keys[position], ()))
            ET.SubElement(mark, "description").text = _description(label, rows)
            ET.SubElement(mark, "styleUrl").text = f"#{style_id}"
            _add_geometry(mark, geom)
    return root


def write_kmz(layers: Sequence[VectorLayer], path: str | Path, *, title: str = "",
              popups: Mapping[str, Mapping[str, Sequence]] | None = None,
              translate: Callable[[str], str] = lambda s: s, tolerance: float = 0.0002) -> Path:
    """Write the vector ``layers`` as a KMZ (zip with ``doc.kml``) at ``path``."""
    vectors = [l for l in layers if isinstance(l, VectorLayer) and len(l.frame)]
    root = kml_document(vectors, popups or {}, title, translate, tolerance)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    path = Path(path)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("doc.kml", date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, data)
    return path
