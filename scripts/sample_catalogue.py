"""What ``sample_data/catalogue.json`` says about each sample file (display name, role, source,
publisher, licence, field mapping).  Feature counts come from the build itself."""
from __future__ import annotations

__all__ = ["ENTRIES", "MAPBIOMAS_CLASSES", "catalogue_entries"]

#: MapBiomas Collection 6 classes present in the two rasters (SOURCES.md): value, Portuguese
#: legend name, English name.  0 and 65535 are nodata.
MAPBIOMAS_CLASSES: tuple[tuple[int, str, str], ...] = (
    (3, "Formação Florestal", "Forest formation"),
    (4, "Formação Savânica", "Savanna formation"),
    (11, "Campo Alagado e Área Pantanosa", "Wetland"),
    (12, "Formação Campestre", "Grassland"),
    (15, "Pastagem", "Pasture"),
    (30, "Mineração", "Mining"),
    (33, "Rio, Lago e Oceano", "River, lake and ocean"),
    (41, "Outras Lavouras Temporárias", "Other temporary crops"),
)


#: Static description of each entry; ``features`` is filled in by the build.
ENTRIES: tuple[dict, ...] = (
    {
        "file": "concessions.gpkg", "layer": "concessions", "role": "concession",
        "name": "ANM mining titles (SIGMINE), Amapá 2021",
        "description": "All 1115 mining titles (processos minerários) of Amapá state: phase, "
                       "holder, substance, last event.",
        "source": "github.com/darrennorris/Amapa-mine data/vector/AP_mineracao_equalarea.GPKG "
                  "(commit 125c8b4), reprojected to EPSG:4674",
        "publisher": "Agência Nacional de Mineração (ANM), SIGMINE; repackaged by D. Norris (UNIFAP)",
        "licence": "ANM open government data; repackaging repository GPL-3.0",
        "crs": "EPSG:4674",
        "mapping": {"id": "PROCESSO", "name": "NOME", "holder": "NOME", "commodity": "SUBS",
                    "phase": "FASE", "status": "ULT_EVENTO", "area": "AREA_HA"},
    },
    {
        "file": "protected_areas.gpkg", "layer": "protected_areas", "role": "protected_area",
        "name": "Protected areas: ICMBio strict-protection units and FLOTA Amapá",
        "description": "5 federal strict-protection units (PARNA, REBIO, ESEC; ICMBio 2019) and "
                       "the Amapá State Forest (MMA/CNUC), in CNUC/ICMBio field names.",
        "source": "github.com/InfoAmazonia/amazonia-minada licenses/files_source/UCs_AmzLegal.zip; "
                  "github.com/darrennorris/terra-indigena-estrada vector/uaca_estrada.GPKG (flota_ap)",
        "publisher": "ICMBio; MMA Cadastro Nacional de Unidades de Conservação (CNUC)",
        "licence": "Brazilian federal open government data",
        "crs": "EPSG:4674",
        "mapping": {"id": "codigoCnuc", "name": "nome", "area": "areaHa", "code": "sigla"},
    },
    {
        "file": "indigenous_territories.gpkg", "layer": "indigenous_territories",
        "role": "indigenous_territory",
        "name": "Indigenous territories (FUNAI): Uaçá, Galibi, Juminá, Rio Paru d'Este",
        "description": "FUNAI Terras Indígenas polygons (2025-2026 boundaries for Uaçá, Galibi "
                       "and Juminá; Rio Paru d'Este via Amazon Mining Watch), FUNAI field names.",
        "source": "github.com/jhamenson/WebGis-Energia-Limpa data/area_de_estudo.geojson "
                  "(commit 17befa1); github.com/earthrise-media/mining-detector "
                  "indigenous_territories_impacts.geojson (commit bbbcb2d)",
        "publisher": "Fundação Nacional dos Povos Indígenas (FUNAI); Earth Genome / Amazon Mining Watch",
        "licence": "FUNAI public government data; AMW data CC BY 4.0",
        "crs": "EPSG:4326",
        "mapping": {"id": "terrai_cod", "name": "terrai_nom", "status": "fase_ti",
                    "area": "superficie"},
    },
    {
        "file": "basins.gpkg", "layer": "basins", "role": "basin",
        "name": "ANA ottobacias, level 4 (Otto Pfafstetter)",
        "description": "68 level-4 Otto Pfafstetter basins covering Amapá, with codes NIVEL11-"
                       "NIVEL44 and names REGIAO15-REGIAO48; whole basins, not clipped.",
        "source": "github.com/darrennorris/sacr inst/shape/ottobacias_ap.shp (commit 966a832)",
        "publisher": "Agência Nacional de Águas e Saneamento Básico (ANA); selected by D. Norris",
        "licence": "ANA open government data (licence text not verified); repository GPL-3.0",
        "crs": "EPSG:4326",
        "mapping": {"id": "NIVEL44", "name": "REGIAO48", "code": "NIVEL44"},
    },
    {
        "file": "rivers.gpkg", "layer": "rivers", "role": "river",
        "name": "Rivers of Amapá (Free-Flowing Rivers, simplified)",
        "description": "FFR v1 river reaches of Amapá, tiny headwater reaches dropped and lines "
                       "simplified (see README); topological Strahler order and geodesic length.",
        "source": "github.com/darrennorris/Amapa-mine data/vector/AP_rios/AP_FFR_river_v1.shp",
        "publisher": "Grill et al. 2019 (WWF, McGill University), Free-Flowing Rivers v1; "
                     "clipped by D. Norris",
        "licence": "CC BY 4.0",
        "crs": "EPSG:4674",
        "mapping": {},
    },
    {
        "file": "villages.gpkg", "layer": "villages", "role": "community",
        "name": "Indigenous villages (FUNAI aldeias)",
        "description": "55 FUNAI village points in and near TI Uaçá.",
        "source": "github.com/darrennorris/terra-indigena-estrada vector/uaca_estrada.GPKG (aldeias)",
        "publisher": "FUNAI; compiled by D. Norris",
        "licence": "FUNAI public government data; repository GPL-3.0",
        "crs": "EPSG:31976",
        "mapping": {"id": "cod_aldeia", "name": "nome_aldei"},
    },
    {
        "file": "borders.gpkg", "layer": "countries", "role": "context",
        "name": "Country borders (Natural Earth)",
        "description": "Every country at 1:110m, and Brazil, France (with French Guiana) and "
                       "Suriname at 1:50m (column scale), for an offline basemap.",
        "source": "npm world-atlas@2.0.2 countries-110m.json and countries-50m.json (Natural Earth v4.1.0)",
        "publisher": "Natural Earth",
        "licence": "Public domain",
        "crs": "EPSG:4326",
        "mapping": {"id": "id", "name": "name"},
    },
    {
        "file": "mapbiomas_1985.tif", "layer": None, "role": "raster",
        "name": "MapBiomas land cover 1985, Lourenço",
        "description": "MapBiomas Collection 6 land cover and use around the Lourenço garimpo "
                       "(class 30 = mining), ~30 m.",
        "source": "github.com/darrennorris/Amapa-mine data/raster/Mapbiomas_cover_lourenco_utm/"
                  "utm_cover_AP_lorenco_1985.tif",
        "publisher": "MapBiomas Brazil, Collection 6",
        "licence": "CC BY 4.0",
        "crs": "EPSG:31976",
        "mapping": {},
    },
    {
        "file": "mapbiomas_2020.tif", "layer": None, "role": "raster",
        "name": "MapBiomas land cover 2020, Lourenço",
        "description": "MapBiomas Collection 6 land cover and use around the Lourenço garimpo "
                       "(class 30 = mining), ~30 m.",
        "source": "github.com/darrennorris/Amapa-mine data/raster/Mapbiomas_cover_lourenco_utm/"
                  "utm_cover_AP_lorenco_2020.tif",
        "publisher": "MapBiomas Brazil, Collection 6",
        "licence": "CC BY 4.0",
        "crs": "EPSG:31976",
        "mapping": {},
    },
    {
        "file": "partnerships/project_locations.csv", "layer": None, "role": "project",
        "name": "Critical-minerals partnership projects (located)",
        "description": "Points (longitude/latitude, WGS 84) of 30 of the 33 partnership projects; "
                       "the full registry is the partnerships/ folder (read it with "
                       "layers.partnerships.read_registry).",
        "source": "Mining Impact Explorer shared data, partnerships/ (public web pages cited row by row)",
        "publisher": "Compiled for Mining Impact Explorer from government and press sources",
        "licence": "Facts with row-by-row citations; see sample_data/README.md",
        "crs": "EPSG:4326",
        "mapping": {"id": "project_id"},
        "registry": "partnerships",
    },
)


def catalogue_entries(counts: dict[str, int]) -> list[dict]:
    """The catalogue list, each entry with its feature count (None for rasters)."""
    out = []
    for entry in ENTRIES:
        item = dict(entry)
        item["features"] = counts.get(entry["file"])
        out.append(item)
    return out
