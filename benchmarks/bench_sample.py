"""Time the full analysis of the bundled sample, per stage, in fresh processes.

Run::

    python benchmarks/bench_sample.py            # 5 runs
    python benchmarks/bench_sample.py --runs 3 --workers 1
    python benchmarks/bench_sample.py --root ../old-checkout      # time another checkout

Each run is a fresh ``python`` child (so module imports are timed as a user sees them) that
does what ``mining-explorer analyze --sample --out DIR`` does: import, load the sample
project, ``run_analysis`` (its own steps: prepare, overlap, proximity, downstream, rasters,
partnerships) and ``write_outputs``.  For every stage it records wall time and CPU time
(user + system of the process *and* of any worker processes it forked).  The report gives
the median over the runs, and the whole CLI's wall time measured from outside (the process
ends as that checkout's command line does: at once, if its ``explorer.cli.console`` exists).

With ``--workers 2`` (the CLI's default on two cores) the downstream and raster steps run in
a forked process beside overlap and proximity: their wall time is the worker's, and their CPU
time is counted in ``run_analysis`` (children's CPU).  ``--workers 1`` gives every step's CPU.

Timings on a machine shared with other work are inflated in wall time; CPU time is the
steadier figure to compare.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime
def own_cpu():
    s = resource.getrusage(resource.RUSAGE_SELF)
    return s.ru_utime + s.ru_stime
stages = []
class Stage:
    def __init__(self, name): self.name = name
    def __enter__(self): self.w, self.c = time.perf_counter(), cpu()
    def __exit__(self, *exc): stages.append((self.name, time.perf_counter() - self.w, cpu() - self.c))
with Stage("import"):
    from explorer.analysis import AnalysisSettings, run_analysis
    import explorer.analysis.run as run_module
    from explorer.commands.analyze import write_outputs
    from layers.catalogue import load_sample_project
class StageTimer(run_module._Timer):
    def __enter__(self): self._stage = Stage(self._name); self._stage.__enter__()
    def __exit__(self, *exc):
        self._stage.__exit__(); self.steps.append((self._name, stages[-1][1]))
run_module._Timer = StageTimer
with Stage("load"):
    project = load_sample_project()
settings = AnalysisSettings(workers=int(sys.argv[3]))
start = (time.perf_counter(), cpu())
result = run_analysis(project, settings)
stages.append(("run_analysis", time.perf_counter() - start[0], cpu() - start[1]))
seen = {name for name, _w, _c in stages}
stages[-1:-1] = [(name, wall, None) for name, wall in result.timings if name not in seen]
from pathlib import Path
with Stage("write_outputs"):
    write_outputs(result, Path(sys.argv[2]))
stages.append(("main process cpu", 0.0, own_cpu()))
print(json.dumps(stages))
import explorer.cli
if hasattr(explorer.cli, "console"):  # end as that checkout's command line ends
    sys.stdout.flush()
    os._exit(0)
"""


def one_run(out: Path, workers: int, root: Path = ROOT) -> tuple[list, float]:
    """Stages of one fresh-process run and the child's wall time seen from outside."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(out), str(workers)],
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(proc.stdout.strip().splitlines()[-1]), time.perf_counter() - start


def main(argv=None) -> int:
    """Run the benchmark and print the median wall and CPU time of every stage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="checkout whose code is timed (default: this one), e.g. to time "
                             "a git worktree of an older commit under the same load")
    args = parser.parse_args(argv)
    walls, cpus, totals = {}, {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.runs):
            stages, total = one_run(Path(tmp) / f"run{k}", args.workers, args.root)
            totals.append(total)
            run_walls, run_cpus = {}, {}
            for name, wall, cpu in stages:          # a step timed in two parts: summed
                run_walls[name] = run_walls.get(name, 0.0) + wall
                run_cpus[name] = None if cpu is None else run_cpus.get(name, 0.0) + cpu
            for name in run_walls:
                walls.setdefault(name, []).append(run_walls[name])
                cpus.setdefault(name, []).append(run_cpus[name])
    print(f"sample analysis, {args.runs} runs, workers={args.workers}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'stage':<16}{'wall s':>9}{'cpu s':>9}")
    for name in walls:
        indent = "  " if name in ("prepare", "overlap", "proximity", "downstream", "rasters",
                                  "partnerships") else ""
        cpu = [c for c in cpus[name] if c is not None]
        print(f"{indent + name:<16}{statistics.median(walls[name]):9.2f}"
              + (f"{statistics.median(cpu):9.2f}" if cpu else "   (in a forked worker)"))
    print("('main process cpu': CPU of the main process alone, children excluded: with a "
          "worker, the critical path on an idle machine)")
    print(f"{'whole process':<16}{statistics.median(totals):9.2f}   (wall, from outside; "
          f"min {min(totals):.2f}, max {max(totals):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
