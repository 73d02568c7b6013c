"""The Pfafstetter and NEXT_DOWN topology rules, on hand-built code sets whose answers are
derived by hand in the comments, and on the real ANA ottobacias of the Amapá set."""
from pathlib import Path

import pytest

from explorer.analysis.pfafstetter import (
    downstream_codes,
    is_downstream,
    next_down_chains,
    normalise_code,
    pfafstetter_chains,
    river_unit,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "amapa"
SHARED = SHARED if SHARED.exists() else Path("/work/shared/data/amapa")

# One level-2 river "8" split at level 3 (81..89), with basin 84 split again at level 4.
# Main stem from the mouth: 81, 83, 85, 87, 89; tributaries 82 (joins 81), 84 (joins 83),
# 86 (joins 85), 88 (joins 87).  Inside 84: 841 (mouth of 84), 842 joins 841, 843, ...
RIVER = ["81", "82", "83", "841", "842", "843", "844", "845", "85", "86", "87", "88", "89"]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("89", ["87", "85", "83", "81"]),  # headwater interbasin: the whole main stem below
        ("88", ["87", "85", "83", "81"]),  # tributary joining 87
        ("86", ["85", "83", "81"]),
        ("82", ["81"]),
        ("81", []),  # the mouth
        ("844", ["843", "841", "83", "81"]),  # up the tributary 84, then its mouth, then 83
        ("845", ["843", "841", "83", "81"]),
        ("842", ["841", "83", "81"]),
        ("841", ["83", "81"]),
    ],
)
def test_hand_built_river(code, expected):
    assert downstream_codes(code, RIVER) == expected


def test_the_rule_digit_by_digit():
    assert is_downstream("844", "843")  # odd and smaller at the first difference
    assert not is_downstream("844", "842")  # smaller but even: a parallel tributary
    assert not is_downstream("843", "844")  # larger: upstream
    assert not is_downstream("843", "8412")  # 2 after the difference: off the main stem
    assert is_downstream("843", "8411")  # 1,1 all odd, first digit 1 < 3
    assert not is_downstream("84", "841")  # containment is not downstream
    assert not is_downstream("841", "84")


def test_coastal_units_are_never_linked():
    # Level 1 "3" and level 2 "39" are coastal interbasins: 396, 397 and 398 drain to the sea
    # on their own, although the raw digit rule would put 397x below 398x.
    codes = ["3961", "3962", "3971", "3972", "3973", "3981", "3982", "3983", "3984"]
    chains = pfafstetter_chains(codes)
    assert chains["3982"] == ["3981"]
    assert chains["3984"] == ["3983", "3981"]
    assert chains["3962"] == ["3961"]
    assert chains["3981"] == []  # Araguari mouth: nothing of 397 below it
    assert chains["3973"] == [] and chains["3972"] == []  # coastal strip and coastal river
    assert river_unit("3973") is None and river_unit("3972") == "3972"


def test_padding_zeros_and_mixed_levels():
    # ANA writes the undivided level-3 delta interbasins as 4110, 4130, ...
    codes = ["4110", "4121", "4122", "4130", "4150", "4170", "4181", "4182", "4190"]
    chains = pfafstetter_chains(codes)
    assert chains["4182"] == ["4181", "417", "415", "413", "411"]
    assert chains["4122"] == ["4121", "411"]
    assert chains["419"] == ["417", "415", "413", "411"]
    assert chains["411"] == []
    assert normalise_code(4110.0) == "411" and normalise_code("0") is None


def test_local_codes_with_one_unit():
    # A local coding of one river: 1 is the mouth, so 2 drains to 1 only with unit_digits=0.
    assert downstream_codes("2", ["1", "2", "3"], unit_digits=0) == ["1"]
    assert downstream_codes("2", ["1", "2", "3"]) == []


def test_next_down_chains_stop_at_zero_missing_and_cycles():
    chains = next_down_chains({1: 2, 2: 3, 3: 0, 4: 3, 5: 99, 6: 7, 7: 6})
    assert chains[1] == [2, 3] and chains[4] == [3] and chains[3] == []
    assert chains[5] == []  # 99 is not in the layer
    assert chains[6] == [7]  # stops before coming back to 6


@pytest.mark.shared
def test_real_ana_ottobacias():
    gpd = pytest.importorskip("geopandas")
    path = SHARED / "ana_ottobacias_nivel4_ap.gpkg"
    if not path.exists():
        pytest.skip("shared data absent")
    basins = gpd.read_file(path, layer="ottobacias_nivel4")
    chains = pfafstetter_chains(basins["NIVEL44"])
    assert len(chains) == 68
    assert chains["3982"] == ["3981"]
    assert chains["3984"] == ["3983", "3981"]
    assert chains["3989"] == ["3987", "3985", "3983", "3981"]
    # Amapá coast: every level-4 unit (coastal strip or coastal river) drains to the sea.
    assert all(chains[c] == [] for c in chains if c.startswith("397"))
    assert chains["4189"] == ["4187", "4185", "4183", "4181", "417", "415", "413", "411"]
    assert not any(code.startswith(("396", "397")) for code in chains["3981"] + chains["3989"])


BUNDLED = Path(__file__).resolve().parents[2] / "sample_data"
SAMPLES = {  # basins file and layer, titles file and layer, id and name columns
    "bundled": (BUNDLED / "basins.gpkg", None, BUNDLED / "concessions.gpkg", None),
    "shared": (SHARED / "ana_ottobacias_nivel4_ap.gpkg", "ottobacias_nivel4",
               SHARED / "anm_sigmine_ap_2021.gpkg", "sigmine_AP_2021_poligonos"),
}


@pytest.mark.parametrize("source", ["bundled", pytest.param("shared", marks=pytest.mark.shared)])
def test_sample_titles_downstream_on_real_basins(source):
    gpd = pytest.importorskip("geopandas")
    from layers.model import FieldMapping
    from explorer.analysis.downstream import downstream_table

    basins_path, basins_layer, titles_path, titles_layer = SAMPLES[source]
    if not basins_path.exists() or not titles_path.exists():
        pytest.skip(f"{source} sample data absent")
    basins = gpd.read_file(basins_path, layer=basins_layer).to_crs("EPSG:4326")
    titles = gpd.read_file(titles_path, layer=titles_layer).to_crs("EPSG:4326")
    falsino = basins.loc[basins["NIVEL44"].astype(str) == "3984", "geometry"].iloc[0]
    inside = titles[titles.within(falsino)].head(3)
    assert len(inside), "the sample has titles inside basin 3984 (Rio Falsino)"
    subjects = gpd.GeoDataFrame(
        {"uid": [f"t:{i}" for i in range(len(inside))], "id": [str(i) for i in range(len(inside))],
         "name": "", "role": "concession", "layer": "titles"},
        geometry=inside.geometry.values, crs="EPSG:4326")
    table = downstream_table(subjects, basins, FieldMapping(code="NIVEL44", name="REGIAO48"),
                             {}, None, reach_km=10_000)
    for _, rows in table.groupby("subject_uid"):
        assert list(rows["downstream_basin_code"]) == ["3984", "3983", "3981"]
        assert list(rows["step"]) == [0, 1, 2]
