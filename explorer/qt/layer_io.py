"""Loading user files into layers for the GUI: one function per question, no widgets.

``layers.loader.load_layer`` (the readers) does the reading, validation and repair; a
GeoPackage or archive with several layers gives one layer per dataset.  Bad input surfaces as
a :class:`layers.errors.LayerError` naming the file."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from layers.errors import LayerError, UnreadableFileError

__all__ = ["load_path", "load_paths", "file_filter"]

def file_filter() -> str:
    """The file-dialog filter of every format the readers accept."""
    from layers.loader import file_dialog_filter  # noqa: PLC0415

    english = file_dialog_filter()  # "Supported layers (*.gpkg ...)"
    patterns = english[english.index("("):] if "(" in english else ""
    supported = QCoreApplication.translate("LayerIO", "Supported layers")
    return f"{supported} {patterns};;{QCoreApplication.translate('LayerIO', 'All files (*)')}"


def _sub_layers(path: Path) -> list[str | None]:
    """Names of the vector layers inside ``path`` when it holds several, else ``[None]``."""
    from layers.formats import detect_format  # noqa: PLC0415
    from layers.readers import list_layers  # noqa: PLC0415

    if detect_format(path).kind == "raster":
        return [None]
    names = [name for name, geometry in list_layers(path) if geometry != "Table"]
    return names if len(names) > 1 else [None]


def load_path(path: str | Path) -> list[Any]:
    """Read one file into its layers (several for a multi-layer GeoPackage); LayerError on bad input."""
    from layers.loader import load_layer  # noqa: PLC0415 - the readers are heavy, imported late

    path = Path(path)
    try:
        return [load_layer(str(path), name) for name in _sub_layers(path)]
    except LayerError:
        raise
    except Exception as exc:  # readers promise LayerError; never let anything else reach a user
        raise UnreadableFileError(path, f"cannot be read ({type(exc).__name__}: {exc})") from exc


def load_paths(paths: list[str | Path]) -> tuple[list[Any], list[LayerError]]:
    """Read several files; returns the layers read and the errors of the files that failed."""
    layers: list[Any] = []
    errors: list[LayerError] = []
    for path in paths:
        try:
            layers.extend(load_path(path))
        except LayerError as exc:
            errors.append(exc)
    return layers, errors
