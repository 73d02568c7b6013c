"""partnership_table on plain DataFrames with hand-written overlap/proximity rows, and on the
bundled sample registry."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from explorer.analysis.partnerships import PARTNERSHIP_COLUMNS, partnership_table

ROOT = Path(__file__).resolve().parents[2]

PARTNERS = pd.DataFrame([
    {"id": "P1", "name": "EU-X", "parties": ("EU", "X"), "instrument": "MoU",
     "focus_areas": ("project financing", "ESG"), "text_public": "yes"},
    {"id": "P2", "name": "EU-Y", "parties": ("EU", "Y"), "instrument": "MoU",
     "focus_areas": (), "text_public": "no"},
    {"id": "P3", "name": "EU-Z", "parties": ("EU", "Z"), "instrument": "roadmap",
     "focus_areas": (), "text_public": "unknown"},
])
PROJECTS = pd.DataFrame([
    {"id": "A", "name": "Mine A", "partnership_ids": "P1", "latitude": 1.0, "longitude": 2.0},
    {"id": "B", "name": "Mine B", "partnership_ids": "P1; P2", "latitude": None, "longitude": None},
    {"id": "C", "name": "Mine C", "partnership_ids": "P2", "latitude": 3.0, "longitude": 4.0},
    {"id": "D", "name": "Mine D", "partnership_ids": "", "latitude": None, "longitude": None},
])
OVERLAPS = pd.DataFrame([
    {"concession_uid": "proj:A", "concession_id": "A", "concession_role": "project",
     "role": "indigenous_territory", "feature_id": "t1", "feature_name": "TI Uaçá"},
    # a concession that happens to share the id "C" must not count for project C
    {"concession_uid": "titles:C", "concession_id": "C", "concession_role": "concession",
     "role": "protected_area", "feature_id": "p9", "feature_name": "Park"},
])
PROXIMITY = pd.DataFrame([
    {"concession_uid": "proj:A", "concession_id": "A", "role": "protected_area", "feature_id": "p1",
     "feature_name": "Park 1", "distance_m": 3000.0, "within_1km": False, "within_5km": True},
    {"concession_uid": "proj:C", "concession_id": "C", "role": "community", "feature_id": "v1",
     "feature_name": "Village", "distance_m": 80_000.0, "within_1km": False, "within_5km": False},
    # the title with id C: proximity has no concession_role, its layer prefix tells it apart
    {"concession_uid": "titles:C", "concession_id": "C", "role": "community", "feature_id": "v2",
     "feature_name": "Other village", "distance_m": 500.0, "within_1km": True, "within_5km": True},
])


def test_counts_and_findings_per_partnership():
    table = partnership_table(PROJECTS, OVERLAPS, PROXIMITY, partnerships=PARTNERS)
    assert list(table.columns) == PARTNERSHIP_COLUMNS
    p1 = table[table.partnership == "P1"]
    assert list(p1.project_id) == ["A", "B"]
    assert (p1.n_projects.iloc[0], p1.n_located.iloc[0], p1.n_undisclosed.iloc[0]) == (2, 1, 1)
    assert p1.n_touching.iloc[0] == 1
    a = p1.set_index("project_id").loc["A"]
    assert a.overlaps == "indigenous_territory: TI Uaçá" and a.n_overlaps == 1
    assert a.near == "protected_area: Park 1 (5km)" and a.n_near == 1
    assert a.nearest_km == pytest.approx(3.0)
    assert a.text_public == "yes" and a.focus_areas == "project financing; ESG"
    c = table[(table.partnership == "P2")].set_index("project_id").loc["C"]
    assert c.n_overlaps == 0  # the concession with id C is not project C
    assert c.n_near == 0 and c.nearest_km == pytest.approx(80.0)  # nearest, but outside the rings


def test_partnership_without_projects_and_projects_without_partnership():
    table = partnership_table(PROJECTS, None, None, partnerships=PARTNERS)
    p3 = table[table.partnership == "P3"]
    assert len(p3) == 1 and p3.n_projects.iloc[0] == 0 and pd.isna(p3.project_id.iloc[0])
    orphan = table[table.partnership == ""]
    assert list(orphan.project_id) == ["D"] and orphan.n_undisclosed.iloc[0] == 1


def test_undisclosed_location_is_counted_not_dropped():
    table = partnership_table(PROJECTS, OVERLAPS, PROXIMITY, partnerships=PARTNERS)
    b_rows = table[table.project_id == "B"]
    assert set(b_rows.partnership) == {"P1", "P2"}
    assert not b_rows.location_disclosed.any()


def test_sample_registry():
    from layers.partnerships import read_registry

    folder = ROOT / "sample_data" / "partnerships"
    if not folder.exists():
        pytest.skip("sample registry not in this checkout")
    registry = read_registry(folder)
    table = partnership_table(registry, None, None)
    assert set(table.partnership) - {""} == {p.id for p in registry.partnerships}
    per_project = table.dropna(subset=["project_id"]).drop_duplicates("project_id")
    assert len(per_project) == len(registry.projects)
    undisclosed = {p.id for p in registry.projects if p.latitude is None or p.longitude is None}
    assert set(per_project.loc[~per_project.location_disclosed.astype(bool), "project_id"]) == undisclosed
    firsts = table.drop_duplicates("partnership")
    for row in firsts.itertuples():
        members = [p for p in registry.projects if row.partnership in p.partnership_ids] if row.partnership \
            else [p for p in registry.projects if not p.partnership_ids]
        assert row.n_projects == len(members)
        assert row.n_undisclosed == sum(p.id in undisclosed for p in members)
