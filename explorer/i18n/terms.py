"""The domain terms of reports, as the field uses them in each language.

The English ids are marked with ``N_`` so the extractor finds them; translate at use time with
``_(role_name(role))``.  Glossary (pt-BR / es / fr): Indigenous territory = Terra Indígena /
territorio indígena / territoire autochtone; protected area = Unidade de Conservação / área
protegida / aire protégée; mining concession = título minerário / concesión minera / concession
minière; water basin = bacia hidrográfica / cuenca hidrográfica / bassin versant.
"""
from __future__ import annotations

from layers.roles import Role

__all__ = ["N_", "role_name", "role_plural"]


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
