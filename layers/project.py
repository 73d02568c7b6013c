"""The project file: save it atomically, load and validate it, open its layers.

A project file is JSON (see :class:`~layers.project_model.Project` for the records)::

    {"schema_version": 1, "app": "mining-impact-explorer", "title": "Amapá",
     "layers": [{"path": "data/concessions.gpkg", "layer": "concessions",
                 "name": "Mining titles", "role": "concession", "kind": "vector",
                 "mapping": {...}, "style": {...}, "visible": true, "opacity": 1.0,
                 "order": 0, "crs_override": null, "encoding": null, "categorical": null}],
     "settings": {"rings_km": [1, 5, 10, 25, 50], "reach_km": 100, ...},
     "last_results": {"metrics.csv": "<sha256>"}}

Saving never loses work: the file is replaced atomically and the previous copy is kept as
``<name>.bak`` (:mod:`layers.atomic`).  Loading refuses newer schema versions, names the file
in every error, and lists every data file that has moved (:class:`MissingDataError`, whose
``project`` attribute holds the loaded project so the GUI can relink it, see
:mod:`layers.relink`).
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from .atomic import atomic_write_bytes, backup_path
from .errors import LayerError, MissingDataError, ProjectError, ProjectVersionError
from .model import FieldMapping, RasterLayer, Repair, VectorLayer
from .project_model import (
    LAYER_KINDS,
    PROJECT_SUFFIX,
    SCHEMA_VERSION,
    LayerRef,
    Project,
    default_settings,
)
from .relink import find_moved, missing_data, relink
from .roles import Role

__all__ = [
    "SCHEMA_VERSION",
    "PROJECT_SUFFIX",
    "LAYER_KINDS",
    "LayerRef",
    "Project",
    "default_settings",
    "save_project",
    "load_project",
    "project_from_dict",
    "backup_path",
    "missing_data",
    "relink",
    "find_moved",
    "open_project_layers",
    "open_layer_ref",
    "open_project_registry",
    "ref_for_layer",
]

#: ``progress(fraction, message)``, fraction in 0..1 (as in ``explorer.analysis``).
Progress = Callable[[float, str], None]
_TOP_LEVEL_TYPES = {"title": str, "layers": list, "settings": dict, "last_results": dict}


def save_project(project: Project, path: str | Path | None = None) -> Path:
    """Write ``project`` to ``path`` (default: ``project.path``) atomically and return the path.

    Data paths are written relative to the file's folder; the previous file is kept as
    ``<name>.bak``; ``project.path`` is set to ``path``.  Raises ProjectError if it cannot
    be written, in which case any existing file is left exactly as it was.
    """
    if path is None and project.path is None:
        raise ProjectError(None, "the project has no file yet; choose where to save it")
    path = Path(os.path.abspath(path if path is not None else project.path))
    document = project.as_dict(path.parent)
    try:
        text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ProjectError(path, f"the analysis settings cannot be saved as JSON ({exc})") from exc
    try:
        atomic_write_bytes(path, (text + "\n").encode("utf-8"))
    except OSError as exc:
        raise ProjectError(path, f"cannot be saved: {exc.strerror or exc}") from exc
    project.path = path
    return path


def load_project(path: str | Path, *, check_data: bool = True) -> Project:
    """Read and validate the project file at ``path``.

    Raises ProjectError (bad JSON, missing or wrong keys), ProjectVersionError (written by a
    newer version) and, unless ``check_data`` is False, MissingDataError listing every data
    path that does not exist (its ``project`` attribute carries the loaded project).
    """
    path = Path(os.path.abspath(os.path.expanduser(path)))
    try:
        project = project_from_dict(_read_json(path), path)
    except LayerError:
        raise
    except Exception as exc:  # the boundary: nothing but LayerError reaches the user
        raise ProjectError(path, f"cannot be read ({type(exc).__name__}: {exc})") from exc
    if check_data:
        missing = missing_data(project)
        if missing:
            error = MissingDataError(path, missing)
            error.project = project
            raise error
    return project


def project_from_dict(document: Any, path: Path) -> Project:
    """Build a Project from a parsed project document read from ``path``; validates it."""
    if not isinstance(document, dict):
        raise ProjectError(path, "is not a project file (expected a JSON object)")
    version = _schema_version(document, path)
    for key, kind in _TOP_LEVEL_TYPES.items():
        if key in document and not isinstance(document[key], kind):
            raise ProjectError(path, f"'{key}' must be a {kind.__name__}")
    if "layers" not in document:
        raise ProjectError(path, "has no 'layers' list")
    refs = [_layer_ref(entry, number, path) for number, entry in enumerate(document["layers"], 1)]
    return Project(
        title=document.get("title") or path.stem,
        layers=refs,
        settings=document.get("settings", default_settings()),
        last_results={str(k): str(v) for k, v in document.get("last_results", {}).items()},
        schema_version=version,
        path=path,
    )


def _read_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ProjectError(path, "project file not found") from exc
    except OSError as exc:
        raise ProjectError(path, f"cannot be read: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise ProjectError(path, "is empty, not a project file")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ProjectError(path, "is not a project file (not UTF-8 text)") from exc
    except json.JSONDecodeError as exc:
        raise ProjectError(path, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                                 f"{exc.msg}); the previous copy may be in "
                                 f"{backup_path(path).name}") from exc
    except (ValueError, RecursionError) as exc:  # absurd numbers, nesting too deep
        raise ProjectError(path, f"is not a usable project file ({type(exc).__name__})") from exc


def _schema_version(document: dict[str, Any], path: Path) -> int:
    version = document.get("schema_version")
    if version is None:
        raise ProjectError(path, "has no 'schema_version'; it is not a project file")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError(path, f"has an invalid schema_version {version!r}")
    if version > SCHEMA_VERSION:
        raise ProjectVersionError(
            path, f"was written by a newer version of the app (schema version {version}; "
                  f"this version reads up to {SCHEMA_VERSION}); please update the app")
    return version


def _layer_ref(entry: Any, number: int, path: Path) -> LayerRef:
    if not isinstance(entry, dict):
        raise ProjectError(path, f"layer {number} is not a JSON object")
    try:
        return LayerRef.from_dict(entry, path.parent)
    except KeyError as exc:
        raise ProjectError(path, f"layer {number} has no {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise ProjectError(path, f"layer {number}: {exc}") from exc


def open_project_layers(project: Project, progress: Progress | None = None, *,
                        errors: list[LayerError] | None = None) -> list[VectorLayer | RasterLayer]:
    """Load every layer of ``project`` in drawing order, with its role, mapping and style.

    ``progress(fraction, message)`` is called before each layer.  A layer that cannot be read
    raises its LayerError, unless an ``errors`` list is given: then the error is appended to
    it and the other layers are still loaded.
    """
    refs = project.sorted_layers()
    loaded: list[VectorLayer | RasterLayer] = []
    for number, ref in enumerate(refs):
        if progress is not None:
            progress(number / max(len(refs), 1), f"Loading {ref.name}")
        try:
            loaded.append(open_layer_ref(ref))
        except LayerError as exc:
            if errors is None:
                raise
            errors.append(exc)
    if progress is not None:
        progress(1.0, "Layers loaded")
    return loaded


def open_layer_ref(ref: LayerRef) -> VectorLayer | RasterLayer:
    """Load the data ``ref`` points to and apply the ref's name, role, mapping and style."""
    if ref.kind == "registry":
        from .partnerships import read_registry

        layer = read_registry(ref.path).projects_layer()
    else:
        from .loader import load_layer

        if ref.kind == "raster":
            layer = load_layer(ref.path, ref.layer, name=ref.name, categorical=ref.categorical)
        else:
            layer = load_layer(ref.path, ref.layer, role=ref.role, crs=ref.crs_override,
                               encoding=ref.encoding, name=ref.name)
        _check_kind(layer, ref)
    return _apply_ref(layer, ref)


def _check_kind(layer: VectorLayer | RasterLayer, ref: LayerRef) -> None:
    """A raster file under a vector role (or kind "raster" on a vector file) is bad input."""
    from .errors import UnsupportedFormatError

    if isinstance(layer, RasterLayer) and ref.role not in (Role.RASTER, Role.CONTEXT):
        raise UnsupportedFormatError(ref.path, f"the project uses this file as a {ref.role.value} "
                                               "layer, which must be a vector layer, but it is a raster")
    if isinstance(layer, VectorLayer) and ref.kind == "raster":
        raise UnsupportedFormatError(ref.path, "the project says this layer is a raster, but the "
                                               "file is a vector layer")


def _apply_ref(layer: VectorLayer | RasterLayer, ref: LayerRef) -> VectorLayer | RasterLayer:
    layer.name = ref.name
    layer.style = ref.style.with_changes(visible=ref.visible, opacity=ref.opacity)
    if isinstance(layer, VectorLayer):
        layer.role = ref.role
        if ref.mapping.as_dict() != {"schema": None}:
            _apply_mapping(layer, ref)
    return layer


def _apply_mapping(layer: VectorLayer, ref: LayerRef) -> None:
    """Use the saved mapping; columns that vanished from the data are dropped and recorded."""
    columns = set(layer.frame.columns)
    chosen = ref.mapping.as_dict()
    gone = {key: col for key, col in chosen.items() if key != "schema" and col not in columns}
    layer.mapping = ref.mapping.override(**{key: None for key in gone})
    if gone:
        detail = ", ".join(f"{key}={col}" for key, col in gone.items())
        repair = Repair("mapping_column_missing", len(gone), f"saved mapping dropped: {detail}")
        layer.provenance = replace(layer.provenance,
                                   repairs=layer.provenance.repairs + (repair,))


def open_project_registry(project: Project):
    """The partnership :class:`~layers.partnerships.Registry` of ``project``, or None."""
    return project.registry


def ref_for_layer(layer: VectorLayer | RasterLayer, *, order: int = 0) -> LayerRef:
    """A LayerRef that re-opens ``layer`` as it is now (path, role, mapping, style).

    A CRS the user supplied on load (repair ``assign_crs``) and an attribute encoding other
    than UTF-8 are kept, so the saved project re-opens the same way.
    """
    from .partnerships import REGISTRY_DRIVER

    prov = layer.provenance
    kinds = {repair.kind for repair in prov.repairs}
    vector = isinstance(layer, VectorLayer)
    crs = layer.frame.crs if vector and "assign_crs" in kinds else None
    kind = "registry" if prov.driver == REGISTRY_DRIVER else layer.kind
    return LayerRef(
        path=prov.path, name=layer.name, role=Role(layer.role),
        layer=prov.layer_name if kind in ("vector", "raster") else None, kind=kind,
        mapping=layer.mapping if vector else FieldMapping(), style=layer.style,
        visible=layer.style.visible, opacity=layer.style.opacity, order=order,
        crs_override=_crs_text(crs) if crs is not None else None,
        encoding=_non_utf8(prov.encoding),
        categorical=layer.categorical if isinstance(layer, RasterLayer) else None,
    )


def _non_utf8(encoding: str | None) -> str | None:
    plain = (encoding or "").lower().replace("_", "-")
    return None if plain in ("", "utf-8", "utf8", "utf-8-sig", "ascii", "us-ascii") else encoding


def _crs_text(crs: Any) -> str:
    authority = crs.to_authority()
    return ":".join(authority) if authority else crs.to_wkt()
