"""Which format a file is in: by its name, then confirmed by its first bytes.

The extension picks a candidate :class:`Format`; :func:`check_signature` then reads the first
bytes so that, say, an HTML page saved as ``.geojson`` or random bytes named ``.gpkg`` get a
plain-words error instead of a driver's message.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import EmptyFileError, UnreadableFileError, UnsupportedFormatError

__all__ = [
    "Format",
    "FORMATS",
    "SUPPORTED_EXTENSIONS",
    "VECTOR_EXTENSIONS",
    "RASTER_EXTENSIONS",
    "detect_format",
    "check_signature",
]


@dataclass(frozen=True)
class Format:
    """A readable format: ``kind`` is "vector", "raster" or "archive"; ``driver`` the reader."""

    key: str
    kind: str
    driver: str
    label: str


FORMATS: dict[str, Format] = {
    ".gpkg": Format("gpkg", "vector", "GPKG", "GeoPackage"),
    ".shp": Format("shapefile", "vector", "ESRI Shapefile", "Shapefile"),
    ".geojson": Format("geojson", "vector", "GeoJSON", "GeoJSON"),
    ".json": Format("geojson", "vector", "GeoJSON", "GeoJSON"),
    ".kml": Format("kml", "vector", "KML", "KML"),
    ".fgb": Format("flatgeobuf", "vector", "a FlatGeobuf file", "a FlatGeobuf file"),
    ".parquet": Format("geoparquet", "vector", "GeoParquet", "GeoParquet"),
    ".geoparquet": Format("geoparquet", "vector", "GeoParquet", "GeoParquet"),
    ".csv": Format("csv", "vector", "CSV", "CSV with coordinates or WKT"),
    ".zip": Format("zip", "archive", "zip", "Zipped dataset (e.g. Shapefile)"),
    ".kmz": Format("kmz", "archive", "KMZ", "KMZ (zipped KML)"),
    ".tif": Format("geotiff", "raster", "GTiff", "GeoTIFF"),
    ".tiff": Format("geotiff", "raster", "GTiff", "GeoTIFF"),
}

#: Extensions a file dialog should offer, sorted.
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(FORMATS))
RASTER_EXTENSIONS = tuple(e for e, f in FORMATS.items() if f.kind == "raster")
VECTOR_EXTENSIONS = tuple(e for e, f in FORMATS.items() if f.kind != "raster")

_TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
_SHP_MAGIC = b"\x00\x00\x27\x0a"


def detect_format(path: Path) -> Format:
    """The format a path's name announces; raise UnsupportedFormatError if the app cannot read it."""
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        shown = suffix or "(no extension)"
        raise UnsupportedFormatError(
            path,
            f"the format '{shown}' is not supported; open one of: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    return fmt


def _head(path: Path, size: int = 2048) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise UnreadableFileError(path, f"the file cannot be opened ({exc.strerror or exc})") from exc


def _text_start(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf").lstrip(b"\x1e").lstrip()


def _expect(path: Path, ok: bool, what: str) -> None:
    if not ok:
        raise UnreadableFileError(path, f"the file is not {what}; it is corrupt or of another type")


def check_signature(path: Path, fmt: Format) -> None:
    """Confirm by its first bytes that a file is what its extension says.

    Raises EmptyFileError for a 0-byte file and UnreadableFileError for content of another kind.
    """
    if path.stat().st_size == 0:
        raise EmptyFileError(path, "the file is empty (0 bytes)")
    head = _head(path)
    text = _text_start(head)
    if fmt.key == "gpkg":
        _expect(path, head.startswith(b"SQLite format 3\x00"), "a GeoPackage (not an SQLite database)")
    elif fmt.key == "shapefile":
        _expect(path, head.startswith(_SHP_MAGIC) and len(head) >= 100, "a shapefile (the .shp header is missing)")
    elif fmt.key == "geotiff":
        _expect(path, head[:4] in _TIFF_MAGIC, "a GeoTIFF (the TIFF header is missing)")
    elif fmt.key == "flatgeobuf":
        _expect(path, head.startswith(b"fgb"), "a FlatGeobuf file")
    elif fmt.key == "geoparquet":
        _expect(path, head.startswith(b"PAR1"), "a GeoParquet file (the Parquet header is missing)")
    elif fmt.kind == "archive":
        _expect(path, head[:4] in (b"PK\x03\x04", b"PK\x05\x06"), f"a {fmt.driver} archive")
    elif fmt.key == "geojson":
        _check_geojson_start(path, text)
    elif fmt.key == "kml":
        _expect(path, text.startswith(b"<") and b"<html" not in text[:200].lower(), "KML (not XML)")
    elif fmt.key == "csv":
        utf16 = head[:2] in (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text" export
        _expect(path, utf16 or b"\x00" not in head, "a CSV text file (it holds binary data)")


def _check_geojson_start(path: Path, text: bytes) -> None:
    if text.startswith(b"<"):
        kind = "an HTML page" if b"html" in text[:300].lower() else "XML"
        raise UnreadableFileError(path, f"the file is not GeoJSON: it holds {kind}")
    _expect(path, text[:1] in (b"{", b"["), "GeoJSON (it does not start with a JSON object)")
