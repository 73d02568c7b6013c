"""Benchmark of the analysis engine at national scale, with straightforward geopandas baselines.

Run (under 15 minutes on a quiet 2-core machine; writes ``benchmarks/results/bench_analysis.md``)::

    python benchmarks/bench_analysis.py                      # 10k, 50k, 100k, 200k + baselines
    python benchmarks/bench_analysis.py --sizes 10000 --baseline-n 2000
    python benchmarks/bench_analysis.py --sizes 200000 --cli 200000   # + the CLI end to end
    python benchmarks/bench_analysis.py --baseline-n 200000 --cli 200000   # the full geopandas
        # baseline measured at 200,000 concessions, not scaled (about 9 more minutes)

Workload, generated from the real sample in ``sample_data/`` (seeded, reproducible, cached as
WKB in the temp folder):

- concessions: the 1,115 SIGMINE titles of Amapá, replicated with random translations (and a
  random ±20 % scale) over a Brazil-sized box (lon -74..-34, lat -34..5): N polygons;
- sensitive polygons: 20,000 (10,000 protected areas + 10,000 Indigenous territories) made
  from the polygon parts of the sample's protected areas, territories and basins (scaled to
  areas log-uniform in 5..2,000 km², simplified to 1:100,000 vertex spacing; 40 of them
  copies of one template re-sampled to 20,000 vertices), placed at random in the same box.

Each measurement runs in a fresh child process.

Engine: overlap + proximity with 3 rings (1, 5, 10 km) through ``run_analysis``, ``workers`` =
2 forked processes (``MIE_BENCH_WORKERS`` to change); wall time, CPU time (user + system) of
the parent and its workers, and peak memory: the largest sum of the proportional set sizes
(PSS, shared pages counted once) of the parent and its workers, sampled every second (reading
``smaps_rollup`` walks the page tables: sampling every 0.25 s slowed a 100k run by 10 %); the sum
of ru_maxrss (an upper bound: pages shared with the forked workers counted twice) is given too.

Command line (``--cli``): ``python -m explorer.cli analyze`` on the same data written once as
GeoPackages, timed from outside: reading, the analysis and writing every table and
``metrics.gpkg``, as a user runs it.

Baselines, on the same generated data, in the same run:

- ``overlay``: what the issue names, ``geopandas.overlay(concessions, features,
  how="intersection")`` + area in an equal-area CRS (EPSG:6933), once per role, measured at
  every N.  It produces the (concession, feature) overlap areas only: no per-feature or
  per-concession dissolved totals, no proximity.
- ``full``: the straightforward geopandas way to the engine's outputs: ``overlay`` plus the
  per-feature and per-concession dissolves (``dissolve`` + area), ``sjoin_nearest`` per role in
  SIRGAS 2000 / Brazil Polyconic (EPSG:5880), and for each ring a buffer of the concessions in
  EPSG:5880 overlaid with each role's features + area in EPSG:6933.  Measured on the first
  ``--baseline-n`` concessions and scaled linearly to N (each of its steps is at least linear).
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


class _PeakPss:
    """Largest sum of PSS (kB) of this process and all its descendants, sampled every second
    by a separate sampler process.  Not a thread: the engine refuses to fork worker processes
    while another Python thread runs, so a sampling thread would measure a serial engine."""

    def __enter__(self):
        self.peak_kb, self.cpu_s = 0, 0.0
        self._proc = subprocess.Popen(
            [sys.executable, __file__, "--child", "pss", "--n", str(os.getpid())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return self

    def __exit__(self, *exc):
        out, _ = self._proc.communicate("")  # closing its stdin tells it to report
        peak, cpu = (out.split() + ["0", "0"])[:2]
        self.peak_kb, self.cpu_s = int(peak), float(cpu)  # the sampler's own CPU, to subtract


def child_pss(pid: int) -> int:
    """Sample the PSS of ``pid`` and its descendants (not this sampler) until stdin closes;
    return the largest sum seen (kB)."""
    import select

    peak = 0
    while True:
        family = [p for p in _family(pid) if p != os.getpid()]
        peak = max(peak, sum(_pss_kb(p) for p in family))
        ready, _, _ = select.select([sys.stdin], [], [], 1.0)
        if ready and not sys.stdin.read(1):
            return peak


def _family(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(p) for p in task.read_text().split()]
            except OSError:
                pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def child_engine(n: int) -> dict:
    """Run the engine once on n concessions (in this process) and return its figures."""
    from explorer.analysis import run_analysis

    subjects, features = cached("concessions", n), cached("sensitive", N_SENSITIVE)
    layers = _layers(subjects, features)
    with _PeakPss() as pss:
        t0, c0 = time.perf_counter(), time.process_time()
        result = run_analysis(layers, _settings())
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    tables = result.tables()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + kids.ru_maxrss
    return {"n": n, "wall_s": round(wall, 2),
            "cpu_s": round(cpu + kids.ru_utime + kids.ru_stime - pss.cpu_s, 2),
            "peak_pss_mb": round(pss.peak_kb / 1024), "maxrss_sum_mb": round(maxrss / 1024),
            "load_avg": round(os.getloadavg()[0], 2),
            "steps": dict(result.timings), "overlap_rows": len(tables["overlaps"]),
            "proximity_rows": len(tables["proximity"]),
            "sensitive_vertices": int(shapely.get_num_coordinates(features).sum()),
            "max_vertices": int(shapely.get_num_coordinates(features).max())}


def _timed(func) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - t0, time.process_time() - c0


def _overlay_area(conc, feats):
    import geopandas as gpd

    inter = gpd.overlay(conc, feats, how="intersection", keep_geom_type=True)
    inter["area"] = inter.to_crs(6933).area
    return inter


def child_baseline(n: int, kind: str) -> dict:
    """A geopandas baseline (``overlay`` or ``full``, see the module docstring) on the first n
    concessions, in this process."""
    layers = _layers(cached("concessions", n), cached("sensitive", N_SENSITIVE))
    conc = layers[0].frame
    roles = [layer.frame for layer in layers[1:]]

    def overlay():
        for feats in roles:
            _overlay_area(conc, feats)

    def full():
        import geopandas as gpd

        conc_m = conc.to_crs(5880)
        for feats in roles:
            inter = _overlay_area(conc, feats)
            for key in ("id_1", "id_2"):  # per concession, per feature: dissolved first
                inter[[key, "geometry"]].dissolve(by=key).to_crs(6933).area.sum()
            feats_m = feats.to_crs(5880)
            gpd.sjoin_nearest(conc_m, feats_m, distance_col="distance")
            for km in (1, 5, 10):
                ring = gpd.GeoDataFrame({"id": conc_m["id"]}, geometry=conc_m.buffer(km * 1e3),
                                        crs=5880)
                inside = gpd.overlay(ring, feats_m, how="intersection", keep_geom_type=True)
                inside.to_crs(6933).area.sum()

    wall, cpu = _timed(overlay if kind == "overlay" else full)
    return {"n": n, "kind": kind, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "load_avg": round(os.getloadavg()[0], 2)}


def child_engine_overlap(n: int) -> dict:
    """The engine's overlap step alone (same work as the ``overlay`` baseline plus the
    dissolved totals) on n concessions, 2 workers, in this process."""
    from explorer.analysis.frames import sensitive_frames, subject_frame
    from explorer.analysis.overlap import overlap_tables

    layers = _layers(cached("concessions", n), cached("sensitive", N_SENSITIVE))
    settings = _settings()
    subjects, sensitive = subject_frame(layers), sensitive_frames(layers, settings.roles)
    out = {}
    wall, cpu = _timed(lambda: out.update(t=overlap_tables(subjects, sensitive, settings)))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"n": n, "wall_s": round(wall, 2), "cpu_s": round(cpu + kids.ru_utime + kids.ru_stime, 2),
            "overlap_km2": round(float(out["t"].tables["overlaps"]["overlap_ha"].sum()) / 100, 1)}


def input_files(n: int) -> dict[str, Path]:
    """The generated layers written once as GeoPackages in the temp folder (what a user has)."""
    import tempfile

    import geopandas as gpd

    folder = Path(tempfile.gettempdir()) / f"mie_bench_files_{n}"
    names = {"concessions": "concessions.gpkg", "protected": "protected.gpkg",
             "indigenous": "indigenous.gpkg"}
    paths = {k: folder / v for k, v in names.items()}
    if not all(p.exists() for p in paths.values()):
        folder.mkdir(exist_ok=True)
        subjects, features = cached("concessions", n), cached("sensitive", N_SENSITIVE)
        half = len(features) // 2
        for key, geoms in (("concessions", subjects), ("protected", features[:half]),
                           ("indigenous", features[half:])):
            frame = gpd.GeoDataFrame({"id": np.arange(len(geoms)),
                                      "nome": [f"{key[:1].upper()}{i}" for i in range(len(geoms))]},
                                     geometry=geoms, crs=4326)
            frame.to_file(paths[key], driver="GPKG")
    return paths


def child_cli(n: int) -> dict:
    """``mining-explorer analyze`` from the command line on the n-concession files: read,
    overlap + proximity with rings 1, 5, 10 km, write every table and metrics.gpkg."""
    import shutil
    import tempfile

    paths = input_files(n)
    out = Path(tempfile.mkdtemp(prefix="mie_bench_cli_"))
    command = [sys.executable, "-m", "explorer.cli", "analyze", "--concessions",
               str(paths["concessions"]), "--protected", str(paths["protected"]),
               "--indigenous", str(paths["indigenous"]), "--rings", "1,5,10",
               "--out", str(out / "result")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(out, ignore_errors=True)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"n": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "load_avg": round(os.getloadavg()[0], 2)}


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
    """Parse the options, run each measurement in a child process, print and write a report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10000,50000,100000,200000")
    p.add_argument("--baseline-n", type=int, default=10000)
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "bench_analysis.md"))
    p.add_argument("--child", choices=["engine", "overlay", "full", "overlap", "sample",
                                       "generate", "pss", "cli"])
    p.add_argument("--cli", default="", help="also time the command line end to end at these "
                   "sizes (comma-separated), reading and writing files")
    p.add_argument("--n", type=int, default=0)
    args = p.parse_args(argv)
    if args.child == "pss":
        peak = child_pss(args.n)
        own = resource.getrusage(resource.RUSAGE_SELF)
        print(peak, own.ru_utime + own.ru_stime)
        return 0
    if args.child:
        func = {"engine": lambda: child_engine(args.n),
                "overlay": lambda: child_baseline(args.n, "overlay"),
                "full": lambda: child_baseline(args.n, "full"),
                "overlap": lambda: child_engine_overlap(args.n),
                "sample": child_sample,
                "cli": lambda: child_cli(args.n),
                "generate": lambda: {"n": len(cached("concessions", args.n)),
                                     "sensitive": len(cached("sensitive", N_SENSITIVE))}}[args.child]
        print(json.dumps(func()))
        return 0
    started = time.perf_counter()
    load = os.getloadavg()
    print(f"load average {load}, cpus {os.cpu_count()}", flush=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sorted(set(sizes + [args.baseline_n])):  # generate (and cache) outside the timings
        _spawn("--child", "generate", "--n", str(n))
    rows = []
    for n in sizes:
        row = {"engine": _spawn("--child", "engine", "--n", str(n)),
               "overlap": _spawn("--child", "overlap", "--n", str(n)),
               "overlay": _spawn("--child", "overlay", "--n", str(n))}
        print(json.dumps(row), flush=True)
        rows.append(row)
    full = _spawn("--child", "full", "--n", str(args.baseline_n))
    print("full baseline:", full, flush=True)
    # the engine again right after the baseline: the machine's speed drifts over the minutes
    # the baseline takes, so the engine is measured on both sides of it
    after = (_spawn("--child", "engine", "--n", str(args.baseline_n))
             if args.baseline_n in sizes else None)
    print("engine after the baseline:", after, flush=True)
    cli = [_spawn("--child", "cli", "--n", n) for n in args.cli.split(",") if n]
    print("command line:", cli, flush=True)
    text = (_report(rows, full, load, time.perf_counter() - started) + _bracket_report(
        rows, full, after) + _cli_report(cli))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


def _bracket_report(rows, full, after) -> str:
    """The full baseline against the engine run just before it and just after it (empty
    without the run after)."""
    before = next((r["engine"] for r in rows if r["engine"]["n"] == full["n"]), None)
    if after is None or before is None:
        return ""
    runs = [before["wall_s"], after["wall_s"]]
    ratios = [full["wall_s"] / w for w in runs]
    return ("\n" + f"The engine at {full['n']:,} concessions run again right after the full "
            f"baseline (the machine's speed drifts over the minutes the baseline takes): "
            f"{runs[0]:.1f} s before it, {runs[1]:.1f} s after it; the full geopandas way took "
            f"{ratios[0]:.1f}x and {ratios[1]:.1f}x as long, {full['wall_s'] / np.mean(runs):.1f}x "
            f"the mean of the two.\n")


def _cli_report(cli: list[dict]) -> str:
    """The end-to-end command-line timings as Markdown (empty without any)."""
    if not cli:
        return ""
    lines = ["", "Command line end to end (`mining-explorer analyze --concessions F --protected F "
             "--indigenous F --rings 1,5,10 --out D` on GeoPackages: read, analyse, write every "
             "table and metrics.gpkg):", "", "| N | wall s | CPU s | load |", "|---|---|---|---|"]
    lines += [f"| {c['n']:,} | {c['wall_s']:.1f} | {c['cpu_s']:.1f} | {c['load_avg']:.1f} |"
              for c in cli]
    return "\n".join(lines) + "\n"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _report(rows, full, load, elapsed, commit=None) -> str:
    """The results as Markdown (``rows``: per N, the engine, overlap-step and overlay runs)."""
    per_wall, per_cpu = full["wall_s"] / full["n"], full["cpu_s"] / full["n"]
    first = rows[0]["engine"]
    lines = [
        "# Analysis engine at national scale",
        "",
        f"`python benchmarks/bench_analysis.py` at commit {commit or _commit()} on "
        f"{os.cpu_count()} CPUs, load average at start {load[0]:.2f} (other work on the machine "
        "inflates wall times, and CPU times less so; CPU = user + system of the process and its "
        f"workers); {N_SENSITIVE:,} sensitive polygons ({first['sensitive_vertices']:,} vertices, "
        f"largest {first['max_vertices']:,}); overlap + proximity with rings 1, 5, 10 km; "
        f"2 workers.  Whole run {elapsed / 60:.1f} min.",
        "",
        "| N concessions | wall s | CPU s | peak PSS MB | ru_maxrss sum MB | load |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        e = row["engine"]
        lines.append(f"| {e['n']:,} | {e['wall_s']:.1f} | {e['cpu_s']:.1f} | "
                     f"{e['peak_pss_mb']:,} | {e['maxrss_sum_mb']:,} | {e['load_avg']:.1f} |")
    if len(rows) > 1:
        last = rows[-1]["engine"]
        growth = (last["cpu_s"] / first["cpu_s"]) / (last["n"] / first["n"])
        lines += ["", f"Growth {first['n']:,} → {last['n']:,} concessions (× "
                  f"{last['n'] / first['n']:.0f}): wall × {last['wall_s'] / first['wall_s']:.1f}, "
                  f"CPU × {last['cpu_s'] / first['cpu_s']:.1f} (CPU per concession × "
                  f"{growth:.2f})."]
    lines += [
        "",
        "Baselines (same data, same run; wall / CPU in s):",
        "",
        "| N | engine overlap step | geopandas overlay+area | overlay ÷ overlap step (CPU) "
        "| geopandas full, scaled | full ÷ engine (wall / CPU) |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        e, o, b = row["engine"], row["overlap"], row["overlay"]
        fw, fc = per_wall * e["n"], per_cpu * e["n"]
        mark = "" if e["n"] == full["n"] else "~"  # measured at this N, or scaled linearly
        lines.append(
            f"| {e['n']:,} | {o['wall_s']:.1f} / {o['cpu_s']:.1f} | {b['wall_s']:.1f} / "
            f"{b['cpu_s']:.1f} | {b['cpu_s'] / o['cpu_s']:.2f}x | {mark}{fw:.0f} / {mark}{fc:.0f} "
            f"| {mark}{fw / e['wall_s']:.1f}x / {mark}{fc / e['cpu_s']:.1f}x |")
    lines += [
        "",
        "Engine steps (s, wall) per N: " + "; ".join(
            f"{r['engine']['n']:,}: " + ", ".join(f"{k} {v:.1f}" for k, v in
                                                  r["engine"]["steps"].items() if v >= 0.05)
            for r in rows),
        "",
        f"The full geopandas baseline was measured on {full['n']:,} concessions ({full['wall_s']:.1f}"
        f" s wall, {full['cpu_s']:.1f} s CPU, one process); at the other sizes it is scaled "
        "linearly from there (marked ~).  The overlay "
        "baseline computes the pair areas only (no dissolve, no proximity), in one process; the "
        "engine overlap step is the engine's overlap alone (feature preparation, pairs, "
        "per-feature and per-concession dissolved totals) with 2 workers.  See the script's "
        "docstring.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
