"""Records of a project: :class:`LayerRef` (one layer, by reference to its file) and
:class:`Project` (layers, analysis settings, last result hashes), and their JSON form.

In memory every data path is absolute.  In the file every path is written relative to the
project file's folder with ``/`` separators, so a folder holding a project and its data can be
moved or shared as a whole.  :mod:`layers.project` reads and writes the file.
"""
from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from .model import FieldMapping
from .roles import SENSITIVE_ROLES, Role
from .styles import Style, default_style

__all__ = [
    "SCHEMA_VERSION",
    "PROJECT_SUFFIX",
    "LAYER_KINDS",
    "LayerRef",
    "Project",
    "default_settings",
    "relative_data_path",
    "resolve_data_path",
]

#: Version of the JSON layout written by this code; files with a higher one are refused.
SCHEMA_VERSION = 1
#: File name suffix of project files (the content is JSON).
PROJECT_SUFFIX = ".mieproj"
#: ``vector`` and ``raster`` files, or a ``registry`` folder of partnership CSVs.
LAYER_KINDS = ("vector", "raster", "registry")


def default_settings() -> dict[str, Any]:
    """Analysis settings of a new project (keys as in ``AnalysisSettings.as_dict``)."""
    return {
        "rings_km": [1.0, 5.0, 10.0, 25.0, 50.0],
        "reach_km": 100.0,
        "roles": [role.value for role in SENSITIVE_ROLES],
        "raster_change": [],
        "mining_class": 30,
    }


@dataclass
class LayerRef:
    """One layer of a project: where its data is and how it is used and drawn.

    ``path`` is the data file (or, for ``kind="registry"``, the folder of partnership CSVs);
    ``layer`` the layer inside a multi-layer file (GeoPackage); ``name`` the display name.
    ``crs_override`` and ``encoding`` are the user's answers for files that lack them;
    ``categorical`` applies to rasters (None lets the reader decide).
    """

    path: str
    name: str
    role: Role = Role.CONTEXT
    layer: str | None = None
    kind: str = "vector"
    mapping: FieldMapping = field(default_factory=FieldMapping)
    style: Style | None = None
    visible: bool = True
    opacity: float = 1.0
    order: int = 0
    crs_override: str | None = None
    encoding: str | None = None
    categorical: bool | None = None

    def __post_init__(self) -> None:
        self.role = self.role if isinstance(self.role, Role) else Role.parse(str(self.role))
        if self.kind not in LAYER_KINDS:
            raise ValueError(f"layer kind must be one of {LAYER_KINDS}, got {self.kind!r}")
        style = self.style if self.style is not None else default_style(self.role)
        self.style = style.with_changes(visible=self.visible, opacity=self.opacity)
        self.path = os.path.normpath(os.path.abspath(os.fspath(self.path)))

    def as_dict(self, folder: Path) -> dict[str, Any]:
        """JSON-ready dict with ``path`` relative to ``folder`` (the project file's folder)."""
        return {
            "path": relative_data_path(self.path, folder),
            "layer": self.layer,
            "name": self.name,
            "role": self.role.value,
            "kind": self.kind,
            "mapping": self.mapping.as_dict(),
            "style": _without(self.style.as_dict(), "visible", "opacity"),  # the ref's own win
            "visible": self.visible,
            "opacity": self.opacity,
            "order": self.order,
            "crs_override": self.crs_override,
            "encoding": self.encoding,
            "categorical": self.categorical,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], folder: Path) -> "LayerRef":
        """Inverse of :meth:`as_dict`; raises KeyError, TypeError or ValueError on bad input."""
        return cls(
            path=resolve_data_path(_text(data, "path"), folder),
            name=_text(data, "name"),
            role=Role.parse(_text(data, "role")),
            layer=_optional(data, "layer", str),
            kind=data.get("kind", "vector"),
            mapping=FieldMapping.from_dict(_optional(data, "mapping", dict)),
            style=_style(_optional(data, "style", dict)),
            visible=_optional(data, "visible", bool) is not False,
            opacity=_number(data, "opacity", 1.0, 0.0, 1.0),
            order=int(_number(data, "order", 0, -1e9, 1e9)),
            crs_override=_optional(data, "crs_override", str),
            encoding=_optional(data, "encoding", str),
            categorical=_optional(data, "categorical", bool),
        )


@dataclass
class Project:
    """A saved piece of work: layers by reference, analysis settings and last result hashes.

    ``settings`` is a plain JSON-ready dict (see :func:`default_settings`); ``last_results``
    maps a result name (``"metrics.csv"``, ``"analysis"``, ...) to its SHA-256.  ``path`` is
    where the project was last loaded from or saved to (None for a new project).
    """

    title: str = "Untitled project"
    layers: list[LayerRef] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=default_settings)
    last_results: dict[str, str] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
    path: Path | None = field(default=None, compare=False)

    def sorted_layers(self) -> list[LayerRef]:
        """The layers in drawing order (``order`` ascending, bottom first)."""
        return sorted(self.layers, key=lambda ref: ref.order)

    def add_layer(self, ref: LayerRef) -> LayerRef:
        """Append ``ref`` on top of the others (its ``order`` is set) and return it."""
        ref.order = max((r.order for r in self.layers), default=-1) + 1
        self.layers.append(ref)
        return ref

    def data_paths(self) -> list[str]:
        """Every data path the project refers to, in drawing order, without repeats."""
        return list(dict.fromkeys(ref.path for ref in self.sorted_layers()))

    @property
    def registry_path(self) -> Path | None:
        """Folder of the partnership registry the project refers to, if any."""
        refs = [ref for ref in self.sorted_layers() if ref.kind == "registry"]
        return Path(refs[0].path) if refs else None

    @property
    def registry(self):
        """The partnership :class:`~layers.partnerships.Registry` of the project, or None.

        Read from its CSV files on each access (they are small); raises the registry's
        LayerError if they are broken.
        """
        if self.registry_path is None:
            return None
        from .partnerships import read_registry

        return read_registry(self.registry_path)

    def as_dict(self, folder: Path) -> dict[str, Any]:
        """The JSON document, with data paths relative to ``folder``."""
        return {
            "schema_version": SCHEMA_VERSION,
            "app": "mining-impact-explorer",
            "title": self.title,
            "layers": [ref.as_dict(folder) for ref in self.sorted_layers()],
            "settings": copy.deepcopy(self.settings),
            "last_results": dict(self.last_results),
        }


def relative_data_path(path: str, folder: Path) -> str:
    """``path`` relative to ``folder`` with ``/`` separators (absolute if on another drive)."""
    try:
        relative = os.path.relpath(path, os.path.abspath(folder))
    except ValueError:  # Windows: another drive has no relative path
        return Path(path).as_posix()
    return Path(relative).as_posix()


def resolve_data_path(text: str, folder: Path) -> str:
    """Absolute path of ``text`` as written in a project file whose folder is ``folder``."""
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
        return os.path.normpath(text)
    parts = PurePosixPath(text.replace("\\", "/")).parts
    return os.path.normpath(os.path.join(os.path.abspath(folder), *parts))


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{key}' must be a non-empty text, got {value!r}")
    return value


def _without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in keys}


def _number(data: dict[str, Any], key: str, default: float, low: float, high: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValueError(f"'{key}' must be a number from {low:g} to {high:g}, got {value!r}")
    return value


def _style(data: dict[str, Any] | None) -> Style | None:
    """A Style from its dict, refusing values of the wrong type (a renderer would crash)."""
    if not data:
        return None
    style, default = Style.from_dict(data), Style()
    for item in fields(Style):
        value, usual = getattr(style, item.name), getattr(default, item.name)
        kinds = (str, type(None)) if usual is None else (int, float) if isinstance(usual, float) \
            else type(usual)
        if isinstance(value, bool) != isinstance(usual, bool) or not isinstance(value, kinds):
            raise TypeError(f"style '{item.name}' must be like {usual!r}, got {value!r}")
    return style


def _optional(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise TypeError(f"'{key}' must be {kind.__name__} or null, got {value!r}")
    return value
