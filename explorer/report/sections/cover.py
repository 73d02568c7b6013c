"""Cover page: title, date, what was analysed, the overview map (legend, scale bar, north
arrow, graticule labels) and the data credits."""
from __future__ import annotations

from explorer.i18n.terms import language_in_text

from ..data import ReportData
from ..formatting import format_count, format_date
from ..maps import map_figure
from ..pdf import Flowable, Paragraph, Spacer
from ..study_area import study_extent

__all__ = ["cover_section", "credits_text"]


def credits_text(data: ReportData) -> str:
    """Publishers of the data, as one line (from the catalogue, else the layer names)."""
    publishers = []
    for entry in data.sources:
        publisher = str(entry.get("publisher") or "").strip()
        if publisher and publisher not in publishers:
            publishers.append(publisher)
    return "; ".join(publishers) or "; ".join(layer.name for layer in data.layers)


def _extent(data: ReportData):
    from ..maps import padded

    extent = study_extent(data.layers, data.tables)
    return padded(extent, 0.04) if extent is not None else None


def _outside(data: ReportData, extent) -> int:
    """How many partnership projects lie outside the overview map."""
    if extent is None:
        return 0
    import shapely

    box = shapely.box(*extent)
    return sum(int((~layer.geographic().intersects(box)).sum()) for layer in data.vectors()
               if layer.role.value == "project")


def cover_section(data: ReportData) -> list[Flowable]:
    """The cover page flowables."""
    _, lang = data._, data.lang
    out: list[Flowable] = [
        Paragraph(data.title or _("Mining impact evidence report"), size=22.0, bold=True,
                  colour="#17324d", space_after=6),
        Paragraph(_("Mining titles and partnership projects measured against Indigenous territories, "
                    "protected areas, basins, rivers and communities"), size=11.0, colour="#333333"),
        Paragraph(_("Created {date} (UTC {time}) in {language}").format(
            date=format_date(data.created, lang), time=data.created.strftime("%H:%M"),
            language=_(language_in_text(lang))), size=9.0, colour="#555555", space_after=8),
    ]
    extent = _extent(data)
    caption = _("Overview map of the layers analysed.")
    outside = _outside(data, extent)
    if outside:
        caption += " " + _("{count} partnership projects lie outside this map; they are listed on the "
                           "partnership pages and shown in map.html.").format(count=format_count(outside, lang))
    figure = map_figure(data.layers, extent, 150, caption,
                        legend=True, legend_title=_("Legend"), credits=_("Data: {credits}").format(
                            credits=credits_text(data))[:160], cache=data.map_cache)
    if figure is not None:
        out.append(figure)
    counts = ", ".join(f"{layer.name} ({format_count(len(layer.frame), lang)})" for layer in data.vectors())
    out += [Spacer(4), Paragraph(_("Layers analysed: {layers}.").format(layers=counts), size=8.5),
            Paragraph(_("Data credits: {credits}.").format(credits=credits_text(data)), size=8.0,
                      colour="#444444")]
    return out
