"""From checked CSV rows to the fields of the registry records, and from records to a point
layer with its provenance.  Used by :mod:`layers.partnerships`."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Sequence

from .errors import RegistryError
from .registry_csv import (
    CsvRow,
    check_unique_ids,
    list_names_in,
    parse_coordinate,
    parse_date,
    partnership_ids_in,
    read_rows,
    split_items,
)

__all__ = [
    "REQUIRED_COLUMNS",
    "build_registry_records",
    "projects_frame",
    "projects_geoframe",
    "partnerships_frame",
    "registry_provenance",
]

#: Columns each file must have (others, such as notes, are read when present).
REQUIRED_COLUMNS = {
    "partnerships": ("id", "name", "parties", "date_signed", "instrument", "focus_areas",
                     "text_public"),
    "projects": ("id", "name", "operator", "country", "commodity", "partnership_ids_or_list",
                 "location_text", "location_precision"),
    "locations": ("project_id", "latitude", "longitude", "precision"),
}
_COUNTRY_LINK = "country-level link"
_PROJECT_COLUMNS = ["id", "name", "operator", "country", "commodity", "partnership_ids", "lists",
                    "country_level_link", "location_text", "location_precision", "disclosed",
                    "latitude", "longitude", "coordinate_precision", "coordinate_source"]


def build_registry_records(paths: dict[str, Path | None],
                           text_public_values: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """Field dicts of the partnerships and of the projects, checked across the files."""
    partnerships = _partnerships(paths["partnerships"], text_public_values)
    known = {fields["id"] for fields in partnerships}
    projects = _projects(paths["projects"], known)
    if paths.get("locations") is not None:
        _join_locations(paths["locations"], projects)
    return partnerships, list(projects.values())


def _partnerships(path: Path, allowed: tuple[str, ...]) -> list[dict]:
    rows = read_rows(path, REQUIRED_COLUMNS["partnerships"])
    check_unique_ids(path, rows)
    return [_partnership_fields(path, row, allowed) for row in rows]


def _partnership_fields(path: Path, row: CsvRow, allowed: tuple[str, ...]) -> dict[str, Any]:
    v = row.values
    text_public = v["text_public"].lower()
    if text_public not in allowed:
        raise RegistryError(path, f"{row.where()}: text_public {v['text_public']!r} is not one "
                                  f"of {', '.join(allowed)}")
    date_iso, year = parse_date(v["date_signed"])
    return dict(id=v["id"], name=v["name"], parties=split_items(v["parties"]),
                date_signed=v["date_signed"], date_iso=date_iso, year=year,
                instrument=v["instrument"], focus_areas=split_items(v["focus_areas"]),
                text_public=text_public, source_url=v.get("source_url", ""),
                notes=v.get("notes", ""))


def _projects(path: Path, known_partnerships: set[str]) -> dict[str, dict]:
    rows = read_rows(path, REQUIRED_COLUMNS["projects"])
    check_unique_ids(path, rows)
    return {row.values["id"]: _project_fields(path, row, known_partnerships) for row in rows}


def _project_fields(path: Path, row: CsvRow, known: set[str]) -> dict[str, Any]:
    v = row.values
    links = v["partnership_ids_or_list"]
    ids = partnership_ids_in(links)
    unknown = [pid for pid in ids if pid not in known]
    if unknown:
        raise RegistryError(path, f"{row.where()}: refers to unknown partnership(s) "
                                  f"{', '.join(unknown)}")
    fields = dict(id=v["id"], name=v["name"], operator=v["operator"], country=v["country"],
                  commodity=v["commodity"], partnership_ids=ids, lists=list_names_in(links),
                  links_text=links, country_level_link=_COUNTRY_LINK in links.lower(),
                  location_text=v["location_text"], location_precision=v["location_precision"],
                  source_url=v.get("source_url", ""), notes=v.get("notes", ""))
    if v.get("latitude") or v.get("longitude"):  # coordinates given in projects.csv itself
        fields.update(_point(path, row, "id"), coordinate_precision=v["location_precision"],
                      coordinate_source=v.get("source_url", ""))
    return fields


def _join_locations(path: Path, projects: dict[str, dict]) -> None:
    rows = read_rows(path, REQUIRED_COLUMNS["locations"])
    check_unique_ids(path, rows, "project_id")
    for row in rows:
        v = row.values
        if v["project_id"] not in projects:
            raise RegistryError(path, f"{row.where('project_id')}: no project with id "
                                      f"{v['project_id']!r} in projects.csv")
        projects[v["project_id"]].update(
            _point(path, row, "project_id"), coordinate_precision=v["precision"] or None,
            coordinate_source=v.get("source_url") or None,
            coordinate_quote=v.get("source_quote") or None)


def _point(path: Path, row: CsvRow, id_column: str) -> dict[str, float]:
    return {"latitude": parse_coordinate(path, row, "latitude", 90.0, id_column),
            "longitude": parse_coordinate(path, row, "longitude", 180.0, id_column)}


def projects_frame(projects: Sequence[Any]) -> Any:
    """pandas DataFrame of ``projects`` (located or not), lists joined with ``"; "``."""
    import pandas as pd

    rows = [{
        "id": p.id, "name": p.name, "operator": p.operator, "country": p.country,
        "commodity": p.commodity, "partnership_ids": "; ".join(p.partnership_ids),
        "lists": "; ".join(p.lists), "country_level_link": p.country_level_link,
        "location_text": p.location_text, "location_precision": p.location_precision,
        "disclosed": p.disclosed, "latitude": p.latitude, "longitude": p.longitude,
        "coordinate_precision": p.coordinate_precision or "",
        "coordinate_source": p.coordinate_source or "",
    } for p in projects]
    return pd.DataFrame(rows, columns=_PROJECT_COLUMNS)


def projects_geoframe(projects: Sequence[Any]) -> Any:
    """GeoDataFrame (EPSG:4326 points) of located projects, lists joined with ``"; "``."""
    import geopandas as gpd
    from shapely.geometry import Point

    frame = projects_frame(projects).drop(columns=["disclosed", "latitude", "longitude"])
    geometry = [Point(p.longitude, p.latitude) for p in projects]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def partnerships_frame(registry: Any) -> Any:
    """pandas DataFrame of the partnerships with their project counts."""
    import pandas as pd

    rows = []
    for item in registry.partnerships:
        linked = registry.projects_of(item.id)
        rows.append({
            "id": item.id, "name": item.name, "parties": "; ".join(item.parties),
            "date_signed": item.date_signed, "date_iso": item.date_iso, "year": item.year,
            "instrument": item.instrument, "focus_areas": "; ".join(item.focus_areas),
            "text_public": item.text_public, "projects": len(linked),
            "located_projects": sum(p.disclosed for p in linked),
            "source_url": item.source_url})
    return pd.DataFrame(rows)


def registry_provenance(registry: Any, frame: Any, driver: str) -> Any:
    """Provenance of the projects layer: every CSV's SHA-256, and the unlocated projects.

    ``sha256`` is the digest of the files' ``"<name> <sha256>"`` lines in name order, so it
    changes when any of the files does; ``files`` holds each file's own hash.
    """
    from .model import Provenance, Repair

    files = tuple(sorted((Path(path).name, digest) for path, digest in registry.files))
    combined = hashlib.sha256("".join(f"{n} {d}\n" for n, d in files).encode()).hexdigest()
    hidden = [p.id for p in registry.undisclosed()]
    repairs = (Repair("not_located", len(hidden),
                      "location not disclosed: " + ", ".join(hidden)),) if hidden else ()
    bounds = tuple(float(b) for b in frame.total_bounds) if len(frame) else None
    return Provenance(path=registry.folder, layer_name="projects", driver=driver,
                      sha256=combined, files=files, original_crs="EPSG:4326", encoding="utf-8",
                      feature_count=len(frame), bounds=bounds,
                      loaded_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                      repairs=repairs)
