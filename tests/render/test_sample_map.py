"""The real Amapá sample drawn end to end: every layer shows, mining shows red at Lourenço."""
from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from explorer.render import MapView, RenderCache, RenderOptions, render_to_image
from tests.render.sample_layers import load_sample_layers, sample_available
from tests.render.test_render_map import _device, _pixels, _rgb

pytestmark = pytest.mark.skipif(not sample_available(), reason="sample_data/ not built")
SIZE = (1000, 700)


@pytest.fixture(scope="module")
def sample():
    return load_sample_layers()


def test_every_sample_layer_changes_the_picture(sample, tmp_path):
    cache = RenderCache()
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    full, result = render_to_image(sample, SIZE, options=options, cache=cache)
    full.save(str(tmp_path / "sample.png"))
    everything = _pixels(full)
    assert len({tuple(p) for p in everything[::5, ::5].reshape(-1, 3)}) > 200
    for layer in sample:
        original = layer.style
        layer.style = original.with_changes(visible=False)
        try:
            without, _ = render_to_image(sample, SIZE, view=result.view, options=options, cache=cache)
        finally:
            layer.style = original
        changed = (np.abs(_pixels(without).astype(int) - everything.astype(int)).sum(axis=2) > 12).sum()
        assert changed > 20, f"{layer.name} does not show"


def test_lourenco_mining_pixels_are_red(sample):
    raster = next(layer for layer in sample if layer.kind == "raster")
    options = RenderOptions(labels=False, scale_bar=False, north_arrow=False)
    only_raster = [raster]
    view = MapView.fit((-51.75, 2.2, -51.5, 2.45), *SIZE)
    image, result = render_to_image(only_raster, SIZE, view=view, options=options)
    pixels = _pixels(image).reshape(-1, 3).astype(float)
    alpha = raster.style.fill_opacity
    mining = _rgb("#e8112d") * alpha + _rgb(options.background) * (1 - alpha)
    assert (np.abs(pixels - mining).max(axis=1) <= 4).sum() > 50
    assert 30 in result.raster_classes[id(raster)]


def test_full_sample_with_furniture_and_labels_looks_like_a_map(sample, tmp_path):
    options = RenderOptions(legend=True, graticule=True, credits="ANM · ICMBio · FUNAI · ANA · MapBiomas")
    image, result = render_to_image(sample, (1280, 800), options=options)
    image.save(str(tmp_path / "sample_full.png"))
    assert result.legend_rect is not None and QRectF(0, 0, 1280, 800).contains(result.legend_rect)
    assert result.scale_bar is not None and result.scale_bar.length_m > 0
    assert len(result.labels) >= 5
    x, y = _device(result.view, -51.0, 1.0)
    assert 0 <= x < 1280 and 0 <= y < 800


def test_render_package_never_imports_widgets():
    root = Path(__file__).resolve().parents[2] / "explorer" / "render"
    for source in root.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if "QtWidgets" in n or n.startswith("explorer.qt")], source.name
