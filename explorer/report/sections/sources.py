"""Data sources: for every input, its publisher, licence, file, SHA-256, original CRS and
feature count (from the sample catalogue and each layer's provenance)."""
from __future__ import annotations

from pathlib import Path

from explorer.i18n.terms import repair_label

from ..data import ReportData
from ..formatting import format_count
from ..pdf import Flowable, Heading, PageBreak, Paragraph, Table

__all__ = ["sources_section", "source_rows"]


def _catalogue_entry(data: ReportData, path: str) -> dict:
    """The catalogue entry of the file at ``path``, or of the folder it names (the partnership
    registry is loaded from a folder whose files the catalogue lists one by one)."""
    name = Path(path).name
    for entry in data.sources:
        listed = Path(str(entry.get("file", "")))
        if listed.name == name or (len(listed.parts) > 1 and listed.parts[0] == name):
            return entry
    return {}


def source_rows(data: ReportData) -> list[list[str]]:
    """One row per layer: name, publisher, licence, file, SHA-256, original CRS, features."""
    _ = data._
    rows = []
    for layer in data.layers:
        prov = layer.provenance
        entry = _catalogue_entry(data, prov.path)
        count = len(layer.frame) if hasattr(layer, "frame") else 0
        rows.append([layer.name, entry.get("publisher") or _("not recorded"),
                     entry.get("licence") or _("not recorded"), Path(prov.path).name,
                     prov.sha256 or _("not recorded"), str(prov.original_crs or entry.get("crs") or ""),
                     format_count(count, data.lang) if count else ""])
    return rows


def _repairs(data: ReportData) -> list[list[str]]:
    """Layer, what was done (in the reader's language) with how many, and the detail as recorded."""
    _, rows = data._, []
    for layer in data.layers:
        for repair in getattr(layer.provenance, "repairs", ()):
            rows.append([layer.name, f"{_(repair_label(repair.kind))}: {format_count(repair.count, data.lang)}",
                         repair.detail])
    return rows


def sources_section(data: ReportData) -> list[Flowable]:
    """The data-sources table, with the repairs made on load."""
    _ = data._
    out: list[Flowable] = [PageBreak(), Heading(_("Data sources"), 1),
                           Paragraph(_("Each input file is identified by its SHA-256 hash: a file with "
                                       "the same hash holds exactly the same bytes."))]
    out.append(Table([_("Layer"), _("Publisher"), _("Licence"), _("File"), _("SHA-256"),
                      _("Original CRS"), _("Features")], source_rows(data), align="llllllr",
                     caption=_("Input layers"), continued=_("(continued)"),
                     weights=[1.6, 1.6, 1.3, 1.1, 1.6, 1.0, 0.9]))
    registry = data.registry
    if registry is not None and getattr(registry, "files", ()):
        rows = [[Path(path).name, digest] for path, digest in registry.files]
        out.append(Table([_("File"), _("SHA-256")], rows, align="ll", weights=[1.0, 3.0],
                         caption=_("Partnership registry files"), continued=_("(continued)")))
    repairs = _repairs(data)
    out.append(Heading(_("Repairs made on load"), 2))
    if repairs:
        out.append(Table([_("Layer"), _("Repair"), _("Detail as recorded")], repairs, align="lll",
                         weights=[1.0, 1.3, 2.0],
                         continued=_("(continued)")))
    else:
        out.append(Paragraph(_("No geometry or attribute was repaired on load.")))
    return out
