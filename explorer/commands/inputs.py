"""What ``analyze`` (and ``report``) read: the layer options, the files they name, the
project's settings and the output folder check.  Every problem is a LayerError naming the file.

``FILE::LAYER`` names a layer of a multi-layer GeoPackage (or archive); a plain FILE reads its
first layer and the choice is listed among the repairs.  For a raster, ``FILE::N`` measures
band N (default band 1).  ``--raster`` lets the reader decide
whether a raster is a class map or continuous values; ``--continuous`` / ``--categorical``
say it.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from layers.roles import Role

__all__ = ["LAYER_OPTIONS", "RASTER_OPTIONS", "check_out", "input_paths", "load_inputs",
           "split_layer", "expect_kind", "project_settings"]

#: Option name -> (role, may repeat)
LAYER_OPTIONS = {
    "concessions": (Role.CONCESSION, True),
    "projects": (Role.PROJECT, True),
    "protected": (Role.PROTECTED_AREA, True),
    "indigenous": (Role.INDIGENOUS_TERRITORY, True),
    "basins": (Role.BASIN, False),
    "rivers": (Role.RIVER, True),
    "communities": (Role.COMMUNITY, True),
}


def check_out(out: Path, inputs=()) -> None:
    """``--out`` must be a folder (or not exist yet) and must not hold an input file under
    the name of an output (``--concessions out/summary.csv --out out`` would overwrite it)."""
    from explorer.analysis.results import TABLE_NAMES
    from layers.errors import UnsupportedFormatError

    for folder in (out, *out.parents):
        if folder.exists():
            if not folder.is_dir():
                raise UnsupportedFormatError(
                    folder, "--out must be a folder, but this is an existing file")
            break
    targets = {(out / f"{name}.csv").resolve() for name in TABLE_NAMES}
    targets.add((out / "metrics.gpkg").resolve())
    for path in inputs:
        if Path(path).resolve() in targets:
            raise UnsupportedFormatError(
                path, "--out would overwrite this input file; choose another output folder")


def input_paths(args: argparse.Namespace) -> list[str]:
    """Every file named on the command line (project file, layers, rasters)."""
    paths = [args.project] if getattr(args, "project", None) else []
    for option in [*LAYER_OPTIONS, *RASTER_OPTIONS]:
        value = getattr(args, option, None)
        for spec in value if isinstance(value, list) else [value] if value else []:
            paths.append(split_layer(spec)[0])
    return paths


def load_inputs(args: argparse.Namespace):
    """The analysis source (a Project or a list of layers) and the project's settings, if any.

    Layer files together with ``--sample`` or ``--project`` are refused (they would be ignored).
    """
    _refuse_files_with_a_project(args)
    if args.sample:
        from layers.catalogue import load_sample_project

        project = load_sample_project()
        return project, project_settings(project, None)
    if args.project:
        from layers.project import load_project

        project = load_project(args.project)
        return project, project_settings(project, args.project)
    from layers.loader import load_layer

    layers = []
    for option, (role, _repeat) in LAYER_OPTIONS.items():
        value = getattr(args, option)
        for spec in (value if isinstance(value, list) else [value] if value else []):
            path, layer = split_layer(spec)
            expect_kind(path, "vector", f"--{option}")
            layers.append(load_layer(path, layer, role=role))
    for option, categorical in RASTER_OPTIONS.items():
        for spec in getattr(args, option, None) or []:
            path, band = split_layer(spec)
            expect_kind(path, "raster", f"--{option}")
            name = f"{Path(path).stem} band {band}" if band else None
            layers.append(load_layer(path, categorical=categorical, band=band, name=name))
    return layers, None


def _refuse_files_with_a_project(args: argparse.Namespace) -> None:
    from layers.errors import LayerError

    if not (getattr(args, "sample", False) or getattr(args, "project", None)):
        return
    for option in [*LAYER_OPTIONS, *RASTER_OPTIONS]:
        value = getattr(args, option, None)
        for spec in value if isinstance(value, list) else [value] if value else []:
            given = "--sample" if args.sample else "--project"
            raise LayerError(split_layer(spec)[0], f"--{option} cannot be combined with {given}: "
                                                   "give layer files or a project, not both")


def split_layer(spec: str) -> tuple[str, str | None]:
    """``"FILE::LAYER"`` -> ``(FILE, LAYER)`` (a layer of a multi-layer GeoPackage or archive);
    a plain path (or one that exists with ``::`` in its name) -> ``(path, None)``."""
    text = str(spec)
    if "::" in text and not Path(text).exists():
        path, layer = text.rsplit("::", 1)
        return path, layer or None
    return text, None


#: Raster option -> the ``categorical`` flag it passes (None: the reader decides).
RASTER_OPTIONS = {"raster": None, "continuous": False, "categorical": True}


def expect_kind(path, kind: str, option: str) -> None:
    """Raise UnsupportedFormatError unless ``path`` is a ``kind`` ("vector"/"raster") file."""
    from layers.errors import UnsupportedFormatError
    from layers.formats import detect_format
    from layers.readers import existing_file

    source = existing_file(path)
    found = "raster" if detect_format(source).kind == "raster" else "vector"
    if found != kind:
        raise UnsupportedFormatError(
            source, f"{option} expects a {kind} layer, but this file is a {found}")


def project_settings(project, path):
    """The analysis settings saved in ``project``; ProjectError when they make no sense."""
    from explorer.analysis import AnalysisSettings
    from layers.errors import ProjectError

    data = getattr(project, "settings", None) or {}
    data = data.get("analysis", data) if isinstance(data, dict) else {}
    try:
        return AnalysisSettings.from_dict(data)
    except (TypeError, ValueError) as exc:
        raise ProjectError(path or "sample project", f"bad analysis settings: {exc}") from exc
