"""Benchmark of the analysis engine at national scale, with the straightforward baseline.

Run (about 10 minutes on a 2-core machine)::

    python benchmarks/bench_analysis.py                      # 10k, 50k, 100k, 200k + baseline
    python benchmarks/bench_analysis.py --sizes 10000 --baseline-n 2000

Workload, generated from the real sample in ``sample_data/`` (seeded, reproducible):

- concessions: the 1,115 SIGMINE titles of Amapá, replicated with random translations (and a
  random ±20 % scale) over a Brazil-sized box (lon -74..-34, lat -34..5): N polygons;
- sensitive polygons: 20,000 (10,000 protected areas + 10,000 Indigenous territories) made
  from the polygon parts of the sample's protected areas, territories and basins (scaled to
  areas log-uniform in 5..2,000 km², simplified to 1:100,000 vertex spacing; 40 of them
  copies of one template re-sampled to 20,000 vertices), placed at random in the same box.

Each size runs in a fresh child process: overlap + proximity with 3 rings (1, 5, 10 km),
``workers`` = 2 forked processes (``MIE_BENCH_WORKERS`` to change), wall time, CPU time of
the parent and its workers, and peak resident memory (ru_maxrss of the parent plus the
largest worker).  The baseline is
``geopandas.overlay(concessions, features, how="intersection")`` + area in an equal-area CRS
(EPSG:6933), per role, timed on the first ``--baseline-n`` concessions and extrapolated
linearly to N (overlay cost grows at least linearly with N); the engine's overlap on the same
subset is timed in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BOX = (-74.0, -34.0, -34.0, 5.0)
N_SENSITIVE = 20_000
MAX_VERTICES = 20_000


def _sample_geoms(name: str) -> np.ndarray:
    import geopandas as gpd

    frame = gpd.read_file(ROOT / "sample_data" / f"{name}.gpkg").to_crs(4326)
    return shapely.get_parts(np.asarray(frame.geometry.values))


def _place(templates, n, rng, scale) -> np.ndarray:
    """``n`` copies of random templates, scaled about their centre and moved into BOX."""
    pick = rng.integers(0, len(templates), n)
    cx = rng.uniform(BOX[0] + 1, BOX[2] - 1, n)
    cy = rng.uniform(BOX[1] + 1, BOX[3] - 1, n)
    b = shapely.bounds(templates)
    tx, ty = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    coords, owner = shapely.get_coordinates(templates[pick], return_index=True)
    s = scale[owner]
    coslat = np.cos(np.radians(ty[pick][owner])) / np.cos(np.radians(cy[owner]))
    x = cx[owner] + (coords[:, 0] - tx[pick][owner]) * s * coslat
    y = cy[owner] + (coords[:, 1] - ty[pick][owner]) * s
    return shapely.set_coordinates(templates[pick].copy(), np.column_stack([x, y]))


def concessions(n: int, seed: int = 1) -> np.ndarray:
    """``n`` concession polygons replicated from the sample titles."""
    rng = np.random.default_rng(seed)
    templates = shapely.make_valid(_sample_geoms("concessions"))
    templates = templates[shapely.get_type_id(templates) == 3]
    return _place(templates, n, rng, rng.uniform(0.8, 1.2, n))


def sensitive(n: int = N_SENSITIVE, seed: int = 2) -> np.ndarray:
    """``n`` sensitive polygons from the sample's protected areas, territories and basins.

    Areas are log-uniform in 5..2,000 km²; after scaling, each outline is simplified to the
    vertex spacing of national 1:100,000 data (tolerance 0.0003°, about 33 m), except for
    0.2 % of them, copies of one template re-sampled to 20,000 vertices and kept at 2,000 km².
    """
    from explorer.analysis.geodesy import area_m2

    rng = np.random.default_rng(seed)
    parts = np.concatenate([_sample_geoms(k) for k in
                            ("protected_areas", "indigenous_territories", "basins")])
    parts = shapely.make_valid(parts)
    parts = parts[shapely.get_type_id(parts) == 3]
    big = int(np.argmax(shapely.get_num_coordinates(parts)))
    length = shapely.length(parts[big].exterior)
    extra = MAX_VERTICES - shapely.get_num_coordinates(parts[big]) - 10
    dense = shapely.segmentize(parts[big], length / extra)
    target_km2 = np.exp(rng.uniform(np.log(5), np.log(2000), n))
    out = _place(parts, n, rng, np.ones(n))
    n_dense = max(1, n // 500)
    out[:n_dense] = _place(np.array([dense]), n_dense, rng, np.ones(n_dense))
    target_km2[:n_dense] = 2000.0
    scale = np.sqrt(target_km2 / (area_m2(out) / 1e6))
    cxy = shapely.get_coordinates(shapely.centroid(out))
    coords, owner = shapely.get_coordinates(out, return_index=True)
    coords = cxy[owner] + (coords - cxy[owner]) * scale[owner, None]
    out = shapely.set_coordinates(out, coords)  # affine per polygon: stays valid
    out[n_dense:] = shapely.simplify(out[n_dense:], 0.0003, preserve_topology=True)
    broken = ~shapely.is_valid(out)
    out[broken] = shapely.make_valid(out[broken])
    return out


def cached(kind: str, n: int) -> np.ndarray:
    """The generated geometries, cached as WKB in the temp folder (generation is slow)."""
    import tempfile

    path = Path(tempfile.gettempdir()) / f"mie_bench_{kind}_{n}.npy"
    if path.exists():
        return shapely.from_wkb(np.load(path, allow_pickle=True))
    geoms = concessions(n) if kind == "concessions" else sensitive(n)
    np.save(path, shapely.to_wkb(geoms), allow_pickle=True)
    return geoms


def _layers(subjects, features):
    import geopandas as gpd

    from layers.model import FieldMapping, Provenance, VectorLayer
    from layers.roles import Role

    def layer(name, role, geoms):
        frame = gpd.GeoDataFrame({"id": np.arange(len(geoms))}, geometry=geoms, crs=4326)
        return VectorLayer(name, role, frame, Provenance(name, None, "bench", ""),
                           FieldMapping(id="id"))

    half = len(features) // 2
    return [layer("concessions", Role.CONCESSION, subjects),
            layer("protected", Role.PROTECTED_AREA, features[:half]),
            layer("territories", Role.INDIGENOUS_TERRITORY, features[half:])]


def _settings():
    from explorer.analysis import AnalysisSettings
    from layers.roles import Role

    roles = (Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY)
    workers = int(os.environ.get("MIE_BENCH_WORKERS", min(2, os.cpu_count() or 1)))
    return AnalysisSettings(rings_km=(1.0, 5.0, 10.0), roles=roles, proximity_roles=roles,
                            workers=workers)


def child_engine(n: int) -> dict:
    """Run the engine once on n concessions (in this process) and return its figures."""
    from explorer.analysis import run_analysis

    subjects, features = cached("concessions", n), cached("sensitive", N_SENSITIVE)
    layers = _layers(subjects, features)
    t0, c0 = time.perf_counter(), time.process_time()
    result = run_analysis(layers, _settings())
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    tables = result.tables()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + kids.ru_maxrss
    return {"n": n, "wall_s": round(wall, 2),
            "cpu_s": round(cpu + kids.ru_utime + kids.ru_stime, 2),
            "peak_mb": round(peak / 1024), "load_avg": os.getloadavg()[0],
            "steps": dict(result.timings), "overlap_rows": len(tables["overlaps"]),
            "proximity_rows": len(tables["proximity"]),
            "sensitive_vertices": int(shapely.get_num_coordinates(features).sum()),
            "max_vertices": int(shapely.get_num_coordinates(features).max())}


def child_baseline(n: int) -> dict:
    """geopandas.overlay + equal-area area per role on n concessions, and the engine's overlap
    on the same n, in this process."""
    import geopandas as gpd

    from explorer.analysis.frames import sensitive_frames, subject_frame
    from explorer.analysis.overlap import overlap_tables

    layers = _layers(cached("concessions", n), cached("sensitive", N_SENSITIVE))
    t0 = time.perf_counter()
    total = 0.0
    for layer in layers[1:]:
        inter = gpd.overlay(layers[0].frame, layer.frame, how="intersection",
                            keep_geom_type=True)
        total += float(inter.to_crs(6933).area.sum())
    base = time.perf_counter() - t0
    settings = _settings()
    t1 = time.perf_counter()
    out = overlap_tables(subject_frame(layers), sensitive_frames(layers, settings.roles),
                         settings)
    engine = time.perf_counter() - t1
    ours = float(out.tables["overlaps"]["overlap_ha"].sum() * 1e4)
    return {"n": n, "baseline_s": round(base, 2), "engine_overlap_s": round(engine, 2),
            "baseline_total_km2": round(total / 1e6, 1), "engine_total_km2": round(ours / 1e6, 1)}


def child_sample() -> dict:
    """Full analysis (all steps) of the bundled sample project."""
    from explorer.analysis import run_analysis
    from layers.catalogue import load_sample_project
    from layers.project import open_project_layers

    layers = open_project_layers(load_sample_project())
    t0, c0 = time.perf_counter(), time.process_time()
    result = run_analysis(layers)
    return {"wall_s": round(time.perf_counter() - t0, 2),
            "cpu_s": round(time.process_time() - c0, 2), "steps": dict(result.timings)}


def _spawn(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    """Parse the options, run each measurement in a child process and print a report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10000,50000,100000,200000")
    p.add_argument("--baseline-n", type=int, default=5000)
    p.add_argument("--child", choices=["engine", "baseline", "sample"])
    p.add_argument("--n", type=int, default=0)
    args = p.parse_args(argv)
    if args.child:
        func = {"engine": lambda: child_engine(args.n), "baseline": lambda: child_baseline(args.n),
                "sample": child_sample}[args.child]
        print(json.dumps(func()))
        return 0
    print(f"load average {os.getloadavg()}, cpus {os.cpu_count()}", flush=True)
    print("sample project:", _spawn("--child", "sample"), flush=True)
    engine = {}
    for n in (int(s) for s in args.sizes.split(",")):
        engine[n] = _spawn("--child", "engine", "--n", str(n))
        print("engine:", engine[n], flush=True)
    base = _spawn("--child", "baseline", "--n", str(args.baseline_n))
    print("baseline:", base, flush=True)
    per_title = base["baseline_s"] / base["n"]
    for n, fig in engine.items():
        extrapolated = per_title * n
        print(f"N={n}: engine {fig['wall_s']} s wall / {fig['cpu_s']} s CPU, peak "
              f"{fig['peak_mb']} MB; baseline overlay+area extrapolated {extrapolated:.0f} s; "
              f"speed-up {extrapolated / fig['wall_s']:.1f}x (engine incl. proximity)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
