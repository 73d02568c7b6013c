"""Benchmark of the evidence pack: build time per step, PDF and HTML sizes.

    python benchmarks/bench_report.py                # the whole bundled sample
    python benchmarks/bench_report.py --subset       # the area around TI Uaçá only (quick)
    python benchmarks/bench_report.py --out /tmp/pack --lang pt

Prints wall-clock seconds for the analysis and for each writer, the total after the analysis
(the part the evidence pack owns), the CPU time (user + system) of the whole build, the machine's
load average (timings on a shared machine are inflated), the page count and the size of
report.pdf and map.html against their budgets (20 s, 10 MB and 5 MB).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_PDF, BUDGET_HTML = 10_000_000, 5_000_000


def _subset_source():
    """The sample's layers that meet a box around TI Uaçá (whole features kept)."""
    from shapely.geometry import box

    from explorer.analysis.run import resolve_layers
    from layers.catalogue import load_sample_project
    from layers.model import VectorLayer

    area = box(-51.9, 2.2, -51.2, 3.9)
    out = []
    for layer in resolve_layers(load_sample_project()):
        if isinstance(layer, VectorLayer):
            keep = layer.geographic().intersects(area).to_numpy()
            layer = VectorLayer(layer.name, layer.role, layer.frame[keep].reset_index(drop=True),
                                layer.provenance, layer.mapping, layer.style)
        out.append(layer)
    return out


def main(argv=None) -> int:
    """Build one pack and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subset", action="store_true", help="only the area around TI Uaçá")
    parser.add_argument("--out", help="pack folder (default: a temporary folder)")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    from explorer.report import build_report
    from layers.catalogue import load_sample_project

    out = Path(args.out) if args.out else Path(tempfile.mkdtemp()) / "pack"
    cpu0 = os.times()
    start = time.perf_counter()
    source = _subset_source() if args.subset else load_sample_project()
    loaded = time.perf_counter() - start
    result = build_report(source, out_dir=out, lang=args.lang,
                          command=["mining-explorer", "report", "--sample", "--out", str(out)])
    cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    children = (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
    pdf, html = (out / "report.pdf").stat().st_size, (out / "map.html").stat().st_size
    print(f"source              {'subset around TI Uaçá' if args.subset else 'whole sample'}")
    print(f"load layers         {loaded:8.2f} s")
    print(f"{'step':<19} {'wall':>8}   {'CPU':>8}")
    for step, seconds in result.timings.items():
        print(f"{step:<19} {seconds:8.2f} s {result.cpu.get(step, float('nan')):8.2f} s")
    after = result.seconds - result.timings.get("analysis", 0.0)
    after_cpu = sum(v for k, v in result.cpu.items() if k != "analysis")
    print(f"after the analysis  {after:8.2f} s {after_cpu:8.2f} s")
    print(f"total build         {result.seconds:8.2f} s  (budget 20 s) {'OK' if result.seconds < 20 else 'OVER'}")
    print(f"CPU user+sys        {cpu:8.2f} s  (+ {children:.2f} s in worker processes)")
    print(f"load average        {' '.join(f'{v:.2f}' for v in os.getloadavg())}  (2 cores; above 2 the times are inflated)")
    print(f"PDF pages           {result.pages:8d}")
    print(f"report.pdf          {pdf / 1e6:8.2f} MB  (budget {BUDGET_PDF / 1e6:.0f} MB) {'OK' if pdf < BUDGET_PDF else 'OVER'}")
    print(f"map.html            {html / 1e6:8.2f} MB  (budget {BUDGET_HTML / 1e6:.0f} MB) {'OK' if html < BUDGET_HTML else 'OVER'}")
    print(f"zip                 {result.zip_path.stat().st_size / 1e6:8.2f} MB  {result.zip_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
