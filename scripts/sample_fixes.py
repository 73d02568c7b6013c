"""Explicit text repairs for the sample data: only values whose correct spelling is certain.

ANA's ottobacias ``.dbf`` lost its accented letters (each became U+FFFD); the FUNAI 2026 export
dropped a few letters.  Each entry replaces one whole value, never a pattern, so nothing is
guessed.  Values not listed are left exactly as in the source and counted.
"""
from __future__ import annotations

import geopandas as gpd

__all__ = ["BASIN_TEXT_FIXES", "FUNAI_TEXT_FIXES", "apply_fixes", "count_replacement_chars"]

R = "\ufffd"  # the replacement character left by the lost encoding

#: (columns, source value, fixed value).  Certain because the place or term is unambiguous.
BASIN_TEXT_FIXES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("REGIAO15",), f"COSTEIRA DO ATL{R}NTICO NORTE", "COSTEIRA DO ATLÂNTICO NORTE"),
    (("REG_DNAE12",), f"ATL{R}NTICO-TRECHO NORTE/NORDESTE", "ATLÂNTICO-TRECHO NORTE/NORDESTE"),
    (("PNRH1211",), f"Regi{R}o Hidrogr{R}fica Amaz{R}nica", "Região Hidrográfica Amazônica"),
    (("REGIAO37", "REGIAO48"), f"AMAP{R}", "AMAPÁ"),
    (("REGIAO37", "REGIAO48"), f"RIO MARAC{R}-PUCU", "RIO MARACÁ-PUCU"),
    (("REGIAO48",), f"MARAC{R}", "MARACÁ"),
    (("REGIAO48",), f"RIO UA{R}{R}", "RIO UAÇÁ"),
    (("REGIAO48",), f"RIO CAL{R}OENE", "RIO CALÇOENE"),
    (("REGIAO48",), f"IGARAP{R} PIRATIVA", "IGARAPÉ PIRATIVA"),
)

#: FUNAI 2026 export: letters dropped (no U+FFFD), restored from FUNAI's own spelling
#: (the aldeias layer writes the regional coordination in full; Juminá and Rio Paru d'Este are
#: FUNAI's official names).
FUNAI_TEXT_FIXES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("terrai_nom",), "Jumina", "Juminá"),
    (("terrai_nom",), "Rio Paru DEste", "Rio Paru d'Este"),
    (("undadm_nom",), "COORDENACAO REGIONAL AMAP E NORTE DO PAR",
     "COORDENACAO REGIONAL AMAPÁ E NORTE DO PARÁ"),
)


def apply_fixes(frame: gpd.GeoDataFrame, table) -> tuple[gpd.GeoDataFrame, list[dict]]:
    """Replace whole values listed in ``table``; return the frame and what was changed."""
    frame = frame.copy()
    done = []
    for columns, old, new in table:
        for column in columns:
            if column not in frame.columns:
                continue
            hits = frame[column] == old
            if hits.any():
                frame.loc[hits, column] = new
                done.append({"field": column, "from": old, "to": new, "features": int(hits.sum())})
    return frame, done


def count_replacement_chars(frame: gpd.GeoDataFrame) -> dict:
    """Values still holding U+FFFD, as {field: {value: features}}, left untouched on purpose."""
    left: dict[str, dict[str, int]] = {}
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        values = frame[column].dropna().astype(str)
        bad = values[values.str.contains(R, regex=False)]
        if len(bad):
            left[column] = {k: int(v) for k, v in sorted(bad.value_counts().items())}
    return left
