"""Where each printed number comes from: short notes under the PDF tables that name the CSV
file and columns the figures are read from, and say where the rows not printed are.

A reader (a lawyer) must be able to find every printed figure in a named column of a named
CSV file of the pack, and must be told when a table shows only part of the rows.
"""
from __future__ import annotations

from typing import Sequence

from ..data import ReportData
from ..exports import GPKG_NAME
from ..formatting import format_count
from ..pdf import Paragraph

__all__ = ["source_note", "cut_note", "TOP_ROWS"]

#: Rows of a per-pair table printed on a feature page; the rest are in the CSV and GeoPackage.
TOP_ROWS = 10


def source_note(data: ReportData, file: str, columns: Sequence[str], rows: str = "") -> Paragraph:
    """"Source: overlaps.csv, columns overlap_ha, pct_of_feature (rows where …)."."""
    _ = data._
    text = _("Source: {file}, columns {columns}.").format(file=file, columns=", ".join(columns))
    if rows:
        text += " " + rows
    return Paragraph(text, italic=True, size=7.5)


def cut_note(data: ReportData, shown: int, total: int, file: str) -> Paragraph | None:
    """"Showing the 10 largest of 96 rows; all 96 rows are in overlaps.csv and metrics.gpkg."
    (None when every row is shown)."""
    if total <= shown:
        return None
    _, lang = data._, data.lang
    return Paragraph(_("Showing the {shown} largest of {total} rows ({more} more not printed); all "
                       "{total} rows are in {file} and in the layer {layer} of {gpkg}.").format(
        shown=format_count(shown, lang), total=format_count(total, lang),
        more=format_count(total - shown, lang), file=file, layer=file.rsplit(".", 1)[0], gpkg=GPKG_NAME),
        italic=True, size=8.0)
