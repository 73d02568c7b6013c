"""Shapefile structure checks made before GDAL opens one: every part present, and an attribute
table (.dbf) whose header holds together.  GDAL opens a shapefile with a corrupt .dbf as if it
had no attributes at all, which would lose every name and id silently."""
from __future__ import annotations

import struct
from pathlib import Path

from .errors import UnreadableFileError
from .provenance import siblings

__all__ = ["check_shapefile", "dbf_problem"]

_TERMINATOR = 0x0D


def _missing_parts(path: Path) -> list[str]:
    present = {p.suffix.lower() for p in siblings(path)}
    return [s for s in (".shx", ".dbf") if s not in present]


def dbf_problem(dbf: Path) -> str | None:
    """What is wrong with a .dbf header, in plain words, or None when it holds together."""
    size = dbf.stat().st_size
    with open(dbf, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return "it is shorter than a .dbf header"
        records, header_len, record_len = struct.unpack("<IHH", header[4:12])
        if header_len < 33 or header_len > size or record_len < 1:
            return "its header sizes are impossible"
        descriptors = handle.read(header_len - 32)
    end = next((i for i in range(0, len(descriptors), 32) if descriptors[i] == _TERMINATOR), -1)
    if end < 0:
        return "its field list is not terminated"
    widths = sum(descriptors[i + 16] for i in range(0, end, 32))
    if widths + 1 != record_len:
        return "its field widths do not add up to its record length"
    if header_len + records * record_len > size + 1:
        return f"it is truncated (it announces {records} records that the file cannot hold)"
    return None


def check_shapefile(path: Path) -> None:
    """Raise UnreadableFileError if a shapefile's .shx or .dbf is missing or its .dbf is corrupt."""
    missing = _missing_parts(path)
    if missing:
        raise UnreadableFileError(
            path, f"the shapefile is incomplete: {' and '.join(missing)} missing (a shapefile is "
                  "several files with the same name; copy them all, or use a zipped shapefile)")
    dbf = next(p for p in siblings(path) if p.suffix.lower() == ".dbf")
    problem = dbf_problem(dbf)
    if problem:
        raise UnreadableFileError(path, f"the attribute table {dbf.name} is corrupt: {problem}")
