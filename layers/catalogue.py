"""The bundled Amapá sample: its catalogue (which file plays which role, from where, under
which licence) and the sample project built from it.

The sample is read straight from the installed ``sample_data`` package and never written
there: :func:`load_sample_project` builds the project in memory, and
:func:`sample_project_path` writes a project file into the user's data folder only when a
path is really needed (for instance by the command line).
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LayerError, ProjectError, UnreadableFileError
from .model import FieldMapping
from .project import LayerRef, Project, default_settings, load_project, save_project
from .roles import Role

__all__ = [
    "CatalogueEntry",
    "sample_catalogue",
    "sample_dir",
    "load_sample_project",
    "sample_project_path",
    "user_data_dir",
    "SAMPLE_TITLE",
    "SAMPLE_PROJECT_NAME",
]

SAMPLE_TITLE = "Amapá sample"
SAMPLE_PROJECT_NAME = "amapa-sample.mieproj"
#: Drawing order of the sample, bottom first.
_ROLE_ORDER = (Role.CONTEXT, Role.RASTER, Role.BASIN, Role.PROTECTED_AREA,
               Role.INDIGENOUS_TERRITORY, Role.RIVER, Role.CONCESSION, Role.COMMUNITY,
               Role.PROJECT)
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class CatalogueEntry:
    """One sample file: its role, display name, description, source, publisher and licence.

    ``registry`` names a folder of partnership CSVs when the entry stands for the registry.
    """

    file: str
    role: Role
    name: str
    layer: str | None = None
    description: str = ""
    source: str = ""
    publisher: str = ""
    licence: str = ""
    crs: str | None = None
    features: int | None = None
    mapping: FieldMapping = field(default_factory=FieldMapping)
    registry: str | None = None

    @property
    def path(self) -> Path:
        """The data path: the registry folder for the registry, else the file."""
        return sample_dir() / (self.registry or self.file)

    @property
    def kind(self) -> str:
        """``registry``, ``raster`` (GeoTIFF) or ``vector``."""
        if self.registry:
            return "registry"
        return "raster" if Path(self.file).suffix.lower() in (".tif", ".tiff") else "vector"

    @property
    def year(self) -> int | None:
        """The year named in the file or display name (used to pair land-cover rasters)."""
        match = _YEAR.search(self.file) or _YEAR.search(self.name)
        return int(match.group(0)) if match else None


def sample_dir() -> Path:
    """Folder of the installed sample data (``sample_data.SAMPLE_DIR``)."""
    from sample_data import SAMPLE_DIR

    return Path(SAMPLE_DIR)


def sample_catalogue() -> list[CatalogueEntry]:
    """The entries of ``sample_data/catalogue.json``, in file order."""
    path = sample_dir() / "catalogue.json"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableFileError(path, f"sample catalogue cannot be read ({exc})") from exc
    if not isinstance(entries, list):
        raise UnreadableFileError(path, "sample catalogue is not a JSON list")
    return [_entry(item, number, path) for number, item in enumerate(entries, 1)]


def _entry(item: Any, number: int, path: Path) -> CatalogueEntry:
    try:
        return CatalogueEntry(
            file=item["file"], role=Role.parse(item["role"]), name=item["name"],
            layer=item.get("layer"), description=item.get("description", ""),
            source=item.get("source", ""), publisher=item.get("publisher", ""),
            licence=item.get("licence", ""), crs=item.get("crs"),
            features=item.get("features"), mapping=FieldMapping.from_dict(item.get("mapping")),
            registry=item.get("registry"))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UnreadableFileError(path, f"catalogue entry {number} is invalid ({exc!r})") from exc


def load_sample_project() -> Project:
    """The sample project, built in memory from the catalogue; nothing is written.

    Settings: rings 1, 5, 10, 25, 50 km; reach 100 km; the MapBiomas change pair (earliest
    and latest land-cover raster, 1985 -> 2020); class 30 = mining.  The partnership
    registry is one of its layers (``kind="registry"``).
    """
    entries = sorted(sample_catalogue(), key=lambda e: _ROLE_ORDER.index(e.role)
                     if e.role in _ROLE_ORDER else len(_ROLE_ORDER))
    rasters = sorted((e for e in entries if e.kind == "raster"), key=lambda e: e.year or 0)
    settings = {**default_settings(), "mining_class": 30,
                "raster_change": [rasters[0].name, rasters[-1].name] if len(rasters) > 1 else []}
    project = Project(title=SAMPLE_TITLE, settings=settings)
    for entry in entries:
        project.add_layer(_layer_ref(entry, visible=entry not in rasters[:-1]))
    return project


def _layer_ref(entry: CatalogueEntry, *, visible: bool) -> LayerRef:
    return LayerRef(path=str(entry.path), name=entry.name, role=entry.role,
                    layer=entry.layer if entry.kind == "vector" else None, kind=entry.kind,
                    mapping=entry.mapping if entry.kind != "registry" else FieldMapping(),
                    visible=visible,
                    categorical=True if entry.kind == "raster" else None)


def user_data_dir() -> Path:
    """The app's folder for user data: ``$XDG_DATA_HOME`` (or the platform's equivalent)."""
    if sys.platform.startswith("win"):
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mining-impact-explorer"


def sample_project_path() -> Path:
    """A project file for the sample, in the user's data folder (written when needed).

    An existing file that loads with all its data is kept as it is, so a user's saved
    changes survive; a missing, broken or stale one (the package moved) is rewritten, the
    old copy kept as ``.bak``.  Raises ProjectError if the folder cannot be written.
    """
    path = user_data_dir() / "sample" / SAMPLE_PROJECT_NAME
    if path.is_file():
        try:
            load_project(path)
            return path
        except LayerError:
            pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProjectError(path, f"cannot be created: {exc.strerror or exc}") from exc
    return save_project(load_sample_project(), path)
