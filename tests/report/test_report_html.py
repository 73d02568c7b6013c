"""The offline HTML map: no network references, hostile text stays text, layers styled."""
import re

from explorer.report.html_map import build_html_map
from layers.styles import default_style
from layers.roles import Role

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
REMOTE = re.compile(r"<(script|link|img)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.I)


def _page(tmp_path, layers, **kw):
    return build_html_map(layers, tmp_path / "map.html", **kw).read_text(encoding="utf-8")


def test_no_remote_script_link_or_img(tmp_path, hostile):
    page = _page(tmp_path, hostile, title="T")
    assert not REMOTE.search(page)
    assert "cdn." not in page and "code.jquery.com" not in page
    assert not re.search(r"(src|href)\s*=\s*[\"']https?://", page)


def test_leaflet_is_inlined(tmp_path, hostile):
    page = _page(tmp_path, hostile)
    assert "L.version" in page or "Leaflet" in page
    assert re.search(r"<script>\s*/\*\s*@preserve\s*\*\s*Leaflet 1\.9\.3", page)
    assert "leaflet-control-layers" in page  # the CSS of the layer control is in the page


def test_hostile_text_never_appears_as_markup(tmp_path, hostile):
    page = _page(tmp_path, hostile, title=SCRIPT,
                 popups={"titles": {"C1": [(IMG, SCRIPT)]}})
    assert SCRIPT not in page
    assert IMG not in page
    assert "<img src=x" not in page
    # the names are still there, escaped for HTML, inside JSON that cannot close the script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.replace("\\u0026", "&")
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page.replace("\\u0026", "&")


def test_each_layer_is_styled_as_in_the_app(tmp_path, hostile):
    page = _page(tmp_path, hostile)
    for role in (Role.INDIGENOUS_TERRITORY, Role.PROTECTED_AREA, Role.CONCESSION):
        assert default_style(role).fill in page
    assert "L.control.layers" in page and "L.control.scale" in page


def test_simplified_coordinates_have_at_most_six_decimals(tmp_path, hostile):
    page = _page(tmp_path, hostile)
    assert not re.search(r"-?\d+\.\d{7,}", page.split("L.geoJSON", 1)[1])
