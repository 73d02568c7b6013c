"""What a bad-input error means, in the interface language.

``layers`` has no Qt and writes its messages in English (they also go to logs and to the
command line).  The dialogs put a translated sentence for the kind of error first, then the
file name and the recorded detail.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from layers import errors

__all__ = ["layer_error_text"]


def _summaries() -> list[tuple[type, str]]:
    """(error class, translated sentence), most specific classes first."""
    tr = QCoreApplication  # lupdate reads QCoreApplication.translate("Errors", "...") literally
    return [
        (errors.EmptyFileError, tr.translate("Errors", "The file is empty.")),
        (errors.LayerNotFoundError, tr.translate("Errors", "The layer was not found in the file.")),
        (errors.UnreadableFileError, tr.translate("Errors", "The file could not be read.")),
        (errors.EmptyLayerError, tr.translate("Errors", "The layer has no features.")),
        (errors.UnsupportedFormatError, tr.translate("Errors", "This file format is not supported.")),
        (errors.MissingCRSError, tr.translate("Errors", "The layer does not say which coordinate reference system it uses.")),
        (errors.UnsafeArchivePathError, tr.translate("Errors", "The archive holds a path that would leave its folder; nothing was extracted.")),
        (errors.NoDatasetInArchiveError, tr.translate("Errors", "The archive holds no map layer.")),
        (errors.ArchiveError, tr.translate("Errors", "The archive could not be opened.")),
        (errors.MixedGeometryError, tr.translate("Errors", "The layer mixes points, lines and polygons.")),
        (errors.GeometryError, tr.translate("Errors", "The layer's geometries cannot be used.")),
        (errors.EncodingError, tr.translate("Errors", "The attribute text could not be decoded.")),
        (errors.FieldMappingError, tr.translate("Errors", "The layer's fields do not give what this role needs.")),
        (errors.RasterGeoreferenceError, tr.translate("Errors", "The raster is not georeferenced.")),
        (errors.MissingDataError, tr.translate("Errors", "Some files of the project are missing.")),
        (errors.ProjectVersionError, tr.translate("Errors", "The project was saved by a newer version of the app.")),
        (errors.ProjectError, tr.translate("Errors", "The project file could not be read.")),
        (errors.RegistryError, tr.translate("Errors", "The partnership registry could not be read.")),
    ]


def layer_error_text(exc: errors.LayerError) -> str:
    """The translated sentence for the kind of ``exc``, then its message (file and detail)."""
    summary = next((text for kind, text in _summaries() if isinstance(exc, kind)),
                   QCoreApplication.translate("Errors", "The data could not be used."))
    detail = QCoreApplication.translate("Errors", "Details: %1").replace("%1", str(exc))
    return f"{summary}\n{detail}"
