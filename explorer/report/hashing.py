"""SHA-256 records of the files of an evidence pack (hashing itself is the readers' own,
:func:`layers.provenance.sha256_file`, so inputs and outputs are hashed the same way)."""
from __future__ import annotations

from pathlib import Path

from layers.provenance import sha256_file

__all__ = ["sha256_file", "file_record"]


def file_record(path: str | Path, name: str | None = None) -> dict:
    """``{"path", "bytes", "sha256"}`` of a file; ``name`` replaces the recorded path."""
    path = Path(path)
    return {"path": name or str(path), "bytes": path.stat().st_size, "sha256": sha256_file(path)}
