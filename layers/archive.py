"""Zip and KMZ archives, opened safely.

Every entry is checked BEFORE anything is extracted: absolute paths, drive letters, ``..``
components and symbolic links are refused (UnsafeArchivePathError), and the declared
uncompressed size is capped against zip bombs.  Extraction then copies each entry with a byte
counter, so an archive that lies about its sizes is stopped too.
"""
from __future__ import annotations

import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterator

from .errors import ArchiveError, NoDatasetInArchiveError, UnreadableFileError, UnsafeArchivePathError

__all__ = [
    "MAX_UNCOMPRESSED_BYTES",
    "MAX_ENTRIES",
    "DATASET_SUFFIXES",
    "check_archive",
    "extracted",
    "datasets_in",
    "pick_dataset",
]

#: Largest total uncompressed size accepted (2 GiB).
MAX_UNCOMPRESSED_BYTES = 2 << 30
#: Most entries accepted in one archive.
MAX_ENTRIES = 20_000
#: Readable dataset files inside an archive, in order of preference.
DATASET_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json", ".kml", ".fgb", ".parquet", ".geoparquet", ".csv")

_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    posix = name.replace("\\", "/")
    if "\x00" in name:
        return "has a NUL character in its name"
    if posix.startswith("/") or _DRIVE.match(posix):
        return "has an absolute path"
    if ".." in PurePosixPath(posix).parts:
        return "climbs out of the archive's folder with '..'"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    return None


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFileError(path, f"the archive is corrupt or not a zip file ({exc})") from exc


def check_archive(path: Path, limit: int | None = None) -> list[zipfile.ZipInfo]:
    """The archive's entries, after refusing unsafe paths, links, encryption and oversize content."""
    limit = MAX_UNCOMPRESSED_BYTES if limit is None else limit
    with _open_zip(path) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise ArchiveError(path, f"the archive holds {len(entries)} entries, more than the {MAX_ENTRIES} accepted")
    for info in entries:
        reason = _unsafe_reason(info)
        if reason:
            raise UnsafeArchivePathError(
                path, f"archive entry '{info.filename}' {reason}; it was refused and nothing was extracted")
        if info.flag_bits & 0x1:
            raise ArchiveError(path, f"archive entry '{info.filename}' is password-protected")
    total = sum(info.file_size for info in entries)
    if total > limit:
        raise ArchiveError(path, f"the archive would expand to {total:,} bytes, more than the "
                                 f"{limit:,} accepted (a possible zip bomb); nothing was extracted")
    return entries


def _copy_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: int, path: Path) -> int:
    written = 0
    with archive.open(info) as source, open(target, "wb") as sink:
        for block in iter(lambda: source.read(1 << 20), b""):
            written += len(block)
            if written > budget:
                raise ArchiveError(path, "the archive expands beyond its declared size (a possible zip bomb)")
            sink.write(block)
    return written


def _extract_all(path: Path, entries: list[zipfile.ZipInfo], folder: Path) -> None:
    budget = min(sum(i.file_size for i in entries), MAX_UNCOMPRESSED_BYTES)
    root = folder.resolve()
    with _open_zip(path) as archive:
        for info in entries:
            target = (folder / info.filename.replace("\\", "/")).resolve()
            if root not in target.parents and target != root:
                raise UnsafeArchivePathError(path, f"archive entry '{info.filename}' escapes its folder")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                budget -= _copy_capped(archive, info, target, budget, path)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
                raise UnreadableFileError(path, f"archive entry '{info.filename}' is corrupt ({exc})") from exc
            except RuntimeError as exc:  # e.g. unsupported compression method
                raise ArchiveError(path, f"archive entry '{info.filename}' cannot be extracted ({exc})") from exc


@contextmanager
def extracted(path: Path) -> Iterator[Path]:
    """Check the archive, extract it into a temporary folder, yield the folder, then delete it."""
    entries = check_archive(path)
    folder = Path(tempfile.mkdtemp(prefix="mie-archive-"))
    try:
        _extract_all(path, entries, folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in relative.parts)


def datasets_in(folder: Path, suffixes: tuple[str, ...] = DATASET_SUFFIXES) -> list[Path]:
    """Readable datasets in an extracted folder (hidden and macOS metadata files skipped)."""
    found = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
             and not _hidden(p.relative_to(folder))]
    rank = {s: i for i, s in enumerate(suffixes)}
    return sorted(found, key=lambda p: (rank[p.suffix.lower()], str(p.relative_to(folder)).lower()))


def pick_dataset(archive: Path, folder: Path, datasets: list[Path], wanted: str | None) -> Path:
    """The dataset named ``wanted`` (its path in the archive or its stem), else the only/first one."""
    if not datasets:
        raise NoDatasetInArchiveError(
            archive, "the archive holds no dataset the app can read (looked for: " + ", ".join(DATASET_SUFFIXES) + ")")
    if wanted is None:
        return datasets[0]
    for candidate in datasets:
        relative = candidate.relative_to(folder).as_posix()
        if wanted in (relative, candidate.name, candidate.stem):
            return candidate
    raise NoDatasetInArchiveError(archive, f"the archive holds no dataset named '{wanted}'")
