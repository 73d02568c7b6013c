"""Provenance helpers: file hashes (with a shapefile's sidecars), CRS labels, lon/lat bounds
and load timing."""
from __future__ import annotations

import hashlib
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

__all__ = [
    "SIDECAR_SUFFIXES",
    "sha256_file",
    "sidecar_files",
    "siblings",
    "hash_files",
    "crs_label",
    "bounds_lonlat",
    "LoadClock",
]

#: Files that travel with a ``.shp`` and are hashed with it, in this order.
SIDECAR_SUFFIXES = (".shp", ".shx", ".dbf", ".prj", ".cpg")

_CHUNK = 1 << 20


def sha256_file(path: str | Path) -> str:
    """SHA-256 hex digest of a file, read in 1 MiB chunks (never whole in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def sidecar_files(path: Path) -> list[Path]:
    """A shapefile's own files that exist next to it (any letter case); other paths: just itself."""
    if path.suffix.lower() != ".shp":
        return [path]
    by_suffix = {p.suffix.lower(): p for p in siblings(path)}
    found = [by_suffix.get(s) for s in SIDECAR_SUFFIXES]
    return [p for p in found if p is not None] or [path]


def siblings(path: Path) -> list[Path]:
    """Files next to ``path`` with the same name and any extension (``path`` included), sorted.

    Names are compared literally (no glob), so brackets or stars in a file name are harmless;
    when two files differ only in the case of their extension, the exact one comes first."""
    try:
        found = [p for p in path.parent.iterdir() if p.stem == path.stem and p.is_file()]
    except OSError:
        return [path] if path.exists() else []
    return sorted(found, key=lambda p: (p.suffix.lower(), p.suffix != p.suffix.lower()))


def hash_files(paths: Iterable[Path]) -> tuple[tuple[str, str], ...]:
    """(file name, sha256) of each path, in the order given."""
    return tuple((p.name, sha256_file(p)) for p in paths)


def crs_label(crs: Any) -> str | None:
    """``"EPSG:xxxx"`` (or another authority) when the CRS has one, else its WKT; None if no CRS."""
    if crs is None:
        return None
    from pyproj import CRS

    crs = CRS.from_user_input(crs)
    epsg = crs.to_epsg()
    if epsg is not None:
        return f"EPSG:{epsg}"
    authority = crs.to_authority()
    if authority is not None:
        return f"{authority[0]}:{authority[1]}"
    return crs.to_wkt()


def bounds_lonlat(bounds: Iterable[float], crs: Any) -> tuple[float, float, float, float] | None:
    """Bounds (minx, miny, maxx, maxy) in ``crs`` turned into lon/lat on EPSG:4326 (densified edges)."""
    values = [float(v) for v in bounds]
    if crs is None or any(v != v for v in values):  # NaN: no features
        return None
    from pyproj import CRS, Transformer

    transformer = Transformer.from_crs(CRS.from_user_input(crs), "EPSG:4326", always_xy=True)
    box = transformer.transform_bounds(*values, densify_pts=21)
    return tuple(round(v, 9) for v in box)  # type: ignore[return-value]


class LoadClock:
    """Wall-clock of a load: the UTC start as ISO 8601 and the seconds elapsed."""

    def __init__(self) -> None:
        self.started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._t0 = time.perf_counter()

    def seconds(self) -> float:
        """Seconds since the clock was made, rounded to the millisecond."""
        return round(time.perf_counter() - self._t0, 3)
