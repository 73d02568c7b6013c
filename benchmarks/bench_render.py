"""Render benchmarks: full draw of the sample, and redraw after a pan on the canvas.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [--synthetic 100000] [--pans 40] [--png DIR]
Prints the figures; nothing is asserted (timings depend on the machine).  Wall time counts
what a user waits; CPU time is shown too, because on a busy machine wall time also counts
waiting for a core.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer.qt.canvas import MapCanvas  # noqa: E402
from explorer.render import RenderCache, RenderOptions, render_to_image  # noqa: E402
from tests.render.sample_layers import load_sample_layers  # noqa: E402
from tests.render.tiny_layers import synthetic_polygons  # noqa: E402

SIZE = (1280, 800)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def full_draw(layers) -> None:
    """Time the first draw (geometry preparation included) and warm full redraws."""
    cache = RenderCache()
    options = RenderOptions(legend=True, graticule=True)
    start = time.perf_counter()
    render_to_image(layers, SIZE, options=options, cache=cache)
    first = time.perf_counter() - start
    warm, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        render_to_image(layers, SIZE, options=options, cache=cache)
        warm.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(f"  full draw 1280x800, first (prepares geometry): {_ms(first)}")
    print(f"  full draw 1280x800, warm median of 5:          {_ms(statistics.median(warm))} wall,"
          f" {_ms(statistics.median(cpu)).strip()} CPU")


def canvas_pans(layers, pans: int, zoom: float) -> None:
    """Median canvas redraw after a drag of up to 200 px (what the user waits for on release)."""
    canvas = MapCanvas()
    canvas.resize(*SIZE)
    canvas.show()
    canvas.set_layers(layers)
    canvas.zoom_by(zoom)
    canvas.render_now()
    rng = np.random.default_rng(1)
    after_pan, full, cpu = [], [], []
    for _ in range(pans // 2):
        dx, dy = (int(v) for v in rng.integers(-200, 201, 2))
        for sign in (1, -1):  # a drag and back, so the view stays over the data
            start = time.process_time()
            canvas.pan_by(dx * sign, dy * sign)
            cpu.append((time.process_time() - start) * 1000.0)
            after_pan.append(canvas.last_render_ms)
    for _ in range(max(5, pans // 4)):
        canvas.render_now()
        full.append(canvas.last_render_ms)
    print(f"  zoom x{zoom:<4g} redraw after pan, median of {pans}: {statistics.median(after_pan):7.1f} ms wall,"
          f" {statistics.median(cpu):.1f} ms CPU   (p90 {np.percentile(after_pan, 90):.1f} ms;"
          f" full redraw median {statistics.median(full):.1f} ms)")
    canvas.close()


def save_pictures(layers, folder: Path) -> None:
    """The sample at full extent (with legend and graticule) and zoomed on the Lourenço garimpo."""
    from explorer.render import MapView

    folder.mkdir(parents=True, exist_ok=True)
    options = RenderOptions(legend=True, graticule=True,
                            credits="ANM SIGMINE · ICMBio · FUNAI · ANA · FFR · MapBiomas · Natural Earth")
    image, _ = render_to_image(layers, SIZE, options=options)
    image.save(str(folder / "sample_map.png"))
    zoom = MapView.fit((-51.85, 2.1, -51.4, 2.55), *SIZE)
    image, _ = render_to_image(layers, SIZE, view=zoom, options=options)
    image.save(str(folder / "sample_lourenco.png"))
    print(f"  pictures saved in {folder}")


def main(argv=None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=100_000, help="polygons in the synthetic layer")
    parser.add_argument("--pans", type=int, default=40)
    parser.add_argument("--png", type=Path, help="also save the drawn maps as PNG files in this folder")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    sample = load_sample_layers()
    print(f"sample: {len(sample)} layers loaded in {_ms(time.perf_counter() - start)}")
    full_draw(sample)
    if args.png:
        save_pictures(sample, args.png)
    for zoom in (1, 4):
        canvas_pans(sample, args.pans, zoom)
    synthetic = synthetic_polygons(args.synthetic)
    heavy = sample + [synthetic]
    print(f"sample + synthetic layer of {args.synthetic} polygons:")
    full_draw(heavy)
    for zoom in (1, 4):
        canvas_pans(heavy, args.pans, zoom)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
