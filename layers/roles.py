"""The roles a layer can play in an analysis."""
from __future__ import annotations

from enum import Enum

__all__ = ["Role", "SENSITIVE_ROLES", "SUBJECT_ROLES", "role_label"]


class Role(str, Enum):
    """What a layer stands for.  The value is the stable name used in files and on the CLI."""

    CONCESSION = "concession"
    PROJECT = "project"
    BASIN = "basin"
    RIVER = "river"
    PROTECTED_AREA = "protected_area"
    INDIGENOUS_TERRITORY = "indigenous_territory"
    COMMUNITY = "community"
    CONTEXT = "context"
    RASTER = "raster"

    @classmethod
    def parse(cls, text: str) -> "Role":
        """Return the role named ``text`` (case and dashes ignored); raise ValueError if none."""
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        for role in cls:
            if role.value == key or role.name.lower() == key:
                return role
        raise ValueError(f"unknown role {text!r}; expected one of {[r.value for r in cls]}")


#: Roles whose features a concession can overlap or come near.
SENSITIVE_ROLES = (
    Role.PROTECTED_AREA,
    Role.INDIGENOUS_TERRITORY,
    Role.BASIN,
    Role.RIVER,
    Role.COMMUNITY,
)

#: Roles whose features are the subject of an analysis (what may cause harm).
SUBJECT_ROLES = (Role.CONCESSION, Role.PROJECT)

_LABELS = {
    Role.CONCESSION: "Mining concession",
    Role.PROJECT: "Partnership project",
    Role.BASIN: "Water basin",
    Role.RIVER: "River",
    Role.PROTECTED_AREA: "Protected area",
    Role.INDIGENOUS_TERRITORY: "Indigenous territory",
    Role.COMMUNITY: "Community",
    Role.CONTEXT: "Context",
    Role.RASTER: "Raster",
}


def role_label(role: Role) -> str:
    """English label of a role; the GUI and reports translate it through their catalogues."""
    return _LABELS[role]
