"""Field-mapping detection on the real column lists of each known schema."""
from __future__ import annotations

import doctest
import json

import pyogrio
import pytest

import layers.fields
from layers.fields import area_unit, detect_mapping, schema_label, suggest_role
from layers.model import FieldMapping
from layers.roles import Role
from sample_data import SAMPLE_DIR

# Column lists as the files spell them (../shared/data/amapa and its SOURCES.md, or the
# publishers' documentation for WDPA, HydroSHEDS, LandMark and ANA BHO).
SIGMINE = ["PROCESSO", "NUMERO", "ANO", "AREA_HA", "ID", "FASE", "ULT_EVENTO", "NOME", "SUBS",
           "USO", "UF", "DSProcesso", "CD_UF", "area_processo_m2", "area_processo_ha", "geometry"]
FUNAI_TI = ["gid", "terrai_cod", "terrai_nom", "etnia_nome", "municipio_", "uf_sigla",
            "superficie", "fase_ti", "modalidade", "reestudo_t", "cr", "faixa_fron", "undadm_cod",
            "undadm_nom", "undadm_sig", "dominio_un", "data_atual", "epsg", "geometry"]
ALDEIAS = ["cod_aldeia", "nome_aldei", "cod_ti", "cod_munici", "data_cadas", "flag_ativo",
           "nome_cr", "nommunic", "nomuf", "undadm_cod", "coord_lat", "coord_long"]
ICMBIO = ["codigoCnuc", "nome", "geometriaA", "anoCriacao", "sigla", "areaHa", "perimetroM",
          "atoLegal", "administra", "SiglaGrupo", "UF", "municipios", "biomaIBGE", "biomaCRL",
          "CoordRegio", "fusoAbrang", "UORG"]
MMA_CNUC = ["ID_UC0", "NOME_UC1", "ID_WCMC2", "CATEGORI3", "GRUPO4", "ESFERA5", "ANO_CRIA6",
            "GID7", "QUALIDAD8", "ATO_LEGA9", "DT_ULTIM10", "CODIGO_U11", "NOME_ORG12"]
CNUC = ["cd_cnuc", "nome_uc", "categoria", "grupo", "esfera", "uf", "ha_total", "ano_cria"]
WDPA = ["WDPAID", "WDPA_PID", "PA_DEF", "NAME", "ORIG_NAME", "DESIG", "DESIG_ENG", "DESIG_TYPE",
        "IUCN_CAT", "INT_CRIT", "MARINE", "REP_M_AREA", "GIS_M_AREA", "REP_AREA", "GIS_AREA",
        "NO_TAKE", "NO_TK_AREA", "STATUS", "STATUS_YR", "GOV_TYPE", "OWN_TYPE", "MANG_AUTH",
        "MANG_PLAN", "VERIF", "METADATAID", "SUB_LOC", "PARENT_ISO3", "ISO3"]
HYDROBASINS = ["HYBAS_ID", "NEXT_DOWN", "NEXT_SINK", "MAIN_BAS", "DIST_SINK", "DIST_MAIN",
               "SUB_AREA", "UP_AREA", "PFAF_ID", "ENDO", "COAST", "ORDER", "SORT"]
HYDRORIVERS = ["HYRIV_ID", "NEXT_DOWN", "MAIN_RIV", "LENGTH_KM", "DIST_DN_KM", "DIST_UP_KM",
               "CATCH_SKM", "UPLAND_SKM", "ENDORHEIC", "DIS_AV_CMS", "ORD_STRA", "ORD_CLAS",
               "ORD_FLOW", "HYBAS_L12"]
OTTO_4 = ["GID0", "NIVEL11", "NIVEL22", "NIVEL33", "NIVEL44", "REGIAO15", "REGIAO26",
          "REGIAO37", "REGIAO48", "BACIA_DN9", "SUB_DNAE10", "PNRH1211", "REG_DNAE12",
          "OBJECT_I13", "CODPNRH114"]
OTTO_3 = ["NIVEL11", "NIVEL22", "NIVEL33", "REGIAO15", "REGIAO26", "REGIAO37", "BACIA_DN9",
          "SUB_DNAE10", "PNRH1211", "REG_DNAE12", "CODPNRH114"]
BHO_AREA = ["cotrecho", "cobacia", "cocursodag", "nuareacont", "nuareamont", "nunivotto"]
BHO_TRECHO = ["cotrecho", "noorigem", "nodestino", "cocursodag", "cobacia", "nucomptrec",
              "nudistbact", "nuareamont", "nutrjus", "noriocomp", "nustrahler"]
LANDMARK = ["Ctry_Code", "Country", "Name", "Ethncty_1", "Ethncty_2", "Identity", "Category",
            "Form_Rec", "Doc_Status", "Area_Ofcl", "Area_GIS", "Populatn", "Pop_Source",
            "Pop_Year", "Scale", "Method", "Data_Ctrb", "Data_Src", "Data_Date", "Add_Note"]
AMW_TERRITORIES = ["country", "country_code", "id_field", "name_field", "type_field",
                   "status_field", "source_field", "ethnicities_field", "area_field",
                   "area_units", "id", "locations", "mining_affected_area_ha", "illegality_areas"]
AMW_DETECTIONS = ["Polygon area (ha)", "Mined area (ha)", "geometry"]

CASES = [
    # columns, schema, role, expected mapping (key -> column)
    (SIGMINE, "anm_sigmine", Role.CONCESSION,
     {"id": "PROCESSO", "holder": "NOME", "commodity": "SUBS", "phase": "FASE",
      "status": "ULT_EVENTO", "area": "AREA_HA"}),
    (FUNAI_TI, "funai_ti", Role.INDIGENOUS_TERRITORY,
     {"id": "terrai_cod", "name": "terrai_nom", "status": "fase_ti", "area": "superficie"}),
    (ALDEIAS, "funai_aldeias", Role.COMMUNITY, {"id": "cod_aldeia", "name": "nome_aldei"}),
    (ICMBIO, "icmbio_cnuc", Role.PROTECTED_AREA,
     {"id": "codigoCnuc", "name": "nome", "area": "areaHa", "code": "sigla"}),
    (MMA_CNUC, "mma_cnuc", Role.PROTECTED_AREA,
     {"id": "CODIGO_U11", "name": "NOME_UC1", "code": "CATEGORI3"}),
    (CNUC, "cnuc", Role.PROTECTED_AREA, {"id": "cd_cnuc", "name": "nome_uc", "area": "ha_total"}),
    (WDPA, "wdpa", Role.PROTECTED_AREA,
     {"id": "WDPAID", "name": "NAME", "status": "STATUS", "area": "GIS_AREA", "code": "IUCN_CAT"}),
    (HYDROBASINS, "hydrobasins", Role.BASIN,
     {"id": "HYBAS_ID", "next_down": "NEXT_DOWN", "area": "SUB_AREA", "code": "PFAF_ID"}),
    (HYDRORIVERS, "hydrorivers", Role.RIVER, {"id": "HYRIV_ID", "next_down": "NEXT_DOWN"}),
    (OTTO_4, "ana_ottobacias", Role.BASIN, {"id": "NIVEL44", "code": "NIVEL44", "name": "REGIAO48"}),
    (OTTO_3, "ana_ottobacias", Role.BASIN, {"id": "NIVEL33", "code": "NIVEL33", "name": "REGIAO37"}),
    (BHO_AREA, "ana_bho_area", Role.BASIN, {"id": "cobacia", "area": "nuareacont"}),
    (BHO_TRECHO, "ana_bho_trecho", Role.RIVER,
     {"id": "cotrecho", "next_down": "nutrjus", "name": "noriocomp"}),
    (LANDMARK, "landmark", Role.INDIGENOUS_TERRITORY,
     {"name": "Name", "status": "Form_Rec", "code": "Category", "area": "Area_GIS"}),
    (AMW_TERRITORIES, "amw_territories", Role.INDIGENOUS_TERRITORY,
     {"id": "id_field", "name": "name_field", "status": "status_field", "area": "area_field"}),
    (AMW_DETECTIONS, "amw_detections", Role.CONCESSION, {"area": "Mined area (ha)"}),
]
IDS = [f"{schema}-{len(cols)}" for cols, schema, _, _ in CASES]


@pytest.mark.parametrize("columns, schema, role, expected", CASES, ids=IDS)
def test_each_known_schema_is_recognised_with_its_columns(columns, schema, role, expected):
    mapping = detect_mapping(columns)
    assert mapping.schema == schema
    assert suggest_role(mapping) is role
    for key, column in expected.items():
        assert getattr(mapping, key) == column, key
    assert schema_label(mapping)


@pytest.mark.parametrize("columns, schema, role, expected", CASES, ids=IDS)
@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_detection_ignores_case_and_names_columns_as_spelled(columns, schema, role, expected, case):
    spelled = [case(c) for c in columns]
    mapping = detect_mapping(spelled)
    assert mapping.schema == schema
    for key, column in expected.items():
        assert getattr(mapping, key) == case(column)


@pytest.mark.parametrize("columns", [[], ["geometry"], ["foo", "bar", "NAME"],
                                     ["id", "name"], ["NOME", "UF", "geometry"]])
def test_unknown_schemas_give_an_empty_mapping_and_no_role(columns):
    mapping = detect_mapping(columns)
    assert mapping == FieldMapping()
    assert suggest_role(mapping) is None
    assert area_unit(mapping) is None and schema_label(mapping) is None


def test_best_score_wins_when_schemas_share_columns():
    # a HydroBASINS table that also carries a few WDPA-like columns stays HydroBASINS
    assert detect_mapping(HYDROBASINS + ["NAME", "STATUS"]).schema == "hydrobasins"
    # the FUNAI TI columns with a few aldeia columns joined stay an Indigenous territory
    assert detect_mapping(FUNAI_TI + ["cod_aldeia"]).schema == "funai_ti"


def test_area_units_follow_the_schema():
    assert area_unit(detect_mapping(WDPA)) == "km2"
    assert area_unit(detect_mapping(HYDROBASINS)) == "km2"
    assert area_unit(detect_mapping(SIGMINE)) == "ha"
    assert area_unit(detect_mapping(ALDEIAS)) is None  # no area column mapped


def test_user_override_replaces_only_what_is_given():
    mapping = detect_mapping(SIGMINE).override(name="NUMERO", status=None)
    assert (mapping.schema, mapping.name, mapping.status, mapping.holder) == (
        "anm_sigmine", "NUMERO", None, "NOME")


def test_sample_layers_are_recognised_as_the_catalogue_says():
    catalogue = json.loads((SAMPLE_DIR / "catalogue.json").read_text(encoding="utf-8"))
    for entry in catalogue:
        if not entry["file"].endswith(".gpkg") or entry["role"] == "context":
            continue
        columns = list(pyogrio.read_info(SAMPLE_DIR / entry["file"], layer=entry["layer"])["fields"])
        mapping = detect_mapping(columns)
        assert suggest_role(mapping) is Role(entry["role"]), entry["file"]
        for key, column in entry["mapping"].items():
            assert getattr(mapping, key) == column, (entry["file"], key)


def test_docstring_examples_hold():
    result = doctest.testmod(layers.fields)
    assert result.attempted >= 4 and result.failed == 0
