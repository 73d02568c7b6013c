"""Crash-safe file writing: a reader sees either the whole old file or the whole new one.

The new bytes go to a hidden temporary file in the same folder (so the final rename never
crosses a file system), are flushed and fsynced, and only then renamed over the target with
:func:`os.replace`, which is atomic on POSIX and Windows.  The folder is fsynced afterwards so
the rename itself survives a power cut.  The previous copy is kept next to the target as
``<name>.bak``, written the same way, before the target is replaced.

Temporary files are named ``.<name>.<random>.tmp``: hidden, and never ending in the target's
own suffix, so a temp file left by a killed process cannot be mistaken for the real file.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

__all__ = ["atomic_write_bytes", "backup_path", "stale_temp_files", "TEMP_SUFFIX", "STALE_SECONDS"]

#: Suffix of the temporary files written before the final rename.
TEMP_SUFFIX = ".tmp"
#: Temp files older than this were left by a save that died; younger ones may belong to a
#: save still running in another window, and are left alone.
STALE_SECONDS = 600
_CHUNK = 1 << 20  # write in 1 MiB chunks


def backup_path(path: str | Path) -> Path:
    """Where the previous copy of ``path`` is kept: ``<name>.bak`` in the same folder."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def stale_temp_files(path: str | Path, *, older_than: float = 0.0) -> list[Path]:
    """Temporary files next to ``path`` (left by saves that never finished, or running)
    whose last change is at least ``older_than`` seconds old."""
    path = Path(path)
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    found = [path.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]
    return sorted(p for p in found if older_than <= 0 or _age(p) >= older_than)


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return -1.0


def atomic_write_bytes(path: str | Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file as ``<name>.bak``.

    Raises OSError when the folder is missing or not writable; the old file is then intact.
    """
    path = Path(path)
    if keep_backup and path.is_file():
        _replace_with(backup_path(path), path.read_bytes())
    _replace_with(path, data)
    for junk in stale_temp_files(path, older_than=STALE_SECONDS):  # left by killed saves
        _unlink_quietly(junk)


def _replace_with(target: Path, data: bytes) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                    dir=target.parent)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, target)
    except BaseException:
        _unlink_quietly(Path(tmp_name))
        raise
    _fsync_folder(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; folders cannot be opened for fsync on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
