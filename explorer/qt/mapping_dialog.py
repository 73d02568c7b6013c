"""Dialog choosing a layer's role and field mapping, starting from the detected suggestion.

It only collects the choice (MNELAB's dialogs); the caller applies it as undoable commands."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from layers.fields import detect_mapping, suggest_role
from layers.model import MAPPING_KEYS, FieldMapping
from layers.roles import Role

from .role_text import role_text

__all__ = ["MappingDialog", "suggested_choice"]

_KEY_LABELS = {
    "id": QT_TRANSLATE_NOOP("MappingDialog", "Identifier"),
    "name": QT_TRANSLATE_NOOP("MappingDialog", "Name"),
    "holder": QT_TRANSLATE_NOOP("MappingDialog", "Holder / operator"),
    "commodity": QT_TRANSLATE_NOOP("MappingDialog", "Commodity"),
    "status": QT_TRANSLATE_NOOP("MappingDialog", "Status"),
    "phase": QT_TRANSLATE_NOOP("MappingDialog", "Phase"),
    "area": QT_TRANSLATE_NOOP("MappingDialog", "Declared area"),
    "code": QT_TRANSLATE_NOOP("MappingDialog", "Basin code"),
    "next_down": QT_TRANSLATE_NOOP("MappingDialog", "Next basin downstream"),
}


def suggested_choice(layer: Any) -> tuple[Role, FieldMapping]:
    """The role and mapping to offer for a freshly loaded vector layer.

    A mapping already set by the reader wins; otherwise the columns are recognised here."""
    columns = [c for c in layer.frame.columns if c != layer.frame.geometry.name]
    mapping = layer.mapping if layer.mapping and layer.mapping.schema else detect_mapping(columns)
    role = suggest_role(mapping) or layer.role
    return role, mapping


class MappingDialog(QDialog):
    """Role and one column per mapping key, preset to the suggestion."""

    def __init__(self, layer: Any, role: Role, mapping: FieldMapping, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Role and fields of %1").replace("%1", layer.name))
        self.role_box = QComboBox(self)
        for item in Role:
            self.role_box.addItem(role_text(item), item.value)
        self.role_box.setCurrentIndex(self.role_box.findData(Role(role).value))
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role_box)
        self.schema = mapping.schema
        self.boxes: dict[str, QComboBox] = {}
        columns = self._columns(layer)
        for key in MAPPING_KEYS if columns else ():
            box = QComboBox(self)
            box.addItem(self.tr("(none)"), None)
            for column in columns:
                box.addItem(column, column)
            box.setCurrentIndex(max(0, box.findData(getattr(mapping, key))))
            self.boxes[key] = box
            form.addRow(self.tr(_KEY_LABELS[key]), box)
        note = self.tr("Recognised schema: %1").replace("%1", mapping.schema) if mapping.schema \
            else self.tr("No known schema recognised; choose the columns yourself.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(note, self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _columns(layer: Any) -> list[str]:
        frame = getattr(layer, "frame", None)
        if frame is None:
            return []
        return [str(c) for c in frame.columns if c != frame.geometry.name]

    def role(self) -> Role:
        """The chosen role."""
        return Role(self.role_box.currentData())

    def mapping(self) -> FieldMapping:
        """The chosen mapping (schema kept from the suggestion)."""
        chosen = {key: box.currentData() for key, box in self.boxes.items()}
        return FieldMapping(schema=self.schema, **chosen)
