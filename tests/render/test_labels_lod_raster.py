"""Labels never overlap, heavy layers still draw, rasters are coloured by class, PDF output."""
from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter, QPageSize

from explorer.render import MapView, RenderCache, RenderOptions, render_map, render_to_image
from explorer.render.labels import LabelCandidate, place_labels
from layers.model import Provenance, RasterLayer
from layers.roles import Role
from tests.render.test_render_map import _device, _pixels, _rgb
from tests.render.tiny_layers import make_layer, synthetic_polygons, tiny_map


def test_placed_labels_never_overlap_and_crowded_ones_are_dropped():
    rng = np.random.default_rng(3)
    font = QFont()
    font.setPointSizeF(8)
    candidates = [LabelCandidate(f"Aldeia {i}", float(x), float(y), float(p), 4.0, font, QColor("black"))
                  for i, (x, y, p) in enumerate(zip(rng.uniform(0, 400, 300), rng.uniform(0, 300, 300),
                                                    rng.uniform(0, 1, 300)))]
    bounds = QRectF(0, 0, 400, 300)
    placed = place_labels(candidates, bounds)
    assert 10 < len(placed) < len(candidates)
    for i, a in enumerate(placed):
        assert bounds.contains(a.rect)
        for b in placed[i + 1:]:
            assert not a.rect.intersects(b.rect), (a.text, b.text)


def test_higher_priority_labels_win():
    font = QFont()
    low = LabelCandidate("small park", 100.0, 100.0, 1.0, 0.0, font, QColor("black"))
    high = LabelCandidate("big park", 102.0, 101.0, 50.0, 0.0, font, QColor("black"))
    placed = place_labels([low, high], QRectF(0, 0, 400, 300))
    assert placed[0].text == "big park"


def test_map_labels_of_many_villages_do_not_overlap():
    xs, ys = np.meshgrid(np.linspace(-52, -50, 15), np.linspace(1, 3, 15))
    villages = make_layer("Villages", Role.COMMUNITY, shapely.points(xs.ravel(), ys.ravel()),
                          name=[f"Village number {i}" for i in range(xs.size)])
    _, result = render_to_image([villages], (500, 400))
    rects = [label.rect for label in result.labels]
    assert 5 < len(rects) < xs.size
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_a_100k_polygon_layer_draws_with_level_of_detail():
    layer = synthetic_polygons(100_000)
    cache = RenderCache()
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    image, result = render_to_image([layer], (640, 480), options=options, cache=cache)
    prepared = cache.prepared(layer)
    level = prepared._levels[result.view.bucket()]
    raw_vertices = shapely.get_num_coordinates(prepared.geoms).sum()
    drawn = sum(p.elementCount() for d in level.values() for p in d.paths + d.small)
    dots = sum(len(d.dots) for d in level.values())
    assert dots > 0  # sub-pixel titles became dots
    assert drawn + dots < raw_vertices  # and nothing was drawn at more detail than it had
    pixels = _pixels(image)
    stroke = _rgb(layer.style.stroke)
    x, y = _device(result.view, -52.0, 1.5)  # the middle of the synthetic cloud
    window = pixels[y - 20: y + 20, x - 20: x + 20].reshape(-1, 3).astype(float)
    assert (np.abs(window - stroke).sum(axis=1) < 60).mean() > 0.2  # dense titles, drawn
    zoomed = result.view.zoomed(16)
    image2, _ = render_to_image([layer], (640, 480), view=zoomed, options=options, cache=cache)
    assert len({tuple(p) for p in _pixels(image2)[::9, ::9].reshape(-1, 3)}) > 5


def _write_class_raster(path, crs="EPSG:32622"):
    import rasterio
    from rasterio.transform import from_origin

    data = np.full((40, 40), 3, dtype="uint16")  # forest
    data[10:20, 10:20] = 30  # mining
    data[30:, 30:] = 65535  # nodata
    transform = from_origin(420000, 260000, 100, 100)  # UTM 22N, near 2.35 N, 51.72 W
    with rasterio.open(path, "w", driver="GTiff", height=40, width=40, count=1, dtype="uint16",
                       crs=crs, transform=transform, nodata=65535) as dst:
        dst.write(data, 1)
    return RasterLayer("Land cover", str(path), Provenance(str(path), None, "GTiff", "0" * 64), crs,
                       (420000, 256000, 424000, 260000), (40, 40), "uint16", 65535, categorical=True)


def _utm_to_lonlat(x, y):
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:32622", "EPSG:4326", always_xy=True).transform(x, y)


def test_categorical_raster_shows_mining_in_red_and_nodata_transparent(tmp_path):
    raster = _write_class_raster(tmp_path / "classes.tif")
    raster.style = raster.style.with_changes(fill_opacity=1.0)
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    view = MapView.fit(tuple(np.r_[_utm_to_lonlat(420000, 256000), _utm_to_lonlat(424000, 260000)]), 400, 400)
    image, result = render_to_image([raster], (400, 400), view=view, options=options)
    pixels = _pixels(image)
    for (ux, uy), colour in (((421500, 258500), "#e8112d"), ((420500, 259500), "#1f8d49"),
                             ((423500, 256500), options.background)):
        x, y = _device(result.view, *_utm_to_lonlat(ux, uy))
        assert np.abs(pixels[y, x] - _rgb(colour)).max() <= 3, (ux, uy)
    assert result.raster_classes[id(raster)] == (3, 30)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_page_is_vector_with_searchable_labels(tmp_path):
    layers = list(tiny_map().values())
    path = tmp_path / "map.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    rect = QRectF(0, 0, writer.width(), writer.height() * 0.6)
    view = MapView.fit((-53, 0, -49, 5), round(rect.width()), round(rect.height()))
    result = render_map(painter, rect, layers, view, options=RenderOptions(legend=True, graticule=True))
    painter.end()
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "TI Uaçá" in text and "Legend" in text and "km" in text
    assert {label.text for label in result.labels} >= {"TI Uaçá", "PARNA X"}
    assert path.stat().st_size < 2_000_000


def test_level_of_detail_caches_stay_bounded_when_zooming_through_many_levels():
    from explorer.render.prepared import KEEP_LEVELS

    layer = synthetic_polygons(2_000)
    cache = RenderCache()
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    _, result = render_to_image([layer], (200, 150), options=options, cache=cache)
    view = result.view
    for _ in range(12):
        view = view.zoomed(2.0)
        render_to_image([layer], (200, 150), view=view, options=options, cache=cache)
    prepared = cache.prepared(layer)
    assert len(prepared._levels) <= KEEP_LEVELS and len(prepared._simple) <= KEEP_LEVELS
