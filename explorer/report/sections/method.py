"""Method statement: reference frame, ellipsoid, area and distance methods, rings, the
downstream and raster rules, the parameters and the software versions."""
from __future__ import annotations

from ..data import ReportData
from ..formatting import format_number
from ..pdf import Flowable, Heading, PageBreak, Paragraph, Table
from ..versions import software_versions

__all__ = ["method_section"]


def _rules(data: ReportData) -> list[tuple[str, str]]:
    _, lang = data._, data.lang
    settings = data.analysis.settings
    rings = ", ".join(format_number(r, 0, lang) for r in settings.rings_km)
    return [
        (_("Reference system"), _("Every layer is reprojected to WGS 84 longitude/latitude (EPSG:4326) "
                                  "before it is measured; the original system of each layer is listed "
                                  "under Data sources.")),
        (_("Ellipsoid"), _("WGS 84: semi-major axis 6,378,137 m, inverse flattening 298.257223563.")),
        (_("Areas"), _area_rule(data)),
        (_("Overlaps"), _("The intersection of each pair of title and sensitive feature. Totals per "
                          "feature and per title dissolve overlapping titles first, so no hectare is "
                          "counted twice.")),
        (_("Distances"), _("Geodesic edge-to-edge distance on the WGS 84 ellipsoid between the nearest "
                           "points of the two features (0 when they touch or overlap).")),
        (_("Rings"), _("Rings of {rings} km around each title, buffered on the ellipsoid (local azimuthal "
                       "equidistant projection), not in degrees.").format(rings=rings) + " "
         + _("Which features lie within a ring is decided by their distance. The areas inside a ring "
             "are measured with a polygon whose boundary lies within 0.08 % of the ring's radius, "
             "except next to a notch in a title, which is filled before buffering when that moves "
             "the ring by little: there the boundary may lie up to 1.5 % of the radius beyond the "
             "exact ring, never inside it.")),
        (_("Downstream rule"), _("Basins downstream of a title are followed through the drainage "
                                 "topology (HydroBASINS NEXT_DOWN, or Otto Pfafstetter codes within one "
                                 "coastal unit) up to {km} km.").format(km=format_number(settings.reach_km, 0, lang))),
        (_("Raster rule"), _raster_rule(data)),
        (_("Maps"), _("Maps only illustrate; no number is read from them. On the PDF maps, lines and "
                      "boundaries are simplified to about a thousandth of the map's width, and river "
                      "reaches are thinned by Strahler order with the map's width (every order up to "
                      "60 km wide, order 2 and above up to 150 km, 3 and above up to 400 km, 4 and above "
                      "beyond). In map.html, geometry is simplified at 0.0002\u00b0 (about 22 m) and "
                      "coordinates are rounded to 0.00001\u00b0 (about 1 m).")),
    ]


def _area_rule(data: ReportData) -> str:
    _, lang = data._, data.lang
    step = format_number(data.analysis.settings.densify_m, 0, lang)
    if data.analysis.settings.edges == "geodesic":
        return _("Areas are computed on the ellipsoid, never on planar degrees: polygon edges are "
                 "first densified along the geodesic (at most {m} m between points), then the area "
                 "is integrated over the ellipsoid.").format(m=step)
    return _("Areas are computed on the ellipsoid, never on planar degrees: each polygon edge is the "
             "straight segment between its vertices in the layer's own coordinates (as in QGIS, and "
             "as mining titles are described, with sides along meridians and parallels), and the "
             "area is integrated exactly over the ellipsoid along those edges. Before distances are "
             "measured, edges longer than {m} m get intermediate points on the same segment."
             ).format(m=step)


def _raster_rule(data: ReportData) -> str:
    _ = data._
    settings = data.analysis.settings
    if settings.pixel_rule == "fraction":
        text = _("A pixel counts inside a title or ring in proportion to the share of its area that "
                 "lies inside.")
    else:
        text = _("A pixel counts inside a title or ring when its centre is inside.")
    return text + " " + _("Class areas are pixel counts times the pixel's area on the ellipsoid. "
                          "Mining class: {cls}.").format(cls=settings.mining_class)


def method_section(data: ReportData) -> list[Flowable]:
    """The method statement and the software versions."""
    _ = data._
    out: list[Flowable] = [PageBreak(), Heading(_("Method statement"), 1),
                           Paragraph(_("Every number in this report can be re-computed with the "
                                       "command recorded in manifest.json; the command "
                                       "'mining-explorer verify' checks the hashes and re-runs the "
                                       "analysis."))]
    out.append(Table([_("Topic"), _("Rule")], _rules(data), align="ll", weights=[1.0, 4.0],
                     caption=_("How the numbers were computed"), continued=_("(continued)")))
    if data.command_line.startswith("mining-explorer report"):
        out.append(Heading(_("Command that re-creates this pack"), 2))
        out.append(Paragraph(data.command_line, size=8.0))
    elif data.command_line:
        out.append(Heading(_("How to check this pack"), 2))
        out.append(Paragraph(_("This pack was made in the desktop application. The command "
                               "'mining-explorer verify' followed by the pack's folder loads every "
                               "layer again from the files listed in manifest.json (recipe) and "
                               "re-runs the analysis with the recorded parameters.")))
    versions = sorted(software_versions().items())
    out.append(Table([_("Software"), _("Version")], [[_("Operating system") if k == "platform" else k, v] for k, v in versions], align="ll",
                     weights=[1.0, 2.5], caption=_("Software versions"), continued=_("(continued)")))
    return out
