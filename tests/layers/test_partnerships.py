"""The partnership registry: real files (shared), and tiny CSVs for every bad input."""
import csv
import hashlib
from collections import Counter
from pathlib import Path

import pytest

from layers.errors import EncodingError, LayerError, RegistryError, UnreadableFileError
from layers.partnerships import read_registry
from layers.roles import Role

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data" / "partnerships"
SAMPLE = ROOT / "sample_data" / "partnerships"
REAL_REGISTRIES = [
    pytest.param(SAMPLE, id="sample_data"),
    pytest.param(SHARED, id="shared", marks=[
        pytest.mark.shared,
        pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is absent")]),
]

PARTNERSHIPS = (
    "id,name,parties,date_signed,instrument,focus_areas,text_public,source_url,notes\n"
    "P01,EU-Land,European Union; Land,2021-07-13,MoU,project financing;R&D,yes,http://a,\n"
    "P02,A-B,A (x; y); B,2024-03-21 (the Thursday before),MoU,,unknown,http://b,\"multi\nline\"\n"
    "P03,C-D,C; D,not stated,agreement,R&D,no,,\n"
)
PROJECTS = (
    "id,name,operator,country,commodity,partnership_ids_or_list,location_text,latitude,"
    "longitude,location_precision,source_url,notes\n"
    "J01,Mine one,Op,Land,lithium,\"CRMA strategic projects, external list (4 Jun 2025); "
    "P01 (EU-Land; country-level link)\",near town,,,named mine/town,http://j1,\n"
    "J02,Plant two,Op2,B,nickel,P02 (MSP); P03 context,somewhere,,,country only,,\n"
    "J03,Three,Op3,C,graphite,\"CRMA strategic projects, internal EU list\",x,,,named mine/town,,\n"
)
LOCATIONS = (
    "project_id,latitude,longitude,precision,source_url,source_quote\n"
    "J01,-0.5,-51.25,site,http://loc,\"0°30′S 51°15′W\"\n"
    "J03,70.498972,23.973944,town,http://loc3,q\n"
)


def write_registry(folder: Path, partnerships=PARTNERSHIPS, projects=PROJECTS,
                   locations=LOCATIONS) -> Path:
    """The three CSVs in ``folder`` (``locations=None`` leaves that file out)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "partnerships.csv").write_text(partnerships, encoding="utf-8")
    (folder / "projects.csv").write_text(projects, encoding="utf-8")
    if locations is not None:
        (folder / "project_locations.csv").write_text(locations, encoding="utf-8")
    return folder


def test_tiny_registry_is_read_with_ids_lists_dates_and_points(tmp_path):
    registry = read_registry(write_registry(tmp_path))
    p1, p2, p3 = registry.partnerships
    assert (p1.date_iso, p1.year, p1.date_certain) == ("2021-07-13", 2021, True)
    assert (p2.date_iso, p2.year) == (None, 2024)  # inferred from a weekday: not certain
    assert (p3.date_iso, p3.year) == (None, None)
    assert p2.parties == ("A (x; y)", "B") and p2.focus_areas == () and p2.notes == "multi\nline"
    j1, j2, j3 = registry.projects
    assert j1.partnership_ids == ("P01",) and j1.country_level_link
    assert j1.lists == ("CRMA strategic projects, external list",)
    assert j2.partnership_ids == ("P02", "P03") and j2.lists == ()
    assert j3.lists == ("CRMA strategic projects, internal EU list",)
    assert (j1.latitude, j1.longitude, j1.coordinate_precision) == (-0.5, -51.25, "site")
    assert j1.coordinate_quote == "0°30′S 51°15′W"
    assert [p.id for p in registry.undisclosed()] == ["J02"] and not j2.disclosed
    assert [p.id for p in registry.projects_of("P03")] == ["J02"]


def test_projects_layer_is_points_in_wgs84_with_hashes_and_the_unlocated(tmp_path):
    folder = write_registry(tmp_path)
    layer = read_registry(folder).projects_layer()
    assert layer.role is Role.PROJECT and layer.frame.crs.to_epsg() == 4326
    assert list(layer.frame["id"]) == ["J01", "J03"]
    assert (layer.frame.geometry.x[0], layer.frame.geometry.y[0]) == (-51.25, -0.5)
    expected = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
                for name in ("partnerships.csv", "projects.csv", "project_locations.csv")}
    assert dict(layer.provenance.files) == expected
    (repair,) = layer.provenance.repairs
    assert (repair.kind, repair.count) == ("not_located", 1) and "J02" in repair.detail
    assert layer.column("id") == "id" and layer.column("holder") == "operator"


def test_registry_without_locations_file_has_every_project_undisclosed(tmp_path):
    registry = read_registry(write_registry(tmp_path, locations=None))
    assert len(registry.undisclosed()) == 3
    assert len(registry.projects_layer().frame) == 0


def test_registry_from_paths_or_a_mapping(tmp_path):
    folder = write_registry(tmp_path)
    names = [folder / "project_locations.csv", folder / "projects.csv", folder / "partnerships.csv"]
    assert len(read_registry(names).located()) == 2
    assert len(read_registry({"partnerships": names[2], "projects": names[1]}).located()) == 0
    assert read_registry(folder / "projects.csv").files == read_registry(folder).files


def _bad(tmp_path, **files) -> LayerError:
    folder = write_registry(tmp_path, **files)
    with pytest.raises(LayerError) as caught:
        read_registry(folder)
    return caught.value


@pytest.mark.parametrize("files, name, problem", [
    ({"partnerships": "id,name,parties\nP01,a,b\n"}, "partnerships.csv", "missing column"),
    ({"partnerships": ""}, "partnerships.csv", "empty"),
    ({"partnerships": PARTNERSHIPS + "P02,dup,x,2020,MoU,,yes,,\n"}, "partnerships.csv",
     "row 4 (line 6, id P02): duplicated id 'P02' (first at row 2)"),
    ({"partnerships": PARTNERSHIPS.replace(",yes,", ",maybe,")}, "partnerships.csv",
     "row 1 (line 2, id P01): text_public 'maybe'"),
    ({"partnerships": PARTNERSHIPS + ",no id,x,2020,MoU,,yes,,\n"}, "partnerships.csv",
     "row 4 (line 6): the 'id' is empty"),
    ({"partnerships": PARTNERSHIPS + "P09,short,row\n"}, "partnerships.csv",
     "row 4 (line 6) has 3 values for 9 columns"),
    ({"projects": PROJECTS.replace("P03 context", "P07")}, "projects.csv",
     "row 2 (line 3, id J02): refers to unknown partnership(s) P07"),
    ({"projects": PROJECTS.replace("J03,", "J01,")}, "projects.csv", "duplicated id 'J01'"),
    ({"locations": LOCATIONS.replace("-0.5,", "95.5,")}, "project_locations.csv",
     "row 1 (line 2, id J01): latitude '95.5' is not a decimal degree between -90 and 90"),
    ({"locations": LOCATIONS.replace("-51.25", '"-51,25"')}, "project_locations.csv",
     "longitude '-51,25' is not a decimal degree"),
    ({"locations": LOCATIONS.replace("-51.25", "nan")}, "project_locations.csv", "longitude"),
    ({"locations": LOCATIONS.replace("-51.25", "")}, "project_locations.csv", "longitude ''"),
    ({"locations": LOCATIONS.replace("J03,", "J09,")}, "project_locations.csv",
     "row 2 (line 3, id J09): no project with id 'J09'"),
    ({"locations": LOCATIONS + "J01,1,1,site,,\n"}, "project_locations.csv",
     "duplicated project_id 'J01'"),
    ({"projects": PROJECTS.replace("near town,,,", "near town,12,,")}, "projects.csv",
     "row 1 (line 2, id J01): longitude ''"),
    ({"projects": PROJECTS.replace('"CRMA', 'CRMA', 1)}, "projects.csv", "values for"),
    ({"projects": PROJECTS.replace("Mine one", "M" * 200000)}, "projects.csv", "not valid CSV"),
    ({"partnerships": "\n\n"}, "partnerships.csv", "empty"),
])
def test_bad_csv_gives_registry_error_naming_file_and_row(tmp_path, files, name, problem):
    error = _bad(tmp_path, **files)
    assert isinstance(error, RegistryError)
    assert str(tmp_path / name) in str(error)
    assert problem in str(error)


def test_non_utf8_and_missing_files_are_layer_errors_naming_the_file(tmp_path):
    folder = write_registry(tmp_path)
    (folder / "projects.csv").write_bytes(PROJECTS.replace("Mine one", "Mina São").encode("cp1252"))
    with pytest.raises(EncodingError, match="projects.csv.*not UTF-8"):
        read_registry(folder)
    (folder / "projects.csv").unlink()
    with pytest.raises(UnreadableFileError, match="projects.csv"):
        read_registry(folder)
    with pytest.raises(RegistryError, match="not a registry file"):
        read_registry([folder / "partnerships.csv", tmp_path / "other.csv"])


@pytest.mark.parametrize("folder", REAL_REGISTRIES)
def test_real_registry_counts(folder):
    registry = read_registry(folder)
    assert len(registry.partnerships) == 28 and len(registry.projects) == 33
    assert len(registry.located()) == 30
    assert [p.id for p in registry.undisclosed()] == ["J05", "J07", "J12"]
    assert Counter(p.text_public for p in registry.partnerships) == {"yes": 6, "unknown": 22}
    assert {p.id for p in registry.partnerships if p.text_public == "yes"} == {
        "P11", "P16", "P17", "P21", "P25", "P27"}


@pytest.mark.parametrize("folder", REAL_REGISTRIES)
def test_real_registry_ids_dates_and_points_match_the_csv(folder):
    registry = read_registry(folder)
    assert registry.project("J02").partnership_ids == ("P09", "P11")
    assert registry.project("J32").partnership_ids == ("P03", "P28")
    assert registry.project("J08").partnership_ids == ()
    assert {p.id for p in registry.projects_of("P03")} == {"J05", "J30", "J31", "J32"}
    assert registry.partnership("P02").date_iso == "2021-07-13"
    assert registry.partnership("P11").date_iso is None and registry.partnership("P11").year == 2024
    assert registry.partnership("P21").parties[1].startswith("Australia (Department")
    with open(folder / "project_locations.csv", encoding="utf-8", newline="") as handle:
        rows = {row["project_id"]: row for row in csv.DictReader(handle)}
    layer = registry.projects_layer()
    points = dict(zip(layer.frame["id"], layer.frame.geometry))
    assert set(points) == set(rows)
    for ident, row in rows.items():
        assert points[ident].x == float(row["longitude"])
        assert points[ident].y == float(row["latitude"])
    assert dict(layer.provenance.files)["projects.csv"] == hashlib.sha256(
        (folder / "projects.csv").read_bytes()).hexdigest()


def test_tables_list_every_project_and_count_them_per_partnership(tmp_path):
    registry = read_registry(write_registry(tmp_path))
    projects = registry.projects_table()
    assert list(projects["id"]) == ["J01", "J02", "J03"]
    assert list(projects["disclosed"]) == [True, False, True]
    assert projects.loc[1, "partnership_ids"] == "P02; P03"
    partnerships = registry.partnerships_table()
    assert list(partnerships["projects"]) == [1, 1, 1]
    assert list(partnerships["located_projects"]) == [1, 0, 0]
    assert partnerships.loc[1, "parties"] == "A (x; y); B"


def test_empty_projects_layer_keeps_its_columns(tmp_path):
    layer = read_registry(write_registry(tmp_path, locations=None)).projects_layer()
    assert "partnership_ids" in layer.frame.columns and layer.frame.crs.to_epsg() == 4326
