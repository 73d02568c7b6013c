#!/usr/bin/env python
"""Build ``sample_data/`` (the bundled Amapá sample) from the shared source folder.

Usage::

    python scripts/build_sample_data.py [SHARED_DATA] [--out FOLDER]

SHARED_DATA defaults to ``../shared/data`` next to the repository and must hold ``amapa/`` and
``partnerships/`` (see their SOURCES.md).  The output defaults to ``sample_data/`` in the
repository.  The script is deterministic and re-runnable; the app never needs it at run time.
What each step changes is written in ``sample_data/README.md``; the numbers of the last run are in
``sample_data/build_summary.json``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_catalogue import MAPBIOMAS_CLASSES, catalogue_entries  # noqa: E402
from sample_fixes import BASIN_TEXT_FIXES, FUNAI_TEXT_FIXES, apply_fixes, count_replacement_chars  # noqa: E402
from sample_rivers import prepare_rivers  # noqa: E402
from sample_world import decode_topojson, fetch_world_atlas  # noqa: E402

__all__ = ["build", "main"]

REPO = Path(__file__).resolve().parents[1]
GEOGRAPHIC_CRS = "EPSG:4674"  # SIRGAS 2000, Brazil's official geographic CRS (= WGS 84 to ~cm)
REGISTRY_FILES = ("partnerships.csv", "projects.csv", "project_locations.csv")


def _read(folder: Path, name: str, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read one source layer with pyogrio."""
    return gpd.read_file(folder / name, layer=layer, engine="pyogrio")


def _write(frame: gpd.GeoDataFrame, path: Path, layer: str, *, spatial_index: bool = True) -> int:
    """Write one GeoPackage layer (replacing the file), multi-part geometries; return the count."""
    if path.exists():
        path.unlink()
    frame = frame.reset_index(drop=True)
    frame.to_file(path, layer=layer, driver="GPKG", engine="pyogrio", promote_to_multi=True,
                  layer_options={"SPATIAL_INDEX": "YES" if spatial_index else "NO"})
    return len(frame)


def build_concessions(amapa: Path, out: Path) -> int:
    """All ANM SIGMINE titles of Amapá, fields unchanged, EPSG:4674."""
    titles = _read(amapa, "anm_sigmine_ap_2021.gpkg", "sigmine_AP_2021_poligonos")
    return _write(titles, out / "concessions.gpkg", "concessions")


def _flota_as_cnuc(flota: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The MMA/CNUC FLOTA record expressed in the ICMBio/CNUC field names."""
    return gpd.GeoDataFrame(
        {
            "codigoCnuc": flota["CODIGO_U11"],
            "nome": flota["NOME_UC1"],
            "anoCriacao": pd.to_numeric(flota["ANO_CRIA6"]).astype("Int64"),
            "sigla": "FLOTA",
            "categoria": "Floresta Estadual",
            "areaHa": float("nan"),  # CNUC record gives no area; not invented
            "atoLegal": flota["ATO_LEGA9"],
            "administra": "Estadual",
            "orgaoGestor": flota["NOME_ORG12"],
            "SiglaGrupo": flota["GRUPO4"],
            "UF": "AP",
            "fonte": "uaca_estrada.gpkg:flota_ap (MMA/CNUC)",
        },
        geometry=_valid(flota.geometry.to_crs(GEOGRAPHIC_CRS).values),
        crs=GEOGRAPHIC_CRS,
    )


def _valid(geoms):
    """make_valid (structure method) where reprojection made a ring touch itself."""
    return shapely.make_valid(geoms, method="structure", keep_collapsed=False)


_ICMBIO_CATEGORY = {
    "PARNA": "Parque Nacional",
    "REBIO": "Reserva Biológica",
    "ESEC": "Estação Ecológica",
}


def build_protected_areas(amapa: Path, out: Path) -> int:
    """ICMBio federal strict-protection units plus FLOTA Amapá, one layer in EPSG:4674."""
    ucs = _read(amapa, "icmbio_uc_federal_pi_2019_amapa.gpkg", "uc_federal_pi_2019")
    ucs = ucs.to_crs(GEOGRAPHIC_CRS)
    icmbio = ucs[["codigoCnuc", "nome", "anoCriacao", "sigla", "areaHa", "atoLegal",
                  "administra", "SiglaGrupo", "UF", "geometry"]].copy()
    icmbio["anoCriacao"] = pd.to_numeric(icmbio["anoCriacao"]).astype("Int64")
    icmbio.insert(4, "categoria", icmbio["sigla"].map(_ICMBIO_CATEGORY))
    icmbio.insert(8, "orgaoGestor", "ICMBio")
    icmbio["fonte"] = "icmbio_uc_federal_pi_2019_amapa.gpkg:uc_federal_pi_2019 (ICMBio)"
    flota = _flota_as_cnuc(_read(amapa, "uaca_estrada.gpkg", "flota_ap"))
    merged = pd.concat([icmbio, flota[icmbio.columns]], ignore_index=True)
    return _write(gpd.GeoDataFrame(merged, crs=GEOGRAPHIC_CRS), out / "protected_areas.gpkg",
                  "protected_areas")


_TI_FIELDS = ["terrai_cod", "terrai_nom", "etnia_nome", "municipio_", "uf_sigla", "superficie",
              "fase_ti", "modalidade", "undadm_nom", "undadm_sig", "data_atual"]


def _paru_as_funai(amw: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Rio Paru d'Este (the only Brazilian AMW territory here) in FUNAI field names."""
    paru = amw[amw["country_code"] == "BR"]
    if len(paru) != 1:
        raise ValueError(f"expected one Brazilian AMW territory, found {len(paru)}")
    return gpd.GeoDataFrame(
        {
            "terrai_cod": paru["id_field"].astype(str).values,
            "terrai_nom": paru["name_field"].values,
            "etnia_nome": paru["ethnicities_field"].values,
            "uf_sigla": ["PA"],  # AMW location regionId 1500503 = IBGE Almeirim, Pará
            "fase_ti": paru["status_field"].values,
            "fonte": ["amw_indigenous_territories_mining_impacts_amapa.geojson (AMW/FUNAI)"],
        },
        geometry=paru.geometry.values,
        crs=amw.crs,
    )


def build_indigenous_territories(amapa: Path, out: Path) -> tuple[int, list[dict]]:
    """FUNAI Uaçá, Galibi, Juminá (2025-2026 boundaries) plus Rio Paru d'Este, EPSG:4326."""
    funai = _read(amapa, "funai_ti_amapa_2026.gpkg", "funai_terras_indigenas")
    funai = funai[_TI_FIELDS + ["geometry"]].copy()
    funai["terrai_cod"] = funai["terrai_cod"].astype(str)
    funai["fonte"] = "funai_ti_amapa_2026.gpkg:funai_terras_indigenas (FUNAI)"
    paru = _paru_as_funai(_read(amapa, "amw_indigenous_territories_mining_impacts_amapa.geojson"))
    merged = gpd.GeoDataFrame(pd.concat([funai, paru], ignore_index=True), crs=funai.crs)
    merged = merged[_TI_FIELDS + ["fonte", "geometry"]]
    merged, fixes = apply_fixes(merged, FUNAI_TEXT_FIXES)
    count = _write(merged, out / "indigenous_territories.gpkg", "indigenous_territories")
    return count, fixes


def build_basins(amapa: Path, out: Path) -> tuple[int, list[dict], dict]:
    """ANA level-4 ottobacias, all fields, with certain accent fixes; EPSG:4326 as the source."""
    basins = _read(amapa, "ana_ottobacias_nivel4_ap.gpkg", "ottobacias_nivel4")
    basins, fixes = apply_fixes(basins, BASIN_TEXT_FIXES)
    left = count_replacement_chars(basins)
    return _write(basins, out / "basins.gpkg", "basins"), fixes, left


def build_rivers(amapa: Path, out: Path) -> tuple[int, dict]:
    """FFR reaches: headwater pruning and simplification in Albers metres, then EPSG:4674."""
    source = _read(amapa, "ffr_rivers_ap_geometry_only.gpkg", "AP_FFR_river_v1")
    rivers, stats = prepare_rivers(source, GEOGRAPHIC_CRS)
    # no R-tree: it would add 1.3 MB to a 2.5 MB file that is always read whole
    return _write(rivers, out / "rivers.gpkg", "rivers", spatial_index=False), stats


def build_villages(amapa: Path, out: Path) -> int:
    """The 55 FUNAI aldeias, fields unchanged, in the source EPSG:31976."""
    villages = _read(amapa, "uaca_estrada.gpkg", "aldeias")
    return _write(villages, out / "villages.gpkg", "villages")


def build_borders(amapa: Path, out: Path, world_atlas: Path | None = None) -> int:
    """Country borders for the offline basemap, EPSG:4326: the whole world at Natural Earth
    1:110m (npm ``world-atlas``), with the 1:50m outlines of the shared file for the countries it
    holds (Brazil, France with French Guiana, Suriname).  Without npm or ``world_atlas``, only
    the 1:50m countries are written."""
    detailed = _read(amapa, "naturalearth_countries_50m_amapa.geojson")
    detailed["scale"] = "1:50m"
    with tempfile.TemporaryDirectory() as tmp:
        source = world_atlas or fetch_world_atlas(Path(tmp))
        if source is not None:
            world = decode_topojson(json.loads(Path(source).read_text(encoding="utf-8")), "countries")
            world = world[~world["id"].isin(set(detailed["id"].astype(str)))].assign(scale="1:110m")
            detailed = pd.concat([world, detailed.assign(id=detailed["id"].astype(str))], ignore_index=True)
    borders = gpd.GeoDataFrame(detailed, geometry="geometry", crs="EPSG:4326")
    return _write(borders.sort_values("id", kind="stable"), out / "borders.gpkg", "countries")


def copy_rasters(amapa: Path, out: Path) -> None:
    """MapBiomas Collection 6 rasters, byte-for-byte copies (renamed), and their class legend."""
    for year in (1985, 2020):
        shutil.copyfile(amapa / f"mapbiomas_c6_lourenco_{year}.tif", out / f"mapbiomas_{year}.tif")
    legend = pd.DataFrame(MAPBIOMAS_CLASSES, columns=["value", "name_pt", "name_en"])
    legend.to_csv(out / "mapbiomas_legend.csv", index=False, encoding="utf-8", lineterminator="\n")


def copy_registry(partnerships: Path, out: Path) -> dict[str, int]:
    """The partnership registry CSVs, checked to decode as UTF-8 and written as UTF-8 (no BOM)."""
    target = out / "partnerships"
    target.mkdir(exist_ok=True)
    rows = {}
    for name in REGISTRY_FILES:
        text = (partnerships / name).read_bytes().decode("utf-8-sig")
        (target / name).write_bytes(text.encode("utf-8"))
        rows[name] = len(pd.read_csv(target / name, dtype=str))
    return rows


def _sha256(path: Path) -> str:
    """SHA-256 of a file, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(shared: Path, out: Path, world_atlas: Path | None = None) -> dict:
    """Build every sample file from ``shared`` into ``out``; return the build summary."""
    amapa, partnerships = shared / "amapa", shared / "partnerships"
    for folder in (amapa, partnerships):
        if not folder.is_dir():
            raise SystemExit(f"source folder not found: {folder}")
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    counts["concessions.gpkg"] = build_concessions(amapa, out)
    counts["protected_areas.gpkg"] = build_protected_areas(amapa, out)
    counts["indigenous_territories.gpkg"], ti_fixes = build_indigenous_territories(amapa, out)
    counts["basins.gpkg"], basin_fixes, basin_left = build_basins(amapa, out)
    counts["rivers.gpkg"], river_stats = build_rivers(amapa, out)
    counts["villages.gpkg"] = build_villages(amapa, out)
    counts["borders.gpkg"] = build_borders(amapa, out, world_atlas)
    copy_rasters(amapa, out)
    registry_rows = copy_registry(partnerships, out)
    counts["partnerships/project_locations.csv"] = registry_rows["project_locations.csv"]
    catalogue = catalogue_entries(counts)
    (out / "catalogue.json").write_text(
        json.dumps(catalogue, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = {
        "feature_counts": counts,
        "registry_rows": registry_rows,
        "rivers": river_stats,
        "accent_fixes": {"basins.gpkg": basin_fixes, "indigenous_territories.gpkg": ti_fixes},
        "replacement_chars_left": {"basins.gpkg": basin_left},
        "sources_sha256": {p.name: _sha256(p) for p in sorted(amapa.iterdir())
                           if p.is_file() and not p.name.startswith("terrame_")},
    }
    (out / "build_summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder holding amapa/ and partnerships/ (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=REPO / "sample_data",
                        help="output folder (default: sample_data/ in the repository)")
    parser.add_argument("--world-atlas", type=Path, default=None,
                        help="countries-110m.json of npm world-atlas@2.0.2 (default: npm pack it)")
    args = parser.parse_args(argv)
    summary = build(args.shared.resolve(), args.out.resolve(), args.world_atlas)
    print(json.dumps({k: summary[k] for k in ("feature_counts", "rivers")}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
