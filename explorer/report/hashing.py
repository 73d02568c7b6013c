"""SHA-256 of files, read in chunks so large rasters do not fill memory."""
from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["sha256_file", "file_record"]

_CHUNK = 1 << 20


def sha256_file(path: str | Path) -> str:
    """Hex SHA-256 of the file at ``path``."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def file_record(path: str | Path, name: str | None = None) -> dict:
    """``{"path", "bytes", "sha256"}`` of a file; ``name`` replaces the recorded path."""
    path = Path(path)
    return {"path": name or str(path), "bytes": path.stat().st_size, "sha256": sha256_file(path)}
