"""The offline HTML map (folium): every layer styled as in the app, popups with each
feature's metrics, a legend, a layer control and a metric scale.

The page needs no network: Leaflet's script and stylesheet are inlined from the
``xstatic-leaflet`` wheel, folium's CDN links are removed, and no tile server is used unless
the caller passes a local one.  Geometries are simplified at :data:`SIMPLIFY_DEGREES` and
rounded to 5 decimals (about 1 m) to keep the file small.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Callable, Mapping, Sequence

import folium

from layers.model import RasterLayer, VectorLayer
from .assets import jquery_js, leaflet_css, leaflet_js
from .html_elements import HtmlControl, InlineAssets, MetricScale, SafeGeoJson
from .html_features import feature_collection, leaflet_style
from .ordering import draw_order

__all__ = ["build_html_map", "SIMPLIFY_DEGREES", "PAGE_CSS"]

#: Douglas-Peucker tolerance for the HTML map, in degrees (about 22 m at the equator).
SIMPLIFY_DEGREES = 0.0002

PAGE_CSS = """
.mie-box { background: rgba(255,255,255,0.92); padding: 6px 9px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.35); font: 12px/1.35 "DejaVu Sans", Arial, sans-serif; }
.mie-title { font-size: 14px; font-weight: bold; max-width: 460px; }
.mie-legend .row { display: flex; align-items: center; margin: 2px 0; }
.mie-legend .sw { width: 18px; height: 12px; margin-right: 6px; border: 2px solid; flex: none; }
.mie-legend .pt { border-radius: 50%; width: 10px; height: 10px; margin: 0 10px 0 2px; }
.mie-popup table { border-collapse: collapse; font-size: 12px; }
.mie-popup th { text-align: left; padding-right: 8px; vertical-align: top; color: #333; }
.mie-popup td { padding: 1px 0; }
.mie-popup h4 { margin: 0 0 4px 0; font-size: 13px; }
.leaflet-control-layers-expanded { font: 11px/1.3 "DejaVu Sans", Arial, sans-serif; padding: 4px 8px; }
.leaflet-control-layers-selector { margin: 1px 4px 1px 0; }
"""

Rows = Sequence[tuple[str, str]]


def _legend_html(layers: Sequence[VectorLayer], heading: str) -> str:
    rows = [f"<b>{html.escape(heading)}</b>"]
    for layer in layers:
        style = layer.style
        css = "pt" if _is_point(layer) else ""
        fill = style.fill if style.fill_opacity > 0 else "transparent"
        rows.append(
            f'<div class="row"><span class="sw {css}" style="background:{html.escape(fill)};'
            f'border-color:{html.escape(style.stroke)}"></span>{html.escape(layer.name)}</div>'
        )
    return "".join(rows)


def _is_point(layer: VectorLayer) -> bool:
    types = set(layer.frame.geom_type.dropna().unique())
    return bool(types) and types <= {"Point", "MultiPoint"}


def _bounds(layers: Sequence[VectorLayer], extent=None) -> list[list[float]]:
    """The map's opening extent as Leaflet corners: ``extent`` (the study area) when given,
    else the study area worked out from the layers alone."""
    if extent is None:
        from .study_area import study_extent

        extent = study_extent(layers)
    if extent is None:
        return [[-90.0, -180.0], [90.0, 180.0]]
    minx, miny, maxx, maxy = (float(v) for v in extent)
    return [[miny, minx], [maxy, maxx]]


#: The page's language for browsers and screen readers (hyphenation, voice), by report language.
_HTML_LANG = {"en": "en", "pt": "pt-BR", "es": "es", "fr": "fr"}


def _new_map(bounds: list[list[float]], tiles: str | None, tiles_attribution: str) -> folium.Map:
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    fmap = folium.Map(location=centre, zoom_start=7, tiles=None, control_scale=False,
                      prefer_canvas=True)
    fmap.default_js = []  # folium's CDN scripts: replaced by inline copies
    fmap.default_css = []
    fmap.get_root().header.add_child(
        InlineAssets([leaflet_css(), PAGE_CSS], [leaflet_js(), jquery_js()]), name="inline_assets"
    )
    if tiles:
        folium.TileLayer(tiles=tiles, attr=html.escape(tiles_attribution or "local tiles"),
                         name="basemap", overlay=False, control=False).add_to(fmap)
    fmap.fit_bounds(bounds)
    return fmap


def build_html_map(
    layers: Sequence[VectorLayer | RasterLayer],
    out_path: str | Path,
    *,
    title: str = "",
    popups: Mapping[str, Mapping[str, Rows]] | None = None,
    translate: Callable[[str], str] = lambda s: s,
    tolerance: float = SIMPLIFY_DEGREES,
    tiles: str | None = None,
    tiles_attribution: str = "",
    extent=None,
) -> Path:
    """Write an offline folium map of the vector ``layers`` to ``out_path`` and return the path.

    ``popups[layer name][feature key]`` lists extra (label, value) rows for a feature's popup
    (the feature key is the mapped id, else the row index, as text).  Raster layers are left
    out of the HTML map (they are in the PDF).  ``tiles`` is an optional *local* tile URL.
    ``extent`` (lon/lat) is where the map opens, normally the study area; every layer stays
    reachable through the layer control.
    """
    _ = translate
    vectors = draw_order([l for l in layers if isinstance(l, VectorLayer) and len(l.frame)])
    fmap = _new_map(_bounds(vectors, extent), tiles, tiles_attribution)
    for layer in vectors:
        data = feature_collection(layer, (popups or {}).get(layer.name, {}), tolerance, _)
        style = leaflet_style(layer.style, point=_is_point(layer))
        SafeGeoJson(data, style, name=html.escape(layer.name),
                    show=layer.style.visible).add_to(fmap)
    if title:
        HtmlControl(f'<div class="mie-title">{html.escape(title)}</div>', "topleft",
                    "mie-box").add_to(fmap)
    HtmlControl(_legend_html(vectors, _("Legend")), "bottomleft", "mie-box mie-legend").add_to(fmap)
    MetricScale().add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    out = Path(out_path)
    page = fmap.get_root().render()
    lang = _HTML_LANG.get(getattr(translate, "lang", "en"), "en")
    out.write_text(page.replace("<html>", f'<html lang="{lang}">', 1), encoding="utf-8")
    return out
