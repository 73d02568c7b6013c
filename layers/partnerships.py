"""The partnership registry: critical-minerals partnerships between governments and the
projects tied to them, with each project's location or the finding that none was disclosed.

Three CSV files, as in ``sample_data`` and ``../shared/data/partnerships``:
``partnerships.csv`` (one row per instrument), ``projects.csv`` (one row per project, with
``partnership_ids_or_list``) and ``project_locations.csv`` (a point per located project,
joined on ``project_id``; optional).  :func:`read_registry` reads and checks them;
:meth:`Registry.projects_layer` turns the located projects into a point layer.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .boundary import guarded
from .errors import RegistryError
from .registry_build import (
    build_registry_records,
    partnerships_frame,
    projects_frame,
    projects_geoframe,
    registry_provenance,
)

__all__ = [
    "Partnership",
    "PartnershipProject",
    "Registry",
    "read_registry",
    "registry_files",
    "REGISTRY_FILES",
    "REGISTRY_DRIVER",
    "TEXT_PUBLIC_VALUES",
]

#: Standard file names in a registry folder (the locations file is optional).
REGISTRY_FILES = {"partnerships": "partnerships.csv", "projects": "projects.csv",
                  "locations": "project_locations.csv"}
#: ``Provenance.driver`` of the projects layer, so a project file can re-open it.
REGISTRY_DRIVER = "partnership registry (CSV)"
#: Allowed values of ``text_public``.
TEXT_PUBLIC_VALUES = ("yes", "unknown", "no")


@dataclass(frozen=True)
class Partnership:
    """A government-to-government instrument on critical minerals.

    ``date_signed`` is the text as the source gave it; ``date_iso`` is set only when that text
    is one plain ISO date (inferred or qualified dates are not certain); ``year`` whenever the
    text starts with one.  ``text_public`` is ``"yes"``, ``"unknown"`` or ``"no"``.
    """

    id: str
    name: str
    parties: tuple[str, ...]
    date_signed: str
    date_iso: str | None
    year: int | None
    instrument: str
    focus_areas: tuple[str, ...]
    text_public: str
    source_url: str = ""
    notes: str = ""

    @property
    def date_certain(self) -> bool:
        """True when the signature date is a plain, unqualified ISO date."""
        return self.date_iso is not None

    def as_dict(self) -> dict:
        """A JSON-ready dict (lists joined by ``"; "`` are left to table writers)."""
        return asdict(self)


@dataclass(frozen=True)
class PartnershipProject:
    """A mining, processing or infrastructure project tied to partnerships or project lists.

    ``partnership_ids`` are the ``P..`` ids named in ``links_text``; ``lists`` the project
    lists it is on (CRMA strategic projects); ``country_level_link`` marks links that rest on
    the project's country only.  ``latitude``/``longitude`` come from the locations file with
    their ``coordinate_precision`` (site, town, region) and ``coordinate_source``; a project
    without them is ``disclosed == False``: "location not disclosed", a finding in itself.
    """

    id: str
    name: str
    operator: str
    country: str
    commodity: str
    partnership_ids: tuple[str, ...]
    lists: tuple[str, ...]
    links_text: str
    country_level_link: bool
    location_text: str
    location_precision: str
    latitude: float | None = None
    longitude: float | None = None
    coordinate_precision: str | None = None
    coordinate_source: str | None = None
    coordinate_quote: str | None = None
    source_url: str = ""
    notes: str = ""

    @property
    def disclosed(self) -> bool:
        """True when the project has a point; False means "location not disclosed"."""
        return self.latitude is not None and self.longitude is not None

    def as_dict(self) -> dict:
        """A JSON-ready dict, with ``disclosed``."""
        return {**asdict(self), "disclosed": self.disclosed}


@dataclass(frozen=True)
class Registry:
    """Partnerships and projects read from one registry; ``files`` is ``((path, sha256), ...)``."""

    partnerships: tuple[Partnership, ...]
    projects: tuple[PartnershipProject, ...]
    folder: str
    files: tuple[tuple[str, str], ...] = ()

    def partnership(self, partnership_id: str) -> Partnership:
        """The partnership with this id (KeyError if none)."""
        for item in self.partnerships:
            if item.id == partnership_id:
                return item
        raise KeyError(partnership_id)

    def project(self, project_id: str) -> PartnershipProject:
        """The project with this id (KeyError if none)."""
        for item in self.projects:
            if item.id == project_id:
                return item
        raise KeyError(project_id)

    def projects_of(self, partnership_id: str) -> list[PartnershipProject]:
        """Projects that name ``partnership_id``."""
        return [p for p in self.projects if partnership_id in p.partnership_ids]

    def undisclosed(self) -> list[PartnershipProject]:
        """Projects whose location was not disclosed (no point)."""
        return [p for p in self.projects if not p.disclosed]

    def located(self) -> list[PartnershipProject]:
        """Projects with a point."""
        return [p for p in self.projects if p.disclosed]

    def partnerships_table(self):
        """A pandas DataFrame of the partnerships, with how many projects (and located ones)
        name each; lists are joined with ``"; "``."""
        return partnerships_frame(self)

    def projects_table(self):
        """A pandas DataFrame of every project, located or not, with ``disclosed``."""
        return projects_frame(self.projects)

    def projects_layer(self):
        """The located projects as a ``VectorLayer`` of role PROJECT, EPSG:4326 points.

        Its provenance lists the SHA-256 of every CSV read, and records the projects left
        out because their location is not disclosed.
        """
        from .model import FieldMapping, VectorLayer
        from .roles import Role

        mapping = FieldMapping(schema="partnership_registry", id="id", name="name",
                               holder="operator", commodity="commodity")
        frame = projects_geoframe(self.located())
        provenance = registry_provenance(self, frame, REGISTRY_DRIVER)
        return VectorLayer(name="Partnership projects", role=Role.PROJECT, frame=frame,
                           provenance=provenance, mapping=mapping)


@guarded
def read_registry(source: str | Path | Sequence[str | Path] | Mapping[str, str | Path]) -> Registry:
    """Read a registry from a folder, or from the paths of its CSV files.

    ``source`` is a folder holding the standard file names, one of those files, a sequence
    of paths (recognised by name: ``*location*``, ``*partnership*``, ``*project*``) or a
    mapping with keys ``partnerships``, ``projects`` and optionally ``locations``.
    Raises RegistryError (or another LayerError) naming the file and row of any problem.
    """
    paths = registry_files(source)
    partnerships, projects = build_registry_records(paths, TEXT_PUBLIC_VALUES)
    partnerships = tuple(Partnership(**fields) for fields in partnerships)
    projects = tuple(PartnershipProject(**fields) for fields in projects)
    folder = str(Path(paths["projects"]).resolve().parent)
    files = tuple((str(p), _hash(p)) for p in paths.values() if p is not None)
    return Registry(partnerships, projects, folder, files)


def registry_files(source) -> dict[str, Path | None]:
    """``{"partnerships": path, "projects": path, "locations": path or None}`` of ``source``."""
    if isinstance(source, Mapping):
        found = {key: Path(value) for key, value in source.items() if value is not None}
    elif isinstance(source, (str, Path)):
        folder = Path(source) if Path(source).is_dir() else Path(source).parent
        found = {key: folder / name for key, name in REGISTRY_FILES.items()}
        if not found["locations"].exists():
            del found["locations"]
    else:
        found = {_kind_of(Path(p)): Path(p) for p in source}
    for key in ("partnerships", "projects"):
        if key not in found:
            raise RegistryError(str(source), f"no {REGISTRY_FILES[key]} given or found")
    return {"partnerships": found["partnerships"], "projects": found["projects"],
            "locations": found.get("locations")}


def _kind_of(path: Path) -> str:
    name = path.name.lower()
    for word, kind in (("location", "locations"), ("partnership", "partnerships"),
                       ("project", "projects")):
        if word in name:
            return kind
    raise RegistryError(path, "is not a registry file (expected partnerships, projects or "
                              "project_locations in its name)")


def _hash(path: Path) -> str:
    from .registry_csv import sha256_file

    return sha256_file(path)
