"""``mining-explorer analyze``: run the analysis engine and write its tables.

Forms::

    mining-explorer analyze --sample --out DIR
    mining-explorer analyze --project FILE --out DIR
    mining-explorer analyze --concessions F [--projects F] [--protected F ...]
        [--indigenous F ...] [--basins F] [--rivers F] [--communities F] [--raster F ...]
        [--continuous F ...] [--categorical F ...] [--rings 1,5,10] [--reach-km 100] --out DIR

Writes overlaps.csv, proximity.csv, downstream.csv, raster_stats.csv, partnerships.csv,
summary.csv, concession_totals.csv, rings.csv, repairs.csv and metrics.gpkg (the same tables
plus the overlap geometries) into DIR.  Progress goes to stderr.  Exit codes: 0 success,
2 bad input (one line naming the file), 1 any other error.

A layer of a multi-layer GeoPackage is named as ``FILE::LAYER`` (otherwise the first layer is
read and the choice is listed in repairs.csv).

Rasters: ``--raster F`` lets the reader decide whether F is a class map (land cover: class
areas) or continuous values (elevation: min, mean, max); ``--continuous F`` and
``--categorical F`` say it.  With ``--project`` the project's analysis settings (rings,
reach, ...) are used; ``--rings`` and ``--reach-km`` override them only when given.
Text cells of the CSV files that could start a spreadsheet formula (= + - @ tab CR) are
prefixed with a single quote; metrics.gpkg keeps the raw text.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from layers.errors import LayerError

from .inputs import (LAYER_OPTIONS, RASTER_OPTIONS, check_out, expect_kind, input_paths,
                     load_inputs, project_settings, split_layer)

__all__ = ["OnlyOnce", "add_parser", "run", "load_inputs", "write_outputs", "parse_rings",
           "parse_reach", "choose_settings", "check_out", "expect_kind", "project_settings",
           "split_layer", "LAYER_OPTIONS", "RASTER_OPTIONS"]


def parse_rings(text: str) -> tuple[float, ...]:
    """``"1,5,10"`` -> ``(1.0, 5.0, 10.0)``; argparse turns the ValueError into a usage error."""
    try:
        rings = tuple(sorted({float(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"rings must be km separated by commas, got {text!r}")
    from explorer.analysis.settings import MAX_RING_KM

    if not rings or not all(0 < r < float("inf") for r in rings):  # also refuses nan
        raise argparse.ArgumentTypeError(f"rings must be positive km, got {text!r}")
    if max(rings) > MAX_RING_KM:
        raise argparse.ArgumentTypeError(f"rings must be at most {MAX_RING_KM:g} km, got {text!r}")
    return rings


class OnlyOnce(argparse.Action):
    """``store`` that refuses a second value (a second --basins would be silently ignored)."""

    def __call__(self, parser, namespace, values, option_string=None):
        if getattr(namespace, self.dest, None) is not None:
            parser.error(f"{option_string} can be given only once")
        setattr(namespace, self.dest, values)


def parse_workers(text: str) -> int:
    """``"2"`` -> ``2``: a whole number of processes, at least 1 (usage error otherwise)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"workers must be a whole number, got {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"workers must be at least 1, got {text!r}")
    return value


def parse_reach(text: str) -> float:
    """``"100"`` -> ``100.0``: a finite, positive distance in km (usage error otherwise)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"reach must be a distance in km, got {text!r}")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"reach must be positive km, got {text!r}")
    return value


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``analyze`` on the CLI's sub-parsers."""
    p = subparsers.add_parser("analyze", help="overlap, proximity, downstream and raster metrics",
                              description=__doc__.split("\n\n")[0])
    source = p.add_mutually_exclusive_group()
    source.add_argument("--sample", action="store_true", help="use the bundled sample project")
    source.add_argument("--project", metavar="FILE", help="a project file")
    for option, (role, repeat) in LAYER_OPTIONS.items():
        p.add_argument(f"--{option}", metavar="F", action="append" if repeat else OnlyOnce,
                       help=f"{role.value} layer, FILE or FILE::LAYER"
                            + (" (repeatable)" if repeat else ""))
    p.add_argument("--raster", metavar="F", action="append",
                   help="raster layer, class map or continuous values as the reader detects; "
                        "F::N measures band N (repeatable)")
    p.add_argument("--continuous", metavar="F", action="append",
                   help="raster of continuous values such as elevation: min, mean, max "
                        "(repeatable)")
    p.add_argument("--categorical", metavar="F", action="append",
                   help="raster of classes such as land cover: area per class (repeatable)")
    p.add_argument("--rings", type=parse_rings, default=None, help="ring distances in km")
    p.add_argument("--reach-km", type=parse_reach, default=None, help="downstream reach in km")
    p.add_argument("--edges", choices=("straight", "geodesic"), default=None,
                   help="read polygon edges as straight lines in the layer's coordinates "
                        "(default, as QGIS) or as geodesics (as PostGIS geography)")
    p.add_argument("--workers", type=parse_workers, default=None,
                   help="processes for large inputs (default: up to 2)")
    p.add_argument("--out", metavar="DIR", required=True, help="output folder")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``analyze``; returns the exit code (0, 1 or 2)."""
    try:
        return _run(args)
    except LayerError as exc:
        print(f"error: {exc}".replace("\n", " "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cancelled", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        print(f"error: {type(exc).__name__}: {exc}".replace("\n", " "), file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from explorer.analysis import run_analysis

    if not (args.sample or args.project or args.concessions or args.projects):
        print("error: give --sample, --project FILE or --concessions F", file=sys.stderr)
        return 2
    out = Path(args.out)
    check_out(out, input_paths(args))
    source, base = load_inputs(args)
    settings = choose_settings(base, args)
    progress = None if args.quiet else _StderrProgress()
    result = run_analysis(source, settings, progress=progress)
    written = write_outputs(result, out)
    if progress:
        progress.done(written, result)
    return 0


def choose_settings(base, args: argparse.Namespace):
    """The project's settings (or the defaults) with the options the user gave over them."""
    from explorer.analysis import AnalysisSettings

    changes = {}
    if args.rings:
        changes["rings_km"] = args.rings
    if args.edges:
        changes["edges"] = args.edges
    if args.reach_km is not None:
        changes["reach_km"] = args.reach_km
    changes["workers"] = args.workers or min(2, os.cpu_count() or 1)
    return AnalysisSettings.from_dict({**(base.as_dict() if base else {}), **changes})


def write_outputs(result, out: Path) -> list[Path]:
    """Write every table as CSV (formula cells neutralised) and all of them plus the overlap
    geometries to metrics.gpkg (raw values)."""
    from explorer.analysis.export import write_table_csv
    from layers.errors import UnreadableFileError

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnreadableFileError(out, f"cannot create the output folder ({exc.strerror})")
    from explorer.analysis.parallel import start_beside

    tables = result.tables()
    mine, theirs = _csv_shares(tables)
    csv = lambda names: [write_table_csv(tables[n], out / f"{n}.csv") for n in names]  # noqa: E731
    gpkg = lambda: _write_gpkg(tables, result.overlap_geometries, out / "metrics.gpkg")  # noqa: E731
    # the GeoPackage, then a share of the CSV files, in a forked process meanwhile
    beside = start_beside(lambda: (gpkg(), csv(theirs)), getattr(result.settings, "workers", 1))
    try:
        paths = dict(zip(mine, csv(mine)))
        done = beside.result() if beside is not None else None
    finally:
        if beside is not None:
            beside.stop()
    if done is None:  # the forked writer failed: every CSV file first, then the GeoPackage
        written_here = csv(theirs)
        done = (gpkg(), written_here)
    paths.update(zip(theirs, done[1]))
    return [paths[name] for name in tables] + [done[0]]


#: Time to write the GeoPackage, as a share of the time to write every CSV file (at 200,000
#: titles: 3.4 s against 7.4 s; rounded up, as a cell of the ring table costs more than one of
#: the proximity table).
GPKG_SHARE = 0.6


def _csv_shares(tables: dict) -> tuple[list[str], list[str]]:
    """The tables whose CSV files this process writes, and those the GeoPackage's writer
    writes after it: split so both finish at about the same time (size = rows × columns)."""
    size = {name: len(t) * max(len(t.columns), 1) for name, t in tables.items()}
    budget = sum(size.values()) * (1 + GPKG_SHARE) / 2
    mine, theirs, used = [], [], 0
    for name in sorted(size, key=size.get, reverse=True):
        if used + size[name] <= budget or not mine:
            mine.append(name)
            used += size[name]
        else:
            theirs.append(name)
    return mine, theirs


def _write_gpkg(tables, geometries, path: Path) -> Path:
    import pyogrio

    if path.exists():
        path.unlink()
    geoms = geometries.copy()
    geoms = geoms[~geoms.geometry.is_empty]
    geoms["geometry"] = geoms.geometry.force_2d()
    arrow = _arrow_writes(pyogrio)
    pyogrio.write_dataframe(geoms, path, layer="overlap_geometries", driver="GPKG",
                            promote_to_multi=True, geometry_type="Unknown", **arrow)
    for name, table in tables.items():
        frame = table.copy()
        for col in frame.columns:
            if frame[col].dtype == object:
                frame[col] = _as_text(frame[col].to_numpy())
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG", append=True, **arrow)
    return path


def _arrow_writes(pyogrio) -> dict:
    """``use_arrow=True`` (faster, same file) where pyogrio and its GDAL support it."""
    version = tuple(int(p) for p in pyogrio.__version__.split(".")[:2] if p.isdigit())
    return {"use_arrow": True} if version >= (0, 8) and pyogrio.__gdal_version__ >= (3, 8, 0) else {}


def _as_text(values) -> list:
    """Every value as ``str(value)``, None kept as None."""
    return [None if v is None else str(v) for v in values]


class _StderrProgress:
    """Progress lines on stderr, at most one per whole percent."""

    def __init__(self) -> None:
        self._last = -1
        self._start = time.perf_counter()

    def __call__(self, fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if percent != self._last:
            self._last = percent
            print(f"[{percent:3d}%] {message}", file=sys.stderr, flush=True)

    def done(self, written, result) -> None:
        seconds = time.perf_counter() - self._start
        print(f"wrote {len(written)} files in {seconds:.1f} s", file=sys.stderr)
        from explorer.analysis.repairs import describe_repairs

        for line in describe_repairs(result.table("repairs")):
            print(f"note: {line}", file=sys.stderr)
        for note in result.notes:
            print(f"note: {note}", file=sys.stderr)
