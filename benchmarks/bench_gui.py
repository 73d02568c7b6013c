"""GUI benchmarks: launch to window shown, sample fully drawn, median redraw after a pan (sample,
and sample plus a 100,000-polygon layer), and memory with the sample loaded.

Run:  python benchmarks/bench_gui.py [--runs 3] [--pans 30] [--synthetic 100000]

The launch is timed on a real process (``python -m explorer.cli gui`` under Xvfb when
``xvfb-run`` exists, else offscreen): from spawning it to its "window shown" log line.  The rest
is timed in this process on a 1280×800 main window.  Prints figures with their targets;
asserts nothing (timings depend on the machine).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def launch_seconds(runs: int) -> list[float]:
    """Seconds from spawning ``mining-explorer gui`` to its window being shown."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, MIE_SMOKE_EXIT_MS="100", MIE_SETTINGS_FILE=str(Path(tmp) / "s.ini"),
                   XDG_DATA_HOME=str(Path(tmp) / "data"), PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "explorer.cli", "gui"]
        if shutil.which("xvfb-run"):
            env.pop("QT_QPA_PLATFORM", None)
            command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "env", "QT_QPA_PLATFORM=xcb", *command]
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        for _ in range(runs):
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
                                       start_new_session=True)
            shown = None
            for line in process.stderr:
                if shown is None and "window shown in" in line:
                    shown = time.perf_counter() - start
            process.wait(timeout=300)
            if shown is not None:
                times.append(shown)
    return times


def _window():
    from PySide6.QtCore import QSettings  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from explorer.qt.main_window import MainWindow  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return app, window


def sample_drawn(window, app) -> tuple[float, float, float]:
    """Seconds to read the sample's layers, then to draw them fully the first time, and warm."""
    start = time.perf_counter()
    window.project_actions.open_sample()
    app.processEvents()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    window.canvas.render_now()
    app.processEvents()
    first = time.perf_counter() - start
    warm = []
    for _ in range(5):
        start = time.perf_counter()
        window.canvas.render_now()
        warm.append(time.perf_counter() - start)
    return loaded, first, statistics.median(warm)


def pan_redraws(window, app, pans: int) -> list[float]:
    """Seconds of the redraw after each drag of up to 200 px (what a user waits for on release)."""
    import numpy as np  # noqa: PLC0415

    from explorer.qt.main_window import focus_bounds  # noqa: PLC0415

    rng = np.random.default_rng(1)
    canvas, times = window.canvas, []
    canvas.zoom_to_extent(focus_bounds(window.session.layers))  # start over the data
    canvas.render_now()
    last = (0, 0)
    for i in range(pans):
        dx, dy = (int(v) for v in rng.integers(-200, 201, 2))
        if i % 2:  # come back, so the view wanders around the data instead of drifting off
            dx, dy = -last[0], -last[1]
        last = (dx, dy)
        start = time.perf_counter()
        canvas.pan_by(dx, dy)  # what a drag release does: the redraw the user waits for
        times.append(time.perf_counter() - start)
        app.processEvents()
    return times


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="launches to time")
    parser.add_argument("--pans", type=int, default=30)
    parser.add_argument("--synthetic", type=int, default=100_000, help="polygons in the heavy layer")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    launches = launch_seconds(args.runs)
    if launches:
        print(f"launch to window shown:        median {statistics.median(launches):5.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in launches)})   target < 2 s")
    app, window = _window()
    loaded, first, warm = sample_drawn(window, app)
    print(f"sample layers read:            {loaded:5.2f} s (readers; the window stays responsive)")
    print(f"sample fully drawn:            {first * 1000:5.0f} ms first, {warm * 1000:.0f} ms warm   target < 1 s")
    print(f"memory with the sample loaded: {_rss_mb():5.0f} MB RSS   target <= 500 MB")
    sample_pans = pan_redraws(window, app, args.pans)
    print(f"redraw after pan, sample:      median {statistics.median(sample_pans) * 1000:5.1f} ms   target <= 50 ms")
    from tests.render.tiny_layers import synthetic_polygons  # noqa: PLC0415

    heavy = synthetic_polygons(args.synthetic)
    heavy.geographic()
    window.session.insert_layer(0, heavy)
    window.canvas.render_now()  # prepares the heavy layer's geometry once
    heavy_pans = pan_redraws(window, app, args.pans)
    print(f"redraw after pan, +{args.synthetic:,} polygons: median {statistics.median(heavy_pans) * 1000:5.1f} ms"
          f"   target <= 150 ms")
    print(f"memory with the heavy layer:   {_rss_mb():5.0f} MB RSS")
    window.session.set_modified(False)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
