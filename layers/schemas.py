"""The attribute schemas of the sources field teams hold, as data: which columns identify each
schema, which column carries each meaning, and the role the layer usually plays.

Column names are matched case-insensitively.  A field is a tuple of candidate columns (the first
present wins) or a :class:`Deepest` rule for level-numbered columns (ANA ottobacias).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .roles import Role

__all__ = ["Deepest", "Schema", "SCHEMAS"]


@dataclass(frozen=True)
class Deepest:
    """The column ``<prefix><level><index>`` with the highest level, e.g. NIVEL44 over NIVEL33."""

    prefix: str


@dataclass(frozen=True)
class Schema:
    """One known source schema.

    ``required`` columns must all be present; ``signature`` columns vote (the share present is the
    score) and at least ``minimum`` of them must be present.  ``fields`` maps a mapping key to
    its candidate columns.  ``area_unit`` is the unit of the ``area`` column.
    """

    name: str
    label: str
    role: Role
    required: tuple[str, ...]
    signature: tuple[str, ...]
    fields: dict[str, tuple[str, ...] | Deepest] = field(default_factory=dict)
    minimum: int = 1
    area_unit: str | None = None


SCHEMAS: tuple[Schema, ...] = (
    Schema(
        "anm_sigmine", "ANM SIGMINE mining titles (Brazil)", Role.CONCESSION,
        required=("PROCESSO",),
        signature=("PROCESSO", "NUMERO", "ANO", "AREA_HA", "FASE", "ULT_EVENTO", "NOME", "SUBS",
                   "USO", "UF", "DSPROCESSO"),
        fields={"id": ("PROCESSO",), "name": ("NOME",), "holder": ("NOME",),
                "commodity": ("SUBS",), "phase": ("FASE",), "status": ("ULT_EVENTO",),
                "area": ("AREA_HA",)},
        minimum=4, area_unit="ha",
    ),
    Schema(
        "funai_ti", "FUNAI Terras Indígenas (Brazil)", Role.INDIGENOUS_TERRITORY,
        required=("terrai_nom",),
        signature=("terrai_cod", "terrai_nom", "etnia_nome", "municipio_", "uf_sigla",
                   "superficie", "fase_ti", "modalidade", "reestudo_t", "cr", "faixa_fron",
                   "undadm_cod", "undadm_nom", "undadm_sig"),
        fields={"id": ("terrai_cod", "gid"), "name": ("terrai_nom",), "status": ("fase_ti",),
                "area": ("superficie",)},
        minimum=3, area_unit="ha",
    ),
    Schema(
        "funai_aldeias", "FUNAI aldeias, Indigenous villages (Brazil)", Role.COMMUNITY,
        required=("nome_aldei",),
        signature=("cod_aldeia", "nome_aldei", "cod_ti", "cod_munici", "data_cadas",
                   "flag_ativo", "nome_cr", "nommunic", "nomuf", "coord_lat", "coord_long"),
        fields={"id": ("cod_aldeia",), "name": ("nome_aldei",), "status": ("flag_ativo",)},
        minimum=2,
    ),
    Schema(
        "icmbio_cnuc", "ICMBio / CNUC conservation units (Brazil)", Role.PROTECTED_AREA,
        required=("nome",),
        signature=("codigoCnuc", "nome", "sigla", "areaHa", "anoCriacao", "atoLegal",
                   "administra", "SiglaGrupo", "geometriaA", "perimetroM", "UORG"),
        fields={"id": ("codigoCnuc",), "name": ("nome",), "area": ("areaHa",),
                "code": ("sigla",)},
        minimum=3, area_unit="ha",
    ),
    Schema(
        "mma_cnuc", "MMA CNUC conservation units, shapefile (Brazil)", Role.PROTECTED_AREA,
        required=("NOME_UC1",),
        signature=("ID_UC0", "NOME_UC1", "ID_WCMC2", "CATEGORI3", "GRUPO4", "ESFERA5",
                   "ANO_CRIA6", "ATO_LEGA9", "CODIGO_U11", "NOME_ORG12"),
        fields={"id": ("CODIGO_U11", "ID_UC0"), "name": ("NOME_UC1",), "code": ("CATEGORI3",),
                "holder": ("NOME_ORG12",)},
        minimum=2,
    ),
    Schema(
        "cnuc", "MMA CNUC conservation units, current tables (Brazil)", Role.PROTECTED_AREA,
        required=("nome_uc",),
        signature=("nome_uc", "ha_total", "cd_cnuc", "codigo_uc", "categoria", "grupo",
                   "esfera", "uf", "ano_cria", "orgao_gestor", "situacao"),
        fields={"id": ("cd_cnuc", "codigo_uc", "cnuc", "uc_id"), "name": ("nome_uc",),
                "area": ("ha_total",), "code": ("categoria",), "status": ("situacao",),
                "holder": ("orgao_gestor",)},
        minimum=2, area_unit="ha",
    ),
    Schema(
        "wdpa", "WDPA protected areas (UNEP-WCMC / IUCN)", Role.PROTECTED_AREA,
        required=(),
        signature=("WDPAID", "WDPA_PID", "SITE_ID", "SITE_PID", "PA_DEF", "NAME", "ORIG_NAME",
                   "DESIG", "DESIG_ENG", "DESIG_TYPE", "IUCN_CAT", "GIS_AREA", "REP_AREA",
                   "STATUS", "STATUS_YR", "GOV_TYPE", "MANG_AUTH", "ISO3", "PARENT_ISO3"),
        fields={"id": ("WDPAID", "SITE_ID"), "name": ("NAME", "NAME_ENG", "ORIG_NAME"),
                "status": ("STATUS",), "area": ("GIS_AREA", "REP_AREA"),
                "code": ("IUCN_CAT",), "holder": ("MANG_AUTH",)},
        minimum=5, area_unit="km2",
    ),
    Schema(
        "hydrobasins", "HydroBASINS (HydroSHEDS)", Role.BASIN,
        required=("HYBAS_ID", "NEXT_DOWN"),
        signature=("HYBAS_ID", "NEXT_DOWN", "NEXT_SINK", "MAIN_BAS", "DIST_SINK", "DIST_MAIN",
                   "SUB_AREA", "UP_AREA", "PFAF_ID", "ENDO", "COAST", "ORDER", "SORT"),
        fields={"id": ("HYBAS_ID",), "next_down": ("NEXT_DOWN",), "area": ("SUB_AREA",),
                "code": ("PFAF_ID",)},
        minimum=3, area_unit="km2",
    ),
    Schema(
        "hydrorivers", "HydroRIVERS (HydroSHEDS)", Role.RIVER,
        required=("HYRIV_ID", "NEXT_DOWN"),
        signature=("HYRIV_ID", "NEXT_DOWN", "MAIN_RIV", "LENGTH_KM", "DIST_DN_KM", "DIST_UP_KM",
                   "CATCH_SKM", "UPLAND_SKM", "ENDORHEIC", "DIS_AV_CMS", "ORD_STRA",
                   "ORD_CLAS", "ORD_FLOW", "HYBAS_L12"),
        fields={"id": ("HYRIV_ID",), "next_down": ("NEXT_DOWN",), "code": ("ORD_STRA",)},
        minimum=3,
    ),
    Schema(
        "ana_ottobacias", "ANA ottobacias by level (Brazil)", Role.BASIN,
        required=("NIVEL11",),
        signature=("NIVEL11", "NIVEL22", "NIVEL33", "NIVEL44", "REGIAO15", "REGIAO26",
                   "REGIAO37", "REGIAO48", "BACIA_DN9", "SUB_DNAE10", "PNRH1211", "REG_DNAE12"),
        fields={"id": Deepest("NIVEL"), "code": Deepest("NIVEL"), "name": Deepest("REGIAO")},
        minimum=3,
    ),
    Schema(
        "ana_bho_area", "ANA BHO ottocoded catchments (Brazil)", Role.BASIN,
        required=("cobacia",),
        signature=("cobacia", "nunivotto", "nuareacont", "nuareamont", "cotrecho", "cocursodag",
                   "noriocomp", "dedominial"),
        fields={"id": ("cobacia",), "code": ("cobacia",), "area": ("nuareacont",),
                "name": ("noriocomp",)},
        minimum=2, area_unit="km2",
    ),
    Schema(
        "ana_bho_trecho", "ANA BHO drainage reaches (Brazil)", Role.RIVER,
        required=("cotrecho", "nutrjus"),
        signature=("cotrecho", "nutrjus", "cobacia", "cocursodag", "noorigem", "nodestino",
                   "nucomptrec", "nudistbact", "nuareamont", "noriocomp", "nustrahler"),
        fields={"id": ("cotrecho",), "next_down": ("nutrjus",), "code": ("cobacia",),
                "name": ("noriocomp",)},
        minimum=3,
    ),
    Schema(
        "landmark", "LandMark Indigenous and community lands", Role.INDIGENOUS_TERRITORY,
        required=(),
        signature=("Name", "Ctry_Code", "Country", "Ethncty_1", "Ethncty_2", "Identity",
                   "Category", "Form_Rec", "Doc_Status", "Area_Ofcl", "Area_GIS", "Populatn",
                   "Pop_Source", "Data_Ctrb", "Data_Src", "Data_Date", "Method", "Upl_Date"),
        fields={"id": ("Objectid", "LM_ID"), "name": ("Name",), "status": ("Form_Rec",),
                "phase": ("Doc_Status",), "code": ("Category",), "area": ("Area_GIS", "Area_Ofcl")},
        minimum=4, area_unit="ha",
    ),
    Schema(
        "amw_territories", "Amazon Mining Watch territories (impacts)", Role.INDIGENOUS_TERRITORY,
        required=("id_field", "name_field"),
        signature=("country", "country_code", "id_field", "name_field", "type_field",
                   "status_field", "source_field", "ethnicities_field", "area_field",
                   "area_units", "mining_affected_area_ha", "illegality_areas"),
        fields={"id": ("id_field", "id"), "name": ("name_field",), "status": ("status_field",),
                "area": ("area_field",), "code": ("type_field",)},
        minimum=4, area_unit="ha",
    ),
    Schema(
        "amw_detections", "Amazon Mining Watch mining detections", Role.CONCESSION,
        required=("Mined area (ha)",),
        signature=("Polygon area (ha)", "Mined area (ha)"),
        fields={"area": ("Mined area (ha)", "Polygon area (ha)")},
        minimum=1, area_unit="ha",
    ),
    Schema(
        "sample_rivers", "Mining Impact Explorer sample rivers", Role.RIVER,
        required=("strahler", "length_km"),
        signature=("strahler", "length_km"),
        fields={"code": ("strahler",)},
        minimum=2,
    ),
    Schema(
        "partnership_locations", "Partnership registry: project locations", Role.PROJECT,
        required=("project_id", "latitude", "longitude"),
        signature=("project_id", "latitude", "longitude", "precision", "source_url",
                   "source_quote"),
        fields={"id": ("project_id",), "status": ("precision",)},
        minimum=3,
    ),
    Schema(
        "partnership_projects", "Partnership registry: projects", Role.PROJECT,
        required=("id", "name", "operator"),
        signature=("id", "name", "operator", "country", "commodity", "partnership_ids_or_list",
                   "location_text", "location_precision"),
        fields={"id": ("id",), "name": ("name",), "holder": ("operator",),
                "commodity": ("commodity",), "status": ("location_precision",)},
        minimum=5,
    ),
)
