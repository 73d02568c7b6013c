"""Leaflet and jQuery, read from the ``xstatic`` wheels and inlined into the HTML map.

Nothing is fetched: the map must open on a laptop with no network.  Images that Leaflet's CSS
references (the layer-control icon, the default marker) become ``data:`` URIs.
"""
from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["leaflet_js", "leaflet_css", "jquery_js", "asset_versions"]


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def _jquery_dir() -> Path:
    import xstatic.pkg.jquery as jquery

    return Path(jquery.BASE_DIR)


def _strip_source_map(text: str) -> str:
    """Drop ``sourceMappingURL`` comments: the browser would try to load the map file."""
    return re.sub(r"/[/*][#@] sourceMappingURL=[^\n*]*(\*/)?", "", text)


#: Leaflet's attribution prefix links to its web site; offline it is plain text.
_PREFIX_LINK = '<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">'


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """The minified Leaflet script, with its attribution link made plain text."""
    text = _strip_source_map((_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8"))
    return text.replace(_PREFIX_LINK, '<span title="Leaflet">').replace('"Leaflet</a>"', '"Leaflet</span>"')


def _data_uri(path: Path) -> str:
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:image/png;base64,{encoded}"


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images inlined as ``data:`` URIs."""
    folder = _leaflet_dir()
    css = (folder / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        image = folder / "images" / Path(match.group(1)).name
        return f"url({_data_uri(image)})" if image.is_file() else "none"

    return re.sub(r"url\(\s*['\"]?images/([^)'\"]+)['\"]?\s*\)", inline, css)


@lru_cache(maxsize=1)
def jquery_js() -> str:
    """The minified jQuery script (some folium templates expect ``$``)."""
    return _strip_source_map((_jquery_dir() / "jquery.min.js").read_text(encoding="utf-8"))


def asset_versions() -> dict[str, str]:
    """Versions of the inlined libraries, for the manifest and the method statement."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    return {"leaflet": leaflet.VERSION, "jquery": jquery.VERSION}
