"""render_map / render_to_image draw each role where it belongs, in its colour."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from explorer.render import MapView, RenderOptions, render_to_image
from layers.styles import default_style
from layers.roles import Role

from tests.render.tiny_layers import tiny_map

SIZE = (800, 600)
BACKGROUND = "#dfe9ef"


def _pixels(image: QImage) -> np.ndarray:
    """H×W×3 uint8 RGB array of an image (independent of the renderer)."""
    image = image.convertToFormat(QImage.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return data[:, : width * 3].reshape(height, width, 3).copy()


def _blend(under: np.ndarray, colour: str, alpha: float) -> np.ndarray:
    c = QColor(colour)
    top = np.array([c.red(), c.green(), c.blue()], dtype=float)
    return top * alpha + under * (1.0 - alpha)


def _rgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=float)


def _device(view: MapView, lon: float, lat: float) -> tuple[int, int]:
    """World -> pixel, written out from the projection's definition (not the code under test)."""
    k = np.cos(np.radians(view.ref_lat))
    x = (lon - view.center_x) * k / view.units_per_pixel + view.width / 2
    y = view.height / 2 - (lat - view.center_y) / view.units_per_pixel
    return int(round(x)), int(round(y))


def _mode_colour(pixels: np.ndarray, x: int, y: int, half: int = 7) -> np.ndarray:
    window = pixels[y - half: y + half + 1, x - half: x + half + 1].reshape(-1, 3)
    (value, _), = Counter(map(tuple, window)).most_common(1)
    return np.array(value, dtype=float)


@pytest.fixture(scope="module")
def drawn():
    layers = tiny_map()
    view = MapView.fit((-53, 0, -49, 5), *SIZE)
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False, background=BACKGROUND)
    image, result = render_to_image(list(layers.values()), SIZE, view=view, options=options)
    return layers, result.view, _pixels(image)


@pytest.mark.parametrize("role, lon, lat", [
    ("basin", -52.7, 4.3),
    ("protected_area", -52.2, 1.3),
    ("indigenous_territory", -50.3, 3.3),
    ("concession", -50.2, 1.4),
])
def test_each_polygon_role_fills_its_interior_with_its_colour(drawn, role, lon, lat):
    layers, view, pixels = drawn
    context = default_style(Role.CONTEXT)
    under = _blend(_rgb(BACKGROUND), context.fill, context.fill_opacity)
    style = layers[role].style
    expected = _blend(under, style.fill, style.fill_opacity)
    x, y = _device(view, lon, lat)
    assert np.abs(_mode_colour(pixels, x, y) - expected).max() <= 4


def test_outside_every_layer_shows_the_background(drawn):
    _, view, pixels = drawn
    x, y = _device(view, -53.2, 2.0)
    assert np.abs(pixels[y, x] - _rgb(BACKGROUND)).max() <= 2


def test_river_and_community_are_drawn_in_their_colours(drawn):
    layers, view, pixels = drawn
    x, y = _device(view, -50.9, 2.3)
    column = pixels[y - 3: y + 4, x].astype(float)
    stroke = _rgb(layers["river"].style.stroke)
    context = _rgb(default_style(Role.CONTEXT).fill)
    # an anti-aliased line: each pixel's coverage is how far it moved from land towards the stroke;
    # summed across the line that gives its width in pixels (0.8 pt at 96 dpi = 1.07 px)
    direction = stroke - context
    coverage = (column - context) @ direction / (direction @ direction)
    width_px = layers["river"].style.stroke_width * 96 / 72
    assert coverage.sum() == pytest.approx(width_px, rel=0.3)
    x, y = _device(view, -49.5, 4.5)
    assert np.abs(pixels[y + 1, x] - _rgb(layers["community"].style.fill)).max() <= 30


def test_hatching_draws_lines_only_where_the_style_asks(drawn):
    _, view, pixels = drawn
    for lon, lat, hatched in ((-52.2, 1.3, True), (-50.3, 3.3, True), (-50.2, 1.4, False)):
        x, y = _device(view, lon, lat)
        window = pixels[y - 10: y + 11, x - 10: x + 11].reshape(-1, 3).astype(float)
        base = _mode_colour(pixels, x, y)
        darker = (np.abs(window - base).sum(axis=1) > 30).sum()
        assert (darker > 20) if hatched else (darker == 0)


def test_selection_highlights_the_selected_feature_only():
    layers = tiny_map()
    order = list(layers.values())
    view = MapView.fit((-53, 0, -49, 5), *SIZE)
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    plain, _ = render_to_image(order, SIZE, view=view, options=options)
    chosen, _ = render_to_image(order, SIZE, view=view, options=options,
                                selection={id(layers["concession"]): [0]})
    a, b = _pixels(plain), _pixels(chosen)
    x, y = _device(view, -50.6, 1.4)  # west edge of title A
    edge = b[y, x - 2: x + 3].astype(float)
    yellow = _rgb(options.selection_colour)
    assert np.abs(edge - yellow).sum(axis=1).min() < 60
    x2, y2 = _device(view, -52.0, 2.65)  # west edge of title B, not selected
    assert np.array_equal(a[y2 - 3: y2 + 4, x2 - 3: x2 + 4], b[y2 - 3: y2 + 4, x2 - 3: x2 + 4])


def test_selection_by_layer_name_works_too():
    layers = tiny_map()
    view = MapView.fit((-53, 0, -49, 5), *SIZE)
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    by_id, _ = render_to_image(list(layers.values()), SIZE, view=view, options=options,
                               selection={id(layers["concession"]): [1]})
    by_name, _ = render_to_image(list(layers.values()), SIZE, view=view, options=options,
                                 selection={"Concessions": [1]})
    assert by_id == by_name


def test_hidden_layers_are_not_drawn():
    layers = tiny_map()
    layers["concession"].style = layers["concession"].style.with_changes(visible=False)
    view = MapView.fit((-53, 0, -49, 5), *SIZE)
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    image, _ = render_to_image(list(layers.values()), SIZE, view=view, options=options)
    x, y = _device(view, -50.2, 1.4)
    context = default_style(Role.CONTEXT)
    assert np.abs(_pixels(image)[y, x] - _blend(_rgb(options.background), context.fill, 1.0)).max() <= 4


def test_empty_layer_list_draws_background_without_error():
    image, result = render_to_image([], (120, 80))
    assert not image.isNull() and result.labels == []
