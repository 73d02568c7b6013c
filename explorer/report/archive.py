"""``DIR.zip``: the whole pack in one file, written beside the folder.

Entry names are the pack's own relative paths (never taken from attribute values) and are
checked so that none can climb out of the folder when unpacked.
"""
from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from layers.errors import UnsafeArchivePathError

__all__ = ["zip_pack", "safe_entry_name"]

#: Files that are compressed already (PDF streams, KMZ): stored as they are, not deflated again.
#: Everything else is deflated at level 1 (fast; the pack's tables shrink nearly as much).
_COMPRESSED = {".pdf", ".kmz", ".zip"}


def safe_entry_name(path: Path, root: Path) -> str:
    """The archive name of ``path`` inside ``root``; raises if it would leave the folder."""
    relative = PurePosixPath(path.resolve().relative_to(root.resolve()).as_posix())
    if relative.is_absolute() or ".." in relative.parts:
        raise UnsafeArchivePathError(path, "would be unpacked outside the pack folder")
    return f"{root.name}/{relative}"


def zip_pack(out_dir: str | Path) -> Path:
    """Zip every file of ``out_dir`` into ``<out_dir>.zip`` beside it; return the zip's path."""
    root = Path(out_dir)
    target = root.with_name(root.name + ".zip")
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            stored = path.suffix.lower() in _COMPRESSED
            archive.write(path, safe_entry_name(path, root),
                          compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    partial.replace(target)
    return target
