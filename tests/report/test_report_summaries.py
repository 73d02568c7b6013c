"""The aggregated tables of the PDF: totals per role, and the HTML popups only for features
with metrics (numbers worked out by hand from tiny tables)."""
import pandas as pd

from explorer.report.popups import popup_rows
from explorer.report.sections.analysis import role_totals


def _tables():
    overlaps = pd.DataFrame({
        "concession_uid": ["t:A", "t:B", "t:A", "t:A", "t:B", "t:C"],
        "concession_id": ["A", "B", "A", "A", "B", "C"],
        "role": ["protected_area", "protected_area", "indigenous_territory", "river", "river", "river"],
        "feature_uid": ["p:1", "p:1", "i:1", "r:0", "r:0", "r:1"],
        "feature_id": ["1", "1", "1", "0", "0", "1"],
        "feature_name": ["Park", "Park", "Land", "", "", ""],
        "overlap_ha": [10.0, 5.0, 2.0, 0.0, 0.0, 0.0],
        "pct_of_concession": [50.0, 25.0, 10.0, 0.0, 0.0, 0.0],
        "overlap_km": [None, None, None, 1.5, 0.5, 2.0],
    })
    summary = pd.DataFrame({
        "role": ["protected_area", "protected_area", "indigenous_territory", "river", "river", "river"],
        "feature_uid": ["p:1", "p:2", "i:1", "r:0", "r:1", "r:2"],
        "feature_id": ["1", "2", "1", "0", "1", "2"],
        "feature_name": ["Park", "Other", "Land", "", "", ""],
        "n_concessions": [2, 0, 1, 2, 1, 0],
        "covered_ha": [14.0, 0.0, 2.0, 0.0, 0.0, 0.0],
        "pct_covered": [1.4, 0.0, 0.5, 0.0, 0.0, 0.0],
        "covered_km": [None, None, None, 1.8, 2.0, 0.0],
    })
    return overlaps, summary


def test_totals_per_role_count_distinct_features_and_titles():
    overlaps, summary = _tables()
    totals = role_totals(overlaps, summary).set_index("role")
    assert totals.loc["protected_area", ["features", "titles", "pairs"]].tolist() == [1, 2, 2]
    assert totals.loc["indigenous_territory", ["features", "titles", "pairs"]].tolist() == [1, 1, 1]
    assert totals.loc["river", ["features", "titles", "pairs"]].tolist() == [2, 3, 3]
    assert totals.loc["protected_area", "covered_ha"] == 14.0  # p:2 has no title: not summed
    assert totals.loc["river", "covered_km"] == 3.8
    assert pd.isna(totals.loc["river", "covered_ha"])  # reaches are lines


def test_popups_only_for_features_with_metrics_and_one_river_line_per_title():
    overlaps, summary = _tables()
    rows = popup_rows({"overlaps": overlaps, "summary": summary}, lambda s: s, "en")
    assert set(rows["p"]) == {"1"} and set(rows["r"]) == {"0", "1"}  # none for p:2 or r:2
    river_lines = [label for label, _v in rows["t"]["A"] if label == "River reaches crossed"]
    assert river_lines == ["River reaches crossed"]
    assert ("River reaches crossed", "1 (1.50 km)") in rows["t"]["A"]
