"""Cover page: title, date, what was analysed, the overview map (legend, scale bar, north
arrow, graticule labels) and the data credits."""
from __future__ import annotations

from ..data import ReportData
from ..formatting import format_count, format_date
from ..maps import map_figure
from ..pdf import Flowable, Paragraph, Spacer

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
    try:
        from explorer.render import layers_extent
    except ImportError:
        return None
    focus = [l for l in data.vectors() if l.role.value != "context"]
    return layers_extent(focus or data.layers)


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
            language=lang), size=9.0, colour="#555555", space_after=8),
    ]
    figure = map_figure(data.layers, _extent(data), 150, _("Overview map of the layers analysed."),
                        legend=True, legend_title=_("Legend"), credits=_("Data: {credits}").format(
                            credits=credits_text(data))[:160])
    if figure is not None:
        out.append(figure)
    counts = ", ".join(f"{layer.name} ({format_count(len(layer.frame), lang)})" for layer in data.vectors())
    out += [Spacer(4), Paragraph(_("Layers analysed: {layers}.").format(layers=counts), size=8.5),
            Paragraph(_("Data credits: {credits}.").format(credits=credits_text(data)), size=8.0,
                      colour="#444444")]
    return out
