"""Attribute text encodings: the one a shapefile declares (.cpg or the DBF language byte), or
the one detected from its bytes, and decoding of text files (CSV) with a recorded fallback.

Detection rule, written down so a report can cite it: text that decodes as UTF-8 is UTF-8;
otherwise it is Windows-1252 (the usual encoding of Brazilian, French and Spanish GIS data,
a superset of ISO-8859-1 for printable text); if even that fails, ISO-8859-1, which decodes
any byte.  A fallback is reported as a ``decode`` repair.
"""
from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import EncodingError
from .model import Repair

__all__ = [
    "EncodingChoice",
    "normalise_codec",
    "shapefile_encoding",
    "decode_text",
    "invalid_text_columns",
    "rows_with_non_ascii",
    "FALLBACKS",
]

#: Encodings tried, in order, when none is declared.
FALLBACKS = ("utf-8", "cp1252", "latin-1")

_SCAN_BYTES = 16 << 20  # detection reads at most 16 MiB of attribute records

# DBF "language driver id" byte (offset 29) for the code pages met in practice.
_LDID = {
    0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x57: "cp1252", 0x58: "cp1252",
    0x59: "cp1252", 0x64: "cp852", 0x65: "cp866", 0x66: "cp865", 0x13: "cp932",
    0x4D: "cp936", 0x4E: "cp949", 0x4F: "cp950", 0xC8: "cp1250", 0xC9: "cp1251",
    0xCA: "cp1254", 0xCB: "cp1253", 0xCC: "cp1257",
}


@dataclass(frozen=True)
class EncodingChoice:
    """The codec to decode with, how it was chosen, and the repair to record (if any)."""

    codec: str
    source: str  # "caller", ".cpg", "dbf header", "detected", "default"
    repair: Repair | None = None


def normalise_codec(name: str, path: Path | None = None) -> str:
    """A Python codec name for a declared encoding ("ANSI 1252", "88591", "UTF8", "CP1252" ...)."""
    text = name.strip().strip("\x00").upper().replace("ANSI", "").strip()
    if text.isdigit():
        text = {"88591": "latin-1", "65001": "utf-8", "437": "cp437"}.get(text, f"cp{text}")
    try:
        return codecs.lookup(text).name
    except LookupError as exc:
        raise EncodingError(path, f"the declared text encoding '{name.strip()}' is not known") from exc


def _sidecar(shp: Path, suffix: str) -> Path | None:
    from .provenance import siblings

    return next((p for p in siblings(shp) if p.suffix.lower() == suffix), None)


def _cpg_file(shp: Path) -> Path | None:
    return _sidecar(shp, ".cpg")


def _dbf_file(shp: Path) -> Path | None:
    return _sidecar(shp, ".dbf")


def _dbf_text(dbf: Path) -> tuple[int, int, bytes]:
    """The DBF language byte, record length and raw bytes of its records (up to the scan limit)."""
    with open(dbf, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return 0, 1, b""
        header_len, record_len = struct.unpack("<HH", header[8:12])
        handle.seek(header_len)
        return header[29], max(record_len, 1), handle.read(_SCAN_BYTES)


def _first_decoding(raw: bytes) -> str:
    for codec in FALLBACKS:
        try:
            raw.decode(codec)
            return codec
        except UnicodeDecodeError:
            continue
    return "latin-1"  # unreachable: latin-1 decodes any byte


def shapefile_encoding(shp: Path, declared: str | None = None) -> EncodingChoice:
    """How to decode a shapefile's attributes: caller, then .cpg, then DBF byte, then detection."""
    if declared:
        return EncodingChoice(normalise_codec(declared, shp), "caller")
    cpg = _cpg_file(shp)
    if cpg is not None:
        text = cpg.read_bytes().decode("ascii", "ignore").strip()
        if text:
            return EncodingChoice(normalise_codec(text, cpg), ".cpg")
    dbf = _dbf_file(shp)
    if dbf is None:
        return EncodingChoice("utf-8", "default")
    ldid, record_len, raw = _dbf_text(dbf)
    if ldid in _LDID:
        return EncodingChoice(_LDID[ldid], "dbf header")
    codec = _first_decoding(raw)
    if codec == "utf-8":
        return EncodingChoice("utf-8", "detected")
    repair = Repair("decode", _count_non_ascii_records(raw, record_len),
                    f"no .cpg and no code page in the .dbf; text is not UTF-8, decoded as {codec}")
    return EncodingChoice(codec, "detected", repair)


def _count_non_ascii_records(raw: bytes, record_len: int) -> int:
    """How many DBF records hold a byte above 127 (the ones whose text the fallback decoded)."""
    import numpy as np

    rows = len(raw) // record_len
    table = np.frombuffer(raw[: rows * record_len], dtype=np.uint8).reshape(rows, record_len)
    return int((table > 127).any(axis=1).sum())


def decode_text(data: bytes, path: Path, declared: str | None = None) -> tuple[str, EncodingChoice]:
    """Decode a text file: the declared codec (strict), else UTF-8, then the fallbacks, reported."""
    if declared:
        codec = normalise_codec(declared, path)
        try:
            return data.decode(codec), EncodingChoice(codec, "caller")
        except UnicodeDecodeError as exc:
            raise EncodingError(path, f"the text is not valid {declared}: {exc.reason} at byte {exc.start}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), EncodingChoice("utf-16", "detected")
        except UnicodeDecodeError as exc:
            raise EncodingError(path, f"the text starts as UTF-16 but is not valid UTF-16 ({exc.reason})") from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "strict"), EncodingChoice("utf-8", "detected")
    codec = _first_decoding(data)
    if codec == "utf-8":
        return data.decode("utf-8"), EncodingChoice("utf-8", "detected")
    lines = sum(1 for line in data.splitlines() if any(b > 127 for b in line))
    repair = Repair("decode", lines, f"text is not UTF-8; decoded as {codec}")
    return data.decode(codec), EncodingChoice(codec, "detected", repair)


def invalid_text_columns(frame) -> list[str]:
    """Text columns whose Arrow-backed strings are not valid UTF-8 (a driver passed raw bytes)."""
    import pandas as pd
    import pyarrow as pa

    bad = []
    for name in frame.columns:
        series = frame[name]
        if name == getattr(frame, "_geometry_column_name", None) or not pd.api.types.is_string_dtype(series.dtype):
            continue
        try:
            pa.array(series).validate(full=True)
        except pa.ArrowInvalid:
            bad.append(str(name))
        except (pa.ArrowException, TypeError, ValueError):
            continue  # mixed Python objects: already decoded text
    return bad


def rows_with_non_ascii(frame, columns: list[str]) -> int:
    """How many rows hold a non-ASCII character in any of ``columns``."""
    import numpy as np

    hits = np.zeros(len(frame), dtype=bool)
    for name in columns:
        text = frame[name].astype("string").fillna("")
        hits |= ~text.str.isascii().fillna(True).to_numpy(bool)
    return int(hits.sum())
