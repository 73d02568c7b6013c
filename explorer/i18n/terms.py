"""The domain terms of reports, as the field uses them in each language.

The English ids are marked with ``N_`` so the extractor finds them; translate at use time with
``_(role_name(role))``.  Glossary (pt-BR / es / fr): Indigenous territory = Terra Indígena /
territorio indígena / territoire autochtone; protected area = Unidade de Conservação / área
protegida / aire protégée; mining concession = título minerário / concesión minera / concession
minière; water basin = bacia hidrográfica / cuenca hidrográfica / bassin versant.
"""
from __future__ import annotations

from layers.roles import Role

__all__ = ["N_", "role_name", "role_plural", "language_in_text", "registry_term", "repair_label", "REGISTRY_TERMS"]


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


_NAMES = {
    Role.CONCESSION: (N_("Mining concession"), N_("Mining concessions")),
    Role.PROJECT: (N_("Partnership project"), N_("Partnership projects")),
    Role.BASIN: (N_("Water basin"), N_("Water basins")),
    Role.RIVER: (N_("River"), N_("Rivers")),
    Role.PROTECTED_AREA: (N_("Protected area"), N_("Protected areas")),
    Role.INDIGENOUS_TERRITORY: (N_("Indigenous territory"), N_("Indigenous territories")),
    Role.COMMUNITY: (N_("Community"), N_("Communities")),
    Role.CONTEXT: (N_("Context"), N_("Context")),
    Role.RASTER: (N_("Raster"), N_("Rasters")),
}


def _role(role: Role | str) -> Role:
    return role if isinstance(role, Role) else Role.parse(str(role))


def role_name(role: Role | str) -> str:
    """English message id of a role's singular name (translate it with ``_``)."""
    return _NAMES[_role(role)][0]


def role_plural(role: Role | str) -> str:
    """English message id of a role's plural name (translate it with ``_``)."""
    return _NAMES[_role(role)][1]


#: Each report language as a sentence names it ("Created ... in Brazilian Portuguese").
_LANGUAGES_IN_TEXT = {"en": N_("English"), "pt": N_("Brazilian Portuguese"), "es": N_("Spanish"),
                      "fr": N_("French")}


def language_in_text(lang: str) -> str:
    """English message id naming the language ``lang`` inside a sentence (translate with ``_``)."""
    code = (lang or "en").replace("-", "_").split("_")[0].lower()
    return _LANGUAGES_IN_TEXT.get(code, _LANGUAGES_IN_TEXT["en"])


#: The partnership registry's controlled words (focus areas, location precision): English ids,
#: translated with ``_`` where shown; free text of the registry stays as published.
REGISTRY_TERMS = frozenset({
    N_("ESG/responsible sourcing"), N_("R&D"), N_("capacity building/technical assistance"),
    N_("domestic processing/value addition"), N_("open markets"), N_("project financing"),
    N_("stakeholder consultation"), N_("site"), N_("town"), N_("region"), N_("named mine/town"),
    N_("country only"),
})


def registry_term(value: str | None, _) -> str:
    """A registry value in the reader's language when it is one of the controlled words."""
    text = "" if value is None else str(value)
    return _(text) if text in REGISTRY_TERMS else text


#: What each kind of repair made on load did, for the report's list of repairs.
_REPAIRS = {
    "make_valid": N_("Invalid geometries repaired"), "drop_empty": N_("Empty geometries dropped"),
    "drop_null": N_("Features without geometry dropped"), "force_2d": N_("Heights (Z) removed"),
    "promote_multi": N_("Geometries made multi-part"), "decode": N_("Text decoded from another encoding"),
    "fix_geometry_encoding": N_("Broken geometries rebuilt"), "driver_warning": N_("Warning from the file reader"),
    "choose_layer": N_("First of several layers read"), "assign_crs": N_("Coordinate system given by the user"),
    "assumed_crs": N_("Coordinate system assumed (WGS 84)"), "replace_crs": N_("Declared coordinate system replaced"),
    "decimal_comma": N_("Decimal commas read as points"), "mapping_column_missing": N_("Mapped column missing"),
    "not_located": N_("Projects without a disclosed location"),
}


def repair_label(kind: str) -> str:
    """English message id describing a kind of repair (the kind itself when unknown)."""
    return _REPAIRS.get(kind, kind)
