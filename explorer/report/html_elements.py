"""Folium elements of the offline map: inline assets, a safe GeoJSON layer, legend and title.

Attribute text never reaches the page unescaped: popup and tooltip HTML is built with
:func:`html.escape` on every value, and JSON placed inside ``<script>`` has ``<``, ``>`` and
``&`` written as ``\\u003c`` etc., so no value can close the script element.
"""
from __future__ import annotations

import json

from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

__all__ = ["script_json", "InlineAssets", "SafeGeoJson", "HtmlControl", "MetricScale"]


def script_json(value) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class InlineAssets(Element):
    """``<style>`` and ``<script>`` blocks with the full text of the libraries."""

    def __init__(self, css: list[str], scripts: list[str]):
        blocks = [f"<style>{text}</style>" for text in css]
        blocks += [f"<script>{text}</script>" for text in scripts]
        super().__init__("\n".join(blocks))


class SafeGeoJson(Layer):
    """A GeoJSON overlay whose popups and tooltips are built from pre-escaped text: ``h`` (name)
    and ``r`` (rows ``[label number, value]``) of each feature, ``labels`` of the collection.

    ``style`` is a Leaflet path-options dict; points are drawn as circle markers.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {
            style: function () { return {{ this.style_json }}; },
            pointToLayer: function (feature, latlng) {
                return L.circleMarker(latlng, {{ this.style_json }});
            },
            onEachFeature: function (feature, layer) {
                var p = feature.properties || {};
                if (p.h === undefined) { return; }
                var labels = {{ this.labels_json }};
                layer.bindPopup(function () {
                    var rows = (p.r || []).map(function (r) {
                        return '<tr><th>' + labels[r[0]] + '</th><td>' + r[1] + '</td></tr>';
                    }).join('');
                    return '<div class="mie-popup"><h4>' + p.h + '</h4><table>' + rows + '</table></div>';
                }, {maxWidth: 420});
                layer.bindTooltip(p.h, {sticky: true});
            }
        });
        {% endmacro %}
        """
    )

    def __init__(self, data: dict, style: dict, name: str, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "SafeGeoJson"
        data = dict(data)
        self.labels_json = script_json(data.pop("labels", []))
        self.data_json = script_json(data)
        self.style_json = script_json(style)


class HtmlControl(MacroElement):
    """A Leaflet control holding pre-escaped HTML (legend, title box)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position_json }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create('div', {{ this.css_class_json }});
            div.innerHTML = {{ this.html_json }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, position: str = "bottomleft", css_class: str = "mie-box"):
        super().__init__()
        self._name = "HtmlControl"
        self.html_json = script_json(html)
        self.position_json = script_json(position)
        self.css_class_json = script_json(css_class)


class MetricScale(MacroElement):
    """Leaflet's scale bar, metric only."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false, position: 'bottomright'}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )
