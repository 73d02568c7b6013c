"""A small, named hierarchy of the errors that bad input can cause.

Every error raised for bad input is a :class:`LayerError`.  Its message always names the file
and the problem, so the GUI can show it in a dialog and the CLI can print it on one line and
exit with code 2.  Code that reads user files must never let another exception type escape.
"""
from __future__ import annotations

from pathlib import Path

__all__ = [
    "LayerError",
    "UnreadableFileError",
    "EmptyLayerError",
    "UnsupportedFormatError",
    "MissingCRSError",
    "ArchiveError",
    "UnsafeArchivePathError",
    "NoDatasetInArchiveError",
    "MixedGeometryError",
    "GeometryError",
    "EncodingError",
    "FieldMappingError",
    "RasterGeoreferenceError",
    "ProjectError",
    "MissingDataError",
    "ProjectVersionError",
    "RegistryError",
]


class LayerError(Exception):
    """Bad input: the message names the file and says what is wrong with it."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else ""
        self.problem = problem
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{problem}")


class UnreadableFileError(LayerError):
    """The file does not exist, cannot be opened, or is corrupt."""


class EmptyLayerError(LayerError):
    """The file or layer holds no features (or only empty geometries)."""


class UnsupportedFormatError(LayerError):
    """The file's format is not one the app reads."""


class MissingCRSError(LayerError):
    """The data has no coordinate reference system and the caller supplied none."""


class ArchiveError(LayerError):
    """A zip or KMZ archive that cannot be used."""


class UnsafeArchivePathError(ArchiveError):
    """An archive entry has an absolute path or climbs out with ``..``."""


class NoDatasetInArchiveError(ArchiveError):
    """An archive that holds no dataset the app can read."""


class GeometryError(LayerError):
    """Geometries that cannot be used even after repair."""


class MixedGeometryError(GeometryError):
    """A layer mixes points, lines and polygons, which one role cannot hold."""


class EncodingError(LayerError):
    """Attribute text that cannot be decoded with the declared or any detected encoding."""


class FieldMappingError(LayerError):
    """A field mapping names a column the layer does not have."""


class RasterGeoreferenceError(LayerError):
    """A raster without a CRS or without a geotransform."""


class ProjectError(LayerError):
    """A project file that cannot be read or written."""


class ProjectVersionError(ProjectError):
    """A project file written by a newer, unknown schema version."""


class MissingDataError(ProjectError):
    """A project whose data files have moved; ``missing`` lists every path not found."""

    def __init__(self, path: str | Path | None, missing: list[str]):
        self.missing = list(missing)
        listed = ", ".join(self.missing)
        super().__init__(path, f"{len(self.missing)} data file(s) not found: {listed}")


class RegistryError(LayerError):
    """A partnership-registry CSV with a missing column, a bad value, a duplicated id or a
    reference to an unknown partnership or project; the message names the file and the row."""


# Added by the readers (helper "io"): two precise kinds that still satisfy the broader checks.
__all__ += ["EmptyFileError", "LayerNotFoundError"]


class EmptyFileError(EmptyLayerError, UnreadableFileError):
    """A file of 0 bytes: both empty and unreadable, so it is caught as either."""


class LayerNotFoundError(UnreadableFileError):
    """The layer asked for is not in the file; the message lists the layers that are."""
