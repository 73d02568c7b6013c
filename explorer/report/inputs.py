"""The input files of a pack: every file a layer, the project or the registry was read from,
hashed now (so the manifest holds what was actually on disk when the pack was built)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from .hashing import file_record

__all__ = ["input_files", "input_records", "layer_records", "sample_catalogue"]


def _layer_paths(layer) -> list[Path]:
    prov = layer.provenance
    main = Path(prov.path) if prov.path else None
    paths = [main] if main is not None and main.is_file() else []
    folder = main.parent if main is not None else None
    for name, _digest in getattr(prov, "files", ()) or ():
        candidate = Path(name)
        if not candidate.is_absolute() and folder is not None:
            candidate = folder / candidate
        if candidate.is_file():
            paths.append(candidate)
    return paths


def input_files(source: Any, layers: Sequence, registry: Any = None) -> list[Path]:
    """Every distinct input file, in a stable order: project file, layer files, registry CSVs."""
    found: list[Path] = []
    project_path = getattr(source, "path", None)
    if project_path and Path(project_path).is_file():
        found.append(Path(project_path))
    for layer in layers:
        found += _layer_paths(layer)
    for path, _digest in getattr(registry, "files", ()) or ():
        if Path(path).is_file():
            found.append(Path(path))
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(str(path.resolve()), path.resolve())
    return list(unique.values())


def input_records(paths: Sequence[Path], base: Path | None = None) -> list[dict]:
    """``{"path", "bytes", "sha256"}`` of each input file, the path relative to ``base`` when
    the file is below it (else absolute), with ``/`` separators."""
    from .recipe import relative_input

    return [file_record(p, relative_input(p, base)) for p in paths]


def layer_records(layers: Sequence) -> list[dict]:
    """Name, role, kind, source path, provenance hash, original CRS and repairs of each layer."""
    out = []
    for layer in layers:
        prov = layer.provenance
        out.append({
            "name": layer.name,
            "role": getattr(layer.role, "value", str(layer.role)),
            "kind": layer.kind,
            "path": prov.path,
            "layer": prov.layer_name,
            "sha256_at_load": prov.sha256,
            "original_crs": prov.original_crs,
            "features": len(layer.frame) if layer.kind == "vector" else None,
            "repairs": [r.describe() for r in prov.repairs],
        })
    return out


def sample_catalogue() -> list[dict]:
    """Entries of ``sample_data/catalogue.json`` (publisher, licence, ...), or ``[]``."""
    try:
        from sample_data import SAMPLE_DIR
    except ImportError:
        return []
    path = Path(SAMPLE_DIR) / "catalogue.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else data.get("layers", [])
