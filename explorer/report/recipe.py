"""How to load the layers of a pack again: one entry per layer (file relative to the pack's
input base, layer inside the file, role, field mapping, encoding, raster kind) and the
partnership registry's CSV files, written into ``manifest.json`` by the builder and read by
``mining-explorer verify``.

Inputs are recorded relative to one base folder (the common folder of every input file), and
that base both relative to the pack folder and as an absolute path, so a pack moved to another
machine together with its data (or beside a copy of it) still verifies.  A layer that has no
source file (made in the app, or built in memory) cannot be loaded again: it is named in
``problems`` and verify says so.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

__all__ = ["input_base", "relative_input", "layer_recipe", "base_candidates", "find_input",
           "load_recipe", "REGISTRY_KIND"]

REGISTRY_KIND = "registry"


def input_base(paths: Sequence[Path]) -> Path | None:
    """The deepest folder holding every input file (None without inputs)."""
    folders = [str(Path(p).resolve().parent) for p in paths]
    if not folders:
        return None
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # different drives
        return None


def relative_input(path: str | Path, base: Path | None) -> str:
    """``path`` relative to ``base`` with ``/`` separators (absolute when it is not below it)."""
    path = Path(path).resolve()
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _registry_entry(layer, registry, base: Path | None) -> dict:
    files = [relative_input(p, base) for p, _digest in getattr(registry, "files", ()) or ()]
    return {"name": layer.name, "role": layer.role.value, "kind": REGISTRY_KIND, "files": files,
            "mapping": layer.mapping.as_dict()}


def _crs_override(layer) -> str | None:
    """The CRS the user supplied for a file without one (or with a wrong one), else None."""
    if any(r.kind in ("assign_crs", "replace_crs") for r in layer.provenance.repairs):
        crs = getattr(layer.frame, "crs", None)
        return crs.to_string() if crs is not None else None
    return None


def _layer_entry(layer, base: Path | None) -> dict:
    prov = layer.provenance
    entry = {"name": layer.name, "role": layer.role.value, "kind": layer.kind,
             "path": relative_input(prov.path, base), "layer": prov.layer_name,
             "mapping": layer.mapping.as_dict() if layer.kind == "vector" else {},
             "encoding": getattr(prov, "encoding", None), "crs_override": _crs_override(layer)}
    if layer.kind == "raster":
        entry["categorical"] = getattr(layer, "categorical", None)
    return entry


def _filtered(layer) -> str:
    """Why a vector layer's features are not simply those of its file ("" when they are)."""
    if layer.kind != "vector":
        return ""
    try:
        import pyogrio

        count = pyogrio.read_info(layer.provenance.path, layer=layer.provenance.layer_name)["features"]
    except Exception:  # noqa: BLE001 - a file GDAL cannot count is re-read, and checked then
        return ""
    dropped = sum(r.count for r in layer.provenance.repairs if r.kind.startswith("drop"))
    if count >= 0 and count - dropped != len(layer.frame):
        return (f"layer {layer.name!r} holds {len(layer.frame)} features but its file has {count} "
                "(filtered or edited in memory)")
    return ""


def layer_recipe(layers: Sequence, registry: Any, base: Path | None) -> tuple[list[dict], list[str]]:
    """(entries, problems): how to load each layer again, and the layers that cannot be."""
    from layers.partnerships import REGISTRY_DRIVER

    entries, problems = [], []
    for layer in layers:
        prov = layer.provenance
        if prov.driver == REGISTRY_DRIVER and registry is not None and getattr(registry, "files", None):
            entries.append(_registry_entry(layer, registry, base))
        elif prov.path and Path(prov.path).is_file():
            changed = _filtered(layer)
            if changed:
                problems.append(changed)
            else:
                entries.append(_layer_entry(layer, base))
        else:
            problems.append(f"layer {layer.name!r} has no source file (made in the app or in memory)")
    return entries, problems


def base_candidates(manifest: dict, pack: Path) -> list[Path]:
    """Folders where the inputs may be now, most likely first: the recorded base relative to
    the pack, the recorded absolute base, and for the sample the sample shipped with the app."""
    base = manifest.get("input_base") or {}
    out = []
    if base.get("relative_to_pack"):
        out.append((pack / base["relative_to_pack"]).resolve())
    if base.get("absolute"):
        out.append(Path(base["absolute"]))
    if (manifest.get("source") or {}).get("kind") == "sample":
        try:
            from sample_data import SAMPLE_DIR
        except ImportError:
            SAMPLE_DIR = None
        if SAMPLE_DIR is not None:
            out.append(Path(SAMPLE_DIR).resolve())
    unique: dict[str, Path] = {}
    for path in out:
        unique.setdefault(str(path), path)
    return list(unique.values())


def find_input(recorded: str, bases: Sequence[Path]) -> Path | None:
    """The file a recorded input path names now (first base where it exists), or None."""
    path = Path(recorded)
    if path.is_absolute():
        return path if path.is_file() else None
    for base in bases:
        if (base / path).is_file():
            return base / path
    return None


def _load_entry(entry: dict, bases: Sequence[Path]):
    from layers.errors import LayerError
    from layers.model import FieldMapping
    from layers.project import LayerRef, open_layer_ref

    if entry.get("kind") == REGISTRY_KIND:
        from layers.partnerships import read_registry

        files = [find_input(p, bases) for p in entry.get("files", [])]
        if not files or any(f is None for f in files):
            raise LayerError(None, f"the partnership registry files of {entry['name']!r} are missing")
        from layers.model import VectorLayer

        registry = read_registry(files)
        layer = registry.projects_layer()  # named as in the pack: the uids carry the name
        return VectorLayer(entry["name"], layer.role, layer.frame, layer.provenance, layer.mapping,
                           layer.style), registry
    found = find_input(entry["path"], bases)
    if found is None:
        raise LayerError(None, f"the file of layer {entry['name']!r} ({entry['path']}) is missing")
    ref = LayerRef(path=str(found), name=entry["name"], role=entry["role"], layer=entry.get("layer"),
                   kind=entry.get("kind", "vector"), mapping=FieldMapping.from_dict(entry.get("mapping") or {}),
                   encoding=entry.get("encoding"), categorical=entry.get("categorical"),
                   crs_override=entry.get("crs_override"))
    return open_layer_ref(ref), None


def load_recipe(entries: Sequence[dict], bases: Sequence[Path]):
    """The layers (and registry) described by ``entries``, as a source for ``run_analysis``."""
    from .source import LoadedSource

    layers, registry = [], None
    for entry in entries:
        layer, found_registry = _load_entry(entry, bases)
        layers.append(layer)
        registry = found_registry or registry
    return LoadedSource(layers, registry)
