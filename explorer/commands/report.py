"""``mining-explorer report`` and ``mining-explorer verify``: argument parsing only.

``report`` takes the same inputs as ``analyze`` (``--sample``, ``--project FILE`` or the file
options ``--concessions F --indigenous F ...``, ``--rings``, ``--reach-km``) plus
``--out DIR [--lang xx] [--focus ID ...]`` and calls
:func:`explorer.report.build_report`.  ``verify DIR`` calls :func:`explorer.report.verify_pack`, which
loads the inputs again from the files the manifest names; it exits 0 only if everything
matches.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.commands import analyze
from layers.errors import LayerError

__all__ = ["add_parsers", "run_report", "run_verify", "add_input_options", "load_inputs",
           "canonical_command"]


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The input options of ``analyze`` (same names, same meaning)."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--sample", action="store_true", help="use the bundled sample project")
    source.add_argument("--project", metavar="FILE", help="a project file")
    for option, (role, repeat) in analyze.LAYER_OPTIONS.items():
        action = "append" if repeat else analyze.OnlyOnce
        parser.add_argument(f"--{option}", metavar="F", action=action,
                            help=f"{role.value} layer" + (" (repeatable)" if repeat else ""))
    parser.add_argument("--raster", metavar="F", action="append", help="raster layer (repeatable)")
    parser.add_argument("--continuous", metavar="F", action="append",
                        help="raster of continuous values such as elevation (repeatable)")
    parser.add_argument("--categorical", metavar="F", action="append",
                        help="raster of classes such as land cover (repeatable)")
    parser.add_argument("--rings", type=analyze.parse_rings, default=None, help="ring distances in km")
    parser.add_argument("--reach-km", type=analyze.parse_reach, default=None,
                        help="downstream reach in km")
    parser.add_argument("--edges", choices=("straight", "geodesic"), default=None,
                        help="polygon edges: straight in the layer's coordinates (default) or geodesic")


def add_parsers(sub) -> None:
    """Register ``report`` and ``verify`` on the sub-parsers of the main parser."""
    report = sub.add_parser("report", help="write an evidence pack (PDF, HTML map, tables, manifest)")
    add_input_options(report)
    report.add_argument("--out", metavar="DIR", required=True, help="folder to write the pack into")
    report.add_argument("--lang", default="en", help="report language: en, pt, es or fr")
    report.add_argument("--focus", metavar="ID", nargs="+", default=[],
                        help="mining titles that get a page of their own")
    verify = sub.add_parser("verify", help="re-hash an evidence pack and re-run its analysis")
    verify.add_argument("pack", metavar="DIR", help="the pack folder (holding manifest.json)")


def _file_options(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(option, absolute path) of every file option given."""
    out = []
    for option in [*analyze.LAYER_OPTIONS, *analyze.RASTER_OPTIONS]:
        value = getattr(args, option, None)
        for spec in value if isinstance(value, list) else [value] if value else []:
            path, layer = analyze.split_layer(spec)
            out.append((option, str(Path(path).resolve()) + (f"::{layer}" if layer else "")))
    return out


def load_inputs(args: argparse.Namespace):
    """The source named by the input options (as ``analyze`` loads it)."""
    if not (args.sample or args.project or _file_options(args)):
        raise LayerError(None, "give --sample, --project FILE or file options such as --concessions F")
    source, base = analyze.load_inputs(args)
    args._base_settings = base
    return source


def _settings(args: argparse.Namespace):
    """The source's own settings (None: let the engine read them) with ``--rings`` /
    ``--reach-km`` over them when given."""
    changes = {}
    if args.rings:
        changes["rings_km"] = args.rings
    if args.reach_km is not None:
        changes["reach_km"] = args.reach_km
    if getattr(args, "edges", None):
        changes["edges"] = args.edges
    if not changes:
        return None
    from explorer.analysis import AnalysisSettings

    base = getattr(args, "_base_settings", None)
    return AnalysisSettings.from_dict({**(base.as_dict() if base else {}), **changes})


def canonical_command(args: argparse.Namespace) -> list[str]:
    """The argv that re-creates the pack, with absolute paths."""
    command = ["mining-explorer", "report"]
    if args.sample:
        command.append("--sample")
    elif args.project:
        command += ["--project", str(Path(args.project).resolve())]
    for option, path in _file_options(args):
        command += [f"--{option}", path]
    if args.rings:
        command += ["--rings", ",".join(f"{r:g}" for r in args.rings)]
    if args.reach_km is not None:
        command += ["--reach-km", f"{args.reach_km:g}"]
    if getattr(args, "edges", None):
        command += ["--edges", args.edges]
    command += ["--out", str(Path(args.out).resolve()), "--lang", args.lang]
    if args.focus:
        command += ["--focus", *args.focus]
    return command


def _source_record(args: argparse.Namespace) -> dict:
    if args.sample:
        return {"kind": "sample"}
    if args.project:
        return {"kind": "project", "path": str(Path(args.project).resolve())}
    return {"kind": "files", "files": [{"option": o, "path": p} for o, p in _file_options(args)]}


def _print_progress(fraction: float, message: str) -> None:
    print(f"\r{fraction * 100:5.1f}%  {message:<40}", end="", file=sys.stderr, flush=True)


def run_report(args: argparse.Namespace) -> int:
    """``mining-explorer report``: build the pack and print where it is."""
    from explorer.report import build_report

    source = load_inputs(args)
    result = build_report(source, _settings(args), args.out, lang=args.lang, focus=args.focus,
                          progress=_print_progress if sys.stderr.isatty() else None,
                          command=canonical_command(args), source_record=_source_record(args))
    print(f"Evidence pack: {result.out_dir} ({len(result.files)} files, {result.pages} PDF pages, "
          f"{result.seconds:.1f} s)")
    print(f"Zip: {result.zip_path}")
    return 0


def run_verify(args: argparse.Namespace, build_parser=None) -> int:
    """``mining-explorer verify DIR``: list every difference; 0 only if there is none."""
    from explorer.report import verify_pack

    report = verify_pack(args.pack)
    for line in report.differences:
        print(f"DIFFERENT: {line}")
    print(f"{len(report.checked)} checks passed, {len(report.differences)} differences.")
    print("OK: the pack matches its inputs and re-computes identically." if report.ok
          else "FAILED: the pack does not match.")
    return 0 if report.ok else 1
