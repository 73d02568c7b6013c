"""Role names as the widgets show them, translatable (the English texts match
``layers.roles.role_label``; listed here so Qt's lupdate finds them)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from layers.roles import Role, role_label

__all__ = ["role_text"]

_CONTEXT = "Roles"
_TEXTS = {
    Role.CONCESSION: QT_TRANSLATE_NOOP("Roles", "Mining concession"),
    Role.PROJECT: QT_TRANSLATE_NOOP("Roles", "Partnership project"),
    Role.BASIN: QT_TRANSLATE_NOOP("Roles", "Water basin"),
    Role.RIVER: QT_TRANSLATE_NOOP("Roles", "River"),
    Role.PROTECTED_AREA: QT_TRANSLATE_NOOP("Roles", "Protected area"),
    Role.INDIGENOUS_TERRITORY: QT_TRANSLATE_NOOP("Roles", "Indigenous territory"),
    Role.COMMUNITY: QT_TRANSLATE_NOOP("Roles", "Community"),
    Role.CONTEXT: QT_TRANSLATE_NOOP("Roles", "Context"),
    Role.RASTER: QT_TRANSLATE_NOOP("Roles", "Raster"),
}


def role_text(role: Role | str) -> str:
    """The role's name in the interface language."""
    role = Role(role)
    return QCoreApplication.translate(_CONTEXT, _TEXTS.get(role, role_label(role)))
