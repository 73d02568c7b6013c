"""Caveats a reader must have in mind before quoting a number from the report."""
from __future__ import annotations

from ..data import ReportData
from ..pdf import Flowable, Heading, PageBreak, Paragraph

__all__ = ["caveats_section"]


def caveats_section(data: ReportData) -> list[Flowable]:
    """The caveats page."""
    _ = data._
    points = [
        _("Absence of data is not absence of land: a territory, community or protected area that is "
          "missing from the input layers is not shown and not measured, but it may exist. Territories "
          "under study or not yet recognised are often missing from official layers."),
        _("Boundary versions differ: the same territory can have different boundaries in different "
          "official releases (for example FUNAI and older simplified versions). The numbers hold only for "
          "the boundary files identified by their hashes under Data sources."),
        _("Known error: areas and distances are computed on the WGS 84 ellipsoid with an error far "
          "below 0.1%; the dominant error is the positional accuracy of the source data (often tens to "
          "hundreds of metres), which this report cannot correct."),
        _("A mining title is an administrative claim, not proof of activity on the ground; and activity "
          "without a title (illegal mining) does not appear in title layers."),
        _("Simplified geometry is used only for the HTML map and the KMZ (for size); every number is "
          "computed on the full geometry."),
    ]
    return [PageBreak(), Heading(_("Caveats"), 1)] + [Paragraph(p, bullet="\u2022") for p in points]
